"""The window keeps the admin's choices: the time window across syncs, a filter per org, and
a detail pane that follows the rows shown. Driven against loopback demo orgs (real HTTPS)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, QSettings, Qt

from syncerr_gui.core.frame.schema import JOB_LEVEL, RECORD_LEVEL
from syncerr_gui.demo_org import DemoConfig, DemoOrg
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.main_window import MainWindow
from syncerr_gui.gui.table.columns import COL_FAILED_ON

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

SYNC_MS = 60_000


def _window(qtbot, settings_file: Path, org: DemoOrg) -> MainWindow:
    from syncerr_gui.demo_org.connect import demo_session

    settings = AppSettings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    window = MainWindow(settings, demo_session=lambda: demo_session(org), ca_bundle=str(org.ca_path))
    qtbot.addWidget(window)
    window.show()
    return window


def _log_in_and_sync(qtbot, window: MainWindow, org: DemoOrg) -> None:
    from syncerr_gui.demo_org.connect import demo_session

    with qtbot.waitSignal(window.sync_ended, timeout=SYNC_MS):
        window.set_session(demo_session(org), sync=True)


def _counts(window: MainWindow) -> tuple[int, int]:
    return window.model.shown_count, window.model.total_count


def _apply(qtbot, window: MainWindow) -> None:
    qtbot.mouseClick(window.filter_dock.apply_button, Qt.MouseButton.LeftButton)


@pytest.fixture()
def other_org() -> Iterator[DemoOrg]:
    """A second org (another seed: another org id and other errors)."""
    with DemoOrg(DemoConfig(seed=8, record_errors=120, bulk2_jobs=6, classic_jobs=1, apex_jobs=1)) as org:
        yield org


def test_a_sync_keeps_the_admins_own_to_and_from(qtbot, tmp_path: Path, fresh_org) -> None:
    window = _window(qtbot, tmp_path / "settings.ini", fresh_org)
    _log_in_and_sync(qtbot, window, fresh_org)
    dock = window.filter_dock
    start = dock.from_edit.dateTime()
    middle = start.addSecs(start.secsTo(QDateTime.currentDateTime()) // 2)
    qtbot.mouseClick(dock.to_check, Qt.MouseButton.LeftButton)
    dock.to_edit.setDateTime(middle)
    _apply(qtbot, window)
    chosen = _counts(window)
    assert 0 < chosen[0] < chosen[1]  # the admin's To hides the later errors
    with qtbot.waitSignal(window.sync_ended, timeout=SYNC_MS):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    assert dock.to_check.isChecked() and dock.from_check.isChecked()
    assert abs(dock.to_edit.dateTime().secsTo(middle)) < 60
    assert abs(dock.from_edit.dateTime().secsTo(start)) < 60
    assert _counts(window) == chosen


def test_a_remembered_search_belongs_to_its_org_and_an_empty_table_says_why(
    qtbot, tmp_path: Path, fresh_org, other_org
) -> None:
    settings_file = tmp_path / "settings.ini"
    first = _window(qtbot, settings_file, fresh_org)
    _log_in_and_sync(qtbot, first, fresh_org)
    qtbot.keyClicks(first.filter_dock.search, "HYPERLINK-nowhere")
    _apply(qtbot, first)
    shown, total = _counts(first)
    assert shown == 0 and total > 0
    note = first.empty_note
    assert note.isVisible() and note.title.text() == "No errors match the filter"
    assert "search “HYPERLINK-nowhere”" in note.detail.text()
    first.close()

    second = _window(qtbot, settings_file, other_org)  # the next start, against another org
    _log_in_and_sync(qtbot, second, other_org)
    assert second.filter_dock.search.text() == ""
    assert _counts(second)[0] == _counts(second)[1] > 0 and not second.empty_note.isVisible()

    _log_in_and_sync(qtbot, second, fresh_org)  # back to the first org: its own search again
    assert second.filter_dock.search.text() == "HYPERLINK-nowhere" and _counts(second)[0] == 0
    assert second.empty_note.isVisible()
    qtbot.mouseClick(second.empty_note.reset_button, Qt.MouseButton.LeftButton)
    assert _counts(second)[0] == _counts(second)[1] > 0 and not second.empty_note.isVisible()


def _first_row(window: MainWindow, level: str) -> int:
    model = window.model
    return next(r for r in range(model.rowCount()) if model.index(r, COL_FAILED_ON).data() == level)


def test_the_detail_pane_follows_the_rows_the_filter_shows(qtbot, tmp_path: Path, fresh_org) -> None:
    window = _window(qtbot, tmp_path / "settings.ini", fresh_org)
    _log_in_and_sync(qtbot, window, fresh_org)
    window.select_row(_first_row(window, JOB_LEVEL))
    job = window.detail_pane.record
    assert job is not None and job["failed_on"] == JOB_LEVEL

    qtbot.mouseClick(window.filter_dock.job_level, Qt.MouseButton.LeftButton)  # hide job-level rows
    _apply(qtbot, window)
    assert window.detail_pane.record is None  # not the removed row
    assert not window.table.selectionModel().hasSelection()

    window.select_row(_first_row(window, RECORD_LEVEL))
    record = window.detail_pane.record
    qtbot.mouseClick(window.filter_dock.job_level, Qt.MouseButton.LeftButton)  # both levels again
    _apply(qtbot, window)
    assert window.detail_pane.record == record  # still shown, so still selected and in the pane
    current = window.table.currentIndex()
    shown = {k: v for k, v in record.items() if k != "recurrence"}  # the pane adds the record's history
    assert current.isValid() and window.model.row_record(current.row()) == shown
