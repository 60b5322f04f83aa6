"""Shared by the archive tests: a `SyncResult` as the engine returns it, for any frame."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pandas as pd

from syncerr_gui.core.frame.row_details import MemoryRowDetails, RowDetails
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
    details: RowDetails | None = None,
) -> SyncResult:
    """A SyncResult as the engine returns it, with one finished, read job per job id of `frame`.

    Without `details`: each row's key is its row id, its input row a fixed one.
    """
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
        details=details if details is not None else numbered_details(frame),
    )


def numbered_details(frame: pd.DataFrame) -> MemoryRowDetails:
    """Details where row id n has the key "n" and one fixed input row (what synthetic frames get)."""
    ids = frame["row_id"].to_numpy()
    size = int(ids.max()) + 1 if len(ids) else 0
    keys = [str(n) for n in range(size)]
    return MemoryRowDetails.of(keys, ['{"LastName": "Nguyễn", "Company": "=cmd"}'] * size)
