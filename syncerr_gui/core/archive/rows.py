"""Column-wise conversion between the error frame and archive rows (Qt-free, vectorised).

Kept apart from `archive.py` so the conversions can be measured and tested on their own:
they are the cost of a store and of rebuilding a frame from SQLite.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from typing import Any

import numpy as np
import pandas as pd

from syncerr_gui.core.frame.schema import COLUMNS, concat_frames, make_frame

logger = logging.getLogger(__name__)

# Frame columns stored in the errors table, in table order (first_seen is derived).
ROW_COLUMNS: tuple[str, ...] = tuple(c for c in COLUMNS if c != "first_seen")
KEY_COLUMNS: tuple[str, ...] = ("job_id", "source", "batch_id", "row_key")
SIGNATURE_COLUMNS: tuple[str, ...] = ("error_type", "object", "source_id")
_NAT = np.iinfo(np.int64).min
_SEP = "\x1f"


def column_values(series: pd.Series) -> list[Any]:
    """A frame column as a list of Python values SQLite accepts (times as ns, NaT as None)."""
    if isinstance(series.dtype, pd.DatetimeTZDtype):
        ns = series.array.asi8
        values: list[Any] = ns.tolist()
        if (ns == _NAT).any():
            values = [None if v == _NAT else v for v in values]
        return values
    if isinstance(series.dtype, pd.CategoricalDtype):
        categories = np.asarray(series.cat.categories, dtype=object)
        return categories[series.cat.codes.to_numpy()].tolist()
    return series.tolist()


def frame_records(frame: pd.DataFrame, ids: np.ndarray, extra: tuple[Any, ...]) -> Iterator[tuple[Any, ...]]:
    """Yield (id, *ROW_COLUMNS, *extra) tuples for executemany, without a per-row Python loop body."""
    columns = [ids.tolist()] + [column_values(frame[c]) for c in ROW_COLUMNS]
    columns += [[value] * len(frame) for value in extra]
    return zip(*columns)


def read_frame(
    con: sqlite3.Connection, where: str = "", params: tuple[Any, ...] = (), chunk_rows: int = 200_000
) -> pd.DataFrame:
    """Read archived rows (ordered by id) into an error frame, in chunks to bound memory.

    Without `first_seen`: that is derived afterwards by `with_first_seen`.
    """
    sql = f"SELECT {', '.join(ROW_COLUMNS)} FROM errors {where} ORDER BY id"
    cursor = con.execute(sql, params)
    parts = []
    while True:
        chunk = cursor.fetchmany(chunk_rows)
        if not chunk:
            break
        raw = pd.DataFrame.from_records(chunk, columns=list(ROW_COLUMNS))
        columns: dict[str, Any] = {c: raw[c] for c in ROW_COLUMNS if c != "failed_at"}
        columns["failed_at"] = _ns_to_utc(raw["failed_at"])
        parts.append(make_frame(columns, length=len(raw)))
    if not parts:
        return make_frame({}, length=0)
    return concat_frames(parts)


def _ns_to_utc(values: pd.Series) -> pd.Series:
    ints = values.astype("Int64").to_numpy(dtype=np.int64, na_value=_NAT)
    return pd.Series(ints).astype("datetime64[ns]").dt.tz_localize("UTC")


def with_first_seen(frame: pd.DataFrame) -> pd.DataFrame:
    """Fill `first_seen`: the earliest `failed_at` of each signature (type + object + source ID).

    Derived from the rows themselves, so it equals the signatures table of the archive the
    rows come from (both are the minimum over the archived rows).
    """
    if not len(frame):
        return frame
    grouped = frame.groupby(list(SIGNATURE_COLUMNS), observed=True, sort=False, dropna=False)
    frame = frame.copy(deep=False)
    frame["first_seen"] = grouped["failed_at"].transform("min")
    return frame


def key_strings(frame: pd.DataFrame, columns: tuple[str, ...] = KEY_COLUMNS) -> pd.Series:
    """One string per row joining `columns` (unit separator), for vectorised set look-ups."""
    parts = [frame[c].astype("str") for c in columns]
    joined = parts[0]
    for part in parts[1:]:
        joined = joined + _SEP + part
    return joined.reset_index(drop=True)
