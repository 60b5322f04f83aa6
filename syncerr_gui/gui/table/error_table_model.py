"""The errors table model: a thin Qt face over `ErrorView`'s index array.

The frame stays columnar; the model formats only the rows the view asks for, a block of
rows at a time (vectorised per column), and keeps recent blocks in a small LRU cache, so
`data()` is a dict lookup and a tuple index for the ~100k calls a scroll makes.
A frame that arrives with a `TableData` built in a worker thread (`set_frame(frame,
prepared=data)` or `set_view`) is installed with an O(1) reset: nothing is filtered or sorted on the GUI thread.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import OrderedDict
from datetime import UTC, datetime, tzinfo
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from syncerr_gui.core.frame.filtering import MARK_COLUMN, ErrorFilter, ErrorView
from syncerr_gui.core.frame.row_details import INPUT_ROW, NO_DETAILS, RowDetails, read_one
from syncerr_gui.core.frame.schema import CATEGORY_COLUMNS, COLUMNS, JOB_LEVEL, TIME_COLUMNS, empty_frame
from syncerr_gui.gui.local_time import date_layout, is_repeated, local_zone, offset_text, seconds_of
from syncerr_gui.gui.plain_text import tooltip
from syncerr_gui.gui.table.columns import (
    COL_FAILED_ON,
    COL_MESSAGE,
    COL_NEW,
    MODEL_COLUMNS,
    MODEL_FIELDS,
    NEW_MARK,
    header_text,
    level_text,
    new_tooltip,
)
from syncerr_gui.gui.table.table_data import TableData, TableSort

logger = logging.getLogger(__name__)

FAILED_ON = MODEL_FIELDS[COL_FAILED_ON]
FEW_DISTINCT_VALUES = 2_000  # a column with at most this many distinct values is measured whole

ROW_KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # int: the row's position in the frame
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # native value: str, or int ns UTC for times
MESSAGE_DISPLAY_CHARS = 300  # longer messages are elided (tooltip has all)
_BLOCK = 128  # rows formatted together
_CACHED_BLOCKS = 96  # ~12k formatted rows kept
_OFFSET_BUCKET_S = 900  # zone offsets change on quarter hours at most
_LINE_BREAKS = re.compile(r"[\r\n\t\v\f\u2028\u2029]+")
_AnyIndex = QModelIndex | QPersistentModelIndex
# Plain ints: the view passes roles as int, and enum comparisons cost ~1 µs each in data().
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_FONT = int(Qt.ItemDataRole.FontRole.value)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole.value)
_SERVED = frozenset({_TOOLTIP, _BACKGROUND, int(ROW_KEY_ROLE), int(SORT_ROLE)})
_IS_JOB = len(MODEL_COLUMNS)  # extra slot of each formatted row: a Job Level row?
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class _LocalClock:
    """UTC int64 ns -> local strings in the window's `date_layout()`, vectorised.

    The zone's UTC offset is looked up once per quarter hour seen (DST-correct for old
    rows) and cached, so formatting a block is integer arithmetic plus one NumPy call.
    """

    def __init__(self, zone: tzinfo) -> None:
        self.zone = zone
        self._offsets: dict[int, tuple[int, bool]] = {}

    @property
    def zone_name(self) -> str:
        return datetime.now(self.zone).tzname() or ""

    def format(self, ns: np.ndarray) -> list[str]:
        missing = ns == np.iinfo(np.int64).min
        seconds = np.where(missing, 0, ns // 1_000_000_000)
        buckets = seconds // _OFFSET_BUCKET_S
        looked_up = [self._offset(int(b)) for b in buckets.tolist()]
        offsets = np.array([offset for offset, _ in looked_up], dtype=np.int64)
        iso = np.datetime_as_string((seconds + offsets).astype("datetime64[s]"), unit="s")
        text = np.where(missing, "", _in_layout(iso, date_layout())).tolist()
        for i, (offset, repeated) in enumerate(looked_up):
            if repeated and not missing[i]:  # the hour the clocks go back: two instants, one wall time
                text[i] += " " + offset_text(offset)
        return text

    def _offset(self, bucket: int) -> tuple[int, bool]:
        """(UTC offset in seconds, whether the wall time also happens at another instant)."""
        found = self._offsets.get(bucket)
        if found is None:
            moment = datetime.fromtimestamp(bucket * _OFFSET_BUCKET_S, UTC).astimezone(self.zone)
            found = self._offsets[bucket] = (seconds_of(moment.utcoffset()), is_repeated(moment))
        return found


# Where each strftime field of `date_layout()` sits in an ISO 'YYYY-MM-DDTHH:MM:SS' text.
_ISO_PLACES = {"Y": (0, 4), "m": (5, 7), "d": (8, 10), "H": (11, 13), "M": (14, 16), "S": (17, 19)}


@lru_cache(maxsize=4)
def _layout_plan(layout: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For `layout` (strftime, fields of `_ISO_PLACES` only): the ISO character each output
    character comes from (-1: a literal), and the literals' places and code points."""
    sources: list[int] = []
    literals: dict[int, int] = {}
    parts = iter(layout)
    for char in parts:
        if char == "%":
            start, end = _ISO_PLACES[next(parts)]
            sources.extend(range(start, end))
        else:
            literals[len(sources)] = ord(char)
            sources.append(-1)
    return np.array(sources), np.array(list(literals), dtype=np.intp), np.array(list(literals.values()))


def _in_layout(iso: np.ndarray, layout: str) -> np.ndarray:
    """ISO texts ('<U19', from `datetime_as_string`) in `layout`, rearranged as code points
    (one NumPy pass for the whole block, no Python per cell)."""
    sources, places, literals = _layout_plan(layout)
    chars = np.ascontiguousarray(iso, dtype="<U19").view(np.uint32).reshape(len(iso), 19)
    out = chars[:, np.where(sources < 0, 0, sources)]
    out[:, places] = literals.astype(np.uint32)
    return np.ascontiguousarray(out).view(f"<U{len(sources)}").reshape(len(iso))


def _one_line(message: str) -> str:
    if not message.isprintable():
        message = _LINE_BREAKS.sub(" ", message[: MESSAGE_DISPLAY_CHARS * 4])
    if len(message) > MESSAGE_DISPLAY_CHARS:
        message = message[: MESSAGE_DISPLAY_CHARS - 1] + "…"
    return message


class ErrorTableModel(QAbstractTableModel):
    """Errors table over an error frame; filter and sort swap an index array, nothing more.

    Signals: counts_changed(int shown, int total) after the frame or the filter changed.
    """

    counts_changed = Signal(int, int)

    def __init__(
        self, parent: QObject | None = None, *, warm_up: bool = True, zone: tzinfo | None = None
    ) -> None:
        super().__init__(parent)
        self._warm_up = warm_up
        self._clock = _LocalClock(zone if zone is not None else local_zone())
        self._zone_name = self._clock.zone_name
        self._filter = ErrorFilter()
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._blocks: OrderedDict[int, list[tuple[Any, ...]]] = OrderedDict()
        self._cancel_warm_up = threading.Event()
        self._warm_thread: threading.Thread | None = None
        self._bold = QFont()
        self._bold.setBold(True)
        self._job_tint = QColor(214, 69, 65, 60)  # translucent red: readable on light and dark
        self._install(TableData.of_view(ErrorView(empty_frame()), None))

    # ---- public API ------------------------------------------------------------------------
    def set_frame(
        self,
        frame: pd.DataFrame,
        marks: np.ndarray | None = None,
        prepared: TableData | None = None,
        details: RowDetails | None = None,
    ) -> None:
        """Show `frame` (the current filter and sort are kept); `marks` flag "New" rows;
        `details` give the rows' input rows (else those of `prepared`).

        `prepared` is table data a worker thread built for this very frame (it travels with the
        worker's result): when it still matches the filter and sort it is installed as is
        (O(1)); else the frame is filtered and sorted here (keeping its marks).
        """
        if prepared is not None and prepared.frame is frame:
            if marks is None:
                marks = prepared.view.marks
            if details is None:
                details = prepared.details
            if prepared.matches(frame, self._filter, self.sort_spec):
                prepared.details = details
                self.set_view(prepared)
                return
            logger.debug("prepared table data is stale (filter or sort changed); rebuilding")
        data = TableData.build(frame, self._filter, self.sort_spec, marks)
        data.details = details if details is not None else NO_DETAILS
        self.set_view(data)

    def set_view(self, data: TableData) -> None:
        """Install a prepared `TableData` (its filter becomes the model's; a different sort
        is re-applied). The GUI-thread cost is O(1) when the sort matches."""
        self.beginResetModel()
        self._filter = data.filter
        if data.sort != self.sort_spec:
            self._sort_view(data.view, self.sort_spec)
        self._install(data)
        self.endResetModel()
        self._emit_counts()
        if not data.warmed:
            self._start_warm_up()

    @property
    def sort_spec(self) -> TableSort:
        """The table's sort as (column, ascending), or None: what a worker builds `TableData` for."""
        return None if self._sort is None else (self._sort[0], self._sort[1] == Qt.SortOrder.AscendingOrder)

    @property
    def new_count(self) -> int:
        """Rows marked "New" (all of the frame, not only the visible ones)."""
        return self._view.marked_count()

    def set_filter(self, flt: ErrorFilter) -> None:
        """Show only the rows `flt` lets through, in the current order."""
        self.beginResetModel()
        self._filter = flt
        self._view.apply(flt)
        self._blocks.clear()
        self.endResetModel()
        self._emit_counts()

    def restrict(self, only: np.ndarray | None) -> None:
        """Show only the flagged rows (the selected groups') among the filtered ones; None: all."""
        self.beginResetModel()
        self._view.restrict(only)
        self._blocks.clear()
        self.endResetModel()
        self._emit_counts()

    @property
    def zone_name(self) -> str:
        """The abbreviation of the zone the times are shown in ("CET"), as the header names it."""
        return self._zone_name

    @property
    def current_filter(self) -> ErrorFilter:
        return self._filter

    @property
    def shown_count(self) -> int:
        return len(self._view.visible)

    @property
    def total_count(self) -> int:
        return self._view.total

    @property
    def error_view(self) -> ErrorView:
        """The underlying view (read it; change it only through this model)."""
        return self._view

    def counts(self, column: str) -> dict[str, int]:
        """Rows per value of `column` under every filter but its own (for the filter dock)."""
        return self._view.counts(column)

    def frame_position(self, view_row: int) -> int:
        return int(self._view.visible[view_row])

    def view_row_of(self, position: int) -> int:
        """The view row showing frame position `position`, or -1 when filtered out."""
        return self._view.view_row_of(position)

    @property
    def details(self) -> RowDetails:
        """The input rows of the frame shown (by row id)."""
        return self._details

    def row_record(self, view_row: int) -> dict[str, Any]:
        """Every column of the row plus its input row (read now, from the sync or the archive)
        as Python values; times as UTC datetimes."""
        position = self.frame_position(view_row)
        frame = self._view.frame
        record: dict[str, Any] = {}
        for column in COLUMNS:
            value = frame[column].iloc[position]
            if column in TIME_COLUMNS:
                value = None if pd.isna(value) else value.to_pydatetime()
            record[column] = str(value) if column in CATEGORY_COLUMNS else value
        record[INPUT_ROW] = read_one(self._details, int(record["row_id"]), INPUT_ROW)
        return record

    def column_values(self, column: int, sample: int) -> list[str]:
        """Texts to size `column` by: every distinct value of a column with few of them (error
        types, objects), else the first `sample` rows shown (measuring a million distinct
        messages or IDs on the GUI thread would freeze the window for seconds)."""
        field = MODEL_FIELDS[column]
        values = self._shown_values.get(field, self._cat_values.get(field))
        if values is not None and len(values) <= max(sample, FEW_DISTINCT_VALUES):
            return [str(v) for v in values.tolist()]
        return [str(self._row(r)[column] or "") for r in range(min(sample, self.rowCount()))]

    def frame_in_view_order(self) -> pd.DataFrame:
        """The rows shown, in the order shown (for export)."""
        return self._view.frame_in_view_order()

    # ---- Qt overrides ----------------------------------------------------------------------
    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._view.visible)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(MODEL_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(MODEL_COLUMNS):
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(new_tooltip() if section == COL_NEW else header_text(section, self._zone_name))
        if role == Qt.ItemDataRole.DisplayRole:
            return header_text(section, self._zone_name)
        if role == Qt.ItemDataRole.TextAlignmentRole and section == COL_NEW:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == _DISPLAY:
            return self._row(index.row())[index.column()]
        if role == _FONT:  # asked for every painted cell: keep it short
            return self._bold if self._row(index.row())[_IS_JOB] else None
        if role not in _SERVED or not index.isValid():
            return None
        return self._other_role(index, int(role))

    def flags(self, index: _AnyIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Header click: stable sort by `column` (-1: back to frame order); selection follows."""
        if not -1 <= column < len(MODEL_COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        positions = [self.frame_position(p.row()) for p in persistent]
        self._sort = None if column < 0 else (column, order)
        self._sort_view(self._view, self.sort_spec)
        self._blocks.clear()
        moved = [self.index(self._view.view_row_of(pos), p.column()) for p, pos in zip(persistent, positions)]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    # ---- internals -------------------------------------------------------------------------
    @staticmethod
    def _sort_view(view: ErrorView, sort: TableSort) -> None:
        if sort is None:
            view.unsort()
        else:
            view.sort(MODEL_FIELDS[sort[0]], sort[1])

    def _install(self, data: TableData) -> None:
        self._cancel_warm_up.set()  # a warm-up of the previous frame is of no use now
        self._view = data.view
        self._blocks.clear()
        self._text, self._times = data.text, data.times
        self._cat_values, self._cat_codes = data.cat_values, data.cat_codes
        self._details = data.details
        levels = self._cat_values[FAILED_ON].to_pylist()
        # Failed On in the window's words: its few distinct values translated once, not per cell.
        self._shown_values = {FAILED_ON: pa.array([level_text(str(v or "")) for v in levels], pa.string())}
        self._job_code = levels.index(JOB_LEVEL) if JOB_LEVEL in levels else -2  # -1 is "missing"

    def _start_warm_up(self) -> None:
        """Build sort keys and the search buffer off the GUI thread (Arrow releases the GIL).

        A plain (non-daemon) Python thread: it only runs Python/Arrow code, stops between
        columns once cancelled, and the interpreter waits for it at exit.
        """
        self._cancel_warm_up.set()
        if not self._warm_up or self._view.total < 10_000:
            return
        cancel = self._cancel_warm_up = threading.Event()
        self._warm_thread = threading.Thread(
            target=self._view.warm_up, args=(cancel.is_set,), name="error-view-warm-up"
        )
        self._warm_thread.start()

    def wait_for_warm_up(self, timeout: float | None = None) -> None:
        """Block until the background warm-up is done (benchmarks and tests)."""
        if self._warm_thread is not None:
            self._warm_thread.join(timeout)

    def _emit_counts(self) -> None:
        self.counts_changed.emit(self.shown_count, self.total_count)

    def _row(self, row: int) -> tuple[Any, ...]:
        block_no = row // _BLOCK
        block = self._blocks.get(block_no)
        if block is None:
            block = self._build_block(block_no)
        try:
            return block[row - block_no * _BLOCK]
        except IndexError:
            return _NO_ROW

    def _build_block(self, block_no: int) -> list[tuple[Any, ...]]:
        """Format rows [block_no*_BLOCK, +_BLOCK) of the view, one vectorised pass per column."""
        positions = self._view.visible[block_no * _BLOCK : (block_no + 1) * _BLOCK]
        taken = pa.array(positions)
        columns: list[list[Any]] = []
        for field in MODEL_FIELDS:
            if field == MARK_COLUMN:
                columns.append(np.where(self._view.marks[positions], NEW_MARK, "").tolist())
            elif field in self._cat_values:
                values = self._shown_values.get(field, self._cat_values[field])
                columns.append(values.take(pa.array(self._cat_codes[field][positions])).to_pylist())
            elif field in self._times:
                columns.append(self._clock.format(self._times[field][positions]))
            else:
                columns.append(self._text[field].take(taken).to_pylist())
        columns[COL_MESSAGE] = [_one_line(m) for m in columns[COL_MESSAGE]]
        columns.append((self._cat_codes[FAILED_ON][positions] == self._job_code).tolist())  # _IS_JOB
        block = list(zip(*columns))
        self._blocks[block_no] = block
        if len(self._blocks) > _CACHED_BLOCKS:
            self._blocks.popitem(last=False)
        return block

    def _other_role(self, index: _AnyIndex, role: int) -> Any:
        row, column = index.row(), index.column()
        if not 0 <= row < len(self._view.visible):
            return None
        if role == ROW_KEY_ROLE:
            return int(self._view.visible[row])
        if role == SORT_ROLE:
            return self._native(row, column)
        if role == _TOOLTIP and column == COL_MESSAGE:
            return tooltip(self._native(row, column))
        if role == _BACKGROUND and column == COL_FAILED_ON and self._row(row)[_IS_JOB]:
            return self._job_tint
        return None

    def _native(self, row: int, column: int) -> Any:
        position = int(self._view.visible[row])
        field = MODEL_FIELDS[column]
        if field == MARK_COLUMN:
            return bool(self._view.marks[position])
        if field in self._times:
            value = int(self._times[field][position])
            return None if value == np.iinfo(np.int64).min else value
        if field in self._cat_values:
            return self._cat_text(field, self._cat_codes[field][position : position + 1])[0]
        return self._text[field][position].as_py()

    def _cat_text(self, field: str, codes: np.ndarray) -> list[str]:
        """Texts of categorical codes (-1, missing, reads as "")."""
        taken = self._cat_values[field].take(pa.array(codes, mask=codes < 0))
        return ["" if v is None else str(v) for v in taken.to_pylist()]


_NO_ROW: tuple[Any, ...] = (None,) * len(MODEL_COLUMNS) + (False,)
