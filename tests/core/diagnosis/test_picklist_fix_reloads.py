"""A diagnosis's suggested fix, applied to the group's failed rows, makes them load.

The restricted-picklist group of the demo org: its diagnosis maps the bad value to the
closest valid one; the group's rows, with that step applied, go back through a real Bulk
API 2.0 ingest job and every row succeeds; the same rows untouched fail again.
"""

from __future__ import annotations

from diagnosis_helpers import diagnoser_for

from syncerr_gui.core.diagnosis.group_rows import GroupRows
from syncerr_gui.core.frame.groups import ErrorGroups
from syncerr_gui.core.frame.schema import RECORD_LEVEL
from syncerr_gui.core.reload.batch import MapValues, RowOutcome, apply_step
from syncerr_gui.core.reload.ingest import run_reload
from syncerr_gui.core.reload.reload_files import reload_batches
from syncerr_gui.core.salesforce.client import OrgClient
from syncerr_gui.demo_org import DemoOrg
from syncerr_gui.demo_org.connect import demo_session

PICKLIST = "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"


def test_the_suggested_picklist_mapping_makes_the_group_reload(fresh_org: DemoOrg) -> None:
    frame, details = fresh_org.truth.errors_with_details()
    groups = ErrorGroups(frame)
    table = groups.summary().table
    chosen = table[(table["error_type"] == PICKLIST) & (table["failed_on"] == RECORD_LEVEL)]
    top = chosen.iloc[0]
    positions = groups.rows_of([int(top["group"])])
    diagnosis = diagnoser_for(fresh_org).diagnose(GroupRows.of(frame, positions, details, str(top["key"])))
    steps = [step for step in diagnosis.suggested_steps if isinstance(step, MapValues)]
    assert steps, diagnosis.headline
    batches, left_out = reload_batches(frame, details, frame["row_id"].to_numpy()[positions])
    assert batches and not left_out
    client = OrgClient(demo_session(fresh_org))
    for batch in batches:
        fixed = batch
        for step in steps:
            fixed = apply_step(fixed, step)
        assert fixed.rows != batch.rows  # the mapping changed the bad values
        outcome = run_reload(client, fixed)
        assert outcome.count(RowOutcome.SUCCEEDED) == len(fixed), outcome.message
    untouched = run_reload(client, batches[0])
    assert untouched.count(RowOutcome.FAILED) == len(batches[0])
    assert {r.error.split(":", 1)[0] for r in untouched.results} == {PICKLIST}
