"""The one way text reaches a widget: as plain text, never as Qt rich text.

Salesforce echoes record values into its error messages ("invalid email address: <value>"),
so whoever can put a value into a failing record writes the text this app shows. Qt renders a
tooltip, or a QLabel left on `Qt.AutoText`, as HTML when it merely *looks* like HTML: a
`<b style=…>` draws a fake warning, an `<img src=…>` makes Qt open a local or network path
(an SMB path on Windows), and `<img src=/dev/zero>` kills the app. So:

- every tooltip goes through `tooltip()` (escaped, so Qt shows the characters as written);
- every label is made by `plain_label()` (or forced with `make_plain()`), `Qt.PlainText`;
- the few labels that show the app's own markup (a "View" link, a bold heading inside a
  sentence) are made by `rich_label()`, and every value put into that markup goes through
  `escape()`.

tests/gui/test_plain_text_rule.py scans the GUI source so a new view cannot bypass this.
"""

from __future__ import annotations

import html
import logging

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

logger = logging.getLogger(__name__)

# A tooltip is a glance, not a document: beyond this it is cut (the detail pane shows all).
TOOLTIP_LIMIT = 2000


def tooltip(text: object) -> str:
    """`text` as a tooltip Qt shows literally (wrapped to a sane width); "" for no tooltip.

    `Qt.convertFromPlainText` escapes `<`, `>` and `&` and wraps the result in a paragraph,
    so Qt reads it as rich text that *says* the characters, and lets long text wrap.
    """
    plain = "" if text is None else str(text)
    if not plain:
        return ""
    if len(plain) > TOOLTIP_LIMIT:
        plain = plain[: TOOLTIP_LIMIT - 1] + "…"
    return QtGui.Qt.convertFromPlainText(plain, Qt.WhiteSpaceMode.WhiteSpaceNormal)


def escape(text: object) -> str:
    """`text` made safe to put inside the app's own markup (see `rich_label`)."""
    return html.escape("" if text is None else str(text), quote=True)


def make_plain(label: QLabel) -> QLabel:
    """Force `label` to show its text as written (never rich text)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel that shows `text` (and every later `setText`) as plain text."""
    label = make_plain(QLabel(parent))
    label.setText(text)
    return label


def rich_label(parent: QWidget | None = None) -> QLabel:
    """A QLabel for the app's own markup only; put values in with `escape()`.

    Links it shows are handled by the app (`linkActivated`), never opened by Qt.
    """
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setOpenExternalLinks(False)
    return label
