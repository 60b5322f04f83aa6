"""The main window's default layout at 1280x800, as an admin first sees it after a sync.

What must hold: the table shows Failed On, Failure Date/Time, Error Type, a wide Error Details
and Object without scrolling; the filter dock never scrolls sideways; the detail pane shows the
selected row's IDs, readable and inside the pane; a `--screenshot` run prints nothing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QSettings, Qt
from PySide6.QtGui import QHelpEvent, QImage
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QListWidget,
    QScrollArea,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from syncerr_gui.core.frame.schema import RECORD_LEVEL
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.main_window import MainWindow
from syncerr_gui.gui.table.columns import (
    COL_ERROR_TYPE,
    COL_FAILED_AT,
    COL_FAILED_ON,
    COL_MESSAGE,
    COL_OBJECT,
    COL_SALESFORCE_ID,
    COL_SOURCE_ID,
)
from syncerr_gui.gui.table.elide_tooltip_delegate import ElideToolTipDelegate

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

ROOT = Path(__file__).resolve().parents[2]
SIZE = (1280, 800)
SYNC_TIMEOUT_MS = 60_000


@pytest.fixture()
def window(qtbot, tmp_path: Path, fresh_org) -> MainWindow:
    """A 1280x800 window with default settings, logged in to the demo org, after its sync."""
    from syncerr_gui.demo_org.connect import demo_session

    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(settings, demo_session=lambda: demo_session(fresh_org), ca_bundle=str(fresh_org.ca_path))
    qtbot.addWidget(win)
    win.resize(*SIZE)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitSignal(win.sync_ended, timeout=SYNC_TIMEOUT_MS):
        win.set_session(demo_session(fresh_org), sync=True)
    qtbot.waitUntil(lambda: win.size().width() == SIZE[0])
    return win


def _inside(widget: QWidget, outer: QWidget) -> bool:
    top_left = widget.mapTo(outer, widget.rect().topLeft())
    bottom_right = widget.mapTo(outer, widget.rect().bottomRight())
    return outer.rect().contains(top_left) and outer.rect().contains(bottom_right)


def _record_row(win: MainWindow) -> int:
    model = win.model
    return next(
        r
        for r in range(model.rowCount())
        if model.index(r, COL_FAILED_ON).data() == RECORD_LEVEL
        and model.index(r, COL_SALESFORCE_ID).data()
        and model.index(r, COL_SOURCE_ID).data()
    )


def test_the_first_columns_and_a_wide_error_details_fit_without_scrolling(window: MainWindow) -> None:
    header = window.table.horizontalHeader()
    viewport = window.table.viewport().width()
    assert window.table.horizontalScrollBar().value() == 0
    for column in (COL_FAILED_ON, COL_FAILED_AT, COL_ERROR_TYPE, COL_MESSAGE, COL_OBJECT):
        left = header.sectionViewportPosition(column)
        title = window.model.headerData(column, Qt.Orientation.Horizontal)
        assert left >= 0 and left + header.sectionSize(column) <= viewport, title
    assert header.sectionSize(COL_MESSAGE) >= 300
    assert header.sectionSize(COL_MESSAGE) == max(header.sectionSize(c) for c in range(header.count()))
    assert window.table.horizontalScrollBar().maximum() > 0  # the IDs are there, a scroll away


def test_details_sit_below_the_groups_and_the_table_and_leave_them_most_of_the_height(
    window: MainWindow,
) -> None:
    pane, table, dock = window.detail_pane, window.table, window.filter_dock
    groups, centre = window.groups.panel, window.centralWidget()
    assert window.dockWidgetArea(pane) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert pane.geometry().top() >= centre.geometry().bottom()
    assert pane.geometry().left() >= dock.geometry().right()  # the filter dock keeps the left side
    assert centre.height() > pane.height()
    assert (
        groups.mapTo(window, groups.rect().bottomLeft()).y()
        <= table.mapTo(window, table.rect().topLeft()).y()
    )
    for view, rows in ((table, 6), (groups.table, 5)):  # rows in view at 1280x800
        assert view.viewport().height() // view.verticalHeader().defaultSectionSize() >= rows


def test_filter_dock_never_scrolls_sideways(window: MainWindow) -> None:
    dock = window.filter_dock
    assert 260 <= dock.width() <= 320
    bars = [area.horizontalScrollBar() for area in dock.findChildren(QAbstractScrollArea)]
    assert bars and not any(bar.isVisible() for bar in bars)
    for lst in dock.findChildren(QListWidget):
        assert lst.count() > 0
        widest = max(lst.visualRect(lst.model().index(i, 0)).right() for i in range(lst.count()))
        assert widest <= lst.viewport().width(), lst.objectName()
    assert dock.apply_button.isVisible() and _inside(dock.apply_button, dock)


def test_detail_pane_shows_the_selected_rows_ids_in_full(qtbot, window: MainWindow) -> None:
    pane = window.detail_pane
    assert pane.stack.currentWidget() is pane.placeholder  # nothing selected yet
    row = _record_row(window)
    window.select_row(row)
    qtbot.waitUntil(lambda: pane.stack.currentWidget() is not pane.placeholder)
    scroll = pane.stack.currentWidget()
    assert isinstance(scroll, QScrollArea)
    qtbot.waitUntil(lambda: scroll.widget().width() == scroll.viewport().width())  # laid out
    for column, key in ((COL_SALESFORCE_ID, "salesforce_id"), (COL_SOURCE_ID, "source_id")):
        label = pane.values[key]
        assert label.text() == window.model.index(row, column).data()
        assert label.isVisible() and _inside(label, scroll.viewport())
        assert label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()
    for button in (pane.copy_buttons["salesforce_id"], pane.open_record_button, pane.search_button):
        assert button.isVisible() and _inside(button, scroll.viewport()), button.objectName()
    assert pane.input_table.rowCount() > 0 and pane.input_table.isVisible()
    assert not scroll.verticalScrollBar().isVisible()  # all of it at the default size


def test_an_elided_error_type_shows_in_full_on_hover(qtbot, window: MainWindow) -> None:
    table, model = window.table, window.model
    header = table.horizontalHeader()
    header.resizeSection(COL_ERROR_TYPE, 60)
    index = model.index(0, COL_ERROR_TYPE)
    delegate = table.itemDelegate()
    assert isinstance(delegate, ElideToolTipDelegate)
    option = QStyleOptionViewItem()
    option.initFrom(table.viewport())
    option.rect = table.visualRect(index)
    assert delegate.is_elided(index.data(), option, index)
    centre = table.visualRect(index).center()
    event = QHelpEvent(QEvent.Type.ToolTip, centre, table.viewport().mapToGlobal(centre))
    assert delegate.helpEvent(event, table, option, index)
    assert index.data() in QToolTip.text()  # the whole code, escaped as plain text
    QToolTip.hideText()
    header.resizeSection(COL_ERROR_TYPE, 600)
    option.rect = table.visualRect(index)
    assert not delegate.is_elided(index.data(), option, index)  # fits: no tooltip noise


def test_a_screenshot_run_prints_nothing_and_saves_1280_by_800(tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
    )
    done = subprocess.run(  # noqa: PLW1510 - callers read the exit code
        [sys.executable, str(ROOT / "main.py"), "--demo", "--demo-errors", "400", "--screenshot", str(shot)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == "" and done.stdout == ""
    image = QImage(str(shot))
    assert (image.width(), image.height()) == SIZE
    assert image.pixelColor(QPoint(640, 400)).isValid()
