"""Results of a reload flowing back into the archive: reloaded errors, retried rows, resolved groups.

A reload's outcome is kept in two tables (`schema.V5_RELOADED`), never by rewriting parts:

- `reloaded_errors`: an archived error whose row a reload loaded successfully (the reload
  job's id and when). The frame's `reloaded_in` says it.
- `reload_links`: a row that failed again, by the fingerprint of its uploaded values (a
  hash of its input row, the JSON text a sync makes of the reload job's failed results).
  When the next sync archives the reload job's errors, each whose input row has that
  fingerprint is a "reload of" the original; the frame's `reload_of` names its job.

Then every error group whose every record has been reloaded successfully is Resolved.
A row read from a reload file is matched to its archived error by `origins_for`: its Job ID
and its key values (Salesforce ID, external ID, source ID), which the admin's fix of the
bad column leaves as they were.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from syncerr_gui.core.archive.reload_origins import ArchiveLike, origins_for
from syncerr_gui.core.archive.triage import RESOLVED
from syncerr_gui.core.frame.groups import ErrorGroups, PatternMap
from syncerr_gui.core.frame.row_details import INPUT_ROW, ROW_KEY, RowDetails
from syncerr_gui.core.frame.schema import RECORD_LEVEL, categorical, codes_and_values, flat
from syncerr_gui.core.reload.batch import ReloadBatch, ReloadOutcome, RowOutcome, origin_parts
from syncerr_gui.core.salesforce.input_json import json_objects
from syncerr_gui.core.sync.row_keys import hash_strings, hex64

logger = logging.getLogger(__name__)

__all__ = [
    "ReloadApplied",
    "apply_outcome",
    "fingerprints",
    "origins_for",
    "resolve_reloaded_groups",
    "with_reloads",
]

TEXT = pa.large_string()
BUSY_TIMEOUT_S = 30.0
_IDENTITY = ("job_id", "batch_id", "row_key")


class TriageArchive(ArchiveLike, Protocol):
    """An `ErrorArchive` as the group resolution uses it."""

    def message_patterns(self, keep: bool = True) -> PatternMap: ...

    def group_states(self, groups: pd.DataFrame) -> pd.Series: ...

    def set_group_state(self, groups: pd.DataFrame, state: str | None, at: datetime | None = None) -> int: ...


@dataclass(frozen=True)
class ReloadApplied:
    """What `apply_outcome` recorded: errors marked reloaded, failures linked, groups resolved."""

    reloaded: int
    linked: int
    resolved_groups: tuple[str, ...]


def fingerprints(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """The fingerprint of each row's values: a hash of the input row a sync makes of it."""
    arrays = [pa.array([row[i] for row in rows], TEXT) for i in range(len(columns))]
    objects = json_objects(list(columns), arrays, len(rows))
    return [str(v) for v in hex64(hash_strings(flat(objects))).to_pylist()]


def with_reloads(con: sqlite3.Connection, frame: pd.DataFrame, details: RowDetails) -> pd.DataFrame:
    """`frame` with `reloaded_in` and `reload_of` filled from the reload tables (in place)."""
    reloaded = pd.read_sql_query("SELECT job_id, batch_id, row_key, reloaded_in FROM reloaded_errors", con)
    links = pd.read_sql_query("SELECT reload_job_id, fingerprint, occurrence, job_id FROM reload_links", con)
    if len(reloaded):
        frame["reloaded_in"] = _reloaded_in(frame, details, reloaded)
    if len(links):
        frame["reload_of"] = _reload_of(frame, details, links)
    return frame


def _rows_of_jobs(frame: pd.DataFrame, jobs: np.ndarray) -> np.ndarray:
    """Positions of the rows of `jobs` (compared on the job-id dictionary, not per row)."""
    codes, values = codes_and_values(frame["job_id"])
    wanted = np.isin(np.asarray(flat(values).to_pylist(), dtype=object), jobs)
    rows: np.ndarray = np.flatnonzero(np.append(wanted, False)[codes])
    return rows


def _reloaded_in(frame: pd.DataFrame, details: RowDetails, reloaded: pd.DataFrame) -> pd.Series:
    rows = _rows_of_jobs(frame, reloaded["job_id"].unique())
    keys = details.read(frame["row_id"].to_numpy(dtype=np.int64)[rows], ROW_KEY).to_pylist()
    found = pd.DataFrame(
        {
            "job_id": frame["job_id"].to_numpy(dtype=object)[rows],
            "batch_id": frame["batch_id"].to_numpy(dtype=object)[rows],
            "row_key": keys,
            "at": rows,
        }
    ).merge(reloaded, on=list(_IDENTITY), how="inner")
    return _column(len(frame), found["at"].to_numpy(), found["reloaded_in"].to_numpy(dtype=object))


def _reload_of(frame: pd.DataFrame, details: RowDetails, links: pd.DataFrame) -> pd.Series:
    rows = _rows_of_jobs(frame, links["reload_job_id"].unique())
    rows = rows[frame["failed_on"].to_numpy(dtype=object)[rows] == RECORD_LEVEL]
    ids = frame["row_id"].to_numpy(dtype=np.int64)[rows]
    rows = rows[np.argsort(ids, kind="stable")]
    inputs = flat(details.read(frame["row_id"].to_numpy(dtype=np.int64)[rows], INPUT_ROW))
    found = pd.DataFrame(
        {
            "reload_job_id": frame["job_id"].to_numpy(dtype=object)[rows],
            "fingerprint": hex64(hash_strings(inputs)).to_pylist() if len(rows) else [],
            "at": rows,
        }
    )
    found["occurrence"] = found.groupby(["reload_job_id", "fingerprint"], sort=False).cumcount()
    found = found.merge(links, on=["reload_job_id", "fingerprint", "occurrence"], how="inner")
    return _column(len(frame), found["at"].to_numpy(), found["job_id"].to_numpy(dtype=object))


def _column(length: int, at: np.ndarray, values: np.ndarray) -> pd.Series:
    """A categorical column: `values` at positions `at`, "" elsewhere."""
    if not len(values):
        return categorical(np.zeros(length, dtype=np.int8), pa.array([""], TEXT))
    distinct, codes = np.unique(values.astype(str), return_inverse=True)
    dictionary = pa.array(["", *distinct], TEXT)
    column = np.zeros(length, dtype=np.int32)
    column[at] = np.asarray(codes, dtype=np.int32) + 1
    return categorical(column, dictionary)


def apply_outcome(
    archive: TriageArchive, batch: ReloadBatch, outcome: ReloadOutcome, at: datetime | None = None
) -> ReloadApplied:
    """Record `outcome` of reloading `batch`: succeeded rows mark their original errors as
    reloaded, failed ones are linked by fingerprint; then groups wholly reloaded are Resolved.

    Rows without an origin are skipped (there is nothing archived to mark).
    """
    when = at or datetime.now(UTC)
    at_ns = int(pd.Timestamp(when).value)
    done, failed = [], []
    for result in outcome.results:
        origin = batch.origins[result.row] if 0 <= result.row < len(batch) else ""
        if not origin:
            continue
        if result.outcome is RowOutcome.SUCCEEDED:
            done.append((*origin_parts(origin), outcome.job_id, at_ns))
        elif result.outcome is RowOutcome.FAILED:
            failed.append(result.row)
    links = _links(batch, failed, outcome.job_id, at_ns)
    with _writing(archive) as con:
        con.executemany(
            "INSERT OR REPLACE INTO reloaded_errors (job_id, batch_id, row_key, reloaded_in, reloaded_at) "
            "VALUES (?, ?, ?, ?, ?)",
            done,
        )
        con.executemany(
            "INSERT OR REPLACE INTO reload_links (reload_job_id, fingerprint, occurrence, job_id, batch_id, "
            "row_key, linked_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            links,
        )
    resolved = resolve_reloaded_groups(archive, when) if done else ()
    logger.info("reload %s: %d errors reloaded, %d linked", outcome.job_id, len(done), len(links))
    return ReloadApplied(len(done), len(links), resolved)


def _links(batch: ReloadBatch, failed: list[int], job_id: str, at_ns: int) -> list[tuple[object, ...]]:
    if not failed:
        return []
    prints = fingerprints(batch.columns, [batch.rows[i] for i in failed])
    seen: dict[str, int] = {}
    links: list[tuple[object, ...]] = []
    for row, fingerprint in zip(failed, prints):
        occurrence = seen.get(fingerprint, 0)
        seen[fingerprint] = occurrence + 1
        links.append((job_id, fingerprint, occurrence, *origin_parts(batch.origins[row]), at_ns))
    return links


def resolve_reloaded_groups(archive: TriageArchive, at: datetime | None = None) -> tuple[str, ...]:
    """Resolve each group that has a reloaded error and whose every record was reloaded
    successfully (an error counts when its own row, or its record's row in the same group,
    was); returns the keys of the groups resolved."""
    frame = archive.load()
    if not len(frame):
        return ()
    groups = ErrorGroups(frame, archive.message_patterns(keep=False))
    reloaded = frame["reloaded_in"].to_numpy(dtype=object) != ""
    if not reloaded.any():
        return ()
    records = _record_codes(frame)
    pairs = groups.row_group.astype(np.int64) * (int(records.max()) + 2) + records + 1
    done = reloaded | (np.isin(pairs, pairs[reloaded]) & (records >= 0))
    touched = np.bincount(groups.row_group[reloaded], minlength=groups.count) > 0
    left = np.bincount(groups.row_group[~done], minlength=groups.count)
    whole = np.flatnonzero(touched & (left == 0))
    table = groups.summary().table
    table = table[table["group"].isin(whole)]
    table = table[(archive.group_states(table) != RESOLVED).to_numpy()]  # a Regressed one again
    if len(table):
        archive.set_group_state(table, RESOLVED, at)
    return tuple(str(k) for k in table["key"])


def _record_codes(frame: pd.DataFrame) -> np.ndarray:
    """One code per row naming its record (Salesforce ID, else source ID), -1 when neither."""
    sf_codes, sf_values = codes_and_values(frame["salesforce_id"])
    src_codes, src_values = codes_and_values(frame["source_id"])
    sf_empty = np.asarray(pc.equal(flat(sf_values), "").to_numpy(zero_copy_only=False), bool)
    src_empty = np.asarray(pc.equal(flat(src_values), "").to_numpy(zero_copy_only=False), bool)
    has_sf = ~np.append(sf_empty, True)[sf_codes]
    has_src = ~np.append(src_empty, True)[src_codes]
    codes = np.where(has_sf, sf_codes.astype(np.int64), -1)
    return np.where(~has_sf & has_src, len(sf_values) + src_codes.astype(np.int64), codes)


@contextmanager
def _writing(archive: TriageArchive) -> Iterator[sqlite3.Connection]:
    """A connection of its own to the archive, in one write transaction (WAL: readers go on)."""
    with closing(sqlite3.connect(archive.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)) as con:
        con.execute("BEGIN IMMEDIATE")
        try:
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
