"""`input_row`: each failed input row as JSON object text, built a whole column at a time.

Byte-identical to `json.dumps(dict(row), ensure_ascii=False)` (keys in upload order, values
strings), but made of Arrow kernels that release the GIL: the columns that hold a quote,
backslash or control character are escaped (only those values, only the replacements that
occur), then one kernel joins keys and values. A byte lookup in NumPy tells which columns
need escaping, so the common clean column costs one pass over its bytes and no copy.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

logger = logging.getLogger(__name__)

# What json.dumps(..., ensure_ascii=False) escapes, besides rarer control characters.
_JSON_ESCAPES = (
    ("\\", "\\\\"),
    ('"', '\\"'),
    ("\n", "\\n"),
    ("\r", "\\r"),
    ("\t", "\\t"),
    ("\b", "\\b"),
    ("\f", "\\f"),
)
_RARE_CONTROL = "[\x00-\x07\x0b\x0e-\x1f]"
_NEEDS_ESCAPE = '[\x00-\x1f"\\\\]'
_ESCAPED_BYTE = np.zeros(256, dtype=bool)
_ESCAPED_BYTE[:0x20] = True
_ESCAPED_BYTE[[ord('"'), ord("\\")]] = True
_EMPTY = pa.scalar("", pa.large_string())
# Salesforce objects have at most ~800 custom fields; a wider result is kept up to this.
MAX_INPUT_COLUMNS = 1000
NOT_KEPT_KEY = "(columns not kept)"
CHUNK_ROWS = 16_384


def input_rows_arrow(table: pa.Table, columns: list[str]) -> pa.Array:
    """Each row's `columns` of `table` as JSON object text, one large_string Arrow array."""
    return json_objects(columns, [table[name] for name in columns], table.num_rows)


def input_rows_json(frame: pd.DataFrame, columns: list[str]) -> pd.Series:
    """`input_rows_arrow` for a DataFrame of text columns, as a str Series on its index."""
    arrays = [_text(frame[name]) for name in columns]
    array = json_objects([str(c) for c in columns], arrays, len(frame))
    return pd.Series(pd.array(array, dtype="str"), index=frame.index)


def json_objects(names: Sequence[str], columns: Sequence[pa.Array | pa.ChunkedArray], rows: int) -> pa.Array:
    """`{"name": "value", ...}` per row from aligned text columns (nulls read as "").

    One job cannot take the machine: a result with thousands of columns keeps the first
    `MAX_INPUT_COLUMNS` and says how many more there were under the key `NOT_KEPT_KEY`, and
    the text is built `CHUNK_ROWS` rows at a time (each chunk's escaped copies are freed
    before the next), so the peak is the result itself plus one chunk's work.
    """
    if not names or not rows:
        return pa.repeat(pa.scalar("{}", pa.large_string()), rows)
    dropped = max(0, len(names) - MAX_INPUT_COLUMNS)
    names, columns = list(names[:MAX_INPUT_COLUMNS]), [_single(c) for c in columns[:MAX_INPUT_COLUMNS]]
    if dropped:
        logger.warning(
            "A result of %d columns: the input rows keep the first %d", len(names) + dropped, len(names)
        )
        names.append(NOT_KEPT_KEY)
        columns.append(
            pa.repeat(pa.scalar(f"{dropped:,} more columns were not kept", pa.large_string()), rows)
        )
    chunks = [
        _objects(names, [c.slice(start, CHUNK_ROWS) for c in columns]) for start in range(0, rows, CHUNK_ROWS)
    ]
    return chunks[0] if len(chunks) == 1 else pa.concat_arrays(chunks)


def _objects(names: Sequence[str], columns: Sequence[pa.Array]) -> pa.Array:
    parts: list[pa.Array | pa.Scalar] = []
    for i, (name, column) in enumerate(zip(names, columns)):
        key = json.dumps(str(name), ensure_ascii=False)
        parts.append(pa.scalar(("{" if i == 0 else '", ') + key + ': "', pa.large_string()))
        parts.append(json_escape(column))
    parts.append(pa.scalar('"}', pa.large_string()))
    return pc.binary_join_element_wise(*parts, _EMPTY)


def json_escape(array: pa.Array) -> pa.Array:
    """The JSON string-body escape of every value (no surrounding quotes).

    Only the values that hold a quote, backslash or control character are rewritten, and
    only with the replacements whose character occurs.
    """
    present = _escaped_bytes_present(array)
    if not present:
        return array
    needs = pc.match_substring_regex(array, _NEEDS_ESCAPE)
    subset = pc.filter(array, needs)
    for raw, escaped in _JSON_ESCAPES:
        if ord(raw) in present:
            subset = pc.replace_substring(subset, raw, escaped)
    if any(code < 0x20 and chr(code) not in "\n\r\t\b\f" for code in present):
        subset = _escape_rare_controls(subset)
    return pc.replace_with_mask(array, needs, subset)


def _escaped_bytes_present(array: pa.Array) -> set[int]:
    """The byte values needing escape that occur in the array's texts (usually none)."""
    data = array.buffers()[2]
    if data is None or not len(array):
        return set()
    offsets = np.frombuffer(array.buffers()[1], dtype=np.int64, count=len(array) + 1, offset=array.offset * 8)
    raw = np.frombuffer(data, dtype=np.uint8, count=int(offsets[-1] - offsets[0]), offset=int(offsets[0]))
    flagged = _ESCAPED_BYTE[raw]
    if not flagged.any():
        return set()
    return set(np.unique(raw[flagged]).tolist())


def _escape_rare_controls(subset: pa.Array) -> pa.Array:
    """NUL, BEL, ESC... as \\u00XX; rare enough that a loop over just those values is fine."""
    rare = pc.match_substring_regex(subset, _RARE_CONTROL)
    fixed = [
        re.sub(_RARE_CONTROL, lambda m: f"\\u{ord(m.group()):04x}", v)
        for v in pc.filter(subset, rare).to_pylist()
    ]
    return pc.replace_with_mask(subset, rare, pa.array(fixed, pa.large_string()))


def _single(column: pa.ChunkedArray | pa.Array) -> pa.Array:
    """One large_string array without nulls."""
    array = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    if array.type != pa.large_string():
        array = array.cast(pa.large_string())
    return pc.fill_null(array, "") if array.null_count else array


def _text(column: pd.Series) -> pa.Array:
    if column.dtype != "str":
        column = column.astype("str")
    return _single(pa.array(column.reset_index(drop=True)))
