"""The local error archive: every error ever fetched for one org, beyond Salesforce's 7 days.

One SQLite database per org (stdlib sqlite3, WAL, synchronous=NORMAL) is the truth; an
Arrow IPC snapshot beside it (see `archive_snapshot.py`) makes loading a million rows take
a fraction of a second, so the GUI can show the table before any network call. Each sync
is stored in one transaction: a crash or a kill leaves the previous state intact.

Nothing secret is stored: the frame holds no session id or token, and neither do the jobs
and syncs tables (ids, states, counts, times and problem sentences only).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from syncerr_gui.core.archive.data_dirs import archive_path, org_id_18
from syncerr_gui.core.archive.rows import read_frame, with_first_seen
from syncerr_gui.core.archive.schema import migrate
from syncerr_gui.core.archive.snapshot import ArchiveSnapshot
from syncerr_gui.core.archive.writer import (
    ModstampText,
    StoreStats,
    WriteOutcome,
    bump_generation,
    read_generation,
    to_ns,
    write_sync,
)
from syncerr_gui.core.exceptions import ArchiveError
from syncerr_gui.core.frame.schema import concat_frames

if TYPE_CHECKING:
    from syncerr_gui.core.sync.values import SyncResult

logger = logging.getLogger(__name__)

DEFAULT_RETENTION_DAYS = 180
BUSY_TIMEOUT_S = 30.0  # how long a write waits for another copy of the app before giving up
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

__all__ = ["DEFAULT_RETENTION_DAYS", "ArchiveError", "ErrorArchive", "StoreStats"]


class ErrorArchive:
    """The archive of one org. Thread-safe (one lock around one connection).

    Typical use: `ErrorArchive.for_org(session.org_id)`; `load()` to show history at once;
    `ArchiveSync(archive, engine).run(...)` to sync incrementally; `close()` at the end.
    """

    def __init__(self, path: str | os.PathLike[str], busy_timeout_s: float = BUSY_TIMEOUT_S) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        self._snapshot = ArchiveSnapshot(self.path.with_name(self.path.name + ".snapshot.arrow"))
        self._con = self._connect(self.path, busy_timeout_s)

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

    def store(self, result: SyncResult, listed_sources: Collection[str] | None = None) -> StoreStats:
        """Store one sync (also a cancelled one) in ONE transaction; idempotent per row.

        `listed_sources`: the sources whose job listing completed in this sync; archived
        jobs of those sources inside the sync's window that were not listed are marked
        `deleted_from_org` (their errors stay). None (e.g. a cancelled sync) marks nothing.
        """
        with self._lock, self._sqlite_errors("store the sync in"):
            with self._transaction():
                outcome = write_sync(self._con, result, listed_sources, _now_ns())
            self._update_snapshot_after_store(outcome)
        logger.info(
            "Archived sync %d: %d rows received, %d new, %d seen again",
            outcome.stats.sync_id,
            outcome.stats.rows_received,
            outcome.stats.rows_new,
            outcome.stats.rows_seen_again,
        )
        return outcome.stats

    def purge(self, retention_days: int = DEFAULT_RETENTION_DAYS) -> int:
        """Delete errors whose `failed_at` is older than `retention_days`; returns how many."""
        cutoff = to_ns(datetime.now(UTC) - timedelta(days=retention_days))
        with self._lock, self._sqlite_errors("purge"):
            with self._transaction():
                generation, rows = self._state()
                deleted = self._con.execute("DELETE FROM errors WHERE failed_at < ?", (cutoff,)).rowcount
                self._con.execute("DELETE FROM jobs WHERE modstamp_at < ?", (cutoff,))
                self._con.execute("DELETE FROM syncs WHERE started_at < ?", (cutoff,))
                if deleted:
                    _rebuild_signatures(self._con)
                    bump_generation(self._con)
            old = self._snapshot.read(generation, rows) if deleted else None
            if old is not None:  # else the next load rebuilds it from SQLite
                keep = ~(old["failed_at"] < pd.Timestamp(cutoff, tz="UTC")).to_numpy()
                self._write_snapshot(with_first_seen(old.loc[keep].reset_index(drop=True)), generation + 1)
        logger.info("Purged %d archived errors older than %d days", deleted, retention_days)
        return deleted

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
        frame = self._full_frame()
        mask = np.ones(len(frame), dtype=bool)
        if since is not None:
            mask &= (frame["failed_at"] >= pd.Timestamp(to_ns(since), tz="UTC")).to_numpy()
        if until is not None:
            mask &= (frame["failed_at"] <= pd.Timestamp(to_ns(until), tz="UTC")).to_numpy()
        if mask.all():
            return frame
        return frame.loc[mask].reset_index(drop=True)

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

    def new_since_last_visit(self, frame: pd.DataFrame, last_visit: datetime | None = None) -> np.ndarray:
        """True for rows whose signature first failed after the last visit (never visited: none)."""
        when = last_visit if last_visit is not None else self.last_visit()
        if when is None:
            return np.zeros(len(frame), dtype=bool)
        newer = frame["first_seen"] > pd.Timestamp(to_ns(when), tz="UTC")
        return newer.fillna(False).to_numpy(dtype=bool)

    def jobs(self) -> pd.DataFrame:
        """The jobs table (small): one row per job ever listed, incl. `deleted_from_org`."""
        with self._lock, self._sqlite_errors("read"):
            return pd.read_sql_query("SELECT * FROM jobs ORDER BY job_id", self._con)

    def error_count(self) -> int:
        """Number of archived errors."""
        return int(self._query_one("SELECT COUNT(*) FROM errors") or 0)

    def disk_usage(self) -> int:
        """Bytes the archive takes on disk: the database, its WAL and the snapshot."""
        names = (self.path, self.path.with_name(self.path.name + "-wal"), self._snapshot.path)
        return sum(p.stat().st_size for p in names if p.exists())

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        """Close the database (checkpointing the WAL); the object is unusable afterwards."""
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
        is_new = not path.exists()
        try:
            con = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=busy_timeout_s)
        except sqlite3.Error as exc:
            raise ArchiveError(_in_words(exc, path, "open")) from exc
        try:
            con.execute("PRAGMA journal_mode = WAL")
            con.execute("PRAGMA synchronous = NORMAL")
            con.execute("PRAGMA cache_size = -65536")  # 64 MiB: big stores spill less
            con.execute("PRAGMA temp_store = MEMORY")
            con.execute("PRAGMA journal_size_limit = 67108864")  # no 500 MB -wal left after a big store
            migrate(con)
        except BaseException as exc:
            con.close()
            if isinstance(exc, sqlite3.Error):
                raise ArchiveError(_in_words(exc, path, "open")) from exc
            raise
        if is_new and os.name == "posix":
            os.chmod(path, 0o600)
        return con

    @contextmanager
    def _sqlite_errors(self, action: str) -> Iterator[None]:
        """SQLite failures (locked for longer than the busy timeout, disk full, a damaged
        file) become an `ArchiveError` in words."""
        try:
            yield
        except sqlite3.Error as exc:
            raise ArchiveError(_in_words(exc, self.path, action)) from exc

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._con.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._con.execute("ROLLBACK")
            raise
        self._con.execute("COMMIT")

    def _state(self) -> tuple[int, int]:
        return read_generation(self._con), int(self._query_one("SELECT COUNT(*) FROM errors") or 0)

    def _full_frame(self) -> pd.DataFrame:
        """All archived rows: the snapshot if current, else rebuilt from SQLite (and saved)."""
        with self._lock, self._sqlite_errors("read"):
            generation, rows = self._state()
            frame = self._snapshot.read(generation, rows)
            if frame is None:
                logger.info("Rebuilding the archive snapshot from SQLite (%d rows)", rows)
                frame = with_first_seen(read_frame(self._con))
                self._write_snapshot(frame, generation)
            return frame

    def _update_snapshot_after_store(self, outcome: WriteOutcome) -> None:
        if not outcome.stats.rows_new:
            return
        if outcome.rows_before == 0:
            old: pd.DataFrame | None = outcome.new_rows.iloc[:0]
        else:
            old = self._snapshot.read(outcome.generation_before, outcome.rows_before)
        if old is None:
            self._full_frame()
            return
        frame = with_first_seen(concat_frames([old, outcome.new_rows]))
        self._write_snapshot(frame, outcome.stats.generation)

    def _write_snapshot(self, frame: pd.DataFrame, generation: int) -> None:
        try:
            self._snapshot.write(frame, generation)
        except OSError as exc:  # SQLite holds the truth; the next load rebuilds the snapshot
            logger.warning("Could not write the archive snapshot: %s", exc)
            self._snapshot.discard()

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
            self._con.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )


def _rebuild_signatures(con: sqlite3.Connection) -> None:
    """Recompute signature aggregates from the remaining rows (after a purge)."""
    con.execute(
        "CREATE TEMP TABLE sig_agg AS SELECT error_type, object, source_id, MIN(failed_at) AS f, "
        "MAX(failed_at) AS l, COUNT(*) AS c FROM errors GROUP BY error_type, object, source_id"
    )
    con.execute("CREATE UNIQUE INDEX temp.sig_agg_key ON sig_agg (error_type, object, source_id)")
    match = (
        "a.error_type = signatures.error_type AND a.object = signatures.object "
        "AND a.source_id = signatures.source_id"
    )
    con.execute(f"DELETE FROM signatures WHERE NOT EXISTS (SELECT 1 FROM sig_agg a WHERE {match})")
    con.execute(
        f"UPDATE signatures SET first_seen = a.f, last_seen = a.l, count = a.c FROM sig_agg a WHERE {match}"
    )
    con.execute("DROP TABLE temp.sig_agg")


def _in_words(exc: sqlite3.Error, path: Path, action: str) -> str:
    """A sentence for the user: which archive, what failed, and what to do when it is busy."""
    if "locked" in str(exc) or "busy" in str(exc):
        return (
            f"The error archive {path.name} is in use by another copy of the app; "
            "try again when it has finished."
        )
    if action == "open":
        return f"The error archive {path.name} cannot be opened: {exc}."
    return f"Could not {action} the error archive {path.name}: {exc}."


def _now_ns() -> int:
    return int(to_ns(datetime.now(UTC)))


def _from_ns(value: int | None) -> datetime | None:
    if value is None:
        return None
    return _EPOCH + timedelta(microseconds=int(value) // 1000)
