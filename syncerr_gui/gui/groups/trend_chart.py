"""The trend chart: errors per day over the dates shown, stacked by the top groups.

Drawn with QPainter (QtCharts is deprecated). Clicking a bar or dragging across bars emits
`range_chosen(start, end)` for the date filter; hovering a segment names its group and count
in a plain-text tooltip.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np
import pandas as pd
from PySide6.QtCore import QLocale, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from syncerr_gui.gui.i18n import QT_TR_NOOP, tr
from syncerr_gui.gui.local_time import date_layout
from syncerr_gui.gui.plain_text import tooltip

TOP_GROUPS = 5
OTHER = QT_TR_NOOP("Other groups")  # translated where drawn
# Distinguishable on light and dark palettes (Tableau 10's first five), then grey for "other".
COLORS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f")
OTHER_COLOR = "#9c9c9c"
_AXIS = 16  # px below the bars for day labels
_TOP = 20  # px above the bars for the legend


class TrendChart(QWidget):
    """Signals: range_chosen(datetime start, datetime end), UTC, whole days inclusive."""

    range_chosen = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendChart")
        self.setMouseTracking(True)
        self.setMinimumHeight(96)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.days = pd.DatetimeIndex([], tz="UTC")
        self.series = np.zeros((0, 0), dtype=np.int64)  # one row per stacked series
        self.labels: list[str] = []
        self._drag: tuple[int, int] | None = None

    def set_data(self, days: pd.DatetimeIndex, daily: np.ndarray, labels: list[str]) -> None:
        """`daily[i]` counts group `labels[i]` per day (most errors first); the first
        TOP_GROUPS are stacked on their own, the rest as one "other" series."""
        self.days = days
        top = daily[:TOP_GROUPS].astype(np.int64)
        rest = daily[TOP_GROUPS:].sum(axis=0, dtype=np.int64)[None, :] if len(daily) > TOP_GROUPS else None
        self.series = top if rest is None else np.vstack([top, rest])
        self.labels = list(labels[:TOP_GROUPS]) + ([OTHER] if rest is not None else [])
        self._drag = None
        self.update()

    # ---- geometry --------------------------------------------------------------------------
    def _plot(self) -> QRectF:
        return QRectF(self.rect()).adjusted(4, _TOP, -4, -_AXIS)

    def bar_at(self, x: float) -> int:
        """The day index under x, or -1."""
        plot = self._plot()
        if not len(self.days) or not plot.left() <= x <= plot.right():
            return -1
        return min(len(self.days) - 1, int((x - plot.left()) / plot.width() * len(self.days)))

    def bar_center(self, day: int) -> QPoint:
        """Where bar `day` is, half way up (tests click there)."""
        plot = self._plot()
        step = plot.width() / max(1, len(self.days))
        return QPoint(int(plot.left() + (day + 0.5) * step), int(plot.center().y()))

    def _segment_at(self, pos: QPoint) -> tuple[int, int] | None:
        """(day, series) under `pos`, or None."""
        day = self.bar_at(pos.x())
        if day < 0 or not self.series.size:
            return None
        plot, peak = self._plot(), max(1, int(self.series.sum(axis=0).max()))
        bottom = plot.bottom()
        for i in range(len(self.series)):
            height = plot.height() * int(self.series[i, day]) / peak
            if bottom - height <= pos.y() <= bottom and height > 0:
                return day, i
            bottom -= height
        return None

    # ---- drawing ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        if not self.series.size:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("No errors in the dates shown"))
            return
        self._draw_bars(painter)
        self._draw_axis(painter, palette)
        self._draw_legend(painter, palette)
        painter.end()

    def _draw_bars(self, painter: QPainter) -> None:
        plot, days = self._plot(), len(self.days)
        step, peak = plot.width() / days, max(1, int(self.series.sum(axis=0).max()))
        chosen = sorted(self._drag) if self._drag else None
        for day in range(days):
            left, bottom = plot.left() + day * step, plot.bottom()
            if chosen and chosen[0] <= day <= chosen[1]:
                painter.fillRect(QRectF(left, plot.top(), step, plot.height()), QColor(128, 128, 128, 50))
            for i in range(len(self.series)):
                height = plot.height() * int(self.series[i, day]) / peak
                if height > 0:
                    rect = QRectF(left + 1, bottom - height, max(1.0, step - 2), height)
                    painter.fillRect(rect, QColor(self._color(i)))
                bottom -= height

    def _draw_axis(self, painter: QPainter, palette: QPalette) -> None:
        plot, days = self._plot(), len(self.days)
        step = plot.width() / days
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        every = max(1, int(np.ceil(60 / max(step, 1.0))))  # a label per ~60 px
        for day in range(0, days, every):
            text = day_label(self.days[day])
            box = QRectF(plot.left() + day * step, plot.bottom() + 1, max(step * every, 40), _AXIS - 1)
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)

    def _draw_legend(self, painter: QPainter, palette: QPalette) -> None:
        """A swatch and a short name per series (the part before " — "), then the day's peak."""
        peak = tr("%Ln a day at most", None, int(self.series.sum(axis=0).max()))
        metrics = painter.fontMetrics()
        right = self.width() - 6 - metrics.horizontalAdvance(peak)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(
            QRectF(right, 2, self.width() - right - 4, _TOP - 4), Qt.AlignmentFlag.AlignRight, peak
        )
        room = max(40, int((right - 12) / max(1, len(self.labels))) - 26)
        x = 6.0
        for i, label in enumerate(self.labels):
            painter.fillRect(QRectF(x, 5, 10, 10), QColor(self._color(i)))
            name = metrics.elidedText(self.label_text(i).split(" — ")[0], Qt.TextElideMode.ElideMiddle, room)
            painter.drawText(QRectF(x + 14, 2, room + 4, _TOP - 4), Qt.AlignmentFlag.AlignLeft, name)
            x += 14 + metrics.horizontalAdvance(name) + 12

    def label_text(self, series: int) -> str:
        """Series `series`'s name as shown (the "other" series in the window's language)."""
        label = self.labels[series]
        return tr(OTHER) if label == OTHER else label

    def _color(self, series: int) -> str:
        return OTHER_COLOR if self.labels[series] == OTHER else COLORS[series % len(COLORS)]

    # ---- mouse -----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self.bar_at(event.position().x())
        if event.button() == Qt.MouseButton.LeftButton and day >= 0:
            self._drag = (day, day)
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None:
            day = self.bar_at(event.position().x())
            if day >= 0:
                self._drag = (self._drag[0], day)
                self.update()
            return
        segment = self._segment_at(event.position().toPoint())
        if segment is None:
            QToolTip.hideText()
            return
        day, i = segment
        on = tr("%Ln error(s) on {day} (UTC)", None, int(self.series[i, day]))
        words = f"{self.label_text(i)}\n" + on.format(
            day=self.days[day].strftime(date_layout(False).split(" ")[0])
        )
        QToolTip.showText(event.globalPosition().toPoint(), tooltip(words), self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is None or event.button() != Qt.MouseButton.LeftButton:
            return
        first, last = sorted(self._drag)
        self._drag = None
        self.update()
        start: datetime = self.days[first].to_pydatetime()
        end = self.days[last].to_pydatetime() + timedelta(days=1) - timedelta(milliseconds=1)
        self.range_chosen.emit(start, end)


def day_label(day: pd.Timestamp) -> str:
    """'2 Dec' on the axis, with the locale's short month name ('2 déc.' in French)."""
    return f"{day.day} {QLocale().monthName(day.month, QLocale.FormatType.ShortFormat)}"
