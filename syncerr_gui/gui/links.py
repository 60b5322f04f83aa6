"""Opening links and files with the system's programs, and saying so when none can.

`QDesktopServices` answers False when no browser or file handler is available (a minimal
Linux desktop without `xdg-open`, a locked-down machine): Qt then only logs a warning. The
admin is told in a box that offers to copy the link or the path, so it can be opened by hand.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from syncerr_gui.gui import message_boxes

logger = logging.getLogger(__name__)


def offer_link(
    parent: QWidget | None, url: str, what: str, notify: Callable[[str], None] | None = None
) -> QMessageBox:
    """`url` (`what`: "the record", "the search"…) could not be opened: say so, offer to copy it."""
    logger.info("no program could open %s", what)
    text = (
        f"No web browser could be opened for {what} on this computer. Copy the link and "
        f"paste it into a browser yourself:\n\n{url}"
    )
    return message_boxes.show_with_actions(
        parent,
        "Could not open the link",
        text,
        [("Copy link", lambda: _copy(url, "the link", notify))],
        QMessageBox.Icon.Warning,
    )


def offer_path(
    parent: QWidget | None, path: str, what: str, notify: Callable[[str], None] | None = None
) -> QMessageBox:
    """`path` (`what`: "the file", "its folder") could not be opened: say so, offer to copy it."""
    logger.info("no program could open %s", what)
    text = f"No program on this computer could open {what}. Copy its path to open it yourself:\n\n{path}"
    return message_boxes.show_with_actions(
        parent,
        "Could not open",
        text,
        [("Copy path", lambda: _copy(path, "the path", notify))],
        QMessageBox.Icon.Warning,
    )


def _copy(text: str, what: str, notify: Callable[[str], None] | None) -> None:
    QGuiApplication.clipboard().setText(text)
    if notify is not None:
        notify(f"Copied {what} to the clipboard.")
