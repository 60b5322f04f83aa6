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
from syncerr_gui.core.frame.schema import JOB_LEVEL, SOURCE_APEX, as_dictionary, codes_and_values, flat
from syncerr_gui.core.reload.batch import OPERATIONS, UPSERT, ReloadTarget
from syncerr_gui.core.words import say

TEXT = pa.large_string()
CHUNK_ROWS = 65_536
JOB_LEVEL_REASON = say("job-level errors (no input row)")
APEX_REASON = say("Apex job errors (no input row)")
NO_INPUT_REASON = say("input row no longer kept")
UNREADABLE_REASON = say("input row not readable as columns")


def operation_reason(operation: str) -> str:
    if not operation:
        return say("operation (none) cannot be reloaded")
    return say("operation {operation} cannot be reloaded", operation=operation)


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
    apex = _is(frame["source"], positions, (SOURCE_APEX,))
    job_level = _is(frame["failed_on"], positions, (JOB_LEVEL,))
    left[APEX_REASON] += int(np.count_nonzero(apex))
    left[JOB_LEVEL_REASON] += int(np.count_nonzero(job_level & ~apex))
    keep = ~(apex | job_level)
    bad = keep & ~_is(frame["operation"], positions, OPERATIONS)
    for operation, count in Counter(frame["operation"].to_numpy(dtype=object)[positions[bad]]).items():
        left[operation_reason(str(operation))] += count
    kept: np.ndarray = positions[keep & ~bad]
    return kept


def _is(column: pd.Series, positions: np.ndarray, values: tuple[str, ...]) -> np.ndarray:
    """Whether the categorical `column` at `positions` is one of `values` (on its codes)."""
    codes, dictionary = codes_and_values(column)
    wanted = np.append(np.isin(np.asarray(flat(dictionary).to_pylist(), dtype=object), values), False)
    found: np.ndarray = wanted[codes[positions]]
    return found


def _units(frame: pd.DataFrame, positions: np.ndarray) -> dict[tuple[str, ...], np.ndarray]:
    """Positions per (object, operation, external ID, job, batch): rows that share one header."""
    if not len(positions):
        return {}
    names = ("object", "operation", "external_id_field", "job_id", "batch_id")
    coded = [codes_and_values(frame[n]) for n in names]
    unit, firsts = packed_codes([c[positions] for c, _ in coded], [len(v) for _, v in coded])
    order = np.argsort(unit, kind="stable")
    starts = np.searchsorted(unit[order], np.arange(len(firsts)))
    ends = np.append(starts[1:], len(order))
    at = positions[firsts]
    texts = [_texts_at(codes[at], values) for codes, values in coded]
    return {key: positions[order[starts[n] : ends[n]]] for n, key in enumerate(zip(*texts))}


def _texts_at(codes: np.ndarray, values: pa.Array | pa.ChunkedArray) -> list[str]:
    """The texts of `codes` ("" for -1), gathered from the dictionary without a Python loop."""
    table = pa.concat_arrays([flat(values).cast(TEXT), pa.array([""], TEXT)])
    return [str(v) for v in table.take(pa.array(np.where(codes < 0, len(table) - 1, codes))).to_pylist()]


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


def _files(
    frame: pd.DataFrame, headers: list[tuple[tuple[str, ...], tuple[str, ...], np.ndarray]]
) -> list[ReloadGroup]:
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
        return cls(
            frame["row_id"].to_numpy(dtype=np.int64), error_texts(frame), as_dictionary(frame["job_id"])
        )


def parsed_chunks(
    texts: RowTexts,
    details: RowDetails,
    groups: list[ReloadGroup],
    left: Counter[str],
    chunk_rows: int = CHUNK_ROWS,
) -> Iterator[tuple[int, GroupChunk]]:
    """(group index, a chunk of its rows) in one pass over every group's rows in row-id
    order, so each stored block of input rows is decompressed once; values exactly as
    uploaded. Rows that lost their input row, or whose input has other columns, are left
    out and counted."""
    if not groups:
        return
    positions = np.concatenate([g.positions for g in groups])
    owner = np.repeat(np.arange(len(groups)), [len(g.positions) for g in groups])
    order = np.argsort(texts.ids[positions], kind="stable")
    positions, owner = positions[order], owner[order]
    schemas = [pa.schema([pa.field(name, TEXT) for name in _unique(g.columns)]) for g in groups]
    for start in range(0, len(positions), chunk_rows):
        rows, owners = positions[start : start + chunk_rows], owner[start : start + chunk_rows]
        inputs = details.read(texts.ids[rows], INPUT_ROW)
        present = pc.greater(pc.binary_length(inputs), 0).to_numpy(zero_copy_only=False)
        left[NO_INPUT_REASON] += int(np.count_nonzero(~present))
        by_group = np.argsort(owners[present], kind="stable")
        rows, owners = rows[present][by_group], owners[present][by_group]
        inputs = inputs.filter(pa.array(present)).take(pa.array(by_group))
        bounds = np.flatnonzero(np.diff(owners)) + 1
        for lo, hi in zip([0, *bounds.tolist()], [*bounds.tolist(), len(rows)]):
            if hi > lo:
                chunk = _chunk(
                    texts, int(owners[lo]), rows[lo:hi], inputs.slice(lo, hi - lo), schemas, groups, left
                )
                if chunk is not None:
                    yield int(owners[lo]), chunk


def _chunk(
    texts: RowTexts,
    group: int,
    rows: np.ndarray,
    inputs: pa.Array,
    schemas: list[pa.Schema],
    groups: list[ReloadGroup],
    left: Counter[str],
) -> GroupChunk | None:
    table = _parse(inputs, schemas[group], groups[group].columns)
    if table is None:
        left[UNREADABLE_REASON] += len(rows)
        return None
    taken = pa.array(rows)
    return GroupChunk(table, texts.errors.take(taken), pc.cast(texts.jobs.take(taken), TEXT), rows)


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
    codes, firsts = packed_codes([np.asarray(p.indices) for p in parts], [len(p.dictionary) for p in parts])
    code, message, fields = (pc.cast(p.take(pa.array(firsts)), TEXT) for p in parts)
    colon = pa.scalar(":", TEXT)
    with_fields = pc.binary_join_element_wise(code, message, fields, colon)
    without = pc.binary_join_element_wise(code, message, colon)
    text = pc.if_else(pc.equal(fields, ""), without, with_fields)
    text = pc.if_else(pc.equal(code, ""), message, text)
    return pa.DictionaryArray.from_arrays(pa.array(codes.astype(np.int32)), text)


def packed_codes(columns: list[np.ndarray], sizes: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """(a code per row for its combination of the columns' codes, first row of each code):
    the codes packed into one integer, renumbered whenever the next would not fit."""
    key = np.zeros(len(columns[0]) if columns else 0, dtype=np.int64)
    span = 1
    for codes, size in zip(columns, sizes):
        width = size + 1
        if span * width >= 1 << 62:
            key = pd.factorize(key)[0].astype(np.int64)
            span = int(key.max(initial=0)) + 1
        key = key * width + np.where(codes < 0, size, codes)
        span *= width
    combined, _ = pd.factorize(key)
    firsts = np.full(int(combined.max(initial=-1)) + 1, len(combined), dtype=np.int64)
    np.minimum.at(firsts, combined, np.arange(len(combined)))
    return combined, firsts
