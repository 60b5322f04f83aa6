"""The filter dock: time window, levels, error types and objects (with counts), text search.

Nothing is filtered until Apply (or Enter) so a user can set several choices on a million
rows without waiting after each click. It emits an `ErrorFilter`; the main window hands it
to the model and feeds counts back with `set_choices`.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QCheckBox, QDateTimeEdit, QDockWidget, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QPushButton, QScrollArea, QVBoxLayout, QWidget)

from syncerr_gui.core.filtering import ErrorFilter
from syncerr_gui.core.schema import JOB_LEVEL, RECORD_LEVEL

logger = logging.getLogger(__name__)

DATE_FORMAT = "yyyy-MM-dd HH:mm:ss"
_NAME_ROLE = Qt.ItemDataRole.UserRole + 1


def _to_qt(moment: datetime) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000))   # shown in local time


def _from_qt(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toMSecsSinceEpoch() / 1000, timezone.utc)


class _ChoiceList(QWidget):
    """A titled checkable list of values with counts and All / None buttons.

    The choice is `None` ("all", so values that appear later are shown too) or a set that
    survives refreshes: names it holds stay chosen even while absent from the list.
    """

    def __init__(self, title: str, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chosen: frozenset[str] | None = None
        self.list = QListWidget(self)
        self.list.setObjectName(object_name)
        self.list.setAccessibleName(title)
        self.list.setMinimumHeight(90)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.list.itemChanged.connect(self._item_changed)
        all_button, none_button = QPushButton("All", self), QPushButton("None", self)
        all_button.setObjectName(f"{object_name}All")
        none_button.setObjectName(f"{object_name}None")
        all_button.clicked.connect(lambda: self.set_chosen(None))
        none_button.clicked.connect(lambda: self.set_chosen(frozenset()))
        top = QHBoxLayout()
        top.addWidget(QLabel(f"<b>{title}</b>", self), 1)
        top.addWidget(all_button)
        top.addWidget(none_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list)

    def set_counts(self, counts: dict[str, int]) -> None:
        """Show these values (alphabetically, so items do not jump) with their counts."""
        self.list.blockSignals(True)
        self.list.clear()
        for name in sorted(counts, key=str.casefold):
            text = f"{name or '(none)'} ({counts[name]:,})"
            item = QListWidgetItem(text, self.list)
            item.setData(_NAME_ROLE, name)
            item.setToolTip(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            checked = self._chosen is None or name in self._chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)

    def chosen(self) -> frozenset[str] | None:
        return self._chosen

    def set_chosen(self, chosen: frozenset[str] | None) -> None:
        self._chosen = chosen
        self.list.blockSignals(True)
        for item in self._items():
            checked = chosen is None or item.data(_NAME_ROLE) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def _item_changed(self, _item: QListWidgetItem) -> None:
        items = self._items()
        checked = {i.data(_NAME_ROLE) for i in items if i.checkState() == Qt.CheckState.Checked}
        if len(checked) == len(items):
            self._chosen = None
            return
        listed = {i.data(_NAME_ROLE) for i in items}
        remembered = set(self._chosen or ()) - listed
        self._chosen = frozenset(checked | remembered)


class FilterDock(QDockWidget):
    """Filters for the errors table; readable at 320 px wide (scrolls rather than clips).

    Signals: filter_applied(object) with the `ErrorFilter` to show, on Apply, Enter or Reset.
    """

    filter_applied = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Filters", parent)
        self.setObjectName("filterDock")
        self._default_start: datetime | None = None
        self._default_end: datetime | None = None
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.addWidget(self._build_time_box(body))
        layout.addWidget(self._build_level_box(body))
        self.error_types = _ChoiceList("Error types", "errorTypeList", body)
        self.objects = _ChoiceList("Objects", "objectList", body)
        layout.addWidget(self.error_types, 2)
        layout.addWidget(self.objects, 1)
        layout.addWidget(self._build_search(body))
        layout.addLayout(self._build_buttons(body))
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        scroll.setWidget(body)
        self.setWidget(scroll)
        self.set_filter(ErrorFilter())

    # ---- building --------------------------------------------------------------------------
    def _build_time_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox("Failure date/time (local)", parent)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.from_check, self.from_edit = self._bound(box, "From", "fromEdit")
        self.to_check, self.to_edit = self._bound(box, "To", "toEdit")
        form.addRow(self.from_check, self.from_edit)
        form.addRow(self.to_check, self.to_edit)
        return box

    def _bound(self, parent: QWidget, label: str, name: str) -> tuple[QCheckBox, QDateTimeEdit]:
        check = QCheckBox(label, parent)
        check.setObjectName(f"{name}Check")
        check.setToolTip(f"Uncheck for no '{label.lower()}' limit")
        edit = QDateTimeEdit(parent)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(DATE_FORMAT)
        edit.setAccessibleName(f"{label} date and time")
        edit.setEnabled(False)
        check.toggled.connect(edit.setEnabled)
        return check, edit

    def _build_level_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox("Failed on", parent)
        row = QHBoxLayout(box)
        self.job_level = QCheckBox(JOB_LEVEL, box)
        self.job_level.setObjectName("jobLevelCheck")
        self.record_level = QCheckBox(RECORD_LEVEL, box)
        self.record_level.setObjectName("recordLevelCheck")
        row.addWidget(self.job_level)
        row.addWidget(self.record_level)
        row.addStretch(1)
        return box

    def _build_search(self, parent: QWidget) -> QLineEdit:
        self.search = QLineEdit(parent)
        self.search.setObjectName("searchEdit")
        self.search.setPlaceholderText("Search messages and IDs…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search")
        self.search.setToolTip("Case-insensitive; looks in error details, type, fields, object and IDs")
        return self.search     # Enter reaches keyPressEvent below and applies

    def _build_buttons(self, parent: QWidget) -> QHBoxLayout:
        self.apply_button = QPushButton("Apply", parent)
        self.apply_button.setObjectName("applyButton")
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply)
        self.reset_button = QPushButton("Reset", parent)
        self.reset_button.setObjectName("resetButton")
        self.reset_button.setToolTip("Back to the default time window, every level, type and object")
        self.reset_button.clicked.connect(self.reset)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.reset_button)
        row.addWidget(self.apply_button)
        return row

    # ---- public API ------------------------------------------------------------------------
    def set_default_window(self, start: datetime | None, end: datetime | None) -> None:
        """The time window Reset goes back to (None: no limit on that side)."""
        self._default_start, self._default_end = start, end

    def set_choices(self, error_type_counts: dict[str, int], object_counts: dict[str, int]) -> None:
        """Refresh the lists and their counts; the user's checks are kept."""
        self.error_types.set_counts(error_type_counts)
        self.objects.set_counts(object_counts)

    def current_filter(self) -> ErrorFilter:
        """The filter the widgets describe now (applied or not)."""
        levels = {name for name, box in ((JOB_LEVEL, self.job_level), (RECORD_LEVEL, self.record_level))
                  if box.isChecked()}
        return ErrorFilter(
            start=_from_qt(self.from_edit.dateTime()) if self.from_check.isChecked() else None,
            end=_from_qt(self.to_edit.dateTime()) if self.to_check.isChecked() else None,
            levels=frozenset(levels), error_types=self.error_types.chosen(),
            objects=self.objects.chosen(), text=self.search.text().strip(),
        )

    def set_filter(self, flt: ErrorFilter) -> None:
        """Show `flt` in the widgets (does not emit; call `apply` for that)."""
        self._set_bound(self.from_check, self.from_edit, flt.start)
        self._set_bound(self.to_check, self.to_edit, flt.end)
        self.job_level.setChecked(JOB_LEVEL in flt.levels)
        self.record_level.setChecked(RECORD_LEVEL in flt.levels)
        self.error_types.set_chosen(flt.error_types)
        self.objects.set_chosen(flt.objects)
        self.search.setText(flt.text)

    def apply(self) -> None:
        """Emit the filter shown in the widgets."""
        flt = self.current_filter()
        logger.debug("filter applied: %s", flt.to_dict() | {"text": "…" if flt.text else ""})
        self.filter_applied.emit(flt)

    def reset(self) -> None:
        """Default window, every level, type and object, no search; applied at once."""
        self.set_filter(ErrorFilter(start=self._default_start, end=self._default_end))
        self.apply()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter anywhere in the dock (search box, date fields, check boxes) applies."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.apply()
            event.accept()
            return
        super().keyPressEvent(event)

    def _set_bound(self, check: QCheckBox, edit: QDateTimeEdit, moment: datetime | None) -> None:
        """Unbounded sides still show a sensible time for when the user ticks the box."""
        check.setChecked(moment is not None)
        edit.setEnabled(moment is not None)
        if moment is None:
            fallback = self._default_start if check is self.from_check else self._default_end
            now = QDateTime.currentDateTime()
            edit.setDateTime(_to_qt(fallback) if fallback else
                             now.addDays(-5) if check is self.from_check else now)
        else:
            edit.setDateTime(_to_qt(moment))
