"""The Groups view's widgets: a summary line, "Show ignored", the trend chart, the groups table
and its actions (context menu and keys). The behaviour lives in `GroupsController`."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QMenu,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from syncerr_gui.gui import style
from syncerr_gui.gui.groups.group_model import COL_ERRORS, COL_TREND, COLUMNS, GroupTableModel, header_text
from syncerr_gui.gui.groups.sparkline_delegate import SparklineDelegate
from syncerr_gui.gui.groups.trend_chart import TrendChart
from syncerr_gui.gui.groups.why_section import WhySection
from syncerr_gui.gui.i18n import tr
from syncerr_gui.gui.plain_text import plain_label
from syncerr_gui.gui.table.elide_tooltip_delegate import ElideToolTipDelegate

WIDTHS = {  # at 1280x800 State…Jobs fit beside the filter dock; at 1440x900 the dates too
    "State": 76,
    "Failed On": 88,
    "Error Type": 170,
    "Pattern": 250,
    "Object": 92,
    "Fields": 74,
    "Errors": 58,
    "Records": 62,
    "Jobs": 44,
    "First Seen": 92,
    "Last Seen": 92,
    "Trend": 90,
    "Advice": 320,
}


class GroupsPanel(QWidget):
    """Chart above the groups table (a splitter between them); actions act on the selection."""

    def __init__(self, model: GroupTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("groupsPanel")
        self.model = model
        self.summary = style.mute(plain_label(tr("Grouping…"), self))
        self.summary.setObjectName("groupsSummary")
        self.summary.setWordWrap(True)
        self.show_ignored = QCheckBox(tr("Show ignored"), self)
        self.show_ignored.setObjectName("showIgnored")
        self.show_ignored.setToolTip(tr("Also list the groups you ignored"))
        self.chart = TrendChart(self)
        self.table = self._build_table()
        self._extra: list[QAction] = []
        self.why = WhySection(self)
        self._build_actions()
        top = QHBoxLayout()
        top.setContentsMargins(6, 2, 6, 0)
        top.addWidget(self.summary, 1)
        top.addWidget(self.show_ignored)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setObjectName("groupsSplit")
        split.setChildrenCollapsible(False)
        split.addWidget(self.chart)
        beside = QSplitter(Qt.Orientation.Horizontal, split)  # the groups | why the selected one failed
        beside.setObjectName("groupsWhySplit")
        beside.setChildrenCollapsible(False)
        beside.addWidget(self.table)
        beside.addWidget(self.why)
        beside.setStretchFactor(0, 3)
        beside.setStretchFactor(1, 2)
        split.addWidget(beside)
        split.setStretchFactor(1, 1)
        split.setSizes([104, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("groupsTable")
        table.setModel(self.model)
        table.setSortingEnabled(True)
        table.horizontalHeader().setSortIndicator(COL_ERRORS, Qt.SortOrder.DescendingOrder)
        table.setAlternatingRowColors(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setItemDelegate(ElideToolTipDelegate(table))
        table.setItemDelegateForColumn(COL_TREND, SparklineDelegate(table))
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        padding = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 16  # sort arrow
        for col, (title, _name) in enumerate(COLUMNS):
            wanted = header.fontMetrics().horizontalAdvance(header_text(col)) + padding
            header.resizeSection(col, max(WIDTHS.get(title, 100), wanted))  # a longer header is not cut
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)
        return table

    def _build_actions(self) -> None:
        def action(text: str, name: str, keys: str | QKeySequence.StandardKey) -> QAction:
            act = QAction(text, self.table)
            act.setObjectName(name)
            act.setShortcut(QKeySequence(keys))
            act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.table.addAction(act)
            return act

        self.resolve = action(tr("&Resolve"), "resolveGroupAction", "Ctrl+R")
        self.ignore = action(tr("&Ignore"), "ignoreGroupAction", "Ctrl+I")
        self.reopen = action(tr("Re&open"), "reopenGroupAction", "Ctrl+U")
        self.copy = action(tr("&Copy"), "copyGroupAction", QKeySequence.StandardKey.Copy)
        self.search = action(tr("&Search online"), "searchGroupAction", "Ctrl+K")
        self.export = action(tr("E&xport these errors…"), "exportGroupErrorsAction", "Ctrl+Shift+E")
        self.resolve.setToolTip(
            tr("The cause is fixed: mark it resolved (it shows as Regressed if it fails again)")
        )
        self.ignore.setToolTip(tr("Mute this cause: hidden unless Show ignored is on"))

    @property
    def group_actions(self) -> list[QAction]:
        return [self.resolve, self.ignore, self.reopen, self.copy, self.search, self.export, *self._extra]

    def add_action(self, action: QAction) -> None:
        """A feature's action on the selected groups (Fix and reload), last in the context menu."""
        self._extra.append(action)

    def selected_rows(self) -> list[int]:
        return sorted(index.row() for index in self.table.selectionModel().selectedRows())

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self.table)
        menu.setToolTipsVisible(True)  # a disabled action's tooltip says why
        for act in self.group_actions:
            if act in self._extra and act is self._extra[0]:
                menu.addSeparator()
            menu.addAction(act)
            if act is self.reopen:
                menu.addSeparator()
        menu.popup(self.table.viewport().mapToGlobal(pos))
