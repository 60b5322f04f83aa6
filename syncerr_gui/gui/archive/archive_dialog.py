"""The Archive… dialog: where the org's error archive is, how big (per month), how long errors are kept.

Retention is a setting (days; errors that failed longer ago are purged at every start);
"Purge now" applies it at once, in the background, and the table reloads without the
purged rows. "Drop input rows" keeps the errors but forgets the failed input rows older
than the days given (most of an archive's size). Both run a part at a time with a
progress bar and Cancel (what was done stays done). Nothing here blocks the window: the
dialog is non-modal.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from syncerr_gui.core.archive.store import MonthSize
from syncerr_gui.core.exceptions import ArchiveError
from syncerr_gui.core.reload.batch import ReloadRecord
from syncerr_gui.gui import style
from syncerr_gui.gui.archive.reload_history import ReloadHistory
from syncerr_gui.gui.plain_text import plain_label

logger = logging.getLogger(__name__)

MAX_RETENTION_DAYS = 3650
DEFAULT_INPUT_DAYS = 30
MONTH_HEADERS = ("Month (failed)", "Errors", "Errors size", "Input rows size")


@dataclass
class ArchiveInfo:
    """What the Archive… dialog shows about one org's archive."""

    org_id: str
    path: Path
    size_bytes: int
    rows: int
    last_sync: datetime | None


class ArchiveActions(Protocol):
    """What the dialog needs from whoever owns the archive (the window's ArchiveController).

    Signals: `purged(int)` after a purge, with the rows removed; `inputs_dropped(int)` after
    an input-row drop; `shrink_progress(int, int)` while either runs; `failed(str)` with words.
    """

    purged: SignalInstance
    inputs_dropped: SignalInstance
    shrink_progress: SignalInstance
    failed: SignalInstance
    data_dir: Path | None

    @property
    def retention_days(self) -> int: ...

    def set_retention_days(self, days: int) -> None: ...

    def info(self) -> ArchiveInfo | None: ...

    def size_by_month(self) -> list[MonthSize]: ...

    def purge_now(self, days: int) -> bool: ...

    def drop_inputs_now(self, days: int) -> bool: ...

    def cancel_shrink(self) -> None: ...

    def reload_records(self) -> list[ReloadRecord]: ...


def _size_text(size: int) -> str:
    """1,234 bytes / 12.3 MB."""
    if size < 1024:
        return f"{size:,} bytes"
    value = float(size)
    for unit in ("KB", "MB", "GB"):
        value /= 1024
        if value < 1024 or unit == "GB":
            break
    return f"{value:,.1f} {unit}"


class ArchiveDialog(QDialog):
    """Location, size (per month), rows and last sync of the archive; retention days; Purge
    now; Drop input rows; progress and Cancel while shrinking."""

    def __init__(self, controller: ArchiveActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("archiveDialog")
        self.setWindowTitle("Error archive")
        self.setModal(False)
        self.location, self.size_label, self.rows, self.last_sync = (
            self._value(n) for n in ("archiveLocation", "archiveSize", "archiveRows", "archiveLastSync")
        )
        self.retention = QSpinBox(self)
        self.retention.setObjectName("retentionDays")
        self.retention.setRange(1, MAX_RETENTION_DAYS)
        self.retention.setSuffix(" days")
        self.retention.setAccessibleName("Keep errors for (days)")
        self.retention.setValue(controller.retention_days)
        self.retention.valueChanged.connect(controller.set_retention_days)
        self.purge_button = QPushButton("&Purge now", self)
        self.purge_button.setObjectName("purgeButton")
        self.purge_button.setToolTip("Delete archived errors that failed longer ago than the days above")
        self.purge_button.clicked.connect(self.purge)
        self.input_days = QSpinBox(self)
        self.input_days.setObjectName("inputRowDays")
        self.input_days.setRange(1, MAX_RETENTION_DAYS)
        self.input_days.setSuffix(" days")
        self.input_days.setValue(DEFAULT_INPUT_DAYS)
        self.input_days.setAccessibleName("Drop input rows older than (days)")
        self.drop_button = QPushButton("&Drop input rows", self)
        self.drop_button.setObjectName("dropInputsButton")
        self.drop_button.setToolTip(
            "Keep the errors but forget the failed input rows of errors older than the days shown"
        )
        self.drop_button.clicked.connect(self.drop_inputs)
        self.months = self._month_table()
        self.reloads = ReloadHistory(self)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("shrinkProgress")
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setObjectName("cancelShrinkButton")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.message = plain_label(parent=self)
        self.message.setObjectName("archiveMessage")
        self.message.setWordWrap(True)
        self._lay_out()
        controller.purged.connect(self._purged)
        controller.inputs_dropped.connect(self._dropped)
        controller.shrink_progress.connect(self._progressed)
        controller.failed.connect(self._failed)

    def _value(self, name: str) -> QLabel:
        label = plain_label(parent=self)
        label.setObjectName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        return label

    def _month_table(self) -> QTableWidget:
        table = QTableWidget(0, len(MONTH_HEADERS), self)
        table.setObjectName("archiveMonths")
        table.setHorizontalHeaderLabels(list(MONTH_HEADERS))
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setMinimumHeight(160)
        return table

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow("Location:", self.location)
        form.addRow("Size on disk:", self.size_label)
        form.addRow("Errors archived:", self.rows)
        form.addRow("Last sync:", self.last_sync)
        form.addRow("Keep errors for:", _row(self.retention, self.purge_button))
        form.addRow("Drop input rows older than:", _row(self.input_days, self.drop_button))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            plain_label("Errors older than the days kept are deleted at every start of the app.", self)
        )
        layout.addWidget(self.months)
        layout.addWidget(style.heading("Reloads", self))
        layout.addWidget(self.reloads)
        layout.addLayout(_row_layout(self.progress, self.cancel_button))
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def refresh(self) -> None:
        """Re-read the archive's figures (quick: a count and three file sizes)."""
        try:
            info = self.controller.info()
        except ArchiveError as exc:
            self._failed(str(exc))
            return
        folder = self.controller.data_dir
        if info is None:
            self.location.setText(str(folder) if folder else "No data folder")
            for label in (self.size_label, self.rows, self.last_sync):
                label.setText("—")
            self.message.setText("No archive yet for this org: log in and sync to start one.")
            self._set_busy(None)
            self.purge_button.setEnabled(False)
            self.drop_button.setEnabled(False)
            self._show_months([])
            return
        self.location.setText(str(info.path))
        self.size_label.setText(_size_text(info.size_bytes))
        self.rows.setText(f"{info.rows:,}")
        self.last_sync.setText(f"{info.last_sync.astimezone():%Y-%m-%d %H:%M}" if info.last_sync else "never")
        self._show_months(self.controller.size_by_month())
        self.reloads.set_records(self.controller.reload_records())
        self._set_busy(None)

    def purge(self) -> None:
        """Purge to the days shown, in the background."""
        days = self.retention.value()
        if not self.controller.purge_now(days):
            self.message.setText("Nothing to purge now (no archive, or a sync or a purge is running).")
            return
        self._set_busy(f"Deleting errors older than {days} days…")

    def drop_inputs(self) -> None:
        """Drop the input rows older than the days shown, in the background."""
        days = self.input_days.value()
        if not self.controller.drop_inputs_now(days):
            self.message.setText("Nothing to shrink now (no archive, or a sync or a purge is running).")
            return
        self._set_busy(f"Dropping the input rows of errors older than {days} days…")

    def cancel(self) -> None:
        self.controller.cancel_shrink()
        self.cancel_button.setEnabled(False)
        self.message.setText("Stopping after the part in hand…")

    def _set_busy(self, text: str | None) -> None:
        """Show the progress bar and Cancel with `text`, or go back to idle (None)."""
        busy = text is not None
        for button in (self.purge_button, self.drop_button):
            button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)  # busy until the first part is reported
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        if busy:
            self.message.setText(str(text))

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _show_months(self, months: list[MonthSize]) -> None:
        self.months.setRowCount(len(months))
        for row, month in enumerate(months):
            cells = (
                month.month or "unknown",
                f"{month.rows:,}",
                _size_text(month.error_bytes),
                _size_text(month.input_bytes),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.months.setItem(row, column, item)

    def _purged(self, count: int) -> None:
        self.refresh()
        self.message.setText(
            f"Deleted {count:,} archived errors." if count else "Nothing was old enough to delete."
        )

    def _dropped(self, count: int) -> None:
        self.refresh()
        self.message.setText(
            f"Dropped the input rows of {count:,} archived errors; the errors are kept."
            if count
            else "No input rows were old enough to drop."
        )

    def _failed(self, text: str) -> None:
        self._set_busy(None)
        self.message.setText(text)


def _row(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    holder.setLayout(_row_layout(*widgets))
    return holder


def _row_layout(*widgets: QWidget) -> QHBoxLayout:
    layout = QHBoxLayout()
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return layout
