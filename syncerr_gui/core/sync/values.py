"""What one sync is asked (`SyncOptions`) and what it reports (progress, problems, result).

They live apart from `engine.py` so the archive and the interfaces can name them without
importing the engine; `engine.py` re-exports them.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType

import pandas as pd

from syncerr_gui.core.frame.row_details import NO_DETAILS, RowDetails
from syncerr_gui.core.frame.schema import SOURCES
from syncerr_gui.core.salesforce.concurrency import CEILING
from syncerr_gui.core.salesforce.parts import DEFAULT_SOURCE_ID_COLUMNS, JobSummary
from syncerr_gui.core.words import say

logger = logging.getLogger(__name__)

# Words (equal to the English str): compared as names, and shown in the window's language
PHASE_LISTING = say("Listing jobs")
PHASE_READING = say("Reading jobs")
PHASE_DONE = say("Done")


@dataclass(frozen=True)
class SyncOptions:
    """What one sync reads. `since=None` means the seed rule of `time_window.default_since`."""

    since: datetime | None = None
    until: datetime | None = None
    last_success_start: datetime | None = None
    sources: tuple[str, ...] = SOURCES
    source_id_columns: tuple[str, ...] = DEFAULT_SOURCE_ID_COLUMNS
    # the most requests in flight at once: the ceiling of the adaptive limit (concurrency.py)
    max_workers: int = CEILING
    # job_id -> systemModstamp of finished jobs the archive already holds: not downloaded again.
    skip_jobs: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class SyncProgress:
    """A progress report; `phase` is one of "Listing jobs", "Reading jobs", "Done".

    Jobs are read while their lists still arrive, so `jobs_total` can grow: until
    `total_final` it is a lower bound ("12 of at least 400 jobs").
    """

    jobs_done: int
    jobs_total: int
    rows: int
    phase: str
    total_final: bool = True

    def jobs_text(self) -> str:
        """`12/400 jobs`, or `12 of at least 400 jobs` while the total may still grow."""
        if self.total_final:
            return say("{done:,}/{total:,} jobs", done=self.jobs_done, total=self.jobs_total)
        return say("{done:,} of at least {total:,} jobs", done=self.jobs_done, total=self.jobs_total)


@dataclass(frozen=True)
class SyncProblem:
    """One job that could not be read (or, with `job_id` "", a job list that broke off; with
    `source` "" too, a note on the whole sync: a window clamped to now, the API limit used
    up); `reason` is a sentence for the user."""

    source: str
    job_id: str
    reason: str


@dataclass
class SyncResult:
    """Everything one sync produced, also when cancelled (then with what was complete).

    `details`: the input row and row key of each row of `frame`, by its `row_id`.
    `older_jobs`: Bulk jobs listed but last changed before the window (`since`) and not in
    the archive, so not read: their errors, if any, show only after a sync from earlier.
    `unread_jobs`: (source, job id) of the jobs not read because the org's daily API limit
    was used up (Apex: job id ""); such a sync is not complete, so the next one reads them.
    """

    frame: pd.DataFrame
    problems: list[SyncProblem]
    jobs: list[JobSummary]
    since: datetime
    until: datetime | None
    started_at: datetime
    finished_at: datetime
    cancelled: bool
    api_usage: tuple[int, int] | None
    requests_made: int
    details: RowDetails = field(default=NO_DETAILS)
    older_jobs: int = 0
    unread_jobs: list[tuple[str, str]] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """Neither cancelled nor cut short by the API limit: the next window may start after it."""
        return not self.cancelled and not self.unread_jobs
