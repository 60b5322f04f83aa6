"""The Archive dialog's list of reloads: when, who, org, object, operation, rows, job, outcome.

Every reload is recorded in the org's archive before its rows are uploaded (state "pending")
and finished with the job's outcome, so the list also shows a reload a crash interrupted.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from syncerr_gui.core.reload.batch import PENDING, ReloadRecord
from syncerr_gui.gui.plain_text import tooltip

HEADERS = ("When", "Who", "Org", "Object", "Operation", "Rows", "Job ID", "Outcome")


class ReloadHistory(QTableWidget):
    """Read-only, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(HEADERS), parent)
        self.setObjectName("reloadHistory")
        self.setHorizontalHeaderLabels(list(HEADERS))
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
                item.setToolTip(tooltip(record.note))  # "" for none
                if column == 5:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(row, column, item)


def record_cells(record: ReloadRecord) -> tuple[str, ...]:
    target = record.target
    operation = f"{target.operation} on {target.external_id}" if target.external_id else target.operation
    kind = "production" if record.is_production else "sandbox"
    return (
        f"{record.started_at.astimezone():%Y-%m-%d %H:%M}",
        record.username,
        f"{record.org_host} ({kind})",
        target.object_name,
        operation,
        f"{record.rows:,}",
        record.job_id,
        outcome_text(record),
    )


def outcome_text(record: ReloadRecord) -> str:
    """ "8 succeeded, 2 failed" — or that it is still pending (looked up at the next login)."""
    if record.state == PENDING:
        return "Pending: looked up at the next login"
    parts = [
        f"{count:,} {words}"
        for count, words in (
            (record.succeeded, "succeeded"),
            (record.failed, "failed"),
            (record.unprocessed, "unprocessed"),
        )
        if count
    ]
    return f"{record.state}: {', '.join(parts)}" if parts else record.state
