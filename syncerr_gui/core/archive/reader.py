"""Reading the archive: the error frame from the parts, and each row's details on demand.

A load reads only `rows_data` blobs (codes, times, IDs) and each dictionary once, and
builds the categorical columns straight from the codes: ten million rows need no text
hashed or copied. Input rows and row keys stay in the database until someone asks for
them (`ArchiveRowDetails`, with its own read-only connection, so the detail pane never
waits for a store in progress).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from syncerr_gui.core.archive.codebook import Codebook
from syncerr_gui.core.archive.encoding import from_blob, texts
from syncerr_gui.core.archive.parts import CODE_COLUMNS, NAT, code_column, input_chunks_of
from syncerr_gui.core.archive.reloaded import with_reloads
from syncerr_gui.core.frame.row_details import DETAIL_COLUMNS, INPUT_ROW, ROW_KEY, RowDetails, empty_texts
from syncerr_gui.core.frame.schema import (
    COLUMNS,
    RELOAD_COLUMNS,
    categorical,
    code_dtype,
    empty_frame,
    utc_times,
)

logger = logging.getLogger(__name__)

_CACHED_BLOBS = 8


def load_frame(
    con: sqlite3.Connection,
    book: Codebook,
    since_ns: int | None = None,
    until_ns: int | None = None,
    details: RowDetails | None = None,
) -> pd.DataFrame:
    """Archived rows with since <= failed_at <= until (all when None), in row-id order; with
    `details`, the reload columns filled from the reload tables (`reloaded.py`).

    Part by part into columns allocated once (narrow codes, as the frame keeps them): the
    peak is the frame plus one decoded part, and no column is copied a second time.
    """
    where, params = _time_window(since_ns, until_ns)
    parts = con.execute(f"SELECT id, rows FROM parts {where} ORDER BY first_row_id", params).fetchall()
    total = sum(rows for _, rows in parts)
    if not total:
        return empty_frame()
    sizes = {name: len(book.dictionaries[name]) for name in CODE_COLUMNS}
    columns = _Columns(total, sizes)
    if since_ns is None and until_ns is None:  # every row: parts decoded two at a time
        _fill_in_parallel(con, parts, columns)
    else:
        for part_id, _rows in parts:
            table = from_blob(_rows_blob(con, part_id))
            keep = _in_window(table.column("failed_at").to_numpy(), since_ns, until_ns)
            columns.add(table if keep is None else table.filter(pa.array(keep)))
    frame = _frame_of(columns.finish(), book)
    return frame if details is None else with_reloads(con, frame, details)


def _rows_blob(con: sqlite3.Connection, part_id: int) -> bytes:
    (data,) = con.execute("SELECT rows_data FROM parts WHERE id = ?", (part_id,)).fetchone()
    return bytes(data)


def _fill_in_parallel(con: sqlite3.Connection, parts: list[tuple[int, int]], columns: _Columns) -> None:
    """Read the blobs here (one connection, one thread) and decode and copy them into their
    slices on two worker threads (decompression and NumPy copies release the GIL)."""
    starts = np.concatenate(([0], np.cumsum([rows for _, rows in parts])))
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="archive-load") as pool:
        jobs = [
            pool.submit(columns.put, int(start), from_blob, _rows_blob(con, part_id))
            for (part_id, _rows), start in zip(parts, starts)
        ]
        for job in jobs:
            job.result()
    columns.filled = int(starts[-1])


class _Columns:
    """The frame's columns, filled part by part."""

    def __init__(self, capacity: int, sizes: dict[str, int]) -> None:
        self.arrays: dict[str, np.ndarray] = {
            "row_id": np.empty(capacity, dtype=np.int64),
            "failed_at": np.empty(capacity, dtype=np.int64),
            "signature": np.empty(capacity, dtype=np.int32),
        }
        for name in CODE_COLUMNS:
            self.arrays[name] = np.empty(capacity, dtype=code_dtype(sizes[name]))
        self.filled = 0

    def add(self, table: pa.Table) -> None:
        """Append a decoded part (in order)."""
        self._copy(self.filled, table)
        self.filled += table.num_rows

    def put(self, start: int, decode: Callable[[bytes], pa.Table], data: bytes) -> None:
        """Decode a part and copy it to rows [start, …) (any thread; slices do not overlap)."""
        self._copy(start, decode(data))

    def _copy(self, start: int, table: pa.Table) -> None:
        rows = table.num_rows
        for name, array in self.arrays.items():
            array[start : start + rows] = code_column(table, name)

    def finish(self) -> dict[str, np.ndarray]:
        return {name: array[: self.filled] for name, array in self.arrays.items()}


def _frame_of(columns: dict[str, np.ndarray], book: Codebook) -> pd.DataFrame:
    failed_at, signature = columns["failed_at"], columns["signature"]
    first_seen = book.first_seen
    data = {
        "failed_at": utc_times(failed_at),
        "first_seen": utc_times(first_seen[signature] if len(first_seen) else np.full(len(signature), NAT)),
        "row_id": pd.Series(columns["row_id"], copy=False),
    }
    for name in CODE_COLUMNS:
        data[name] = categorical(columns[name], book.dictionaries[name].values)
    for name in RELOAD_COLUMNS:  # filled by the store from its reload tables
        data[name] = categorical(np.zeros(len(failed_at), dtype=np.int8), pa.array([""], pa.large_string()))
    return pd.DataFrame(
        {name: data[name] for name in COLUMNS}, index=pd.RangeIndex(len(failed_at)), copy=False
    )


def _time_window(since_ns: int | None, until_ns: int | None) -> tuple[str, tuple[int, ...]]:
    """SQL that skips parts wholly outside the window (parts without times are always read)."""
    clauses, params = [], []
    if since_ns is not None:
        clauses.append("(max_failed_at IS NULL OR max_failed_at >= ?)")
        params.append(since_ns)
    if until_ns is not None:
        clauses.append("(min_failed_at IS NULL OR min_failed_at <= ?)")
        params.append(until_ns)
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)


def _in_window(failed_at: np.ndarray, since_ns: int | None, until_ns: int | None) -> np.ndarray | None:
    if since_ns is None and until_ns is None:
        return None
    keep = failed_at != NAT
    if since_ns is not None:
        keep &= failed_at >= since_ns
    if until_ns is not None:
        keep &= failed_at <= until_ns
    return None if keep.all() else keep


class ArchiveRowDetails:
    """Input rows and row keys of archived rows, by row id (a `RowDetails`; any thread).

    Reads through its own read-only connection (WAL: never blocked by a store), a part's
    `keys_data` or one 65,536-row input blob at a time, with the last few blobs cached.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._con: sqlite3.Connection | None = None
        self._cache: OrderedDict[tuple[str, int, int], object] = OrderedDict()
        self._positions: OrderedDict[int, np.ndarray] = OrderedDict()
        self._generation: object = None

    def read(self, row_ids: np.ndarray, column: str = INPUT_ROW) -> pa.Array:
        if column not in DETAIL_COLUMNS:
            raise ValueError(f"no detail column {column!r}")
        ids = np.asarray(row_ids, dtype=np.int64)
        if not len(ids):
            return empty_texts(0)
        with self._lock:
            try:
                return self._read(ids, column)
            except sqlite3.Error as exc:
                logger.warning("Could not read archived input rows: %s", exc)
                return empty_texts(len(ids))

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None
            self._cache.clear()
            self._positions.clear()

    def _read(self, ids: np.ndarray, column: str) -> pa.Array:
        con = self._connection()
        generation = con.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        if generation != self._generation:  # parts changed (store, purge, merge): cached blobs are stale
            self._cache.clear()
            self._positions.clear()
            self._generation = generation
        parts = con.execute(
            "SELECT id, first_row_id, last_row_id, rows FROM parts ORDER BY first_row_id"
        ).fetchall()
        values = np.full(len(ids), -1, dtype=np.int64)
        pieces: list[pa.Array] = []
        if not parts:
            return empty_texts(len(ids))
        firsts = np.array([p[1] for p in parts], dtype=np.int64)
        owner = np.searchsorted(firsts, ids, side="right") - 1
        offset = 0
        for index in np.unique(owner[owner >= 0]).tolist():
            part_id, first, last, rows = parts[index]
            mine = np.flatnonzero((owner == index) & (ids <= last))
            if not len(mine):
                continue
            positions = self._positions_in(con, part_id, first, last, rows, ids[mine])
            found = positions >= 0
            taken = self._take(con, column, part_id, positions[found])
            pieces.append(taken)
            values[mine[found]] = np.arange(offset, offset + len(taken))
            offset += len(taken)
        joined = pa.concat_arrays([*(texts(p) for p in pieces), empty_texts(1)])
        values[values < 0] = len(joined) - 1
        return joined.take(pa.array(values))

    def _positions_in(
        self, con: sqlite3.Connection, part_id: int, first: int, last: int, rows: int, ids: np.ndarray
    ) -> np.ndarray:
        """Positions of `ids` within the part (-1 for ids it does not hold, e.g. purged)."""
        if rows == last - first + 1:
            return ids - first  # no gaps: ids are first, first + 1, …
        held = self._positions.get(part_id)
        if held is None:
            (data,) = con.execute("SELECT rows_data FROM parts WHERE id = ?", (part_id,)).fetchone()
            held = from_blob(data).column("row_id").to_numpy()
            self._remember(self._positions, part_id, held)
        at = np.searchsorted(held, ids)
        at[at >= len(held)] = 0
        return np.where(held[at] == ids, at, -1) if len(held) else np.full(len(ids), -1)

    def _take(self, con: sqlite3.Connection, column: str, part_id: int, positions: np.ndarray) -> pa.Array:
        if column == ROW_KEY:
            keys = self._blob(con, "keys", part_id, 0)
            return keys.take(pa.array(positions))
        held = self._chunks_of(con, part_id)  # (chunk, first row, rows) of the blobs still held
        firsts = np.array([first for _, first, _ in held], dtype=np.int64)
        slot = np.searchsorted(firsts, positions, side="right") - 1
        out = np.full(len(positions), -1, dtype=np.int64)
        pieces, taken = [], 0
        for index in np.unique(slot[slot >= 0]).tolist():
            chunk, first, count = held[index]
            mine = np.flatnonzero((slot == index) & (positions < first + count))
            if not len(mine):
                continue
            pieces.append(self._blob(con, "inputs", part_id, chunk).take(pa.array(positions[mine] - first)))
            out[mine] = np.arange(taken, taken + len(mine))
            taken += len(mine)
        values = pa.concat_arrays([*(texts(p) for p in pieces), empty_texts(1)])  # the last: ""
        out[out < 0] = len(values) - 1  # rows whose input row was dropped
        return values.take(pa.array(out))

    def _chunks_of(self, con: sqlite3.Connection, part_id: int) -> list[tuple[int, int, int]]:
        key = ("chunks", part_id, 0)
        cached = self._cache.get(key)
        if cached is None:
            cached = input_chunks_of(con, part_id)
            self._remember(self._cache, key, cached)
        return cached  # type: ignore[return-value]

    def _blob(self, con: sqlite3.Connection, kind: str, part_id: int, chunk: int) -> pa.Array:
        key = (kind, part_id, chunk)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        if kind == "keys":
            row = con.execute("SELECT keys_data FROM parts WHERE id = ?", (part_id,)).fetchone()
            values = texts(from_blob(row[0]).column("row_key")) if row else empty_texts(0)
        else:
            row = con.execute(
                "SELECT data FROM part_inputs WHERE part_id = ? AND chunk = ?", (part_id, chunk)
            ).fetchone()
            values = texts(from_blob(row[0]).column("input_row")) if row else empty_texts(0)
        self._remember(self._cache, key, values)
        return values

    @staticmethod
    def _remember(cache: OrderedDict[Any, Any], key: object, value: object) -> None:
        cache[key] = value
        while len(cache) > _CACHED_BLOBS:
            cache.popitem(last=False)

    def _connection(self) -> sqlite3.Connection:
        if self._con is None:
            self._con = sqlite3.connect(
                f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False, timeout=5.0
            )
        return self._con
