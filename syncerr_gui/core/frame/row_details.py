"""What each row carries beside the error frame: its failed input row and its archive identity.

The input row (the record as uploaded, JSON object text) is the largest value of a row and
is read one row at a time (the detail pane) or in bulk for an export, never to filter or
sort; `row_key` matters only to the archive. So neither is a frame column: a `RowDetails`
answers for any set of the frame's `row_id`s. A sync keeps them compressed in memory
(`MemoryRowDetails`); the archive reads them from its database (`core/archive`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pyarrow import ipc

logger = logging.getLogger(__name__)

ROW_KEY = "row_key"
INPUT_ROW = "input_row"
DETAIL_COLUMNS = (ROW_KEY, INPUT_ROW)
TEXT = pa.large_string()
READ_CHUNK_ROWS = 65_536  # row ids looked up per step of `read_chunks`
_COMPRESSION = ipc.IpcWriteOptions(compression="zstd")


class RowDetails(Protocol):
    """Input rows and row keys by row id (any thread)."""

    def read(self, row_ids: np.ndarray, column: str = INPUT_ROW) -> pa.Array:
        """`column` of each row in `row_ids`, in that order ("" for a row it does not hold)."""
        ...


def read_one(details: RowDetails, row_id: int, column: str = INPUT_ROW) -> str:
    """One row's value (the detail pane's read)."""
    return str(details.read(np.array([row_id], dtype=np.int64), column)[0].as_py() or "")


def read_chunks(
    details: RowDetails, row_ids: np.ndarray, column: str = INPUT_ROW, chunk_rows: int = READ_CHUNK_ROWS
) -> Iterator[pa.Array]:
    """`read` in steps of `chunk_rows` ids (an export of millions of rows stays bounded)."""
    for start in range(0, len(row_ids), chunk_rows):
        yield details.read(row_ids[start : start + chunk_rows], column)


class NoDetails:
    """Details of no row: every value is ""."""

    def read(self, row_ids: np.ndarray, column: str = INPUT_ROW) -> pa.Array:
        return empty_texts(len(row_ids))


NO_DETAILS = NoDetails()


class MemoryRowDetails:
    """Details of the row ids 0, 1, 2… in the order added, in zstd-compressed blocks.

    A block holds one Arrow IPC stream per column; reading a row decompresses its block of
    that column (a few milliseconds), a bulk read each needed block once. JSON rows compress
    about eight times, so a million input rows take some 20 MB instead of 170 MB.
    """

    def __init__(self) -> None:
        self._blocks: list[dict[str, pa.Buffer]] = []
        self._ends: list[int] = []
        self._cached: tuple[int, str, pa.Array] | None = None

    def __len__(self) -> int:
        return self._ends[-1] if self._ends else 0

    @property
    def nbytes(self) -> int:
        """Compressed size in memory."""
        return sum(b.size for block in self._blocks for b in block.values())

    def append(self, row_keys: pa.Array, input_rows: pa.Array) -> None:
        """Add the next rows (ids continue from `len(self)`)."""
        if not len(row_keys):
            return
        block = {}
        for name, values in zip(DETAIL_COLUMNS, (row_keys, input_rows)):
            batch = pa.record_batch([_text(values)], names=[name])
            sink = pa.BufferOutputStream()
            with ipc.new_stream(sink, batch.schema, options=_COMPRESSION) as writer:
                writer.write_batch(batch)
            block[name] = sink.getvalue()
        self._blocks.append(block)
        self._ends.append(len(self) + len(row_keys))

    @classmethod
    def of(cls, row_keys: Iterable[str] | pa.Array, input_rows: Iterable[str] | pa.Array) -> MemoryRowDetails:
        """Details of rows 0..n-1 from two aligned sequences (tests, generated data)."""
        details = cls()
        keys, inputs = _text(row_keys), _text(input_rows)
        for start in range(0, len(keys), READ_CHUNK_ROWS):
            details.append(keys.slice(start, READ_CHUNK_ROWS), inputs.slice(start, READ_CHUNK_ROWS))
        return details

    def read(self, row_ids: np.ndarray, column: str = INPUT_ROW) -> pa.Array:
        ids = np.asarray(row_ids, dtype=np.int64)
        if column not in DETAIL_COLUMNS:
            raise ValueError(f"no detail column {column!r}")
        out = empty_texts(len(ids))
        if not len(ids) or not self._ends:
            return out
        if len(ids) == len(self) and ids[0] == 0 and (np.diff(ids) == 1).all():
            return self.column(column)  # every row in order: the store's bulk read
        known = (ids >= 0) & (ids < len(self))
        blocks = np.searchsorted(np.asarray(self._ends), ids, side="right")
        pieces, where = [], []
        for block in np.unique(blocks[known]):
            rows = np.flatnonzero(known & (blocks == block))
            start = self._ends[block - 1] if block else 0
            pieces.append(self._block(int(block), column).take(pa.array(ids[rows] - start)))
            where.append(rows)
        return _scatter(len(ids), pieces, where) if pieces else out

    def compressed(self, column: str) -> list[tuple[int, bytes]]:
        """(rows, Arrow IPC stream bytes, zstd) of each block of `column`, in id order: an
        archive stores them as they are when every row is new."""
        ends = [0, *self._ends]
        return [(ends[n + 1] - ends[n], block[column].to_pybytes()) for n, block in enumerate(self._blocks)]

    def column(self, column: str) -> pa.Array:
        """Every row's `column`, in id order (the archive's bulk read)."""
        return _concat([self._block(n, column) for n in range(len(self._blocks))])

    def _block(self, number: int, column: str) -> pa.Array:
        if self._cached is not None and self._cached[:2] == (number, column):
            return self._cached[2]
        values = ipc.open_stream(self._blocks[number][column]).read_next_batch().column(0)
        self._cached = (number, column, values)
        return values


class OffsetDetails:
    """Details of several sources in one frame: row ids [start, end) belong to source i.

    A merged frame gives each source's rows distinct ids (`shift_ids`); this finds them.
    """

    def __init__(self, ranges: Sequence[tuple[int, int, int, RowDetails]]) -> None:
        self._ranges = list(ranges)  # (start, end, shift, details): id - shift is the source's id

    def read(self, row_ids: np.ndarray, column: str = INPUT_ROW) -> pa.Array:
        ids = np.asarray(row_ids, dtype=np.int64)
        pieces, where = [], []
        for start, end, shift, details in self._ranges:
            rows = np.flatnonzero((ids >= start) & (ids < end))
            if len(rows):
                pieces.append(details.read(ids[rows] - shift, column))
                where.append(rows)
        return _scatter(len(ids), pieces, where) if pieces else empty_texts(len(ids))


def empty_texts(length: int) -> pa.Array:
    """`length` empty strings without a Python list."""
    offsets = pa.py_buffer(np.zeros(length + 1, dtype=np.int64))
    return pa.LargeStringArray.from_buffers(length, offsets, pa.py_buffer(b""))


def _scatter(length: int, pieces: list[pa.Array], where: list[np.ndarray]) -> pa.Array:
    """One array of `length` values: pieces[i] go to the positions where[i] (others "")."""
    values = _concat([_text(p) for p in pieces])
    positions = np.concatenate(where)
    if len(positions) == length and (np.diff(positions) > 0).all():
        return values
    order = np.full(length, len(values), dtype=np.int64)  # the extra last value is ""
    order[positions] = np.arange(len(values))
    return pa.concat_arrays([values, empty_texts(1)]).take(pa.array(order))


def _concat(arrays: list[pa.Array]) -> pa.Array:
    if not arrays:
        return empty_texts(0)
    chunks = [a.combine_chunks() if isinstance(a, pa.ChunkedArray) else a for a in arrays]
    return pa.concat_arrays(chunks) if len(chunks) > 1 else chunks[0]


def _text(values: Iterable[str] | pa.Array | pa.ChunkedArray) -> pa.Array:
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if not isinstance(values, pa.Array):
        values = pa.array(list(values), TEXT)
    if values.type != TEXT:
        values = values.cast(TEXT)
    return pc.fill_null(values, "") if values.null_count else values


def merged(
    previous: pd.DataFrame, previous_details: RowDetails, frame: pd.DataFrame, details: RowDetails
) -> tuple[pd.DataFrame, RowDetails]:
    """The rows shown before plus a newer frame (a cancelled or failed sync without an archive).

    A job is read whole, so the newer frame's rows of a job replace the earlier ones of that
    job; the newer rows' ids are shifted past the earlier ones so both details stay reachable.
    """
    from syncerr_gui.core.frame.schema import concat_frames

    if not len(previous):
        return frame, details
    replaced = previous["job_id"].isin(set(frame["job_id"].astype(str))).to_numpy()
    kept = previous.loc[~replaced].reset_index(drop=True)
    if not len(kept):
        return frame, details
    old_ids = kept["row_id"].to_numpy()
    shift = int(old_ids.max()) + 1
    newer = frame.copy(deep=False)
    newer["row_id"] = frame["row_id"].to_numpy() + shift
    top = int(newer["row_id"].max()) + 1 if len(newer) else shift
    ranges = [(int(old_ids.min()), shift, 0, previous_details), (shift, top, shift, details)]
    return concat_frames([kept, newer]), OffsetDetails(ranges)
