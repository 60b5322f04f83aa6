"""Where an export really goes, checked before anything is written (or synced).

An export replaces its target atomically (a temp file beside it, then a rename). Renaming
over an existing file would silently drop what the user set on it: a private 0600 file
would become world-readable, a read-only one would be replaced, a symlink would become a
plain file. So the target is resolved first: a symlink of the user's own is followed to its
file (the temp file goes beside *that*; another user's link is refused, never followed), an existing file's mode is kept, a read-only file is refused
unless the user agreed, and anything that is not a regular file (a folder, a pipe, a
device, a socket) is refused. `check_out` is the same check run before a long sync, so a
bad path is said at once rather than after the whole download.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from syncerr_gui.core.exceptions import ExportError
from syncerr_gui.core.file_modes import user_file_mode
from syncerr_gui.core.words import say


class OutPathUnusable(ExportError):
    """The path cannot name a file at all (empty, a folder, in a missing folder): a bad
    argument rather than a failed write."""


class ReadOnlyTarget(ExportError):
    """The target exists and is read-only; replace it only when the user agreed."""


@dataclass(frozen=True)
class OutTarget:
    """The file the bytes go to (`path`, a symlink's target) and the mode it is to get."""

    path: Path
    mode: int
    existed: bool


def resolve_out(path: str | os.PathLike[str], *, replace_read_only: bool = False) -> OutTarget:
    """The real file behind `path`; ExportError in words when it must not be written."""
    text = os.fspath(path)
    _check_name(text)
    given = Path(text)
    real = _followed(given, text) if given.is_symlink() else given
    try:
        info = os.stat(real)
    except FileNotFoundError:
        _check_folder(real, text)
        return OutTarget(real, user_file_mode(), existed=False)
    except OSError as exc:
        raise ExportError(
            say("Cannot use {path}: {reason}.", path=text, reason=str(exc.strerror or exc))
        ) from None
    if stat.S_ISDIR(info.st_mode):
        raise OutPathUnusable(say("{path} is a folder: give a file name.", path=text))
    if not stat.S_ISREG(info.st_mode):
        raise ExportError(
            say(
                "{path} is not a regular file (a pipe, device or socket), so it is not replaced: "
                "choose a file name.",
                path=text,
            )
        )
    mode = stat.S_IMODE(info.st_mode)
    if _read_only(real, mode) and not replace_read_only:
        raise ReadOnlyTarget(
            say(
                "{path} is read-only, so it was not replaced: make it writable or choose another name.",
                path=text,
            )
        )
    return OutTarget(real, mode, existed=True)


def check_out(path: str | os.PathLike[str]) -> None:
    """Before a sync: raises what `resolve_out` would (nothing is created)."""
    resolve_out(path)


def _followed(link: Path, text: str) -> Path:
    """The file a link of the user's own points to. A link another user made (planted in a
    shared folder, pointing at one of this user's files) is never followed."""
    if os.name == "posix" and os.lstat(link).st_uid != os.geteuid():
        raise ExportError(
            say(
                "{path} is a link another user of this computer made, so it is not followed: "
                "choose another name.",
                path=text,
            )
        )
    return Path(os.path.realpath(link))


def _check_name(text: str) -> None:
    if not text.strip():
        raise OutPathUnusable(say("no file name given: name the CSV file to write."))
    if text.endswith(("/", os.sep)) or (os.altsep and text.endswith(os.altsep)):
        raise OutPathUnusable(
            say(
                "{path} names a folder: give a file name (e.g. {example}.csv).",
                path=text,
                example=text.rstrip("/" + os.sep),
            )
        )


def _check_folder(real: Path, text: str) -> None:
    folder = real.parent if str(real.parent) else Path(".")
    if not folder.exists():
        raise OutPathUnusable(
            say("The folder {folder} does not exist: could not write {path}.", folder=str(folder), path=text)
        )
    if not folder.is_dir():
        raise OutPathUnusable(
            say("{folder} is a file, not a folder: could not write {path}.", folder=str(folder), path=text)
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(
            say(
                "Permission denied: cannot write {path} in the folder {folder}.",
                path=text,
                folder=str(folder),
            )
        )


def _read_only(real: Path, mode: int) -> bool:
    """No write bit at all, or none for this user (root may write anything; a 0444 file is
    still meant to be left alone)."""
    return not mode & 0o222 or not os.access(real, os.W_OK)
