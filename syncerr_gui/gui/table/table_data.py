"""Everything the errors table reads to show one frame, built in any thread.

Installing a million-row frame used to filter and sort it on the GUI thread (well over
100 ms at 1M rows). `TableData.build` does that work, plus the per-column arrays the model
formats from and, optionally, the sort keys and search buffer, in the thread that produced
the frame; the model then swaps it in with an O(1) reset. No Qt objects here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa

from syncerr_gui.core.frame.filtering import ErrorFilter, ErrorView
from syncerr_gui.core.frame.row_details import NO_DETAILS, RowDetails
from syncerr_gui.core.frame.schema import CATEGORY_COLUMNS, TIME_COLUMNS, codes_and_values, times_ns
from syncerr_gui.gui.table.columns import FIELDS, MODEL_FIELDS

logger = logging.getLogger(__name__)

# A table sort: (model column, ascending), or None for frame order.
TableSort = tuple[int, bool] | None


@dataclass
class TableData:
    """A filtered, sorted view of one frame plus the columns the model formats cells from.

    Categorical columns are formatted from their distinct values (an Arrow array) and codes:
    no per-row text exists until a row is on screen.
    `warmed`: sort keys and the search buffer are built (no background warm-up needed).
    `details`: the rows' input rows, read when a row is shown in the detail pane.
    """

    view: ErrorView
    sort: TableSort
    text: dict[str, pa.Array]
    cat_values: dict[str, pa.Array]
    cat_codes: dict[str, np.ndarray]
    times: dict[str, np.ndarray]
    warmed: bool = False
    details: RowDetails = NO_DETAILS

    @property
    def frame(self) -> pd.DataFrame:
        return self.view.frame

    @property
    def filter(self) -> ErrorFilter:
        return self.view.filter

    @classmethod
    def build(
        cls,
        frame: pd.DataFrame,
        flt: ErrorFilter,
        sort: TableSort = None,
        marks: np.ndarray | None = None,
        warm: bool = False,
        cancelled: Callable[[], bool] = lambda: False,
        details: RowDetails = NO_DETAILS,
    ) -> TableData:
        """Filter and sort `frame` as the table will show it (call from a worker thread)."""
        field_sort = None if sort is None else (MODEL_FIELDS[sort[0]], sort[1])
        view = ErrorView.prepared(frame, flt, field_sort, marks, warm=warm, cancelled=cancelled)
        return cls.of_view(view, sort, warmed=warm and not cancelled(), details=details)

    @classmethod
    def of_view(
        cls, view: ErrorView, sort: TableSort, warmed: bool = False, details: RowDetails = NO_DETAILS
    ) -> TableData:
        """The model's column arrays over an existing view (zero-copy where Arrow allows)."""
        frame = view.frame
        text = {
            c: pa.array(frame[c].array) for c in FIELDS if c not in CATEGORY_COLUMNS and c not in TIME_COLUMNS
        }
        cat_values, cat_codes = {}, {}
        for c in FIELDS:
            if c in CATEGORY_COLUMNS:
                cat_codes[c], cat_values[c] = codes_and_values(frame[c])  # zero-copy; -1 reads as ""
        times = {c: times_ns(frame[c]) for c in FIELDS if c in TIME_COLUMNS}
        return cls(view, sort, text, cat_values, cat_codes, times, warmed, details)

    def matches(self, frame: pd.DataFrame, flt: ErrorFilter, sort: TableSort) -> bool:
        """Whether this shows exactly `frame` under `flt` and `sort` (then installing it is enough)."""
        return self.view.frame is frame and self.view.filter == flt and self.sort == sort
