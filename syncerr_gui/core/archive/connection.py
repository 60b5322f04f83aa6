"""Opening an archive database: its pragmas, the backup before an upgrade, the words for failures.

Page size 64 KiB for a new file (the errors are blobs), WAL with `synchronous = NORMAL`, and
no automatic checkpoint inside a commit (`ErrorArchive.compact` checkpoints after a store).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from contextlib import closing
from pathlib import Path

from syncerr_gui.core.archive.disk_space import disk_full_words, is_disk_full
from syncerr_gui.core.archive.recovery import integrity_problem, is_damage, recover
from syncerr_gui.core.archive.schema import SCHEMA_VERSION
from syncerr_gui.core.archive.upgrade import migrate, schema_version
from syncerr_gui.core.exceptions import ArchiveError

logger = logging.getLogger(__name__)

PAGE_SIZE = 65_536


def open_database(path: Path, busy_timeout_s: float) -> sqlite3.Connection:
    """The archive's connection: pragmas set, an old schema backed up and upgraded; a damaged
    file kept aside and what it held recovered into a new one (`recovery.py`)."""
    try:
        return _open(path, busy_timeout_s)
    except _Damaged as damage:
        recover(path, damage.problem, lambda new: _open(new, busy_timeout_s))
        return _open(path, busy_timeout_s)


def open_read_only(path: Path) -> sqlite3.Connection:
    """A connection that never writes (`--offline`): it reads an archive the user may not write,
    even in a read-only folder (then opened immutable: nobody can be writing it)."""
    if not path.is_file():
        raise ArchiveError(f"The error archive {path.name} does not exist.")
    writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    uri = f"{path.resolve().as_uri()}?mode=ro" + ("" if writable else "&immutable=1")
    try:
        con = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        if problem := integrity_problem(con):
            con.close()
            raise ArchiveError(
                f"The error archive {path.name} is damaged ({problem}); an export with --data-dir "
                "(or the app) keeps it aside and recovers what it holds."
            )
        if (version := schema_version(con)) != SCHEMA_VERSION:
            con.close()
            raise ArchiveError(
                f"The error archive {path.name} is of schema {version}; open it once with the app."
            )
    except sqlite3.Error as exc:
        raise ArchiveError(in_words(exc, path, "open")) from exc
    return con


class _Damaged(Exception):
    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


def _open(path: Path, busy_timeout_s: float) -> sqlite3.Connection:
    is_new = not path.exists() or path.stat().st_size == 0
    try:
        con = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=busy_timeout_s)
    except sqlite3.Error as exc:
        raise ArchiveError(in_words(exc, path, "open")) from exc
    try:
        if is_new:
            con.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # blobs: fewer, larger pages
        _switch_to_wal(con, busy_timeout_s)
        con.execute("PRAGMA synchronous = NORMAL")
        # Checkpoints run after a store (`compact`), not inside its commit: a million rows
        # are ~60 MB of pages, copied once more into the database file by the checkpoint.
        con.execute("PRAGMA wal_autocheckpoint = 0")
        con.execute("PRAGMA cache_size = -65536")  # 64 MiB
        con.execute("PRAGMA temp_store = MEMORY")
        con.execute("PRAGMA journal_size_limit = 67108864")  # no 500 MB -wal left after a big store
        if not is_new and (problem := integrity_problem(con)):
            raise _Damaged(problem)
        _back_up_before_upgrade(con, path)
        if migrate(con) < 3:
            _remove_old_snapshot(path)
    except BaseException as exc:
        con.close()
        if is_damage(exc) and not is_new:
            raise _Damaged(str(exc)) from exc
        if isinstance(exc, sqlite3.Error):
            raise ArchiveError(in_words(exc, path, "open")) from exc
        raise
    if is_new and os.name == "posix":
        os.chmod(path, 0o600)
    return con


def _switch_to_wal(con: sqlite3.Connection, busy_timeout_s: float) -> None:
    """`journal_mode = WAL`, waiting (bounded) for another copy of the app creating the file.

    Switching needs the file's exclusive lock, and SQLite answers "locked" at once, without
    its busy timeout, while another connection holds the write lock of a new (rollback
    journal) file: two copies creating one archive at once failed. Retried until the busy
    timeout; past it the failure says that another copy is writing (`in_words`).
    """
    deadline = time.monotonic() + busy_timeout_s
    pause = 0.01
    while True:
        try:
            con.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc) or time.monotonic() + pause > deadline:
                raise
            logger.debug("Another copy of the app is creating the archive; waiting")
        time.sleep(pause)
        pause = min(pause * 2, 0.25)


def _is_busy(exc: sqlite3.Error) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


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
    if is_disk_full(exc):
        return disk_full_words(path, "write to" if action == "open" else action)
    if _is_busy(exc):
        return (
            f"The error archive {path.name} is in use by another copy of the app; "
            "try again when it has finished."
        )
    if action == "open":
        return f"The error archive {path.name} cannot be opened: {exc}."
    return f"Could not {action} the error archive {path.name}: {exc}."
