"""The filter dock: time window, levels, error types and objects (with counts), text search.

Nothing is filtered until Apply (or Enter) so a user can set several choices on a million
rows without waiting after each click. The search box and the Reset / Apply buttons stay in
view at any height; the choices between them scroll (vertically only: names elide). It emits
an `ErrorFilter`; the main window hands it to the model and feeds counts back with
`set_choices`.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDockWidget,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from syncerr_gui.core.frame.filtering import ErrorFilter
from syncerr_gui.core.frame.schema import JOB_LEVEL, RECORD_LEVEL
from syncerr_gui.gui import style
from syncerr_gui.gui.i18n import tr
from syncerr_gui.gui.local_time import date_layout
from syncerr_gui.gui.panes.choice_list import ChoiceList
from syncerr_gui.gui.plain_text import tooltip
from syncerr_gui.gui.table.columns import level_text

logger = logging.getLogger(__name__)

# Minutes are enough to pick a window and keep the field narrow; a bound set from a sync
# keeps its seconds (the edit holds the full time, it only shows the minutes).
_QT_FIELDS = {"%Y": "yyyy", "%m": "MM", "%d": "dd", "%H": "HH", "%M": "mm", "%S": "ss"}


def date_format() -> str:
    """The date fields' Qt display format: the window's `date_layout`, to the minute."""
    layout = date_layout(with_seconds=False)
    for field, qt in _QT_FIELDS.items():
        layout = layout.replace(field, qt)
    return layout


def _to_qt(moment: datetime) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000))  # shown in local time


def _from_qt(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toMSecsSinceEpoch() / 1000, UTC)


class FilterDock(QDockWidget):
    """Filters for the errors table; readable from about 260 px wide with no horizontal scrolling.

    Signals: filter_applied(object) with the `ErrorFilter` to show, on Apply, Enter or Reset.
    """

    filter_applied = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Filters"), parent)
        self.setObjectName("filterDock")
        self._default_start: datetime | None = None
        self._default_end: datetime | None = None
        # Whether the admin set the time window (a sync then keeps it), and whether they
        # touched it since the last apply; programmatic changes (`_quiet`) do not count.
        self.own_window = False
        self._window_edited = False
        self._quiet = False
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self._build_search(body))
        layout.addWidget(self._build_choices(body), 1)
        layout.addLayout(self._build_buttons(body))
        self.setWidget(body)
        self.set_filter(ErrorFilter())

    # ---- building --------------------------------------------------------------------------
    def _build_choices(self, parent: QWidget) -> QScrollArea:
        """Time window, levels, error types and objects: the part that scrolls when short."""
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._build_time_box(inner))
        layout.addWidget(self._build_level_box(inner))
        self.error_types = ChoiceList(tr("Error types"), "errorTypeList", inner)
        self.objects = ChoiceList(tr("Objects"), "objectList", inner)
        layout.addWidget(self.error_types, 5)  # many codes, few objects
        layout.addWidget(self.objects, 2)
        self.choices_scroll = QScrollArea(parent)
        self.choices_scroll.setObjectName("filterScroll")
        self.choices_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.choices_scroll.setWidgetResizable(True)
        self.choices_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.choices_scroll.setWidget(inner)
        return self.choices_scroll

    def _section(self, parent: QWidget, title: str) -> tuple[QWidget, QVBoxLayout]:
        """A titled section: a bold heading over its controls (no frame: the dock is narrow)."""
        box = QWidget(parent)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(4)
        layout.addWidget(style.heading(title, box))
        return box, layout

    def _build_time_box(self, parent: QWidget) -> QWidget:
        box, layout = self._section(parent, tr("Failure date/time (local)"))
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.from_check, self.from_edit = self._bound(
            box, "fromEdit", tr("From"), tr("Uncheck for no 'from' limit"), tr("From date and time")
        )
        self.to_check, self.to_edit = self._bound(
            box, "toEdit", tr("To"), tr("Uncheck for no 'to' limit"), tr("To date and time")
        )
        form.addRow(self.from_check, self.from_edit)
        form.addRow(self.to_check, self.to_edit)
        layout.addLayout(form)
        for check in (self.from_check, self.to_check):
            check.toggled.connect(self._window_touched)
        for edit in (self.from_edit, self.to_edit):
            edit.dateTimeChanged.connect(self._window_touched)
        return box

    def _window_touched(self, *_args: object) -> None:
        if not self._quiet:
            self._window_edited = True

    def _bound(
        self, parent: QWidget, name: str, label: str, tip: str, accessible: str
    ) -> tuple[QCheckBox, QDateTimeEdit]:
        check = QCheckBox(label, parent)
        check.setObjectName(f"{name}Check")
        check.setToolTip(tooltip(tip))
        edit = QDateTimeEdit(parent)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(date_format())
        edit.setAccessibleName(accessible)
        edit.setEnabled(False)
        check.toggled.connect(edit.setEnabled)
        return check, edit

    def _build_level_box(self, parent: QWidget) -> QWidget:
        box, layout = self._section(parent, tr("Failed on"))
        row = QHBoxLayout()
        self.job_level = QCheckBox(level_text(JOB_LEVEL), box)
        self.job_level.setObjectName("jobLevelCheck")
        self.record_level = QCheckBox(level_text(RECORD_LEVEL), box)
        self.record_level.setObjectName("recordLevelCheck")
        row.addWidget(self.job_level)
        row.addWidget(self.record_level)
        row.addStretch(1)
        layout.addLayout(row)
        return box

    def _build_search(self, parent: QWidget) -> QLineEdit:
        self.search = QLineEdit(parent)
        self.search.setObjectName("searchEdit")
        self.search.setPlaceholderText(tr("Search messages and IDs…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(tr("Search"))
        self.search.setToolTip(tr("Case-insensitive; looks in error details, type, fields, object and IDs"))
        return self.search  # Enter reaches keyPressEvent below and applies

    def _build_buttons(self, parent: QWidget) -> QHBoxLayout:
        self.apply_button = QPushButton(tr("Apply"), parent)
        self.apply_button.setObjectName("applyButton")
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply)
        self.reset_button = QPushButton(tr("Reset"), parent)
        self.reset_button.setObjectName("resetButton")
        self.reset_button.setToolTip(tr("Back to the default time window, every level, type and object"))
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

    @property
    def default_start(self) -> datetime | None:
        """Where the default window starts (None until a sync or a restored filter says)."""
        return self._default_start

    def is_default_window(self, flt: ErrorFilter) -> bool:
        """Whether `flt`'s window is the default one (to the minute the fields show)."""
        if self._default_start is None or flt.start is None or flt.end != self._default_end:
            return False
        return abs((flt.start - self._default_start).total_seconds()) < 60

    def fitting_width(self) -> int:
        """The dock's width at which no error type or object name needs eliding."""
        inner = max(self.error_types.fitting_width(), self.objects.fitting_width())
        inside = self.widget()
        layout = inside.layout() if inside is not None else None
        margins = layout.contentsMargins() if layout is not None else None
        sides = margins.left() + margins.right() if margins is not None else 16
        return inner + sides + 4

    def set_choices(self, error_type_counts: dict[str, int], object_counts: dict[str, int]) -> None:
        """Refresh the lists and their counts; the user's checks are kept."""
        self.error_types.set_counts(error_type_counts)
        self.objects.set_counts(object_counts)

    def current_filter(self) -> ErrorFilter:
        """The filter the widgets describe now (applied or not)."""
        levels = {
            name
            for name, box in ((JOB_LEVEL, self.job_level), (RECORD_LEVEL, self.record_level))
            if box.isChecked()
        }
        return ErrorFilter(
            start=_from_qt(self.from_edit.dateTime()) if self.from_check.isChecked() else None,
            end=_from_qt(self.to_edit.dateTime()) if self.to_check.isChecked() else None,
            levels=frozenset(levels),
            error_types=self.error_types.chosen(),
            objects=self.objects.chosen(),
            text=self.search.text().strip(),
        )

    def set_filter(self, flt: ErrorFilter, own_window: bool | None = None) -> None:
        """Show `flt` in the widgets (does not emit; call `apply` for that); `own_window`
        says whether its time window is the admin's (None: unchanged)."""
        self._quiet = True
        try:
            self._set_bound(self.from_check, self.from_edit, flt.start)
            self._set_bound(self.to_check, self.to_edit, flt.end)
        finally:
            self._quiet = False
        self.job_level.setChecked(JOB_LEVEL in flt.levels)
        self.record_level.setChecked(RECORD_LEVEL in flt.levels)
        self.error_types.set_chosen(flt.error_types)
        self.objects.set_chosen(flt.objects)
        self.search.setText(flt.text)
        if own_window is not None:
            self.own_window, self._window_edited = own_window, False

    def apply(self) -> None:
        """Emit the filter shown in the widgets (a window the admin edited becomes their own,
        unless they set it back to the default)."""
        flt = self.current_filter()
        if self._window_edited:
            self.own_window, self._window_edited = not self.is_default_window(flt), False
        logger.debug("filter applied: %s", flt.to_dict() | {"text": "…" if flt.text else ""})
        self.filter_applied.emit(flt)

    def reset(self) -> None:
        """Default window, every level, type and object, no search; applied at once."""
        self.set_filter(ErrorFilter(start=self._default_start, end=self._default_end), own_window=False)
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
            edit.setDateTime(
                _to_qt(fallback) if fallback else now.addDays(-5) if check is self.from_check else now
            )
        else:
            edit.setDateTime(_to_qt(moment))
