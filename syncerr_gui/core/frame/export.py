"""CSV export of an error frame: neutralised against spreadsheet formulas, written atomically.

The rows are written in the order given (the GUI passes the positions it shows, in the order
shown), a chunk at a time: a ten-million-row export never copies the frame. The failed input
row, which is not in the frame, is read in bulk per chunk from the frame's `RowDetails`.
The file is UTF-8 without a BOM, one header row, RFC 4180 with CRLF line ends; a value is
quoted when it needs it (Arrow's writer: ten times faster than the csv module at a million rows).
"For Excel" (`bom=True`, `delimiter=excel_delimiter(...)`): Excel reads a CSV file as UTF-8 only
when it starts with a BOM, and splits it on the list separator of the user's locale, which
is ";" where the decimal separator is a comma (French, German…).
A value a spreadsheet would run as a formula (leading ``=``, ``+``, ``-``, ``@``, tab or CR) is
prefixed with ``'``. The data go to a temporary file in the target folder that is renamed over
the target only when complete, so a failure or a cancel never leaves a half-written file.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
from collections.abc import Callable, Mapping
from datetime import tzinfo
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from syncerr_gui.core.exceptions import ExportCancelled, ExportError
from syncerr_gui.core.frame import schema
from syncerr_gui.core.frame.long_cells import ExportedRows, check_long_cells
from syncerr_gui.core.frame.out_target import resolve_out
from syncerr_gui.core.frame.row_details import INPUT_ROW, NO_DETAILS, RowDetails
from syncerr_gui.core.frame.temp_files import remove_stale, temp_beside
from syncerr_gui.core.words import say

logger = logging.getLogger(__name__)

CHUNK_ROWS = 100_000
FORMULA_PATTERN = r"^[=+\-@\t\r]"
UTF8_BOM = b"\xef\xbb\xbf"

INPUT_ROW_HEADER = "Input Row"
# The export columns plus each record-level row's failed input row (JSON object text).
EXPORT_COLUMNS_WITH_INPUT: dict[str, str] = {**schema.EXPORT_COLUMNS, INPUT_ROW_HEADER: INPUT_ROW}

ProgressCallback = Callable[[int, int], None]


def export_csv(
    frame: pd.DataFrame,
    path: str | os.PathLike[str],
    *,
    tz: tzinfo | None = None,
    columns: Mapping[str, str] = schema.EXPORT_COLUMNS,
    rows: np.ndarray | None = None,
    details: RowDetails = NO_DETAILS,
    progress: ProgressCallback | None = None,
    cancel: Any = None,
    bom: bool = False,
    delimiter: str = ",",
    replace_read_only: bool = False,
    excel_cells: bool = False,
) -> ExportedRows:
    """Write `frame`'s rows to `path` as CSV and return how many rows were written.

    `bom` starts the file with a UTF-8 byte order mark and `delimiter` separates the values
    (both for Excel: see the module's docstring). An existing target keeps its mode; a
    read-only one is refused unless `replace_read_only`; a symlink is written through
    (`out_target`). Returns the rows written and the cells over Excel's limit, which
    `excel_cells` (the Excel preset) cuts with a marker (`long_cells`).

    `columns` maps each header to the frame column it comes from, in output order
    (`input_row`: read from `details`). `rows`: the frame positions to write, in order
    (default: all). Times are ISO 8601 with their UTC offset, in `tz` when given, else in
    UTC. `progress(done, total)` is called after each chunk; `cancel` (a callable, or an
    object with ``is_set()`` / ``is_cancelled()`` / ``cancelled``) is polled between chunks.
    Raises ExportError (ExportCancelled on cancel) with nothing written at `path`.
    """
    missing = [c for c in columns.values() if c not in frame.columns and c != INPUT_ROW]
    if missing:
        raise ValueError(f"export columns not in the frame: {missing}")
    resolved = resolve_out(path, replace_read_only=replace_read_only)
    target = resolved.path
    order = np.arange(len(frame), dtype=np.int64) if rows is None else np.asarray(rows, dtype=np.int64)
    total = len(order)
    tmp_path, out = _open_temp(target)
    try:
        with out:
            if os.name == "posix":  # the user's file: its own mode, or their umask's, never the app's
                os.fchmod(out.fileno(), resolved.mode)
            if bom:
                out.write(UTF8_BOM)
            source = _Source(frame, order, details)
            long = _write_rows(out, source, columns, tz, progress, cancel, delimiter, excel_cells)
        _replace(tmp_path, target)
    except BaseException as exc:
        _remove_quietly(tmp_path)
        if isinstance(exc, OSError):
            raise ExportError(describe_os_error(exc, target)) from exc
        raise
    logger.info("exported %d rows to a CSV file (%d cells over Excel's limit)", total, long)
    return ExportedRows(total, long, cut=excel_cells)


def excel_delimiter(decimal_point: str) -> str:
    """The list separator Excel expects where numbers are written with `decimal_point`."""
    return ";" if decimal_point == "," else ","


class TargetInUse(OSError):
    """The finished file could not replace the target: another program holds it open (on
    Windows, Excel locks the files it has open) or it is write-protected."""


def _replace(tmp_path: Path, target: Path) -> None:
    """Rename the finished file over `target`. The folder is writable (the file beside it was
    just written), so being refused here means the target itself is held or protected."""
    try:
        os.replace(tmp_path, target)
    except PermissionError as exc:
        raise TargetInUse(exc.errno, exc.strerror or str(exc)) from exc


def write_csv_table(table: pa.Table, path: str | os.PathLike[str]) -> None:
    """Write a small table of text columns (already neutralised) to `path` as CSV, atomically,
    with the user's file mode; ExportError with nothing written at `path` on failure. The
    header (the app's own plain words) is written unquoted."""
    resolved = resolve_out(path)
    target = resolved.path
    tmp_path, out = _open_temp(target)
    options = pa_csv.WriteOptions(include_header=False, quoting_style="needed", eol="\r\n")
    try:
        with out:
            if os.name == "posix":
                os.fchmod(out.fileno(), resolved.mode)
            out.write((",".join(table.column_names) + "\r\n").encode("utf-8"))
            if table.num_rows:
                pa_csv.write_csv(table, out, options)
        os.replace(tmp_path, target)
    except BaseException as exc:
        _remove_quietly(tmp_path)
        if isinstance(exc, OSError):
            raise ExportError(describe_os_error(exc, target)) from exc
        raise


def neutralise(values: pd.Series) -> pd.Series:
    """Prefix values a spreadsheet would run as a formula with ``'`` (vectorised)."""
    text = values.astype(schema.STR_DTYPE).fillna("")
    risky = text.str.contains(FORMULA_PATTERN, regex=True)
    if not risky.any():
        return text
    return text.where(~risky, "'" + text)


def format_times(values: pd.Series, tz: tzinfo | None = None) -> pd.Series:
    """ISO 8601 with offset to the second (``2026-11-20T14:03:12+00:00``); NaT becomes ''."""
    utc = pd.to_datetime(values, utc=True)
    local = utc.dt.tz_convert(tz) if tz is not None else utc
    wall = local.dt.tz_localize(None)
    wall_text = np.datetime_as_string(wall.to_numpy().astype("datetime64[s]"), unit="s")
    if tz is None:
        offsets = np.full(len(values), "+00:00", dtype=object)
    else:
        delta = wall.to_numpy() - utc.dt.tz_localize(None).to_numpy()
        seconds = np.where(np.isnat(delta), 0, delta.astype("timedelta64[s]").astype(np.int64))
        offsets = _offset_text(seconds)
    text = pd.Series(wall_text, index=values.index, dtype=schema.STR_DTYPE) + pd.Series(
        offsets, index=values.index, dtype=schema.STR_DTYPE
    )
    return text.where(utc.notna().to_numpy(), "")


def describe_os_error(exc: OSError, target: Path) -> str:
    """The words the user sees for a failed write (no traceback, no internal temp name)."""
    folder = str(target.parent if str(target.parent) else Path("."))
    reason, path = exc.strerror or str(exc), str(target)
    if isinstance(exc, TargetInUse):
        return say(
            "{name} is open in another program (Excel, for example) or is write-protected, "
            "so it could not be replaced. Close it there and export again, or choose another name.",
            name=target.name,
        )
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return say("The disk is full: could not write {path} ({reason}).", path=path, reason=reason)
    if exc.errno == errno.EFBIG:
        return say(
            "The file is too large for this disk or its size limit: could not write {path}.", path=path
        )
    if exc.errno in (errno.EACCES, errno.EPERM):
        return say(
            "Permission denied: cannot write {path} in the folder {folder} ({reason}).",
            path=path,
            folder=folder,
            reason=reason,
        )
    if exc.errno == errno.EROFS:
        return say(
            "The folder {folder} is on a read-only disk: could not write {path}.", folder=folder, path=path
        )
    if exc.errno == errno.ENOENT:
        return say("The folder {folder} does not exist: could not write {path}.", folder=folder, path=path)
    if exc.errno == errno.EISDIR:
        return say("{path} is a folder: choose a file name.", path=path)
    return say("Could not write {path}: {reason}.", path=path, reason=reason)


class _Source:
    """The rows to export: a frame, the positions in output order, the rows' details."""

    def __init__(self, frame: pd.DataFrame, order: np.ndarray, details: RowDetails) -> None:
        self.frame, self.order, self.details = frame, order, details
        self._labels: dict[str, pa.Array] = {}
        self._codes: dict[str, np.ndarray] = {}

    def chunk(self, start: int, columns: Mapping[str, str], tz: tzinfo | None) -> pa.Table:
        positions = self.order[start : start + CHUNK_ROWS]
        return pa.table({header: self._column(name, positions, tz) for header, name in columns.items()})

    def _column(self, name: str, positions: np.ndarray, tz: tzinfo | None) -> pa.Array:
        if name == INPUT_ROW:
            ids = self.frame["row_id"].to_numpy()[positions]
            return pa.array(neutralise(pd.Series(pd.array(self.details.read(ids), dtype=schema.STR_DTYPE))))
        values = self.frame[name]
        if isinstance(values.dtype, pd.CategoricalDtype):
            codes = self._codes_of(name)[positions]
            # The chunk's texts taken from the values (a dictionary array would make the CSV
            # writer convert every distinct value of the column for every chunk).
            return self._labels_of(name).take(pa.array(codes, mask=codes < 0))
        return _column_array(values.take(positions), tz)

    def _codes_of(self, name: str) -> np.ndarray:
        """A categorical column's codes (held by the frame: `.cat.codes` would copy them per chunk)."""
        if name not in self._codes:
            self._codes[name] = np.asarray(self.frame[name].array.codes)
        return self._codes[name]

    def _labels_of(self, name: str) -> pa.Array:
        """A categorical column's values, neutralised once for the whole export."""
        if name not in self._labels:
            categories = self.frame[name].cat.categories
            labels = pa.array(neutralise(pd.Series(categories, dtype=schema.STR_DTYPE)), pa.large_string())
            # One contiguous array: a chunked one would be joined again for every chunk written.
            self._labels[name] = schema.flat(labels)
        return self._labels[name]


def _write_rows(
    out: IO[bytes],
    source: _Source,
    columns: Mapping[str, str],
    tz: tzinfo | None,
    progress: ProgressCallback | None,
    cancel: Any,
    delimiter: str = ",",
    excel_cells: bool = False,
) -> int:
    """Chunked so memory stays bounded and cancel/progress are seen every CHUNK_ROWS rows;
    returns the cells over Excel's limit (cut when `excel_cells`)."""
    long = 0
    total = len(source.order)
    options = pa_csv.WriteOptions(
        include_header=True, quoting_style="needed", eol="\r\n", delimiter=delimiter
    )
    starts = range(0, total, CHUNK_ROWS) if total else [0]
    for start in starts:
        if _is_cancelled(cancel):
            raise ExportCancelled(say("Export cancelled: no file was written."))
        table, found = check_long_cells(source.chunk(start, columns, tz), cut=excel_cells)
        long += found
        pa_csv.write_csv(table, out, options)
        options = pa_csv.WriteOptions(
            include_header=False, quoting_style="needed", eol="\r\n", delimiter=delimiter
        )
        if progress is not None:
            progress(min(start + CHUNK_ROWS, total), total)
    if _is_cancelled(cancel):
        raise ExportCancelled(say("Export cancelled: no file was written."))
    return long


def _column_array(values: pd.Series, tz: tzinfo | None) -> pa.Array:
    """One export column as an Arrow array; categoricals are neutralised once per category."""
    if isinstance(values.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_dtype(values.dtype):
        return _distinct_times(values, tz)
    if isinstance(values.dtype, pd.CategoricalDtype):
        codes = values.cat.codes.to_numpy()
        labels = neutralise(pd.Series(values.cat.categories, dtype=schema.STR_DTYPE))
        return pa.DictionaryArray.from_arrays(
            pa.array(codes, mask=codes < 0), pa.array(labels, type=pa.string())
        )
    return pa.array(neutralise(values), type=pa.string())


def _distinct_times(values: pd.Series, tz: tzinfo | None) -> pa.Array:
    """A time column's text, each distinct time formatted once (a job's rows share one)."""
    ns = pd.to_datetime(values, utc=True).array.asi8
    distinct, inverse = np.unique(ns, return_inverse=True)
    stamps = pd.Series(pd.DatetimeIndex(distinct.view("datetime64[ns]")).tz_localize("UTC"))
    text = pa.array(format_times(stamps, tz), type=pa.string())
    return pa.DictionaryArray.from_arrays(pa.array(inverse.astype(np.int32)), text)


def _offset_text(seconds: np.ndarray) -> np.ndarray:
    """Vectorised ``±HH:MM`` for an array of UTC offsets in seconds (few distinct values)."""
    unique, inverse = np.unique(seconds, return_inverse=True)
    labels = np.array([_one_offset(int(s)) for s in unique], dtype=object)
    return labels[inverse] if len(unique) else np.array([], dtype=object)


def _one_offset(seconds: int) -> str:
    sign = "-" if seconds < 0 else "+"
    minutes = abs(seconds) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _open_temp(target: Path) -> tuple[Path, IO[bytes]]:
    """A new file beside `target` (same file system, so the rename is atomic), created private."""
    remove_stale(target.parent if str(target.parent) else Path("."))  # a killed export's leftovers
    tmp_path = temp_beside(target)
    try:
        fd = os.open(tmp_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise ExportError(describe_os_error(exc, target)) from exc
    return tmp_path, open(fd, "wb", closefd=True)


def _remove_quietly(name: Path) -> None:
    with contextlib.suppress(OSError):
        os.remove(name)


def _is_cancelled(cancel: Any) -> bool:
    """Accept the engine's CancelToken (`is_cancelled` property), a threading.Event or a callable."""
    if cancel is None:
        return False
    for attr in ("is_cancelled", "is_set", "cancelled"):
        value = getattr(cancel, attr, None)
        if value is not None:
            return bool(value() if callable(value) else value)
    return bool(cancel()) if callable(cancel) else False
