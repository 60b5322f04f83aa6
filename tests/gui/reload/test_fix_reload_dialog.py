"""The Fix and reload dialog driven as an admin would: edit a cell, set a column for all rows,
map values, fill empty, drop rows, undo; the production confirmation needs two deliberate
acts; the reload runs in the background (a runner with the real signature) and the result
shows per row, with another round for the rows that failed again; Cancel stops it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from reload_gui_helpers import BAD, JOB_ID, PICKLIST_ERROR, FakeRunner, contact_batch

from syncerr_gui.core.reload.batch import MapValues, ReloadBatch, SetColumn
from syncerr_gui.gui.reload.fix_reload_dialog import FixReloadDialog
from syncerr_gui.gui.reload.fix_step_dialog import MAP, SET
from syncerr_gui.gui.reload.reload_confirmation import OrgNames
from syncerr_gui.gui.reload.reload_table_model import COL_ERROR, COL_RESULT, MISSING
from syncerr_gui.gui.reload.reload_worker import ReloadWorker

PRODUCTION = OrgNames("admin@acme.com", "acme.my.salesforce.com", True)
SANDBOX = OrgNames("admin@acme.com.dev", "acme--dev.sandbox.my.salesforce.com", False)
RUN_TIMEOUT_MS = 30_000


def open_dialog(qtbot: QtBot, runner: FakeRunner, org: OrgNames = SANDBOX, **kwargs) -> FixReloadDialog:
    sent: list[ReloadBatch] = []

    def make_worker(batch: ReloadBatch) -> ReloadWorker:
        sent.append(batch)
        return ReloadWorker(runner, lambda session: object(), None, batch)

    dialog = FixReloadDialog([contact_batch()], org, make_worker, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def cell(dialog: FixReloadDialog, row: int, column: str) -> str:
    return dialog.model.index(row, dialog.input_column(column)).data()


def edit(qtbot: QtBot, dialog: FixReloadDialog, row: int, column: str, text: str) -> None:
    """Double-click the cell, type, Enter: as a person edits."""
    table = dialog.table
    index = dialog.model.index(row, dialog.input_column(column))
    table.scrollTo(index)
    rect = table.visualRect(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = table.viewport().findChild(QLineEdit)  # the cell's editor (offscreen: no focus)
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cell(dialog, row, column) == text)  # Qt commits the edit queued


def reload_and_wait(qtbot: QtBot, dialog: FixReloadDialog) -> None:
    qtbot.mouseClick(dialog.reload_button, Qt.MouseButton.LeftButton)
    confirmation = dialog.confirmation
    assert confirmation is not None
    with qtbot.waitSignal(dialog.reloaded, timeout=RUN_TIMEOUT_MS):
        qtbot.mouseClick(confirmation.reload_button, Qt.MouseButton.LeftButton)


def test_the_rows_show_their_input_columns_and_previous_error_and_the_missing_required_value(qtbot) -> None:
    dialog = open_dialog(qtbot, FakeRunner())
    model = dialog.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Result", "Previous error", "Email__c", "LastName", "LeadSource"]
    assert dialog.table.isColumnHidden(COL_RESULT)  # nothing sent yet
    assert model.index(0, COL_ERROR).data() == PICKLIST_ERROR
    assert not model.flags(model.index(0, COL_ERROR)) & Qt.ItemFlag.ItemIsEditable
    lastname = model.index(3, dialog.input_column("LastName"))
    assert lastname.data(Qt.ItemDataRole.BackgroundRole).color() == MISSING
    assert "LastName is required" in lastname.data(Qt.ItemDataRole.ToolTipRole)
    summary = dialog.summary.text()
    assert "4 rows to upsert into Contact on Email__c" in summary
    assert "1 row still miss a required value (LastName)" in summary


def test_editing_a_cell_changes_it_previews_it_and_clears_the_missing_mark(qtbot) -> None:
    dialog = open_dialog(qtbot, FakeRunner())
    edit(qtbot, dialog, 3, "LastName", "Dunn")
    assert cell(dialog, 3, "LastName") == "Dunn"
    index = dialog.model.index(3, dialog.input_column("LastName"))
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() != MISSING
    assert "Was: (empty)" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert "row 4, LastName: “” → “Dunn”" in dialog.changes.toPlainText()
    assert "required" not in dialog.summary.text()
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert cell(dialog, 3, "LastName") == ""


def test_set_column_for_all_rows_previews_then_applies(qtbot) -> None:
    dialog = open_dialog(qtbot, FakeRunner())
    step = dialog.open_step(SET)
    step.column.setCurrentText("LeadSource")
    qtbot.keyClicks(step.value, "Web")
    assert step.preview.text().startswith("Changes 3 cells:")  # row 4 already says Web
    assert "row 1, LeadSource: “Webb” → “Web”" in step.preview.text()
    qtbot.mouseClick(step.apply_button, Qt.MouseButton.LeftButton)
    assert [cell(dialog, row, "LeadSource") for row in range(4)] == ["Web"] * 4
    assert "3 cells changed" in dialog.summary.text()


def test_map_values_and_fill_empty_and_a_column_the_upload_lacked(qtbot) -> None:
    dialog = open_dialog(qtbot, FakeRunner())
    step = dialog.open_step(MAP)
    step.column.setCurrentText("LeadSource")
    webb = next(r for r in range(step.mapping.rowCount()) if step.mapping.item(r, 0).text().startswith(BAD))
    step.mapping.item(webb, 1).setText("Partner")
    assert step.step() == MapValues("LeadSource", {BAD: "Partner"})
    qtbot.mouseClick(step.apply_button, Qt.MouseButton.LeftButton)
    assert [cell(dialog, row, "LeadSource") for row in range(4)] == ["Partner"] * 3 + ["Web"]
    dialog.apply_step(SetColumn("Country__c", "FR"))  # not uploaded before: added
    assert cell(dialog, 0, "Country__c") == "FR"


def test_dropping_rows_leaves_them_out_and_the_preview_still_matches_the_rows(qtbot) -> None:
    dialog = open_dialog(qtbot, FakeRunner())
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.drop_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 3
    assert cell(dialog, 0, "Email__c") == "b@example.com"
    assert "3 rows to upsert" in dialog.summary.text() and "1 row dropped" in dialog.summary.text()
    edit(qtbot, dialog, 0, "LeadSource", "Web")
    assert "row 1, LeadSource: “Webb” → “Web”" in dialog.changes.toPlainText()


def test_production_needs_the_tick_and_then_the_button_and_no_key_sends(qtbot) -> None:
    runner = FakeRunner()
    dialog = open_dialog(qtbot, runner, PRODUCTION)
    qtbot.mouseClick(dialog.reload_button, Qt.MouseButton.LeftButton)
    confirmation = dialog.confirmation
    assert confirmation is not None and confirmation.isVisible()
    assert "production" in confirmation.heading.text()
    assert "admin@acme.com at acme.my.salesforce.com (production)" in confirmation.body.text()
    assert not confirmation.reload_button.isEnabled()
    assert not any(button.isDefault() for button in confirmation.buttons)
    qtbot.keyClick(confirmation, Qt.Key.Key_Return)  # Enter does nothing
    qtbot.mouseClick(confirmation.reload_button, Qt.MouseButton.LeftButton)  # disabled: nothing
    assert confirmation.isVisible() and not runner.calls and not dialog.running
    confirmation.understand.click()
    assert confirmation.reload_button.isEnabled()
    with qtbot.waitSignal(dialog.reloaded, timeout=RUN_TIMEOUT_MS):
        qtbot.mouseClick(confirmation.reload_button, Qt.MouseButton.LeftButton)
    assert len(runner.calls) == 1


def test_escape_on_the_confirmation_sends_nothing(qtbot) -> None:
    runner = FakeRunner()
    dialog = open_dialog(qtbot, runner, SANDBOX)
    qtbot.mouseClick(dialog.reload_button, Qt.MouseButton.LeftButton)
    confirmation = dialog.confirmation
    assert "(sandbox)" in confirmation.body.text() and confirmation.reload_button.isEnabled()
    qtbot.keyClick(confirmation, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.confirmation is None)
    assert not runner.calls and not dialog.running


def test_the_result_shows_per_row_and_the_failed_rows_go_round_again(qtbot) -> None:
    runner = FakeRunner()
    dialog = open_dialog(qtbot, runner)
    dialog.apply_step(SetColumn("LastName", "Dunn"))  # fixes row 4 only
    edit(qtbot, dialog, 0, "LeadSource", "Web")
    reload_and_wait(qtbot, dialog)
    model = dialog.model
    assert not dialog.table.isColumnHidden(COL_RESULT)
    results = [model.index(row, COL_RESULT).data() for row in range(4)]
    assert results[0] == "Succeeded" and results[3] == "Succeeded"
    assert results[1] == results[2] == f"Failed: {PICKLIST_ERROR}"
    assert dialog.run_bar.words.text() == f"Job {JOB_ID} (JobComplete): 2 succeeded, 2 failed again."
    assert not dialog.reload_button.isEnabled()  # the same rows are not sent twice by accident
    assert dialog.keep_button.isVisible()
    qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
    assert model.rowCount() == 2 and dialog.state.current.origins == ("k2", "k3")
    assert dialog.reload_button.isEnabled() and dialog.table.isColumnHidden(COL_RESULT)


def test_cancel_mid_reload_stops_it_and_says_so(qtbot) -> None:
    runner = FakeRunner(hold=True)
    dialog = open_dialog(qtbot, runner)
    qtbot.mouseClick(dialog.reload_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.confirmation.reload_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(runner.waiting.is_set, timeout=RUN_TIMEOUT_MS)
    assert dialog.running and not dialog.set_button.isEnabled()
    assert not dialog.model.flags(dialog.model.index(0, 2)) & Qt.ItemFlag.ItemIsEditable
    with qtbot.waitSignal(dialog.reloaded, timeout=RUN_TIMEOUT_MS):
        qtbot.mouseClick(dialog.run_bar.cancel, Qt.MouseButton.LeftButton)
    assert dialog.model.index(0, COL_RESULT).data() == "Unprocessed"
    assert "4 were not processed" in dialog.run_bar.words.text()
    assert "aborted" in dialog.run_bar.words.text()


def test_missing_permissions_are_said_and_nothing_is_sent(qtbot) -> None:
    runner = FakeRunner()
    dialog = open_dialog(qtbot, runner, check_permissions=lambda target: [f"Edit on {target.object_name}"])
    qtbot.mouseClick(dialog.reload_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.findChild(object, "messageBox") is not None)
    box = dialog.findChild(object, "messageBox")
    assert "Edit on Contact" in box.text()
    assert dialog.confirmation is None and not runner.calls


@pytest.mark.parametrize("busy", [False])
def test_suggested_fixes_are_one_click_and_previewed(qtbot, busy) -> None:
    dialog = open_dialog(qtbot, FakeRunner(), suggestions=[MapValues("LeadSource", {BAD: "Web"})])
    assert dialog.suggested.isVisible()
    assert "changes 3 cells" in dialog.suggested.labels[0].text()
    qtbot.mouseClick(dialog.suggested.buttons[0], Qt.MouseButton.LeftButton)
    assert cell(dialog, 1, "LeadSource") == "Web"
    assert not dialog.suggested.buttons[0].isEnabled()  # nothing left for it to change
