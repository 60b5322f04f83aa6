"""Writing one sync into the archive: the body of `ErrorArchive.store`, inside its transaction.

Idempotence without re-inserting: the identity of a row is (job_id, source, batch_id,
row_key), UNIQUE in SQLite. Before inserting, the identities already archived for the
sync's jobs are read (one indexed join), and only rows not there yet are inserted, sorted
by identity (B-tree appends are several times faster than random inserts) and with
explicit ids, so the caller knows exactly which rows are new and can append them to the
columnar snapshot. Rows seen again only get `last_seen` refreshed, one UPDATE per job.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from syncerr_gui.core.archive.rows import KEY_COLUMNS, ROW_COLUMNS, frame_records, key_strings
from syncerr_gui.core.frame.schema import SOURCE_BULK1, SOURCE_BULK2

if TYPE_CHECKING:
    from syncerr_gui.core.salesforce.parts import JobSummary
    from syncerr_gui.core.sync.values import SyncResult

logger = logging.getLogger(__name__)

# Sources whose job listing is complete for its window, so a missing job was deleted.
LISTED_SOURCES = (SOURCE_BULK2, SOURCE_BULK1)
INSERT_CHUNK_ROWS = 100_000

_INSERT_ERROR = (
    f"INSERT INTO errors (id, {', '.join(ROW_COLUMNS)}, sync_id, first_archived, last_seen) "
    f"VALUES ({', '.join('?' * (len(ROW_COLUMNS) + 4))})"
)

_UPSERT_SIGNATURES = """
INSERT INTO signatures (error_type, object, source_id, first_seen, last_seen, count, first_archived)
SELECT error_type, object, source_id, MIN(failed_at), MAX(failed_at), COUNT(*), ?
FROM errors WHERE id > ? GROUP BY error_type, object, source_id
ON CONFLICT (error_type, object, source_id) DO UPDATE SET
    first_seen = COALESCE(MIN(first_seen, excluded.first_seen), first_seen, excluded.first_seen),
    last_seen = COALESCE(MAX(last_seen, excluded.last_seen), last_seen, excluded.last_seen),
    count = count + excluded.count
"""

_UPSERT_JOB = """
INSERT INTO jobs (job_id, source, state, system_modstamp, modstamp_at, finished, object, operation,
                  error_rows, archived_modstamp, first_archived, last_seen_in_list, deleted_from_org)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
ON CONFLICT (job_id) DO UPDATE SET
    source = excluded.source, state = excluded.state, system_modstamp = excluded.system_modstamp,
    modstamp_at = excluded.modstamp_at, finished = excluded.finished, object = excluded.object,
    operation = excluded.operation, error_rows = excluded.error_rows,
    archived_modstamp = COALESCE(excluded.archived_modstamp, archived_modstamp),
    last_seen_in_list = excluded.last_seen_in_list, deleted_from_org = 0
"""


@dataclass(frozen=True)
class StoreStats:
    """What one `store` did (for logs, the status bar and the benchmark)."""

    sync_id: int
    rows_received: int
    rows_new: int
    rows_seen_again: int
    duplicates_in_result: int
    jobs_complete: int
    jobs_deleted: int
    signatures_new: int
    generation: int


@dataclass
class WriteOutcome:
    """StoreStats plus what the snapshot update needs: the new rows and the row counts."""

    stats: StoreStats
    new_rows: pd.DataFrame
    rows_before: int
    generation_before: int


def write_sync(
    con: sqlite3.Connection, result: SyncResult, listed_sources: Collection[str] | None, now_ns: int
) -> WriteOutcome:
    """Write `result` into the open transaction of `con`; the caller commits."""
    frame = result.frame
    keys = key_strings(frame)
    duplicate = keys.duplicated().to_numpy()
    exists = keys.isin(_existing_keys(con, frame["job_id"].unique().tolist())).to_numpy()
    new = frame.loc[~duplicate & ~exists].sort_values(list(KEY_COLUMNS), kind="stable")
    new = new.reset_index(drop=True)
    rows_before = con.execute("SELECT COUNT(*) FROM errors").fetchone()[0]
    max_id = con.execute("SELECT COALESCE(MAX(id), 0) FROM errors").fetchone()[0]
    sync_id = _insert_sync(con, result, rows_new=len(new))
    ids = np.arange(max_id + 1, max_id + 1 + len(new), dtype=np.int64)
    for start in range(0, len(new), INSERT_CHUNK_ROWS):  # chunks bound the Python objects alive
        stop = start + INSERT_CHUNK_ROWS
        con.executemany(
            _INSERT_ERROR, frame_records(new.iloc[start:stop], ids[start:stop], (sync_id, now_ns, now_ns))
        )
    seen_jobs = frame.loc[exists, "job_id"].unique().tolist()
    con.executemany("UPDATE errors SET last_seen = ? WHERE job_id = ?", [(now_ns, j) for j in seen_jobs])
    signatures_before = con.execute("SELECT COUNT(*) FROM signatures").fetchone()[0]
    con.execute(_UPSERT_SIGNATURES, (now_ns, max_id))
    signatures_new = con.execute("SELECT COUNT(*) FROM signatures").fetchone()[0] - signatures_before
    jobs_complete = _upsert_jobs(con, result, now_ns)
    jobs_deleted = _mark_deleted(con, result, listed_sources) if listed_sources else 0
    generation_before = read_generation(con)
    generation = bump_generation(con) if len(new) else generation_before
    stats = StoreStats(
        sync_id=sync_id,
        rows_received=len(frame),
        rows_new=len(new),
        rows_seen_again=int(exists.sum()),
        duplicates_in_result=int((duplicate & ~exists).sum()),
        jobs_complete=jobs_complete,
        jobs_deleted=jobs_deleted,
        signatures_new=signatures_new,
        generation=generation,
    )
    return WriteOutcome(stats, new, rows_before, generation_before)


def _existing_keys(con: sqlite3.Connection, job_ids: list[str]) -> pd.Series:
    """Identities already archived for `job_ids`, as key strings (see `key_strings`)."""
    con.execute("CREATE TEMP TABLE IF NOT EXISTS stage_jobs (job_id TEXT PRIMARY KEY)")
    con.execute("DELETE FROM stage_jobs")
    con.executemany("INSERT OR IGNORE INTO stage_jobs VALUES (?)", [(j,) for j in job_ids])
    rows = con.execute(
        f"SELECT {', '.join('e.' + c for c in KEY_COLUMNS)} FROM stage_jobs s "
        "JOIN errors e ON e.job_id = s.job_id"
    ).fetchall()
    return key_strings(pd.DataFrame.from_records(rows, columns=list(KEY_COLUMNS)))


def _insert_sync(con: sqlite3.Connection, result: SyncResult, rows_new: int) -> int:
    problems = json.dumps(
        [{"source": p.source, "job_id": p.job_id, "reason": p.reason} for p in result.problems],
        ensure_ascii=False,
    )
    cursor = con.execute(
        "INSERT INTO syncs (started_at, finished_at, since, until, cancelled, success, rows, new_rows, "
        "requests_made, problems) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            to_ns(result.started_at),
            to_ns(result.finished_at),
            to_ns(result.since),
            to_ns(result.until),
            int(result.cancelled),
            int(not result.cancelled),
            len(result.frame),
            rows_new,
            int(result.requests_made),
            problems,
        ),
    )
    return int(cursor.lastrowid or 0)


def _upsert_jobs(con: sqlite3.Connection, result: SyncResult, now_ns: int) -> int:
    """Record every listed job; a finished job read without a problem is archived complete."""
    failed = {p.job_id for p in result.problems}
    modstamps = _modstamps_ns([j.system_modstamp for j in result.jobs])
    rows, complete = [], 0
    for job, modstamp_at in zip(result.jobs, modstamps):
        archived = rest_stamp(modstamp_at, job.system_modstamp) if _is_complete(job, failed) else None
        complete += archived is not None
        rows.append(
            (
                job.job_id,
                job.source,
                job.state,
                job.system_modstamp,
                modstamp_at,
                int(job.finished),
                job.object,
                job.operation,
                int(job.error_rows),
                archived,
                now_ns,
                now_ns,
            )
        )
    con.executemany(_UPSERT_JOB, rows)
    return complete


def _is_complete(job: JobSummary, failed: set[str]) -> bool:
    return bool(job.finished and job.read and job.system_modstamp and job.job_id not in failed)


def _mark_deleted(con: sqlite3.Connection, result: SyncResult, listed_sources: Collection[str]) -> int:
    """Flag archived jobs in the sync's window that the org no longer lists (errors are kept)."""
    sources = [s for s in listed_sources if s in LISTED_SOURCES]
    if not sources:
        return 0
    con.execute("CREATE TEMP TABLE IF NOT EXISTS stage_listed (job_id TEXT PRIMARY KEY)")
    con.execute("DELETE FROM stage_listed")
    con.executemany("INSERT OR IGNORE INTO stage_listed VALUES (?)", [(j.job_id,) for j in result.jobs])
    marks = ", ".join("?" * len(sources))
    cursor = con.execute(
        f"UPDATE jobs SET deleted_from_org = 1 WHERE deleted_from_org = 0 AND source IN ({marks}) "
        "AND modstamp_at >= ? AND (? IS NULL OR modstamp_at <= ?) "
        "AND job_id NOT IN (SELECT job_id FROM stage_listed)",
        (*sources, to_ns(result.since), to_ns(result.until), to_ns(result.until)),
    )
    if cursor.rowcount:
        logger.info(
            "%d archived jobs are no longer listed by the org; their errors are kept", cursor.rowcount
        )
    return cursor.rowcount


def _modstamps_ns(values: list[str]) -> list[int | None]:
    stamps = pd.to_datetime(pd.Series(values, dtype="str"), utc=True, errors="coerce", format="ISO8601")
    return [None if pd.isna(s) else int(s.value) for s in stamps]


def rest_stamp(at_ns: int | None, raw: str) -> str:
    """A systemModstamp as the REST job listing writes it (`…T10:00:00.000+0000`).

    `skip_jobs` is compared with the listing's text, but a Bulk 1.0 job's summary carries
    the XML job info's form (`…Z`); one canonical form makes both match.
    """
    if at_ns is None:
        return raw
    stamp = pd.Timestamp(at_ns, tz="UTC")
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.") + f"{stamp.microsecond // 1000:03d}+0000"


class ModstampText(str):
    """A systemModstamp text that equals any text of the same instant.

    The engine compares `skip_jobs` values with the listing's text; Salesforce writes one
    instant as `…T10:00:00.000+0000` (REST) or `…T10:00:00.000Z` (Bulk 1.0 XML), so a
    text comparison would download an archived job again. Equal text stays the fast path;
    anything else is compared as an instant (unparsable text is equal to nothing else).
    The hash stays the text's: use these as values, not as set members or keys.
    """

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, str):
            return NotImplemented
        if str.__eq__(self, other):
            return True
        mine, theirs = _instant(str(self)), _instant(str(other))
        return mine is not None and mine == theirs

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = str.__hash__


@lru_cache(maxsize=4096)
def _instant(text: str) -> datetime | None:
    """The instant a Salesforce time text names (any offset form), or None."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def read_generation(con: sqlite3.Connection) -> int:
    row = con.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
    return int(row[0]) if row else 0


def bump_generation(con: sqlite3.Connection) -> int:
    """Advance the counter that tells the snapshot file it is stale (inside the transaction)."""
    generation = read_generation(con) + 1
    con.execute(
        "INSERT INTO meta (key, value) VALUES ('generation', ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (str(generation),),
    )
    return generation


def to_ns(value: datetime | None) -> Any:
    """A datetime (naive = UTC) as ns since the epoch, None stays None."""
    if value is None:
        return None
    stamp = pd.Timestamp(value)
    if stamp.tzinfo is None:
        stamp = stamp.tz_localize("UTC")
    return int(stamp.value)
