"""The Fix and reload table model: Qt's model rules, and the edit state's rules beneath it
(undo, drop keeps each row beside its own original, another round keeps the new errors)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from reload_gui_helpers import PICKLIST_ERROR, REQUIRED_ERROR, contact_batch, judge

from syncerr_gui.core.reload.batch import FillEmpty, SetColumn
from syncerr_gui.gui.reload.edit_state import EditState
from syncerr_gui.gui.reload.reload_table_model import COL_RESULT, ReloadTableModel


def test_the_model_keeps_qts_rules_through_edits_and_results(qtmodeltester) -> None:
    state = EditState(contact_batch())
    model = ReloadTableModel(state)
    qtmodeltester.check(model)
    assert model.setData(model.index(0, 4), "Web")
    state.apply(FillEmpty("LastName", "Dunn"))
    state.set_outcome(judge(state.current))
    model.refresh()
    qtmodeltester.check(model)
    assert model.index(0, COL_RESULT).data() == "Succeeded"
    assert model.index(1, COL_RESULT).data(Qt.ItemDataRole.ForegroundRole) is not None


def test_undo_drop_and_preview_keep_each_row_beside_its_original() -> None:
    state = EditState(contact_batch())
    state.apply(SetColumn("LeadSource", "Web"))
    state.drop([0])
    assert [(row, old, new) for row, _col, old, new in state.changes()] == [
        (0, "Webb", "Web"),
        (1, "Webb", "Web"),
    ]
    assert state.undo() and len(state.current) == 4
    assert state.undo() and state.changes() == [] and not state.can_undo


def test_another_round_keeps_only_the_failed_rows_with_their_new_errors() -> None:
    state = EditState(contact_batch())
    state.edit(0, "LeadSource", "Web")
    state.set_outcome(judge(state.current))
    assert state.failed_rows() == [1, 2, 3]
    assert state.keep_failed() and state.round == 2
    assert state.current.errors == (PICKLIST_ERROR, PICKLIST_ERROR, REQUIRED_ERROR)
    assert state.current.origins == ("k2", "k3", "k4") and state.outcome is None


def test_rows_without_their_key_are_named_in_the_summary() -> None:
    state = EditState(contact_batch())
    state.edit(1, "Email__c", "")
    assert "1 row have no Email__c" in state.summary()
