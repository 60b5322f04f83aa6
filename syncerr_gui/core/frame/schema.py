"""The error frame: one row per job-level or record-level error, columnar (pandas).

Every reader, the archive, filters, the table model and the export agree on this schema.
Strings are pandas "str" (pyarrow-backed) and never missing: an absent value is "".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

JOB_LEVEL = "Job Level"
RECORD_LEVEL = "Record Level"
LEVELS = (JOB_LEVEL, RECORD_LEVEL)

SOURCE_BULK2 = "Bulk API 2.0"
SOURCE_BULK1 = "Bulk API 1.0"
SOURCE_APEX = "Apex"
SOURCES = (SOURCE_BULK2, SOURCE_BULK1, SOURCE_APEX)

# Column name -> meaning. Order is the frame's column order.
COLUMNS: dict[str, str] = {
    "failed_on": f"'{JOB_LEVEL}' or '{RECORD_LEVEL}' (categorical)",
    "failed_at": "when the job finished (systemModstamp / CompletedDate), tz-aware UTC",
    "error_type": "status code, e.g. REQUIRED_FIELD_MISSING; for job-level rows the code or job state",
    "message": "error details: the message Salesforce returned",
    "fields": "fields named by the error, joined with ', ' (may be empty)",
    "object": "sObject (or Apex class for Apex jobs)",
    "operation": "insert, update, upsert, delete, hardDelete (or Apex job type)",
    "salesforce_id": "sf__Id / Id of the record, often empty on inserts",
    "source_id": "the record's ID in the sending system (external ID column or configured list)",
    "job_id": "Bulk job id or AsyncApexJob id",
    "batch_id": "Bulk API 1.0 batch id, else ''",
    "source": f"'{SOURCE_BULK2}', '{SOURCE_BULK1}' or '{SOURCE_APEX}' (categorical)",
    "created_by": "user id that created the job",
    "input_row": "the failed input row as a JSON object text, keys in upload order ('' for job level)",
    "row_key": "stable identity of the row within its job/batch (archive deduplication)",
    "first_seen": "earliest failure of this error signature (type+object+source ID) in the archive; NaT if unknown",
}

CATEGORY_COLUMNS = ("failed_on", "error_type", "object", "operation", "source", "created_by")
TIME_COLUMNS = ("failed_at", "first_seen")
TEXT_COLUMNS = tuple(c for c in COLUMNS if c not in CATEGORY_COLUMNS and c not in TIME_COLUMNS)
STR_DTYPE = "str"

# Headers of the CSV export, in order, with the frame column each comes from.
EXPORT_COLUMNS: dict[str, str] = {
    "Failed On": "failed_on",
    "Failure Date/Time": "failed_at",
    "Error Type": "error_type",
    "Error Details": "message",
    "Object": "object",
    "Operation": "operation",
    "Salesforce ID": "salesforce_id",
    "Source ID": "source_id",
    "Job ID": "job_id",
    "Source": "source",
}


def empty_frame() -> pd.DataFrame:
    """An error frame with no rows and the right dtypes."""
    return make_frame({}, length=0)


def make_frame(columns: Mapping[str, Any], length: int | None = None) -> pd.DataFrame:
    """Build an error frame from column arrays; absent columns become '' (or NaT).

    `columns` may hold scalars (broadcast to `length`) or array-likes of equal length.
    """
    if length is None:
        length = _infer_length(columns)
    data: dict[str, Any] = {}
    for name in COLUMNS:
        value = columns.get(name, "")
        if name in TIME_COLUMNS:
            data[name] = _to_utc(value, length)
        else:
            data[name] = _to_text(value, length, categorical=name in CATEGORY_COLUMNS)
    unknown = set(columns) - set(COLUMNS)
    if unknown:
        raise ValueError(f"unknown error-frame columns: {sorted(unknown)}")
    return pd.DataFrame(data, index=pd.RangeIndex(length))


def concat_frames(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate error frames, keeping the schema (categories are unioned)."""
    frames = [f for f in frames if len(f)]
    if not frames:
        return empty_frame()
    if len(frames) == 1:
        return frames[0].reset_index(drop=True)
    merged = {
        c: pd.concat([f[c].astype(STR_DTYPE) for f in frames], ignore_index=True)
        for c in COLUMNS
        if c not in TIME_COLUMNS
    }
    for c in TIME_COLUMNS:
        merged[c] = pd.concat([f[c] for f in frames], ignore_index=True)
    return make_frame(merged)


def conform(frame: pd.DataFrame) -> pd.DataFrame:
    """Return `frame` with exactly the schema's columns and dtypes (raises on unknown columns)."""
    return make_frame({c: frame[c] for c in frame.columns}, length=len(frame))


def _infer_length(columns: Mapping[str, Any]) -> int:
    for value in columns.values():
        if not np.isscalar(value) and value is not None:
            return len(value)
    return 1 if columns else 0


def _to_utc(value: Any, length: int) -> pd.Series:
    if np.isscalar(value) or value is None or (isinstance(value, str)):
        value = [value if value != "" else None] * length
    series = pd.to_datetime(pd.Series(value), utc=True, errors="coerce")
    return series.astype("datetime64[ns, UTC]").reset_index(drop=True)


def _to_text(value: Any, length: int, *, categorical: bool) -> pd.Series:
    if np.isscalar(value) or value is None:
        series = pd.Series([value if value is not None else ""] * length, dtype=STR_DTYPE)
    else:
        series = pd.Series(value).reset_index(drop=True)
        if series.dtype == object or isinstance(series.dtype, pd.CategoricalDtype):
            series = series.astype(STR_DTYPE).fillna("")
        elif series.dtype != STR_DTYPE:
            series = series.astype(object).where(series.notna(), "").astype(STR_DTYPE)
        else:
            series = series.fillna("")
    return series.astype("category") if categorical else series
