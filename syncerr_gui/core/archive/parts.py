"""Parts: the archive's errors, a few hundred thousand to a million rows per database row.

A part holds the rows one store added (or several small parts merged). Its columns are
three kinds of blob, so each reader reads only what it needs:

* `rows_data` (lz4, read at every start): row ids, failure times, the sync that archived
  the row, its signature code and one code per dictionary column (each in the narrowest
  integer type that holds the part's codes);
* `keys_data` (zstd, read only by a store that meets the same job again): `row_key`;
* `part_inputs` (zstd, ~65,536 rows per blob, read for the detail pane and exports):
  `input_row`, so old input rows can be dropped a blob at a time and one row is found
  without reading the rest. A sync's own compressed blocks are stored as they are when
  every row of the sync is new (no input row is decompressed or compressed again).
"""

from __future__ import annotations

import json
import logging
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from syncerr_gui.core.archive.encoding import FAST, SMALL, from_blob, texts, to_blob
from syncerr_gui.core.frame.row_details import empty_texts
from syncerr_gui.core.frame.schema import CATEGORY_COLUMNS, RELOAD_COLUMNS

logger = logging.getLogger(__name__)

# The reload columns are not stored in parts: the reload tables say them (`reloaded.py`).
CODE_COLUMNS: tuple[str, ...] = tuple(c for c in CATEGORY_COLUMNS if c not in RELOAD_COLUMNS)
# Columns a part written before their schema version lacks: read as code 0, which names ""
# (the migration that adds a column gives "" that code, `upgrade.py`).
ADDED_COLUMNS: dict[str, int] = {"job_state": 4, "external_id_field": 5}
INPUT_CHUNK_ROWS = 65_536
NAT = np.iinfo(np.int64).min


@dataclass
class PartRows:
    """The columns of rows to store as one part (NumPy and Arrow arrays, aligned)."""

    row_id: np.ndarray
    failed_at: np.ndarray  # int64 ns, NAT when unknown
    sync_id: np.ndarray
    signature: np.ndarray
    codes: dict[str, np.ndarray]
    row_key: pa.Array
    input_row: pa.Array
    # Already compressed input blobs (rows, IPC bytes) in row order, used instead of input_row
    # when given; `has_input` then says which rows have one (for the sizes per month).
    input_blobs: list[tuple[int, bytes]] | None = None
    has_input: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.row_id)

    def take(self, positions: np.ndarray) -> PartRows:
        """These rows at `positions` (in that order)."""
        taken = pa.array(positions)
        return PartRows(
            row_id=self.row_id[positions],
            failed_at=self.failed_at[positions],
            sync_id=self.sync_id[positions],
            signature=self.signature[positions],
            codes={name: codes[positions] for name, codes in self.codes.items()},
            row_key=self.row_key.take(taken),
            input_row=self.input_row.take(taken),
        )

    @classmethod
    def concat(cls, parts: list[PartRows]) -> PartRows:
        return PartRows(
            row_id=np.concatenate([p.row_id for p in parts]),
            failed_at=np.concatenate([p.failed_at for p in parts]),
            sync_id=np.concatenate([p.sync_id for p in parts]),
            signature=np.concatenate([p.signature for p in parts]),
            codes={name: np.concatenate([p.codes[name] for p in parts]) for name in CODE_COLUMNS},
            row_key=pa.concat_arrays([p.row_key for p in parts]),
            input_row=pa.concat_arrays([p.input_row for p in parts]),
        )


def rows_table(rows: PartRows) -> pa.Table:
    """The `rows_data` columns of `rows`; codes in the narrowest integer type that holds them
    (a start-up reads and decompresses a third of the bytes int32 everywhere would take)."""
    columns: dict[str, pa.Array] = {
        "row_id": pa.array(rows.row_id.astype(np.int64)),
        "failed_at": pa.array(rows.failed_at.astype(np.int64)),
        "sync_id": pa.array(_narrow(rows.sync_id)),
        "signature": pa.array(_narrow(rows.signature)),
    }
    for name in CODE_COLUMNS:
        if name in rows.codes:  # a conversion from an older schema writes only its columns
            columns[name] = pa.array(_narrow(rows.codes[name]))
    return pa.table(columns)


def _narrow(values: np.ndarray) -> np.ndarray:
    """Non-negative integers in int8, int16 or int32, whichever holds the largest."""
    top = int(values.max()) if len(values) else 0
    for dtype in (np.int8, np.int16, np.int32):
        if top <= np.iinfo(dtype).max:
            return values.astype(dtype, copy=False)
    return values.astype(np.int64, copy=False)


def insert_part(con: sqlite3.Connection, rows: PartRows, job_values: pa.Array) -> int:
    """Store `rows` as a new part (inside the caller's transaction); returns its id.

    `job_values`: the archive's job id dictionary (for the part's job list). The blobs are
    compressed on two threads first (Arrow releases the GIL), then written.
    """
    blobs = _compressed(rows)
    failed = rows.failed_at[rows.failed_at != NAT]
    cursor = con.execute(
        "INSERT INTO parts (rows, first_row_id, last_row_id, min_failed_at, max_failed_at, rows_data, keys_data) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            len(rows),
            int(rows.row_id.min()),
            int(rows.row_id.max()),
            int(failed.min()) if len(failed) else None,
            int(failed.max()) if len(failed) else None,
            blobs[0],
            blobs[1],
        ),
    )
    part_id = int(cursor.lastrowid or 0)
    counts = np.bincount(rows.codes["job_id"].astype(np.int64), minlength=len(job_values))
    present = np.flatnonzero(counts)
    names = job_values.take(pa.array(present)).to_pylist()
    con.executemany(
        "INSERT INTO part_jobs (job_id, part_id, rows) VALUES (?, ?, ?)",
        [(str(job), part_id, int(counts[code])) for job, code in zip(names, present)],
    )
    con.executemany(
        "INSERT INTO part_months (part_id, month, rows) VALUES (?, ?, ?)",
        [(part_id, month, count) for month, count in month_counts(rows.failed_at).items()],
    )
    input_bytes = insert_inputs(con, part_id, rows, blobs[2:])
    con.execute("UPDATE parts SET input_bytes = ? WHERE id = ?", (input_bytes, part_id))
    return part_id


def _compressed(rows: PartRows) -> list[bytes]:
    """rows_data, keys_data and each input blob of `rows` (unless given), two at a time."""
    jobs = [(rows_table(rows), FAST), (pa.table({"row_key": texts(rows.row_key)}), SMALL)]
    if rows.input_blobs is None:
        inputs = texts(rows.input_row)
        jobs += [
            (pa.table({"input_row": inputs.slice(start, INPUT_CHUNK_ROWS)}), SMALL)
            for start in range(0, len(inputs), INPUT_CHUNK_ROWS)
        ]
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="archive-compress") as pool:
        blobs = list(pool.map(lambda job: to_blob(*job), jobs))
    return blobs + [data for _rows, data in rows.input_blobs or []]


def _input_chunks(rows: PartRows) -> list[tuple[int, int]]:
    """(first row, rows) of each input blob of `rows`."""
    if rows.input_blobs is not None:
        sizes = [count for count, _data in rows.input_blobs]
    else:
        sizes = [min(INPUT_CHUNK_ROWS, len(rows) - start) for start in range(0, len(rows), INPUT_CHUNK_ROWS)]
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1])) if sizes else np.zeros(0, np.int64)
    return [(int(start), int(size)) for start, size in zip(starts, sizes)]


def insert_inputs(con: sqlite3.Connection, part_id: int, rows: PartRows, blobs: list[bytes]) -> int:
    """The part's input blobs (`blobs`, compressed, one per `_input_chunks`) with the rows and
    months each covers; returns the bytes stored."""
    stored = 0
    has_input = rows.has_input if rows.has_input is not None else _non_empty(texts(rows.input_row))
    for chunk, ((first, count), data) in enumerate(zip(_input_chunks(rows), blobs)):
        times = rows.failed_at[first : first + count]
        timed = times[times != NAT]
        stored += len(data)
        con.execute(
            "INSERT INTO part_inputs (part_id, chunk, first_row, rows, min_failed_at, max_failed_at, months, data) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                part_id,
                chunk,
                first,
                count,
                int(timed.min()) if len(timed) else None,
                int(timed.max()) if len(timed) else None,
                json.dumps(month_counts(times[has_input[first : first + count]])),
                data,
            ),
        )
    return stored


def input_chunks_of(con: sqlite3.Connection, part_id: int) -> list[tuple[int, int, int]]:
    """(chunk, first row, rows) of a part's input blobs still held, in row order."""
    return con.execute(
        "SELECT chunk, first_row, rows FROM part_inputs WHERE part_id = ? ORDER BY first_row", (part_id,)
    ).fetchall()


def delete_part(con: sqlite3.Connection, part_id: int) -> None:
    for table, column in (("part_inputs", "part_id"), ("part_jobs", "part_id"), ("part_months", "part_id")):
        con.execute(f"DELETE FROM {table} WHERE {column} = ?", (part_id,))
    con.execute("DELETE FROM parts WHERE id = ?", (part_id,))


def read_rows(con: sqlite3.Connection, part_id: int) -> pa.Table:
    (data,) = con.execute("SELECT rows_data FROM parts WHERE id = ?", (part_id,)).fetchone()
    return from_blob(data)


def read_keys(con: sqlite3.Connection, part_id: int) -> pa.Array:
    (data,) = con.execute("SELECT keys_data FROM parts WHERE id = ?", (part_id,)).fetchone()
    return texts(from_blob(data).column("row_key"))


def read_inputs(con: sqlite3.Connection, part_id: int, rows: int) -> pa.Array:
    """Every input row of a part, in row order ("" where dropped)."""
    pieces: list[pa.Array] = []
    filled = 0
    for first, count, data in con.execute(
        "SELECT first_row, rows, data FROM part_inputs WHERE part_id = ? ORDER BY first_row", (part_id,)
    ):
        if first > filled:  # a dropped blob: its rows have no input row any more
            pieces.append(empty_texts(first - filled))
        pieces.append(texts(from_blob(data).column("input_row")))
        filled = first + count
    if rows > filled:
        pieces.append(empty_texts(rows - filled))
    return pa.concat_arrays(pieces) if pieces else empty_texts(0)


def part_rows(con: sqlite3.Connection, part_id: int) -> PartRows:
    """Every column of a part (to rewrite or merge it)."""
    table = read_rows(con, part_id)
    return PartRows(
        row_id=table.column("row_id").to_numpy(),
        failed_at=table.column("failed_at").to_numpy(),
        sync_id=table.column("sync_id").to_numpy(),
        signature=table.column("signature").to_numpy(),
        codes={name: code_column(table, name) for name in CODE_COLUMNS},
        row_key=read_keys(con, part_id),
        input_row=read_inputs(con, part_id, table.num_rows),
    )


def code_column(table: pa.Table, name: str) -> np.ndarray:
    """A part's codes of column `name`; code 0 ("") for a column added after the part was written."""
    if name in table.column_names:
        codes: np.ndarray = table.column(name).to_numpy()
        return codes
    return np.zeros(table.num_rows, dtype=np.int8)


def _non_empty(values: pa.Array) -> np.ndarray:
    """True where a text is not empty (from the offsets: no string is read)."""
    offsets = np.frombuffer(values.buffers()[1], dtype=np.int64)[
        values.offset : values.offset + len(values) + 1
    ]
    return np.diff(offsets) > 0


def month_counts(failed_at: np.ndarray) -> dict[str, int]:
    """Rows per YYYY-MM of failure (UTC); '' for rows without a time."""
    known = failed_at != NAT
    counts: dict[str, int] = {}
    if (~known).any():
        counts[""] = int((~known).sum())
    if known.any():
        months = failed_at[known].astype("datetime64[ns]").astype("datetime64[M]")
        values, numbers = np.unique(months, return_counts=True)
        counts.update({str(v): int(n) for v, n in zip(values, numbers)})
    return counts
