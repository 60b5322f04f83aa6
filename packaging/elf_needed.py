"""Drop unused DT_NEEDED entries from Linux libraries of the frozen build (used by build.spec).

pyarrow's Python modules and libarrow_python are linked against libparquet, libarrow_dataset,
libarrow_acero and libarrow_substrait (18 MB together) although nothing the app imports uses
a single symbol of them: the linker recorded every library on its command line. glibc loads
whatever DT_NEEDED names, so the entries are removed from copies of those files (the later
entries of the dynamic section move up one slot, a DT_NULL ends it) and the four libraries
are left out. `unused_symbols_check` proves, before anything is changed, that the file takes
no symbol from the library it stops naming; otherwise the file is bundled unchanged.
"""

from __future__ import annotations

import logging
import shutil
import struct
import subprocess
from pathlib import Path

logger = logging.getLogger(__name__)

PT_DYNAMIC = 2
DT_NULL, DT_NEEDED, DT_STRTAB = 0, 1, 5
_DYN = struct.Struct("<qQ")  # Elf64_Dyn: d_tag, d_val


def needed(path: Path) -> list[str]:
    """The DT_NEEDED names of an ELF64 little-endian file."""
    data = path.read_bytes()
    entries, strtab = _dynamic(data)
    return [_string(data, strtab, value) for tag, value, _at in entries if tag == DT_NEEDED]


def unused_symbols_check(user: Path, library: Path, nm: str | None = None) -> bool:
    """True when `user` takes no dynamic symbol that `library` defines."""
    tool = nm or shutil.which("nm")
    if tool is None:
        return False
    wanted = _symbols(tool, user, "--undefined-only")
    return not wanted & _symbols(tool, library, "--defined-only")


def without_needed(source: Path, target: Path, names: set[str]) -> list[str]:
    """Copy `source` to `target` without the DT_NEEDED entries naming `names`; returns those removed."""
    data = bytearray(source.read_bytes())
    entries, strtab = _dynamic(bytes(data))
    kept = [
        (tag, value)
        for tag, value, _at in entries
        if not (tag == DT_NEEDED and _string(data, strtab, value) in names)
    ]
    removed = [
        _string(data, strtab, value)
        for tag, value, _at in entries
        if tag == DT_NEEDED and _string(data, strtab, value) in names
    ]
    start = entries[0][2]
    for index in range(len(entries)):
        tag, value = kept[index] if index < len(kept) else (DT_NULL, 0)
        _DYN.pack_into(data, start + index * _DYN.size, tag, value)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(bytes(data))
    shutil.copymode(source, target)
    return removed


def _dynamic(data: bytes) -> tuple[list[tuple[int, int, int]], int]:
    """(tag, value, file offset) of each dynamic entry up to DT_NULL; the string table's offset."""
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise ValueError("not a little-endian ELF64 file")
    (phoff,) = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    program = [struct.unpack_from("<IIQQQQQQ", data, phoff + i * phentsize) for i in range(phnum)]
    dynamic = next((p for p in program if p[0] == PT_DYNAMIC), None)
    if dynamic is None:
        raise ValueError("no dynamic section")
    entries, offset = [], dynamic[2]
    while True:
        tag, value = _DYN.unpack_from(data, offset)
        if tag == DT_NULL:
            break
        entries.append((tag, value, offset))
        offset += _DYN.size
    strtab_addr = next(value for tag, value, _at in entries if tag == DT_STRTAB)
    return entries, _file_offset(program, strtab_addr)


def _file_offset(program: list[tuple[int, ...]], address: int) -> int:
    """The file offset of a virtual address (through the PT_LOAD segment that maps it)."""
    for kind, _flags, offset, vaddr, _paddr, filesz, _memsz, _align in program:
        if kind == 1 and vaddr <= address < vaddr + filesz:
            return address - vaddr + offset
    raise ValueError("string table outside every loaded segment")


def _string(data: bytes | bytearray, table: int, index: int) -> str:
    end = data.index(b"\0", table + index)
    return bytes(data[table + index : end]).decode()


def _symbols(nm: str, path: Path, which: str) -> set[str]:
    done = subprocess.run([nm, "-D", which, str(path)], capture_output=True, text=True, check=False)
    if done.returncode:
        return set()
    return {line.split()[-1] for line in done.stdout.splitlines() if line.strip()}
