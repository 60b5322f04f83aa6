"""Issue 19 in the window, against the demo org over real HTTPS: the org's daily API limit used
up mid-sync is said in the status bar and the problems list, and the sync is not taken as the
next window's anchor."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from syncerr_gui.gui import settings_keys as keys
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")


def test_the_daily_api_limit_is_said_in_the_status_and_the_problems(qtbot, tmp_path: Path, fresh_org) -> None:
    from syncerr_gui.demo_org.connect import demo_session

    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(
        settings, demo_session=lambda: demo_session(fresh_org), ca_bundle=str(fresh_org.ca_path)
    )
    qtbot.addWidget(window)
    window.show()
    fresh_org.use_up_api_limit(after=15)
    with qtbot.waitSignal(window.sync_ended, timeout=60_000):
        window.set_session(demo_session(fresh_org), sync=True)
    assert "The org's daily API limit is used up: " in window.status.currentMessage()
    assert "not read; the next sync will read them." in window.status.currentMessage()
    window.status.problems_label.linkActivated.emit("#problems")
    table = window.problems_dialog.table
    notes = [
        table.item(r, 2).text() for r in range(table.rowCount()) if table.item(r, 0).text() == "(whole sync)"
    ]
    assert len(notes) == 1 and notes[0].startswith("The org's daily API limit is used up: ")
    assert settings.get(keys.LAST_SUCCESS_START, org=fresh_org.org_id) is None  # not the next anchor
