"""What the Groups view does: groups the frame off the GUI thread, regroups when the filter
changes, shows the selected groups' rows in the errors table, and keeps the admin's triage
(Resolved, Ignored) in the org's archive so it survives a restart.

Grouping a million rows takes a fraction of a second and a regroup tens of milliseconds: both
run in the pool (`run_in_background`); the GUI thread only swaps a small table in.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QLocale, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication

from syncerr_gui.core.archive.triage import IGNORED, RESOLVED, group_states
from syncerr_gui.core.exceptions import ArchiveError, failure_words
from syncerr_gui.core.frame.groups import ErrorGroups, GroupSummary, PatternMap
from syncerr_gui.core.frame.guidance import search_url
from syncerr_gui.gui import message_boxes
from syncerr_gui.gui.groups.group_model import GroupTableModel
from syncerr_gui.gui.groups.groups_panel import GroupsPanel
from syncerr_gui.gui.groups.why_controller import WhyController
from syncerr_gui.gui.i18n import shown, tr
from syncerr_gui.gui.tasks import run_in_background

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Grouped:
    """One grouping result, delivered to the GUI thread."""

    frame: pd.DataFrame
    groups: ErrorGroups
    summary: GroupSummary
    states: pd.Series


class GroupsController(QObject):
    """Signals: grouped() each time the Groups view shows a new grouping (tests wait on it)."""

    grouped = Signal()

    def __init__(self, window: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.model = GroupTableModel(self)
        self.panel = GroupsPanel(self.model, window)
        self.current: Grouped | None = None
        self.why = WhyController(window, self.panel.why, self)
        self._token = 0
        self._restoring = False
        panel = self.panel
        panel.show_ignored.toggled.connect(self._toggle_ignored)
        panel.table.selectionModel().selectionChanged.connect(self._selection_changed)
        panel.chart.range_chosen.connect(self._range_chosen)
        panel.resolve.triggered.connect(lambda: self.set_state(RESOLVED))
        panel.ignore.triggered.connect(lambda: self.set_state(IGNORED))
        panel.reopen.triggered.connect(lambda: self.set_state(None))
        panel.copy.triggered.connect(self.copy_selected)
        panel.search.triggered.connect(self.search_online)
        panel.export.triggered.connect(window.export_csv)
        self._update_actions()

    # ---- window hooks ----------------------------------------------------------------------
    def frame_changed(self) -> None:
        """The table shows a new frame: group it from scratch (off the GUI thread)."""
        view = self.window.model.error_view
        frame, rows, archive = view.frame, view.filtered(), self._archive()
        self.current = None
        self.panel.summary.setText(tr("Grouping…"))
        self._start(lambda: _group(frame, rows, archive, None))

    def filter_changed(self) -> None:
        """The filter changed: the same groups, counted over the rows it lets through."""
        current = self.current
        view = self.window.model.error_view
        if current is None or current.frame is not view.frame:
            self.frame_changed()
            return
        rows, archive = view.filtered(), self._archive()
        self._start(lambda: _group(current.frame, rows, archive, current.groups))

    def _start(self, work: Any) -> None:
        self._token += 1
        token = self._token
        run_in_background(
            work,
            lambda done: self._show(token, done),
            self._failed,
            parent=self,
            doing=tr("group the errors"),
        )

    def _archive(self) -> Any:
        """The shown org's archive, or None (no data folder: triage cannot be kept)."""
        return self.window.archive.shown_archive("groups without triage")

    # ---- showing ---------------------------------------------------------------------------
    def _show(self, token: int, grouped: Grouped) -> None:
        if token != self._token or grouped.frame is not self.window.model.error_view.frame:
            return  # a newer grouping or another frame came first
        keys = self.selected_keys()
        self.current = grouped
        self._restoring = True
        self.model.set_groups(grouped.summary.table, grouped.summary.daily, grouped.states)
        self._reselect(keys)
        self._restoring = False
        table = grouped.summary.table
        self.panel.chart.set_data(grouped.summary.days, grouped.summary.daily, _chart_labels(table))
        self._apply_selection()
        self._show_summary()
        self.grouped.emit()

    def _failed(self, text: str) -> None:
        self.panel.summary.setText(tr("Could not group the errors: {reason}").format(reason=shown(text)))

    def _show_summary(self) -> None:
        total, listed = self.model.total_groups, self.model.rowCount()
        hidden = total - listed
        words = tr("%Ln group(s)", None, listed)
        if hidden:
            words = tr("{groups} ({ignored} ignored, hidden)").format(
                groups=words, ignored=QLocale().toString(hidden)
            )
        chosen = self.selected_groups() if listed else pd.DataFrame()
        if not chosen.empty:
            errors = tr("%Ln error(s) shown below", None, int(chosen["errors"].sum()))
            words = tr("{groups}; {selected} selected: {errors}").format(
                groups=words, selected=QLocale().toString(len(chosen)), errors=errors
            )
        elif self.current is not None and self.current.groups.total:
            words = tr("{groups} — select groups to see only their errors below").format(groups=words)
        self.panel.summary.setText(words)

    def _toggle_ignored(self, show: bool) -> None:
        keys = self.selected_keys()
        self._restoring = True
        self.model.set_show_ignored(show)
        self._reselect(keys)
        self._restoring = False
        self._apply_selection()
        self._show_summary()

    # ---- selection -------------------------------------------------------------------------
    def selected_groups(self) -> pd.DataFrame:
        """The selected groups' rows of the summary table (with their state)."""
        return self.model.group_rows(self.panel.selected_rows())

    def selected_keys(self) -> list[str]:
        return [str(key) for key in self.selected_groups()["key"]] if self.model.rowCount() else []

    def select_rows(self, rows: list[int]) -> None:
        """Select these view rows of the groups table (tests, and the keys' reselect)."""
        table, selection = self.panel.table, QItemSelection()
        for row in rows:
            selection.select(self.model.index(row, 0), self.model.index(row, self.model.columnCount() - 1))
        chooser = table.selectionModel()
        chooser.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if rows:
            chooser.setCurrentIndex(self.model.index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate)

    def _reselect(self, keys: list[str]) -> None:
        rows = [row for row in (self.model.row_of_key(key) for key in keys) if row >= 0]
        self.select_rows(rows)

    def _selection_changed(self, *_args: Any) -> None:
        if not self._restoring:
            self._apply_selection()
            self._show_summary()

    def _apply_selection(self) -> None:
        """Only the selected groups' rows in the errors table; their advice in the detail pane."""
        current, chosen = self.current, self.selected_groups()
        self._update_actions()
        if current is not None:
            self.why.group_selected(current.groups, current.frame, chosen, self._archive())
        if current is None or chosen.empty:
            if self.window.model.error_view.restricted:
                self.window.model.restrict(None)
            return
        wanted = np.zeros(current.groups.count + 1, dtype=bool)
        wanted[chosen["group"].to_numpy(dtype=np.int64)] = True
        self.window.model.restrict(wanted[current.groups.row_group])
        self.window.detail_pane.show_group(chosen.iloc[0].to_dict())

    def _update_actions(self) -> None:
        chosen = self.selected_groups() if self.model.rowCount() else pd.DataFrame()
        kept = self.window.archive.data_dir is not None and self.window.archive.current_org() is not None
        for act in (self.panel.resolve, self.panel.ignore, self.panel.reopen):
            act.setEnabled(kept and not chosen.empty)
        for act in (self.panel.copy, self.panel.search, self.panel.export):
            act.setEnabled(not chosen.empty)

    # ---- actions ---------------------------------------------------------------------------
    def set_state(self, state: str | None) -> None:
        """Resolve, ignore or reopen the selected groups in the archive, then show their states."""
        chosen, archive, current = self.selected_groups(), self._archive(), self.current
        if chosen.empty or archive is None or current is None:
            return
        try:
            archive.set_group_state(chosen, state)
            states = archive.group_states(current.summary.table)
        except ArchiveError as exc:
            message_boxes.show_error(self.window, tr("Could not change the group"), shown(failure_words(exc)))
            return
        self._show(self._token, dataclasses.replace(current, states=states))

    def copy_selected(self) -> None:
        rows = self.panel.selected_rows()
        if rows:
            QGuiApplication.clipboard().setText("\n".join(self.model.row_text(row) for row in rows))

    def search_online(self) -> None:
        """The privacy-safe search for the first selected group (its pattern holds no values)."""
        chosen = self.selected_groups()
        if not chosen.empty:
            first = chosen.iloc[0]
            QDesktopServices.openUrl(QUrl(search_url(str(first["error_type"]), str(first["pattern"]))))

    def _range_chosen(self, start: datetime, end: datetime) -> None:
        """A bar clicked or a span dragged on the chart: those days become the date filter."""
        flt = dataclasses.replace(self.window.filter_dock.current_filter(), start=start, end=end)
        self.window.filter_dock.set_filter(flt)
        self.window.apply_filter(self.window.filter_dock.current_filter())  # as the dock holds it


def _group(frame: pd.DataFrame, rows: np.ndarray, archive: Any, groups: ErrorGroups | None) -> Grouped:
    """Pool thread: the groups of `frame` (built unless given) over `rows`, with their states."""
    if groups is None:
        groups = ErrorGroups(frame, _patterns(frame, archive))
    summary = groups.summary(rows)
    if archive is not None:
        states = archive.group_states(summary.table)
    else:
        states = group_states(summary.table, {}, None)
    return Grouped(frame, groups, summary, states)


def _patterns(frame: pd.DataFrame, archive: Any) -> PatternMap | None:
    """The archive's kept patterns when the frame came from it (its message dictionary is the
    archive's: checked on a few messages), else None (computed from the frame)."""
    if archive is None:
        return None
    from syncerr_gui.core.frame.patterns import message_pattern
    from syncerr_gui.core.frame.schema import codes_and_values

    try:
        kept = archive.message_patterns(keep=False)
    except ArchiveError as exc:
        logger.warning("message patterns not read (computed instead): %s", exc)
        return None
    _codes, messages = codes_and_values(frame["message"])
    if len(kept.codes) < len(messages):
        return None
    probes = np.unique(np.linspace(0, len(messages) - 1, num=min(8, len(messages)), dtype=np.int64))
    for code in probes:
        if kept.values[int(kept.codes[code])].as_py() != message_pattern(messages[int(code)].as_py()):
            return None
    return kept


def _chart_labels(table: pd.DataFrame) -> list[str]:
    """One line per group for the chart: code and object (the legend: two groups of one code
    on two objects must not read alike), then the pattern (the tooltip). Plain text."""
    no_code = tr("(no code)")
    return [
        (tr("{code} on {object}").format(code=code or no_code, object=obj) if obj else code or no_code)
        + f" — {pattern}"
        for code, obj, pattern in zip(table["error_type"], table["object"], table["pattern"])
    ]
