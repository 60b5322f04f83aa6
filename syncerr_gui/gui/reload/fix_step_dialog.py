"""One fix for every row: "Set column X to V", "Map values" of a column, or "Fill empty".

The admin picks the column (any of the batch's, or a field a previous error named as
missing: a step on a column the upload lacked adds it) and the value(s); the cells the step
would change are previewed live before anything is applied.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from syncerr_gui.core.reload.batch import FillEmpty, FixStep, MapValues, SetColumn
from syncerr_gui.core.reload.required_fields import required_fields
from syncerr_gui.gui.i18n import QT_TR_NOOP, tr
from syncerr_gui.gui.plain_text import plain_label
from syncerr_gui.gui.reload.edit_state import Change, EditState

SET, MAP, FILL = "set", "map", "fill"
TITLES = {
    SET: str(QT_TR_NOOP("Set a column for all rows")),
    MAP: str(QT_TR_NOOP("Map values")),
    FILL: str(QT_TR_NOOP("Fill empty values")),
}
PREVIEW_LINES = 6
MAP_VALUES = 200  # distinct values listed for mapping (the rest keep their value)
_VALUE_ROLE = Qt.ItemDataRole.UserRole
_EDITABLE = Qt.ItemFlag.ItemIsEditable


class FixStepDialog(QDialog):
    """Builds one `FixStep`; `step()` is it (None until the column is chosen)."""

    def __init__(self, kind: str, state: EditState, parent: QWidget | None = None, column: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("fixStepDialog")
        self.setWindowTitle(tr(TITLES[kind]))
        self.kind, self.state = kind, state
        self.column = QComboBox(self)
        self.column.setObjectName("stepColumn")
        self.column.setEditable(True)
        self.column.addItems(_column_choices(state))
        if column:
            self.column.setCurrentText(column)
        self.value = QLineEdit(self)
        self.value.setObjectName("stepValue")
        self.mapping = QTableWidget(0, 2, self)
        self.mapping.setObjectName("stepMapping")
        self.mapping.setHorizontalHeaderLabels([tr("Value now (rows)"), tr("Replace with")])
        self.mapping.horizontalHeader().setStretchLastSection(True)
        self.preview = plain_label("", self)
        self.preview.setObjectName("stepPreview")
        self.preview.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.apply_button = self.buttons.addButton(
            tr("Apply to all rows"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.apply_button.setObjectName("applyStepButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self.column.currentTextChanged.connect(self._column_changed)
        self.value.textChanged.connect(self._update_preview)
        self.mapping.itemChanged.connect(self._update_preview)
        self._column_changed(self.column.currentText())
        self.resize(520, 420 if kind == MAP else 240)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(tr("Column:"), self.column)
        if self.kind == MAP:
            self.value.hide()
        else:
            form.addRow(tr("Value:") if self.kind == SET else tr("Put in empty cells:"), self.value)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if self.kind == MAP:
            layout.addWidget(self.mapping, 1)
        else:
            self.mapping.hide()
        layout.addWidget(self.preview)
        layout.addWidget(self.buttons)

    def step(self) -> FixStep | None:
        """The step as chosen now (None without a column, or a mapping that maps nothing)."""
        column = self.column.currentText().strip()
        if not column:
            return None
        if self.kind == SET:
            return SetColumn(column, self.value.text())
        if self.kind == FILL:
            return FillEmpty(column, self.value.text())
        mapping = {}
        for row in range(self.mapping.rowCount()):
            old, new = self.mapping.item(row, 0), self.mapping.item(row, 1)
            if old is not None and new is not None and new.text() != "" and new.text() != _value_of(old):
                mapping[_value_of(old)] = new.text()
        return MapValues(column, mapping) if mapping else None

    def _column_changed(self, column: str) -> None:
        if self.kind == MAP:
            self._fill_mapping(column.strip())
        self._update_preview()

    def _fill_mapping(self, column: str) -> None:
        batch = self.state.current
        at = batch.columns.index(column) if column in batch.columns else -1
        counts = Counter(row[at] for row in batch.rows) if at >= 0 else Counter()
        self.mapping.blockSignals(True)
        self.mapping.setRowCount(0)
        for value, count in counts.most_common(MAP_VALUES):
            row = self.mapping.rowCount()
            self.mapping.insertRow(row)
            old = QTableWidgetItem(f"{value or tr('(empty)')}  ({QLocale().toString(count)})")
            old.setData(_VALUE_ROLE, value)
            old.setFlags(old.flags() & ~_EDITABLE)
            self.mapping.setItem(row, 0, old)
            self.mapping.setItem(row, 1, QTableWidgetItem(""))
        self.mapping.blockSignals(False)

    def _update_preview(self, *_args: object) -> None:
        step = self.step()
        changes = self.state.preview(step) if step is not None else []
        self.apply_button.setEnabled(bool(changes))
        self.preview.setText(preview_text(changes) if step is not None else tr("Choose a column."))


def preview_text(changes: list[Change]) -> str:
    """ "Changes 3 cells:" and the first few, one a line (row numbers as the table shows them)."""
    if not changes:
        return tr("This changes no cell.")
    header = tr("Changes %Ln cells:", None, len(changes))
    return "\n".join([header, *change_lines(changes, PREVIEW_LINES, "  ")])


def change_lines(changes: list[Change], shown: int, indent: str = "") -> list[str]:
    """The first `shown` changed cells, one a line ("row 3, Rating: “Hot” → “Warm”"), then
    how many more (the step preview and the dialog's summary of what will be sent)."""
    line = tr("row {row}, {column}: “{old}” → “{new}”")
    lines = [
        indent + line.format(row=row + 1, column=column, old=old, new=new)
        for row, column, old, new in changes[:shown]
    ]
    if len(changes) > shown:
        lines.append(indent + tr("… and %Ln more", None, len(changes) - shown))
    return lines


def _column_choices(state: EditState) -> list[str]:
    """The batch's columns, then fields a previous error named as missing but not uploaded."""
    batch = state.current
    named = [name for error in dict.fromkeys(batch.errors) for name in required_fields(error)]
    extra = [name for name in dict.fromkeys(named) if name not in batch.columns]
    return list(batch.columns) + extra


def _value_of(item: QTableWidgetItem) -> str:
    return str(item.data(_VALUE_ROLE) or "")
