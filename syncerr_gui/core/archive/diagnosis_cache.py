"""The diagnoses of error groups kept in the archive, per sync, so the Why section shows them
offline with the time they were read, and a sync asks the org once per group at most.

Its own short-lived SQLite connection beside the archive's (WAL: readers never wait for a
store); only the last `KEEP_SYNCS` diagnoses of a group are kept. Secrets never get here:
a diagnosis holds the org's metadata words and record IDs only.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from syncerr_gui.core.archive.connection import in_words
from syncerr_gui.core.archive.store import ArchiveError, ErrorArchive
from syncerr_gui.core.diagnosis.diagnoser import Diagnoser
from syncerr_gui.core.diagnosis.group_rows import GroupRows
from syncerr_gui.core.diagnosis.model import FAILED, Diagnosis

logger = logging.getLogger(__name__)

KEEP_SYNCS = 3
BUSY_TIMEOUT_S = 5.0


class DiagnosisCache:
    """`put(diagnosis)` for the archive's latest sync; `latest(key)` / `for_sync(key)` to read."""

    def __init__(self, archive: ErrorArchive, reading_only: bool = False) -> None:
        self.path = Path(archive.path)
        self.reading_only = reading_only

    def current_sync(self) -> int:
        """The id of the archive's latest sync (0 before the first)."""
        with self._connection() as con:
            row = con.execute("SELECT COALESCE(MAX(id), 0) FROM syncs").fetchone()
        return int(row[0])

    def put(self, diagnosis: Diagnosis, sync_id: int | None = None) -> None:
        """Keep `diagnosis` for `sync_id` (default: the latest sync); older ones beyond KEEP_SYNCS go."""
        if self.reading_only:
            return
        sync = self.current_sync() if sync_id is None else sync_id
        with self._connection() as con:
            con.execute("BEGIN IMMEDIATE")
            con.execute(
                "INSERT OR REPLACE INTO group_diagnoses VALUES (?, ?, ?, ?, ?, ?)",
                (
                    diagnosis.group_key,
                    sync,
                    int(diagnosis.read_at.timestamp() * 1e6) * 1000,
                    diagnosis.status,
                    diagnosis.headline,
                    diagnosis.to_json(),
                ),
            )
            con.execute(
                "DELETE FROM group_diagnoses WHERE group_key = ? AND sync_id NOT IN "
                "(SELECT sync_id FROM group_diagnoses WHERE group_key = ? ORDER BY sync_id DESC LIMIT ?)",
                (diagnosis.group_key, diagnosis.group_key, KEEP_SYNCS),
            )
            con.execute("COMMIT")

    def for_sync(self, group_key: str, sync_id: int | None = None) -> Diagnosis | None:
        """The diagnosis read for this sync (default: the latest), if any."""
        sync = self.current_sync() if sync_id is None else sync_id
        return self._one(
            "SELECT body FROM group_diagnoses WHERE group_key = ? AND sync_id = ?", (group_key, sync)
        )

    def latest(self, group_key: str) -> Diagnosis | None:
        """The newest diagnosis of the group, whatever sync it was read for (offline)."""
        return self._one(
            "SELECT body FROM group_diagnoses WHERE group_key = ? ORDER BY sync_id DESC, read_at DESC LIMIT 1",
            (group_key,),
        )

    def headlines(self, group_keys: list[str]) -> dict[str, str]:
        """The newest one-line diagnosis of each group that has one (the CSV column)."""
        out: dict[str, str] = {}
        with self._connection() as con:
            for key in group_keys:
                row = con.execute(
                    "SELECT headline FROM group_diagnoses WHERE group_key = ? ORDER BY sync_id DESC LIMIT 1",
                    (key,),
                ).fetchone()
                if row:
                    out[key] = str(row[0])
        return out

    def _one(self, sql: str, args: tuple[object, ...]) -> Diagnosis | None:
        with self._connection() as con:
            row = con.execute(sql, args).fetchone()
        if row is None:
            return None
        try:
            return Diagnosis.from_json(row[0])
        except ValueError:
            logger.warning("a stored diagnosis could not be read; it is ignored")
            return None

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        try:
            if self.reading_only:
                uri = f"{self.path.resolve().as_uri()}?mode=ro"
                con = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            else:
                con = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        except sqlite3.Error as exc:
            raise ArchiveError(in_words(exc, self.path, "open")) from exc
        try:
            yield con
        except sqlite3.Error as exc:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise ArchiveError(in_words(exc, self.path, "read")) from exc
        finally:
            con.close()


def diagnosis_of(rows: GroupRows, diagnoser: Diagnoser, cache: DiagnosisCache | None) -> Diagnosis:
    """This sync's diagnosis of the group: the kept one, else read from the org and kept.

    A skipped read is kept too, so offline it says why there is none; a failed one is not. An archive
    that cannot be read or written (busy with a store for longer than the timeout) costs
    only the keeping: the org is still read once."""
    if cache is not None:
        try:
            kept = cache.for_sync(rows.key)
        except ArchiveError as exc:
            logger.warning("no kept diagnosis read: %s", exc)
            kept = None
        if kept is not None:
            return kept
    diagnosis = diagnoser.diagnose(rows)
    if cache is not None and diagnosis.status != FAILED:  # a failed read is tried again
        try:
            cache.put(diagnosis)
        except ArchiveError as exc:
            logger.warning("diagnosis not kept: %s", exc)
    return diagnosis
