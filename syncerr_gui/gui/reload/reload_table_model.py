"""The Fix and reload dialog's table: the failed rows' input columns, editable, with the
previous error beside each row and, after a reload, what Salesforce did with it.

Column 0 is the result (empty until a reload ran), column 1 the previous error (read-only),
then the batch's input columns in upload order with their original header names. Changed
cells are tinted and say what they were; a cell the previous error said was required and
that is still empty is tinted red. Every text here can come from Salesforce: tooltips go
through `plain_text.tooltip`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from syncerr_gui.core.reload.batch import RowOutcome, RowResult
from syncerr_gui.gui.i18n import QT_TR_NOOP, shown, tr
from syncerr_gui.gui.plain_text import tooltip
from syncerr_gui.gui.reload.edit_state import EditState

_AnyIndex = QModelIndex | QPersistentModelIndex

COL_RESULT, COL_ERROR = 0, 1
FIRST_INPUT = 2
CHANGED = QColor(255, 243, 196)  # a soft yellow: "you changed this"
MISSING = QColor(250, 215, 215)  # a soft red: "the error said this is required"
OUTCOME_WORDS = {
    RowOutcome.SUCCEEDED: str(QT_TR_NOOP("Succeeded")),
    RowOutcome.FAILED: str(QT_TR_NOOP("Failed")),
    RowOutcome.UNPROCESSED: str(QT_TR_NOOP("Unprocessed")),
}
OUTCOME_COLOURS = {
    RowOutcome.SUCCEEDED: QColor(30, 120, 50),
    RowOutcome.FAILED: QColor(170, 30, 30),
    RowOutcome.UNPROCESSED: QColor(120, 120, 120),
}


class ReloadTableModel(QAbstractTableModel):
    """An `EditState` as a table. Signals: edited() after any change to the rows."""

    edited = Signal()

    def __init__(self, state: EditState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.read_only = False  # while a reload runs
        self._changed: dict[tuple[int, str], str] = {}
        self._missing: dict[int, tuple[str, ...]] = {}
        self._recount()

    # ---- the public mutators -------------------------------------------------------------
    def set_state(self, state: EditState) -> None:
        """Show another batch (the dialog's batch chooser)."""
        self.beginResetModel()
        self.state = state
        self._recount()
        self.endResetModel()

    def refresh(self) -> None:
        """The state changed (a step, a drop, undo, a result): show it again."""
        self.beginResetModel()
        self._recount()
        self.endResetModel()
        self.edited.emit()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def column_name(self, column: int) -> str:
        """The batch column at table column `column` ("" for the result and error columns)."""
        return self.state.current.columns[column - FIRST_INPUT] if column >= FIRST_INPUT else ""

    def _recount(self) -> None:
        self._changed = {(row, column): old for row, column, old, _new in self.state.changes()}
        self._missing = self.state.rows_missing_required()

    # ---- Qt overrides --------------------------------------------------------------------
    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.state.current)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else FIRST_INPUT + len(self.state.current.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        if section == COL_RESULT:
            return tr("Result")
        if section == COL_ERROR:
            return tr("Previous error")
        return self.column_name(section) if section < self.columnCount() else None

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        row, column = index.row(), index.column()
        if column == COL_RESULT:
            return self._result_data(self.state.result(row), role)
        if column == COL_ERROR:
            return self._error_data(row, role)
        name = self.column_name(column)
        value = self.state.current.rows[row][column - FIRST_INPUT]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return value
        missing = name in self._missing.get(row, ()) and not value.strip()
        if role == Qt.ItemDataRole.BackgroundRole:
            if missing:
                return QBrush(MISSING)
            return QBrush(CHANGED) if (row, name) in self._changed else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if missing:
                return tooltip(
                    tr("{field} is required: the previous error said it was missing.").format(field=name)
                )
            if (row, name) in self._changed:
                was = self._changed[(row, name)] or tr("(empty)")
                return tooltip(tr("Was: {value}").format(value=was))
            return tooltip(value)
        return None

    def _error_data(self, row: int, role: int) -> Any:
        error = self.state.current.errors[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return error
        if role == Qt.ItemDataRole.ToolTipRole:
            missing = self._missing.get(row)
            extra = (
                "\n\n" + tr("Still missing: {fields}").format(fields=", ".join(missing)) if missing else ""
            )
            return tooltip(error + extra)
        if role == Qt.ItemDataRole.BackgroundRole and row in self._missing:
            return QBrush(MISSING)
        return None

    @staticmethod
    def _result_data(result: RowResult | None, role: int) -> Any:
        if result is None:
            return None
        words, error = tr(OUTCOME_WORDS[result.outcome]), shown(result.error)
        if role == Qt.ItemDataRole.DisplayRole:
            return tr("{outcome}: {error}").format(outcome=words, error=error) if error else words
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(OUTCOME_COLOURS[result.outcome])
        if role == Qt.ItemDataRole.ToolTipRole:
            record = tr("Record {id}").format(id=result.record_id) if result.record_id else words
            return tooltip(error or record)
        return None

    def flags(self, index: _AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() >= FIRST_INPUT and not self.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: _AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() < FIRST_INPUT:
            return False
        if self.read_only:
            return False
        if not self.state.edit(index.row(), self.column_name(index.column()), str(value)):
            return False
        self._recount()
        # Every row: the results empty (they belong to the rows as sent) and tints may move.
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
        self.edited.emit()
        return True
