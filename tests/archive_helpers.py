"""Shared by the archive tests: a `SyncResult` as the engine returns it, for any frame."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pandas as pd

from syncerr_gui.core.salesforce.parts import JobSummary
from syncerr_gui.core.sync.values import SyncProblem, SyncResult


def stamp(moment: datetime) -> str:
    """A systemModstamp as Salesforce writes it."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000+0000")


def sync_of(
    frame: pd.DataFrame,
    *,
    cancelled: bool = False,
    problems: list[SyncProblem] | None = None,
    jobs: list[JobSummary] | None = None,
    started_at: datetime | None = None,
    since: datetime | None = None,
) -> SyncResult:
    """A SyncResult as the engine returns it, with one finished, read job per job id of `frame`."""
    if jobs is None:
        firsts = frame.drop_duplicates("job_id")
        jobs = [
            JobSummary(
                job_id=j,
                source=str(s),
                state="JobComplete",
                system_modstamp=stamp(t),
                finished=True,
                object=str(o),
                operation=str(op),
                error_rows=1,
                read=True,
            )
            for j, s, t, o, op in zip(
                firsts["job_id"], firsts["source"], firsts["failed_at"], firsts["object"], firsts["operation"]
            )
        ]
    started = started_at or datetime.now(UTC)
    return SyncResult(
        frame=frame,
        problems=problems or [],
        jobs=jobs,
        since=since or started - timedelta(days=7),
        until=None,
        started_at=started,
        finished_at=started + timedelta(seconds=5),
        cancelled=cancelled,
        api_usage=None,
        requests_made=3,
    )
