"""Where the app keeps its local data (the per-org error archives).

The archive holds customer data (failed input rows), so its folder is created private to
the user, and a file name is derived only from a validated org id: a value from a server
or a settings file can never steer a path outside the data folder.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

import platformdirs

from syncerr_gui.core.file_modes import secure_folder

logger = logging.getLogger(__name__)

APP_DIR_NAME = "SalesforceSyncErrors"
APP_AUTHOR = "SyncErrors"

# archive-<18-character org id>.sqlite3
ARCHIVE_PREFIX, ARCHIVE_SUFFIX = "archive-", ".sqlite3"

_ORG_ID = re.compile(r"^00D[A-Za-z0-9]{12}(?:[A-Z0-5]{3})?$")
_SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"


def default_data_dir() -> Path:
    """The user's data folder for this app (it may not exist yet)."""
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, APP_AUTHOR))


def org_id_18(org_id: str) -> str:
    """Normalise a 15- or 18-character org id to its 18-character form.

    The 15-character id is case-sensitive; its 18-character form is unique even on the
    case-insensitive file systems of Windows and macOS, so one org is one file there too.
    Raises ValueError for anything that is not an org id.
    """
    org_id = org_id.strip()
    if not _ORG_ID.match(org_id):
        raise ValueError("This is not a Salesforce organization id (00D…, 15 or 18 characters).")
    base = org_id[:15]
    suffix = ""
    for start in range(0, 15, 5):
        chunk = base[start : start + 5]
        bits = sum(1 << i for i, ch in enumerate(chunk) if "A" <= ch <= "Z")
        suffix += _SUFFIX_ALPHABET[bits]
    if len(org_id) == 18 and org_id[15:].upper() != suffix:
        raise ValueError("This organization id has an invalid checksum suffix.")
    return base + suffix


def archive_path(org_id: str, data_dir: str | os.PathLike[str] | None = None) -> Path:
    """Path of the archive database of `org_id` (folder created, private to the user)."""
    folder = Path(data_dir) if data_dir is not None else default_data_dir()
    ensure_private_dir(folder)
    return folder / archive_file_name(org_id)


def archive_file_name(org_id: str) -> str:
    """The archive database's file name for `org_id` (ValueError when it is not an org id)."""
    return f"{ARCHIVE_PREFIX}{org_id_18(org_id)}{ARCHIVE_SUFFIX}"


def archived_org_ids(data_dir: str | os.PathLike[str] | None = None) -> list[str]:
    """Org ids (18 characters, sorted) of the archives in `data_dir` (default: the user's
    data folder); other files, and names that are not exactly what `archive_path` writes,
    are ignored. Nothing is created."""
    folder = Path(data_dir) if data_dir is not None else default_data_dir()
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{ARCHIVE_PREFIX}*{ARCHIVE_SUFFIX}"):
        candidate = path.name[len(ARCHIVE_PREFIX) : -len(ARCHIVE_SUFFIX)]
        try:
            org_id = org_id_18(candidate)
        except ValueError:
            continue
        if org_id == candidate and path.is_file():
            found.append(org_id)
    return sorted(found)


def ensure_private_dir(folder: Path) -> None:
    """Create `folder` (and parents) readable by the current user only where it is new; an
    existing one (and its archives) is made private, or named in a warning, see file_modes."""
    if folder.is_dir():
        if problem := secure_folder(folder, ARCHIVE_PREFIX + "*"):
            logger.warning("%s", problem)
        return
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    logger.info("Created data folder %s", folder)
