"""The detail pane: everything one error row holds, advice for its code, links and copy buttons.

It follows the table's selection (`show_record`). Links open in the browser through
QDesktopServices: the record, the job in Setup, and a web search whose query carries no
customer data (see core.guidance). IDs are checked to be Salesforce IDs before they go
into a URL, since they come from the network.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (QAbstractItemView, QDockWidget, QFormLayout, QGridLayout, QGroupBox,
                               QHeaderView, QLabel, QPushButton, QScrollArea, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from syncerr_gui.core.guidance import guidance_for, search_url
from syncerr_gui.core.schema import SOURCE_APEX
from syncerr_gui.gui.local_time import format_local, format_utc

logger = logging.getLogger(__name__)

_SF_ID = re.compile(r"^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$")

# (label, record key) in display order; times are handled apart.
FIELDS: tuple[tuple[str, str], ...] = (
    ("Failed On", "failed_on"), ("Error Type", "error_type"), ("Error Details", "message"),
    ("Fields", "fields"), ("Object", "object"), ("Operation", "operation"),
    ("Salesforce ID", "salesforce_id"), ("Source ID", "source_id"), ("Job ID", "job_id"),
    ("Batch ID", "batch_id"), ("Source", "source"), ("Created by", "created_by"),
)


def record_url(instance_url: str, salesforce_id: str) -> str:
    """The record's page, or '' when there is no (valid) id."""
    return f"{instance_url.rstrip('/')}/{salesforce_id}" if _SF_ID.match(salesforce_id or "") else ""


def job_setup_url(instance_url: str, source: str, job_id: str) -> str:
    """The job's page in Setup (Bulk Data Load Jobs, or Apex Jobs), '' without a valid id."""
    if not _SF_ID.match(job_id or ""):
        return ""
    base = instance_url.rstrip("/")
    if source == SOURCE_APEX:
        return f"{base}/lightning/setup/AsyncApexJobs/home"
    return f"{base}/lightning/setup/AsyncApiJobStatus/page?address=%2F{job_id}"


class DetailPane(QDockWidget):
    """Shows one error row in full (`show_record(dict | None)`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Details", parent)
        self.setObjectName("detailPane")
        self.instance_url = ""
        self.record: dict[str, Any] | None = None
        self.values: dict[str, QLabel] = {}
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.placeholder = QLabel("Select a row to see its details.", body)
        layout.addWidget(self.placeholder)
        layout.addWidget(self._build_fields(body))
        layout.addLayout(self._build_actions(body))
        layout.addWidget(self._build_guidance(body))
        layout.addWidget(self._build_input_table(body))
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # wrap, don't cut
        scroll.setWidget(body)
        self.setWidget(scroll)
        self.show_record(None)

    # --- building ---------------------------------------------------------------------------
    def _value_label(self, parent: QWidget, key: str) -> QLabel:
        label = QLabel(parent)
        label.setObjectName(f"value_{key}")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        self.values[key] = label
        return label

    def _build_fields(self, parent: QWidget) -> QWidget:
        self.fields_box = QWidget(parent)
        form = QFormLayout(self.fields_box)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        for label, key in FIELDS[:1]:
            form.addRow(f"{label}:", self._value_label(self.fields_box, key))
        form.addRow("Failure Date/Time:", self._value_label(self.fields_box, "failed_at_local"))
        form.addRow("In UTC:", self._value_label(self.fields_box, "failed_at_utc"))
        for label, key in FIELDS[1:]:
            form.addRow(f"{label}:", self._value_label(self.fields_box, key))
        self.values["message"].setMinimumWidth(160)
        return self.fields_box

    def _button(self, parent: QWidget, text: str, name: str, slot: Any) -> QPushButton:
        button = QPushButton(text, parent)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _build_actions(self, parent: QWidget) -> QGridLayout:
        self.open_record_button = self._button(parent, "Open record", "openRecordButton", self.open_record)
        self.open_job_button = self._button(parent, "Open job in Setup", "openJobButton", self.open_job)
        self.search_button = self._button(parent, "Search online", "searchOnlineButton", self.search_online)
        self.copy_buttons = {
            key: self._button(parent, text, f"copy_{key}", lambda _=False, k=key: self.copy_value(k))
            for key, text in (("message", "Copy message"), ("salesforce_id", "Copy Salesforce ID"),
                              ("source_id", "Copy Source ID"), ("job_id", "Copy Job ID"))}
        self._action_widgets = [self.open_record_button, self.open_job_button, self.search_button,
                                *self.copy_buttons.values()]
        # Two columns so the pane stays narrow enough to leave the table its room.
        grid = QGridLayout()
        for i, widget in enumerate(self._action_widgets):
            grid.addWidget(widget, i // 2, i % 2)
        return grid

    def _build_guidance(self, parent: QWidget) -> QGroupBox:
        self.guidance_box = QGroupBox("What usually causes this and where to fix it", parent)
        self.guidance_label = QLabel(self.guidance_box)
        self.guidance_label.setObjectName("guidanceLabel")
        self.guidance_label.setWordWrap(True)
        self.guidance_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(self.guidance_box).addWidget(self.guidance_label)
        return self.guidance_box

    def _build_input_table(self, parent: QWidget) -> QGroupBox:
        self.input_box = QGroupBox("Failed input row", parent)
        self.input_table = QTableWidget(0, 2, self.input_box)
        self.input_table.setObjectName("inputRowTable")
        self.input_table.setHorizontalHeaderLabels(["Field", "Value"])
        self.input_table.verticalHeader().hide()
        self.input_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.input_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.input_table.setMinimumHeight(120)
        QVBoxLayout(self.input_box).addWidget(self.input_table)
        return self.input_box

    # --- showing --------------------------------------------------------------------------
    def show_record(self, record: dict[str, Any] | None) -> None:
        """Show `record` (a row as a dict of frame columns), or the placeholder for None."""
        self.record = record
        has = record is not None
        self.placeholder.setVisible(not has)
        for widget in (self.fields_box, self.guidance_box, self.input_box):
            widget.setVisible(has)
        for widget in self._action_widgets:
            widget.setVisible(has)
        if record is None:
            return
        for _, key in FIELDS:
            self.values[key].setText(str(record.get(key, "") or ""))
        self.values["failed_at_local"].setText(format_local(record.get("failed_at")))
        self.values["failed_at_utc"].setText(format_utc(record.get("failed_at")))
        self._show_guidance(str(record.get("error_type", "")))
        self._show_input_row(str(record.get("input_row", "") or ""))
        self.open_record_button.setEnabled(bool(self._record_url()))
        self.open_job_button.setEnabled(bool(self._job_url()))
        for key, button in self.copy_buttons.items():
            button.setEnabled(bool(record.get(key)))

    def _show_guidance(self, code: str) -> None:
        guidance = guidance_for(code)
        self.guidance_box.setVisible(guidance is not None)
        if guidance is not None:
            self.guidance_label.setText(f"{guidance.cause}\n\nWhere to fix: {guidance.where_to_fix}")

    def _show_input_row(self, text: str) -> None:
        try:
            data = json.loads(text) if text else {}
        except ValueError:
            data = {"(raw)": text}
        if not isinstance(data, dict):
            data = {"(raw)": text}
        self.input_table.setRowCount(len(data))
        for row, (field, value) in enumerate(data.items()):
            self.input_table.setItem(row, 0, QTableWidgetItem(str(field)))
            self.input_table.setItem(row, 1, QTableWidgetItem("" if value is None else str(value)))
        self.input_table.resizeColumnToContents(0)
        self.input_box.setVisible(bool(data))

    # --- actions --------------------------------------------------------------------------
    def _get(self, key: str) -> str:
        return str((self.record or {}).get(key, "") or "")

    def _record_url(self) -> str:
        return record_url(self.instance_url, self._get("salesforce_id")) if self.instance_url else ""

    def _job_url(self) -> str:
        return job_setup_url(self.instance_url, self._get("source"), self._get("job_id")) if self.instance_url else ""

    def open_record(self) -> None:
        """Open the record in the browser."""
        if url := self._record_url():
            QDesktopServices.openUrl(QUrl(url))

    def open_job(self) -> None:
        """Open the job's page in Setup."""
        if url := self._job_url():
            QDesktopServices.openUrl(QUrl(url))

    def search_online(self) -> None:
        """Search the web for the code and the scrubbed message."""
        if self.record is not None:
            QDesktopServices.openUrl(QUrl(search_url(self._get("error_type"), self._get("message"))))

    def copy_value(self, key: str) -> None:
        """Put one value of the row on the clipboard."""
        QGuiApplication.clipboard().setText(self._get(key))
