"""The app's own temp files, and cleaning up those a killed run left behind.

Every whole-file write (a CSV export, a reload file, the archive's side files of older
versions) goes to a temp file beside its target and is renamed over it when complete. A
kill in between leaves the temp file (a 1M-row export: over 100 MB) that nothing would ever
remove. They are recognised by the app's naming pattern and removed once untouched for
`STALE_AFTER_S`: a write in progress (this copy's or another's) touches its file all the
time, so it is never taken for a leftover.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import secrets
import time
from pathlib import Path

logger = logging.getLogger(__name__)

STALE_AFTER_S = 3600.0
# ".<target name>.<8 hex>.tmp", as `temp_beside` names them.
EXPORT_TEMP = re.compile(r"^\..+\.[0-9a-f]{8}\.tmp$")


def temp_beside(target: Path) -> Path:
    """A fresh temp name beside `target` (same folder, so the final rename is atomic)."""
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")


def matching(folder: Path, pattern: re.Pattern[str]) -> list[Path]:
    """Regular files in `folder` whose name matches `pattern` (none when it is unreadable)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    return [Path(e.path) for e in entries if pattern.match(e.name) and e.is_file(follow_symlinks=False)]


def remove_stale(
    folder: Path, pattern: re.Pattern[str] = EXPORT_TEMP, older_than_s: float = STALE_AFTER_S
) -> int:
    """Remove the files of `folder` matching `pattern` untouched for `older_than_s`; the bytes freed."""
    freed, cutoff = 0, time.time() - older_than_s
    for path in matching(folder, pattern):
        with contextlib.suppress(OSError):  # gone meanwhile, or not ours to remove
            info = path.stat()
            if info.st_mtime < cutoff:
                path.unlink()
                freed += info.st_size
                logger.info("removed a temp file a stopped run left behind (%d bytes)", info.st_size)
    return freed
