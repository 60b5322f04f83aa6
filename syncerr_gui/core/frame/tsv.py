"""Rows of an error frame as tab-separated text for the clipboard (Ctrl+C in the table).

Excel and LibreOffice Calc paste such text as cells: one line per row, a tab between cells.
A cell holding a tab, a line break or a double quote is wrapped in double quotes (inner
quotes doubled), the convention both read back as one cell. Times are local wall-clock
text (`2026-11-30 19:59:06`), which both take for a date and time. A value a spreadsheet
would run as a formula is neutralised as in the CSV export, since pasting runs it too.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import tzinfo

import numpy as np
import pandas as pd

from syncerr_gui.core.frame.export import neutralise
from syncerr_gui.core.frame.schema import STR_DTYPE

logger = logging.getLogger(__name__)

MAX_COPY_ROWS = 100_000  # beyond this the CSV export is the tool (a clipboard of 100+ MB helps no one)
_NEEDS_QUOTES = r"[\t\r\n\"]"


def rows_as_tsv(
    frame: pd.DataFrame,
    positions: Sequence[int] | np.ndarray,
    columns: Mapping[str, str],
    tz: tzinfo | None = None,
) -> str:
    """The rows at frame `positions` (in that order) under a header line of `columns`' keys
    (header -> frame column); times in `tz` (UTC when None). Ends with a line break."""
    rows = frame.iloc[np.asarray(positions, dtype=np.int64)]
    cells = [_cells(rows[column], tz) for column in columns.values()]
    header = "\t".join(_quoted(pd.Series(list(columns), dtype=STR_DTYPE)))
    if not len(rows):
        return header + "\r\n"
    joined = cells[0]
    for column in cells[1:]:
        joined = joined + "\t" + column  # vectorised (Arrow strings), no per-row Python
    return header + "\r\n" + "\r\n".join(joined.tolist()) + "\r\n"


def _cells(values: pd.Series, tz: tzinfo | None) -> pd.Series:
    """One column as quoted cell text, index reset so the columns line up."""
    if isinstance(values.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_dtype(values.dtype):
        utc = pd.to_datetime(values, utc=True)
        local = utc.dt.tz_convert(tz) if tz is not None else utc
        text = local.dt.strftime("%Y-%m-%d %H:%M:%S").fillna("")
    else:
        text = neutralise(values)
    return _quoted(text.astype(STR_DTYPE).reset_index(drop=True))


def _quoted(text: pd.Series) -> pd.Series:
    risky = text.str.contains(_NEEDS_QUOTES, regex=True).fillna(False).astype(bool)
    if not risky.any():
        return text
    return text.where(~risky, '"' + text.str.replace('"', '""', regex=False) + '"')
