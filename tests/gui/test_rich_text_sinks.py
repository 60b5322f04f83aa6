"""Org text that looks like HTML is shown as the characters it is, in every place it appears.

Salesforce echoes record values into its messages, so whoever can put a value into a failing
record writes this text. The demo org's data carries two such values (an `<img>` Qt would load,
which kills the app for /dev/zero, and a large red `<b>` "warning"); every sink is driven
with them on the real window, and each tooltip or label must say them literally.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QEvent, QPoint, QSettings, Qt
from PySide6.QtGui import QHelpEvent, QStandardItem, QStandardItemModel, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QTableView, QToolTip, QWidget

from syncerr_gui.core.frame.filtering import ErrorFilter
from syncerr_gui.core.sync.values import SyncProblem
from syncerr_gui.demo_org.values import BOLD_PAYLOAD, IMG_PAYLOAD
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.login.browser_login_page import BrowserLoginPage
from syncerr_gui.gui.login.login_dialog import LoginDialog
from syncerr_gui.gui.main_window import MainWindow
from syncerr_gui.gui.plain_text import TOOLTIP_LIMIT, tooltip
from syncerr_gui.gui.table.columns import COL_MESSAGE
from syncerr_gui.gui.table.elide_tooltip_delegate import ElideToolTipDelegate

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

PAYLOADS = (IMG_PAYLOAD, BOLD_PAYLOAD)
SYNC_TIMEOUT_MS = 60_000
ZWSP = "\u200b"


def _settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture()
def window(qtbot, tmp_path: Path, fresh_org) -> MainWindow:
    """The real window, logged in to the demo org and synced (its data holds the payloads)."""
    from syncerr_gui.demo_org.connect import demo_session

    win = MainWindow(
        _settings(tmp_path), demo_session=lambda: demo_session(fresh_org), ca_bundle=str(fresh_org.ca_path)
    )
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.sync_ended, timeout=SYNC_TIMEOUT_MS):
        win.set_session(demo_session(fresh_org), sync=True)
    return win


def assert_tooltip_literal(tip: str, payload: str) -> None:
    """Qt renders `tip` as text that reads `payload`, with no tag it could act on."""
    assert tip, "no tooltip"
    assert "<img" not in tip and "<b " not in tip, tip
    document = QTextDocument()
    document.setHtml(tip)
    assert payload in document.toPlainText()


def _shown(label: QLabel) -> str:
    return label.text().replace(ZWSP, "")  # long words get zero-width break points


def assert_label_literal(label: QLabel, payload: str) -> None:
    assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
    assert payload in _shown(label)


def assert_no_label_renders(payload: str) -> None:
    """Every label anywhere that holds the payload's raw characters shows them as plain text."""
    for widget in QApplication.allWidgets():
        if isinstance(widget, QLabel) and payload in _shown(widget):
            assert widget.textFormat() == Qt.TextFormat.PlainText, widget.objectName()


def hover(view: QTableView, row: int, column: int) -> str:
    """Ask the view for the tooltip of a cell, as hovering it does; the text Qt shows."""
    index = view.model().index(row, column)
    view.scrollTo(index)
    pos = view.visualRect(index).center()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    return QToolTip.text() if QToolTip.isVisible() else ""


def paint(widget: QWidget) -> None:
    """Draw the widget and any tooltip on screen (a crash here is what an admin would see)."""
    assert not widget.grab().isNull()
    for top in QApplication.topLevelWidgets():
        if top.objectName() == "qtooltip_label" and top.isVisible():
            assert not top.grab().isNull()


def _show_rows_with(window: MainWindow, qtbot, text: str) -> None:
    window.model.set_filter(ErrorFilter(text=text))
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=5000)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_error_details_tooltip_and_detail_pane_show_the_payload_literally(
    qtbot, window: MainWindow, payload: str
) -> None:
    _show_rows_with(window, qtbot, payload)
    message = window.model.index(0, COL_MESSAGE).data()
    assert payload in message  # the demo org's data holds it, as Salesforce would echo it
    assert_tooltip_literal(hover(window.table, 0, COL_MESSAGE), payload)
    paint(window)
    window.table.selectRow(0)
    window.detail_pane.show_record(window.model.row_record(0))
    assert_label_literal(window.detail_pane.values["message"], payload)
    paint(window.detail_pane)
    assert_no_label_renders(payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_failed_input_row_tooltips_show_the_payload_literally(
    qtbot, window: MainWindow, payload: str
) -> None:
    row_ids = window.model.frame_in_view_order()["row_id"].to_numpy()
    shown = pd.Series(window.model.details.read(row_ids, "input_row").to_pylist(), dtype=str)
    hits = np.flatnonzero(shown.str.contains(payload.replace('"', '\\"'), regex=False).to_numpy())
    assert len(hits), "the demo org's input rows carry the payload"
    record = window.model.row_record(int(hits[0]))
    window.detail_pane.show_record(record)
    table = window.detail_pane.input_table
    cells = [table.item(r, 1) for r in range(table.rowCount())]
    hit = next(item for item in cells if item.text() == payload)
    assert_tooltip_literal(hit.toolTip(), payload)
    assert_tooltip_literal(hover(table, hit.row(), 1), payload)
    paint(window.detail_pane)


def test_filter_lists_and_problems_dialog_show_payloads_literally(qtbot, window: MainWindow) -> None:
    window.filter_dock.set_choices({IMG_PAYLOAD: 3}, {BOLD_PAYLOAD: 2})
    for choices, payload in (
        (window.filter_dock.error_types, IMG_PAYLOAD),
        (window.filter_dock.objects, BOLD_PAYLOAD),
    ):
        item = choices.list.item(0)
        assert_tooltip_literal(item.toolTip(), payload)
    paint(window.filter_dock)
    window.last_result = dataclasses.replace(
        window.last_result, problems=[SyncProblem("Bulk API 2.0", IMG_PAYLOAD, BOLD_PAYLOAD)]
    )
    window.show_problems()
    dialog = window.problems_dialog
    assert_tooltip_literal(dialog.table.item(0, 1).toolTip(), IMG_PAYLOAD)
    assert_tooltip_literal(hover(dialog.table, 0, 2), BOLD_PAYLOAD)
    paint(dialog)
    for payload in PAYLOADS:
        assert_no_label_renders(payload)


def test_the_username_in_the_status_bar_is_plain_text(qtbot, window: MainWindow) -> None:
    session = window.session
    session.username = BOLD_PAYLOAD  # as userinfo could name the user
    window.status.set_org(session)
    assert_label_literal(window.status.org_label, BOLD_PAYLOAD)
    paint(window.status)


def test_login_dialog_error_shows_the_payload_literally(qtbot, tmp_path: Path, fresh_org) -> None:
    dialog = LoginDialog(_settings(tmp_path), ca_bundle=str(fresh_org.ca_path))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select_way("token")
    page = dialog.current_page()
    qtbot.keyClicks(page.instance_url, "ftp://" + IMG_PAYLOAD)
    qtbot.keyClicks(page.access_token, "not-a-token")
    with qtbot.waitSignal(dialog.login_failed, timeout=20_000):
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert_label_literal(dialog.error_label, IMG_PAYLOAD)
    paint(dialog)


def test_browser_page_status_shows_the_payload_literally(qtbot, tmp_path: Path) -> None:
    page = BrowserLoginPage(settings=_settings(tmp_path))
    qtbot.addWidget(page)
    page.show()
    page.environment.setCurrentIndex(page.environment.findData("custom"))
    qtbot.keyClicks(page.my_domain, "ftp://" + BOLD_PAYLOAD)
    qtbot.keyClicks(page.client_id, "client")
    with qtbot.waitSignal(page.failed, timeout=5000):
        page.begin_login()
    assert_label_literal(page.status_label, BOLD_PAYLOAD)
    paint(page)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_an_elided_cell_tooltip_shows_the_payload_literally(qtbot, payload: str) -> None:
    model = QStandardItemModel(1, 1)
    model.setItem(0, 0, QStandardItem(payload * 3))
    view = QTableView()
    qtbot.addWidget(view)
    view.setItemDelegate(ElideToolTipDelegate(view))
    view.setModel(model)
    view.setColumnWidth(0, 60)
    view.show()
    assert_tooltip_literal(hover(view, 0, 0), payload)
    paint(view)


def test_a_tooltip_is_cut_to_a_glance_and_empty_text_gives_none() -> None:
    assert tooltip("") == "" and tooltip(None) == ""
    long = tooltip("a" * (TOOLTIP_LIMIT * 3))
    document = QTextDocument()
    document.setHtml(long)
    assert len(document.toPlainText()) == TOOLTIP_LIMIT
    assert document.toPlainText().endswith("…")
    assert_tooltip_literal(tooltip("5 < 6 & 7 > 2"), "5 < 6 & 7 > 2")
    QToolTip.showText(QPoint(0, 0), tooltip(IMG_PAYLOAD))
    QToolTip.hideText()
