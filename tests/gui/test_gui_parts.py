"""Pieces of the shell a user sees on their own: detail pane, status bar, settings, error dialog."""

from __future__ import annotations

import json
from pathlib import Path
from unittest.mock import patch

import pandas as pd
import pytest
from PySide6.QtCore import QByteArray, QSettings, Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView, QMainWindow, QTableView

from syncerr_gui.core.frame.schema import JOB_LEVEL, RECORD_LEVEL, SOURCE_APEX, SOURCE_BULK2
from syncerr_gui.core.sync.values import SyncProblem, SyncProgress
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.exception_hook import ExceptionDialog, format_exception
from syncerr_gui.gui.local_time import format_local
from syncerr_gui.gui.panes.detail_pane import DetailPane
from syncerr_gui.gui.panes.problems_dialog import ProblemsDialog
from syncerr_gui.gui.panes.status_bar import StatusBar

# The offscreen platform says this whenever any QMainWindow is shown; it is not ours to fix.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

INSTANCE = "https://acme.my.salesforce.com"

RECORD = {
    "failed_on": RECORD_LEVEL,
    "failed_at": pd.Timestamp("2026-11-20T14:03:12Z"),
    "error_type": "REQUIRED_FIELD_MISSING",
    "message": "Required fields are missing: [LastName]",
    "fields": "LastName",
    "object": "Lead",
    "operation": "insert",
    "salesforce_id": "00Q5g000004XyZaEAK",
    "source_id": "MKTO-4411",
    "job_id": "7505g000001AbCdAAK",
    "batch_id": "",
    "source": SOURCE_BULK2,
    "created_by": "0055g000000AdminAAA",
    "input_row": json.dumps({"Marketo_Lead_ID__c": "MKTO-4411", "Company": "Müller GmbH", "LastName": ""}),
}


@pytest.fixture()
def pane(qtbot) -> DetailPane:
    host = QMainWindow()  # docked, as in the app (a floating dock warns on the offscreen platform)
    qtbot.addWidget(host)
    widget = DetailPane(host)
    host.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, widget)
    widget.instance_url = INSTANCE
    widget.host = host  # type: ignore[attr-defined]  # keep the window alive with the pane
    host.show()
    return widget


def test_detail_pane_shows_every_field_and_the_input_row(pane: DetailPane) -> None:
    pane.show_record(RECORD)
    assert pane.values["salesforce_id"].text() == "00Q5g000004XyZaEAK"
    assert pane.values["source_id"].text() == "MKTO-4411"
    assert pane.values["failed_at_utc"].text() == "2026-11-20 14:03:12 UTC"
    assert format_local(RECORD["failed_at"]) in pane.summary.text()
    assert pane.summary.text().startswith(f"{RECORD_LEVEL} · Lead · insert")
    assert pane.values["message"].text() == RECORD["message"]
    assert pane.values["fields"].text() == "Fields: LastName"
    table = pane.input_table
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows == {"Marketo_Lead_ID__c": "MKTO-4411", "Company": "Müller GmbH", "LastName": ""}
    assert "field-level" in pane.guidance_label.text()


def test_detail_pane_links_open_the_record_the_job_and_a_scrubbed_search(qtbot, pane: DetailPane) -> None:
    record = dict(
        RECORD,
        message="duplicate value found: Email__c duplicates value on record with id: 00Q5g000004XyZaEAK",
    )
    pane.show_record(record)
    with patch("syncerr_gui.gui.panes.detail_pane.QDesktopServices.openUrl") as open_url:
        qtbot.mouseClick(pane.open_record_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(pane.open_job_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(pane.search_button, Qt.MouseButton.LeftButton)
    urls = [call.args[0].toString() for call in open_url.call_args_list]
    assert urls[0] == f"{INSTANCE}/00Q5g000004XyZaEAK"
    assert urls[1] == f"{INSTANCE}/lightning/setup/AsyncApiJobStatus/page?address=%2F7505g000001AbCdAAK"
    assert "REQUIRED_FIELD_MISSING" in urls[2] and "00Q5g" not in urls[2]


def test_search_online_sends_only_the_code_for_free_text_and_says_so(qtbot, pane: DetailPane) -> None:
    record = dict(
        RECORD, error_type="FIELD_CUSTOM_VALIDATION_EXCEPTION", message="Call Jane Roe at Acme first"
    )
    pane.show_record(record)
    assert "error code only: FIELD_CUSTOM_VALIDATION_EXCEPTION" in pane.search_button.toolTip()
    assert "Jane" not in pane.search_button.toolTip()
    with patch("syncerr_gui.gui.panes.detail_pane.QDesktopServices.openUrl") as open_url:
        qtbot.mouseClick(pane.search_button, Qt.MouseButton.LeftButton)
    url = open_url.call_args.args[0].toString()
    assert url.endswith("q=Salesforce+FIELD_CUSTOM_VALIDATION_EXCEPTION")
    pane.show_record(dict(record, error_type="", message="Call Jane Roe"))
    assert not pane.search_button.isEnabled()  # nothing safe to search for


def test_job_level_apex_row_has_no_record_link_and_opens_apex_jobs(qtbot, pane: DetailPane) -> None:
    record = dict(
        RECORD,
        failed_on=JOB_LEVEL,
        source=SOURCE_APEX,
        salesforce_id="",
        input_row="",
        error_type="SOMETHING_NEW",
    )
    pane.show_record(record)
    assert not pane.open_record_button.isEnabled()
    assert "No advice for this code" in pane.guidance_label.text()  # and Search online is offered
    assert pane.search_button.isVisibleTo(pane) and not pane.input_box.isVisibleTo(pane)
    assert not pane.values["batch_id"].isVisibleTo(pane)  # empty rows are left out
    with patch("syncerr_gui.gui.panes.detail_pane.QDesktopServices.openUrl") as open_url:
        qtbot.mouseClick(pane.open_job_button, Qt.MouseButton.LeftButton)
    assert open_url.call_args.args[0].toString() == f"{INSTANCE}/lightning/setup/AsyncApexJobs/home"


def test_detail_pane_says_what_to_do_when_nothing_is_selected(pane: DetailPane) -> None:
    pane.show_record(RECORD)
    pane.show_record(None)
    assert pane.stack.currentWidget() is pane.placeholder
    assert pane.placeholder.isVisibleTo(pane)
    assert pane.placeholder.text() == "Select an error to see its details."


def test_detail_pane_stacks_its_columns_at_a_side_and_spreads_them_below(qtbot, pane: DetailPane) -> None:
    host = pane.host  # type: ignore[attr-defined]
    pane.show_record(RECORD)
    host.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, pane)
    assert pane.columns.orientation() == Qt.Orientation.Horizontal
    host.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, pane)
    assert pane.columns.orientation() == Qt.Orientation.Vertical


def test_a_long_unbroken_message_wraps_instead_of_widening_the_pane(qtbot, pane: DetailPane) -> None:
    url = "https://example.com/" + "x" * 400
    pane.show_record(dict(RECORD, message=f"bad value {url}"))
    label = pane.values["message"]
    assert label.text().replace("\u200b", "") == f"bad value {url}"  # same words, breakable
    assert label.minimumSizeHint().width() < 400
    qtbot.mouseClick(pane.copy_buttons["message"], Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == f"bad value {url}"  # copied without the breaks


def test_copy_buttons_put_the_value_on_the_clipboard(qtbot, pane: DetailPane) -> None:
    pane.show_record(RECORD)
    qtbot.mouseClick(pane.copy_buttons["source_id"], Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "MKTO-4411"
    qtbot.mouseClick(pane.copy_buttons["message"], Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == RECORD["message"]


def test_status_bar_texts(qtbot) -> None:
    bar = StatusBar()
    qtbot.addWidget(bar)
    bar.set_counts(1234, 5000)
    bar.set_api_usage((1234, 15000))
    bar.set_problems(3)
    bar.start_progress()
    bar.update_progress(SyncProgress(jobs_done=4, jobs_total=10, rows=812, phase="Reading jobs"))
    assert bar.counts_label.text() == "1,234 of 5,000 errors shown"
    assert bar.api_label.text() == "API 1,234 / 15,000"
    assert bar.problems_label.text().startswith("3 jobs could not be read")
    assert bar.progress_text == "4/10 jobs · 812 rows" and bar.progress.value() == 4
    with qtbot.waitSignal(bar.problems_requested):
        bar.problems_label.linkActivated.emit("#problems")


def test_status_bar_shows_only_the_facts_it_has(qtbot) -> None:
    from types import SimpleNamespace

    window = QMainWindow()
    qtbot.addWidget(window)
    bar = StatusBar(window)
    window.setStatusBar(bar)
    window.show()
    assert not bar.org_label.isVisible() and not bar.api_label.isVisible()  # logged out: no gaps
    bar.set_org(
        SimpleNamespace(username="admin@acme.example", org_id="00D5g000000016XEAQ", instance_url=INSTANCE)
    )
    bar.set_api_usage((68, 15000))
    assert bar.org_label.isVisible() and bar.org_label.text() == "admin@acme.example · 00D5g000000016XEAQ"
    assert bar.api_label.isVisible() and INSTANCE in bar.org_label.toolTip()
    bar.set_org(None)
    assert not bar.org_label.isVisible()


def test_problems_dialog_lists_source_job_and_reason(qtbot) -> None:
    dialog = ProblemsDialog()
    qtbot.addWidget(dialog)
    dialog.set_problems(
        [SyncProblem(SOURCE_BULK2, "7505g000001AbCdAAK", "The server answered 503 three times.")]
    )
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 2).text() == "The server answered 503 three times."


def test_settings_refuse_secrets_and_restore_layout(qtbot, tmp_path: Path) -> None:
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    with pytest.raises(ValueError):
        settings.set_value("login/password", "hunter2")
    window = QMainWindow()
    qtbot.addWidget(window)
    table = QTableView(window)
    window.setCentralWidget(table)
    window.resize(700, 500)
    header: QHeaderView = table.horizontalHeader()
    settings.save_window(window, header)
    again = QMainWindow()
    qtbot.addWidget(again)
    again.setCentralWidget(QTableView(again))
    assert settings.restore_window(again, again.centralWidget().horizontalHeader())
    assert (again.width(), again.height()) == (700, 500)
    from syncerr_gui.gui.settings_keys import LAYOUT_GEOMETRY

    assert isinstance(settings.qsettings.value(LAYOUT_GEOMETRY.key_for(qt=qVersion())), QByteArray)


def test_restored_window_larger_than_the_screen_is_clamped(qtbot, tmp_path: Path) -> None:
    from syncerr_gui.gui.app_settings import clamp_to_screen

    window = QMainWindow()
    qtbot.addWidget(window)
    avail = QGuiApplication.primaryScreen().availableGeometry()
    window.resize(avail.width() + 500, avail.height() + 500)
    window.move(avail.right() + 2000, avail.bottom() + 2000)
    clamp_to_screen(window)
    assert window.width() <= avail.width() and window.height() <= avail.height()
    assert avail.intersects(window.frameGeometry())


def test_exception_report_is_scrubbed_and_copyable(qtbot) -> None:
    token = "00D5g000004XyZa!AQ4AQFake.Token_value1234567890"
    try:
        raise RuntimeError(f"request failed with Authorization: Bearer {token} password=hunter22")
    except RuntimeError as exc:
        report = format_exception(type(exc), exc, exc.__traceback__)
    assert token not in report and "hunter22" not in report
    dialog = ExceptionDialog(report)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == report and "RuntimeError" in report
