"""Fix and reload from the window, against the loopback demo org with an archive: the actions
say why they are disabled, a group's rows open in the dialog, a reload is recorded as its job
is created and finished with its outcome, File → Archive… lists it, Export for reload writes
the chosen rows, and a reload a crash left pending is looked up after the login's sync.

The core's ingest is a stand-in with the real signature (`reload_gui_helpers.RecordingServices`)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt
from reload_gui_helpers import JOB_ID, RecordingServices

from syncerr_gui.core.frame.schema import JOB_LEVEL, RECORD_LEVEL
from syncerr_gui.core.reload.batch import ReloadRecord, ReloadTarget, SetColumn
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.main_window import MainWindow
from syncerr_gui.gui.reload.reload_controller import NO_SESSION, NOT_RELOADABLE
from syncerr_gui.gui.reload.reload_export import SELECTED

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

TIMEOUT_MS = 60_000


@pytest.fixture()
def window(qtbot, tmp_path: Path, fresh_org):
    from syncerr_gui.demo_org.connect import demo_session

    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(settings, demo_session=lambda: demo_session(fresh_org), ca_bundle=str(fresh_org.ca_path))
    qtbot.addWidget(win)
    win.archive.open(tmp_path / "data")
    win.show()
    win.fake = RecordingServices()
    win.reload.services = win.fake.services
    win.reload.export.services = win.fake.services
    with qtbot.waitSignals([win.sync_ended, win.groups.grouped], timeout=TIMEOUT_MS):
        win.set_session(demo_session(fresh_org), sync=True)
    assert not win.last_sync_error
    return win


def record_level_group(window: MainWindow) -> int:
    """The view row of the biggest group of record-level errors."""
    table = window.groups.model.group_rows(list(range(window.groups.model.rowCount())))
    rows = [row for row, level in enumerate(table["failed_on"]) if level == RECORD_LEVEL]
    return rows[0]


def open_dialog_on_group(qtbot, window: MainWindow):
    window.groups.select_rows([record_level_group(window)])
    assert window.reload.fix_groups.isEnabled()
    with qtbot.waitSignal(window.reload.dialog_opened, timeout=TIMEOUT_MS) as opened:
        window.reload.fix_groups.trigger()
    return opened.args[0]


def test_the_actions_say_why_they_are_disabled(qtbot, window) -> None:
    frame = window.model.error_view.frame
    job_level = np.flatnonzero(frame["failed_on"].to_numpy() == JOB_LEVEL)
    assert len(job_level), "the demo org has job-level errors"
    window.model.restrict(np.isin(np.arange(len(frame)), job_level))
    window.table.selectRow(0)
    assert not window.reload.fix_rows.isEnabled()
    assert window.reload.fix_rows.toolTip().find("input rows are unknown") >= 0
    assert window.reload.reason(window.reload.selected_positions(), "") == NOT_RELOADABLE
    window.model.restrict(None)
    window.log_out()
    assert not window.reload.fix_rows.isEnabled() and not window.reload.fix_groups.isEnabled()
    assert window.reload.fix_groups.statusTip() == NO_SESSION
    window.login_dialog.close()


def test_a_group_opens_in_the_dialog_and_its_reload_is_recorded_and_listed(qtbot, window) -> None:
    dialog = open_dialog_on_group(qtbot, window)
    group = window.groups.selected_groups().iloc[0]
    batch = dialog.state.current
    assert len(batch) + dialog.left_out == int(group["errors"])
    assert batch.target.object_name == group["object"]
    assert "production org" in dialog.intro.text()  # the services say production
    column = batch.columns[-1]
    dialog.apply_step(SetColumn(column, "fixed"))
    qtbot.mouseClick(dialog.reload_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.confirmation is not None, timeout=TIMEOUT_MS)
    confirmation = dialog.confirmation
    assert not confirmation.reload_button.isEnabled()  # production: tick first
    confirmation.understand.click()
    with qtbot.waitSignal(window.reload.reload_recorded, timeout=TIMEOUT_MS):
        qtbot.mouseClick(confirmation.reload_button, Qt.MouseButton.LeftButton)
    fake = window.fake
    assert [r.job_id for r in fake.records] == [JOB_ID]
    record = fake.records[0]
    assert record.rows == len(batch) and record.username == window.session.username
    assert record.is_production and record.origins == batch.origins and all(batch.origins)
    assert fake.finished[0][0] == JOB_ID and fake.applied[0][0].rows[0][-1] == "fixed"
    assert window.status.currentMessage().startswith(f"Job {JOB_ID} (JobComplete)")
    archive_dialog = window.archive.show_dialog()
    history = archive_dialog.reloads
    assert history.rowCount() == 1
    cells = [history.item(0, c).text() for c in range(history.columnCount())]
    assert cells[1] == window.session.username and cells[6] == JOB_ID and cells[3] == batch.target.object_name
    archive_dialog.close()
    dialog.close()


def test_export_for_reload_writes_the_selected_rows(qtbot, window, tmp_path) -> None:
    window.table.selectRow(0)
    dialog = window.reload.export.start()
    assert dialog.scopes[SELECTED].isEnabled()
    dialog.scopes[SELECTED].setChecked(True)
    dialog.folder.setText(str(tmp_path))
    with qtbot.waitSignal(window.reload.export.ended, timeout=TIMEOUT_MS) as ended:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["2 files"]
    row_ids, folder = window.fake.written[0]
    assert folder == tmp_path
    assert list(row_ids) == [int(window.model.error_view.frame["row_id"].iat[window.model.frame_position(0)])]


def test_a_pending_reload_is_looked_up_after_the_login_sync(qtbot, window, fresh_org) -> None:
    from syncerr_gui.demo_org.connect import demo_session

    window.fake.pending_records.append(
        ReloadRecord(
            JOB_ID, datetime.now(UTC), "admin", "00D", "host", True, ReloadTarget("Contact", "insert"), 3
        )
    )
    with qtbot.waitSignal(window.reload.recovered, timeout=TIMEOUT_MS) as recovered:
        window.set_session(demo_session(fresh_org), sync=True)
    (lines,) = recovered.args
    assert len(lines) == 1 and "interrupted earlier, has ended" in lines[0] and JOB_ID in lines[0]
    assert window.fake.finished[-1][0] == JOB_ID
    box = window.findChild(object, "messageBox")
    assert box is not None and box.windowTitle() == "Interrupted reloads" and JOB_ID in box.text()
