"""The error frame: one row per job-level or record-level error, columnar (pandas).

Every reader, the archive, filters, the table model and the export agree on this schema.
Strings are pandas "str" (pyarrow-backed) and never missing: an absent value is "".
Text columns are categorical (dictionary-encoded): a message or a job id is held once
however many rows carry it, and filters, sorts and searches work on the codes. Each row's failed input row and archive identity (`row_key`) are not in the frame:
they sit beside it in a `RowDetails` (`row_details.py`), found by the row's `row_id`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

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
    "job_state": "job-level rows: the job's state (Bulk 1.0: the batch's), e.g. Failed, Aborted; else ''",
    "source": f"'{SOURCE_BULK2}', '{SOURCE_BULK1}' or '{SOURCE_APEX}' (categorical)",
    "created_by": "user id that created the job",
    "external_id_field": "the job's external-ID field (Bulk `externalIdFieldName`, upserts), else ''",
    "reloaded_in": "job id of the reload that loaded this failed row successfully, else '' (archive)",
    "reload_of": "for an error of a reload job: the job id of the original error it retried, else ''",
    "first_seen": "earliest failure of this error signature (type+object+source ID) in the archive; NaT if unknown",
    "row_id": "int64, unique in the frame: where its RowDetails (input row, row key) find the row",
}

# Categorical (dictionary-encoded): every text column (values repeat across rows: a record
# that fails daily has the same Salesforce and source IDs each time).
CATEGORY_COLUMNS = (
    "failed_on",
    "error_type",
    "message",
    "fields",
    "object",
    "operation",
    "salesforce_id",
    "source_id",
    "job_id",
    "batch_id",
    "job_state",
    "source",
    "created_by",
    "external_id_field",
    "reloaded_in",
    "reload_of",
)
# Filled when an archive loads its frame, from its reload tables (never stored in parts).
RELOAD_COLUMNS = ("reloaded_in", "reload_of")
TIME_COLUMNS = ("failed_at", "first_seen")
ID_COLUMN = "row_id"
TEXT_COLUMNS = tuple(
    c for c in COLUMNS if c not in CATEGORY_COLUMNS and c not in TIME_COLUMNS and c != ID_COLUMN
)
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
    "Reloaded In": "reloaded_in",
    "Reload Of": "reload_of",
}


def empty_frame() -> pd.DataFrame:
    """An error frame with no rows and the right dtypes."""
    return make_frame({}, length=0)


def make_frame(columns: Mapping[str, Any], length: int | None = None) -> pd.DataFrame:
    """Build an error frame from column arrays; absent columns become '' (or NaT).

    `columns` may hold scalars (broadcast to `length`) or array-likes of equal length; an
    Arrow dictionary array becomes its categorical without re-hashing its values. Without
    `row_id` the rows are numbered 0, 1, 2…
    """
    if length is None:
        length = _infer_length(columns)
    data: dict[str, Any] = {}
    for name in COLUMNS:
        value = columns.get(name, "")
        if name in TIME_COLUMNS:
            data[name] = _to_utc(value, length)
        elif name == ID_COLUMN:
            data[name] = _to_ids(columns.get(name), length)
        elif name in CATEGORY_COLUMNS:
            data[name] = _to_category(value, length)
        else:
            data[name] = _to_text(value, length)
    unknown = set(columns) - set(COLUMNS)
    if unknown:
        raise ValueError(f"unknown error-frame columns: {sorted(unknown)}")
    return pd.DataFrame(data, index=pd.RangeIndex(length))


def concat_frames(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate error frames, keeping the schema (dictionaries are unified, row ids kept)."""
    frames = [f for f in frames if len(f)]
    if not frames:
        return empty_frame()
    if len(frames) == 1:
        return frames[0].reset_index(drop=True)
    merged: dict[str, Any] = {}
    for c in COLUMNS:
        if c in CATEGORY_COLUMNS:
            merged[c] = pa.chunked_array([as_dictionary(f[c]) for f in frames])
        elif c == ID_COLUMN:
            merged[c] = np.concatenate([f[c].to_numpy(dtype=np.int64) for f in frames])
        elif c in TIME_COLUMNS:
            merged[c] = pd.concat([f[c] for f in frames], ignore_index=True)
        else:
            merged[c] = pd.concat([f[c].astype(STR_DTYPE) for f in frames], ignore_index=True)
    return make_frame(merged)


def codes_and_values(column: pd.Series) -> tuple[np.ndarray, pa.Array]:
    """A categorical column as (int codes, -1 = missing; its distinct values as an Arrow array,
    possibly chunked: an archive's dictionaries come in segments).

    Zero-copy: filters, sorts and searches work on these instead of the strings.
    """
    values = column.cat.categories
    try:
        dictionary = pa.array(values.array)
    except (TypeError, pa.ArrowInvalid):
        dictionary = pa.array(np.asarray(values, dtype=object).astype(str), pa.large_string())
    return np.asarray(column.array.codes), dictionary  # `.cat.codes` would copy them


def flat(values: pa.Array | pa.ChunkedArray) -> pa.Array:
    """One contiguous array (a copy only when `values` is in several chunks)."""
    if isinstance(values, pa.ChunkedArray):
        return values.combine_chunks() if values.num_chunks != 1 else values.chunk(0)
    return values


def times_ns(column: pd.Series) -> np.ndarray:
    """A time column as int64 ns since the epoch (NaT = min int64), without a copy when it
    already is in ns (`.dt.as_unit("ns")` copies ten million values even then)."""
    array = column.array
    if getattr(array, "unit", None) != "ns":
        array = column.dt.as_unit("ns").array
    ns: np.ndarray = array.asi8
    return ns


def utc_times(ns: np.ndarray) -> pd.Series:
    """int64 ns since the epoch as a tz-aware UTC column, sharing the array (no copy)."""
    values = np.asarray(ns, dtype=np.int64).view("datetime64[ns]")
    simple_new = getattr(pd.arrays.DatetimeArray, "_simple_new", None)
    if simple_new is not None:
        return pd.Series(simple_new(values, dtype=pd.DatetimeTZDtype(tz="UTC")), copy=False)
    return pd.Series(values).dt.tz_localize("UTC")


def as_dictionary(column: pd.Series) -> pa.DictionaryArray:
    """A categorical column as an Arrow dictionary array (int32 codes; missing = null)."""
    codes, dictionary = codes_and_values(column)
    return pa.DictionaryArray.from_arrays(pa.array(codes.astype(np.int32), mask=codes < 0), flat(dictionary))


def categorical(codes: np.ndarray, dictionary: pa.Array | pa.ChunkedArray) -> pd.Series:
    """A categorical column from codes into `dictionary`, whose values must be distinct.

    pandas checks a new category list for duplicates by hashing every value (seconds for
    the millions of distinct messages of a large archive); our dictionaries are distinct
    by construction (Arrow's encoder, the archive's), so that check is skipped.
    """
    categories = pd.Index(pd.array(dictionary, dtype=STR_DTYPE), copy=False)
    fast = getattr(pd.CategoricalDtype, "_from_fastpath", None)
    dtype = fast(categories, False) if fast is not None else pd.CategoricalDtype(categories)
    codes = np.asarray(codes)
    codes = codes.astype(code_dtype(len(dictionary)), copy=False)
    return pd.Series(pd.Categorical.from_codes(codes, dtype=dtype, validate=False), copy=False)


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


def _to_ids(value: Any, length: int) -> pd.Series:
    if value is None or (np.isscalar(value) and value == ""):
        return pd.Series(np.arange(length, dtype=np.int64))
    return pd.Series(np.asarray(value, dtype=np.int64)).reset_index(drop=True)


def _to_category(value: Any, length: int) -> pd.Series:
    """A categorical column: Arrow dictionaries as they are, constants as one value, else encoded."""
    if np.isscalar(value) or value is None:
        text = "" if value is None else str(value)
        return categorical(np.zeros(length, dtype=np.int8), pa.array([text], pa.large_string()))
    if isinstance(value, pa.ChunkedArray) and pa.types.is_dictionary(value.type):
        value = value.unify_dictionaries().combine_chunks() if value.num_chunks != 1 else value.chunk(0)
    if isinstance(value, pa.DictionaryArray):
        return _from_dictionary(value)
    if isinstance(value, pd.Series | pd.Categorical) and isinstance(value.dtype, pd.CategoricalDtype):
        return _from_dictionary(as_dictionary(pd.Series(value, copy=False).reset_index(drop=True)))
    text = _to_text(value, length)
    encoded = pc.dictionary_encode(pa.array(text.array))
    if isinstance(encoded, pa.ChunkedArray):
        encoded = encoded.combine_chunks()
    return _from_dictionary(encoded)


def _from_dictionary(array: pa.DictionaryArray) -> pd.Series:
    """A categorical Series of an Arrow dictionary array; nulls read as ""."""
    dictionary = array.dictionary
    if not pa.types.is_large_string(dictionary.type):
        dictionary = dictionary.cast(pa.large_string())
    codes = array.indices.to_numpy(zero_copy_only=False)
    if array.null_count or dictionary.null_count:
        codes, dictionary = _without_nulls(array, codes, dictionary)
    return categorical(codes, dictionary)


def _without_nulls(
    array: pa.DictionaryArray, codes: np.ndarray, dictionary: pa.Array
) -> tuple[np.ndarray, pa.Array]:
    """Codes and values where a null (row or dictionary value) is the value "" (absent)."""
    dictionary = pc.fill_null(dictionary, "")
    empty = pc.index(dictionary, "").as_py()
    if empty < 0:
        dictionary = pa.concat_arrays([dictionary, pa.array([""], pa.large_string())])
        empty = len(dictionary) - 1
    codes = np.where(array.is_null().to_numpy(zero_copy_only=False), empty, codes)
    duplicates = pc.equal(dictionary, "").to_numpy(zero_copy_only=False)
    if duplicates.sum() > 1:  # a null value and "" both: one code for both
        lut = np.arange(len(dictionary))
        lut[duplicates] = empty
        codes = lut[codes]
    return codes, dictionary


def code_dtype(size: int) -> type[np.signedinteger[Any]]:
    """The narrowest code type pandas would choose for `size` categories."""
    for dtype in (np.int8, np.int16, np.int32):
        if size < np.iinfo(dtype).max:
            return dtype
    return np.int64


def _to_text(value: Any, length: int) -> pd.Series:
    if np.isscalar(value) or value is None:
        return pd.Series([value if value is not None else ""] * length, dtype=STR_DTYPE)
    if isinstance(value, pa.Array | pa.ChunkedArray) and pa.types.is_dictionary(value.type):
        value = (
            pc.cast(value, pa.large_string())
            if isinstance(value, pa.Array)
            else value.cast(pa.large_string())
        )
    if isinstance(value, pa.Array | pa.ChunkedArray):
        return pd.Series(pd.array(value, dtype=STR_DTYPE)).fillna("")
    series = pd.Series(value).reset_index(drop=True)
    if series.dtype == object or isinstance(series.dtype, pd.CategoricalDtype):
        return series.astype(STR_DTYPE).fillna("")
    if series.dtype != STR_DTYPE:
        return series.astype(object).where(series.notna(), "").astype(STR_DTYPE)
    return series.fillna("")
