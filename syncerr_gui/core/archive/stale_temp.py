"""Temp files beside an archive: removed when stale at opening, counted in its size.

Older versions wrote a snapshot beside the database (`<archive>.snapshot.arrow.<x>.tmp`
while writing), and any whole-file write of the app names its temp file after its target
(`.<archive>.<hex>.tmp`). A run killed mid-write leaves them; they belong to this archive
by their name, so they are removed once stale (`temp_files.remove_stale`) and, while they
are there, counted in the space the archive takes.
"""

from __future__ import annotations

import re
from pathlib import Path

from syncerr_gui.core.frame.temp_files import matching, remove_stale


def _pattern(archive: Path) -> re.Pattern[str]:
    name = re.escape(archive.name)
    return re.compile(rf"^\.?{name}(\..+)?\.tmp$")


def remove_stale_temps(archive: Path) -> int:
    """At opening: remove this archive's stale temp files; the bytes freed."""
    return remove_stale(archive.parent, _pattern(archive))


def archive_files_size(archive: Path) -> int:
    """Bytes the archive takes on disk: the database, its WAL and shared memory, and any temp
    file of its own still beside it."""
    names = [archive.with_name(archive.name + suffix) for suffix in ("", "-wal", "-shm")]
    names += matching(archive.parent, _pattern(archive))
    total = 0
    for path in names:
        try:
            total += path.stat().st_size
        except OSError:
            continue
    return total
