"""Error groups: one row per *cause* (failure level, error type, message pattern, object, fields).

A million errors come from a few dozen causes. `ErrorGroups(frame)` finds each row's group
once per frame, working on codes only: the message pattern is computed once per distinct
message (`patterns.message_patterns` over the message dictionary, or a `PatternMap` the
archive kept) and gathered through the message codes; the five codes of a row are packed
into one integer and one sort orders the rows by group. What does not depend on the filter
(first and last failure over the whole frame, the group's key and texts) is computed then;
`summary(rows)` counts the rows a filter lets through (errors, distinct records and jobs,
errors per day) with a few bincounts and gathers, so a filter change regroups in
milliseconds.

A group's `key` is a hash of its texts, not of codes: it names the same cause in every
archive, after a purge, a merge or a migration, and keys the triage state
(`core/archive/triage.py`).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from syncerr_gui.core.frame.grouping import runs_of, time_bounds
from syncerr_gui.core.frame.guidance import advice_headline
from syncerr_gui.core.frame.patterns import message_patterns
from syncerr_gui.core.frame.schema import codes_and_values, flat, times_ns, utc_times

logger = logging.getLogger(__name__)

GROUP_COLUMNS = ("failed_on", "error_type", "pattern", "object", "fields")
DAY_NS = 86_400 * 10**9
_NAT = np.iinfo(np.int64).min
_KEY_SEPARATOR = "\x1f"


@dataclass(frozen=True)
class PatternMap:
    """The pattern of every distinct message: `codes[i]` is the pattern (index into `values`)
    of message `i` of the message dictionary it was made for."""

    codes: np.ndarray  # int32, one per message of the dictionary
    values: pa.Array  # distinct patterns (large_string)

    @classmethod
    def of_messages(cls, messages: pa.Array | pa.ChunkedArray) -> PatternMap:
        """Patterns of `messages` (distinct values, e.g. a dictionary), computed by Arrow."""
        encoded = message_patterns(flat(messages) if len(messages) else pa.array([], pa.string()))
        codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int32, copy=False)
        return cls(codes, encoded.dictionary.cast(pa.large_string()))

    def extended(self, messages: pa.Array | pa.ChunkedArray) -> PatternMap:
        """This map grown to cover `messages` (a longer, append-only dictionary whose first
        `len(self.codes)` values are the ones this map was made for)."""
        done = len(self.codes)
        if len(messages) <= done:
            return self
        return self.appended(PatternMap.of_messages(flat(messages).slice(done)))

    def appended(self, other: PatternMap) -> PatternMap:
        """The map of this map's messages followed by `other`'s (patterns unified)."""
        texts = pa.chunked_array([self.values, other.values], pa.large_string())
        merged = pc.dictionary_encode(texts.combine_chunks())
        remap = merged.indices.to_numpy(zero_copy_only=False).astype(np.int32)
        own, new = remap[: len(self.values)], remap[len(self.values) :]
        codes = np.concatenate((own[self.codes], new[other.codes])).astype(np.int32)
        return PatternMap(codes, merged.dictionary.cast(pa.large_string()))

    @classmethod
    def empty(cls) -> PatternMap:
        return cls(np.zeros(0, dtype=np.int32), pa.array([], pa.large_string()))


def group_key(failed_on: str, error_type: str, pattern: str, object_name: str, fields: str) -> str:
    """A group's stable name: a hash of its five texts (32 hex digits)."""
    text = _KEY_SEPARATOR.join((failed_on, error_type, pattern, object_name, fields))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class GroupSummary:
    """Groups of the rows a filter let through, most errors first.

    `table` has one row per group with at least one such row: `group` (index into the
    `ErrorGroups`), `key`, the five texts of `GROUP_COLUMNS`, `errors`, `records`, `jobs`
    (among those rows), `first_seen`, `last_seen`, `first_row_id` (over the whole frame),
    `advice`. `daily[i]` counts group `table.iloc[i]`'s rows per day of `days` (UTC).
    """

    table: pd.DataFrame
    days: pd.DatetimeIndex
    daily: np.ndarray  # int32, shape (len(table), len(days))


class ErrorGroups:
    """The error groups of one frame (see the module docstring). Read-only once built.

    `patterns` must be made for this frame's message dictionary (or an append-only
    dictionary it starts: an archive's `message_patterns()` for the frame it loaded); None
    computes them from the frame.
    """

    def __init__(self, frame: pd.DataFrame, patterns: PatternMap | None = None) -> None:
        self.total = len(frame)
        message_codes, messages = codes_and_values(frame["message"])
        if patterns is None or len(patterns.codes) < len(messages):
            patterns = (patterns.extended(messages) if patterns else None) or PatternMap.of_messages(messages)
        self.patterns = patterns
        coded = self._coded(frame, message_codes)
        self.row_group, order, starts = self._group_rows(coded)
        self.count = len(starts)
        firsts = order[starts]
        self._texts = {name: _texts_at(codes[firsts], values) for name, (codes, values) in coded.items()}
        times = times_ns(frame["failed_at"])
        first, last = time_bounds(times[order], starts)
        self.first_seen, self.last_seen = first.view(np.int64), last.view(np.int64)
        row_ids = frame["row_id"].to_numpy(dtype=np.int64)
        self.first_row_id = np.minimum.reduceat(row_ids[order], starts) if self.count else row_ids[:0]
        self.keys = [group_key(*texts) for texts in zip(*(self._texts[c] for c in GROUP_COLUMNS))]
        self._day = np.where(times == _NAT, -1, times // DAY_NS).astype(np.int32)
        self._records = _distinct_sorted(self.row_group, _record_codes(frame))
        self._jobs = _distinct_sorted(self.row_group, codes_and_values(frame["job_id"])[0].astype(np.int64))

    def _coded(
        self, frame: pd.DataFrame, message_codes: np.ndarray
    ) -> dict[str, tuple[np.ndarray, pa.Array]]:
        coded = {name: codes_and_values(frame[name]) for name in GROUP_COLUMNS if name != "pattern"}
        lut = np.append(self.patterns.codes, len(self.patterns.values)).astype(np.int32)  # -1: ""
        values = pa.chunked_array([self.patterns.values, pa.array([""], pa.large_string())])
        coded["pattern"] = (lut[message_codes], values)
        return coded

    @staticmethod
    def _group_rows(
        coded: dict[str, tuple[np.ndarray, pa.Array]],
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(group per row, rows in group order, start of each group in that order)."""
        key = np.zeros(len(coded["failed_on"][0]), dtype=np.int64)
        span = 1
        for name in GROUP_COLUMNS:
            codes, values = coded[name]
            size = len(values) + 1
            if span * size >= 1 << 62:  # too wide to pack further: renumber what is packed so far
                key = np.unique(key, return_inverse=True)[1].astype(np.int64)
                span = int(key.max(initial=0)) + 1
            key = key * size + np.where(codes < 0, size - 1, codes)
            span *= size
        order, starts = runs_of(key)
        row_group = np.empty(len(key), dtype=np.int32)
        row_group[order] = np.repeat(
            np.arange(len(starts), dtype=np.int32), np.diff(np.append(starts, len(key)))
        )
        return row_group, order, starts

    # ---- per filter ------------------------------------------------------------------------
    def summary(self, rows: np.ndarray | None = None) -> GroupSummary:
        """The groups of `rows` (positions, e.g. `ErrorView.visible`; default: all rows)."""
        selected = None if rows is None else _mask(rows, self.total)
        groups = self.row_group if rows is None else self.row_group[np.asarray(rows, dtype=np.int64)]
        errors = np.bincount(groups, minlength=self.count)
        records = _distinct_counts(self._records, selected, self.count)
        jobs = _distinct_counts(self._jobs, selected, self.count)
        shown = _most_first(errors)
        days, daily = self._daily(groups, rows, shown)
        table = self._table(shown, errors, records, jobs)
        return GroupSummary(table, days, daily)

    def _table(
        self, shown: np.ndarray, errors: np.ndarray, records: np.ndarray, jobs: np.ndarray
    ) -> pd.DataFrame:
        data: dict[str, object] = {"group": shown, "key": [self.keys[i] for i in shown]}
        for name in GROUP_COLUMNS:
            data[name] = [self._texts[name][i] for i in shown]
        data["errors"] = errors[shown]
        data["records"] = records[shown]
        data["jobs"] = jobs[shown]
        data["first_seen"] = utc_times(self.first_seen[shown])
        data["last_seen"] = utc_times(self.last_seen[shown])
        data["first_row_id"] = self.first_row_id[shown]
        data["advice"] = [advice_headline(code) for code in data["error_type"]]  # type: ignore[attr-defined]
        return pd.DataFrame(data, copy=False).reset_index(drop=True)

    def _daily(
        self, groups: np.ndarray, rows: np.ndarray | None, shown: np.ndarray
    ) -> tuple[pd.DatetimeIndex, np.ndarray]:
        day = self._day if rows is None else self._day[np.asarray(rows, dtype=np.int64)]
        known = day >= 0
        if not known.any():
            return pd.DatetimeIndex([], tz="UTC"), np.zeros((len(shown), 0), dtype=np.int32)
        low, high = int(day[known].min()), int(day[known].max())
        width = high - low + 1
        cells = np.bincount(
            groups[known].astype(np.int64) * width + (day[known] - low), minlength=self.count * width
        )
        matrix = cells.reshape(self.count, width)[shown].astype(np.int32)
        days = pd.DatetimeIndex(utc_times(np.arange(low, high + 1, dtype=np.int64) * DAY_NS))
        return days, matrix

    def rows_of(self, groups: Sequence[int], rows: np.ndarray | None = None) -> np.ndarray:
        """Positions of the rows (among `rows`, in their order; default all) of `groups`."""
        wanted = np.zeros(self.count + 1, dtype=bool)
        wanted[np.asarray(groups, dtype=np.int64)] = True
        if rows is None:
            return np.flatnonzero(wanted[self.row_group]).astype(np.int64)
        positions = np.asarray(rows, dtype=np.int64)
        chosen: np.ndarray = positions[wanted[self.row_group[positions]]]
        return chosen

    def index_of(self, key: str) -> int | None:
        """The group named `key`, or None when this frame has no such group."""
        try:
            return self.keys.index(key)
        except ValueError:
            return None


@dataclass(frozen=True)
class _Distinct:
    """(group, value) pairs of the rows with a value, sorted, and the row each came from."""

    rows: np.ndarray  # positions, in pair order
    pair: np.ndarray  # the pair's number, ascending
    first_of_pair: np.ndarray  # bool: this row starts a new (group, value) pair
    groups: np.ndarray  # group of each row, in pair order


def _distinct_sorted(row_group: np.ndarray, values: np.ndarray) -> _Distinct:
    """Rows ordered by (group, value) once, so any subset's distinct count needs no sort."""
    present = np.flatnonzero(values >= 0)
    span = int(values.max(initial=0)) + 1
    pair = row_group[present].astype(np.int64) * span + values[present]
    order, starts = runs_of(pair)
    first = np.zeros(len(order), dtype=bool)
    first[starts] = True
    rows = present[order]
    narrow = np.int32 if len(row_group) < 2**31 else np.int64  # half the memory kept per row
    return _Distinct(rows.astype(narrow), np.cumsum(first, dtype=narrow), first, row_group[rows])


def _distinct_counts(pairs: _Distinct, selected: np.ndarray | None, groups: int) -> np.ndarray:
    """Distinct values per group among the `selected` rows (all when None)."""
    if selected is None:
        return np.bincount(pairs.groups[pairs.first_of_pair], minlength=groups)
    keep = selected[pairs.rows]
    pair = pairs.pair[keep]
    if not len(pair):
        return np.zeros(groups, dtype=np.int64)
    starts = np.concatenate(([True], pair[1:] != pair[:-1]))  # a pair's first selected row
    return np.bincount(pairs.groups[keep][starts], minlength=groups)


def _record_codes(frame: pd.DataFrame) -> np.ndarray:
    """One code per row naming its record: the Salesforce ID, else the Source ID, else -1."""
    sf_codes, sf_values = codes_and_values(frame["salesforce_id"])
    src_codes, src_values = codes_and_values(frame["source_id"])
    has_sf = np.append(_non_empty(sf_values), False)[sf_codes]
    has_src = np.append(_non_empty(src_values), False)[src_codes]
    codes = np.where(has_sf, sf_codes.astype(np.int64), -1)
    return np.where(~has_sf & has_src, len(sf_values) + src_codes.astype(np.int64), codes)


def _non_empty(values: pa.Array | pa.ChunkedArray) -> np.ndarray:
    if not len(values):
        return np.zeros(0, dtype=bool)
    return np.asarray(
        pc.greater(pc.binary_length(flat(values)), 0).to_numpy(zero_copy_only=False), dtype=bool
    )


def _texts_at(codes: np.ndarray, values: pa.Array | pa.ChunkedArray) -> list[str]:
    """The texts of a few codes (-1 = "")."""
    with_empty = pa.chunked_array([*_chunks(values), pa.array([""], pa.large_string())])
    index = np.where(codes < 0, len(values), codes)
    return [str(v) for v in with_empty.take(pa.array(index, pa.int64())).to_pylist()]


def _chunks(values: pa.Array | pa.ChunkedArray) -> list[pa.Array]:
    chunks = values.chunks if isinstance(values, pa.ChunkedArray) else [values]
    return [c.cast(pa.large_string()) for c in chunks]


def _mask(rows: np.ndarray, total: int) -> np.ndarray:
    selected = np.zeros(total, dtype=bool)
    selected[np.asarray(rows, dtype=np.int64)] = True
    return selected


def _most_first(errors: np.ndarray) -> np.ndarray:
    """Groups with errors, most first (ties in group order)."""
    present = np.flatnonzero(errors)
    return present[np.argsort(-errors[present], kind="stable")]
