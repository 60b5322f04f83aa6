"""The detail pane: everything one error row holds, advice for its code, links and copy buttons.

It follows the table's selection (`show_record`). Docked at the bottom it lays out in
columns (the row's IDs | what usually causes this | the failed input row) under a full-width
title and message, so the table above keeps the window's width; docked at a side or floating
the columns stack. Links open in the browser through QDesktopServices: the record, the job in
Setup, and a web search whose query carries no customer data (see core.guidance). IDs are
checked to be Salesforce IDs before they go into a URL, since they come from the network.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from PySide6.QtCore import QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDockWidget,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from syncerr_gui.core.frame.guidance import (
    guidance_for,
    job_setup_url,
    record_url,
    search_explained,
    search_query,
    search_url,
)
from syncerr_gui.gui import style
from syncerr_gui.gui.i18n import QT_TR_NOOP, shown, tr
from syncerr_gui.gui.links import offer_link
from syncerr_gui.gui.local_time import format_local, format_utc
from syncerr_gui.gui.plain_text import escape, plain_label, rich_label, tooltip
from syncerr_gui.gui.table.columns import level_text

logger = logging.getLogger(__name__)

COLUMN_SHARES = (38, 30, 32)  # IDs | guidance | input row, in per cent of the pane
EMPTY_TEXT = QT_TR_NOOP("Select an error to see its details.")
NO_VALUE = "—"
FIELD_COLUMN_MAX = 180  # px for the input row's field names; longer ones elide (tooltip has them)

# The "Record and job" grid: (label, record key, monospace). Empty rows are hidden.
ID_FIELDS: tuple[tuple[str, str, bool], ...] = (
    (QT_TR_NOOP("Salesforce ID"), "salesforce_id", True),
    (QT_TR_NOOP("Source ID"), "source_id", True),
    (QT_TR_NOOP("Job ID"), "job_id", True),
    (QT_TR_NOOP("Batch ID"), "batch_id", True),
    (QT_TR_NOOP("Created by"), "created_by", True),
    (QT_TR_NOOP("In UTC"), "failed_at_utc", False),
)
# The values that can be copied: (button tooltip, what the status bar says once copied).
_COPYABLE: dict[str, tuple[str, str]] = {
    "salesforce_id": (
        QT_TR_NOOP("Copy the Salesforce ID"),
        QT_TR_NOOP("Copied the Salesforce ID to the clipboard."),
    ),
    "source_id": (QT_TR_NOOP("Copy the Source ID"), QT_TR_NOOP("Copied the Source ID to the clipboard.")),
    "job_id": (QT_TR_NOOP("Copy the Job ID"), QT_TR_NOOP("Copied the Job ID to the clipboard.")),
    "message": (
        QT_TR_NOOP("Copy the error details"),
        QT_TR_NOOP("Copied the error details to the clipboard."),
    ),
}
# A group's triage state (core/archive/triage.py) in the window's words.
TRIAGE_LABELS: dict[str, str] = {
    "New": QT_TR_NOOP("New"),
    "Ongoing": QT_TR_NOOP("Ongoing"),
    "Resolved": QT_TR_NOOP("Resolved"),
    "Ignored": QT_TR_NOOP("Ignored"),
    "Regressed": QT_TR_NOOP("Regressed"),
}
# Keys that are always shown even when empty (an empty Salesforce ID says "not created").
_ALWAYS_SHOWN = frozenset({"salesforce_id", "source_id", "job_id"})


def summary_line(record: dict[str, Any]) -> str:
    """'Record Level · Lead · insert · Bulk API 2.0 · 2026-11-20 15:03:12 CET' (empty parts left out)."""
    parts = (
        level_text(str(record.get("failed_on") or "")),
        record.get("object"),
        record.get("operation"),
        record.get("source"),
        format_local(record.get("failed_at")),
        tr("Job state: {state}").format(state=record["job_state"]) if record.get("job_state") else "",
        tr("Reloaded in job {job}").format(job=record["reloaded_in"]) if record.get("reloaded_in") else "",
        tr("Reload of an error of job {job}").format(job=record["reload_of"])
        if record.get("reload_of")
        else "",
    )
    return " · ".join(str(p) for p in parts if p)


def window_language() -> str:
    """The window's language code ("fr"), for the advice file to read."""
    return QLocale().name().split("_")[0].lower()


def group_counts(errors: int, records: int, jobs: int) -> str:
    """'1,234 errors on 56 records in 7 jobs', each count with its own plural."""
    return tr("{errors} on {records} in {jobs}", "a group's counts: N errors on N records in N jobs").format(
        errors=tr("%Ln error(s)", None, errors),
        records=tr("%Ln record(s)", None, records),
        jobs=tr("%Ln job(s)", None, jobs),
    )


class DetailPane(QDockWidget):
    """Shows one error row in full (`show_record(dict | None)`); an empty state for None.

    Signals: notice(str) with a short confirmation for the status bar ("Copied …").
    """

    notice = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Details"), parent)
        self.setObjectName("detailPane")
        self.instance_url = ""
        self.record: dict[str, Any] | None = None
        self.values: dict[str, QLabel] = {}
        self.copy_buttons: dict[str, QAbstractButton] = {}
        self.stack = QStackedWidget(self)
        self.placeholder = style.mute(plain_label(tr(EMPTY_TEXT), self.stack))
        self.placeholder.setObjectName("detailPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self._build_body())
        self.setWidget(self.stack)
        self.dockLocationChanged.connect(self._area_changed)
        self.topLevelChanged.connect(self._floating_changed)
        self.show_record(None)

    # --- building ---------------------------------------------------------------------------
    def _build_body(self) -> QScrollArea:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(4)
        layout.addLayout(self._build_title(body))
        layout.addWidget(self._value_label(body, "message"))
        layout.addWidget(self._value_label(body, "fields"))
        layout.addWidget(style.mute(self._value_label(body, "recurrence")))
        self.columns = QSplitter(Qt.Orientation.Horizontal, body)
        self.columns.setObjectName("detailColumns")
        self.columns.setChildrenCollapsible(False)
        self.columns.addWidget(self._build_ids(self.columns))
        self.columns.addWidget(self._build_guidance(self.columns))
        self.columns.addWidget(self._build_input_table(self.columns))
        for index, share in enumerate(COLUMN_SHARES):
            self.columns.setStretchFactor(index, share)
        self.columns.setSizes([share * 100 for share in COLUMN_SHARES])  # scaled to the width
        layout.addWidget(self.columns, 1)
        scroll = self._scroll = QScrollArea(self)
        scroll.setObjectName("detailScroll")
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # wrap, don't cut
        scroll.setWidget(body)
        return scroll

    def _build_title(self, parent: QWidget) -> QGridLayout:
        title = style.selectable(style.heading("", parent, scale=1.15))
        title.setObjectName("value_error_type")
        title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens the pane
        self.values["error_type"] = title
        self.summary = style.mute(style.selectable(plain_label(parent=parent)))
        self.summary.setObjectName("detailSummary")
        self.search_button = self._tool_button(
            parent,
            tr("Search online"),
            "searchOnlineButton",
            tr("Search the web for this error's code (and Salesforce's standard wording; no customer data)"),
        )
        self.search_button.clicked.connect(self.search_online)
        self._copy_button(parent, "message", tr("Copy message"))
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(title, 0, 0)
        grid.addWidget(self.summary, 1, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_buttons["message"])
        buttons.addWidget(self.search_button)
        grid.addLayout(buttons, 0, 1, 2, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 1)
        return grid

    def _value_label(self, parent: QWidget, key: str, mono: bool = False) -> QLabel:
        label = style.selectable(plain_label(parent=parent))
        label.setObjectName(f"value_{key}")
        if mono:  # IDs: fixed pitch, as wide as they are (long ones still break, see breakable)
            label.setFont(style.monospace_font())
        else:  # prose wraps to the pane's width and never widens it
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.values[key] = label
        return label

    def _tool_button(self, parent: QWidget, text: str, name: str, tip: str) -> QToolButton:
        button = QToolButton(parent)
        button.setText(text)
        button.setObjectName(name)
        button.setToolTip(tooltip(tip))
        return button

    def _copy_button(self, parent: QWidget, key: str, text: str) -> QToolButton:
        button = self._tool_button(parent, text, f"copy_{key}", tr(_COPYABLE[key][0]))
        button.clicked.connect(lambda _=False, k=key: self.copy_value(k))
        self.copy_buttons[key] = button
        return button

    def _build_ids(self, parent: QWidget) -> QGroupBox:
        """Label | value | Copy | Open, one row per ID, columns aligned."""
        self.ids_box = QGroupBox(tr("Record and job"), parent)
        grid = self._ids_grid = QGridLayout(self.ids_box)
        grid.setContentsMargins(8, 4, 8, 4)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        self.open_record_button = self._tool_button(
            self.ids_box, tr("Open"), "openRecordButton", tr("Open the record in Salesforce")
        )
        self.open_record_button.clicked.connect(self.open_record)
        self.open_job_button = self._tool_button(
            self.ids_box, tr("Open"), "openJobButton", tr("Open the job's page in Setup")
        )
        self.open_job_button.clicked.connect(self.open_job)
        opens = {"salesforce_id": self.open_record_button, "job_id": self.open_job_button}
        self._id_rows: dict[str, list[QWidget]] = {}
        for row, (label, key, mono) in enumerate(ID_FIELDS):
            value = self._value_label(self.ids_box, key, mono)
            cells: list[QWidget] = [plain_label(tr("{label}:").format(label=tr(label)), self.ids_box), value]
            if key in _COPYABLE:
                cells.append(self._copy_button(self.ids_box, key, tr("Copy")))
            if key in opens:
                cells.append(opens[key])
            for col, widget in enumerate(cells):
                span = 3 if col == 1 and len(cells) == 2 else 1  # values without buttons take the row
                grid.addWidget(widget, row, col, 1, span)
            self._id_rows[key] = cells
        self._row_height = self.open_job_button.sizeHint().height()  # an even rhythm, buttons or not
        grid.setRowStretch(len(ID_FIELDS), 1)
        return self.ids_box

    def _build_guidance(self, parent: QWidget) -> QGroupBox:
        self.guidance_box = QGroupBox(tr("What usually causes this"), parent)
        self.guidance_label = style.selectable(rich_label(self.guidance_box))
        self.guidance_label.setObjectName("guidanceLabel")  # bold "Where to fix"; text escaped
        self.guidance_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        box = QVBoxLayout(self.guidance_box)
        box.setContentsMargins(8, 4, 8, 4)
        box.addWidget(self.guidance_label)
        box.addStretch(1)
        return self.guidance_box

    def _build_input_table(self, parent: QWidget) -> QGroupBox:
        self.input_box = QGroupBox(tr("Failed input row"), parent)
        self.input_table = QTableWidget(0, 2, self.input_box)
        self.input_table.setObjectName("inputRowTable")
        self.input_table.setHorizontalHeaderLabels([tr("Field"), tr("Value")])
        self.input_table.verticalHeader().hide()
        self.input_table.verticalHeader().setDefaultSectionSize(self.input_table.fontMetrics().height() + 6)
        self.input_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.input_table.setAlternatingRowColors(True)
        self.input_table.setWordWrap(False)
        self.input_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.input_table.setMinimumHeight(90)
        # Takes the height it is given: its preferred height would make the bottom pane scroll.
        self.input_table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        box = QVBoxLayout(self.input_box)
        box.setContentsMargins(8, 4, 8, 4)
        box.addWidget(self.input_table)
        return self.input_box

    def set_columns(self, side_by_side: bool) -> None:
        """Columns side by side (bottom/top dock, floating) or stacked (left/right dock)."""
        self.columns.setOrientation(Qt.Orientation.Horizontal if side_by_side else Qt.Orientation.Vertical)
        self._fit_width()

    def _floating_changed(self, floating: bool) -> None:
        """A floating pane has room for its columns side by side."""
        if floating:
            self.set_columns(True)

    def _fit_width(self) -> None:
        """The scroll area never scrolls sideways, so the dock must be at least as wide as the
        body's minimum (stacked at a side that is the widest column; side by side, their sum)."""
        body = self._scroll.widget()
        if body is None:
            return
        body.adjustSize()
        bar = self._scroll.verticalScrollBar().sizeHint().width()
        self._scroll.setMinimumWidth(body.minimumSizeHint().width() + bar)

    def _area_changed(self, area: Qt.DockWidgetArea) -> None:
        self.set_columns(
            area not in (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)
        )

    # --- showing --------------------------------------------------------------------------
    def show_record(self, record: dict[str, Any] | None) -> None:
        """Show `record` (a row as a dict of frame columns), or the empty state for None."""
        self.record = record
        self.stack.setCurrentIndex(0 if record is None else 1)
        if record is None:
            return
        for key, label in self.values.items():
            label.setText(style.breakable(str(record.get(key, "") or "")))
        self.values["error_type"].setText(str(record.get("error_type") or tr("(no error code)")))
        fields = str(record.get("fields") or "")
        self.values["fields"].setText(tr("Fields: {fields}").format(fields=fields) if fields else "")
        self.values["fields"].setVisible(bool(fields))
        self.values["recurrence"].setVisible(bool(record.get("recurrence")))
        self.ids_box.show()
        self.input_box.show()
        self.values["failed_at_utc"].setText(format_utc(record.get("failed_at")))
        self.summary.setText(summary_line(record))
        self._show_id_rows()
        self._show_guidance(str(record.get("error_type", "")))
        self._show_input_row(str(record.get("input_row", "") or ""))
        self.open_record_button.setEnabled(bool(self._record_url()))
        self.open_job_button.setEnabled(bool(self._job_url()))
        for key, button in self.copy_buttons.items():
            button.setEnabled(bool(record.get(key)))
        code, message = str(record.get("error_type") or ""), str(record.get("message") or "")
        self.search_button.setEnabled(bool(search_query(code, message)))
        self.search_button.setToolTip(tooltip(shown(search_explained(code, message))))  # says what is sent
        self._fit_width()

    def show_group(self, group: dict[str, Any]) -> None:
        """A selected error group (a `GroupSummary.table` row as a dict): its code, pattern,
        counts and the advice for its code; no IDs or input row (those are per record)."""
        code, pattern = str(group.get("error_type") or ""), str(group.get("pattern") or "")
        self.record = {"error_type": code, "message": pattern, "fields": group.get("fields") or ""}
        self.stack.setCurrentIndex(1)
        self.values["error_type"].setText(code or tr("(no error code)"))
        self.values["message"].setText(style.breakable(pattern))
        fields = str(group.get("fields") or "")
        self.values["fields"].setText(tr("Fields: {fields}").format(fields=fields) if fields else "")
        self.values["fields"].setVisible(bool(fields))
        self.values["recurrence"].hide()
        counts = group_counts(
            int(group.get("errors", 0)), int(group.get("records", 0)), int(group.get("jobs", 0))
        )
        state = str(group.get("state") or "")
        state = tr(TRIAGE_LABELS[state]) if state in TRIAGE_LABELS else state
        parts = (state, level_text(str(group.get("failed_on") or "")), group.get("object"), counts)
        self.summary.setText(" · ".join(str(p) for p in parts if p))
        self._show_guidance(code)
        self.ids_box.hide()
        self.input_box.hide()
        self.copy_buttons["message"].setEnabled(bool(pattern))
        self.search_button.setEnabled(bool(search_query(code, pattern)))
        self.search_button.setToolTip(tooltip(shown(search_explained(code, pattern))))

    def _show_id_rows(self) -> None:
        """Rows with a value; the three IDs always (a dash says "none", e.g. job-level rows)."""
        for row, (key, cells) in enumerate(self._id_rows.items()):
            label = self.values[key]
            visible = key in _ALWAYS_SHOWN or bool(label.text())
            if visible and not label.text():
                label.setText(NO_VALUE)
            for widget in cells:
                widget.setVisible(visible)
            self._ids_grid.setRowMinimumHeight(row, self._row_height if visible else 0)

    def _show_guidance(self, code: str) -> None:
        guidance = guidance_for(code, window_language())
        if guidance is None:
            self.guidance_label.setText(
                tr(
                    "No advice for this code yet. <i>Search online</i> finds what "
                    "other admins did (no customer data is sent)."
                )
            )
            return
        where = escape(tr("Where to fix:"))
        self.guidance_label.setText(
            f"{escape(guidance.cause)}<br><br><b>{where}</b> {escape(guidance.where_to_fix)}"
        )

    def _show_input_row(self, text: str) -> None:
        try:
            data = json.loads(text) if text else {}
        except ValueError:
            data = {tr("(raw)"): text}
        if not isinstance(data, dict):
            data = {tr("(raw)"): text}
        self.input_table.setRowCount(len(data))
        for row, (field, value) in enumerate(data.items()):
            cell_text = "" if value is None else str(value)
            for col, cell in enumerate((str(field), cell_text)):
                item = QTableWidgetItem(cell)
                item.setToolTip(tooltip(cell))
                self.input_table.setItem(row, col, item)
        self._fit_field_column([str(field) for field in data])
        self.input_box.setVisible(bool(data))

    def _fit_field_column(self, fields: list[str]) -> None:
        """Field names in full (all of them, not only the rows in view), up to a sane width."""
        metrics = self.input_table.fontMetrics()
        header = self.input_table.horizontalHeader()
        widest = max((metrics.horizontalAdvance(f) for f in fields), default=0) + 16
        widest = max(widest, header.sectionSizeFromContents(0).width())
        self.input_table.setColumnWidth(0, min(widest, FIELD_COLUMN_MAX))

    # --- actions --------------------------------------------------------------------------
    def _get(self, key: str) -> str:
        return str((self.record or {}).get(key, "") or "")

    def _record_url(self) -> str:
        return record_url(self.instance_url, self._get("salesforce_id")) if self.instance_url else ""

    def _job_url(self) -> str:
        if not self.instance_url:
            return ""
        return job_setup_url(self.instance_url, self._get("source"), self._get("job_id"))

    def open_record(self) -> None:
        """Open the record in the browser."""
        if url := self._record_url():
            self._open(url, tr("the record"))

    def open_job(self) -> None:
        """Open the job's page in Setup."""
        if url := self._job_url():
            self._open(url, tr("the job's page in Setup"))

    def search_online(self) -> None:
        """Search the web for the code and the scrubbed message."""
        if self.record is not None:
            self._open(search_url(self._get("error_type"), self._get("message")), tr("the web search"))

    def _open(self, url: str, what: str) -> None:
        """In the browser; when none opens, say so and offer to copy the link."""
        if not QDesktopServices.openUrl(QUrl(url)):
            offer_link(self, url, what, self.notice.emit)

    def copy_value(self, key: str) -> None:
        """Put one value of the row on the clipboard (the original text, not the display one)."""
        QGuiApplication.clipboard().setText(self._get(key))
        self.notice.emit(tr(_COPYABLE.get(key, _COPYABLE["message"])[1]))
