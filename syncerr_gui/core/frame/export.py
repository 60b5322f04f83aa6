"""CSV export of an error frame: neutralised against spreadsheet formulas, written atomically.

The rows are written in the order given (the GUI passes the rows it shows, in the order shown).
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
import secrets
from collections.abc import Callable, Mapping
from datetime import tzinfo
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from syncerr_gui.core.exceptions import ExportCancelled, ExportError
from syncerr_gui.core.file_modes import user_file_mode
from syncerr_gui.core.frame import schema

logger = logging.getLogger(__name__)

CHUNK_ROWS = 100_000
FORMULA_PATTERN = r"^[=+\-@\t\r]"
UTF8_BOM = b"\xef\xbb\xbf"

ProgressCallback = Callable[[int, int], None]


def export_csv(
    frame: pd.DataFrame,
    path: str | os.PathLike[str],
    *,
    tz: tzinfo | None = None,
    columns: Mapping[str, str] = schema.EXPORT_COLUMNS,
    progress: ProgressCallback | None = None,
    cancel: Any = None,
    bom: bool = False,
    delimiter: str = ",",
) -> int:
    """Write `frame`'s rows to `path` as CSV and return how many rows were written.

    `bom` starts the file with a UTF-8 byte order mark and `delimiter` separates the values
    (both for Excel: see the module's docstring).

    `columns` maps each header to the frame column it comes from, in output order. Times are
    ISO 8601 with their UTC offset, in `tz` when given, else in UTC. `progress(done, total)` is
    called after each chunk; `cancel` (a callable, or an object with ``is_set()`` /
    ``is_cancelled()`` / ``cancelled``) is polled between chunks.
    Raises ExportError (ExportCancelled on cancel) with nothing written at `path`.
    """
    missing = [c for c in columns.values() if c not in frame.columns]
    if missing:
        raise ValueError(f"export columns not in the frame: {missing}")
    target = Path(path)
    total = len(frame)
    tmp_path, out = _open_temp(target)
    try:
        with out:
            if os.name == "posix":  # the user's file: their own umask, not the app's private one
                os.fchmod(out.fileno(), user_file_mode())
            if bom:
                out.write(UTF8_BOM)
            _write_rows(out, frame, columns, tz, progress, cancel, delimiter)
        _replace(tmp_path, target)
    except BaseException as exc:
        _remove_quietly(tmp_path)
        if isinstance(exc, OSError):
            raise ExportError(describe_os_error(exc, target)) from exc
        raise
    logger.info("exported %d rows to a CSV file", total)
    return total


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
    folder = target.parent if str(target.parent) else Path(".")
    reason = exc.strerror or str(exc)
    if isinstance(exc, TargetInUse):
        return (
            f"{target.name} is open in another program (Excel, for example) or is write-protected, "
            f"so it could not be replaced. Close it there and export again, or choose another name."
        )
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return f"The disk is full: could not write {target} ({reason})."
    if exc.errno == errno.EFBIG:
        return f"The file is too large for this disk or its size limit: could not write {target}."
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"Permission denied: cannot write {target} in the folder {folder} ({reason})."
    if exc.errno == errno.EROFS:
        return f"The folder {folder} is on a read-only disk: could not write {target}."
    if exc.errno == errno.ENOENT:
        return f"The folder {folder} does not exist: could not write {target}."
    if exc.errno == errno.EISDIR:
        return f"{target} is a folder: choose a file name."
    return f"Could not write {target}: {reason}."


def _write_rows(
    out: IO[bytes],
    frame: pd.DataFrame,
    columns: Mapping[str, str],
    tz: tzinfo | None,
    progress: ProgressCallback | None,
    cancel: Any,
    delimiter: str = ",",
) -> None:
    """Chunked so memory stays bounded and cancel/progress are seen every CHUNK_ROWS rows."""
    total = len(frame)
    options = pa_csv.WriteOptions(
        include_header=True, quoting_style="needed", eol="\r\n", delimiter=delimiter
    )
    starts = range(0, total, CHUNK_ROWS) if total else [0]
    for start in starts:
        if _is_cancelled(cancel):
            raise ExportCancelled("Export cancelled: no file was written.")
        chunk = frame.iloc[start : start + CHUNK_ROWS]
        table = pa.table({h: _column_array(chunk[c], tz) for h, c in columns.items()})
        pa_csv.write_csv(table, out, options)
        options = pa_csv.WriteOptions(
            include_header=False, quoting_style="needed", eol="\r\n", delimiter=delimiter
        )
        if progress is not None:
            progress(min(start + CHUNK_ROWS, total), total)
    if _is_cancelled(cancel):
        raise ExportCancelled("Export cancelled: no file was written.")


def _column_array(values: pd.Series, tz: tzinfo | None) -> pa.Array:
    """One export column as an Arrow array; categoricals are neutralised once per category."""
    if isinstance(values.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_dtype(values.dtype):
        return pa.array(format_times(values, tz), type=pa.string())
    if isinstance(values.dtype, pd.CategoricalDtype):
        codes = values.cat.codes.to_numpy()
        labels = neutralise(pd.Series(values.cat.categories, dtype=schema.STR_DTYPE))
        return pa.DictionaryArray.from_arrays(
            pa.array(codes, mask=codes < 0), pa.array(labels, type=pa.string())
        )
    return pa.array(neutralise(values), type=pa.string())


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
    tmp_path = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
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
