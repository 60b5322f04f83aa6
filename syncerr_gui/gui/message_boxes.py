"""Every message box the app shows is built here, so they look and behave alike.

Boxes are opened window-modal with `open()` rather than `exec()`: the event loop keeps
running (a sync in progress keeps updating) and tests can read and close them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

logger = logging.getLogger(__name__)


def _box(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, details: str = ""
) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if details:
        box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName("messageBox")
    box.open()
    return box


def show_error(parent: QWidget | None, title: str, text: str, details: str = "") -> QMessageBox:
    """An error the user can read, select and dismiss (never a secret in `text`)."""
    logger.info("error shown to user: %s: %s", title, text)
    return _box(parent, QMessageBox.Icon.Warning, title, text, details)


def show_info(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    """A plain piece of information."""
    return _box(parent, QMessageBox.Icon.Information, title, text)


def show_with_actions(
    parent: QWidget | None,
    title: str,
    text: str,
    actions: Sequence[tuple[str, Callable[[], object]]],
    icon: QMessageBox.Icon = QMessageBox.Icon.Information,
    names: Sequence[str] = (),
) -> QMessageBox:
    """A message with a button per (label, action) beside Close; a button runs its action
    and closes the box. `names` are the buttons' object names, in order (the same in every
    language); without one, a button is named after its label."""
    box = _box(parent, icon, title, text)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    for index, (label, action) in enumerate(actions):
        button = box.addButton(label, QMessageBox.ButtonRole.ActionRole)
        name = names[index] if index < len(names) else label.replace(" ", "").replace("…", "") + "Button"
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False, run=action: run())
    return box
