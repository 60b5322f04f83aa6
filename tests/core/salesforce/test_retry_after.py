"""429 and 503 answers: retried, waiting what `Retry-After` asks (capped, cancellable, counted)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from syncerr_gui.core.auth.session import OrgSession
from syncerr_gui.core.cancel import CancelToken, SyncCancelled
from syncerr_gui.core.exceptions import RequestFailed
from syncerr_gui.core.salesforce.client import OrgClient, RetryPolicy
from syncerr_gui.core.salesforce.concurrency import AdaptiveLimit
from syncerr_gui.core.salesforce.http import make_session
from syncerr_gui.core.salesforce.retry import retry_after_seconds

JOBS = "/services/data/v59.0/jobs/ingest"


class RecordingCancel(CancelToken):
    """A cancel token that records how long each backoff asked to wait, and waits no time."""

    def __init__(self) -> None:
        super().__init__()
        self.waits: list[float] = []

    def wait(self, seconds: float) -> bool:
        self.waits.append(seconds)
        return self.is_cancelled


def _client(org, cancel: CancelToken, tries: int = 3, limit: AdaptiveLimit | None = None) -> OrgClient:
    session = OrgSession(org.instance_url, org.admin.access_token, make_session(org.ca_path))
    policy = RetryPolicy(tries=tries, base_delay=0.01, max_delay=0.02, max_retry_after=30.0)
    return OrgClient(session, retry=policy, cancel=cancel, limit=limit)


def test_a_429_is_retried_after_the_seconds_it_asks_for(fresh_org) -> None:
    fresh_org.fail_next("jobs/ingest", status=429, times=1, headers={"Retry-After": "7"})
    cancel = RecordingCancel()
    page = _client(fresh_org, cancel).get_json(JOBS + "?jobType=V2Ingest")
    assert page["records"]  # the retry got the list
    assert cancel.waits == [7.0]


def test_a_retry_after_http_date_is_honoured(fresh_org) -> None:
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=20), usegmt=True)
    fresh_org.fail_next("jobs/ingest", status=503, times=1, headers={"Retry-After": when})
    cancel = RecordingCancel()
    _client(fresh_org, cancel).get_json(JOBS + "?jobType=V2Ingest")
    assert len(cancel.waits) == 1 and 15.0 <= cancel.waits[0] <= 20.0


def test_a_huge_retry_after_is_capped_and_counts_in_the_retry_budget(fresh_org) -> None:
    fresh_org.fail_next("jobs/ingest", status=429, times=5, headers={"Retry-After": "86400"})
    cancel = RecordingCancel()
    with pytest.raises(RequestFailed, match=r"fewer requests.*tried 3 times"):
        _client(fresh_org, cancel, tries=3).get_json(JOBS + "?jobType=V2Ingest")
    assert cancel.waits == [30.0, 30.0]  # capped; two waits between three tries


def test_cancel_ends_a_retry_after_wait_at_once(fresh_org) -> None:
    fresh_org.fail_next("jobs/ingest", status=429, times=1, headers={"Retry-After": "60"})
    cancel = CancelToken()
    threading.Timer(0.2, cancel.cancel).start()
    started = datetime.now(UTC)
    with pytest.raises(SyncCancelled):
        _client(fresh_org, cancel).get_json(JOBS + "?jobType=V2Ingest")
    assert datetime.now(UTC) - started < timedelta(seconds=30)  # not the 60 s asked for


def test_overload_answers_lower_the_requests_in_flight(fresh_org) -> None:
    limit = AdaptiveLimit(ceiling=24, start=16)
    fresh_org.fail_next("jobs/ingest", status=429, times=1)
    _client(fresh_org, RecordingCancel(), limit=limit).get_json(JOBS + "?jobType=V2Ingest")
    assert limit.backoffs == 1 and limit.limit <= 9  # halved, then one healthy answer


def test_retry_after_values() -> None:
    now = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
    assert retry_after_seconds("120", now) == 120.0
    assert retry_after_seconds("Fri, 01 May 2026 12:00:30 GMT", now) == 30.0
    assert retry_after_seconds("Fri, 01 May 2026 11:00:00 GMT", now) == 0.0  # in the past: no wait
    assert retry_after_seconds("soon", now) is None and retry_after_seconds(None, now) is None
