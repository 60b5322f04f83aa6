"""The table's own words when its filter hides every row: "No errors match the filter — Reset".

An empty grid under "0 of 748,666 errors shown" looks like a broken app; this note sits in
the middle of the table's viewport, says which parts of the filter are in force (the search
text first: it is the usual culprit) and offers Reset.

Signals: reset_requested() when its Reset button is pressed.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from syncerr_gui.core.frame.filtering import ErrorFilter
from syncerr_gui.core.frame.schema import LEVELS
from syncerr_gui.gui.i18n import tr
from syncerr_gui.gui.plain_text import plain_label

logger = logging.getLogger(__name__)


def filter_parts(flt: ErrorFilter) -> list[str]:
    """The parts of `flt` that hide rows, in words ('search “HYPERLINK”', 'error types'…)."""
    parts = [tr("search “{text}”").format(text=flt.text)] if flt.text else []
    if frozenset(flt.levels) != frozenset(LEVELS):
        parts.append(tr("level"))
    if flt.error_types is not None:
        parts.append(tr("error types"))
    if flt.objects is not None:
        parts.append(tr("objects"))
    if flt.start is not None or flt.end is not None:
        parts.append(tr("time window"))
    return parts


class EmptyFilterNote(QFrame):
    """A centred note over `viewport`, shown by `update_for` only when the filter hides all."""

    reset_requested = Signal()

    def __init__(self, viewport: QWidget) -> None:
        super().__init__(viewport)
        self.setObjectName("emptyFilterNote")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.title = plain_label(tr("No errors match the filter"), self)
        self.title.setObjectName("emptyFilterTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.detail = plain_label("", self)
        self.detail.setObjectName("emptyFilterDetail")
        self.detail.setWordWrap(True)
        self.reset_button = QPushButton(tr("Reset filter"), self)
        self.reset_button.setObjectName("emptyFilterReset")
        self.reset_button.clicked.connect(self.reset_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        for widget in (self.title, self.detail, self.reset_button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        viewport.installEventFilter(self)
        self.hide()

    def update_for(self, shown: int, total: int, flt: ErrorFilter) -> None:
        """Shown when there are rows but the filter lets none through; hidden otherwise."""
        if shown or not total:
            self.hide()
            return
        parts = filter_parts(flt)
        if parts:
            text = tr("All %Ln error(s) are hidden by: {parts}.", None, total)
            self.detail.setText(text.format(parts=", ".join(parts)))
        else:
            self.detail.setText(tr("All %Ln error(s) are hidden.", None, total))
        self.show()
        self.raise_()
        self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def _place(self) -> None:
        viewport = self.parentWidget()
        if viewport is None:
            return
        width = min(max(self.sizeHint().width(), 320), max(viewport.width() - 20, 200))
        self.resize(
            width, self.heightForWidth(width) if self.hasHeightForWidth() else self.sizeHint().height()
        )
        self.move((viewport.width() - self.width()) // 2, max(10, (viewport.height() - self.height()) // 3))
