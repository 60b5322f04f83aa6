"""The Groups view, driven as an admin would against the loopback demo org with an archive:
groups listed most errors first, selecting groups filters the errors table, Resolve and
Ignore survive a restart on the same data folder, Show ignored, and a chart click sets the
date filter."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QSettings, Qt

from syncerr_gui.core.archive.triage import IGNORED, RESOLVED
from syncerr_gui.core.frame.groups import ErrorGroups
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.groups.group_model import COL_ERRORS, COL_TREND, TREND_ROLE, GroupTableModel
from syncerr_gui.gui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

SYNC_TIMEOUT_MS = 60_000
GROUP_TIMEOUT_MS = 30_000


@pytest.fixture()
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def open_window(qtbot, settings: AppSettings, data_dir: Path, org, *, archived: bool = False) -> MainWindow:
    """A window as the app starts one; `archived`: wait until the archive's groups are shown."""
    from syncerr_gui.demo_org.connect import demo_session

    window = MainWindow(settings, demo_session=lambda: demo_session(org), ca_bundle=str(org.ca_path))
    qtbot.addWidget(window)
    if archived:
        with qtbot.waitSignal(window.groups.grouped, timeout=GROUP_TIMEOUT_MS):
            window.archive.open(data_dir)
    else:
        window.archive.open(data_dir)
    window.show()
    return window


def sync_and_group(qtbot, window: MainWindow, org) -> None:
    from syncerr_gui.demo_org.connect import demo_session

    with qtbot.waitSignals([window.sync_ended, window.groups.grouped], timeout=SYNC_TIMEOUT_MS):
        window.set_session(demo_session(org), sync=True)
    assert not window.last_sync_error


def texts(model: GroupTableModel, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def errors_column(model: GroupTableModel) -> list[int]:
    return [int(text.replace(",", "")) for text in texts(model, COL_ERRORS)]


def test_groups_list_the_causes_most_errors_first_and_selecting_filters_the_table(
    qtbot, settings, tmp_path, fresh_org
) -> None:
    window = open_window(qtbot, settings, tmp_path / "data", fresh_org)
    sync_and_group(qtbot, window, fresh_org)
    groups = window.groups.model
    shown_rows = window.model.shown_count
    counts = errors_column(groups)
    assert 5 <= len(counts) < shown_rows / 4  # causes, not rows
    assert counts == sorted(counts, reverse=True)
    assert sum(counts) == shown_rows  # every filtered row is in exactly one group
    assert any(groups.index(row, COL_TREND).data(TREND_ROLE) for row in range(len(counts)))

    window.groups.select_rows([1, 2])
    assert window.model.shown_count == counts[1] + counts[2]
    assert window.status.counts_label.text().startswith(f"{counts[1] + counts[2]:,} of ")
    chosen = window.groups.selected_groups()
    shown_types = {window.model.row_record(r)["error_type"] for r in range(window.model.rowCount())}
    assert shown_types == set(chosen["error_type"])
    code = str(chosen.iloc[0]["error_type"])
    assert window.detail_pane.values["error_type"].text() == code
    assert not window.detail_pane.ids_box.isVisible()

    window.select_row(0)  # a row of the group: its record's details again, recurrence included
    assert window.detail_pane.ids_box.isVisible()
    window.groups.select_rows([])
    assert window.model.shown_count == shown_rows


def test_sorting_on_every_column_keeps_every_group(qtbot, settings, tmp_path, fresh_org) -> None:
    window = open_window(qtbot, settings, tmp_path / "data", fresh_org)
    sync_and_group(qtbot, window, fresh_org)
    groups = window.groups.model
    keys = sorted(groups.index(r, 0).data(Qt.ItemDataRole.UserRole + 2) for r in range(groups.rowCount()))
    for column in range(groups.columnCount()):
        window.groups.panel.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        after = sorted(
            groups.index(r, 0).data(Qt.ItemDataRole.UserRole + 2) for r in range(groups.rowCount())
        )
        assert after == keys
    window.groups.panel.table.sortByColumn(COL_ERRORS, Qt.SortOrder.AscendingOrder)
    counts = errors_column(groups)
    assert counts == sorted(counts)


def test_resolve_and_ignore_survive_a_restart_and_show_ignored(qtbot, settings, tmp_path, fresh_org) -> None:
    data_dir = tmp_path / "data"
    first = open_window(qtbot, settings, data_dir, fresh_org)
    sync_and_group(qtbot, first, fresh_org)
    groups = first.groups.model
    before = groups.rowCount()
    first.groups.select_rows([0])
    resolved_key = first.groups.selected_keys()[0]
    first.groups.panel.resolve.trigger()
    first.groups.select_rows([groups.row_of_key(resolved_key) + 1])
    ignored_key = first.groups.selected_keys()[0]
    first.groups.panel.ignore.trigger()
    assert groups.row_of_key(ignored_key) == -1  # hidden at once
    assert groups.rowCount() == before - 1
    first.close()

    second = open_window(qtbot, settings, data_dir, fresh_org, archived=True)
    model = second.groups.model
    assert model.rowCount() == before - 1
    assert model.row_of_key(ignored_key) == -1
    assert model.index(model.row_of_key(resolved_key), 0).data() == RESOLVED
    assert "1 ignored" in second.groups.panel.summary.text()
    second.groups.panel.show_ignored.setChecked(True)
    row = model.row_of_key(ignored_key)
    assert row >= 0 and model.index(row, 0).data() == IGNORED
    second.groups.select_rows([row])
    second.groups.panel.reopen.trigger()
    second.groups.panel.show_ignored.setChecked(False)
    assert model.row_of_key(ignored_key) >= 0  # reopened: listed without Show ignored
    assert model.index(model.row_of_key(ignored_key), 0).data() not in (IGNORED, RESOLVED)


def test_clicking_a_chart_bar_filters_to_that_day(qtbot, settings, tmp_path, fresh_org) -> None:
    window = open_window(qtbot, settings, tmp_path / "data", fresh_org)
    sync_and_group(qtbot, window, fresh_org)
    chart = window.groups.panel.chart
    totals = chart.series.sum(axis=0)
    day = int(np.flatnonzero(totals)[-1])
    that_day, on_that_day = chart.days[day], int(totals[day])
    with qtbot.waitSignal(window.groups.grouped, timeout=GROUP_TIMEOUT_MS):
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.bar_center(day))
    flt = window.model.current_filter
    assert pd.Timestamp(flt.start) == that_day
    assert timedelta(hours=23) < flt.end - flt.start < timedelta(days=1)
    assert window.filter_dock.current_filter() == flt
    assert window.model.shown_count == on_that_day
    assert sum(errors_column(window.groups.model)) == on_that_day
    assert len(chart.days) == 1


def test_the_group_model_passes_the_model_tester(qtmodeltester, demo_org) -> None:
    frame = demo_org.truth.errors()
    summary = ErrorGroups(frame).summary()
    model = GroupTableModel()
    model.set_groups(summary.table, summary.daily, pd.Series(["Ongoing"] * len(summary.table)))
    assert model.rowCount() == len(summary.table) > 0
    qtmodeltester.check(model)
    model.sort(COL_ERRORS, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)


def test_the_detail_pane_says_how_often_a_record_failed_and_the_jobs_state(
    qtbot, settings, tmp_path, fresh_org
) -> None:
    window = open_window(qtbot, settings, tmp_path / "data", fresh_org)
    sync_and_group(qtbot, window, fresh_org)
    model, pane = window.model, window.detail_pane
    recurring = job_level = None
    for row in range(model.rowCount()):
        window.select_row(row)
        if recurring is None and pane.values["recurrence"].text():
            recurring = pane.values["recurrence"].text()
        if job_level is None and model.row_record(row)["failed_on"] == "Job Level":
            job_level = (pane.summary.text(), model.row_record(row)["job_state"])
    assert recurring is not None and recurring.startswith("This record failed ")
    assert job_level is not None and job_level[1] and f"Job state: {job_level[1]}" in job_level[0]
