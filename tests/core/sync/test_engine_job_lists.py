"""Job lists over a real link: reads start per page, and a list that breaks off keeps what it listed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pandas as pd
import pytest

from syncerr_gui.core.auth.session import OrgSession
from syncerr_gui.core.exceptions import SyncError
from syncerr_gui.core.frame.schema import SOURCE_BULK2
from syncerr_gui.core.salesforce.client import RetryPolicy
from syncerr_gui.core.salesforce.http import make_session
from syncerr_gui.core.sync.engine import SyncEngine, SyncOptions, SyncProgress
from syncerr_gui.demo_org import DemoConfig, DemoOrg

EVERYTHING = datetime(2000, 1, 1, tzinfo=UTC)
FAST_RETRY = RetryPolicy(tries=3, base_delay=0.05, max_delay=0.2)
KEY = [
    "failed_on",
    "failed_at",
    "error_type",
    "message",
    "fields",
    "object",
    "salesforce_id",
    "job_id",
    "batch_id",
]
KEY += ["source", "created_by"]


def connect(org: DemoOrg) -> OrgSession:
    return OrgSession(org.instance_url, org.admin.access_token, make_session(org.ca_path))


def rows(frame: pd.DataFrame) -> list[tuple[str, ...]]:
    """The frame's key columns as sorted tuples (the order of rows is not a contract)."""
    text = frame[KEY].copy()
    text["failed_at"] = text["failed_at"].dt.strftime("%Y-%m-%dT%H:%M:%S")
    return sorted(map(tuple, text.astype("str").to_numpy().tolist()))


@pytest.fixture()
def paged_org() -> Iterator[DemoOrg]:
    """Twenty Bulk 2.0 jobs listed five a page."""
    config = DemoConfig(record_errors=400, bulk2_jobs=20, classic_jobs=2, apex_jobs=2, page_size=5)
    with DemoOrg(config) as org:
        yield org


def _sync(org: DemoOrg, progress=None):
    return SyncEngine(connect(org), retry=FAST_RETRY).run(SyncOptions(since=EVERYTHING), progress=progress)


def test_a_last_page_naming_another_host_keeps_every_listed_job_and_names_the_problem(paged_org) -> None:
    with DemoOrg(DemoConfig(record_errors=10, bulk2_jobs=1, classic_jobs=0, apex_jobs=0)) as other:
        port = other.instance_url.rsplit(":", 1)[1]
        paged_org.point_last_job_page_at(f"https://localhost:{port}")
        result = _sync(paged_org)
        assert other.request_log == []  # the token never went there
    assert rows(result.frame) == rows(paged_org.truth.errors(EVERYTHING))  # every listed job was read
    [problem] = result.problems
    assert problem.source == SOURCE_BULK2 and problem.job_id == ""
    assert "Could not list every Bulk API 2.0 job" in problem.reason
    assert "another server (localhost)" in problem.reason and "20 jobs listed" in problem.reason


def test_a_malformed_later_page_keeps_the_jobs_of_the_pages_before(paged_org) -> None:
    paged_org.fail_next("queryLocator", status=200, times=1, body=b"{not json")
    result = _sync(paged_org)
    [problem] = result.problems
    assert "not valid JSON" in problem.reason and "5 jobs listed" in problem.reason
    listed = {job.job_id for job in result.jobs if job.source == SOURCE_BULK2}
    assert len(listed) == 5
    assert set(result.frame["job_id"].astype(str)) - {""} <= listed | _other_sources(result)


def test_a_page_that_fails_after_retries_keeps_the_jobs_before(paged_org) -> None:
    paged_org.fail_next("queryLocator", status=503, times=10)
    result = _sync(paged_org)
    [problem] = result.problems
    assert "unavailable" in problem.reason and "tried 3 times" in problem.reason


def test_a_list_that_yields_nothing_is_a_whole_sync_failure(paged_org) -> None:
    paged_org.fail_next("jobType=V2Ingest", status=200, times=1, body=b"{not json")
    with pytest.raises(SyncError, match="Could not list the org's Bulk API 2.0 jobs"):
        _sync(paged_org)


def test_jobs_are_read_while_the_list_still_arrives_and_progress_says_at_least(paged_org) -> None:
    paged_org.stall_next("queryLocator", seconds=1.5)  # the second page is slow to come
    reports: list[SyncProgress] = []
    result = _sync(paged_org, progress=reports.append)
    early = [r for r in reports if not r.total_final and r.jobs_done > 0]
    assert early, "no job was read before the list was complete"
    assert "of at least" in early[0].jobs_text()
    totals = [r.jobs_total for r in reports]
    assert totals == sorted(totals)  # the total only grows
    assert reports[-1].total_final and reports[-1].jobs_done == reports[-1].jobs_total
    assert not result.problems


def _other_sources(result) -> set[str]:
    return {job.job_id for job in result.jobs if job.source != SOURCE_BULK2}
