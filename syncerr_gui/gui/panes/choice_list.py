"""A titled checkable list of values with counts, for the filter dock's error types and objects.

Names are elided to the list's width with the count kept right-aligned beside them (the full
text is the item's tooltip), so a narrow dock never needs a horizontal scroll bar and long
codes such as CANNOT_EXECUTE_FLOW_TRIGGER are never silently cut.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from syncerr_gui.gui import style
from syncerr_gui.gui.i18n import tr
from syncerr_gui.gui.plain_text import tooltip

logger = logging.getLogger(__name__)

NAME_ROLE = Qt.ItemDataRole.UserRole + 1
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2
_GAP = 8
_CHECK_ROOM = 28  # the check box and its spacing


class _CountDelegate(QStyledItemDelegate):
    """Paints the check box and the elided name, then the count right-aligned in muted text."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        count = str(index.data(COUNT_ROLE) or "")
        count_width = opt.fontMetrics.horizontalAdvance(count) + _GAP if count else 0
        name = index.data(NAME_ROLE)
        opt.text = str(name) if name else tr("(none)")
        full = QRect(opt.rect)
        opt.rect = full.adjusted(0, 0, -count_width, 0)
        widget = opt.widget
        qstyle = widget.style() if widget is not None else None
        if qstyle is None:
            super().paint(painter, option, index)
            return
        qstyle.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        if count:
            painter.save()
            painter.setPen(opt.palette.color(QPalette.ColorRole.PlaceholderText))
            text_rect = full.adjusted(0, 0, -_GAP // 2, 0)
            align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(text_rect, int(align), count)
            painter.restore()


class ChoiceList(QWidget):
    """A titled checkable list of values with counts and All / None buttons.

    The choice is `None` ("all", so values that appear later are shown too) or a set that
    survives refreshes: names it holds stay chosen even while absent from the list.
    """

    def __init__(self, title: str, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chosen: frozenset[str] | None = None
        self.list = QListWidget(self)
        self.list.setObjectName(object_name)
        self.list.setAccessibleName(title)
        self.list.setMinimumHeight(90)
        self.list.setUniformItemSizes(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # keeps the distinctive end of codes
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setItemDelegate(_CountDelegate(self.list))
        self.list.itemChanged.connect(self._item_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self._build_top(title, object_name))
        layout.addWidget(self.list)

    def _build_top(self, title: str, object_name: str) -> QHBoxLayout:
        all_button, none_button = QToolButton(self), QToolButton(self)
        for button, name, text, tip in (
            (all_button, "All", tr("All"), tr("Check every value")),
            (none_button, "None", tr("None"), tr("Uncheck every value")),
        ):
            button.setText(text)
            button.setObjectName(f"{object_name}{name}")
            button.setToolTip(tooltip(tip))
            button.setAutoRaise(True)  # light, link-like: the list is what matters here
        all_button.clicked.connect(lambda: self.set_chosen(None))
        none_button.clicked.connect(lambda: self.set_chosen(frozenset()))
        top = QHBoxLayout()
        top.addWidget(style.heading(title, self), 1)
        top.addWidget(all_button)
        top.addWidget(none_button)
        return top

    def set_counts(self, counts: dict[str, int]) -> None:
        """Show these values (alphabetically, so items do not jump) with their counts."""
        self.list.blockSignals(True)
        self.list.clear()
        for name in sorted(counts, key=str.casefold):
            count = QLocale().toString(counts[name])
            text = f"{name or tr('(none)')} ({count})"
            item = QListWidgetItem(text, self.list)
            item.setData(NAME_ROLE, name)
            item.setData(COUNT_ROLE, count)
            item.setToolTip(tooltip(text))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            checked = self._chosen is None or name in self._chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)

    def fitting_width(self) -> int:
        """The list's width at which no name needs eliding (check box, name, count, scroll bar)."""
        metrics = self.list.fontMetrics()
        widest = max(
            (
                metrics.horizontalAdvance(str(item.data(NAME_ROLE) or tr("(none)")))
                + metrics.horizontalAdvance(str(item.data(COUNT_ROLE) or ""))
                for item in self._items()
            ),
            default=0,
        )
        bar = self.list.verticalScrollBar().sizeHint().width()
        return widest + _CHECK_ROOM + 3 * _GAP + bar + 2 * self.list.frameWidth()

    def chosen(self) -> frozenset[str] | None:
        """None for "every value", else the chosen names."""
        return self._chosen

    def set_chosen(self, chosen: frozenset[str] | None) -> None:
        """Check exactly these names (None: all)."""
        self._chosen = chosen
        self.list.blockSignals(True)
        for item in self._items():
            checked = chosen is None or item.data(NAME_ROLE) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def _item_changed(self, _item: QListWidgetItem) -> None:
        items = self._items()
        checked = {i.data(NAME_ROLE) for i in items if i.checkState() == Qt.CheckState.Checked}
        if len(checked) == len(items):
            self._chosen = None
            return
        listed = {i.data(NAME_ROLE) for i in items}
        remembered = set(self._chosen or ()) - listed
        self._chosen = frozenset(checked | remembered)
