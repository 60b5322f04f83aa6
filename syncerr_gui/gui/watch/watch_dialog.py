"""The Watch… dialog: how often to sync in the background, whether to keep watching with the
window closed (where the desktop has a tray), and how many errors in one sync are worth a
notification. Off by default; the choices are kept in the settings (`settings_keys.WATCH_*`).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from syncerr_gui.gui import settings_keys as keys
from syncerr_gui.gui.i18n import QT_TR_NOOP, tr
from syncerr_gui.gui.plain_text import plain_label
from syncerr_gui.gui.watch.presence import NO_TRAY

logger = logging.getLogger(__name__)

CHOICES = (0, 15, 30, 60)  # minutes between watched syncs (0: off)
MAX_BURST = 10_000_000
WHAT_IS_TOLD = str(
    QT_TR_NOOP(
        "While you are logged in, the app syncs in the background (as F5 does, never while another "
        "sync, an export or a purge runs) and tells you once of each change: a new cause, a resolved "
        "cause failing again, a job that failed as a whole. A notification names the error code, "
        "object and fields, never a record's values; clicking it opens the window on that cause."
    )
)


class WatchDialog(QDialog):
    """Edits the watch settings; OK saves them and applies them to the controller."""

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("watchDialog")
        self.setWindowTitle(tr("Watch"))
        self._controller = controller
        self.every = QComboBox(self)
        self.every.setObjectName("watchEvery")
        for minutes in CHOICES:
            self.every.addItem(tr("Every %Ln minutes", None, minutes) if minutes else tr("Off"), minutes)
        self.keep = QCheckBox(tr("Keep watching when the window is closed"), self)
        self.keep.setObjectName("watchKeep")
        self.no_tray = plain_label(tr(NO_TRAY), self)
        self.no_tray.setObjectName("watchNoTray")
        self.no_tray.setWordWrap(True)
        self.burst = QSpinBox(self)
        self.burst.setObjectName("watchBurst")
        self.burst.setRange(0, MAX_BURST)
        self.burst.setSpecialValueText(tr("Never"))
        self.burst.setSuffix(tr(" errors", "after a number in a spin box"))
        self.burst.setGroupSeparatorShown(True)
        self._build()
        self.every.currentIndexChanged.connect(self._update)

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(tr("Sync in the background"), self.every)
        burst_row = QHBoxLayout()
        burst_row.addWidget(self.burst)
        burst_row.addWidget(plain_label(tr("in one sync (a burst)"), self), 1)
        form.addRow(tr("Also tell me of more than"), burst_row)
        what = plain_label(tr(WHAT_IS_TOLD), self)
        what.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.keep)
        layout.addWidget(self.no_tray)
        layout.addSpacing(6)
        layout.addWidget(what)
        layout.addWidget(buttons)
        self.setMinimumWidth(540)

    def load(self) -> None:
        """Show the current settings (and whether this desktop has a tray)."""
        settings, controller = self._controller.settings, self._controller
        index = self.every.findData(controller.every_minutes)
        self.every.setCurrentIndex(max(index, 0))
        tray = controller.tray_available()
        self.keep.setChecked(bool(settings.get(keys.WATCH_IN_TRAY)) and tray)
        self.keep.setEnabled(tray)
        self.no_tray.setVisible(not tray)
        self.burst.setValue(controller.burst_errors)
        self._update()

    def _update(self) -> None:
        on = int(self.every.currentData() or 0) > 0
        self.keep.setEnabled(on and self._controller.tray_available())
        self.burst.setEnabled(on)

    def accept(self) -> None:
        settings = self._controller.settings
        settings.set(keys.WATCH_EVERY_MINUTES, int(self.every.currentData() or 0))
        settings.set(keys.WATCH_IN_TRAY, self.keep.isChecked() and self.keep.isEnabled())
        settings.set(keys.WATCH_BURST_ERRORS, int(self.burst.value()))
        self._controller.apply_settings()
        super().accept()
