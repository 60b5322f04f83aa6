"""The Archive… dialog: where the org's error archive is, how big, how long errors are kept.

Retention is a setting (days; errors that failed longer ago are purged at every start);
"Purge now" applies it at once, in the background, and the table reloads without the
purged rows. Nothing here blocks the window: the dialog is non-modal.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from syncerr_gui.core.exceptions import ArchiveError
from syncerr_gui.gui.plain_text import plain_label

logger = logging.getLogger(__name__)

MAX_RETENTION_DAYS = 3650


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

    Signals: `purged(int)` after a purge, with the rows removed; `failed(str)` with words.
    """

    purged: SignalInstance
    failed: SignalInstance
    data_dir: Path | None

    @property
    def retention_days(self) -> int: ...

    def set_retention_days(self, days: int) -> None: ...

    def info(self) -> ArchiveInfo | None: ...

    def purge_now(self, days: int) -> bool: ...


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
    """Location, size, rows and last sync of the archive; retention days; Purge now."""

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
        self.message = plain_label(parent=self)
        self.message.setObjectName("archiveMessage")
        self.message.setWordWrap(True)
        self._lay_out()
        controller.purged.connect(self._purged)
        controller.failed.connect(self._failed)

    def _value(self, name: str) -> QLabel:
        label = plain_label(parent=self)
        label.setObjectName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        return label

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow("Location:", self.location)
        form.addRow("Size on disk:", self.size_label)
        form.addRow("Errors archived:", self.rows)
        form.addRow("Last sync:", self.last_sync)
        form.addRow("Keep errors for:", self.retention)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.purge_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(plain_label("Errors older than this are deleted at every start of the app.", self))
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

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
            self.purge_button.setEnabled(False)
            return
        self.location.setText(str(info.path))
        self.size_label.setText(_size_text(info.size_bytes))
        self.rows.setText(f"{info.rows:,}")
        self.last_sync.setText(f"{info.last_sync.astimezone():%Y-%m-%d %H:%M}" if info.last_sync else "never")
        self.purge_button.setEnabled(True)

    def purge(self) -> None:
        """Purge to the days shown, in the background."""
        days = self.retention.value()
        if not self.controller.purge_now(days):
            self.message.setText("Nothing to purge now (no archive, or a sync is running).")
            return
        self.purge_button.setEnabled(False)
        self.message.setText(f"Deleting errors older than {days} days…")

    def _purged(self, count: int) -> None:
        self.refresh()
        self.message.setText(
            f"Deleted {count:,} archived errors." if count else "Nothing was old enough to delete."
        )

    def _failed(self, text: str) -> None:
        self.message.setText(text)
        self.purge_button.setEnabled(True)
