"""Files the app writes for itself are private to the user; exports follow the user's umask.

The archive (and SQLite's -wal and -shm beside it), the snapshot, temp files, logs and the
settings hold customer e-mail addresses, error texts, usernames and org hosts. Rather than
chmod each file after it exists (SQLite makes -wal/-shm on its own, Qt writes the settings),
the process sets umask 077 when it starts (`make_files_private`), so whatever it creates is
0600 / 0700 from the first byte. A CSV export is the user's own file: it is given the mode the
user's *original* umask would give (`user_file_mode`). Folders and files made by an earlier
version, or a `--data-dir` chosen by the user, are checked: tightened when they are the user's
and open to others, and named in a warning when another user owns them (`secure_folder`).
No-ops where there are no POSIX modes (Windows keeps per-user ACLs on the profile folders).
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

from syncerr_gui.core.words import say

logger = logging.getLogger(__name__)

PRIVATE_UMASK = 0o077
_original_umask: int | None = None


def make_files_private() -> None:
    """Set the process umask to 077 (once; the user's own umask is kept for exports)."""
    global _original_umask
    if os.name != "posix":
        return
    previous = os.umask(PRIVATE_UMASK)
    if _original_umask is None:
        _original_umask = previous


def user_file_mode() -> int:
    """The mode a new file of the user's gets under their own umask (e.g. 0o644 under 022)."""
    umask = _original_umask
    if umask is None:  # not made private: the umask in force is the user's own
        umask = os.umask(0)
        os.umask(umask)
    return 0o666 & ~umask


def secure_folder(folder: Path, files: str = "*") -> str:
    """Make an existing `folder` (and its `files`) private to the user where it is theirs.

    Returns a warning in words when that cannot be done: another user owns the folder (it is
    left alone) or a mode could not be changed; "" when all is private.
    """
    if os.name != "posix" or not folder.is_dir():
        return ""
    info = folder.stat()
    if info.st_uid != os.geteuid():
        return say(
            "The data folder {folder} belongs to another user of this computer, who can read "
            "the errors kept there; choose a folder of your own.",
            folder=str(folder),
        )
    problems = [_tighten(folder, info)]
    for path in folder.glob(files):
        if path.is_file() and not path.is_symlink():
            problems.append(_tighten(path, path.stat()))
    found = [p for p in problems if p]
    return found[0] if len(found) == 1 else " ".join(found)  # one alone stays translatable


def secure_file(path: Path) -> str:
    """Make an existing file of the user's private (0600); a warning in words if it cannot be."""
    if os.name != "posix" or not path.is_file() or path.is_symlink():
        return ""
    info = path.stat()
    if info.st_uid != os.geteuid():
        return say("{path} belongs to another user of this computer.", path=str(path))
    return _tighten(path, info)


def _tighten(path: Path, info: os.stat_result) -> str:
    mode = stat.S_IMODE(info.st_mode)
    if not mode & 0o077 or info.st_uid != os.geteuid():
        return ""
    try:
        os.chmod(path, mode & 0o700)
    except OSError as exc:
        return say(
            "{path} can be read by other users and could not be made private ({reason}).",
            path=str(path),
            reason=str(exc.strerror),
        )
    logger.warning("%s was readable by other users; it is now private (mode %o)", path, mode & 0o700)
    return ""
