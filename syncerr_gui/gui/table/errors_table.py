"""The errors table view: row selection (extended), Ctrl+C as cells, columns that fit and hide.

- Ctrl+C copies the selected rows, with a header, as tab-separated text that Excel and
  LibreOffice paste as cells (`core.frame.tsv`): the columns shown, in the order shown.
- The header's context menu hides and shows columns; the header's state (widths, order,
  hidden columns) is what `AppSettings.save_window` keeps.
- `fit_columns()` sizes every column to its content once (the first rows arrive with no
  saved layout): category columns (error types, objects…) to their longest value, the others
  to the rows on screen; Error Details takes the room that is left.
"""

from __future__ import annotations

import logging

import numpy as np
from PySide6.QtCore import QLocale, QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTableView, QWidget

from syncerr_gui.core.frame.tsv import MAX_COPY_ROWS, rows_as_tsv
from syncerr_gui.gui.i18n import tr
from syncerr_gui.gui.local_time import local_zone
from syncerr_gui.gui.table.columns import (
    COL_ERROR_TYPE,
    COL_FAILED_AT,
    COL_MESSAGE,
    COL_NEW,
    COL_OBJECT,
    TABLE_COLUMNS,
    header_text,
    source_header,
)
from syncerr_gui.gui.table.elide_tooltip_delegate import ElideToolTipDelegate
from syncerr_gui.gui.table.error_table_model import ErrorTableModel

logger = logging.getLogger(__name__)

CELL_PADDING = 16  # text margins plus a little air, so a value that fits never elides
HEADER_PADDING = 28  # the sort indicator's room
MIN_MESSAGE_WIDTH = 300
MIN_ERROR_TYPE_WIDTH = 180
MAX_FITTED_WIDTH = 420
MAX_OBJECT_WIDTH = 170  # Apex class names can be long; the tooltip has them
SAMPLE_ROWS = 300
NEW_COLUMN_WIDTH = 44
BOLD_ALLOWANCE = 1.05  # bold text is up to this much wider


class ErrorsTable(QTableView):
    """The table over an `ErrorTableModel`.

    Signals: copied(int rows, str note) after Ctrl+C (note: '' or why fewer rows were copied).
    """

    copied = Signal(int, str)

    def __init__(self, model: ErrorTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorsTable")
        self.setModel(model)
        self._model = model
        # Newest first by default; setSortingEnabled sorts by the indicator straight away.
        self.horizontalHeader().setSortIndicator(COL_FAILED_AT, Qt.SortOrder.DescendingOrder)
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setItemDelegate(ElideToolTipDelegate(self))  # full text on hover when a cell elides
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.column_menu: QMenu | None = None

    # ---- copy ------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+C (the platform's Copy) copies the selected rows; the rest is Qt's."""
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            event.accept()
            return
        super().keyPressEvent(event)

    def selected_rows(self) -> np.ndarray:
        """View rows of the selection, top to bottom (from its ranges: no index per row)."""
        selection = self.selectionModel().selection()
        ranges = [selection.at(i) for i in range(selection.count())]
        parts = [np.arange(r.top(), r.bottom() + 1, dtype=np.int64) for r in ranges]
        return np.unique(np.concatenate(parts)) if parts else np.empty(0, dtype=np.int64)

    def copy_selection(self) -> int:
        """Put the selected rows on the clipboard as tab-separated cells; returns how many."""
        rows = self.selected_rows()
        note = ""
        if len(rows) > MAX_COPY_ROWS:
            note = tr("only the first {copied} of {selected} selected rows (Export CSV takes all)").format(
                copied=QLocale().toString(MAX_COPY_ROWS), selected=QLocale().toString(len(rows))
            )
            rows = rows[:MAX_COPY_ROWS]
        if not len(rows):
            self.copied.emit(0, "")
            return 0
        view = self._model.error_view
        text = rows_as_tsv(view.frame, view.visible[rows], self.shown_columns(), local_zone())
        QGuiApplication.clipboard().setText(text)
        self.copied.emit(len(rows), note)
        return len(rows)

    def shown_columns(self) -> dict[str, str]:
        """Header -> frame column of the data columns shown, in the order shown (the English
        headers, as in the CSV export: copied cells and exported files read alike)."""
        header = self.horizontalHeader()
        shown: dict[str, str] = {}
        for visual in range(header.count()):
            column = header.logicalIndex(visual)
            if column == COL_NEW or header.isSectionHidden(column) or column >= len(TABLE_COLUMNS):
                continue
            shown[source_header(column, self._model.zone_name)] = TABLE_COLUMNS[column].field
        return shown

    # ---- columns ---------------------------------------------------------------------------
    def _header_menu(self, pos: QPoint) -> None:
        self.column_menu = self.build_column_menu()
        self.column_menu.popup(self.horizontalHeader().mapToGlobal(pos))

    def build_column_menu(self) -> QMenu:
        """One checkable entry per column; the last column shown cannot be hidden."""
        header = self.horizontalHeader()
        menu = QMenu(self)
        menu.setObjectName("columnMenu")
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        for visual in range(header.count()):
            column = header.logicalIndex(visual)
            action = menu.addAction(header_text(column, ""))
            action.setCheckable(True)
            action.setChecked(column in shown)
            action.setEnabled(not (column in shown and len(shown) == 1))
            action.toggled.connect(lambda on, c=column: self.set_column_shown(c, on))
        menu.addSeparator()
        menu.addAction(tr("Fit columns to their content"), self.fit_columns)
        return menu

    def set_column_shown(self, column: int, shown: bool) -> None:
        header = self.horizontalHeader()
        header.setSectionHidden(column, not shown)
        if shown and header.sectionSize(column) < 20:
            self.fit_columns()

    def fit_columns(self) -> None:
        """Every shown column as wide as its content, within the view where it can be: the
        columns up to Object whole, Error Type trimmed first (its tooltip has the rest), Error
        Details at least MIN_MESSAGE_WIDTH and given what is left, so the view ends at a
        column's edge and the columns after it are whole, a scroll away."""
        header = self.horizontalHeader()
        shown = [header.logicalIndex(v) for v in range(header.count())]
        shown = [c for c in shown if not header.isSectionHidden(c)]
        widths = {c: self._content_width(c) for c in shown}
        if COL_MESSAGE in widths:
            self._share_the_view(shown, widths)
        for column, width in widths.items():
            header.resizeSection(column, width)

    def _share_the_view(self, shown: list[int], widths: dict[int, int]) -> None:
        """Error Type and Error Details (in `widths`) share the view's room, as described above."""
        bar = self.verticalScrollBar()
        view = self.viewport().width() - (0 if bar.isVisible() else bar.sizeHint().width())
        upto = shown.index(COL_OBJECT) + 1 if COL_OBJECT in shown else shown.index(COL_MESSAGE) + 1
        first = shown[:upto]
        fixed = sum(widths[c] for c in first if c not in (COL_ERROR_TYPE, COL_MESSAGE))
        if COL_ERROR_TYPE in widths:
            room = view - fixed - MIN_MESSAGE_WIDTH
            widths[COL_ERROR_TYPE] = min(widths[COL_ERROR_TYPE], max(MIN_ERROR_TYPE_WIDTH, room))
            fixed += widths[COL_ERROR_TYPE]
        message = max(MIN_MESSAGE_WIDTH, view - fixed)
        for column in shown[upto:]:  # the next columns join the view while Error Details stays wide
            if message - widths[column] < MIN_MESSAGE_WIDTH:
                break
            message -= widths[column]
        widths[COL_MESSAGE] = message

    def _content_width(self, column: int) -> int:
        """The widest of the header and the column's values (all values of a category column;
        the first rows of the others: IDs and times are all alike)."""
        metrics = self.fontMetrics()
        title = str(self._model.headerData(column, Qt.Orientation.Horizontal) or "")
        if column == COL_NEW:  # a mark: as wide as its header ("Nouveau" in French)
            return max(NEW_COLUMN_WIDTH, metrics.horizontalAdvance(title) + CELL_PADDING)
        values = self._model.column_values(column, SAMPLE_ROWS)
        widest = max((metrics.horizontalAdvance(v) for v in values), default=0)
        widest = int(widest * BOLD_ALLOWANCE)  # job-level rows are bold
        if column == COL_MESSAGE:
            return widest + CELL_PADDING
        cap = MAX_OBJECT_WIDTH if column == COL_OBJECT else MAX_FITTED_WIDTH
        return min(cap, max(metrics.horizontalAdvance(title) + HEADER_PADDING, widest + CELL_PADDING))
