"""The Archive dialog's list of reloads: when, who, org, object, operation, rows, job, outcome.

Every reload is recorded in the org's archive before its rows are uploaded (state "pending")
and finished with the job's outcome, so the list also shows a reload a crash interrupted.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from syncerr_gui.core.reload.batch import PENDING, ReloadRecord
from syncerr_gui.gui.i18n import shown, tr
from syncerr_gui.gui.local_time import date_layout
from syncerr_gui.gui.plain_text import tooltip


def headers() -> list[str]:
    """The list's headers, in the window's language."""
    return [
        tr("When"),
        tr("Who"),
        tr("Org"),
        tr("Object"),
        tr("Operation"),
        tr("Rows"),
        tr("Job ID"),
        tr("Outcome"),
    ]


class ReloadHistory(QTableWidget):
    """Read-only, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        names = headers()
        super().__init__(0, len(names), parent)
        self.setObjectName("reloadHistory")
        self.setHorizontalHeaderLabels(names)
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.setMinimumHeight(120)

    def set_records(self, records: Sequence[ReloadRecord]) -> None:
        ordered = sorted(records, key=lambda record: record.started_at, reverse=True)
        self.setRowCount(len(ordered))
        for row, record in enumerate(ordered):
            for column, text in enumerate(record_cells(record)):
                item = QTableWidgetItem(text)
                item.setToolTip(tooltip(shown(record.note)))  # "" for none
                if column == 5:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(row, column, item)


def record_cells(record: ReloadRecord) -> tuple[str, ...]:
    target = record.target
    operation = (
        tr("{operation} on {field}").format(operation=target.operation, field=target.external_id)
        if target.external_id
        else target.operation
    )
    kind = tr("production") if record.is_production else tr("sandbox")
    return (
        record.started_at.astimezone().strftime(date_layout(False)),
        record.username,
        f"{record.org_host} ({kind})",
        target.object_name,
        operation,
        QLocale().toString(record.rows),
        record.job_id,
        outcome_text(record),
    )


def outcome_text(record: ReloadRecord) -> str:
    """ "8 succeeded, 2 failed" — or that it is still pending (looked up at the next login). The
    job's state is Salesforce's own word (JobComplete, Aborted)."""
    if record.state == PENDING:
        return tr("Pending: looked up at the next login")
    parts = [
        words
        for count, words in (
            (record.succeeded, tr("%Ln succeeded", None, record.succeeded)),
            (record.failed, tr("%Ln failed", None, record.failed)),
            (record.unprocessed, tr("%Ln unprocessed", None, record.unprocessed)),
        )
        if count
    ]
    return (
        tr("{state}: {counts}").format(state=record.state, counts=", ".join(parts)) if parts else record.state
    )
