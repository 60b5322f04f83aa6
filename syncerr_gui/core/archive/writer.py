"""Writing one sync into the archive: the body of `ErrorArchive.store`, inside its transaction.

Idempotence without re-inserting: the identity of a row is (job_id, source, batch_id,
row_key). Before writing, the identities already archived for the sync's jobs are read
(only the parts that hold those jobs, found through `part_jobs`), and only rows not there
yet are written: their texts turned into codes of the archive's dictionaries (only the
distinct values of the sync are looked up), their signatures coded, and the lot written as
one part (`parts.py`). Rows seen again only get their job's `rows_last_seen` refreshed.

The work runs in steps with a cancel check between them (`check`, which raises): the
caller rolls the transaction back, so a cancelled store leaves the archive as it was.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from syncerr_gui.core.archive.codebook import Codebook
from syncerr_gui.core.archive.encoding import texts
from syncerr_gui.core.archive.identity import Coded, Identities, duplicated, found_in
from syncerr_gui.core.archive.meta import meta_int, set_meta
from syncerr_gui.core.archive.parts import CODE_COLUMNS, PartRows, insert_part, read_keys, read_rows
from syncerr_gui.core.frame.row_details import INPUT_ROW, ROW_KEY, MemoryRowDetails, empty_texts
from syncerr_gui.core.frame.schema import (
    RECORD_LEVEL,
    SOURCE_BULK1,
    SOURCE_BULK2,
    codes_and_values,
    flat,
    times_ns,
)

if TYPE_CHECKING:
    from syncerr_gui.core.salesforce.parts import JobSummary
    from syncerr_gui.core.sync.values import SyncResult

logger = logging.getLogger(__name__)

# Sources whose job listing is complete for its window, so a missing job was deleted.
LISTED_SOURCES = (SOURCE_BULK2, SOURCE_BULK1)

_UPSERT_JOB = """
INSERT INTO jobs (job_id, source, state, system_modstamp, modstamp_at, finished, object, operation,
                  error_rows, archived_modstamp, first_archived, last_seen_in_list, deleted_from_org,
                  rows_last_seen)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL)
ON CONFLICT (job_id) DO UPDATE SET
    source = excluded.source, state = excluded.state, system_modstamp = excluded.system_modstamp,
    modstamp_at = excluded.modstamp_at, finished = excluded.finished, object = excluded.object,
    operation = excluded.operation, error_rows = excluded.error_rows,
    archived_modstamp = COALESCE(excluded.archived_modstamp, archived_modstamp),
    last_seen_in_list = excluded.last_seen_in_list, deleted_from_org = 0
"""

Check = Callable[[], None]


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


def write_sync(
    con: sqlite3.Connection,
    book: Codebook,
    result: SyncResult,
    listed_sources: Collection[str] | None,
    now_ns: int,
    check: Check = lambda: None,
) -> StoreStats:
    """Write `result` into the open transaction of `con`; the caller commits (or rolls back)."""
    frame = result.frame
    row_keys = result.details.read(frame["row_id"].to_numpy(), ROW_KEY)
    ids = _identities(frame, row_keys)
    check()
    duplicate = duplicated(ids)
    exists = found_in(ids, _existing_identities(con, book, ids.job))
    new = np.flatnonzero(~duplicate & ~exists)  # in frame order: a sync's jobs are days apart at most
    check()
    sync_id = _insert_sync(con, result, rows_new=len(new), stored_at=now_ns)
    signatures_before = len(book.signatures)
    if len(new):
        rows = _part_rows(con, book, result, new, sync_id, row_keys, check)
        check()
        insert_part(con, rows, book.dictionaries["job_id"].values)
        book.lower_first_seen(con, rows.signature, rows.failed_at)
        set_meta(con, "next_row_id", str(int(rows.row_id.max()) + 1))
    check()
    jobs_complete = _upsert_jobs(con, result, now_ns)
    read_jobs = [(now_ns, str(j)) for j in _present(ids.job).to_pylist()]
    con.executemany("UPDATE jobs SET rows_last_seen = ? WHERE job_id = ?", read_jobs)
    jobs_deleted = _mark_deleted(con, result, listed_sources) if listed_sources else 0
    generation = bump_generation(con) if len(new) else read_generation(con)
    return StoreStats(
        sync_id=sync_id,
        rows_received=len(frame),
        rows_new=len(new),
        rows_seen_again=int(exists.sum()),
        duplicates_in_result=int((duplicate & ~exists).sum()),
        jobs_complete=jobs_complete,
        jobs_deleted=jobs_deleted,
        signatures_new=len(book.signatures) - signatures_before,
        generation=generation,
    )


def _part_rows(
    con: sqlite3.Connection,
    book: Codebook,
    result: SyncResult,
    new: np.ndarray,
    sync_id: int,
    row_keys: pa.Array,
    check: Check,
) -> PartRows:
    """The new rows with archive codes, signatures, row ids and their details."""
    frame = result.frame
    codes: dict[str, np.ndarray] = {}
    for name in CODE_COLUMNS:
        codes[name] = _archive_codes(con, book, frame[name], new)
        check()
    signature = book.signature_codes(con, codes)
    first_id = meta_int(con, "next_row_id")
    rows = PartRows(
        row_id=np.arange(first_id, first_id + len(new), dtype=np.int64),
        failed_at=_times(frame)[new],
        sync_id=np.full(len(new), sync_id, dtype=np.int32),
        signature=signature,
        codes=codes,
        row_key=_taken(texts(row_keys), new),
        input_row=empty_texts(0),
    )
    blocks = _reusable_blocks(result, new)
    if blocks is not None:  # every row new, in order: the sync's compressed blocks as they are
        rows.input_blobs = blocks
        level_codes, levels = codes_and_values(frame["failed_on"])
        is_record = np.append(pc.equal(flat(levels), RECORD_LEVEL).to_numpy(zero_copy_only=False), False)
        rows.has_input = is_record[level_codes]  # record-level rows carry an input row
    else:
        inputs = result.details.read(frame["row_id"].to_numpy(), INPUT_ROW)  # in frame order: a bulk read
        rows.input_row = _taken(texts(inputs), new)
    return rows


def _reusable_blocks(result: SyncResult, new: np.ndarray) -> list[tuple[int, bytes]] | None:
    """The sync's own compressed input-row blocks, when the part holds exactly its rows in order."""
    details, ids = result.details, result.frame["row_id"].to_numpy()
    if not isinstance(details, MemoryRowDetails) or len(new) != len(ids) or len(details) != len(ids):
        return None
    if not (ids == np.arange(len(ids))).all():
        return None
    return details.compressed(INPUT_ROW)


def _taken(values: pa.Array, rows: np.ndarray) -> pa.Array:
    """`values` at `rows` (no copy when that is every row: the usual all-new sync)."""
    if len(rows) == len(values):
        return values
    return values.take(pa.array(rows))


def _archive_codes(
    con: sqlite3.Connection, book: Codebook, column: pd.Series, rows: np.ndarray
) -> np.ndarray:
    """Archive codes of `column` at `rows`: each distinct value used there looked up once."""
    frame_codes, values = codes_and_values(column)
    codes = frame_codes[rows].astype(np.int64)
    used = np.flatnonzero(np.bincount(codes + 1, minlength=len(values) + 1)) - 1  # -1: missing
    lut = np.zeros(len(values) + 1, dtype=np.int64)
    if len(used):
        dictionary = book.dictionaries[column.name]
        first_code = len(dictionary)
        present = used[used >= 0]
        needed = flat(values.take(pa.array(present)))
        if (used < 0).any():  # a missing value is the text ""
            needed = pa.concat_arrays([needed.cast(pa.large_string()), pa.array([""], pa.large_string())])
            present = np.append(present, -1)
        archive_codes, new_values, hashes = dictionary.encode(needed)
        book.dictionaries.write_segment(con, str(column.name), first_code, new_values, hashes)
        lut[present] = archive_codes
    return lut[codes]


def _identities(frame: pd.DataFrame, row_keys: pa.Array) -> Identities:
    """The identity of each row of a sync's frame."""
    coded = [Coded(*codes_and_values(frame[c])) for c in ("job_id", "source", "batch_id")]
    job, source, batch = coded
    return Identities(job, source, batch, row_key=row_keys)


def _existing_identities(con: sqlite3.Connection, book: Codebook, jobs: Coded) -> list[Identities]:
    """Identities already archived for the sync's jobs (read from the parts that hold them)."""
    job_ids = _present(jobs)
    wanted = book.dictionaries["job_id"].lookup(job_ids)
    wanted = wanted[wanted >= 0]
    if not len(wanted):
        return []
    found: list[Identities] = []
    for part_id in _parts_of_jobs(con, job_ids.to_pylist()):
        table = read_rows(con, part_id)
        keep = np.flatnonzero(np.isin(table.column("job_id").to_numpy(), wanted))
        if not len(keep):
            continue
        coded = [
            Coded(table.column(name).to_numpy()[keep], book.dictionaries[name].values)
            for name in ("job_id", "source", "batch_id")
        ]
        job, source, batch = coded
        found.append(Identities(job, source, batch, row_key=read_keys(con, part_id).take(pa.array(keep))))
    return found


def _present(column: Coded) -> pa.Array:
    """The distinct values a coded column uses."""
    counts = np.bincount(column.codes[column.codes >= 0].astype(np.int64), minlength=len(column.values))
    return column.values.take(pa.array(np.flatnonzero(counts)))


def _parts_of_jobs(con: sqlite3.Connection, job_ids: list[str]) -> list[int]:
    con.execute("CREATE TEMP TABLE IF NOT EXISTS stage_jobs (job_id TEXT PRIMARY KEY)")
    con.execute("DELETE FROM stage_jobs")
    con.executemany("INSERT OR IGNORE INTO stage_jobs VALUES (?)", [(str(j),) for j in job_ids])
    rows = con.execute(
        "SELECT DISTINCT p.part_id FROM stage_jobs s JOIN part_jobs p ON p.job_id = s.job_id ORDER BY p.part_id"
    )
    return [r[0] for r in rows.fetchall()]


def _times(frame: pd.DataFrame) -> np.ndarray:
    """failed_at as int64 ns (NAT for unknown)."""
    return times_ns(frame["failed_at"])


def _insert_sync(con: sqlite3.Connection, result: SyncResult, rows_new: int, stored_at: int) -> int:
    problems = json.dumps(
        [{"source": p.source, "job_id": p.job_id, "reason": p.reason} for p in result.problems],
        ensure_ascii=False,
    )
    cursor = con.execute(
        "INSERT INTO syncs (started_at, finished_at, since, until, cancelled, success, rows, new_rows, "
        "requests_made, problems, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            to_ns(result.started_at),
            to_ns(result.finished_at),
            to_ns(result.since),
            to_ns(result.until),
            int(result.cancelled),
            int(result.complete),  # cut short by the API limit: not the next window's anchor
            len(result.frame),
            rows_new,
            int(result.requests_made),
            problems,
            stored_at,
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
