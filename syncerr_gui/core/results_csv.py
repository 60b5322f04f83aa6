"""Salesforce result CSVs (Bulk 2.0 `failedResults`, Bulk 1.0 `result`/`request`) -> DataFrame.

The bodies are UTF-8 but sent as `text/csv` without a charset, so `requests` would decode
them as latin-1 (`Müller` -> `MÃ¼ller`): we decode the bytes ourselves. The delimiter is
read from the header line, because a job created with another columnDelimiter may answer
with it or with a comma. Parsing is pandas' C reader: a million rows in about a second.
"""

from __future__ import annotations

import io
import json
import logging
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

logger = logging.getLogger(__name__)

BOM = b"\xef\xbb\xbf"
# Salesforce's columnDelimiter values: COMMA, PIPE, SEMICOLON, TAB, CARET, BACKQUOTE.
DELIMITERS = (",", "|", ";", "\t", "^", "`")


def read_result_csv(body: bytes) -> pd.DataFrame:
    """Parse a result CSV into a DataFrame whose every column is str (never missing).

    An empty body or a header alone gives zero rows. A body that is not a CSV raises
    `ValueError` with a sentence for the user; bytes that are not UTF-8 become U+FFFD
    rather than losing the whole job's errors.
    """
    if body.startswith(BOM):
        body = body[len(BOM):]
    if not body.strip():
        return pd.DataFrame()
    delimiter = detect_delimiter(_header_line(body))
    try:
        frame = pd.read_csv(
            io.BytesIO(body), sep=delimiter, quotechar='"', doublequote=True, dtype="str",
            keep_default_na=False, na_filter=False, engine="c",
            encoding="utf-8", encoding_errors="replace", skip_blank_lines=True, low_memory=False,
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeError, ValueError) as exc:
        raise ValueError(f"Salesforce sent a result file that is not a readable CSV ({_first_line(exc)}).") \
            from None
    if not isinstance(frame.index, pd.RangeIndex):
        # pandas turns surplus leading fields into an index: rows wider than the header.
        raise ValueError("Salesforce sent a result file whose rows have more values than its header.")
    return _text_only(frame)


def detect_delimiter(header: str) -> str:
    """The candidate delimiter that occurs most often outside quotes in the header line.

    Ties and a one-column header fall back to a comma, the API's default.
    """
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in header:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _header_line(body: bytes) -> str:
    """The first line, decoded (header names do not contain line breaks)."""
    end = body.find(b"\n")
    line = body[: end if end >= 0 else min(len(body), 1 << 20)]
    return line.rstrip(b"\r").decode("utf-8", errors="replace")


def _text_only(frame: pd.DataFrame) -> pd.DataFrame:
    """Short rows leave NaN even with na_filter off; make every cell a str (one check per file)."""
    frame.columns = [str(c) for c in frame.columns]
    if frame.isna().to_numpy().any():
        frame = frame.fillna("")
    return frame


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]


# What json.dumps(..., ensure_ascii=False) escapes, besides rarer control characters.
_JSON_ESCAPES = (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t"),
                 ("\b", "\\b"), ("\f", "\\f"))
_RARE_CONTROL = "[\x00-\x07\x0b\x0e-\x1f]"
_NEEDS_ESCAPE = '[\x00-\x1f"\\\\]'


def input_rows_json(frame: pd.DataFrame, columns: list[str]) -> pd.Series:
    """Each row's `columns` as JSON object text, keys in `columns` order, values strings.

    Byte-identical to `json.dumps(dict(row), ensure_ascii=False)`, but built with Arrow
    kernels: every column is escaped in one pass over their concatenation, then one
    kernel joins keys and values, so the cost hardly depends on the number of columns.
    """
    return pd.Series(pd.array(input_rows_arrow(frame, columns), dtype="str"), index=frame.index)


def input_rows_arrow(frame: pd.DataFrame, columns: list[str]) -> pa.Array:
    """`input_rows_json` as an Arrow large_string array (what the engine keeps per job)."""
    rows = len(frame)
    if not columns or not rows:
        return pa.repeat(pa.scalar("{}", pa.large_string()), rows)
    escaped = _json_escape(pa.concat_arrays([arrow_text(frame[name]) for name in columns]))
    parts: list[pa.Array | pa.Scalar] = []
    for i, name in enumerate(columns):
        key = json.dumps(str(name), ensure_ascii=False)
        parts.append(pa.scalar(("{" if i == 0 else ", ") + key + ': "', pa.large_string()))
        parts.append(escaped.slice(i * rows, rows))
        parts.append(pa.scalar('"', pa.large_string()))
    parts.append(pa.scalar("}", pa.large_string()))
    return pc.binary_join_element_wise(*parts, pa.scalar("", pa.large_string()))


def arrow_text(column: pd.Series) -> pa.Array:
    """A column as one large_string Arrow array (zero-copy for pandas' Arrow-backed str)."""
    if column.dtype != "str":
        column = column.astype("str")
    array = pa.array(column)
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    if array.null_count:
        array = pc.fill_null(array, "")
    return array if array.type == pa.large_string() else array.cast(pa.large_string())


def _json_escape(array: pa.Array) -> pa.Array:
    """The JSON string-body escape of every value (no surrounding quotes).

    Only the values that hold a quote, backslash or control character are rewritten, so
    the cost follows the few hostile values, not the whole column.
    """
    needs = pc.match_substring_regex(array, _NEEDS_ESCAPE)
    if not pc.any(needs).as_py():
        return array
    subset = pc.filter(array, needs)
    for raw, escaped in _JSON_ESCAPES:
        subset = pc.replace_substring(subset, raw, escaped)
    rare = pc.match_substring_regex(subset, _RARE_CONTROL)
    if pc.any(rare).as_py():
        # Rare enough (NUL, BEL, ESC...) that a loop over just those values is fine.
        fixed = [re.sub(_RARE_CONTROL, lambda m: f"\\u{ord(m.group()):04x}", v)
                 for v in pc.filter(subset, rare).to_pylist()]
        subset = pc.replace_with_mask(subset, rare, pa.array(fixed, pa.large_string()))
    return pc.replace_with_mask(array, needs, subset)


def occurrence_keys(*columns: pd.Series, group: pd.Series | None = None) -> pd.Series:
    """Stable per-row identity: a 64-bit hash of the columns in hex, `:`, and a counter.

    Two identical failed rows in one job are distinct errors; the counter (counted within
    `group`, e.g. the job, when given) keeps them apart while the key stays the same when
    the job is read again (archive deduplication).
    """
    arrays = [arrow_text(c.reset_index(drop=True)) for c in columns]
    owner = None if group is None else pd.factorize(group)[0]
    keys = row_keys(*arrays, group=owner)
    return pd.Series(pd.array(keys, dtype="str"), index=columns[0].index)


def row_keys(*columns: pa.Array | pa.ChunkedArray, group: np.ndarray | None = None) -> pa.Array:
    """`occurrence_keys` on Arrow columns: the texts joined by a unit separator, hashed once."""
    joined = columns[0] if len(columns) == 1 else \
        pc.binary_join_element_wise(*columns, pa.scalar("\x1f", pa.large_string()))
    hashes = pd.util.hash_pandas_object(pd.Series(pd.array(joined, dtype="str")), index=False).to_numpy()
    identity = pd.DataFrame({"h": hashes} if group is None else {"g": group, "h": hashes})
    if identity.duplicated().any():
        counter = identity.groupby(list(identity.columns), sort=False).cumcount().astype("str").to_numpy()
        suffix: pa.Array | pa.Scalar = pa.array(counter, pa.large_string())
    else:
        suffix = pa.scalar("0", pa.large_string())
    return pc.binary_join_element_wise(_hex64(hashes), suffix, _COLON)


_COLON = pa.scalar(":", pa.large_string())


def _hex64(values: np.ndarray) -> pa.Array:
    """uint64 values as 16-digit lowercase hex strings, without a per-value Python call."""
    digits = values.astype(">u8").tobytes().hex().encode("ascii")
    offsets = np.arange(len(values) + 1, dtype=np.int64) * 16
    return pa.LargeStringArray.from_buffers(len(values), pa.py_buffer(offsets), pa.py_buffer(digits))
