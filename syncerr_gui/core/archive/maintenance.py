"""Keeping the archive small: retention, dropping old input rows, merging parts, size per month.

Each step touches one part (or one run of small parts) and is written in its own short
transaction by the caller (`ErrorArchive`), so a purge of millions of rows can be cancelled
between steps and leaves a sound archive either way: a part is wholly before or wholly
after its step. Signatures' first-seen times are recomputed once at the end; until then
a flag in `meta` says they are stale, and the next open recomputes them if a purge was
interrupted.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from syncerr_gui.core.archive.codebook import Codebook
from syncerr_gui.core.archive.encoding import SMALL, from_blob, texts, to_blob
from syncerr_gui.core.archive.meta import set_meta
from syncerr_gui.core.archive.parts import (
    NAT,
    PartRows,
    delete_part,
    insert_part,
    month_counts,
    part_rows,
)

logger = logging.getLogger(__name__)

MERGE_BELOW_ROWS = 200_000  # parts smaller than this are merged with their neighbours
MERGED_MAX_ROWS = 1_000_000  # … into parts of at most this many rows
STALE_SIGNATURES = "signatures_stale"


@dataclass(frozen=True)
class MonthSize:
    """One month of failures in the archive: rows and bytes (errors; input rows)."""

    month: str  # YYYY-MM, or "" for rows without a failure time
    rows: int
    error_bytes: int
    input_bytes: int


def parts_before(con: sqlite3.Connection, cutoff_ns: int) -> list[tuple[int, int, int]]:
    """(part id, rows, max_failed_at) of parts with a row that failed before `cutoff_ns`."""
    return con.execute(
        "SELECT id, rows, max_failed_at FROM parts WHERE min_failed_at < ? ORDER BY first_row_id",
        (cutoff_ns,),
    ).fetchall()


def purge_part(con: sqlite3.Connection, book: Codebook, part_id: int, cutoff_ns: int) -> int:
    """Delete the part's rows that failed before `cutoff_ns` (rows without a time stay)."""
    (max_at, rows) = con.execute("SELECT max_failed_at, rows FROM parts WHERE id = ?", (part_id,)).fetchone()
    if max_at is not None and max_at < cutoff_ns and not _has_untimed(con, part_id):
        delete_part(con, part_id)
        deleted = rows
    else:
        held = part_rows(con, part_id)
        keep = (held.failed_at >= cutoff_ns) | (held.failed_at == NAT)
        deleted = int((~keep).sum())
        if deleted:
            delete_part(con, part_id)
            if keep.any():
                _insert_rows(con, book, held.take(np.flatnonzero(keep)))
    if deleted:
        set_meta(con, STALE_SIGNATURES, "1")
    return deleted


def drop_part_inputs(con: sqlite3.Connection, part_id: int, cutoff_ns: int) -> int:
    """Blank the input rows of the part's rows that failed before `cutoff_ns`; returns how many."""
    blanked = 0
    times: np.ndarray | None = None
    chunks = con.execute(
        "SELECT chunk, first_row, rows, max_failed_at FROM part_inputs WHERE part_id = ? AND min_failed_at < ?",
        (part_id, cutoff_ns),
    ).fetchall()
    for chunk, first, rows, max_at in chunks:
        if max_at is not None and max_at < cutoff_ns:  # all of the blob is older: it goes
            (months,) = con.execute(
                "SELECT months FROM part_inputs WHERE part_id = ? AND chunk = ?", (part_id, chunk)
            ).fetchone()
            con.execute("DELETE FROM part_inputs WHERE part_id = ? AND chunk = ?", (part_id, chunk))
            blanked += sum(json.loads(months).values())
            continue
        if times is None:
            (data,) = con.execute("SELECT rows_data FROM parts WHERE id = ?", (part_id,)).fetchone()
            times = from_blob(data).column("failed_at").to_numpy()
        blanked += _blank_chunk(con, part_id, chunk, times[first : first + rows], cutoff_ns)
    if chunks:
        size = con.execute(
            "SELECT COALESCE(SUM(LENGTH(data)), 0) FROM part_inputs WHERE part_id = ?", (part_id,)
        ).fetchone()[0]
        con.execute("UPDATE parts SET input_bytes = ? WHERE id = ?", (size, part_id))
    return blanked


def _blank_chunk(
    con: sqlite3.Connection, part_id: int, chunk: int, window: np.ndarray, cutoff_ns: int
) -> int:
    """Rewrite one input blob with "" for its rows older than `cutoff_ns` (`window`: their times)."""
    (data,) = con.execute(
        "SELECT data FROM part_inputs WHERE part_id = ? AND chunk = ?", (part_id, chunk)
    ).fetchone()
    values = texts(from_blob(data).column("input_row"))
    text = values.to_numpy(zero_copy_only=False)
    old = (window < cutoff_ns) & (window != NAT) & (text != "")
    blanked = pa.array(np.where(old, "", text), pa.large_string())
    left = window[~old & (text != "")]
    timed = left[left != NAT]
    con.execute(
        "UPDATE part_inputs SET data = ?, min_failed_at = ?, max_failed_at = ?, months = ? "
        "WHERE part_id = ? AND chunk = ?",
        (
            to_blob(pa.table({"input_row": blanked}), SMALL),
            int(timed.min()) if len(timed) else None,
            int(timed.max()) if len(timed) else None,
            json.dumps(month_counts(left)),
            part_id,
            chunk,
        ),
    )
    return int(old.sum())


def merge_runs(con: sqlite3.Connection) -> Iterator[list[int]]:
    """Runs of neighbouring small parts worth merging (in row-id order)."""
    run: list[int] = []
    total = 0
    for part_id, rows in con.execute("SELECT id, rows FROM parts ORDER BY first_row_id").fetchall():
        if rows < MERGE_BELOW_ROWS and total + rows <= MERGED_MAX_ROWS:
            run.append(part_id)
            total += rows
            continue
        if len(run) > 1:
            yield run
        run, total = ([part_id], rows) if rows < MERGE_BELOW_ROWS else ([], 0)
    if len(run) > 1:
        yield run


def merge_parts(con: sqlite3.Connection, book: Codebook, part_ids: list[int]) -> int:
    """Replace neighbouring parts by one (row ids, rows and details unchanged)."""
    rows = PartRows.concat([part_rows(con, p) for p in part_ids])
    for part_id in part_ids:
        delete_part(con, part_id)
    _insert_rows(con, book, rows)
    return len(rows)


def recompute_first_seen(con: sqlite3.Connection, book: Codebook) -> None:
    """first_seen of every signature from the rows the archive still holds."""
    first = np.full(len(book.signatures), np.iinfo(np.int64).max, dtype=np.int64)
    for (data,) in con.execute("SELECT rows_data FROM parts"):
        table = from_blob(data)
        times = table.column("failed_at").to_numpy()
        timed = times != NAT
        np.minimum.at(first, table.column("signature").to_numpy()[timed], times[timed])
    book.replace_first_seen(con, first)
    con.execute("DELETE FROM meta WHERE key = ?", (STALE_SIGNATURES,))


def size_by_month(con: sqlite3.Connection) -> list[MonthSize]:
    """Rows and bytes per month of failure, oldest first (bytes of a part shared by its rows)."""
    parts = {
        part_id: (rows, size)
        for part_id, rows, size in con.execute(
            "SELECT id, rows, LENGTH(rows_data) + LENGTH(keys_data) FROM parts"
        )
    }
    rows_of: dict[str, int] = {}
    bytes_of: dict[str, float] = {}
    for part_id, month, rows in con.execute("SELECT part_id, month, rows FROM part_months"):
        total, size = parts.get(part_id, (0, 0))
        rows_of[month] = rows_of.get(month, 0) + rows
        bytes_of[month] = bytes_of.get(month, 0.0) + (size * rows / total if total else 0.0)
    inputs: dict[str, float] = {}
    for months, size in con.execute("SELECT months, LENGTH(data) FROM part_inputs"):
        counts = json.loads(months)
        total = sum(counts.values())
        for month, rows in counts.items():  # a blob's bytes shared by its rows' months
            inputs[month] = inputs.get(month, 0.0) + size * rows / total
    months = sorted(set(rows_of) | set(inputs), key=lambda m: (m == "", m))
    return [
        MonthSize(m, rows_of.get(m, 0), int(bytes_of.get(m, 0.0)), int(inputs.get(m, 0.0))) for m in months
    ]


def _insert_rows(con: sqlite3.Connection, book: Codebook, rows: PartRows) -> None:
    insert_part(con, rows, book.dictionaries["job_id"].values)


def _has_untimed(con: sqlite3.Connection, part_id: int) -> bool:
    row = con.execute("SELECT 1 FROM part_months WHERE part_id = ? AND month = ''", (part_id,)).fetchone()
    return row is not None
