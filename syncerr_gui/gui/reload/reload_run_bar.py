"""The strip under the Fix and reload table: what the reload is doing, a busy bar, Cancel."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from syncerr_gui.gui.i18n import tr
from syncerr_gui.gui.plain_text import plain_label


class ReloadRunBar(QWidget):
    """Signals: cancel_requested() when Cancel is clicked."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reloadRunBar")
        self.words = plain_label("", self)
        self.words.setObjectName("reloadProgressText")
        self.words.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # Salesforce says nothing of how far along a job is: busy only
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.bar.hide()
        self.cancel = QPushButton(tr("Cancel reload"), self)
        self.cancel.setObjectName("cancelReloadButton")
        self.cancel.setAutoDefault(False)
        self.cancel.hide()
        self.cancel.clicked.connect(lambda _checked=False: self.cancel_requested.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.words, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)

    def start(self, text: str) -> None:
        self.words.setText(text)
        self.bar.show()
        self.cancel.show()
        self.cancel.setEnabled(True)

    def show_progress(self, text: str) -> None:
        self.words.setText(text)

    def show_cancelling(self) -> None:
        self.words.setText(tr("Cancelling: asking Salesforce to stop the job…"))
        self.cancel.setEnabled(False)

    def show_busy(self, text: str) -> None:
        """A short wait without Cancel (the permission check)."""
        self.words.setText(text)
        self.bar.show()

    def show_idle(self, text: str) -> None:
        self.words.setText(text)
        self.bar.hide()
        self.cancel.hide()

    def stop(self, text: str) -> None:
        self.show_idle(text)
