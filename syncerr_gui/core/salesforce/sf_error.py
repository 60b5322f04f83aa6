"""Split Salesforce error texts into status code, message and fields, a whole column at a time.

`sf__Error` (Bulk 2.0) and `Error` (Bulk 1.0 results) look like
`STATUS_CODE:message that may itself hold colons:Field1,Field2 --`. The split runs as
Arrow compute kernels over the column's distinct values: a million values take a few
hundredths of a second, where a per-value Python loop or pandas' regex `extract` take several.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

logger = logging.getLogger(__name__)

# Job-level messages such as "InvalidBatch : Records not found" lead with an identifier.
LEADING_IDENTIFIER = r"^\s*([A-Za-z][A-Za-z0-9_]*)\s*:"
# Apex ExtendedStatus names the code inside, e.g. "... first error: REQUIRED_FIELD_MISSING, ..."
STATUS_CODE_TOKEN = r"\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b"
_LEADING_IDENTIFIER = re.compile(LEADING_IDENTIFIER)


@dataclass(frozen=True)
class SplitErrors:
    """The three parts of a column of error texts, each a Series of str aligned with the input."""

    error_type: pd.Series
    message: pd.Series
    fields: pd.Series


def split_errors(values: pd.Series) -> SplitErrors:
    """Split `STATUS_CODE:message:fields --` values per the mapping rules (vectorised).

    Two or more colons: code before the first, fields after the last, message between.
    One colon: fields empty, message after it. No colon: code empty, message the value.
    """
    error_type, message, fields = split_error_array(_as_arrow(values))
    return SplitErrors(
        _as_series(error_type, values), _as_series(message, values), _as_series(fields, values)
    )


def split_error_array(text: pa.Array) -> tuple[pa.Array, pa.Array, pa.Array]:
    """`split_errors` on an Arrow (large_)string array without nulls: (code, message, fields).

    Error texts repeat (a job's rows mostly share a handful of messages), so each distinct
    text is split once and the parts are spread back with one `take`: a million rows cost
    one hash pass instead of a dozen string kernels over every row.
    """
    return split_encoded_errors(pc.dictionary_encode(text))


def split_distinct_errors(values: pa.Array) -> tuple[pa.Array, pa.Array, pa.Array]:
    """The split of each value of an array of distinct texts (a dictionary), aligned with it."""
    return _split_each(values)


def split_encoded_errors(encoded: pa.DictionaryArray) -> tuple[pa.Array, pa.Array, pa.Array]:
    """`split_error_array` of dictionary-encoded texts (the caller may reuse the encoding)."""
    if len(encoded.dictionary) * 2 > len(encoded):
        return _split_each(encoded.dictionary.take(encoded.indices))
    code, message, fields = _split_each(encoded.dictionary)
    return pc.take(code, encoded.indices), pc.take(message, encoded.indices), pc.take(fields, encoded.indices)


def _split_each(text: pa.Array) -> tuple[pa.Array, pa.Array, pa.Array]:
    """The split rule applied to every value."""
    empty, colon = pa.scalar("", text.type), pa.scalar(":", text.type)
    has_colon = pc.greater_equal(pc.find_substring(text, ":"), 0)
    # Give colon-less values a leading ":" so one split yields (code="", rest=value).
    head = pc.split_pattern(_pad_where_missing(text, has_colon, empty, colon, front=True), ":", max_splits=1)
    error_type, rest = pc.utf8_trim_whitespace(pc.list_element(head, 0)), pc.list_element(head, 1)
    has_second = pc.and_(has_colon, pc.greater_equal(pc.find_substring(rest, ":"), 0))
    tail = pc.split_pattern(
        _pad_where_missing(rest, has_second, empty, colon, front=False), ":", max_splits=1, reverse=True
    )
    message = pc.utf8_trim_whitespace(pc.list_element(tail, 0))
    fields = _clean_fields(pc.list_element(tail, 1))
    if not pc.all(has_second).as_py():
        fields = pc.if_else(has_second, fields, empty)
        one_colon = pc.and_(has_colon, pc.invert(has_second))
        message = pc.if_else(has_second, message, pc.if_else(one_colon, _strip_dashes(rest), text))
    return error_type, message, fields


def _pad_where_missing(
    text: pa.Array, has: pa.Array, empty: pa.Scalar, colon: pa.Scalar, *, front: bool
) -> pa.Array:
    """Add a ":" (in front or at the end) to values without one, so a split gives two parts."""
    if pc.all(has).as_py() in (True, None):
        return text
    padded = (
        pc.binary_join_element_wise(empty, text, colon)
        if front
        else pc.binary_join_element_wise(text, empty, colon)
    )
    return pc.if_else(has, text, padded)


def leading_identifier(messages: pd.Series, fallback: pd.Series | str) -> pd.Series:
    """The identifier before a leading `:` of each message, else `fallback` (job-level rule)."""
    found = _as_text(messages).str.extract(LEADING_IDENTIFIER, expand=False)
    return found.fillna(_fallback(fallback, messages)).astype("str")


def leading_identifier_of(message: str, fallback: str) -> str:
    """`leading_identifier` of one message (a job-level row: no frame machinery per job)."""
    found = _LEADING_IDENTIFIER.match(message)
    return found.group(1) if found else fallback


def first_status_code(texts: pd.Series, fallback: pd.Series | str) -> pd.Series:
    """The first STATUS_CODE-like token in each text, else `fallback` (Apex rule)."""
    found = _as_text(texts).str.extract(STATUS_CODE_TOKEN, expand=False)
    return found.fillna(_fallback(fallback, texts)).astype("str")


def _clean_fields(raw: pa.Array) -> pa.Array:
    """`Name,Email --` -> `Name, Email`: drop the trailing `--` and empty items, join with `", "`."""
    stripped = _strip_dashes(raw)
    if not pc.any(pc.match_substring(stripped, ",")).as_py():
        return stripped
    joined = pc.replace_substring_regex(stripped, r"\s*,[\s,]*", ", ")
    return pc.utf8_trim(joined, ", ")


def _strip_dashes(raw: pa.Array) -> pa.Array:
    """Remove the trailing `--` (and the spaces around it) that Salesforce appends."""
    trimmed = pc.utf8_trim_whitespace(raw)
    dashed = pc.ends_with(trimmed, "--")
    if not pc.any(dashed).as_py():
        return trimmed
    cut = pc.utf8_trim_whitespace(pc.utf8_slice_codeunits(trimmed, 0, -2))
    return pc.if_else(dashed, cut, trimmed)


def _as_arrow(values: pd.Series) -> pa.Array:
    text = values.astype("str").fillna("") if values.dtype != "str" else values.fillna("")
    array = pa.array(text)
    return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array


def _as_series(array: pa.Array | pa.ChunkedArray, like: pd.Series) -> pd.Series:
    return pd.Series(pd.array(array, dtype="str"), index=like.index)


def _as_text(values: pd.Series) -> pd.Series:
    return values.astype("str").fillna("")


def _fallback(fallback: pd.Series | str, like: pd.Series) -> pd.Series:
    if isinstance(fallback, str):
        return pd.Series(fallback, index=like.index, dtype="str")
    return fallback.astype("str").fillna("").set_axis(like.index)
