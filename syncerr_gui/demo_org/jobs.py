"""Metadata of the demo org's jobs: plain frozen records, built once at start-up."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

logger = logging.getLogger(__name__)

FINISHED_STATES = ("JobComplete", "Failed", "Aborted")


@dataclass(frozen=True)
class Bulk2Job:
    """A Bulk API 2.0 ingest job; its CSV bodies are generated on demand from `index`."""

    index: int
    id: str
    operation: str
    object: str
    created_by: str
    created: datetime
    modstamp: datetime
    state: str
    api_version: float
    line_ending: str
    column_delimiter: str  # as the job was created: COMMA or PIPE
    answer_delimiter: str  # what failedResults answers with: "," or "|"
    header_quoted: bool
    columns: tuple[str, ...]
    external_id: str | None
    error_message: str | None
    failed: int
    processed: int
    unprocessed: int
    job_type: str = "V2Ingest"
    error_text: str | None = None  # every failed row carries this sf__Error (a test's new cause)

    @property
    def finished(self) -> bool:
        """Whether the job reached a final state (only those have results to read)."""
        return self.state in FINISHED_STATES

    @property
    def upload_delimiter(self) -> str:
        """The delimiter of the data as uploaded."""
        return "|" if self.column_delimiter == "PIPE" else ","


@dataclass(frozen=True)
class ClassicBatch:
    """A Bulk API 1.0 batch: `rows` input rows, `failed` of them failed."""

    index: int
    id: str
    state: str
    state_message: str | None
    rows: int
    failed: int
    created: datetime
    modstamp: datetime


@dataclass(frozen=True)
class ClassicJob:
    """A Bulk API 1.0 CSV job and its batches."""

    index: int
    id: str
    operation: str
    object: str
    created_by: str
    created: datetime
    modstamp: datetime
    state: str
    api_version: float
    header_quoted: bool
    columns: tuple[str, ...]
    external_id: str | None
    batches: tuple[ClassicBatch, ...]
    job_type: str = "Classic"

    @property
    def failed(self) -> int:
        """Failed records over all batches."""
        return sum(b.failed for b in self.batches)

    @property
    def processed(self) -> int:
        """Processed records over all batches (NotProcessed/Failed batches process none)."""
        return sum(b.rows for b in self.batches if b.state == "Completed")


@dataclass(frozen=True)
class ApexJob:
    """An AsyncApexJob row."""

    id: str
    class_id: str
    class_name: str
    job_type: str
    status: str
    extended_status: str | None
    number_of_errors: int
    items_processed: int
    total_items: int
    created: datetime
    completed: datetime
    created_by: str

    @property
    def has_errors(self) -> bool:
        """Whether the Apex query of the app selects this row."""
        return self.status in ("Failed", "Aborted") or self.number_of_errors > 0
