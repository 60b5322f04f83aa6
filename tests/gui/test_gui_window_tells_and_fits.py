"""The window tells the truth and fits the screen: words when no browser opens, confirmations
of copies, cells for spreadsheets, export for Excel, progress per phase, columns and a dock
that fit at 1440x900. Driven against the loopback demo org (real HTTPS)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from unittest.mock import patch

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton

from syncerr_gui import APP_NAME
from syncerr_gui.core.archive.incremental import PHASE_ARCHIVING
from syncerr_gui.core.sync.values import SyncProgress
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.export_flow import EXCEL_FILTER
from syncerr_gui.gui.main_window import MainWindow
from syncerr_gui.gui.panes.status_bar import StatusBar
from syncerr_gui.gui.table.columns import COL_ERROR_TYPE, COL_OBJECT, COL_SOURCE

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

SYNC_MS = 60_000


def _window(qtbot, settings_file: Path, org, size: tuple[int, int] = (1440, 900)) -> MainWindow:
    from syncerr_gui.demo_org.connect import demo_session

    settings = AppSettings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    window = MainWindow(settings, demo_session=lambda: demo_session(org), ca_bundle=str(org.ca_path))
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    return window


def _sync(qtbot, window: MainWindow, org) -> None:
    from syncerr_gui.demo_org.connect import demo_session

    with qtbot.waitSignal(window.sync_ended, timeout=SYNC_MS):
        window.set_session(demo_session(org), sync=True)


@pytest.fixture()
def synced(qtbot, tmp_path: Path, fresh_org) -> MainWindow:
    window = _window(qtbot, tmp_path / "settings.ini", fresh_org)
    _sync(qtbot, window, fresh_org)
    return window


def _box_saying(window: MainWindow, words: str) -> QMessageBox:
    boxes = [box for box in window.findChildren(QMessageBox) if words in box.text() and box.isVisible()]
    assert boxes, f"no box says {words!r}"
    return boxes[-1]


def test_without_a_browser_search_online_says_so_and_copies_the_link(qtbot, synced, monkeypatch) -> None:
    opened: list[str] = []

    def no_browser(url: QUrl) -> bool:
        opened.append(url.toString())
        return False

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(no_browser))
    synced.select_row(0)
    qtbot.mouseClick(synced.detail_pane.search_button, Qt.MouseButton.LeftButton)
    box = _box_saying(synced, "No web browser could be opened for the web search")
    assert opened and opened[0] in box.text()
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(box.findChild(QPushButton, "CopylinkButton"), Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == opened[0]
    assert synced.status.currentMessage() == "Copied the link to the clipboard."


def test_ctrl_c_copies_the_selected_rows_as_cells_and_says_so(qtbot, synced) -> None:
    table = synced.table
    table.setFocus()
    synced.select_row(0)
    bottom = table.model().index(2, 0)
    table.selectionModel().select(
        bottom, table.selectionModel().SelectionFlag.Rows | table.selectionModel().SelectionFlag.Select
    )
    table.selectionModel().select(
        table.model().index(1, 0),
        table.selectionModel().SelectionFlag.Rows | table.selectionModel().SelectionFlag.Select,
    )
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    rows = list(csv.reader(io.StringIO(QGuiApplication.clipboard().text(), newline=""), delimiter="\t"))
    assert len(rows) == 4 and rows[0][:3] == [
        "Failed On",
        synced.model.headerData(1, Qt.Orientation.Horizontal),
        "Error Type",
    ]
    assert [r[2] for r in rows[1:]] == [synced.model.index(r, COL_ERROR_TYPE).data() for r in range(3)]
    assert synced.status.currentMessage().startswith("Copied 3 rows to the clipboard")


def test_ctrl_f_puts_the_cursor_in_the_search(qtbot, synced) -> None:
    synced.table.setFocus()
    qtbot.keyClick(synced.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert synced.focusWidget() is synced.filter_dock.search


def test_export_for_excel_in_french_uses_a_bom_and_semicolons_then_offers_open_and_folder(
    qtbot, synced, tmp_path: Path, monkeypatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile()) or True)
    )
    target = tmp_path / "errors.csv"
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    try:
        with (
            patch(
                "syncerr_gui.gui.export_flow.QFileDialog.getSaveFileName",
                return_value=(str(target), EXCEL_FILTER),
            ),
            qtbot.waitSignal(synced.export_ended, timeout=30000),
        ):
            synced.actions_.export.trigger()
    finally:
        QLocale.setDefault(QLocale.c())
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw[3:].split(b"\r\n")[0].count(b";") == 11
    box = synced.csv_export.done_box
    assert box is not None and box.isVisible()
    qtbot.mouseClick(box.findChild(QPushButton, "OpenButton"), Qt.MouseButton.LeftButton)
    assert opened == [str(target)]


def _progress(done: int, total: int, rows: int, final: bool = True) -> SyncProgress:
    return SyncProgress(jobs_done=done, jobs_total=total, rows=rows, phase="Reading jobs", total_final=final)


def test_progress_shows_each_phase_and_cancel_stays_put(qtbot) -> None:
    status = StatusBar()
    qtbot.addWidget(status)
    status.resize(1440, 30)
    status.show()
    status.start_progress()
    x = status.cancel_button.mapTo(status, status.cancel_button.rect().topLeft()).x()
    for progress in (_progress(3, 828, 120, final=False), _progress(1267, 1267, 748_666)):
        status.update_progress(progress)
        qtbot.wait(1)
        assert status.cancel_button.mapTo(status, status.cancel_button.rect().topLeft()).x() == x
    assert status.progress_text == "1,267/1,267 jobs · 748,666 rows"
    status.update_progress(SyncProgress(1267, 1267, 748_666, PHASE_ARCHIVING))
    assert status.progress.maximum() == 0  # busy: not a full bar while the archive is written
    assert status.progress_text.startswith("Saving 748,666 rows to the archive")
    status.start_progress()
    status.update_progress(_progress(400, 1267, 9000))
    status.show_cancelling()
    status.update_progress(_progress(1267, 1267, 9000))  # the worker's last report
    assert status.progress.value() == 400 and "Cancelling" in status.progress_text
    assert status.progress_label.width() == status.progress_label.minimumWidth()  # words never resize it


def test_escape_cancels_a_running_sync(qtbot, tmp_path: Path, fresh_org) -> None:
    from syncerr_gui.demo_org.connect import demo_session

    window = _window(qtbot, tmp_path / "settings.ini", fresh_org)
    fresh_org.stall_next("jobs/ingest", 4)
    window.set_session(demo_session(fresh_org), sync=False)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(window.sync_ended, timeout=SYNC_MS):
        window.sync_now()
        assert window.is_syncing
        qtbot.keyClick(window.table, Qt.Key.Key_Escape)  # wherever the cursor is
    assert window.last_result is not None and window.last_result.cancelled
    assert window.status.currentMessage().startswith("Sync cancelled")


def test_at_1440x900_the_title_says_the_name_once_and_the_first_columns_fit(qtbot, synced) -> None:
    assert synced.windowTitle() == f"{synced.session.username} — {APP_NAME}"
    assert synced.windowTitle().count(APP_NAME) == 1
    header = synced.table.horizontalHeader()
    metrics = synced.table.fontMetrics()
    types = {synced.model.index(r, COL_ERROR_TYPE).data() for r in range(synced.model.rowCount())}
    assert header.sectionSize(COL_ERROR_TYPE) > max(metrics.horizontalAdvance(t) for t in types)
    object_end = header.sectionViewportPosition(COL_OBJECT) + header.sectionSize(COL_OBJECT)
    assert object_end <= synced.table.viewport().width()  # the columns up to Object are whole


def test_the_filter_dock_widens_to_its_longest_name_and_keeps_that_width(
    qtbot, tmp_path: Path, fresh_org
) -> None:
    window = _window(qtbot, tmp_path / "settings.ini", fresh_org)
    _sync(qtbot, window, fresh_org)
    dock = window.filter_dock
    items = [dock.error_types.list.item(i) for i in range(dock.error_types.list.count())]
    longest = max(items, key=lambda item: len(item.text()))
    assert longest.text() in longest.toolTip()  # a name cut in the list is whole in its tooltip
    wanted = dock.fitting_width()
    window.resizeDocks([dock], [wanted], Qt.Orientation.Horizontal)  # the admin drags its edge
    qtbot.waitUntil(lambda: dock.width() == wanted)
    window.close()
    again = _window(qtbot, tmp_path / "settings.ini", fresh_org)
    _sync(qtbot, again, fresh_org)
    assert again.filter_dock.width() == wanted


def test_a_column_hidden_from_the_header_menu_stays_hidden_at_the_next_start(
    qtbot, tmp_path: Path, fresh_org
) -> None:
    window = _window(qtbot, tmp_path / "settings.ini", fresh_org)
    _sync(qtbot, window, fresh_org)
    menu = window.table.build_column_menu()
    source = next(a for a in menu.actions() if a.text() == "Source")
    source.trigger()
    assert window.table.isColumnHidden(COL_SOURCE)
    assert "Source" not in window.table.shown_columns()  # nor in what Ctrl+C copies
    window.close()
    again = _window(qtbot, tmp_path / "settings.ini", fresh_org)
    assert again.table.isColumnHidden(COL_SOURCE)


def test_the_status_bar_says_older_errors_exist_and_read_them_shows_them(qtbot, synced) -> None:
    older = synced.status.older_label
    assert older.isVisible() and "older jobs not read" in older.text()
    before = synced.model.total_count
    with qtbot.waitSignal(synced.sync_ended, timeout=SYNC_MS):
        older.linkActivated.emit("#older")
    assert synced.model.total_count > before and not older.isVisible()


def test_the_demos_archived_rows_show_while_its_next_sync_runs(qtbot, tmp_path: Path, fresh_org) -> None:
    from syncerr_gui.demo_org.connect import demo_session

    data = tmp_path / "demo"
    first = _window(qtbot, tmp_path / "settings.ini", fresh_org)
    first.archive.open(data, remember_org=False)  # as --demo opens its own folder
    _sync(qtbot, first, fresh_org)
    archived = first.model.total_count
    first.close()

    second = _window(qtbot, tmp_path / "settings.ini", fresh_org)
    second.archive.open(data, remember_org=False)
    assert second.model.total_count == 0  # the demo's org is not the one shown at start
    fresh_org.stall_next("jobs/ingest", 5)
    with qtbot.waitSignal(second.sync_ended, timeout=SYNC_MS):
        second.set_session(demo_session(fresh_org), sync=True)
        qtbot.waitUntil(lambda: second.model.total_count > 0, timeout=4000)
        assert second.is_syncing and second.model.total_count == archived  # history, at once
