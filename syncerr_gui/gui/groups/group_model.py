"""The Groups table's model: one row per error group of the filtered rows, most errors first.

It holds a small table (tens to thousands of groups), so sorting and the "Show ignored"
toggle are plain pandas/NumPy on it; the heavy grouping happened in `ErrorGroups` off the
GUI thread. The Trend column hands the delegate the group's counts per day (`TREND_ROLE`).
"""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from syncerr_gui.core.archive.triage import IGNORED, NEW, ONGOING, REGRESSED, RESOLVED
from syncerr_gui.gui.i18n import QT_TR_NOOP, shown, tr
from syncerr_gui.gui.local_time import local_zone
from syncerr_gui.gui.plain_text import tooltip
from syncerr_gui.gui.table.columns import level_text

_AnyIndex = QModelIndex | QPersistentModelIndex

# (header, table column); "state" and "trend" are the model's own. Headers are English
# sources, translated where shown (`header_text`).
COLUMNS = (
    (QT_TR_NOOP("State"), "state"),
    (QT_TR_NOOP("Failed On"), "failed_on"),
    (QT_TR_NOOP("Error Type"), "error_type"),
    (QT_TR_NOOP("Pattern"), "pattern"),
    (QT_TR_NOOP("Object"), "object"),
    (QT_TR_NOOP("Fields"), "fields"),
    (QT_TR_NOOP("Errors"), "errors"),
    (QT_TR_NOOP("Records"), "records"),
    (QT_TR_NOOP("Jobs"), "jobs"),
    (QT_TR_NOOP("First Seen"), "first_seen"),
    (QT_TR_NOOP("Last Seen"), "last_seen"),
    (QT_TR_NOOP("Trend"), "trend"),
    (QT_TR_NOOP("Advice"), "advice"),
)
COL_ERRORS = 6
COL_TREND = 11
TREND_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # tuple of ints: errors per day of the window
KEY_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # the group's key
_NUMBERS = frozenset({"errors", "records", "jobs"})
_TIMES = frozenset({"first_seen", "last_seen"})
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def header_text(section: int) -> str:
    """Column `section`'s header in the window's language."""
    return tr(COLUMNS[section][0])


def state_text(state: str) -> str:
    """A triage state in the window's language (the archive and the CSV keep the English value)."""
    names = {
        NEW: tr("New", "group state"),
        ONGOING: tr("Ongoing", "group state"),
        RESOLVED: tr("Resolved", "group state"),
        IGNORED: tr("Ignored", "group state"),
        REGRESSED: tr("Regressed", "group state"),
    }
    return names.get(state, state)


def short_time(local: pd.Timestamp) -> str:
    """'2 Dec 14:03' with the locale's short month name ('2 déc. 14:03' in French)."""
    month = QLocale().monthName(local.month, QLocale.FormatType.ShortFormat)
    return f"{local.day} {month} {local:%H:%M}"


class GroupTableModel(QAbstractTableModel):
    """Groups with their triage state; ignored ones hidden unless `set_show_ignored(True)`."""

    def __init__(self, parent: QObject | None = None, zone: tzinfo | None = None) -> None:
        super().__init__(parent)
        self._zone = zone if zone is not None else local_zone()
        self._all = pd.DataFrame({name: [] for _title, name in COLUMNS if name != "trend"})
        self._all_daily = np.zeros((0, 0), dtype=np.int32)
        self._shown = self._all
        self._daily = self._all_daily
        self._show_ignored = False
        self._sort: tuple[int, bool] | None = None

    # ---- public API ------------------------------------------------------------------------
    def set_groups(self, table: pd.DataFrame, daily: np.ndarray, states: pd.Series) -> None:
        """Show `table` (a `GroupSummary.table`) with `daily` counts and each row's state."""
        self.beginResetModel()
        self._all = table.assign(state=np.asarray(states, dtype=object)).reset_index(drop=True)
        self._all_daily = daily
        self._refresh()
        self.endResetModel()

    def set_show_ignored(self, show: bool) -> None:
        self.beginResetModel()
        self._show_ignored = show
        self._refresh()
        self.endResetModel()

    @property
    def show_ignored(self) -> bool:
        return self._show_ignored

    @property
    def total_groups(self) -> int:
        """Groups of the filtered rows, ignored ones included."""
        return len(self._all)

    def group_rows(self, rows: list[int]) -> pd.DataFrame:
        """The `GroupSummary.table` rows (with `state`) behind view rows `rows`."""
        return self._shown.iloc[[r for r in rows if 0 <= r < len(self._shown)]]

    def row_of_key(self, key: str) -> int:
        """The view row of the group named `key`, or -1."""
        if not len(self._shown):
            return -1
        hits = np.flatnonzero(self._shown["key"].to_numpy() == key)
        return int(hits[0]) if len(hits) else -1

    def row_text(self, row: int) -> str:
        """A group as one tab-separated line of its visible columns (for Copy)."""
        cells = [self._text(row, name) for _title, name in COLUMNS if name != "trend"]
        return "\t".join(cells)

    # ---- Qt overrides ----------------------------------------------------------------------
    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return header_text(section)
            if role == Qt.ItemDataRole.ToolTipRole and section == COL_TREND:
                return tooltip(tr("Errors per day over the dates shown"))
        return None

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        name = COLUMNS[index.column()][1]
        if role == Qt.ItemDataRole.DisplayRole:
            if name == "failed_on":  # "Record Level" in the window's language
                return level_text(self._text(index.row(), name))
            return "" if name == "trend" else self._text(index.row(), name)
        if role == Qt.ItemDataRole.ToolTipRole and name in ("pattern", "advice", "fields"):
            return tooltip(self._text(index.row(), name))
        if role == Qt.ItemDataRole.TextAlignmentRole and name in _NUMBERS:
            return int(_RIGHT.value)
        if role == TREND_ROLE and name == "trend":
            return tuple(int(v) for v in self._daily[index.row()]) if len(self._daily) else ()
        if role == KEY_ROLE:
            return str(self._shown["key"].iat[index.row()])
        if role == Qt.ItemDataRole.FontRole and name == "state":
            return self._state_font(index.row())
        return None

    def flags(self, index: _AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order == Qt.SortOrder.AscendingOrder)
        self._refresh()
        self.layoutChanged.emit()

    # ---- internals -------------------------------------------------------------------------
    def _refresh(self) -> None:
        """Hide ignored groups unless asked, then sort (stable: most errors first breaks ties)."""
        keep = np.ones(len(self._all), dtype=bool)
        if not self._show_ignored and len(self._all):
            keep = self._all["state"].to_numpy() != IGNORED
        order = np.flatnonzero(keep)
        if self._sort is not None and len(order):
            key = self._sort_key(COLUMNS[self._sort[0]][1])[order]
            ranked = np.argsort(key, kind="stable")
            order = order[ranked if self._sort[1] else ranked[::-1]]
        self._shown = self._all.iloc[order].reset_index(drop=True)
        self._daily = self._all_daily[order] if len(self._all_daily) else self._all_daily

    def _sort_key(self, name: str) -> np.ndarray:
        if name == "trend":
            return self._all_daily.sum(axis=1) if self._all_daily.size else np.zeros(len(self._all))
        column = self._all[name]
        if name in _TIMES:
            return column.to_numpy(dtype="datetime64[ns]").astype(np.int64)
        if name in _NUMBERS:
            return column.to_numpy(dtype=np.int64)
        return column.astype(str).str.casefold().to_numpy(dtype=object)

    def _text(self, row: int, name: str) -> str:
        value = self._shown[name].iat[row]
        if name in _TIMES:
            if pd.isna(value):
                return ""
            return short_time(value.tz_convert(self._zone))
        if name in _NUMBERS:
            return QLocale().toString(int(value))
        if name == "state":
            return state_text(str(value))
        if name == "advice":
            return shown(value)
        return str(value)

    def _state_font(self, row: int) -> Any:
        from PySide6.QtGui import QFont

        font = QFont()
        font.setBold(str(self._shown["state"].iat[row]) in (NEW, REGRESSED))
        return font
