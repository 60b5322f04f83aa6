"""Global exception hook: an unexpected error is logged and shown with a Copy button.

The text is scrubbed of anything token-like first, so a report pasted into a ticket
carries no session id, OAuth token or password.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from syncerr_gui.core.redaction import scrub
from syncerr_gui.gui.i18n import tr
from syncerr_gui.gui.plain_text import plain_label

logger = logging.getLogger(__name__)


def scrub_secrets(text: str) -> str:
    """`text` with session ids, tokens, passwords and registered secrets replaced."""
    return scrub(text)


def format_exception(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """The traceback as text, scrubbed."""
    return scrub_secrets("".join(traceback.format_exception(exc_type, exc, tb)))


class ExceptionDialog(QDialog):
    """Shows an unexpected error; Copy puts the scrubbed report on the clipboard."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exceptionDialog")
        self.setWindowTitle(tr("Unexpected error"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.report = report
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                tr(
                    "Something went wrong. The app can usually continue; if this "
                    "keeps happening, copy the report below into a ticket."
                ),
                self,
            )
        )
        text = QPlainTextEdit(report, self)
        text.setReadOnly(True)
        text.setMinimumSize(640, 280)
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(tr("Copy"), self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_report(self) -> None:
        """Put the (already scrubbed) report on the clipboard."""
        QGuiApplication.clipboard().setText(self.report)


class _Relay(QObject):
    """Carries reports from any thread to the GUI thread."""

    report = Signal(str)


class ExceptionHook:
    """Installs itself as sys.excepthook / threading.excepthook; uninstall restores the old ones."""

    def __init__(self, parent_getter: Callable[[], QWidget | None] = lambda: None) -> None:
        self._parent_getter = parent_getter
        self._relay = _Relay()
        self._relay.report.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._old_sys = sys.excepthook
        self._old_thread = threading.excepthook
        self.shown: list[ExceptionDialog] = []

    def install(self) -> None:
        """Route unhandled exceptions (GUI thread and other threads) here."""
        sys.excepthook = self._handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        """Restore the hooks that were in place before `install`."""
        sys.excepthook = self._old_sys
        threading.excepthook = self._old_thread

    def _handle(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        report = format_exception(exc_type, exc, tb)
        logger.error("unhandled exception:\n%s", report)
        self._relay.report.emit(report)

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self._handle(args.exc_type, args.exc_value, args.exc_traceback)

    def _show(self, report: str) -> None:
        if QApplication.instance() is None:
            return
        dialog = ExceptionDialog(report, self._parent_getter())
        self.shown = [d for d in self.shown if d.isVisible()] + [dialog]
        dialog.open()
