"""Free-text search over an error frame, on the distinct values of its encoded columns.

Per searched column one lower-cased byte buffer: of the column's distinct values when it is
categorical (a message shared by 10,000 rows is searched once; the hits become a row mask
through the codes), of every row's value otherwise (the Salesforce ID). Built once per frame
(on a worker thread right after a frame arrives); each query is a `bytes.find` loop or, for
many hits, one Arrow `match_substring` pass.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from syncerr_gui.core.frame.schema import codes_and_values

# Columns the search box looks into (categorical ones on their distinct values).
SEARCH_TEXT_COLUMNS = ("message", "fields", "salesforce_id", "source_id", "job_id", "batch_id")
SEARCH_COLUMNS = (*SEARCH_TEXT_COLUMNS, "error_type", "object")
SEPARATOR = "\x1f"  # after each value: a query never spans two
_FIND_CAP = 50_000  # past this many hits, one vectorised pass beats a find loop
_REFINE_FRACTION = 8  # refine inside earlier hits when they are < 1/8 of the values
_PROBE = 2_000  # hits between checks of the projected total
_INDEX_CHUNK = 65_536  # values lower-cased per step while building a buffer


def arrow_text(series: pd.Series) -> pa.Array:
    """The column as an Arrow string array (zero-copy for the frame's pyarrow-backed str)."""
    try:
        return pa.array(series.array)
    except (TypeError, pa.ArrowInvalid):
        return pa.array(series.astype(object).fillna("").to_numpy(), type=pa.large_string())


def empty_strings(length: int) -> pa.Array:
    """`length` empty strings without building a Python list."""
    offsets = pa.py_buffer(np.zeros(length + 1, dtype=np.int64))
    return pa.LargeStringArray.from_buffers(length, offsets, pa.py_buffer(b""))


def lowered(text: str) -> str:
    """Lower-case exactly as the search buffer was (Arrow's Unicode rules, not Python's)."""
    return str(pc.utf8_lower(pa.scalar(text, pa.large_string())).as_py())


class TextBuffer:
    """Lower-cased `value\\x1f` of every value of one string array in one bytes buffer, plus offsets.

    `bytes.find` over the buffer is several times faster than a per-value kernel when hits
    are few; when they are many, Arrow's `match_substring` over the same buffer takes over.
    """

    def __init__(self, texts: pa.Array | pa.ChunkedArray) -> None:
        if isinstance(texts, pa.ChunkedArray):
            texts = texts.combine_chunks()
        if texts.type != pa.large_string():
            texts = texts.cast(pa.large_string())
        self.rows = len(texts)
        self.offsets = np.zeros(self.rows + 1, dtype=np.int64)
        self.data = bytearray()
        # In slices, appended to one growing buffer: peak memory stays near the buffer's size.
        for start in range(0, self.rows, _INDEX_CHUNK):
            self._append(start, texts.slice(start, _INDEX_CHUNK))
        pa.default_memory_pool().release_unused()
        self._array = pa.LargeStringArray.from_buffers(
            self.rows, pa.py_buffer(self.offsets), pa.py_buffer(self.data)
        )
        self._last: tuple[str, np.ndarray] | None = None

    def _append(self, start: int, texts: pa.Array) -> None:
        parts = [texts, empty_strings(len(texts))]  # a trailing separator ends every value
        low = pc.utf8_lower(pc.binary_join_element_wise(*parts, pa.scalar(SEPARATOR, pa.large_string())))
        low = low.combine_chunks() if isinstance(low, pa.ChunkedArray) else low
        _, offsets_buffer, data_buffer = low.buffers()
        offsets = np.frombuffer(offsets_buffer, np.int64)[low.offset : low.offset + len(low) + 1]
        base = len(self.data)
        self.offsets[start : start + len(low) + 1] = offsets - offsets[0] + base
        if data_buffer is not None:
            self.data += memoryview(data_buffer)[int(offsets[0]) : int(offsets[-1])]

    def find(self, query: str) -> np.ndarray:
        """Sorted positions of the values that contain `query` (already lower-cased)."""
        if (
            self._last is not None
            and self._last[0] in query
            and len(self._last[1]) * _REFINE_FRACTION < self.rows
        ):
            hits = self._refine(self._last[1], query)
        else:
            hits = self._find_all(query)
        self._last = (query, hits)
        return hits

    def _refine(self, candidates: np.ndarray, query: str) -> np.ndarray:
        """A longer query only narrows the earlier hits: search inside them alone."""
        subset = self._array.take(pa.array(candidates))
        matched = pc.match_substring(subset, query).to_numpy(zero_copy_only=False)
        hits: np.ndarray = candidates[matched]
        return hits

    def _find_all(self, query: str) -> np.ndarray:
        needle, data, starts = query.encode("utf-8"), self.data, []
        at, checked = data.find(needle), False
        while at >= 0:
            starts.append(at)
            if not checked and len(starts) % _PROBE == 0 and len(starts) * len(data) > _FIND_CAP * at:
                checked = True  # on course for many hits (or clustered ones): count them once
                if len(starts) + data.count(needle, at + 1) > _FIND_CAP:
                    break  # too many for a Python loop: one vectorised pass instead
            at = data.find(needle, at + 1)
        if at >= 0:
            matched = pc.match_substring(self._array, query).to_numpy(zero_copy_only=False)
            return np.flatnonzero(matched)
        positions = np.asarray(starts, dtype=np.int64)
        return np.unique(np.searchsorted(self.offsets, positions, side="right") - 1)


class SearchIndex:
    """A `TextBuffer` per searched column: over its distinct values, or its rows (plain text)."""

    def __init__(self, frame: pd.DataFrame, columns: tuple[str, ...] = SEARCH_COLUMNS) -> None:
        self.rows = len(frame)
        self._buffers: list[tuple[np.ndarray | None, TextBuffer]] = []
        for column in columns:
            series = frame[column]
            if isinstance(series.dtype, pd.CategoricalDtype):
                codes, values = codes_and_values(series)
                self._buffers.append((codes, TextBuffer(values)))
            else:
                self._buffers.append((None, TextBuffer(arrow_text(series))))

    def mask(self, query: str) -> np.ndarray:
        """True for the rows with a searched value that contains `query` (already lower-cased)."""
        mask = np.zeros(self.rows, dtype=bool)
        for codes, buffer in self._buffers:
            hits = buffer.find(query)
            if not len(hits):
                continue
            if codes is None:
                mask[hits] = True
            else:
                lut = np.zeros(buffer.rows + 1, dtype=bool)  # the last slot: code -1 (missing)
                lut[hits] = True
                mask |= lut[codes]
        return mask

    def find(self, query: str) -> np.ndarray:
        """Sorted row positions that `mask` lets through."""
        return np.flatnonzero(self.mask(query))
