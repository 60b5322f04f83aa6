"""The whole window in French, as a French-speaking admin sees it after a sync of the demo org:
the main window with its menus, docks, table and status bar, the detail pane of a record error,
the groups view with a diagnosis, and the archive dialog. A text counts as English when it holds
a common English word (tests/french_walk.py); Salesforce's own messages, codes and names are
values, so the texts that are the org's data are allowed."""

from __future__ import annotations

import csv
from pathlib import Path
from unittest.mock import patch

import pytest
from french_walk import untranslated
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMenu

from syncerr_gui.core.frame.guidance import search_query
from syncerr_gui.core.frame.schema import JOB_LEVEL, RECORD_LEVEL
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.main_window import MainWindow
from syncerr_gui.gui.table.columns import (
    COL_ERROR_TYPE,
    COL_FAILED_AT,
    COL_FAILED_ON,
    COL_MESSAGE,
    COL_SALESFORCE_ID,
)

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

TIMEOUT_MS = 60_000


@pytest.fixture()
def window(qtbot, tmp_path: Path, fresh_org, french) -> MainWindow:
    """A French window on an archive, after its first sync and grouping."""
    from syncerr_gui.demo_org.connect import demo_session

    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    shown = MainWindow(
        settings, demo_session=lambda: demo_session(fresh_org), ca_bundle=str(fresh_org.ca_path)
    )
    qtbot.addWidget(shown)
    shown.archive.open(tmp_path / "data")
    shown.resize(1280, 800)
    shown.show()
    with qtbot.waitSignals([shown.sync_ended, shown.groups.grouped], timeout=TIMEOUT_MS):
        shown.set_session(demo_session(fresh_org), sync=True)
    return shown


def org_values(window: MainWindow) -> set[str]:
    """The texts that are the org's data (messages, patterns, names), never translated."""
    frame = window.model.error_view.frame
    values: set[str] = set()
    for column in ("message", "error_type", "object", "operation", "source"):
        values.update(str(v) for v in frame[column].astype(str).unique())
    return values


def test_the_main_window_after_a_sync_is_french(window: MainWindow) -> None:
    assert untranslated(window, allowed=org_values(window)) == []
    assert window.windowTitle().endswith("Erreurs de synchronisation Salesforce")
    titles = [action.text().replace("&", "") for action in window.menuBar().actions()]
    assert titles[0] == "Fichier" and "Affichage" in titles and titles[-1] == "Aide"
    header = window.model.headerData(COL_FAILED_ON, Qt.Orientation.Horizontal)
    assert header == "Échec de"
    assert window.model.headerData(COL_FAILED_AT, Qt.Orientation.Horizontal).startswith(
        "Date/heure de l’échec"
    )


def test_every_menu_is_french(window: MainWindow) -> None:
    for menu in window.menuBar().findChildren(QMenu):
        assert untranslated(menu) == [], menu.title()


def test_the_detail_pane_of_a_record_error_is_french(qtbot, window: MainWindow) -> None:
    model = window.model
    row = next(
        r
        for r in range(model.rowCount())
        if model.index(r, COL_FAILED_ON).data() == "Niveau enregistrement"
        and model.index(r, COL_SALESFORCE_ID).data()
    )
    window.table.scrollTo(model.index(row, COL_SALESFORCE_ID))
    rect = window.table.visualRect(model.index(row, COL_SALESFORCE_ID))
    qtbot.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.detail_pane.isVisible()
    allowed = org_values(window) | {label.text() for label in window.detail_pane.values.values()}
    code = model.index(row, COL_ERROR_TYPE).data()
    query = search_query(code, model.index(row, COL_MESSAGE).data())  # the web search's own words
    assert untranslated(window.detail_pane, allowed=allowed, values=org_values(window) | {query}) == []


def test_the_groups_view_and_its_diagnosis_are_french(qtbot, window: MainWindow) -> None:
    model = window.groups.model
    row = next(
        r
        for r in range(model.rowCount())
        if model.group_rows([r]).iloc[0]["error_type"] == "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"
    )
    with qtbot.waitSignal(window.groups.why.shown, timeout=TIMEOUT_MS):
        window.groups.select_rows([row])
    lines = window.groups.panel.why.texts()
    assert lines[0].startswith("Lu ")
    patterns = {str(model.group_rows([r]).iloc[0]["pattern"]) for r in range(model.rowCount())}
    assert untranslated(window.groups.panel, allowed=org_values(window) | patterns) == []


def test_the_archive_dialog_is_french(window: MainWindow) -> None:
    window.archive.action.trigger()
    dialog = window.archive.dialog
    assert untranslated(dialog) == []
    assert dialog.windowTitle() == "Archive des erreurs"


def test_the_csv_stays_english_and_iso_in_a_french_window(qtbot, window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "errors.csv"
    with (
        patch(
            "syncerr_gui.gui.export_flow.QFileDialog.getSaveFileName",
            return_value=(str(target), "CSV files (*.csv)"),
        ),
        qtbot.waitSignal(window.export_ended, timeout=30000) as blocker,
    ):
        window.actions_.export.trigger()
    assert blocker.args[0] == f"{window.model.rowCount()} erreurs exportées vers {target}"
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:4] == ["Failed On", "Failure Date/Time", "Error Type", "Error Details"]
    assert {row[0] for row in rows[1:]} <= {RECORD_LEVEL, JOB_LEVEL}
    assert rows[1][1][:4].isdigit() and rows[1][1][4] == "-"  # ISO, not 01/12/2026
