"""A table delegate that shows a cell's full text as its tooltip when the cell elides it.

The errors table keeps rows one line high, so long error types and messages are cut with
"…"; hovering such a cell shows all of it. Cells whose model gives its own tooltip keep it,
and cells that fit show none (no noise). Painting is left to Qt, so a million-row table
scrolls as fast as without it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QToolTip

from syncerr_gui.gui.plain_text import tooltip

logger = logging.getLogger(__name__)

# Room a style leaves around cell text (focus frame and margins), on both sides together.
_TEXT_MARGINS = 8


class ElideToolTipDelegate(QStyledItemDelegate):
    """Tooltip = the display text when it does not fit its cell."""

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if event is None or event.type() != QEvent.Type.ToolTip or not index.isValid():
            return super().helpEvent(event, view, option, index)
        if index.data(Qt.ItemDataRole.ToolTipRole):
            return super().helpEvent(event, view, option, index)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if text and self.is_elided(text, option, index):
            QToolTip.showText(event.globalPos(), tooltip(text), view, view.visualRect(index))
            return True
        QToolTip.hideText()
        event.ignore()
        return True

    def is_elided(
        self, text: str, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> bool:
        """Does `text` need more width than the cell's text area has?"""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        if widget is not None:
            area = widget.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
            width = area.width() - _TEXT_MARGINS
        else:
            width = opt.rect.width() - _TEXT_MARGINS
        return opt.fontMetrics.horizontalAdvance(text) > width
