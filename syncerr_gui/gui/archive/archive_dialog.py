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

from PySide6.QtCore import QLocale, Qt, SignalInstance
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
from syncerr_gui.core.exceptions import ArchiveError, failure_words
from syncerr_gui.core.reload.batch import ReloadRecord
from syncerr_gui.gui import style
from syncerr_gui.gui.archive.reload_history import ReloadHistory
from syncerr_gui.gui.i18n import shown, tr
from syncerr_gui.gui.local_time import date_layout
from syncerr_gui.gui.plain_text import plain_label

logger = logging.getLogger(__name__)

MAX_RETENTION_DAYS = 3650
DEFAULT_INPUT_DAYS = 30


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


def month_headers() -> list[str]:
    """The per-month table's headers, in the window's language."""
    return [tr("Month (failed)"), tr("Errors"), tr("Errors size"), tr("Input rows size")]


def _size_text(size: int) -> str:
    """1,234 bytes / 12.3 MB (the locale's digits and unit names: "12,3 Mo" in French)."""
    if size < 1024:
        return tr("%Ln byte(s)", None, size)
    value = float(size)
    units = (tr("KB"), tr("MB"), tr("GB"))
    for unit in units:
        value /= 1024
        if value < 1024 or unit == units[-1]:
            break
    return f"{QLocale().toString(value, 'f', 1)}\u00a0{unit}" if _french() else f"{value:,.1f} {unit}"


def _french() -> bool:
    return QLocale().language() == QLocale.Language.French


def month_text(month: str) -> str:
    """'November 2026' for '2026-11', in the locale's month names ('novembre 2026')."""
    year, _, number = month.partition("-")
    if not (year.isdigit() and number.isdigit() and 1 <= int(number) <= 12):
        return month or tr("unknown", "month")
    return f"{QLocale().standaloneMonthName(int(number))} {year}"


class ArchiveDialog(QDialog):
    """Location, size (per month), rows and last sync of the archive; retention days; Purge
    now; Drop input rows; progress and Cancel while shrinking."""

    def __init__(self, controller: ArchiveActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("archiveDialog")
        self.setWindowTitle(tr("Error archive"))
        self.setModal(False)
        self.location, self.size_label, self.rows, self.last_sync = (
            self._value(n) for n in ("archiveLocation", "archiveSize", "archiveRows", "archiveLastSync")
        )
        self.retention = QSpinBox(self)
        self.retention.setObjectName("retentionDays")
        self.retention.setRange(1, MAX_RETENTION_DAYS)
        self.retention.setSuffix(tr(" days"))
        self.retention.setAccessibleName(tr("Keep errors for (days)"))
        self.retention.setValue(controller.retention_days)
        self.retention.valueChanged.connect(controller.set_retention_days)
        self.purge_button = QPushButton(tr("&Purge now"), self)
        self.purge_button.setObjectName("purgeButton")
        self.purge_button.setToolTip(tr("Delete archived errors that failed longer ago than the days above"))
        self.purge_button.clicked.connect(self.purge)
        self.input_days = QSpinBox(self)
        self.input_days.setObjectName("inputRowDays")
        self.input_days.setRange(1, MAX_RETENTION_DAYS)
        self.input_days.setSuffix(tr(" days"))
        self.input_days.setValue(DEFAULT_INPUT_DAYS)
        self.input_days.setAccessibleName(tr("Drop input rows older than (days)"))
        self.drop_button = QPushButton(tr("&Drop input rows"), self)
        self.drop_button.setObjectName("dropInputsButton")
        self.drop_button.setToolTip(
            tr("Keep the errors but forget the failed input rows of errors older than the days shown")
        )
        self.drop_button.clicked.connect(self.drop_inputs)
        self.months = self._month_table()
        self.reloads = ReloadHistory(self)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("shrinkProgress")
        self.progress.hide()
        self.cancel_button = QPushButton(tr("Cancel"), self)
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
        headers = month_headers()
        table = QTableWidget(0, len(headers), self)
        table.setObjectName("archiveMonths")
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setMinimumHeight(160)
        return table

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(tr("Location:"), self.location)
        form.addRow(tr("Size on disk:"), self.size_label)
        form.addRow(tr("Errors archived:"), self.rows)
        form.addRow(tr("Last sync:"), self.last_sync)
        form.addRow(tr("Keep errors for:"), _row(self.retention, self.purge_button))
        form.addRow(tr("Drop input rows older than:"), _row(self.input_days, self.drop_button))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        note = plain_label(tr("Errors older than the days kept are deleted at every start of the app."), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.months)
        layout.addWidget(style.heading(tr("Reloads"), self))
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
            self._failed(shown(failure_words(exc)))
            return
        folder = self.controller.data_dir
        if info is None:
            self.location.setText(str(folder) if folder else tr("No data folder"))
            for label in (self.size_label, self.rows, self.last_sync):
                label.setText("—")
            self.message.setText(tr("No archive yet for this org: log in and sync to start one."))
            self._set_busy(None)
            self.purge_button.setEnabled(False)
            self.drop_button.setEnabled(False)
            self._show_months([])
            return
        self.location.setText(str(info.path))
        self.size_label.setText(_size_text(info.size_bytes))
        self.rows.setText(QLocale().toString(info.rows))
        self.last_sync.setText(
            info.last_sync.astimezone().strftime(date_layout(False)) if info.last_sync else tr("never")
        )
        self._show_months(self.controller.size_by_month())
        self.reloads.set_records(self.controller.reload_records())
        self._set_busy(None)

    def purge(self) -> None:
        """Purge to the days shown, in the background."""
        days = self.retention.value()
        if not self.controller.purge_now(days):
            self.message.setText(tr("Nothing to purge now (no archive, or a sync or a purge is running)."))
            return
        self._set_busy(tr("Deleting errors older than %Ln day(s)…", None, days))

    def drop_inputs(self) -> None:
        """Drop the input rows older than the days shown, in the background."""
        days = self.input_days.value()
        if not self.controller.drop_inputs_now(days):
            self.message.setText(tr("Nothing to shrink now (no archive, or a sync or a purge is running)."))
            return
        self._set_busy(tr("Dropping the input rows of errors older than %Ln day(s)…", None, days))

    def cancel(self) -> None:
        self.controller.cancel_shrink()
        self.cancel_button.setEnabled(False)
        self.message.setText(tr("Stopping after the part in hand…"))

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
                month_text(month.month),
                QLocale().toString(month.rows),
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
            tr("Deleted %Ln archived error(s).", None, count)
            if count
            else tr("Nothing was old enough to delete.")
        )

    def _dropped(self, count: int) -> None:
        self.refresh()
        self.message.setText(
            tr("Dropped the input rows of %Ln archived error(s); the errors are kept.", None, count)
            if count
            else tr("No input rows were old enough to drop.")
        )

    def _failed(self, text: str) -> None:
        self._set_busy(None)
        self.message.setText(shown(text))


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
