"""The sync engine against the demo org over real HTTPS: what the user gets in the table."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime

import pandas as pd
import pytest
from frame_helpers import with_details
from simple_salesforce import SalesforceLogin

from syncerr_gui.core.auth.session import OrgSession
from syncerr_gui.core.exceptions import SyncError
from syncerr_gui.core.frame.schema import JOB_LEVEL, RECORD_LEVEL, SOURCE_APEX, SOURCE_BULK1, SOURCE_BULK2
from syncerr_gui.core.salesforce.bulk2 import Bulk2Reader
from syncerr_gui.core.salesforce.client import OrgClient, RetryPolicy
from syncerr_gui.core.salesforce.http import make_session
from syncerr_gui.core.salesforce.results_csv import detect_delimiter
from syncerr_gui.core.sync.engine import CancelToken, SyncEngine, SyncOptions, SyncProgress
from syncerr_gui.core.time_window import default_since

EVERYTHING = datetime(2000, 1, 1, tzinfo=UTC)
FAST_RETRY = RetryPolicy(tries=3, base_delay=0.05, max_delay=0.2)
KEY_COLUMNS = [
    "failed_on",
    "failed_at",
    "error_type",
    "message",
    "fields",
    "object",
    "operation",
    "salesforce_id",
    "source_id",
    "job_id",
    "batch_id",
    "source",
    "created_by",
    "input_row",
]


def connect(org, renewer=None) -> OrgSession:
    """A session of the org's admin on its access token, trusting only the org's own CA."""
    return OrgSession(org.instance_url, org.admin.access_token, make_session(org.ca_path), renewer=renewer)


def rows(frame: pd.DataFrame | tuple, details=None) -> list[tuple[str, ...]]:
    """The frame's key columns (the input row read from its details) as a sorted list of tuples
    (order of rows is not a contract). `frame` may be a (frame, details) pair."""
    if isinstance(frame, tuple):
        frame, details = frame
    text = with_details(frame, details)[KEY_COLUMNS].copy()
    text["failed_at"] = text["failed_at"].dt.strftime("%Y-%m-%dT%H:%M:%S")
    return sorted(map(tuple, text.astype("str").to_numpy().tolist()))


def sync(org, since: datetime | None = EVERYTHING, **kwargs) -> tuple[SyncEngine, object]:
    engine = SyncEngine(connect(org), retry=FAST_RETRY)
    return engine, engine.run(SyncOptions(since=since, **kwargs))


def bulk2_job_with_errors(org) -> str:
    truth = org.truth.errors(EVERYTHING)
    records = truth[(truth["source"] == SOURCE_BULK2) & (truth["failed_on"] == RECORD_LEVEL)]
    return str(records["job_id"].value_counts().index[0])


def test_every_source_and_level_equals_the_orgs_errors(demo_org) -> None:
    _, result = sync(demo_org)
    assert not result.problems
    assert rows(result.frame, result.details) == rows(demo_org.truth.errors_with_details(EVERYTHING))
    seen = set(zip(result.frame["source"].astype(str), result.frame["failed_on"].astype(str)))
    assert {
        (SOURCE_BULK2, JOB_LEVEL),
        (SOURCE_BULK2, RECORD_LEVEL),
        (SOURCE_BULK1, JOB_LEVEL),
        (SOURCE_BULK1, RECORD_LEVEL),
        (SOURCE_APEX, JOB_LEVEL),
    } <= seen


def test_default_window_is_five_days_before_now_on_a_first_sync(demo_org) -> None:
    _, result = sync(demo_org, since=None)
    since = result.since
    assert abs((since - default_since(None)).total_seconds()) < 120
    assert rows(result.frame, result.details) == rows(demo_org.truth.errors_with_details(since))
    assert len(result.frame) < len(demo_org.truth.errors(EVERYTHING))


def test_non_ascii_values_survive_the_latin1_trap(demo_org) -> None:
    _, result = sync(demo_org)
    inputs = with_details(result.frame, result.details)["input_row"].astype("str")
    assert inputs.str.contains("ü|é|ö", regex=True).any()
    assert inputs.str.contains("[\u4e00-\u9fff]", regex=True).any()
    assert not inputs.str.contains("Ã").any()


def test_messages_with_colons_and_field_lists_are_split(demo_org) -> None:
    _, result = sync(demo_org)
    records = result.frame[result.frame["failed_on"] == RECORD_LEVEL]
    assert records["message"].str.contains(":").any()
    assert (records["fields"] != "").any() and (records["fields"] == "").any()
    assert not records["fields"].str.contains("--").any()


def test_every_job_is_listed_for_the_archive_including_unfinished(demo_org) -> None:
    _, result = sync(demo_org)
    bulk2 = [j for j in result.jobs if j.source == SOURCE_BULK2]
    assert any(not j.finished and not j.read for j in bulk2)
    counted = sum(j.error_rows for j in result.jobs)
    assert counted == len(result.frame)


def test_job_list_is_followed_across_pages() -> None:
    from syncerr_gui.demo_org import DemoConfig, DemoOrg

    config = DemoConfig(record_errors=300, bulk2_jobs=25, classic_jobs=3, apex_jobs=2, page_size=4)
    with DemoOrg(config) as org:
        _, result = sync(org)
        pages = [p for m, p in org.request_log if "queryLocator" in p]
        assert len(pages) >= 6
        assert len([j for j in result.jobs if j.source == SOURCE_BULK2]) == 25
        assert rows(result.frame, result.details) == rows(org.truth.errors_with_details(EVERYTHING))


def test_progress_reports_jobs_and_rows_until_done(demo_org) -> None:
    reports: list[SyncProgress] = []
    engine = SyncEngine(connect(demo_org))
    result = engine.run(SyncOptions(since=EVERYTHING, max_workers=2), progress=reports.append)
    assert reports[0].phase == "Listing jobs" and reports[-1].phase == "Done"
    assert reports[-1].jobs_done == reports[-1].jobs_total > 0
    assert reports[-1].rows == len(result.frame)
    assert [r.jobs_done for r in reports] == sorted(r.jobs_done for r in reports)
    assert result.api_usage is not None and result.api_usage[1] == 15000
    assert result.requests_made >= reports[-1].jobs_total


def test_a_deleted_job_is_a_problem_and_the_others_are_kept(fresh_org) -> None:
    victim = bulk2_job_with_errors(fresh_org)
    truth, details = fresh_org.truth.errors_with_details(EVERYTHING)
    fresh_org.delete_job(victim)
    _, result = sync(fresh_org)
    assert [(p.source, p.job_id) for p in result.problems] == [(SOURCE_BULK2, victim)]
    assert "deleted" in result.problems[0].reason and "404" in result.problems[0].reason
    assert rows(result.frame, result.details) == rows(truth[truth["job_id"] != victim], details)


def test_a_503_that_clears_is_retried_and_nothing_is_lost(fresh_org) -> None:
    fresh_org.fail_next("failedResults", status=503, times=2)
    _, result = sync(fresh_org)
    assert not result.problems
    assert rows(result.frame, result.details) == rows(fresh_org.truth.errors_with_details(EVERYTHING))


def test_a_503_forever_is_a_problem_not_a_crash(fresh_org) -> None:
    victim = bulk2_job_with_errors(fresh_org)
    fresh_org.fail_next(f"{victim}/failedResults", status=503, times=100)
    _, result = sync(fresh_org)
    assert [p.job_id for p in result.problems] == [victim]
    assert "503" in result.problems[0].reason and "tried 3 times" in result.problems[0].reason
    truth, details = fresh_org.truth.errors_with_details(EVERYTHING)
    kept = truth[(truth["job_id"] != victim) | (truth["failed_on"] == JOB_LEVEL)]
    assert rows(result.frame, result.details) == rows(kept, details)


def test_a_malformed_result_file_is_a_problem_for_that_job(fresh_org) -> None:
    victim = bulk2_job_with_errors(fresh_org)
    broken = b'"sf__Id","sf__Error"\n"","unterminated\n'
    fresh_org.fail_next(f"{victim}/failedResults", status=200, body=broken)
    _, result = sync(fresh_org)
    assert [p.job_id for p in result.problems] == [victim]
    assert "not a readable CSV" in result.problems[0].reason
    assert victim not in set(result.frame.loc[result.frame["failed_on"] == RECORD_LEVEL, "job_id"])


def test_an_expired_session_is_renewed_once_and_the_sync_completes(fresh_org) -> None:
    calls: list[int] = []
    user = fresh_org.admin

    def reauthenticate() -> str:
        calls.append(1)
        token, _ = SalesforceLogin(
            username=user.username,
            password=user.password,
            security_token=user.security_token,
            scratch_url=fresh_org.instance_url,
            session=make_session(fresh_org.ca_path),
        )
        return token

    session = connect(fresh_org, renewer=reauthenticate)
    fresh_org.expire_sessions()
    result = SyncEngine(session).run(SyncOptions(since=EVERYTHING))
    assert calls == [1]
    assert session.token() != user.access_token
    assert not result.problems
    assert rows(result.frame, result.details) == rows(fresh_org.truth.errors_with_details(EVERYTHING))


def test_sessions_that_die_every_few_requests_still_finish_the_sync() -> None:
    """Four workers can use up a fresh token before one worker's retry goes out."""
    from syncerr_gui.demo_org import DemoConfig, DemoOrg

    config = DemoConfig(record_errors=300, bulk2_jobs=16, classic_jobs=2, apex_jobs=2, expire_tokens_after=5)
    with DemoOrg(config) as org:
        user = org.admin

        def reauthenticate() -> str:
            token, _ = SalesforceLogin(
                username=user.username,
                password=user.password,
                security_token=user.security_token,
                scratch_url=org.instance_url,
                session=make_session(org.ca_path),
            )
            return token

        result = SyncEngine(connect(org, renewer=reauthenticate), retry=FAST_RETRY).run(
            SyncOptions(since=EVERYTHING, max_workers=4)
        )
        assert not result.problems
        assert rows(result.frame, result.details) == rows(org.truth.errors_with_details(EVERYTHING))


def test_an_expired_session_without_renewal_is_a_sync_error_in_words(fresh_org) -> None:
    fresh_org.expire_sessions()
    with pytest.raises(SyncError) as caught:
        sync(fresh_org)
    message = str(caught.value)
    assert "session has expired" in message and "Log in again" in message
    assert fresh_org.admin.access_token not in message


def test_cancel_during_a_stalled_download_returns_promptly(fresh_org) -> None:
    fresh_org.stall_next("failedResults", 20)
    token = CancelToken()
    engine = SyncEngine(connect(fresh_org))
    timer = threading.Timer(0.5, token.cancel)
    timer.start()
    try:
        result = engine.run(SyncOptions(since=EVERYTHING), cancel=token)
    finally:
        timer.cancel()
    assert result.cancelled
    assert set(rows(result.frame, result.details)) <= set(
        rows(fresh_org.truth.errors_with_details(EVERYTHING))
    )


def test_jobs_already_archived_are_not_downloaded_again(fresh_org) -> None:
    victim = bulk2_job_with_errors(fresh_org)
    _, first = sync(fresh_org)
    stamp = next(j.system_modstamp for j in first.jobs if j.job_id == victim)
    _, second = sync(fresh_org, skip_jobs={victim: stamp})
    assert victim not in set(second.frame["job_id"])
    downloads = [p for _, p in fresh_org.request_log if f"{victim}/failedResults" in p]
    assert len(downloads) == 1
    assert next(j for j in second.jobs if j.job_id == victim).read is False


def test_every_row_keeps_one_key_per_job_across_syncs(demo_org) -> None:
    # The archive deduplicates on (job, batch, row_key): a key must be unique within its job
    # and the same row must get the same key on the next sync.
    _, first = sync(demo_org)
    _, second = sync(demo_org)
    key = ["source", "job_id", "batch_id", "row_key"]
    full = with_details(first.frame, first.details)
    assert not full.duplicated(key).any()
    records = full[full["failed_on"] == RECORD_LEVEL]
    assert records["row_key"].str.fullmatch(r"[0-9a-f]{16}:\d+|\d+").all()
    by_key = lambda r: sorted(
        map(tuple, with_details(r.frame, r.details)[key + ["input_row", "message"]].astype(str).to_numpy())
    )
    assert by_key(first) == by_key(second)


def test_sources_can_be_chosen(demo_org) -> None:
    _, result = sync(demo_org, sources=(SOURCE_APEX,))
    assert set(result.frame["source"].astype(str)) == {SOURCE_APEX}
    assert all(j.source == SOURCE_APEX for j in result.jobs)


def test_pipe_and_comma_answers_and_both_header_styles_are_read_right(demo_org) -> None:
    client = OrgClient(connect(demo_org))
    kinds: dict[tuple[str, str, bool], list[str]] = {}
    for job in Bulk2Reader(client, ()).list_jobs():
        if job["state"] not in ("JobComplete", "Failed", "Aborted"):
            continue
        body, _ = client.get(client.data_path(f"jobs/ingest/{job['id']}/failedResults/"))
        header = body.split(b"\n", 1)[0].decode()
        if header.count("sf__") and len(body) > len(header) + 1:
            delimiter = detect_delimiter(header)
            quoted = header.split(delimiter)[2].startswith('"')
            kinds.setdefault((job["columnDelimiter"], delimiter, quoted), []).append(job["id"])
    assert {("PIPE", "|"), ("PIPE", ",")} <= {(c, d) for c, d, _ in kinds}
    assert {True, False} <= {q for _, _, q in kinds}
    _, result = sync(demo_org)
    truth, details = demo_org.truth.errors_with_details(EVERYTHING)
    for jobs in kinds.values():
        got = result.frame[result.frame["job_id"].isin(jobs)]
        assert rows(got, result.details) == rows(truth[truth["job_id"].isin(jobs)], details)


def test_a_job_list_link_to_another_server_fails_the_sync_without_leaking_the_token(fresh_org) -> None:
    from syncerr_gui.demo_org import DemoConfig, DemoOrg

    with DemoOrg(DemoConfig(record_errors=10, bulk2_jobs=2, classic_jobs=1, apex_jobs=1)) as other:
        page = {
            "done": False,
            "records": [],
            "nextRecordsUrl": f"{other.instance_url}/services/data/v59.0/jobs/ingest?queryLocator=x",
        }
        fresh_org.fail_next("jobType=V2Ingest", status=200, body=json.dumps(page).encode())
        with pytest.raises(SyncError, match="another server"):
            sync(fresh_org)
        assert other.request_log == []


def test_default_window_starts_five_days_before_the_last_successful_sync() -> None:
    start = datetime(2026, 11, 20, 8, 30, tzinfo=UTC)
    assert default_since(start) == datetime(2026, 11, 15, 8, 30, tzinfo=UTC)
    now = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
    assert default_since(None, now=now) == datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
