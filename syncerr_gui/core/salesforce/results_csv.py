"""Salesforce result CSVs (Bulk 2.0 `failedResults`, Bulk 1.0 `result`/`request`) -> text columns.

The bodies are UTF-8 but sent as `text/csv` without a charset, so `requests` would decode
them as latin-1 (`Müller` -> `MÃ¼ller`): we decode the bytes ourselves. The delimiter is
read from the header line, because a job created with another columnDelimiter may answer
with it or with a comma.

Parsing is Arrow's CSV reader with every column typed as text: about 4x faster than pandas'
C reader here (no type inference, no Python object per value) and it releases the GIL, so
the GUI thread keeps running. Whatever it refuses (rows shorter or longer than the header,
bytes that are not UTF-8, duplicate or blank header names, an odd number of quotes) goes
through pandas' reader, which fills short rows with "", replaces bad bytes with U+FFFD,
names duplicates `a.1` and refuses a quote left open.
"""

from __future__ import annotations

import csv
import io
import logging

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from syncerr_gui.core.words import say

logger = logging.getLogger(__name__)

BOM = b"\xef\xbb\xbf"
# Salesforce's columnDelimiter values: COMMA, PIPE, SEMICOLON, TAB, CARET, BACKQUOTE.
DELIMITERS = (",", "|", ";", "\t", "^", "`")
TEXT = pa.large_string()
# Arrow refuses a row longer than its block; long text areas can make rows of megabytes.
BLOCK_BYTES = 16 * 1024 * 1024


def read_result_table(body: bytes) -> pa.Table:
    """Parse a result CSV into an Arrow table whose every column is large_string without nulls.

    An empty body gives a table without columns; a header alone, zero rows. A body that is
    not a CSV raises `ValueError` with a sentence for the user; bytes that are not UTF-8
    become U+FFFD rather than losing the whole job's errors.
    """
    body = body.removeprefix(BOM)
    if not body or body.isspace():  # (not strip(): that would copy the whole body)
        return pa.table({})
    header = _header_line(body)
    delimiter = detect_delimiter(header)
    table = _read_arrow(body, delimiter, _header_names(header, delimiter))
    return table if table is not None else frame_table(_read_pandas(body, delimiter))


def read_result_csv(body: bytes) -> pd.DataFrame:
    """`read_result_table` as a DataFrame of str columns (never missing)."""
    return table_frame(read_result_table(body))


def table_frame(table: pa.Table) -> pd.DataFrame:
    """A text table as a DataFrame of pandas str columns (no copy of the texts)."""
    columns = {
        name: pd.Series(pd.array(table.column(i), dtype="str"), copy=False)
        for i, name in enumerate(table.column_names)
    }
    return pd.DataFrame(columns, index=pd.RangeIndex(table.num_rows))


def frame_table(frame: pd.DataFrame) -> pa.Table:
    """A DataFrame of text columns as a table of large_string columns without nulls."""
    return pa.Table.from_arrays(
        [arrow_text(frame.iloc[:, i]) for i in range(frame.shape[1])], names=[str(c) for c in frame.columns]
    )


def _read_arrow(body: bytes, delimiter: str, names: list[str] | None) -> pa.Table | None:
    """Arrow's reader, or None when the body needs pandas' more forgiving rules."""
    if not names or len(set(names)) != len(names) or "" in names:
        return None
    if body.count(b'"') % 2:
        return None  # a quote left open at the end: Arrow would read on to the end, pandas refuses
    try:
        table = pa_csv.read_csv(
            pa.py_buffer(body),
            read_options=pa_csv.ReadOptions(use_threads=False, block_size=BLOCK_BYTES),
            parse_options=pa_csv.ParseOptions(
                delimiter=delimiter,
                quote_char='"',
                double_quote=True,
                escape_char=False,
                newlines_in_values=True,
                ignore_empty_lines=True,
            ),
            convert_options=pa_csv.ConvertOptions(
                column_types=dict.fromkeys(names, TEXT),
                check_utf8=True,
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowException) as exc:
        logger.debug("Arrow CSV reader declined a result file (%s); using pandas", type(exc).__name__)
        return None
    if table.column_names != names or any(t != TEXT for t in table.schema.types):
        return None
    if table.num_columns == 1 and pc.any(pc.utf8_is_space(table.column(0))).as_py():
        return None  # pandas skips lines of spaces as blank; one column is where that shows
    return table


def _read_pandas(body: bytes, delimiter: str) -> pd.DataFrame:
    try:
        frame = pd.read_csv(
            io.BytesIO(body),
            sep=delimiter,
            quotechar='"',
            doublequote=True,
            dtype="str",
            keep_default_na=False,
            na_filter=False,
            engine="c",
            encoding="utf-8",
            encoding_errors="replace",
            skip_blank_lines=True,
            low_memory=False,
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeError, ValueError) as exc:
        raise ValueError(
            say(
                "Salesforce sent a result file that is not a readable CSV ({problem}).",
                problem=_first_line(exc),
            )
        ) from None
    if not isinstance(frame.index, pd.RangeIndex):
        # pandas turns surplus leading fields into an index: rows wider than the header.
        raise ValueError(say("Salesforce sent a result file whose rows have more values than its header."))
    return _text_only(frame)


def _header_names(header: str, delimiter: str) -> list[str] | None:
    """The header's column names as a CSV reader sees them (None if it cannot tell)."""
    try:
        return next(csv.reader([header], delimiter=delimiter, quotechar='"', doublequote=True, strict=True))
    except (csv.Error, StopIteration):
        return None


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
