"""Filter, sort and count an error frame without touching rows one by one in Python.

`ErrorView` never copies the frame: it holds an int64 array of frame positions in display
order, so a million-row table filters and sorts in milliseconds and the Qt model only has
to format the few rows the view asks for. Masks are compared on category codes (a lookup
table per dictionary, one gather per column) and int64 times; text search runs on a
`SearchIndex` over each column's distinct values; a sort orders integer ranks (a rank per
distinct value, gathered through the codes) with one radix or SIMD sort.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from syncerr_gui.core.frame.schema import CATEGORY_COLUMNS, LEVELS, TIME_COLUMNS, codes_and_values, times_ns
from syncerr_gui.core.frame.search_index import (
    SEPARATOR,
    SearchIndex,
    arrow_text,
    lowered,
)

logger = logging.getLogger(__name__)

# Filter components; counts(column) leaves out the one on that column.
_COMPONENT_OF_COLUMN = {"failed_on": "levels", "error_type": "error_types", "object": "objects"}
_NAT = np.iinfo(np.int64).min  # NaT as int64
_LOW32 = np.uint64(0xFFFFFFFF)
_S32 = np.uint64(32)
MARK_COLUMN = "new"  # not a frame column: the view's `marks` ("new since last visit")


def _frozen(values: Iterable[str] | None) -> frozenset[str] | None:
    return None if values is None else frozenset(str(v) for v in values)


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _parse_time(value: Any) -> datetime | None:
    if not value:
        return None
    parsed = datetime.fromisoformat(str(value))
    return parsed if parsed.tzinfo is not None else None


@dataclass(frozen=True)
class ErrorFilter:
    """What the user chose to see. `None` for a set means "all", so new values stay visible.

    Times bound `failed_at` inclusively and must be timezone-aware (the frame is UTC).
    """

    start: datetime | None = None
    end: datetime | None = None
    levels: frozenset[str] = field(default_factory=lambda: frozenset(LEVELS))
    error_types: frozenset[str] | None = None
    objects: frozenset[str] | None = None
    text: str = ""

    def __post_init__(self) -> None:
        for name in ("start", "end"):
            value = getattr(self, name)
            if value is not None and value.tzinfo is None:
                raise ValueError(f"ErrorFilter.{name} must be timezone-aware")
        # Accept any iterable from callers but keep the dataclass hashable and immutable.
        object.__setattr__(self, "levels", frozenset(self.levels))
        object.__setattr__(self, "error_types", _frozen(self.error_types))
        object.__setattr__(self, "objects", _frozen(self.objects))

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form for settings (times as ISO 8601, sets as sorted lists)."""
        return {
            "start": _iso(self.start),
            "end": _iso(self.end),
            "levels": sorted(self.levels),
            "error_types": None if self.error_types is None else sorted(self.error_types),
            "objects": None if self.objects is None else sorted(self.objects),
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ErrorFilter:
        """Inverse of `to_dict`; tolerant, since settings files get edited and go stale."""
        try:
            levels = data.get("levels")
            return cls(
                start=_parse_time(data.get("start")),
                end=_parse_time(data.get("end")),
                levels=frozenset(LEVELS) if levels is None else frozenset(map(str, levels)),
                error_types=_frozen(data.get("error_types")),
                objects=_frozen(data.get("objects")),
                text=str(data.get("text") or ""),
            )
        except (TypeError, ValueError, AttributeError) as exc:
            logger.warning("ignoring unreadable saved filter: %s", exc)
            return cls()


def _smallest_int(key: np.ndarray) -> np.ndarray:
    """Narrow non-negative keys so NumPy's stable argsort can use radix sort (8/16 bit)."""
    top = int(key.max()) if len(key) else 0
    for dtype in (np.int8, np.int16, np.int32):
        if top < np.iinfo(dtype).max:
            return key.astype(dtype, copy=False)
    return key.astype(np.int64, copy=False)


def _looks_unique(values: pa.Array, sample: int = 4096) -> bool:
    """Whether most values differ (then a direct rank beats hashing), judged on a sample."""
    step = max(1, len(values) // sample)
    picked = values[::step] if len(values) > sample else values
    return len(pc.unique(picked)) * 2 > len(picked)


class ErrorView:
    """Visible rows of one error frame, in display order, as an int64 array of positions.

    `apply` and `sort` recompute `visible`; everything else reads it. Per-column sort keys
    and the search buffer are built once per frame, on first use or in `warm_up`
    (thread-safe, so a worker thread can build them while the user looks at the table).
    `marks` flags rows ("new since the last visit"); `sort("new", …)` sorts by it.
    """

    def __init__(self, frame: pd.DataFrame, marks: np.ndarray | None = None) -> None:
        self.frame = frame
        self.total = len(frame)
        if marks is not None and len(marks) != self.total:
            raise ValueError("ErrorView marks must have one flag per row")
        self.marks: np.ndarray = (
            np.zeros(self.total, dtype=bool) if marks is None else np.asarray(marks, dtype=bool)
        )
        self._times = times_ns(frame["failed_at"])
        self._values: dict[str, pa.Array] = {}
        self._codes: dict[str, np.ndarray] = {}
        for column in CATEGORY_COLUMNS:
            self._codes[column], self._values[column] = codes_and_values(frame[column])
        self._keys: dict[str, np.ndarray] = {MARK_COLUMN: self.marks.view(np.int8)}
        self._locks = {column: threading.Lock() for column in frame.columns}
        self._search_lock = threading.Lock()
        self._search: SearchIndex | None = None
        self._masks: dict[str, np.ndarray | None] = {}
        self._only: np.ndarray | None = None  # a row subset on top of the filter (selected groups)
        self._order = np.arange(self.total, dtype=np.int64)
        self._inverse: np.ndarray | None = None
        self.filter = ErrorFilter()
        self.sort_state: tuple[str, bool] | None = None
        self.visible: np.ndarray = self._order

    @classmethod
    def prepared(
        cls,
        frame: pd.DataFrame,
        flt: ErrorFilter,
        sort: tuple[str, bool] | None = None,
        marks: np.ndarray | None = None,
        warm: bool = False,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> ErrorView:
        """A view of `frame` already filtered and sorted (and warmed up when `warm`).

        Built in a worker thread, it lets the table install a million rows with an O(1)
        swap on the GUI thread instead of filtering and sorting there.
        """
        view = cls(frame, marks)
        if sort is not None:
            view.sort(*sort)
        view.apply(flt)
        if warm:
            view.warm_up(cancelled)
        return view

    # ---- filtering -------------------------------------------------------------------------
    def apply(self, flt: ErrorFilter) -> None:
        """Show the rows `flt` lets through, in the current sort order."""
        self._masks = {
            "time": self._time_mask(flt.start, flt.end),
            "levels": None if flt.levels >= set(LEVELS) else self._value_mask("failed_on", flt.levels),
            "error_types": self._value_mask("error_type", flt.error_types),
            "objects": self._value_mask("object", flt.objects),
            "text": self._text_mask(flt.text),
        }
        self.filter = flt
        self._refresh_visible()

    def _time_mask(self, start: datetime | None, end: datetime | None) -> np.ndarray | None:
        if start is None and end is None:
            return None
        times = self._times
        mask = times != _NAT  # a row without a time is outside any bounded window
        if start is not None:
            mask &= times >= pd.Timestamp(start).as_unit("ns").value
        if end is not None:
            mask &= times <= pd.Timestamp(end).as_unit("ns").value
        window: np.ndarray = mask
        return window

    def _value_mask(self, column: str, allowed: frozenset[str] | None) -> np.ndarray | None:
        """Category codes through a per-value lookup table: one gather, no string compare."""
        if allowed is None:
            return None
        values = self._values[column]
        lut = np.zeros(len(values) + 1, dtype=bool)  # last slot: code -1 (missing)
        wanted = pa.array(sorted(allowed), pa.large_string())
        lut[:-1] = pc.is_in(values.cast(pa.large_string()), value_set=wanted).to_numpy(zero_copy_only=False)
        if lut[:-1].all():
            return None
        chosen: np.ndarray = lut[self._codes[column]]
        return chosen

    def _text_mask(self, text: str) -> np.ndarray | None:
        query = lowered(text.replace(SEPARATOR, "").strip())
        if not query or not self.total:
            return None
        return self.search_index().mask(query)

    def _combined(self, exclude: str | None = None) -> np.ndarray | None:
        parts = [m for name, m in self._masks.items() if m is not None and name != exclude]
        if not parts:
            return None
        mask = parts[0].copy() if len(parts) > 1 else parts[0]
        for part in parts[1:]:
            mask &= part
        return mask

    def restrict(self, only: np.ndarray | None) -> None:
        """Show only the rows flagged in `only` (one bool per row) among those the filter lets
        through, e.g. the rows of the selected error groups; None shows every filtered row.
        The filter dock's counts and `filtered` ignore it."""
        if only is not None and len(only) != self.total:
            raise ValueError("ErrorView.restrict needs one flag per row")
        self._only = only
        self._refresh_visible()

    @property
    def restricted(self) -> bool:
        return self._only is not None

    def filtered(self) -> np.ndarray:
        """Frame positions the filter lets through (ascending), whatever `restrict` says."""
        mask = self._combined()
        return np.arange(self.total, dtype=np.int64) if mask is None else np.flatnonzero(mask)

    def _refresh_visible(self) -> None:
        mask = self._combined()
        if self._only is not None:
            mask = self._only if mask is None else mask & self._only
        self.visible = self._order if mask is None else self._order[mask[self._order]]
        self._inverse = None

    # ---- sorting ---------------------------------------------------------------------------
    def sort(self, column: str, ascending: bool) -> None:
        """Stable sort of all rows by `column`: ties keep their previous order (multi-level)."""
        if column in TIME_COLUMNS:  # times sort as they are: no ranks to build
            key = times_ns(self.frame[column])
            order: Callable[[np.ndarray, bool], np.ndarray] = _time_order
        else:
            key, order = self.sort_key(column), _stable_order
        if self.sort_state is not None:  # else the order is 0, 1, 2…: no gather needed
            key = key[self._order]
        self._order = self._order[order(key, ascending)]
        self.sort_state = (column, ascending)
        self._refresh_visible()

    def unsort(self) -> None:
        """Back to frame order (what a header shows when no column is sorted)."""
        if self.sort_state is not None:
            self._order = np.arange(self.total, dtype=np.int64)
        self.sort_state = None
        self._refresh_visible()

    def sort_key(self, column: str) -> np.ndarray:
        """Non-negative integer ranks (equal values, equal rank) of `column`; cached per frame."""
        key = self._keys.get(column)
        if key is not None:
            return key
        with self._locks[column]:
            if column not in self._keys:
                self._keys[column] = self._compute_key(column)
            return self._keys[column]

    def _compute_key(self, column: str) -> np.ndarray:
        if column in self._codes:
            distinct = self._values[column]
            lut = np.zeros(len(distinct) + 1, dtype=np.int64)  # missing (-1) sorts first
            lut[:-1] = _ranks_of_distinct(distinct) + 1
            return _smallest_int(lut[self._codes[column]])
        if not self.total:
            return np.zeros(0, dtype=np.int8)
        if column in TIME_COLUMNS:
            values: Any = times_ns(self.frame[column])  # NaT (min int64) first
        else:
            values = arrow_text(self.frame[column])
            if _looks_unique(values):  # hashing a million distinct strings would only add cost
                ranks = pc.rank(values, sort_keys="ascending", tiebreaker="dense")
                return _smallest_int(ranks.to_numpy(zero_copy_only=False))
            values = pd.Series(pd.arrays.ArrowStringArray(values) if isinstance(values, pa.Array) else values)
        codes, _ = pd.factorize(values, sort=True)
        return _smallest_int(codes)

    # ---- reading ---------------------------------------------------------------------------
    def search_index(self) -> SearchIndex:
        """The lower-cased search buffer, built on first use (about 0.2 s per million rows)."""
        with self._search_lock:
            if self._search is None:
                self._search = SearchIndex(self.frame)
            return self._search

    def warm_up(self, cancelled: Callable[[], bool] = lambda: False) -> None:
        """Build the search buffer and every sort key now, so the first use is instant."""
        for column in ("search", *self.frame.columns):
            if cancelled():
                return
            if column == "search":
                self.search_index()
            elif column != "row_id" and column not in TIME_COLUMNS:  # times need no key
                self.sort_key(column)

    def counts(self, column: str) -> dict[str, int]:
        """Rows per value of a category column among rows passing every other filter."""
        if column not in self._codes:
            raise ValueError(f"counts() needs a category column, not {column!r}")
        mask = self._combined(exclude=_COMPONENT_OF_COLUMN.get(column))
        codes = self._codes[column]
        chosen = codes if mask is None else codes[mask]
        size = len(self._values[column])
        counted = np.bincount(chosen[chosen >= 0], minlength=size)
        present = np.flatnonzero(np.bincount(codes[codes >= 0], minlength=size) > 0)
        names = self._values[column].take(pa.array(present)).to_pylist()
        return {str(name): int(counted[i]) for name, i in zip(names, present)}

    def marked_count(self, visible_only: bool = False) -> int:
        """Rows flagged in `marks` (all, or among the visible ones)."""
        return int(self.marks[self.visible].sum() if visible_only else self.marks.sum())

    def view_row_of(self, position: int) -> int:
        """Display row of frame position `position`, or -1 when it is filtered out."""
        if self._inverse is None:
            inverse = np.full(self.total, -1, dtype=np.int64)
            inverse[self.visible] = np.arange(len(self.visible), dtype=np.int64)
            self._inverse = inverse
        return int(self._inverse[position]) if 0 <= position < self.total else -1

    def frame_in_view_order(self) -> pd.DataFrame:
        """The rows shown, in the order shown (a copy: exports take `visible` chunk by chunk)."""
        return self.frame.take(self.visible).reset_index(drop=True)


def _stable_order(key: np.ndarray, ascending: bool = True) -> np.ndarray:
    """The permutation that sorts non-negative `key` stably (equal keys keep their order).

    Keys of 16 bits or less: NumPy's radix sort. Wider ones: each key and its position are
    packed into one uint64 and those are sorted in place (NumPy's SIMD sort, several times
    faster than a stable argsort at ten million rows); the low half is then the permutation.
    """
    top = int(key.max(initial=0))
    if key.dtype.itemsize <= 2 or len(key) >= 2**32 or top >= 2**32:
        return np.argsort(key if ascending else top - key, kind="stable")
    packed = key.astype(np.uint64)
    if not ascending:
        np.subtract(np.uint64(top), packed, out=packed)
    np.left_shift(packed, _S32, out=packed)
    np.bitwise_or(packed, np.arange(len(key), dtype=np.uint64), out=packed)
    packed.sort()
    np.bitwise_and(packed, _LOW32, out=packed)
    return packed.view(np.int64)


def _time_order(times: np.ndarray, ascending: bool = True) -> np.ndarray:
    """The stable permutation that sorts int64 ns times (NaT first, as `sort_key` ranks it).

    The times are bucketed into 31 bits (coarser only when they span more than ~25 days at
    ns resolution) and sorted like ranks; rows that share a bucket but not a time are then
    put in exact order (rare: two jobs finishing within the same few milliseconds).
    """
    if not len(times):
        return np.zeros(0, dtype=np.int64)
    known = times != _NAT
    low = int(times[known].min()) if known.any() else 0
    span = int(times[known].max()) - low if known.any() else 0
    shift = max(0, span.bit_length() - 31)
    bucket = np.zeros(len(times), dtype=np.int64)  # NaT: 0, the first bucket
    bucket[known] = ((times[known] - low) >> shift) + 1
    order = _stable_order(bucket, ascending)
    if shift:
        _exact_within_buckets(order, times, bucket, ascending)
    return order


def _exact_within_buckets(order: np.ndarray, times: np.ndarray, bucket: np.ndarray, ascending: bool) -> None:
    """Re-sort, in place and stably, the runs of `order` whose rows share a bucket but are
    out of time order (all such runs in one lexsort of just their rows)."""
    ordered, runs = times[order], bucket[order]
    wrong = (ordered[1:] < ordered[:-1]) if ascending else (ordered[1:] > ordered[:-1])
    wrong &= runs[1:] == runs[:-1]
    if not wrong.any():
        return
    run_id = np.cumsum(np.concatenate(([0], runs[1:] != runs[:-1])))
    rows = np.flatnonzero(np.isin(run_id, np.unique(run_id[1:][wrong])))
    segment = ordered[rows]
    inner = np.lexsort((rows, segment if ascending else -segment, run_id[rows]))
    order[rows] = order[rows][inner]


def _ranks_of_distinct(values: pa.Array) -> np.ndarray:
    """Each value's rank among `values` (all distinct): 0 for the smallest."""
    if not len(values):
        return np.zeros(0, dtype=np.int64)
    order = pc.sort_indices(values).to_numpy()
    ranks = np.empty(len(values), dtype=np.int64)
    ranks[order] = np.arange(len(values), dtype=np.int64)
    return ranks
