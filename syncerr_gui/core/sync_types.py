"""Value types shared by the sync engine, its readers and its callers (Qt-free).

They live apart from `engine.py` so the request layer and the readers can raise and pass
them without importing the engine; `engine.py` re-exports them.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Any

import pandas as pd
import pyarrow as pa

from syncerr_gui.core.schema import SOURCES

logger = logging.getLogger(__name__)

DEFAULT_SOURCE_ID_COLUMNS = ("Marketo_Lead_ID__c", "mkto71_Lead_Id__c", "External_Id__c", "Source_Id__c")

PHASE_LISTING = "Listing jobs"
PHASE_READING = "Reading jobs"
PHASE_DONE = "Done"


@dataclass(frozen=True)
class SyncOptions:
    """What one sync reads. `since=None` means the seed rule of `time_window.default_since`."""

    since: datetime | None = None
    until: datetime | None = None
    last_success_start: datetime | None = None
    sources: tuple[str, ...] = SOURCES
    source_id_columns: tuple[str, ...] = DEFAULT_SOURCE_ID_COLUMNS
    max_workers: int = 4
    # job_id -> systemModstamp of finished jobs the archive already holds: not downloaded again.
    skip_jobs: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class SyncProgress:
    """A progress report; `phase` is one of "Listing jobs", "Reading jobs", "Done"."""

    jobs_done: int
    jobs_total: int
    rows: int
    phase: str


@dataclass(frozen=True)
class SyncProblem:
    """One job that could not be read; `reason` is a sentence for the user."""

    source: str
    job_id: str
    reason: str


@dataclass(frozen=True)
class JobSummary:
    """A listed job and what the sync did with it (the archive's incremental-sync input)."""

    job_id: str
    source: str
    state: str
    system_modstamp: str
    finished: bool
    object: str
    operation: str
    error_rows: int
    read: bool


@dataclass
class SyncResult:
    """Everything one sync produced, also when cancelled (then with what was complete)."""

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


@dataclass
class FramePart:
    """Rows of one job (or batch) before they join the error frame.

    `values` maps error-frame columns to `length` values (an Arrow string array or a
    Series), or to one value shared by every row (job id, object, failed_at...).
    `errors`, when set, holds the raw `sf__Error`/`Error` texts: the engine's FrameBuilder
    splits many parts' texts in one pass (and derives `row_key` from them when the part
    has none), because a thousand small per-job splits cost far more than a few big ones.
    """

    length: int
    values: dict[str, Any]
    errors: pa.Array | None = None


@dataclass
class JobOutcome:
    """What reading one job (or the Apex query) gave: its rows (possibly none) and summaries."""

    parts: list[FramePart]
    summaries: list[JobSummary]

    @property
    def rows(self) -> int:
        return sum(p.length for p in self.parts)


class SyncCancelled(Exception):
    """Raised inside the sync when the user cancelled; the engine turns it into a result."""


class SyncError(Exception):
    """The whole sync failed. `str()` is a sentence for the user and never holds a secret.

    `partial` carries what had been read before the failure, so nothing fetched is lost.
    """

    def __init__(self, message: str, partial: SyncResult | None = None) -> None:
        super().__init__(message)
        self.partial = partial


class SessionExpired(SyncError):
    """The session expired and could not be renewed: the user must log in again."""


class RequestFailed(SyncError):
    """One request failed for good (after retries). Readers turn it into a `SyncProblem`."""

    def __init__(self, message: str, status: int | None = None, error_code: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.error_code = error_code


class CancelToken:
    """A cooperative cancel flag shared by the caller and every worker of one sync."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the sync to stop; it returns within about a second."""
        self._event.set()

    @property
    def is_cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise SyncCancelled("The sync was cancelled.")

    def wait(self, seconds: float) -> bool:
        """Sleep up to `seconds`, waking early on cancel; True when cancelled."""
        return self._event.wait(seconds)
