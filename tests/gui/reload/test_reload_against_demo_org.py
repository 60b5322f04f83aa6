"""Fix and reload end to end, in the window, against the demo org's Bulk API 2.0 ingest:
open the dialog on a group, set the bad column for all rows, confirm the production org's
second step, and the reload runs as a real job; the row left bad fails again with the same
code, another round fixes it. Cancel mid-way aborts the job; a user without the rights is
told what is missing; a reload a crash interrupted is reported at the next login. Real
services throughout (`ReloadServices()` defaults)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from syncerr_gui.core.archive.triage import RESOLVED
from syncerr_gui.core.frame.schema import RECORD_LEVEL
from syncerr_gui.core.reload.batch import RowOutcome, SetColumn
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.main_window import MainWindow
from syncerr_gui.gui.reload.fix_reload_dialog import FixReloadDialog
from syncerr_gui.gui.reload.reload_table_model import COL_RESULT
from syncerr_gui.gui.table.columns import COL_RELOADED_IN

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

TIMEOUT_MS = 120_000
TRANSIENT = ("UNABLE_TO_LOCK_ROW", "UNKNOWN_EXCEPTION")
FIXED = "Fixed value 42"


@pytest.fixture()
def window(qtbot, tmp_path: Path, fresh_org) -> MainWindow:
    from syncerr_gui.demo_org.connect import demo_session

    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(settings, demo_session=lambda: demo_session(fresh_org), ca_bundle=str(fresh_org.ca_path))
    qtbot.addWidget(win)
    win.archive.open(tmp_path / "data")
    win.show()
    sync(qtbot, win, lambda: win.set_session(demo_session(fresh_org), sync=True))
    return win


def sync(qtbot, window: MainWindow, start) -> None:
    with qtbot.waitSignals([window.sync_ended, window.groups.grouped], timeout=TIMEOUT_MS):
        start()
    assert not window.last_sync_error


def fixable_group(window: MainWindow) -> tuple[int, str, str]:
    """(view row, key, field) of the smallest record-level group whose error names one field."""
    model = window.groups.model
    table = model.group_rows(list(range(model.rowCount())))
    fit = [
        (int(errors), row)
        for row, (level, code, fields, errors) in enumerate(
            zip(table["failed_on"], table["error_type"], table["fields"], table["errors"])
        )
        if level == RECORD_LEVEL
        and code not in (*TRANSIENT, "REQUIRED_FIELD_MISSING")  # a value to leave bad
        and fields
        and "," not in fields
        and errors >= 3
    ]
    _errors, row = min(fit)
    return row, str(table["key"].iat[row]), str(table["fields"].iat[row])


def open_on_group(qtbot, window: MainWindow, row: int) -> FixReloadDialog:
    window.groups.select_rows([row])
    with qtbot.waitSignal(window.reload.dialog_opened, timeout=TIMEOUT_MS) as opened:
        window.reload.fix_groups.trigger()
    return opened.args[0]


def reload(qtbot, window: MainWindow, dialog: FixReloadDialog) -> None:
    """Reload…, the permission check, the production tick, the button; wait for the archive."""
    qtbot.mouseClick(dialog.reload_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.confirmation is not None, timeout=TIMEOUT_MS)
    confirmation = dialog.confirmation
    assert "(production)" in confirmation.body.text() and not confirmation.reload_button.isEnabled()
    confirmation.understand.click()
    with qtbot.waitSignal(window.reload.reload_recorded, timeout=TIMEOUT_MS):
        qtbot.mouseClick(confirmation.reload_button, Qt.MouseButton.LeftButton)


def results(dialog: FixReloadDialog) -> list[str]:
    return [dialog.model.index(row, COL_RESULT).data() for row in range(dialog.model.rowCount())]


def fix_and_reload_group(qtbot, window: MainWindow) -> str:
    """The smallest fixable group: a "set column" fix, one row left bad (it fails again with
    the same code), another round for it; every batch reloaded. Returns the group's key."""
    row, key, field = fixable_group(window)
    dialog = open_on_group(qtbot, window, row)
    first = dialog.state
    assert field in first.current.columns, f"the group's rows upload {field}"
    bad = first.current.rows[0][first.current.column_index(field)]
    code = first.current.errors[0].split(":", 1)[0]
    for number, state in enumerate(dialog.states):
        dialog.chooser.setCurrentIndex(number)
        dialog.apply_step(SetColumn(field, FIXED))
        if state is first:  # one row left with its failed value
            dialog.model.setData(dialog.model.index(0, dialog.input_column(field)), bad)
        reload(qtbot, window, dialog)
        outcome = state.outcome
        assert outcome is not None and outcome.job_id.startswith("750")
        if state is first:
            assert results(dialog)[0].startswith(f"Failed: {code}:")
            assert all(text == "Succeeded" for text in results(dialog)[1:])
            qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
            assert dialog.model.rowCount() == 1
            dialog.apply_step(SetColumn(field, FIXED))
            reload(qtbot, window, dialog)
        assert state.outcome.count(RowOutcome.SUCCEEDED) == len(state.current)
    records = window.reload.services.history(window.reload._archive())
    assert len(records) == len(dialog.states) + 1
    assert all(record.state == "JobComplete" and record.is_production for record in records)
    dialog.close()
    return key


def test_a_set_column_fix_reloads_the_rows_and_the_row_left_bad_fails_again_with_its_code(
    qtbot, window
) -> None:
    fix_and_reload_group(qtbot, window)
    assert window.status.currentMessage().startswith("Job 750")


def test_after_the_next_sync_the_reloaded_group_is_resolved_and_its_errors_say_so(qtbot, window) -> None:
    key = fix_and_reload_group(qtbot, window)
    sync(qtbot, window, window.sync_now)
    resolved = window.groups.model.row_of_key(key)
    assert resolved >= 0 and window.groups.model.group_rows([resolved])["state"].iat[0] == RESOLVED
    frame = window.model.error_view.frame
    jobs = {record.job_id for record in window.reload.services.history(window.reload._archive())}
    assert set(frame["reloaded_in"].astype(str)) - {""} <= jobs and (frame["reloaded_in"] != "").any()
    assert set(frame.loc[frame["reload_of"] != "", "job_id"].astype(str)) <= jobs  # the row left bad
    assert (frame["reload_of"] != "").any()
    window.model.restrict((frame["reloaded_in"] != "").to_numpy())
    window.select_row(0)
    reloaded_in = str(window.model.row_record(0)["reloaded_in"])
    assert f"Reloaded in job {reloaded_in}" in window.detail_pane.summary.text()
    assert window.model.index(0, COL_RELOADED_IN).data() == reloaded_in


def test_cancel_mid_reload_aborts_the_job(qtbot, window, fresh_org) -> None:
    row, _key, field = fixable_group(window)
    dialog = open_on_group(qtbot, window, row)
    dialog.apply_step(SetColumn(field, FIXED))
    fresh_org.hold_reloads()
    qtbot.mouseClick(dialog.reload_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.confirmation is not None, timeout=TIMEOUT_MS)
    dialog.confirmation.understand.click()
    qtbot.mouseClick(dialog.confirmation.reload_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "InProgress" in dialog.run_bar.words.text(), timeout=TIMEOUT_MS)
    with qtbot.waitSignal(window.reload.reload_recorded, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.run_bar.cancel, Qt.MouseButton.LeftButton)
    assert dialog.state.outcome.state == "Aborted"
    assert set(results(dialog)) == {"Unprocessed"}
    assert "Cancelled" in dialog.run_bar.words.text()
    dialog.close()


def test_a_reload_a_crash_interrupted_is_found_by_its_job_and_reported_at_the_next_login(
    qtbot, tmp_path, fresh_org
) -> None:
    """A reload recorded as pending (the app died after creating the job) is looked up after
    the next login's sync: its outcome is said in words and the archive's record finished."""
    from datetime import UTC, datetime

    from reload_helpers import failed_rows

    from syncerr_gui.core.archive.store import ErrorArchive
    from syncerr_gui.core.reload.batch import ReloadRecord
    from syncerr_gui.core.reload.ingest import run_reload
    from syncerr_gui.core.salesforce.client import OrgClient
    from syncerr_gui.demo_org.connect import demo_session

    session = demo_session(fresh_org)
    org = session.org_id
    batch, _truth = failed_rows(fresh_org, "Lead", "upsert")
    archive = ErrorArchive.for_org(org, tmp_path / "data")
    ledger = archive.reload_ledger()

    def created(job_id: str) -> None:  # recorded, then the app "crashes" before the outcome
        ledger.record_reload(
            ReloadRecord(
                job_id, datetime.now(UTC), session.username, org, "127.0.0.1", True, batch.target, len(batch)
            )
        )

    outcome = run_reload(OrgClient(session), batch, on_created=created)
    archive.close()
    assert [
        record.job_id
        for record in ErrorArchive.for_org(org, tmp_path / "data").reload_ledger().pending_reloads()
    ] == [outcome.job_id]
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(
        settings, demo_session=lambda: demo_session(fresh_org), ca_bundle=str(fresh_org.ca_path)
    )
    qtbot.addWidget(window)
    window.archive.open(tmp_path / "data")
    window.show()
    with qtbot.waitSignal(window.reload.recovered, timeout=TIMEOUT_MS) as recovered:
        window.set_session(demo_session(fresh_org), sync=True)
    (lines,) = recovered.args
    assert len(lines) == 1 and outcome.job_id in lines[0] and "interrupted earlier, has ended" in lines[0]
    assert "failed again" in lines[0] and "JobComplete" in lines[0]
    assert window.reload.services.pending(window.reload._archive()) == []
    box = window.findChild(object, "messageBox")
    assert box is not None and box.windowTitle() == "Interrupted reloads"


def test_a_user_without_the_rights_is_told_what_is_missing_and_nothing_is_sent(
    qtbot, window, fresh_org
) -> None:
    from syncerr_gui.demo_org.connect import demo_session

    window.set_session(demo_session(fresh_org, admin=False))  # same org: the rows stay
    row, _key, field = fixable_group(window)
    dialog = open_on_group(qtbot, window, row)
    dialog.apply_step(SetColumn(field, FIXED))
    posts = [path for method, path in fresh_org.request_log if method == "POST"]
    qtbot.mouseClick(dialog.reload_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.findChild(object, "messageBox") is not None, timeout=TIMEOUT_MS)
    box = dialog.findChild(object, "messageBox")
    target = dialog.state.current.target
    assert box.windowTitle() == "Missing permissions"
    assert f"the right to edit {target.object_name} records" in box.text()
    assert dialog.confirmation is None and not dialog.running
    assert [path for method, path in fresh_org.request_log if method == "POST"] == posts  # no job
    box.close()
    dialog.close()


def test_the_groups_diagnosis_offers_its_fix_as_one_click_in_the_dialog(qtbot, window) -> None:
    model = window.groups.model
    table = model.group_rows(list(range(model.rowCount())))
    row = next(
        r
        for r, (code, obj) in enumerate(zip(table["error_type"], table["object"]))
        if code == "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST" and obj == "Lead"
    )
    with qtbot.waitSignal(window.groups.why.shown, timeout=TIMEOUT_MS):
        window.groups.select_rows([row])
    steps = window.groups.panel.why.diagnosis.suggested_steps
    assert steps and steps[0].column == "LeadSource"
    with qtbot.waitSignal(window.reload.dialog_opened, timeout=TIMEOUT_MS) as opened:
        window.reload.fix_groups.trigger()
    dialog = opened.args[0]
    assert dialog.suggested.isVisible() and dialog.suggested.steps == steps
    before = dialog.state.current
    qtbot.mouseClick(dialog.suggested.buttons[0], Qt.MouseButton.LeftButton)
    assert dialog.state.changes() == [
        (r, "LeadSource", old, steps[0].new_value(old))
        for r, old in enumerate(v[before.column_index("LeadSource")] for v in before.rows)
        if steps[0].new_value(old) != old
    ]
    assert dialog.state.changes() and "changed" in dialog.summary.text()
    dialog.close()
