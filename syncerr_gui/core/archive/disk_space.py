"""A full disk, named and cleaned up after: the space a store needs is checked before it, and
the `-wal` a failed store leaves is truncated so it does not keep the disk full.

SQLite says "database or disk is full" (SQLITE_FULL) and rolls the transaction back itself;
the archive is then exactly as before the store. What stays is the write-ahead log the
failed transaction filled (20 MB and more), which `release_wal` gives back.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from pathlib import Path

from syncerr_gui.core.exceptions import ArchiveError

logger = logging.getLogger(__name__)

ROW_BYTES = 64  # a stored row's codes, times and key, compressed, with room to spare
HEADROOM = 4 * 1024**2  # dictionaries, indexes and the checkpoint's own pages


def free_bytes(folder: Path) -> int:
    """Bytes free for this user on the file system of `folder`."""
    return shutil.disk_usage(folder).free


def store_needs(rows: int, detail_bytes: int) -> int:
    """A generous estimate of the disk a store of `rows` takes while it runs: the pages go to
    the WAL first and to the database at the checkpoint, so twice what it stores."""
    return 2 * (rows * ROW_BYTES + detail_bytes) + HEADROOM


def check_free_space(path: Path, rows: int, detail_bytes: int) -> None:
    """Refuse a store the disk cannot hold before writing anything (`ArchiveError` in words)."""
    needed = store_needs(rows, detail_bytes)
    try:
        free = free_bytes(path.parent)
    except OSError as exc:  # the size is unknown: SQLite will say if it does not fit
        logger.debug("free space of %s unknown: %s", path.parent, exc)
        return
    if free < needed:
        raise ArchiveError(
            f"Not enough disk space to store the sync in the error archive {path.name}: "
            f"{_mb(free)} free in {path.parent}, about {_mb(needed)} needed. Free some space "
            "and sync again; nothing of this sync was stored."
        )


def is_disk_full(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.Error) and "disk is full" in str(exc)


def disk_full_words(path: Path, action: str) -> str:
    """The sentence for SQLITE_FULL: the cause, what became of the archive, what to do."""
    return (
        f"Could not {action} the error archive {path.name}: the disk is full (database or disk is "
        f"full). The archive is as it was before; free some space in {path.parent} and try again."
    )


def abandon(con: sqlite3.Connection, exc: BaseException) -> None:
    """Roll back a failed transaction without hiding why it failed (SQLite may have rolled it
    back already: a second failure here must not replace "database or disk is full"); after a
    full disk, also empty the `-wal` its pages filled. Best effort, never raises."""
    try:
        if con.in_transaction:
            con.execute("ROLLBACK")
        if is_disk_full(exc):
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error as failure:
        logger.warning("Could not tidy up after a failed archive write (%s): %s", exc, failure)


def archive_bytes(path: Path) -> int:
    """Bytes an archive takes on disk: the database, its WAL and shared-memory file."""
    names = (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"))
    return sum(p.stat().st_size for p in names if p.exists())


def _mb(size: int) -> str:
    return f"{size / 1024**2:,.0f} MB"
