"""The local error archive: every error ever fetched for one org, beyond Salesforce's 7 days.

One SQLite database per org (stdlib sqlite3, WAL, synchronous=NORMAL) holds everything:
the errors as columnar parts (`parts.py`: codes into append-only dictionaries, Arrow IPC
blobs), and the state beside them as plain tables (syncs, jobs, visits; the place for
per-org state such as triage, with a migration in `schema.py`). Loading a million rows
reads a few blobs (no snapshot file to keep in step); each sync is stored in one
transaction, in steps a cancel interrupts (then rolled back): a crash, a kill or a cancel
leaves the previous state intact.

Nothing secret is stored: the frame holds no session id or token, and neither do the jobs
and syncs tables (ids, states, counts, times and problem sentences only).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from syncerr_gui.core.archive import maintenance
from syncerr_gui.core.archive.codebook import Codebook
from syncerr_gui.core.archive.connection import in_words, open_database
from syncerr_gui.core.archive.data_dirs import archive_path, org_id_18
from syncerr_gui.core.archive.encoding import merge_segments
from syncerr_gui.core.archive.maintenance import MonthSize
from syncerr_gui.core.archive.meta import set_meta
from syncerr_gui.core.archive.pattern_store import patterns_of
from syncerr_gui.core.archive.reader import ArchiveRowDetails, load_frame
from syncerr_gui.core.archive.reload_ledger import ReloadLedger
from syncerr_gui.core.archive.stale_temp import archive_files_size, remove_stale_temps
from syncerr_gui.core.archive.triage import GroupMark, group_states, read_marks, write_marks
from syncerr_gui.core.archive.writer import (
    ModstampText,
    StoreStats,
    bump_generation,
    to_ns,
    write_sync,
)
from syncerr_gui.core.cancel import CancelToken
from syncerr_gui.core.exceptions import ArchiveError
from syncerr_gui.core.frame.groups import PatternMap
from syncerr_gui.core.sync.row_keys import ROW_KEY_VERSION

if TYPE_CHECKING:
    from syncerr_gui.core.sync.values import SyncResult

logger = logging.getLogger(__name__)

DEFAULT_RETENTION_DAYS = 180
BUSY_TIMEOUT_S = 30.0  # how long a write waits for another copy of the app before giving up
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

Progress = Callable[[int, int], None]

__all__ = ["DEFAULT_RETENTION_DAYS", "ArchiveError", "ErrorArchive", "MonthSize", "StoreStats"]


class ErrorArchive:
    """The archive of one org. Thread-safe (one lock around one connection).

    Typical use: `ErrorArchive.for_org(session.org_id)`; `load()` to show history at once;
    `ArchiveSync(archive, engine).run(...)` to sync incrementally; `close()` at the end.
    `details` reads archived rows' input rows (by the frame's `row_id`).
    """

    def __init__(self, path: str | os.PathLike[str], busy_timeout_s: float = BUSY_TIMEOUT_S) -> None:
        self.path = Path(path)
        remove_stale_temps(self.path)  # what a killed run left beside the archive
        self._lock = threading.RLock()
        self._book = Codebook()
        self._con = self._connect(self.path, busy_timeout_s)
        self.details = ArchiveRowDetails(self.path)
        self._read_lock = threading.Lock()
        self._read_con: sqlite3.Connection | None = None

    @classmethod
    def for_org(
        cls,
        org_id: str,
        data_dir: str | os.PathLike[str] | None = None,
        busy_timeout_s: float = BUSY_TIMEOUT_S,
    ) -> ErrorArchive:
        """The archive of `org_id` (15 or 18 characters) in `data_dir` or the user's data folder.

        The org id is written only when it is not recorded yet: a write would wait (up to
        `busy_timeout_s`) behind another copy of the app storing a sync, and opening must not.
        """
        archive = cls(archive_path(org_id, data_dir), busy_timeout_s)
        try:
            if archive._get_meta("org_id") != org_id_18(org_id):
                archive._set_meta("org_id", org_id_18(org_id))
        except BaseException:
            archive.close()
            raise
        return archive

    # -- writing ---------------------------------------------------------------------------

    def store(
        self,
        result: SyncResult,
        listed_sources: Collection[str] | None = None,
        cancel: CancelToken | None = None,
    ) -> StoreStats:
        """Store one sync (also a cancelled one) in ONE transaction; idempotent per row.

        `listed_sources`: the sources whose job listing completed in this sync; archived
        jobs of those sources inside the sync's window that were not listed are marked
        `deleted_from_org` (their errors stay). None (e.g. a cancelled sync) marks nothing.
        `cancel`: checked between the steps; once set, the store stops (`SyncCancelled`)
        and the archive is exactly as before it.
        """
        check = cancel.raise_if_cancelled if cancel is not None else (lambda: None)
        with self._lock, self._sqlite_errors("store the sync in"):
            self._check_key_version()
            with self._transaction():
                self._book.refresh(self._con, with_hashes=True)
                stats = write_sync(self._con, self._book, result, listed_sources, _now_ns(), check)
                check()
        logger.info(
            "Archived sync %d: %d rows received, %d new, %d seen again",
            stats.sync_id,
            stats.rows_received,
            stats.rows_new,
            stats.rows_seen_again,
        )
        return stats

    def prepare_store(self) -> None:
        """Read what a store looks values up in (dictionary hashes, sorted indexes) ahead of it.

        `ArchiveSync` calls it on a thread while the sync downloads, so the store after the
        download does not pay for it (at ten million rows it is a few seconds of work).
        """
        with self._lock, self._sqlite_errors("read"):
            self._book.refresh(self._con, with_hashes=True)
            self._book.warm()

    def compact(self, cancel: CancelToken | None = None) -> int:
        """Merge small parts and dictionary segments (each merge its own transaction).

        Stores add a part each; merging keeps a start-up read to a handful of blobs.
        Returns the parts merged; stops quietly between merges once `cancel` is set.
        """
        merged = 0
        with self._lock, self._sqlite_errors("tidy"):
            runs = list(maintenance.merge_runs(self._con))
            for run in runs:
                if cancel is not None and cancel.is_cancelled:
                    break
                with self._transaction():
                    self._book.refresh(self._con)
                    maintenance.merge_parts(self._con, self._book, run)
                    bump_generation(self._con)
                merged += len(run)
            with self._transaction():
                self._book.refresh(self._con)
                if merge_segments(self._con):
                    self._book.dictionaries.adopt_merged(self._con)
            self._checkpoint()
        if merged:
            logger.info("Merged %d small archive parts", merged)
        return merged

    def purge(
        self,
        retention_days: int = DEFAULT_RETENTION_DAYS,
        cancel: CancelToken | None = None,
        progress: Progress | None = None,
    ) -> int:
        """Delete errors whose `failed_at` is older than `retention_days`; returns how many.

        A part at a time, each in its own transaction: `cancel` stops it between parts
        (what was purged stays purged; the rest is untouched). `progress(done, total)`
        counts parts.
        """
        cutoff = int(to_ns(datetime.now(UTC) - timedelta(days=retention_days)))
        deleted = 0
        with self._lock, self._sqlite_errors("purge"):
            parts = maintenance.parts_before(self._con, cutoff)
            for done, (part_id, _rows, _max_at) in enumerate(parts):
                if cancel is not None and cancel.is_cancelled:
                    break
                with self._transaction():
                    self._book.refresh(self._con)
                    deleted += maintenance.purge_part(self._con, self._book, part_id, cutoff)
                    bump_generation(self._con)
                if progress is not None:
                    progress(done + 1, len(parts))
            with self._transaction():
                self._con.execute("DELETE FROM jobs WHERE modstamp_at < ?", (cutoff,))
                self._con.execute("DELETE FROM part_jobs WHERE part_id NOT IN (SELECT id FROM parts)")
                self._con.execute("DELETE FROM syncs WHERE started_at < ?", (cutoff,))
                self._recompute_if_stale()
            self._checkpoint()
        logger.info("Purged %d archived errors older than %d days", deleted, retention_days)
        return deleted

    def drop_input_rows(
        self, older_than_days: int, cancel: CancelToken | None = None, progress: Progress | None = None
    ) -> int:
        """Forget the input rows of errors older than `older_than_days` (the errors stay).

        Input rows are most of an archive's size and matter mostly while an error can
        still be fixed and reloaded. Incremental and cancellable like `purge`.
        """
        cutoff = int(to_ns(datetime.now(UTC) - timedelta(days=older_than_days)))
        dropped = 0
        with self._lock, self._sqlite_errors("shrink"):
            parts = maintenance.parts_before(self._con, cutoff)
            for done, (part_id, _rows, _max_at) in enumerate(parts):
                if cancel is not None and cancel.is_cancelled:
                    break
                with self._transaction():
                    dropped += maintenance.drop_part_inputs(self._con, part_id, cutoff)
                    bump_generation(self._con)
                if progress is not None:
                    progress(done + 1, len(parts))
        logger.info(
            "Dropped the input rows of %d archived errors older than %d days", dropped, older_than_days
        )
        return dropped

    def reclaim_space(self) -> None:
        """Give the pages freed by a purge back to the disk (rewrites the file: run it idle)."""
        with self._lock, self._sqlite_errors("shrink"):
            self._con.execute("VACUUM")
            self._con.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def mark_visit(self, at: datetime | None = None) -> None:
        """Record that the user has seen the archive as of `at`.

        Default: the start of the latest stored sync (what the user saw is the org as of
        then), or now when nothing was ever synced. Call it when the user leaves.
        """
        if at is None:
            row = self._query_one("SELECT MAX(started_at) FROM syncs")
            at_ns = row if row is not None else to_ns(datetime.now(UTC))
        else:
            at_ns = to_ns(at)
        self._set_meta("last_visit", str(at_ns))

    # -- reading ---------------------------------------------------------------------------

    def load(self, since: datetime | None = None, until: datetime | None = None) -> pd.DataFrame:
        """Archived errors with `since <= failed_at <= until` (all when None), `first_seen` filled."""
        with self._lock, self._sqlite_errors("read"):
            self._book.refresh(self._con)
            return load_frame(self._con, self._book, to_ns(since), to_ns(until), self.details)

    def finished_jobs(self) -> dict[str, str]:
        """job_id -> systemModstamp of finished jobs whose errors are all archived (`skip_jobs`).

        The values compare equal to any text of the same instant (`ModstampText`): the
        REST listing and Bulk 1.0's XML write one modstamp differently (`.000+0000` / `Z`).
        """
        with self._lock, self._sqlite_errors("read"):
            rows = self._con.execute(
                "SELECT job_id, archived_modstamp FROM jobs "
                "WHERE archived_modstamp IS NOT NULL AND deleted_from_org = 0"
            )
            return {job_id: ModstampText(stamp) for job_id, stamp in rows.fetchall()}

    def last_success_start(self) -> datetime | None:
        """Start of the latest sync that was not cancelled (the seed rule's anchor)."""
        return _from_ns(self._query_one("SELECT MAX(started_at) FROM syncs WHERE success = 1"))

    def last_visit(self) -> datetime | None:
        """When the user last saw the archive (see `mark_visit`), or None."""
        value = self._get_meta("last_visit")
        return _from_ns(int(value)) if value is not None else None

    def visit_reference(self) -> datetime | None:
        """What "new" is measured from: the last visit; before the first one, the start of the
        first sync (its rows are the baseline, so a second sync marks what it brings)."""
        visit = self.last_visit()
        return visit if visit is not None else _from_ns(self._query_one("SELECT MIN(started_at) FROM syncs"))

    def new_since_last_visit(self, frame: pd.DataFrame, last_visit: datetime | None = None) -> np.ndarray:
        """True for rows whose signature first failed after the last visit (`visit_reference`)."""
        when = last_visit if last_visit is not None else self.visit_reference()
        if when is None:
            return np.zeros(len(frame), dtype=bool)
        newer = frame["first_seen"] > pd.Timestamp(to_ns(when), tz="UTC")
        return newer.fillna(False).to_numpy(dtype=bool)

    # -- error groups' triage (triage.py) ----------------------------------------------------

    def message_patterns(self, keep: bool = True) -> PatternMap:
        """The pattern of every archived message (for `ErrorGroups`): the kept ones, and those
        of messages new since, computed now and kept when `keep` (a reader that must never
        wait for another copy's lock passes False)."""
        with self._lock, self._sqlite_errors("read"):
            self._book.refresh(self._con)
            messages = self._book.dictionaries["message"].values
            return patterns_of(self._con, messages, self._transaction if keep else None)

    def group_marks(self) -> dict[str, GroupMark]:
        """The admin's stored decisions (Resolved, Ignored) by group key."""
        with self._lock, self._sqlite_errors("read"):
            return read_marks(self._con)

    def set_group_state(self, groups: pd.DataFrame, state: str | None, at: datetime | None = None) -> int:
        """Resolve or ignore the groups (rows of a `GroupSummary.table`), or reopen them (None)."""
        at_ns = _now_ns() if at is None else int(to_ns(at))
        with self._lock, self._sqlite_errors("write to"), self._transaction():
            return write_marks(self._con, groups, state, at_ns)

    def group_states(self, groups: pd.DataFrame) -> pd.Series:
        """New, Ongoing, Resolved, Ignored or Regressed for each row of a `GroupSummary.table`
        made from this archive's whole frame (first and last seen over the archive)."""
        return group_states(groups, self.group_marks(), self.visit_reference())

    def reload_ledger(self) -> ReloadLedger:
        """The reloads of this org (`reload_ledger.py`), under this archive's lock."""
        return ReloadLedger(self._con, self._lock, self._sqlite_errors, self._transaction)

    def jobs(self) -> pd.DataFrame:
        """The jobs table (small): one row per job ever listed, incl. `deleted_from_org`."""
        with self._lock, self._sqlite_errors("read"):
            return pd.read_sql_query("SELECT * FROM jobs ORDER BY job_id", self._con)

    def error_count(self) -> int:
        """Number of archived errors (read beside a store in progress, never waiting for it)."""
        with self._reading() as con:
            return int(con.execute("SELECT COALESCE(SUM(rows), 0) FROM parts").fetchone()[0])

    def disk_usage(self) -> int:
        """Bytes the archive takes on disk: the database, its WAL, temp files left beside it."""
        return archive_files_size(self.path)

    def size_by_month(self) -> list[MonthSize]:
        """Rows and bytes per month of failure, oldest first (the Archive dialog's table)."""
        with self._reading() as con:
            return maintenance.size_by_month(con)

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        """Close the database (checkpointing the WAL); the object is unusable afterwards."""
        self.details.close()
        with self._read_lock:
            if self._read_con is not None:
                self._read_con.close()
                self._read_con = None
        with self._lock:
            self._con.close()

    def __enter__(self) -> ErrorArchive:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- internals -------------------------------------------------------------------------

    @staticmethod
    def _connect(path: Path, busy_timeout_s: float) -> sqlite3.Connection:
        return open_database(path, busy_timeout_s)

    def _checkpoint(self) -> None:
        """Copy the WAL into the database and empty it (a store's pages, once committed)."""
        try:
            self._con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.OperationalError as exc:  # another copy of the app is reading: next time
            logger.debug("WAL checkpoint postponed: %s", exc)

    def _check_key_version(self) -> None:
        """Refuse to store rows keyed differently from the archived ones (all would look new)."""
        recorded = self._get_meta("row_key_version")
        if recorded is None:
            self._set_meta("row_key_version", str(ROW_KEY_VERSION))
        elif recorded != str(ROW_KEY_VERSION):
            raise ArchiveError(
                f"The error archive {self.path.name} identifies rows in another way (version {recorded}) "
                f"than this app (version {ROW_KEY_VERSION}); it can be read but not added to."
            )

    def _recompute_if_stale(self) -> None:
        if self._get_meta(maintenance.STALE_SIGNATURES) is not None:
            self._book.refresh(self._con)
            maintenance.recompute_first_seen(self._con, self._book)

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """A read-only connection of its own: quick figures never wait for a store (WAL)."""
        with self._read_lock, self._sqlite_errors("read"):
            if self._read_con is None:
                uri = f"{self.path.resolve().as_uri()}?mode=ro"
                self._read_con = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=5.0)
            yield self._read_con

    @contextmanager
    def _sqlite_errors(self, action: str) -> Iterator[None]:
        """SQLite failures (locked for longer than the busy timeout, disk full, a damaged
        file) become an `ArchiveError` in words."""
        try:
            yield
        except sqlite3.Error as exc:
            raise ArchiveError(in_words(exc, self.path, action)) from exc

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE … COMMIT; on any failure (a cancel too) a ROLLBACK, and what is held
        in memory of the archive is dropped (the database is the truth)."""
        self._con.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self._con.in_transaction:
                self._con.execute("ROLLBACK")
            self._book.forget()
            raise
        self._con.execute("COMMIT")

    def _query_one(self, sql: str) -> int | None:
        with self._lock, self._sqlite_errors("read"):
            row = self._con.execute(sql).fetchone()
        return row[0] if row else None

    def _get_meta(self, key: str) -> str | None:
        with self._lock, self._sqlite_errors("read"):
            row = self._con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        with self._lock, self._sqlite_errors("write to"):
            set_meta(self._con, key, value)


def _now_ns() -> int:
    return int(to_ns(datetime.now(UTC)))


def _from_ns(value: int | None) -> datetime | None:
    if value is None:
        return None
    return _EPOCH + timedelta(microseconds=int(value) // 1000)
