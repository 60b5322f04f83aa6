"""Which failed rows can be reloaded, and into which file: frame rows grouped by target and header.

A reload file holds one object, operation and external-ID field, with the job's input
columns exactly as uploaded. The input row each error keeps is JSON object text with its
keys in upload order (`core/salesforce/input_json.py`), so the header of a job (or of a
Bulk 1.0 batch, whose request may differ) is read from one row of it; the rows' values
are parsed a chunk at a time by Arrow's JSON reader, never one row at a time in Python.

Rows without an input row (job-level errors, Apex jobs, rows whose input the archive has
dropped) and operations Salesforce cannot reload are left out and counted by reason.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.json as pa_json

from syncerr_gui.core.frame.row_details import INPUT_ROW, ROW_KEY, RowDetails, read_chunks
from syncerr_gui.core.frame.schema import JOB_LEVEL, SOURCE_APEX, as_dictionary
from syncerr_gui.core.reload.batch import OPERATIONS, UPSERT, ReloadTarget

TEXT = pa.large_string()
CHUNK_ROWS = 65_536
JOB_LEVEL_REASON = "job-level errors (no input row)"
APEX_REASON = "Apex job errors (no input row)"
NO_INPUT_REASON = "input row no longer kept"
UNREADABLE_REASON = "input row not readable as columns"


def operation_reason(operation: str) -> str:
    return f"operation {operation or '(none)'} cannot be reloaded"


@dataclass
class ReloadGroup:
    """Rows of one reload file: frame positions (in row-id order) and the header they share.

    `suffix` is "" for the target's main file, else the job ID that names a file of its own
    (a job whose input columns differ from the main file's).
    """

    target: ReloadTarget
    columns: tuple[str, ...]
    positions: np.ndarray
    first_job: str
    suffix: str = ""

    def file_name(self) -> str:
        """`Object.operation[.ExternalIdField][.JobId].csv`."""
        stem = self.target.file_stem()
        return f"{stem}.{self.suffix}.csv" if self.suffix else f"{stem}.csv"


@dataclass
class ReloadPlan:
    """The groups to write and the rows left out (reason -> rows)."""

    groups: list[ReloadGroup]
    left_out: Counter[str] = field(default_factory=Counter)


def plan_reload(frame: pd.DataFrame, details: RowDetails, row_ids: np.ndarray | None = None) -> ReloadPlan:
    """Group the rows with `row_ids` (frame `row_id`s; default every row) into reload files."""
    positions = _selected(frame, row_ids)
    left: Counter[str] = Counter()
    positions = _drop_unloadable(frame, positions, left)
    by_key = _units(frame, positions)
    headers = _headers(frame, details, by_key, left)
    groups = _files(frame, headers)
    return ReloadPlan(groups, left)


def _selected(frame: pd.DataFrame, row_ids: np.ndarray | None) -> np.ndarray:
    ids = frame["row_id"].to_numpy(dtype=np.int64)
    positions = np.arange(len(frame)) if row_ids is None else np.flatnonzero(np.isin(ids, row_ids))
    return positions[np.argsort(ids[positions], kind="stable")]


def _drop_unloadable(frame: pd.DataFrame, positions: np.ndarray, left: Counter[str]) -> np.ndarray:
    """Positions of record-level rows of a reloadable operation; the others counted by reason."""
    apex = (frame["source"].to_numpy(dtype=object)[positions] == SOURCE_APEX) if len(positions) else positions
    job_level = frame["failed_on"].to_numpy(dtype=object)[positions] == JOB_LEVEL
    left[APEX_REASON] += int(np.count_nonzero(apex))
    left[JOB_LEVEL_REASON] += int(np.count_nonzero(job_level & ~apex))
    keep = ~(apex | job_level)
    operations = frame["operation"].to_numpy(dtype=object)[positions]
    bad = keep & ~np.isin(operations, OPERATIONS)
    for operation, count in Counter(operations[bad]).items():
        left[operation_reason(str(operation))] += count
    return positions[keep & ~bad]


def _units(frame: pd.DataFrame, positions: np.ndarray) -> dict[tuple[str, ...], np.ndarray]:
    """Positions per (object, operation, external ID, job, batch): rows that share one header."""
    if not len(positions):
        return {}
    names = ("object", "operation", "external_id_field", "job_id", "batch_id")
    keys = pd.DataFrame({n: frame[n].to_numpy(dtype=object)[positions] for n in names})
    units = {}
    for key, rows in keys.groupby(list(names), sort=True).indices.items():
        units[tuple(str(k) for k in key)] = positions[np.sort(rows)]
    return units


def _headers(
    frame: pd.DataFrame,
    details: RowDetails,
    units: dict[tuple[str, ...], np.ndarray],
    left: Counter[str],
) -> list[tuple[tuple[str, ...], tuple[str, ...], np.ndarray]]:
    """(unit key, header, positions) of each unit with a known header; the rest counted."""
    if not units:
        return []
    keys = list(units)
    ids = frame["row_id"].to_numpy(dtype=np.int64)
    firsts = details.read(np.array([ids[units[k][0]] for k in keys], dtype=np.int64), INPUT_ROW)
    found = []
    for key, first in zip(keys, firsts.to_pylist()):
        header = _header_of(first) if first else _first_header(details, ids[units[key]])
        if header is None:
            left[NO_INPUT_REASON] += len(units[key])
        else:
            found.append((key, header, units[key]))
    return found


def _first_header(details: RowDetails, row_ids: np.ndarray) -> tuple[str, ...] | None:
    """The header of the first row that still has an input row (None when none has)."""
    for chunk in read_chunks(details, row_ids):
        present = np.flatnonzero(pc.greater(pc.binary_length(chunk), 0).to_numpy(zero_copy_only=False))
        if len(present):
            return _header_of(str(chunk[int(present[0])].as_py()))
    return None


def _header_of(text: str) -> tuple[str, ...] | None:
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return tuple(str(k) for k in value) if isinstance(value, dict) and value else None


def _files(frame: pd.DataFrame, headers: list[tuple[tuple[str, ...], tuple[str, ...], np.ndarray]]) -> list[ReloadGroup]:
    """One group per target and header; the header with most rows keeps the plain file name."""
    by_target: dict[ReloadTarget, dict[tuple[str, ...], list[tuple[str, np.ndarray]]]] = {}
    for (obj, operation, external, job, _batch), header, rows in headers:
        target = ReloadTarget(obj, operation, external if operation == UPSERT else "")
        by_target.setdefault(target, {}).setdefault(header, []).append((job, rows))
    groups = []
    ids = frame["row_id"].to_numpy(dtype=np.int64)
    for target, by_header in by_target.items():
        ranked = sorted(by_header.items(), key=lambda item: -sum(len(r) for _, r in item[1]))
        used: set[str] = set()
        for rank, (header, pieces) in enumerate(ranked):
            rows = np.concatenate([r for _, r in pieces])
            rows = rows[np.argsort(ids[rows], kind="stable")]
            first_job = min(job for job, _ in pieces)
            suffix = "" if rank == 0 else _free_suffix(first_job, used)
            groups.append(ReloadGroup(target, header, rows, first_job, suffix))
    return sorted(groups, key=lambda g: g.file_name())


def _free_suffix(job: str, used: set[str]) -> str:
    suffix, n = job, 2
    while suffix in used:
        suffix, n = f"{job}-{n}", n + 1
    used.add(suffix)
    return suffix


@dataclass
class GroupChunk:
    """A chunk of one group's rows: their values (the header's columns), errors, job ids, keys."""

    values: pa.Table
    errors: pa.Array
    job_ids: pa.Array
    positions: np.ndarray


@dataclass(frozen=True)
class RowTexts:
    """What every chunk gathers from the frame, made once: row ids, error texts, job ids."""

    ids: np.ndarray
    errors: pa.DictionaryArray
    jobs: pa.DictionaryArray

    @classmethod
    def of(cls, frame: pd.DataFrame) -> RowTexts:
        return cls(frame["row_id"].to_numpy(dtype=np.int64), error_texts(frame), as_dictionary(frame["job_id"]))


def group_chunks(
    texts: RowTexts,
    details: RowDetails,
    group: ReloadGroup,
    left: Counter[str],
    chunk_rows: int = CHUNK_ROWS,
) -> Iterator[GroupChunk]:
    """The group's rows a chunk at a time, values exactly as uploaded (rows that lost their
    input row, or whose input has other columns, are left out and counted)."""
    ids, errors, jobs = texts.ids, texts.errors, texts.jobs
    schema = pa.schema([pa.field(name, TEXT) for name in _unique(group.columns)])
    for start in range(0, len(group.positions), chunk_rows):
        rows = group.positions[start : start + chunk_rows]
        inputs = details.read(ids[rows], INPUT_ROW)
        present = pc.greater(pc.binary_length(inputs), 0).to_numpy(zero_copy_only=False)
        left[NO_INPUT_REASON] += int(np.count_nonzero(~present))
        rows, inputs = rows[present], inputs.filter(pa.array(present))
        table = _parse(inputs, schema, group.columns)
        if table is None:
            left[UNREADABLE_REASON] += len(rows)
            continue
        taken = pa.array(rows)
        yield GroupChunk(table, errors.take(taken), pc.cast(jobs.take(taken), TEXT), rows)


def read_row_keys(frame: pd.DataFrame, details: RowDetails, positions: np.ndarray) -> pa.Array:
    """The archive row keys of the rows at `positions`."""
    return details.read(frame["row_id"].to_numpy(dtype=np.int64)[positions], ROW_KEY)


def _parse(inputs: pa.Array, schema: pa.Schema, header: tuple[str, ...]) -> pa.Table | None:
    """The JSON rows as a table of `schema`'s text columns (None when a row has other keys)."""
    if not len(inputs):
        return pa.table({name: pa.array([], TEXT) for name in schema.names}).select(list(header))
    body = _lines(inputs)
    options = pa_json.ParseOptions(explicit_schema=schema, unexpected_field_behavior="error")
    try:
        table = pa_json.read_json(pa.BufferReader(body), parse_options=options)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    if table.num_rows != len(inputs):
        return None
    columns = [_filled(table.column(name)) for name in schema.names]
    return pa.table(columns, names=schema.names).select(list(header))


def _lines(inputs: pa.Array) -> pa.Buffer:
    """The texts as one buffer, each ending in a newline (JSON escapes every newline inside)."""
    lined = pc.binary_join_element_wise(inputs, pa.scalar("\n", TEXT), pa.scalar("", TEXT))
    offsets = np.frombuffer(lined.buffers()[1], dtype=np.int64, count=len(lined) + 1, offset=lined.offset * 8)
    start, end = int(offsets[0]), int(offsets[-1])
    return lined.buffers()[2].slice(start, end - start)


def _filled(column: pa.ChunkedArray) -> pa.Array:
    array = column.combine_chunks() if column.num_chunks != 1 else column.chunk(0)
    return pc.fill_null(array, "") if array.null_count else array


def _unique(columns: tuple[str, ...]) -> list[str]:
    return list(dict.fromkeys(columns))


def error_texts(frame: pd.DataFrame) -> pa.DictionaryArray:
    """Each row's error as Salesforce wrote it, `CODE:message[:fields]` (one text per
    distinct code/message/fields, gathered by code)."""
    parts = [as_dictionary(frame[name]) for name in ("error_type", "message", "fields")]
    combined = pd.DataFrame({n: np.asarray(p.indices) for n, p in zip("tmf", parts)})
    codes, distinct = pd.MultiIndex.from_frame(combined).factorize()
    firsts = pd.Series(np.arange(len(codes))).groupby(codes).first().to_numpy()
    code, message, fields = (pc.cast(p.take(pa.array(firsts)), TEXT) for p in parts)
    colon = pa.scalar(":", TEXT)
    with_fields = pc.binary_join_element_wise(code, message, fields, colon)
    without = pc.binary_join_element_wise(code, message, colon)
    text = pc.if_else(pc.equal(fields, ""), without, with_fields)
    text = pc.if_else(pc.equal(code, ""), message, text)
    return pa.DictionaryArray.from_arrays(pa.array(codes.astype(np.int32)), text)
