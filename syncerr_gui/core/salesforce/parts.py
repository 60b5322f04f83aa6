"""What a reader hands the sync for one job: its rows (`FramePart`) and a summary (`JobSummary`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pyarrow as pa

DEFAULT_SOURCE_ID_COLUMNS = ("Marketo_Lead_ID__c", "mkto71_Lead_Id__c", "External_Id__c", "Source_Id__c")


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
