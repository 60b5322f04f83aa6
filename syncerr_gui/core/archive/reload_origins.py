"""Which archived error each row of a reload file retries: matched by Job ID and key values.

A row read back from a reload file carries its `Job ID` but, after the admin's fix, not
necessarily the values it failed with. Its key values do not change with the fix: the
Salesforce ID (`Id`), the job's external-ID field and the source-ID columns. So a row is
matched to an archived error of the same job with the same key values; a job whose rows
have no key column (an insert without a source ID) is matched on the most columns equal,
at least half of them. Each archived error is matched once.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Protocol

import numpy as np
import pandas as pd

from syncerr_gui.core.frame.row_details import INPUT_ROW, ROW_KEY, RowDetails
from syncerr_gui.core.frame.schema import RECORD_LEVEL
from syncerr_gui.core.reload.batch import ID_FIELD, ReloadBatch, origin_key
from syncerr_gui.core.salesforce.parts import DEFAULT_SOURCE_ID_COLUMNS


class ArchiveLike(Protocol):
    """What the reload results need of an `ErrorArchive` (named so, not imported: the store
    imports the reader, which imports these modules)."""

    @property
    def path(self) -> Path: ...

    @property
    def details(self) -> RowDetails: ...

    def load(self) -> pd.DataFrame: ...


MAX_LOOSE_CANDIDATES = 5_000  # a job with more keyless rows than this is not matched column by column


class _Candidate:
    """One archived error of a job: its origin, its code and its input row's values by column."""

    __slots__ = ("code", "origin", "values")

    def __init__(self, origin: str, code: str, values: dict[str, str]) -> None:
        self.origin, self.code, self.values = origin, code, values


def origins_for(
    archive: ArchiveLike,
    batch: ReloadBatch,
    job_ids: Sequence[str],
    key_columns: Sequence[str] = DEFAULT_SOURCE_ID_COLUMNS,
) -> ReloadBatch:
    """`batch` with `origins` filled: each row's archived error ("" where none matches).

    `job_ids[i]` is row i's Job ID (the file's column); `key_columns` are the source-ID
    columns to match on besides `Id` and the external-ID field.
    """
    if len(job_ids) != len(batch):
        raise ValueError("origins_for needs one job id per row")
    candidates = _candidates(archive, {j for j in job_ids if j})
    keys = [
        c for c in dict.fromkeys((ID_FIELD, batch.target.external_id, *key_columns)) if c in batch.columns
    ]
    at = [batch.column_index(c) for c in keys]
    by_key: dict[tuple[str, tuple[str, ...]], list[_Candidate]] = {}
    for job, found in candidates.items():
        for candidate in reversed(found):  # popped from the end: first archived first
            ident = tuple(candidate.values.get(c, "") for c in keys)
            by_key.setdefault((job, ident), []).append(candidate)
    used: set[str] = set()
    origins = []
    for row, job, error in zip(batch.rows, job_ids, batch.errors):
        code = error.split(":", 1)[0]
        match = (
            _keyed(by_key, job, tuple(row[i] for i in at), code, used) if any(row[i] for i in at) else None
        )
        if match is None and not any(row[i] for i in at):
            match = _loose(batch.columns, row, candidates.get(job, []), used)
        origins.append(match or "")
        if match:
            used.add(match)
    return replace(batch, origins=tuple(origins))


def _keyed(
    by_key: dict[tuple[str, tuple[str, ...]], list[_Candidate]],
    job: str,
    ident: tuple[str, ...],
    code: str,
    used: set[str],
) -> str | None:
    """The first unused error of `job` with these key values, one of the row's own error code
    first: a record that failed twice in one job (two rules) has two errors with one key."""
    found = [c for c in by_key.get((job, ident), []) if c.origin not in used]
    same_code = [c for c in found if c.code == code]
    chosen = (same_code or found)[-1:]
    return chosen[0].origin if chosen else None


def _loose(
    columns: tuple[str, ...], row: tuple[str, ...], found: list[_Candidate], used: set[str]
) -> str | None:
    """The unused candidate with the most equal values (at least half the columns)."""
    if len(found) > MAX_LOOSE_CANDIDATES:
        return None
    best, score = None, (len(columns) + 1) // 2 - 1
    for candidate in found:
        if candidate.origin in used:
            continue
        equal = sum(1 for c, v in zip(columns, row) if candidate.values.get(c) == v)
        if equal > score:
            best, score = candidate.origin, equal
    return best


def _candidates(archive: ArchiveLike, jobs: set[str]) -> dict[str, list[_Candidate]]:
    """The record-level archived errors of `jobs`, per job, in row-id order."""
    if not jobs:
        return {}
    frame = archive.load()
    wanted = frame["job_id"].isin(jobs).to_numpy() & (
        frame["failed_on"].to_numpy(dtype=object) == RECORD_LEVEL
    )
    rows = np.flatnonzero(wanted)
    ids = frame["row_id"].to_numpy(dtype=np.int64)[rows]
    rows, ids = rows[np.argsort(ids)], np.sort(ids)
    inputs = archive.details.read(ids, INPUT_ROW).to_pylist()
    keys = archive.details.read(ids, ROW_KEY).to_pylist()
    job_of = frame["job_id"].to_numpy(dtype=object)[rows]
    batch_of = frame["batch_id"].to_numpy(dtype=object)[rows]
    code_of = frame["error_type"].to_numpy(dtype=object)[rows]
    found: dict[str, list[_Candidate]] = {}
    for job, batch_id, code, key, text in zip(job_of, batch_of, code_of, keys, inputs):
        values = _values(text)
        if values is not None:
            found.setdefault(str(job), []).append(
                _Candidate(origin_key(str(job), str(batch_id), key), str(code), values)
            )
    return found


def _values(text: str | None) -> dict[str, str] | None:
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else None
