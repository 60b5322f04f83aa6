"""The main window driven like a person, against the loopback demo org over real HTTPS."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from unittest.mock import patch

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt, QThreadPool
from PySide6.QtWidgets import QCheckBox, QMessageBox, QPushButton

from syncerr_gui.core.frame.schema import JOB_LEVEL, RECORD_LEVEL
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.main_window import MainWindow
from syncerr_gui.gui.table.columns import COL_ERROR_TYPE, COL_FAILED_ON, COL_SALESFORCE_ID, COL_SOURCE_ID

# The offscreen platform says this whenever any QMainWindow is shown; it is not ours to fix.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

SYNC_TIMEOUT_MS = 60_000
COUNTS = re.compile(r"^([\d,]+) of ([\d,]+) errors shown$")


def _settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def _make_window(qtbot, tmp_path: Path, org) -> MainWindow:
    from syncerr_gui.demo_org.connect import demo_session

    window = MainWindow(
        _settings(tmp_path), demo_session=lambda: demo_session(org), ca_bundle=str(org.ca_path)
    )
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture()
def synced(qtbot, tmp_path: Path, fresh_org) -> MainWindow:
    """A window logged in as the demo admin, after its first sync."""
    from syncerr_gui.demo_org.connect import demo_session

    window = _make_window(qtbot, tmp_path, fresh_org)
    with qtbot.waitSignal(window.sync_ended, timeout=SYNC_TIMEOUT_MS):
        window.set_session(demo_session(fresh_org), sync=True)
    return window


def _counts(window: MainWindow) -> tuple[int, int]:
    match = COUNTS.match(window.status.counts_label.text())
    assert match, window.status.counts_label.text()
    return int(match.group(1).replace(",", "")), int(match.group(2).replace(",", ""))


def _column(window: MainWindow, col: int) -> list[str]:
    model = window.model
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_log_in_through_the_dialog_then_the_table_fills(qtbot, tmp_path: Path, fresh_org) -> None:
    window = _make_window(qtbot, tmp_path, fresh_org)
    dialog = window.show_login()
    assert dialog.isModal() or dialog.windowModality() == Qt.WindowModality.ApplicationModal
    dialog.select_way("token")
    page = dialog.current_page()
    qtbot.keyClicks(page.instance_url, fresh_org.instance_url)
    qtbot.keyClicks(page.access_token, fresh_org.admin.access_token)
    with qtbot.waitSignal(window.sync_ended, timeout=SYNC_TIMEOUT_MS):
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    shown, total = _counts(window)
    assert total == len(fresh_org.truth.errors(since=window.last_result.since))
    assert shown == window.model.rowCount() and 0 < shown <= total
    assert fresh_org.admin.username in window.status.org_label.text()
    assert window.status.sync_label.text().startswith("Last sync")
    assert window.status.api_label.text().startswith("API ")


def test_filter_to_job_level_with_the_dock(qtbot, synced: MainWindow) -> None:
    dock = synced.filter_dock
    record_box = next(b for b in dock.findChildren(QCheckBox) if b.text().startswith(RECORD_LEVEL))
    apply_button = next(b for b in dock.findChildren(QPushButton) if b.text().replace("&", "") == "Apply")
    _, total = _counts(synced)
    qtbot.mouseClick(record_box, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dock.filter_applied):
        qtbot.mouseClick(apply_button, Qt.MouseButton.LeftButton)
    levels = set(_column(synced, COL_FAILED_ON))
    assert levels == {JOB_LEVEL}
    assert _counts(synced) == (synced.model.rowCount(), total)


def test_clicking_a_header_sorts_the_table(qtbot, synced: MainWindow) -> None:
    header = synced.table.horizontalHeader()
    x = header.sectionViewportPosition(COL_ERROR_TYPE) + header.sectionSize(COL_ERROR_TYPE) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    first = _column(synced, COL_ERROR_TYPE)
    ascending = first == sorted(first)
    assert ascending or first == sorted(first, reverse=True)
    assert len(set(first)) > 1
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    second = _column(synced, COL_ERROR_TYPE)
    assert second == sorted(first, reverse=ascending)


def test_double_click_shows_both_ids_in_the_detail_pane(qtbot, synced: MainWindow) -> None:
    model = synced.model
    row = next(
        r
        for r in range(model.rowCount())
        if model.index(r, COL_FAILED_ON).data() == RECORD_LEVEL
        and model.index(r, COL_SALESFORCE_ID).data()
        and model.index(r, COL_SOURCE_ID).data()
    )
    synced.detail_pane.hide()
    rect = synced.table.visualRect(model.index(row, COL_SALESFORCE_ID))
    synced.table.scrollTo(model.index(row, COL_SALESFORCE_ID))
    rect = synced.table.visualRect(model.index(row, COL_SALESFORCE_ID))
    qtbot.mouseClick(synced.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(synced.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert synced.detail_pane.isVisible()
    assert synced.detail_pane.values["salesforce_id"].text() == model.index(row, COL_SALESFORCE_ID).data()
    assert synced.detail_pane.values["source_id"].text() == model.index(row, COL_SOURCE_ID).data()


def test_export_writes_the_rows_shown_in_the_order_shown(qtbot, synced: MainWindow, tmp_path: Path) -> None:
    header = synced.table.horizontalHeader()
    x = header.sectionViewportPosition(COL_ERROR_TYPE) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    target = tmp_path / "out.csv"
    with (
        patch(
            "syncerr_gui.gui.export_flow.QFileDialog.getSaveFileName",
            return_value=(str(target), "CSV files (*.csv)"),
        ) as ask,
        qtbot.waitSignal(synced.export_ended, timeout=30000) as blocker,
    ):
        synced.actions_.export.trigger()
    assert Path(ask.call_args.args[2]).name.startswith("salesforce-sync-errors-")
    assert blocker.args[0] == f"Exported {synced.model.rowCount():,} errors to {target}"
    with target.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == synced.model.rowCount()
    assert [r["Salesforce ID"] for r in rows] == _column(synced, COL_SALESFORCE_ID)
    assert [r["Error Type"].lstrip("'") for r in rows] == _column(synced, COL_ERROR_TYPE)
    assert synced.status.currentMessage().startswith("Exported")


def test_cancel_a_long_sync_keeps_the_rows(qtbot, synced: MainWindow, fresh_org) -> None:
    _, total = _counts(synced)
    fresh_org.stall_next("failedResults", 30)
    synced.sync_now()
    assert synced.status.cancel_button.isVisible()
    qtbot.waitUntil(lambda: synced.status.progress.maximum() > 0, timeout=SYNC_TIMEOUT_MS)
    with qtbot.waitSignal(synced.sync_ended, timeout=10000):
        qtbot.mouseClick(synced.status.cancel_button, Qt.MouseButton.LeftButton)
    assert "Cancelled" in synced.status.sync_label.text()
    assert _counts(synced)[1] == total
    assert not synced.status.cancel_button.isVisible()


def test_unreadable_jobs_are_listed_not_fatal(qtbot, tmp_path: Path, fresh_org) -> None:
    from syncerr_gui.demo_org.connect import demo_session

    fresh_org.fail_next("failedResults", status=500, times=1000)
    window = _make_window(qtbot, tmp_path, fresh_org)
    with qtbot.waitSignal(window.sync_ended, timeout=SYNC_TIMEOUT_MS):
        window.set_session(demo_session(fresh_org), sync=True)
    assert "could not be read" in window.status.problems_label.text()
    assert window.model.rowCount() > 0  # job-level rows and the other sources still arrive
    window.status.problems_label.linkActivated.emit("#problems")
    assert window.problems_dialog.isVisible() and window.problems_dialog.table.rowCount() > 0


def test_layout_and_filter_are_remembered(qtbot, tmp_path: Path, synced: MainWindow) -> None:
    synced.table.horizontalHeader().resizeSection(COL_SOURCE_ID, 321)
    synced.close()
    again = MainWindow(_settings(tmp_path))
    qtbot.addWidget(again)
    assert again.table.horizontalHeader().sectionSize(COL_SOURCE_ID) == 321
    assert again.filter_dock.current_filter().start == synced.filter_dock.current_filter().start
    assert "password" not in Path(again.settings.qsettings.fileName()).read_text().lower()
    QThreadPool.globalInstance().waitForDone(5000)


def test_log_out_empties_the_table_and_asks_to_log_in(qtbot, synced: MainWindow) -> None:
    synced.actions_.logout.trigger()
    assert synced.model.rowCount() == 0
    assert _counts(synced) == (0, 0)
    assert synced.status.org_label.text() == ""
    assert synced.login_dialog is not None and synced.login_dialog.isVisible()
    assert not synced.actions_.sync.isEnabled() and not synced.actions_.export.isEnabled()


def test_log_out_clears_the_password_token_and_access_token_but_keeps_the_username(
    qtbot, tmp_path: Path, fresh_org
) -> None:
    window = _make_window(qtbot, tmp_path, fresh_org)
    dialog = window.show_login()
    user = fresh_org.admin
    dialog.select_way("password")
    page = dialog.current_page()
    page.environment.setCurrentIndex(page.environment.findData("custom"))
    qtbot.keyClicks(page.custom_domain, fresh_org.instance_url)
    qtbot.keyClicks(page.username, user.username)
    qtbot.keyClicks(page.password, user.password)
    qtbot.keyClicks(page.security_token, user.security_token)
    dialog.page("token").access_token.setText(user.access_token)
    with qtbot.waitSignal(window.sync_ended, timeout=SYNC_TIMEOUT_MS):
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert window.session is not None and not dialog.isVisible()
    window.actions_.logout.trigger()
    assert dialog.isVisible() and dialog.current_page() is page
    assert (page.password.text(), page.security_token.text()) == ("", "")
    assert dialog.page("token").access_token.text() == ""
    assert page.username.text() == user.username  # the next login of the same admin is quicker
    QThreadPool.globalInstance().waitForDone(15000)  # the token revocation of Log out


def test_a_sync_that_cannot_reach_the_org_says_so_and_keeps_the_rows(
    qtbot, synced: MainWindow, fresh_org
) -> None:
    _, total = _counts(synced)
    fresh_org.stop()
    with qtbot.waitSignal(synced.sync_ended, timeout=SYNC_TIMEOUT_MS):
        synced.actions_.sync.trigger()
    assert synced.last_sync_error
    assert synced.status.sync_label.text() == "Sync failed"
    assert _counts(synced)[1] == total
    box = synced.findChild(QMessageBox, "messageBox")
    assert box is not None and synced.last_sync_error in box.text()


def test_a_sync_that_fails_midway_still_shows_what_it_read(qtbot, tmp_path: Path) -> None:
    """A session that dies mid-sync and cannot be renewed: the jobs read before stay visible."""
    from syncerr_gui.core.auth.login import login_with_token
    from syncerr_gui.demo_org import DemoConfig, DemoOrg

    config = DemoConfig(record_errors=400, bulk2_jobs=20, classic_jobs=4, apex_jobs=4, expire_tokens_after=16)
    with DemoOrg(config) as org:
        window = _make_window(qtbot, tmp_path, org)
        session = login_with_token(org.instance_url, org.admin.access_token, ca_bundle=str(org.ca_path))
        assert session.renewer is None
        with qtbot.waitSignal(window.sync_ended, timeout=SYNC_TIMEOUT_MS):
            window.set_session(session, sync=True)
        assert "Log in again" in window.last_sync_error
        _, total = _counts(window)
        assert 0 < total < len(org.truth.errors(since=None))
        box = window.findChild(QMessageBox, "messageBox")
        assert box is not None and "read before it stopped are shown too" in box.text()
