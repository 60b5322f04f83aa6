"""Schema 2 -> 3: the rows of the old `errors` table become parts, inside the migration's transaction.

Every row keeps its id (now its `row_id`), its sync, its texts, input row and row key;
`first_archived` of a row was the time its sync was stored, so it moves to
`syncs.stored_at`; `last_seen` (refreshed per job) moves to `jobs.rows_last_seen`; the
first-seen time of each error signature is taken from the old `signatures` table as it
was. The caller (`schema.migrate`) has copied the file to a backup beforehand and drops
the old tables afterwards.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from syncerr_gui.core.archive.codebook import Codebook, signature_keys
from syncerr_gui.core.archive.encoding import texts
from syncerr_gui.core.archive.meta import meta_int, set_meta
from syncerr_gui.core.archive.parts import ADDED_COLUMNS, CODE_COLUMNS, NAT, PartRows, insert_part
from syncerr_gui.core.sync.row_keys import ROW_KEY_VERSION

logger = logging.getLogger(__name__)

PART_ROWS = 500_000
_V2_CODE_COLUMNS = tuple(c for c in CODE_COLUMNS if ADDED_COLUMNS.get(c, 0) <= 2)  # the columns it had
_TEXT_COLUMNS = (*_V2_CODE_COLUMNS, "row_key", "input_row")


def convert(con: sqlite3.Connection) -> int:
    """Move every row of `errors` into parts; returns how many rows moved."""
    book = Codebook()
    moved, last_id = 0, 0
    while True:
        rows = con.execute(
            f"SELECT id, failed_at, sync_id, {', '.join(_TEXT_COLUMNS)} FROM errors WHERE id > ? ORDER BY id LIMIT ?",
            (last_id, PART_ROWS),
        ).fetchall()
        if not rows:
            break
        part = _part_of(con, book, rows)
        insert_part(con, part, book.dictionaries["job_id"].values)
        moved += len(rows)
        last_id = int(part.row_id[-1])
    _keep_first_seen(con, book)
    _move_row_times(con)
    set_meta(con, "next_row_id", str(last_id + 1))
    set_meta(con, "row_key_version", str(ROW_KEY_VERSION))
    set_meta(con, "generation", str(meta_int(con, "generation") + 1))
    logger.info("Converted %d archived errors to the columnar layout", moved)
    return moved


def _part_of(con: sqlite3.Connection, book: Codebook, rows: list[tuple[Any, ...]]) -> PartRows:
    raw = pd.DataFrame.from_records(rows, columns=["id", "failed_at", "sync_id", *_TEXT_COLUMNS])
    codes = {}
    for name in _V2_CODE_COLUMNS:
        encoded = pc.dictionary_encode(_column(raw[name]))
        dictionary = book.dictionaries[name]
        first_code = len(dictionary)
        archive_codes, new_values, hashes = dictionary.encode(encoded.dictionary)
        book.dictionaries.write_segment(con, name, first_code, new_values, hashes)
        codes[name] = archive_codes[encoded.indices.to_numpy(zero_copy_only=False)]
    failed_at = raw["failed_at"].astype("Int64").to_numpy(dtype=np.int64, na_value=NAT)
    return PartRows(
        row_id=raw["id"].to_numpy(dtype=np.int64),
        failed_at=failed_at,
        sync_id=raw["sync_id"].to_numpy(dtype=np.int64),
        signature=book.signature_codes(con, codes),
        codes=codes,
        row_key=_column(raw["row_key"]),
        input_row=_column(raw["input_row"]),
    )


def _keep_first_seen(con: sqlite3.Connection, book: Codebook) -> None:
    """first_seen per signature exactly as the old `signatures` table held it."""
    old = pd.read_sql_query("SELECT error_type, object, source_id, first_seen FROM signatures", con)
    first = np.full(len(book.signatures), np.iinfo(np.int64).max, dtype=np.int64)
    if len(old):
        codes = {
            name: book.dictionaries[name].lookup(_column(old[name]))
            for name in ("error_type", "object", "source_id")
        }
        known = (codes["error_type"] >= 0) & (codes["object"] >= 0) & (codes["source_id"] >= 0)
        sig_codes = book.signatures.lookup(signature_keys({k: v[known] for k, v in codes.items()}))
        seen = (
            old["first_seen"].astype("Int64").to_numpy(dtype=np.int64, na_value=np.iinfo(np.int64).max)[known]
        )
        usable = sig_codes >= 0  # a signature without rows has nothing to mark: not kept
        first[sig_codes[usable]] = seen[usable]
    book.replace_first_seen(con, first)


def _move_row_times(con: sqlite3.Connection) -> None:
    con.execute(
        "UPDATE syncs SET stored_at = (SELECT MIN(first_archived) FROM errors e WHERE e.sync_id = syncs.id)"
    )
    con.execute("UPDATE syncs SET stored_at = finished_at WHERE stored_at IS NULL")
    con.execute(
        "UPDATE jobs SET rows_last_seen = (SELECT MAX(last_seen) FROM errors e WHERE e.job_id = jobs.job_id)"
    )


def _column(values: pd.Series) -> pa.Array:
    return texts(pa.array(values.fillna("").astype(str).to_numpy(dtype=object), pa.large_string()))
