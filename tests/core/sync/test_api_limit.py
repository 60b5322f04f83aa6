"""Issue 19, item 4: the org's daily API limit used up mid-sync, against the demo org over real
HTTPS. The limit is org-wide: the sync stops asking at the first refusal, keeps what it read,
says how many jobs it did not read, and the next sync through the archive reads exactly those."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from syncerr_gui.core.archive.incremental import ArchiveSync
from syncerr_gui.core.archive.store import ErrorArchive
from syncerr_gui.core.auth.session import OrgSession
from syncerr_gui.core.salesforce.client import RetryPolicy
from syncerr_gui.core.salesforce.http import make_session
from syncerr_gui.core.sync.engine import SyncEngine, SyncOptions

EVERYTHING = datetime(2000, 1, 1, tzinfo=UTC)
IN_FLIGHT = 4
_JOB_IN_PATH = re.compile(r"/(?:jobs/ingest|job)/([A-Za-z0-9]{15,18})(?:/|$|\?)")


def _engine(org) -> SyncEngine:
    session = OrgSession(org.instance_url, org.admin.access_token, make_session(org.ca_path))
    return SyncEngine(session, retry=RetryPolicy(tries=4, base_delay=0.05, max_delay=0.2))


def _jobs_asked(log: list[tuple[str, str]]) -> set[str]:
    return {m.group(1) for _, path in log if (m := _JOB_IN_PATH.search(path.split("?")[0]))}


def test_the_daily_limit_stops_the_sync_at_once_and_the_next_reads_exactly_the_rest(
    fresh_org, tmp_path: Path
) -> None:
    options = SyncOptions(since=EVERYTHING, max_workers=IN_FLIGHT)
    fresh_org.use_up_api_limit(after=12)
    with ErrorArchive.for_org(fresh_org.org_id, tmp_path) as archive:
        first = ArchiveSync(archive, _engine(fresh_org)).run(options)
        refused = fresh_org.refused_for_limit
        assert refused <= IN_FLIGHT + 2  # what was in flight at the first refusal, then no more asking
        unread = first.sync.unread_jobs
        assert unread and first.sync.frame is not None
        notes = [p.reason for p in first.sync.problems if not p.source]
        jobs = f"{len(unread):,} jobs" if len(unread) > 1 else "1 job"
        assert notes == [
            f"The org's daily API limit is used up: {jobs} not read; the next sync will read them."
        ]
        assert not [p for p in first.sync.problems if p.source]  # not one problem per refused job
        assert len(first.frame) < len(fresh_org.truth.errors(EVERYTHING))

        fresh_org.use_up_api_limit(None)  # the next day
        before = len(fresh_org.request_log)
        second = ArchiveSync(archive, _engine(fresh_org)).run(SyncOptions(max_workers=IN_FLIGHT))
        asked = _jobs_asked(fresh_org.request_log[before:])
    assert not second.sync.unread_jobs and not second.sync.problems
    assert asked == {job_id for _source, job_id in unread if job_id}
    assert len(second.frame) == len(fresh_org.truth.errors(EVERYTHING))
