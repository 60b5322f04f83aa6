"""The error archive in the app, driven like a person against the loopback demo org:
instant start before any login, incremental syncs, "New since your last visit", purge from
the Archive… dialog, and an unusable archive reported in words while the app carries on."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QSettings, Qt

from syncerr_gui.core.archive.data_dirs import archive_path, org_id_18
from syncerr_gui.core.archive.store import ErrorArchive
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.application import parse_args
from syncerr_gui.gui.archive.archive_support import archive_dir_for
from syncerr_gui.gui.main_window import MainWindow
from syncerr_gui.gui.settings_keys import ARCHIVE_LAST_ORG
from syncerr_gui.gui.table.columns import COL_NEW, NEW_MARK

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

SYNC_TIMEOUT_MS = 60_000
LOAD_TIMEOUT_MS = 30_000


@pytest.fixture()
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture()
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def open_window(
    qtbot, settings: AppSettings, data_dir: Path, org, *, wait_for_archive: bool = False
) -> MainWindow:
    """A main window as the app starts one: archive opened before anything else."""
    from syncerr_gui.demo_org.connect import demo_session

    window = MainWindow(settings, demo_session=lambda: demo_session(org), ca_bundle=str(org.ca_path))
    qtbot.addWidget(window)
    if wait_for_archive:
        with qtbot.waitSignal(window.archive.shown, timeout=LOAD_TIMEOUT_MS):
            window.archive.open(data_dir)
    else:
        window.archive.open(data_dir)
    window.show()
    return window


def sync(qtbot, window: MainWindow, org) -> None:
    from syncerr_gui.demo_org.connect import demo_session

    with qtbot.waitSignal(window.sync_ended, timeout=SYNC_TIMEOUT_MS):
        if window.session is None:
            window.set_session(demo_session(org), sync=True)
        else:
            window.sync_now()
    assert not window.last_sync_error


def marks_shown(window: MainWindow) -> list[bool]:
    model = window.model
    return [model.index(r, COL_NEW).data() == NEW_MARK for r in range(model.rowCount())]


def test_the_archive_shows_at_start_before_any_login(qtbot, settings, data_dir, fresh_org) -> None:
    first = open_window(qtbot, settings, data_dir, fresh_org)
    sync(qtbot, first, fresh_org)
    archived = first.model.total_count
    assert archived == len(fresh_org.truth.errors(since=first.last_result.since))
    first.close()
    requests = len(fresh_org.request_log)

    second = open_window(qtbot, settings, data_dir, fresh_org, wait_for_archive=True)
    assert second.session is None
    assert second.model.total_count == archived and second.model.rowCount() > 0
    assert second.archive.label.text().startswith("Showing the archive from ")
    assert second.archive.label.text().endswith("log in to sync")
    assert len(fresh_org.request_log) == requests  # not one request reached the org
    assert settings.value(ARCHIVE_LAST_ORG.key) == org_id_18(fresh_org.org_id)


def test_a_second_sync_downloads_no_results_of_archived_jobs(qtbot, settings, data_dir, fresh_org) -> None:
    window = open_window(qtbot, settings, data_dir, fresh_org)
    sync(qtbot, window, fresh_org)
    rows = window.model.total_count
    before = len(fresh_org.request_log)
    sync(qtbot, window, fresh_org)
    again = [path for _method, path in fresh_org.request_log[before:]]
    assert not [p for p in again if "failedResults" in p or p.endswith(("/result", "/request"))]
    assert any("jobs/ingest" in p for p in again)  # it did list the jobs again
    assert window.model.total_count == rows


def test_new_marks_appear_for_new_signatures_and_go_after_a_visit(
    qtbot, settings, data_dir, fresh_org
) -> None:
    window = open_window(qtbot, settings, data_dir, fresh_org)
    sync(qtbot, window, fresh_org)
    assert not any(marks_shown(window))  # a first sync: nothing to compare with
    window.close()
    with ErrorArchive.for_org(fresh_org.org_id, data_dir) as archive:
        frame = archive.load()
        firsts = np.sort(frame["first_seen"].unique())
        last_visit = pd.Timestamp(firsts[len(firsts) // 2]).to_pydatetime()
        archive.mark_visit(at=last_visit)  # as if the user last came by then
        expected = int(archive.new_since_last_visit(frame).sum())
    assert 0 < expected < len(frame)

    again = open_window(qtbot, settings, data_dir, fresh_org, wait_for_archive=True)
    again.filter_dock.reset()  # every row, whatever the saved window
    assert sum(marks_shown(again)) == expected == again.model.new_count
    assert f"{expected:,} new since your last visit" in again.archive.label.text()
    header = again.table.horizontalHeader()
    assert header.visualIndex(COL_NEW) == 0  # the marker column comes first
    again.model.sort(COL_NEW, Qt.SortOrder.DescendingOrder)
    assert marks_shown(again)[:expected] == [True] * expected
    again.close()  # leaving records the visit

    third = open_window(qtbot, settings, data_dir, fresh_org, wait_for_archive=True)
    assert not any(marks_shown(third)) and third.model.new_count == 0
    assert "new since your last visit" not in third.archive.label.text()


def test_purge_now_in_the_archive_dialog_removes_old_rows(qtbot, settings, data_dir, fresh_org) -> None:
    window = open_window(qtbot, settings, data_dir, fresh_org)
    sync(qtbot, window, fresh_org)
    before = window.model.total_count
    window.archive.action.trigger()  # File > Archive…
    dialog = window.archive.dialog
    assert dialog.isVisible() and dialog.rows.text() == f"{before:,}"
    assert str(data_dir) in dialog.location.text() and dialog.size_label.text().endswith("B")
    dialog.retention.setValue(3)
    with qtbot.waitSignal(window.archive.purged, timeout=LOAD_TIMEOUT_MS) as purged:
        qtbot.mouseClick(dialog.purge_button, Qt.MouseButton.LeftButton)
    deleted = purged.args[0]
    assert 0 < deleted < before
    assert window.model.total_count == before - deleted == int(dialog.rows.text().replace(",", ""))
    cutoff = pd.Timestamp.now(tz="UTC") - pd.Timedelta(days=3)
    shown = window.model.error_view.frame["failed_at"]
    assert (shown >= cutoff - pd.Timedelta(minutes=5)).all()
    assert f"Deleted {deleted:,} archived errors" in dialog.message.text()
    assert window.archive.retention_days == 3  # kept for the purge at each start


def test_a_damaged_archive_is_kept_aside_recovered_and_said_and_the_app_works_with_the_new_one(
    qtbot, settings, data_dir, fresh_org
) -> None:
    org = org_id_18(fresh_org.org_id)
    path = archive_path(org, data_dir)
    path.write_bytes(b"not a database at all " * 200)
    settings.set_value(ARCHIVE_LAST_ORG.key, org)
    window = MainWindow(settings, ca_bundle=str(fresh_org.ca_path))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.archive.shown, timeout=LOAD_TIMEOUT_MS):
        window.archive.open(data_dir)
    window.show()
    said = window.status.currentMessage()
    assert said.startswith(
        f"The error archive {path.name} was damaged (file is not a database). It was kept as "
    )
    (kept,) = data_dir.glob(f"{path.name}.damaged-*")
    assert kept.read_bytes() == b"not a database at all " * 200
    sync(qtbot, window, fresh_org)
    assert window.model.total_count == len(fresh_org.truth.errors(since=window.last_result.since))
    assert not window.archive.error


def test_the_command_line_chooses_the_data_folder(tmp_path: Path) -> None:
    assert parse_args(["--data-dir", str(tmp_path)]).data_dir == str(tmp_path)
    assert archive_dir_for(str(tmp_path), demo=True) == (tmp_path, False)
    user_folder = archive_dir_for(None, demo=False)[0]
    folder, temporary = archive_dir_for(None, demo=True)  # the demo's own folder, kept between runs
    assert not temporary and folder != user_folder and folder.parent == user_folder
    folder, temporary = archive_dir_for(None, demo=True, screenshot=True)  # a picture of a first run
    assert temporary and folder.is_dir() and folder != user_folder
    folder.rmdir()


def test_the_archive_dialog_shows_its_size_per_month_and_drops_old_input_rows(
    qtbot, settings, data_dir, fresh_org
) -> None:
    window = open_window(qtbot, settings, data_dir, fresh_org)
    sync(qtbot, window, fresh_org)
    total = window.model.total_count
    window.archive.action.trigger()
    dialog = window.archive.dialog
    months = dialog.months
    counted = sum(int(months.item(r, 1).text().replace(",", "")) for r in range(months.rowCount()))
    assert months.rowCount() >= 1 and counted == total
    assert any(months.item(r, 3).text() != "0 bytes" for r in range(months.rowCount()))  # input rows
    frame = window.model.error_view.frame
    old = frame["failed_at"] < pd.Timestamp.now(tz="UTC") - pd.Timedelta(days=3)
    records = frame["failed_on"].astype(str) == "Record Level"
    assert (old & records).any() and (~old & records).any()
    dialog.input_days.setValue(3)
    with qtbot.waitSignal(window.archive.inputs_dropped, timeout=LOAD_TIMEOUT_MS) as dropped:
        qtbot.mouseClick(dialog.drop_button, Qt.MouseButton.LeftButton)
    assert dropped.args[0] == int((old & records).sum())  # the old rows that had an input row
    assert "the errors are kept" in dialog.message.text()
    assert window.archive.archive_of(fresh_org.org_id).error_count() == total
    details = window.archive.archive_of(fresh_org.org_id).details
    inputs = details.read(frame["row_id"].to_numpy()).to_pylist()
    assert all(not text for text, is_old in zip(inputs, old) if is_old)
    assert all(text for text, is_old, is_record in zip(inputs, old, records) if is_record and not is_old)


def test_the_archive_is_the_one_source_of_the_last_successful_sync(
    qtbot, settings, data_dir, fresh_org
) -> None:
    from datetime import timedelta

    from syncerr_gui.core.time_window import default_since

    window = open_window(qtbot, settings, data_dir, fresh_org)
    sync(qtbot, window, fresh_org)
    first_start = window.last_result.started_at
    org = window.session.org_id
    # Settings that disagree (an older copy of the app, another machine's settings file):
    settings.set_last_success_start(org, first_start - timedelta(days=30))
    sync(qtbot, window, fresh_org)
    assert window.last_result.since == default_since(first_start)
    with ErrorArchive.for_org(org, data_dir) as archive:
        assert archive.last_success_start() == window.last_result.started_at
