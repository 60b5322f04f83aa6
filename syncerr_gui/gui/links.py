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
from syncerr_gui.gui.i18n import tr

logger = logging.getLogger(__name__)


def offer_link(
    parent: QWidget | None, url: str, what: str, notify: Callable[[str], None] | None = None
) -> QMessageBox:
    """`url` (`what`: "the record", "the search"…, in the window's language) could not be
    opened: say so, offer to copy it."""
    logger.info("no program could open %s", what)
    text = tr(
        "No web browser could be opened for {what} on this computer. Copy the link and "
        "paste it into a browser yourself:\n\n{url}"
    ).format(what=what, url=url)
    return message_boxes.show_with_actions(
        parent,
        tr("Could not open the link"),
        text,
        [(tr("Copy link"), lambda: _copy(url, tr("Copied the link to the clipboard."), notify))],
        QMessageBox.Icon.Warning,
        names=["CopylinkButton"],
    )


def offer_path(
    parent: QWidget | None, path: str, what: str, notify: Callable[[str], None] | None = None
) -> QMessageBox:
    """`path` (`what`: "the file", "its folder", in the window's language) could not be
    opened: say so, offer to copy it."""
    logger.info("no program could open %s", what)
    text = tr(
        "No program on this computer could open {what}. Copy its path to open it yourself:\n\n{path}"
    ).format(what=what, path=path)
    return message_boxes.show_with_actions(
        parent,
        tr("Could not open"),
        text,
        [(tr("Copy path"), lambda: _copy(path, tr("Copied the path to the clipboard."), notify))],
        QMessageBox.Icon.Warning,
        names=["CopypathButton"],
    )


def _copy(text: str, told: str, notify: Callable[[str], None] | None) -> None:
    QGuiApplication.clipboard().setText(text)
    if notify is not None:
        notify(told)
