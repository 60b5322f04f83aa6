"""Small shared look-and-feel helpers: section headings, muted text, monospace IDs.

Kept in one place so the panes agree on what a heading or an ID looks like, and built from
the platform's own fonts and palette (no style sheets), so light and dark themes both work.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from syncerr_gui.gui.plain_text import plain_label

logger = logging.getLogger(__name__)

_LONG_RUN = re.compile(r"\S{32,}")
_ZWSP = "\u200b"


def monospace_font() -> QFont:
    """The system's fixed-pitch font at the size of the UI font (IDs line up and read well)."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    size = QApplication.font().pointSizeF()
    if size > 0:
        font.setPointSizeF(size)
    return font


def heading(text: str, parent: QWidget | None = None, scale: float = 1.0) -> QLabel:
    """A bold section heading (`scale` > 1 for the pane's title line)."""
    label = plain_label(text, parent)
    font = label.font()
    font.setBold(True)
    if scale != 1.0 and font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


def mute(label: QLabel) -> QLabel:
    """Secondary text: the palette's placeholder colour (readable, visibly less important)."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText))
    label.setPalette(palette)
    return label


def selectable(label: QLabel, wrap: bool = True) -> QLabel:
    """Text the user can select and copy with the mouse or keyboard (its format is kept)."""
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    label.setWordWrap(wrap)
    return label


def breakable(text: str) -> str:
    """Let a wrapped label break inside very long words (URLs, ID lists) instead of widening.

    A QLabel wraps only at word boundaries, so one 200-character token would force its pane
    wider than the window; an invisible zero-width space every 32 characters avoids that.
    Copy buttons copy the original value, never this display text.
    """
    return _LONG_RUN.sub(
        lambda m: _ZWSP.join(m.group()[i : i + 32] for i in range(0, len(m.group()), 32)), text
    )
