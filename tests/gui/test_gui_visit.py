"""Leaving the app records the visit as of what the window showed, not as of a headless
sync that stored rows meanwhile: those rows are still "New" next time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from archive_helpers import sync_of
from PySide6.QtCore import QSettings

from syncerr_gui.core.archive.store import ErrorArchive
from syncerr_gui.core.frame.schema import RECORD_LEVEL, make_frame
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.main_window import MainWindow
from syncerr_gui.gui.table.columns import COL_NEW, NEW_MARK

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")


def _window(qtbot, settings_file: Path, data_dir: Path, org, *, wait: bool) -> MainWindow:
    from syncerr_gui.demo_org.connect import demo_session

    settings = AppSettings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    window = MainWindow(settings, demo_session=lambda: demo_session(org), ca_bundle=str(org.ca_path))
    qtbot.addWidget(window)
    if wait:
        with qtbot.waitSignal(window.archive.shown, timeout=30_000):
            window.archive.open(data_dir)
    else:
        window.archive.open(data_dir)
    window.show()
    return window


def _headless_rows(failed_at: datetime) -> object:
    return make_frame(
        {
            "failed_on": [RECORD_LEVEL] * 2,
            "failed_at": [failed_at.isoformat()] * 2,
            "error_type": ["DUPLICATE_VALUE"] * 2,
            "message": ["duplicate value found: Email__c on record 1", "a brand new failure"],
            "object": "Contact",
            "operation": "upsert",
            "salesforce_id": "",
            "source_id": ["91", "92"],
            "job_id": "7505g00000HEADLESS",
            "source": "Bulk API 2.0",
        },
        length=2,
    )


def test_rows_a_headless_sync_stored_while_the_app_was_open_stay_new(
    qtbot, tmp_path: Path, fresh_org
) -> None:
    from syncerr_gui.demo_org.connect import demo_session

    data_dir = tmp_path / "data"
    first = _window(qtbot, tmp_path / "settings.ini", data_dir, fresh_org, wait=False)
    with qtbot.waitSignal(first.sync_ended, timeout=60_000):
        first.set_session(demo_session(fresh_org), sync=True)
    failed_at = datetime.now(UTC) + timedelta(seconds=1)
    with ErrorArchive.for_org(fresh_org.org_id, data_dir) as other_copy:  # e.g. a scheduled export
        other_copy.store(sync_of(_headless_rows(failed_at), started_at=failed_at + timedelta(minutes=1)))
    first.close()

    again = _window(qtbot, tmp_path / "settings.ini", data_dir, fresh_org, wait=True)
    again.filter_dock.reset()
    model = again.model
    new = [model.index(r, COL_NEW).data() == NEW_MARK for r in range(model.rowCount())]
    assert sum(new) == 2 and model.new_count == 2
    assert "2 new since your last visit" in again.archive.label.text()
