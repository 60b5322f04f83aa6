"""A reload as a Bulk API 2.0 job against the demo org over HTTPS: results per row, cancel,
refusals before anything is sent, recovery of an interrupted job, permissions."""

from __future__ import annotations

import pytest
from reload_helpers import code_and_message, failed_rows

from syncerr_gui.core.cancel import CancelToken
from syncerr_gui.core.exceptions import RequestFailed
from syncerr_gui.core.reload.batch import ReloadBatch, ReloadTarget, RowOutcome, SetColumn, apply_step
from syncerr_gui.core.reload.checks import ReloadRefused
from syncerr_gui.core.reload.ingest import GONE, ReloadProgress, recover_outcome, run_reload
from syncerr_gui.core.reload.permissions import missing_reload_permissions, org_is_production
from syncerr_gui.core.salesforce.client import OrgClient
from syncerr_gui.demo_org import DemoConfig, DemoOrg
from syncerr_gui.demo_org.connect import demo_session

TRANSIENT = ("UNABLE_TO_LOCK_ROW", "UNKNOWN_EXCEPTION")


def _client(org: DemoOrg, admin: bool = True) -> OrgClient:
    return OrgClient(demo_session(org, admin=admin))


def _posts(org: DemoOrg) -> list[str]:
    return [path for method, path in org.request_log if method == "POST"]


@pytest.mark.parametrize(
    ("delimiter", "line_ending"), [("COMMA", "LF"), ("TAB", "CRLF"), ("SEMICOLON", "LF")]
)
def test_untouched_rows_fail_again_with_their_codes_and_transient_ones_succeed(
    fresh_org: DemoOrg, delimiter: str, line_ending: str
) -> None:
    batch, truth = failed_rows(fresh_org, "Lead", "upsert", at_least=5)
    created: list[str] = []
    outcome = run_reload(
        _client(fresh_org), batch, on_created=created.append, delimiter=delimiter, line_ending=line_ending
    )
    assert outcome.state == "JobComplete" and created == [outcome.job_id]
    assert [r.row for r in outcome.results] == list(range(len(batch)))
    for result, code, message in zip(outcome.results, truth["error_type"], truth["message"], strict=True):
        if code in TRANSIENT:
            assert result.outcome is RowOutcome.SUCCEEDED and result.record_id.startswith("00Q")
        else:
            assert result.outcome is RowOutcome.FAILED
            assert code_and_message(result.error) == (code, message)


def test_rows_whose_named_field_is_corrected_succeed_and_the_others_still_fail(fresh_org: DemoOrg) -> None:
    batch, truth = failed_rows(fresh_org, "Contact", "update", at_least=20)
    fields = truth["fields"].astype(str)
    column = next(f for f in fields if f and "," not in f and f in batch.columns)
    fixed = apply_step(batch, SetColumn(column, "Fixed value 42"))
    outcome = run_reload(_client(fresh_org), fixed)
    for result, named, code in zip(outcome.results, fields, truth["error_type"], strict=True):
        if named == column or code in TRANSIENT:
            assert result.outcome is RowOutcome.SUCCEEDED, (named, code)
        elif named in batch.columns:
            assert result.outcome is RowOutcome.FAILED, (named, code)


def test_cancel_mid_reload_aborts_the_job(fresh_org: DemoOrg) -> None:
    batch, _ = failed_rows(fresh_org, "Lead", "upsert")
    fresh_org.hold_reloads()
    cancel = CancelToken()
    seen: list[str] = []

    def progress(step: ReloadProgress) -> None:
        seen.append(step.state)
        if step.state == "InProgress":
            cancel.cancel()

    outcome = run_reload(_client(fresh_org), batch, progress=progress, cancel=cancel)
    assert seen == ["InProgress"]
    assert outcome.state == "Aborted" and "Cancelled" in outcome.message
    assert outcome.count(RowOutcome.UNPROCESSED) == len(batch)
    assert ("PATCH", f"/services/data/v{_client(fresh_org).api_version}/jobs/ingest/{outcome.job_id}") in [
        (m, p) for m, p in fresh_org.request_log
    ]


def test_a_cancel_before_the_job_exists_sends_nothing(fresh_org: DemoOrg) -> None:
    batch, _ = failed_rows(fresh_org, "Lead", "upsert")
    cancel = CancelToken()
    cancel.cancel()
    with pytest.raises(Exception, match="cancelled"):
        run_reload(_client(fresh_org), batch, cancel=cancel)
    assert _posts(fresh_org) == []


def test_an_empty_key_column_and_an_implicit_delete_are_refused_before_anything_is_sent(
    fresh_org: DemoOrg,
) -> None:
    client = _client(fresh_org)
    update = ReloadBatch(
        ReloadTarget("Lead", "update"), ("Id", "Company"), (("00Q5g0000000001EAA", "A"), (" ", "B"))
    )
    with pytest.raises(ReloadRefused, match=r"1 of 2 rows have an empty Id \(rows 2\)"):
        run_reload(client, update)
    no_column = ReloadBatch(ReloadTarget("Lead", "upsert", "Email"), ("Company",), (("A",),))
    with pytest.raises(ReloadRefused, match="no Email column"):
        run_reload(client, no_column)
    delete = ReloadBatch(ReloadTarget("Lead", "delete"), ("Id",), (("00Q5g0000000001EAA",),))
    with pytest.raises(ReloadRefused, match=r"give the operation explicitly \(--operation delete\)"):
        run_reload(client, delete)
    assert _posts(fresh_org) == []
    assert run_reload(client, delete, explicit_operation=True).state == "JobComplete"


def test_a_create_that_may_have_reached_the_org_is_not_sent_twice(fresh_org: DemoOrg) -> None:
    batch, _ = failed_rows(fresh_org, "Lead", "upsert")
    fresh_org.fail_next("/jobs/ingest", 503)
    with pytest.raises(RequestFailed, match="may have received the request, so it was not sent again"):
        run_reload(_client(fresh_org), batch)
    assert len(_posts(fresh_org)) == 1


def test_an_interrupted_reload_is_recovered_by_its_job_id(fresh_org: DemoOrg) -> None:
    batch, _ = failed_rows(fresh_org, "Lead", "upsert")
    fresh_org.hold_reloads()
    created: list[str] = []

    def crash(step: ReloadProgress) -> None:
        raise KeyboardInterrupt  # the app dies while the job runs

    with pytest.raises(KeyboardInterrupt):
        run_reload(_client(fresh_org), batch, progress=crash, on_created=created.append)
    client = _client(fresh_org)
    still = recover_outcome(client, created[0], batch)
    assert still.state == "InProgress" and not still.results and "still InProgress" in still.message
    fresh_org.hold_reloads(False)
    done = recover_outcome(client, created[0], batch)
    assert done.state == "JobComplete" and len(done.results) == len(batch)
    assert done.results == recover_outcome(client, created[0], batch).results
    assert len(recover_outcome(client, created[0], None).results) == len(batch)
    fresh_org.delete_job(created[0])
    gone = recover_outcome(client, created[0], batch)
    assert gone.state == GONE and "no longer has job" in gone.message


def test_a_user_without_edit_rights_is_told_what_is_missing(fresh_org: DemoOrg) -> None:
    admin, analyst = _client(fresh_org), _client(fresh_org, admin=False)
    update = ReloadTarget("Lead", "update")
    assert missing_reload_permissions(admin, update, fresh_org.admin.user_id) == []
    assert missing_reload_permissions(analyst, update, fresh_org.non_admin.user_id) == [
        "the right to edit Lead records"
    ]
    upsert = ReloadTarget("Contact", "upsert", "Email")
    assert missing_reload_permissions(analyst, upsert, fresh_org.non_admin.user_id) == [
        "the right to create and edit Contact records"
    ]
    assert (
        missing_reload_permissions(analyst, ReloadTarget("Lead", "insert"), fresh_org.non_admin.user_id) == []
    )


def test_production_and_sandbox_are_told_apart() -> None:
    with DemoOrg(
        DemoConfig(record_errors=10, bulk2_jobs=2, classic_jobs=1, apex_jobs=1, sandbox=True)
    ) as org:
        assert org_is_production(_client(org)) is False
    with DemoOrg(DemoConfig(record_errors=10, bulk2_jobs=2, classic_jobs=1, apex_jobs=1)) as org:
        assert org_is_production(_client(org)) is True


def test_the_next_sync_reads_the_reload_job_like_any_other(fresh_org: DemoOrg) -> None:
    from syncerr_gui.core.sync.engine import SyncEngine, SyncOptions

    batch, truth = failed_rows(fresh_org, "Lead", "upsert", at_least=5)
    outcome = run_reload(_client(fresh_org), batch)
    result = SyncEngine(demo_session(fresh_org)).run(SyncOptions(), None, CancelToken())
    mine = result.frame[result.frame["job_id"] == outcome.job_id]
    assert len(mine) == outcome.count(RowOutcome.FAILED) > 0
    assert sorted(mine["error_type"].astype(str)) == sorted(
        c for c in truth["error_type"] if c not in TRANSIENT
    )
    known = fresh_org.truth.errors(since=result.since)
    assert len(result.frame) == len(known)
    theirs = known[known["job_id"] == outcome.job_id]
    assert sorted(theirs["message"].astype(str)) == sorted(mine["message"].astype(str))
