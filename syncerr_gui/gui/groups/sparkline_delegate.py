"""The Trend cell: the group's errors per day as a small bar sparkline, drawn with QPainter."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from syncerr_gui.gui.groups.group_model import TREND_ROLE

_MARGIN = 3


class SparklineDelegate(QStyledItemDelegate):
    """Bars scaled to the group's own busiest day; an empty day is a thin baseline."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().paint(painter, option, index)  # background, selection and focus as any cell
        counts = index.data(TREND_ROLE) or ()
        if not counts or max(counts) <= 0:
            return
        rect = QRectF(option.rect).adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight
        color = option.palette.color(role)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(color)
        painter.setBrush(color)
        step = rect.width() / len(counts)
        peak = max(counts)
        for i, count in enumerate(counts):
            height = max(1.0, rect.height() * count / peak) if count else 1.0
            left = rect.left() + i * step
            bar = QRectF(left, rect.bottom() - height, max(1.0, step - 1.0), height)
            painter.fillRect(bar, color if count else option.palette.color(QPalette.ColorRole.Mid))
        painter.restore()
