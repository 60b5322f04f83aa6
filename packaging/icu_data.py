"""A smaller ICU data library for the frozen build on Linux (used by build.spec).

Qt's libicudata (32 MB, the largest file of the bundle) carries every locale's currency,
unit, language, region and time-zone display names, number spell-outs, transliterators,
each language's collation rules and 190 legacy code-page converters. Qt uses ICU for case
mapping, normalisation, IDNA, text boundaries and (in its own file dialog) collation, and
formats dates, numbers and names from its own CLDR tables; the window speaks English and
French. So the bundle keeps ICU's core data (properties, normalisation, StringPrep, break rules
and their dictionaries), the root, English and French locale data and the supplemental tables, drops the rest
with ICU's own `icupkg`, and links the result into a library of the same name and symbol.
Needs `icupkg` (Debian: icu-devtools) and `gcc`; without them the original is bundled.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from pathlib import Path

logger = logging.getLogger(__name__)

# Trees of locale display data Qt never reads (their root, index and pool stay).
DROPPED_TREES = ("curr/", "lang/", "region/", "unit/", "zone/", "rbnf/", "translit/", "coll/")
KEPT_IN_TREES = ("root.res", "res_index.res", "pool.res", "ucadata.icu", "en.res", "fr.res")
KEPT_LOCALES = {"root.res", "res_index.res", "en.res", "en_US.res", "en_US_POSIX.res", "fr.res", "fr_FR.res"}
LOCALE_RES = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*\.res$")


def dropped_items(items: list[str]) -> list[str]:
    """The package items (as `icupkg -l` names them) the app does not need."""
    out = []
    for item in items:
        tree, _, name = item.rpartition("/")
        if tree and f"{tree}/" in DROPPED_TREES:
            if name not in KEPT_IN_TREES:
                out.append(item)
        elif not tree and (name.endswith(".cnv") or (LOCALE_RES.match(name) and name not in KEPT_LOCALES)):
            out.append(item)
    return out


def trimmed_library(library: Path, work: Path) -> Path | None:
    """A copy of libicudata with the items of `dropped_items` removed, or None when the tools
    are missing or anything looks unexpected (then the original is bundled)."""
    icupkg, gcc = shutil.which("icupkg"), shutil.which("gcc")
    if icupkg is None or gcc is None:
        logger.warning("icupkg or gcc missing: the full ICU data is bundled")
        return None
    symbol, data = _data_symbol(library)
    if symbol is None:
        return None
    work.mkdir(parents=True, exist_ok=True)
    package = work / f"{symbol.removesuffix('_dat')}l.dat"
    package.write_bytes(data)
    listed = subprocess.run([icupkg, "-l", str(package)], capture_output=True, text=True, check=False)
    if listed.returncode:
        return None
    removal = work / "dropped.txt"
    removal.write_text("\n".join(dropped_items(listed.stdout.split())) + "\n", encoding="ascii")
    smaller = work / "trimmed" / package.name  # icupkg names the package's items after the file
    smaller.parent.mkdir(exist_ok=True)
    run = subprocess.run(
        [icupkg, "-r", str(removal), str(package), str(smaller)], capture_output=True, check=False
    )
    if run.returncode or not smaller.exists():
        return None
    return _link(gcc, symbol, smaller, work / library.name)


def _data_symbol(library: Path) -> tuple[str | None, bytes]:
    """The `icudtNN_dat` symbol of the library and the package bytes it holds."""
    nm = shutil.which("nm")
    if nm is None:
        return None, b""
    listed = subprocess.run(
        [nm, "-D", "-S", "--defined-only", str(library)], capture_output=True, text=True, check=False
    )
    for line in listed.stdout.splitlines():
        parts = line.split()
        if len(parts) == 4 and re.fullmatch(r"icudt\d+_dat", parts[3]):
            address, size = int(parts[0], 16), int(parts[1], 16)
            offset = _file_offset(library, address)
            return parts[3], library.read_bytes()[offset : offset + size]
    return None, b""


def _file_offset(library: Path, address: int) -> int:
    import struct

    data = library.read_bytes()
    (phoff,) = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    for i in range(phnum):
        kind, _flags, offset, vaddr, _paddr, filesz, _memsz, _align = struct.unpack_from(
            "<IIQQQQQQ", data, phoff + i * phentsize
        )
        if kind == 1 and vaddr <= address < vaddr + filesz:
            return address - vaddr + offset
    raise ValueError("ICU data symbol outside every loaded segment")


def _link(gcc: str, symbol: str, package: Path, target: Path) -> Path | None:
    """A shared library named like the original that exports `symbol` = the package bytes."""
    source = target.with_suffix(".S")
    source.write_text(
        "\n".join(
            (
                ".section .rodata",
                f".globl {symbol}",
                f".type {symbol}, @object",
                ".balign 16",
                f"{symbol}:",
                f'.incbin "{package}"',
                f".size {symbol}, . - {symbol}",
                '.section .note.GNU-stack,"",@progbits',
                "",
            )
        ),
        encoding="ascii",
    )
    soname = target.name
    run = subprocess.run(
        [gcc, "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", str(target), str(source)],
        capture_output=True,
        check=False,
    )
    return target if run.returncode == 0 and target.exists() else None
