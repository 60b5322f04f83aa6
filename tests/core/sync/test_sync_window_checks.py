"""Issue 19, items 1 and 2: a stored time that is impossible or later than now never decides
the window. Against the demo org over real HTTPS: the sync reads what the default window holds
and says what it did with the bad time."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest

from syncerr_gui.core.auth.session import OrgSession
from syncerr_gui.core.salesforce.client import RetryPolicy
from syncerr_gui.core.salesforce.http import make_session
from syncerr_gui.core.sync.engine import SyncEngine, SyncOptions
from syncerr_gui.core.time_window import default_since, plausible_time, sync_start

FAST_RETRY = RetryPolicy(tries=3, base_delay=0.05, max_delay=0.2)
NOW = datetime(2026, 12, 2, 4, 0, tzinfo=UTC)


def _engine(org) -> SyncEngine:
    session = OrgSession(org.instance_url, org.admin.access_token, make_session(org.ca_path))
    return SyncEngine(session, retry=FAST_RETRY)


@pytest.mark.parametrize(
    "stored",
    [
        datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC),
        datetime(1, 1, 1, tzinfo=UTC),
        datetime(1, 1, 1, tzinfo=UTC).replace(tzinfo=None),
    ],
)
def test_an_impossible_last_success_start_is_dropped_and_the_sync_reads_the_default_window(
    demo_org, stored: datetime, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        result = _engine(demo_org).run(SyncOptions(last_success_start=stored))
    assert abs((result.since - default_since(None)).total_seconds()) < 120
    assert len(result.frame) == len(demo_org.truth.errors(result.since))
    assert "Ignored the last successful sync's start" in caplog.text


def test_a_last_success_start_later_than_now_is_clamped_and_said(demo_org) -> None:
    ahead = datetime.now(UTC) + timedelta(days=20)  # a run with the clock 20 days ahead
    result = _engine(demo_org).run(SyncOptions(last_success_start=ahead))
    assert abs((result.since - default_since(None)).total_seconds()) < 120
    assert len(result.frame) == len(demo_org.truth.errors(result.since)) > 0
    notes = [p.reason for p in result.problems if not p.source]
    assert len(notes) == 1 and "later than now" in notes[0] and "was the clock ahead" in notes[0]


def test_a_window_start_in_the_future_is_clamped_and_said() -> None:
    start, note = sync_start(NOW + timedelta(days=3), None, NOW)
    assert start == NOW - timedelta(days=5)
    assert "The window's start (2026-12-05 04:00 UTC) is later than now" in note
    start, note = sync_start(NOW - timedelta(days=1), NOW + timedelta(days=30), NOW)
    assert (start, note) == (NOW - timedelta(days=1), "")  # the admin's own start wins


def test_plausible_time_takes_naive_as_utc_and_drops_the_rest(caplog: pytest.LogCaptureFixture) -> None:
    assert plausible_time(datetime(2026, 1, 2, 3, 4), "x") == datetime(2026, 1, 2, 3, 4, tzinfo=UTC)
    with caplog.at_level(logging.WARNING):
        assert plausible_time(datetime(2262, 1, 1, tzinfo=UTC), "the visit") is None
        assert plausible_time("2026-01-01", "the visit") is None
    assert caplog.text.count("Ignored the visit") == 2
