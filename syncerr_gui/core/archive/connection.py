"""Opening an archive database: its pragmas, the backup before an upgrade, the words for failures.

Page size 64 KiB for a new file (the errors are blobs), WAL with `synchronous = NORMAL`, and
no automatic checkpoint inside a commit (`ErrorArchive.compact` checkpoints after a store).
"""

from __future__ import annotations

import logging
import os
import sqlite3
from contextlib import closing
from pathlib import Path

from syncerr_gui.core.archive.schema import SCHEMA_VERSION
from syncerr_gui.core.archive.upgrade import migrate, schema_version
from syncerr_gui.core.exceptions import ArchiveError

logger = logging.getLogger(__name__)

PAGE_SIZE = 65_536


def open_database(path: Path, busy_timeout_s: float) -> sqlite3.Connection:
    """The archive's connection: pragmas set, an old schema backed up and upgraded."""
    is_new = not path.exists()
    try:
        con = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=busy_timeout_s)
    except sqlite3.Error as exc:
        raise ArchiveError(in_words(exc, path, "open")) from exc
    try:
        if is_new:
            con.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # blobs: fewer, larger pages
        con.execute("PRAGMA journal_mode = WAL")
        con.execute("PRAGMA synchronous = NORMAL")
        # Checkpoints run after a store (`compact`), not inside its commit: a million rows
        # are ~60 MB of pages, copied once more into the database file by the checkpoint.
        con.execute("PRAGMA wal_autocheckpoint = 0")
        con.execute("PRAGMA cache_size = -65536")  # 64 MiB
        con.execute("PRAGMA temp_store = MEMORY")
        con.execute("PRAGMA journal_size_limit = 67108864")  # no 500 MB -wal left after a big store
        _back_up_before_upgrade(con, path)
        if migrate(con) < 3:
            _remove_old_snapshot(path)
    except BaseException as exc:
        con.close()
        if isinstance(exc, sqlite3.Error):
            raise ArchiveError(in_words(exc, path, "open")) from exc
        raise
    if is_new and os.name == "posix":
        os.chmod(path, 0o600)
    return con


def _back_up_before_upgrade(con: sqlite3.Connection, path: Path) -> Path | None:
    """Copy an archive of an older schema (with errors in it) to `<name>.v<N>-backup` first.

    The upgrade runs in one transaction (a crash leaves the old file as it was), but it
    rewrites every row: the copy is what the admin can go back to. Kept, never overwritten.
    """
    version = schema_version(con)
    if not 0 < version < SCHEMA_VERSION:
        return None
    backup = path.with_name(f"{path.name}.v{version}-backup")
    if backup.exists():
        return backup
    partial = backup.with_name(backup.name + ".partial")
    with closing(sqlite3.connect(partial)) as target:
        con.backup(target)
    if os.name == "posix":
        os.chmod(partial, 0o600)
    os.replace(partial, backup)
    logger.info("Backed up the archive before upgrading it: %s", backup.name)
    return backup


def _remove_old_snapshot(path: Path) -> None:
    """Schema 2 kept an Arrow snapshot file beside the database; version 3 needs none."""
    for leftover in path.parent.glob(f"{path.name}.snapshot.arrow*"):
        try:
            leftover.unlink()
        except OSError as exc:
            logger.warning("Could not remove the old archive snapshot %s: %s", leftover.name, exc)


def in_words(exc: sqlite3.Error, path: Path, action: str) -> str:
    """A sentence for the user: which archive, what failed, and what to do when it is busy."""
    if "locked" in str(exc) or "busy" in str(exc):
        return (
            f"The error archive {path.name} is in use by another copy of the app; "
            "try again when it has finished."
        )
    if action == "open":
        return f"The error archive {path.name} cannot be opened: {exc}."
    return f"Could not {action} the error archive {path.name}: {exc}."
