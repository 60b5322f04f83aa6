"""Strip symbol tables from the Linux libraries of the frozen build, safely (used by build.spec).

Symbol tables are about a quarter of the Linux libraries' size (libpython, Arrow, Qt). But
`strip` rewrites some libraries that auditwheel's patchelf edited (numpy.libs' OpenBLAS) into
files glibc refuses to load ("ELF load command address/offset not page-aligned"), which
PyInstaller's own `strip=True` does blindly. Here each library is stripped into a cache
folder, the copy's program headers are checked the way glibc checks them, and the original is
kept whenever the copy fails the check or strip fails.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import struct
import subprocess
from collections.abc import Iterable
from pathlib import Path

logger = logging.getLogger(__name__)

PT_LOAD = 1
ELF_MAGIC = b"\x7fELF"
PAGE_SIZE = max(4096, os.sysconf("SC_PAGESIZE") if hasattr(os, "sysconf") else 4096)


class ElfStripper:
    """Strips ELF libraries into `cache_dir` and hands back the path to bundle for each one."""

    def __init__(self, cache_dir: Path, strip: str | None = None) -> None:
        self.cache_dir = cache_dir
        self.strip = strip or shutil.which("strip")
        self.saved_bytes = 0
        self.refused: list[str] = []

    def stripped(self, source: str) -> str:
        """Path of a stripped, loadable copy of `source`, or `source` itself."""
        if not self.strip or not is_elf(source):
            return source
        target = self.cache_dir / f"{cache_key(source)}-{Path(source).name}"
        if not target.is_file() and not self._strip_copy(source, target):
            return source
        if not loadable(target):
            self.refused.append(Path(source).name)
            return source
        self.saved_bytes += max(0, os.path.getsize(source) - target.stat().st_size)
        return str(target)

    def _strip_copy(self, source: str, target: Path) -> bool:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(target.suffix + ".part")
        shutil.copy2(source, partial)
        proc = subprocess.run([self.strip, str(partial)], capture_output=True, check=False)
        if proc.returncode != 0:
            partial.unlink(missing_ok=True)
            return False
        partial.replace(target)
        return True

    def apply(self, toc: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
        """A TOC (dest, source, kind) with every binary's source replaced by its stripped copy."""
        return [(dest, self.stripped(src), kind) for dest, src, kind in toc]


def cache_key(source: str) -> str:
    """Changes when the source file changes (path, size, modification time)."""
    stat = os.stat(source)
    return hashlib.sha256(f"{source}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:16]


def is_elf(path: str) -> bool:
    """True for an ELF file (what `strip` understands here)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(4) == ELF_MAGIC
    except OSError:
        return False


def loadable(path: Path) -> bool:
    """Do the PT_LOAD segments pass glibc's alignment checks? (64-bit little-endian ELF only.)"""
    data = path.read_bytes()
    if data[:4] != ELF_MAGIC or data[4] != 2 or data[5] != 1:
        return False  # not ELF64 LE: do not trust a stripped copy we cannot check
    (phoff,) = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    for index in range(phnum):
        kind, _flags, offset, vaddr, _paddr, _filesz, _memsz, align = struct.unpack_from(
            "<IIQQQQQQ", data, phoff + index * phentsize
        )
        if kind != PT_LOAD:
            continue
        if (vaddr - offset) % PAGE_SIZE or (align and align % PAGE_SIZE):
            return False
    return True
