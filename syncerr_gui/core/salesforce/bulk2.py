"""Bulk API 2.0 reader: read each finished ingest job's info and failed rows.

The paged job list, the time window and the mapping of failed CSV rows into error-frame
rows are shared with the Bulk 1.0 reader and live in `jobs.py`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from typing import Any

from syncerr_gui.core.exceptions import RequestFailed
from syncerr_gui.core.frame.schema import SOURCE_BULK2
from syncerr_gui.core.salesforce.client import OrgClient
from syncerr_gui.core.salesforce.jobs import (
    FINISHED_STATES,
    checked_job_id,
    column_text,
    ingest_job_pages,
    job_columns,
    job_level_part,
    list_ingest_jobs,
    record_part,
    summary_of,
)
from syncerr_gui.core.salesforce.parts import FramePart, JobOutcome
from syncerr_gui.core.salesforce.results_csv import read_result_table
from syncerr_gui.core.words import say

logger = logging.getLogger(__name__)


class Bulk2Reader:
    """Reads Bulk API 2.0 ingest jobs into error-frame parts."""

    source = SOURCE_BULK2

    def __init__(self, client: OrgClient, source_id_columns: Sequence[str]) -> None:
        self._client = client
        self._source_id_columns = tuple(source_id_columns)

    def list_jobs(self) -> list[dict[str, Any]]:
        """Every Bulk 2.0 ingest job Salesforce still holds (all states)."""
        return list_ingest_jobs(self._client, "V2Ingest")

    def job_pages(self) -> Iterator[list[dict[str, Any]]]:
        """The same jobs a page at a time, as they arrive (`jobs.ingest_job_pages`)."""
        return ingest_job_pages(self._client, "V2Ingest")

    @staticmethod
    def is_finished(job: dict[str, Any]) -> bool:
        """Whether the job reached a final state (JobComplete, Failed, Aborted)."""
        return job.get("state") in FINISHED_STATES

    @classmethod
    def is_readable(cls, job: dict[str, Any]) -> bool:
        """Only finished jobs have results to read."""
        return cls.is_finished(job)

    def read_job(self, listed: dict[str, Any]) -> JobOutcome:
        """The job-level row (Failed/Aborted) and every failed record of one finished job."""
        job_id = checked_job_id(listed.get("id"))
        info = self._client.get_json(self._client.data_path(f"jobs/ingest/{job_id}"))
        if not isinstance(info, dict):
            raise RequestFailed(say("Salesforce sent a malformed answer about this job (not an object)."))
        job = {**listed, **info, "id": job_id}
        shared = job_columns(job, self.source)
        state = str(job.get("state") or "")
        parts: list[FramePart] = []
        if state in ("Failed", "Aborted"):
            parts.append(job_level_part(shared, job.get("errorMessage"), state, "job"))
        if state in FINISHED_STATES and _may_have_failures(job.get("numberRecordsFailed")):
            parts.extend(self._failed_records(job_id, job, shared))
        rows = sum(p.length for p in parts)
        return JobOutcome(
            parts, [summary_of(job, self.source, finished=state in FINISHED_STATES, rows=rows, read=True)]
        )

    def _failed_records(self, job_id: str, job: dict[str, Any], shared: dict[str, Any]) -> list[FramePart]:
        body, _ = self._client.get(
            self._client.data_path(f"jobs/ingest/{job_id}/failedResults/"), accept="text/csv"
        )
        table = read_result_table(body)
        del body
        if not table.num_rows:
            return []
        names = table.column_names
        if "sf__Error" not in names:
            raise ValueError(say("Salesforce sent failed results without an sf__Error column."))
        ids = column_text(table, "sf__Id") if "sf__Id" in names else ""
        inputs = [c for c in names if c not in ("sf__Id", "sf__Error")]
        external = str(job.get("externalIdFieldName") or "")
        return [
            record_part(
                shared,
                column_text(table, "sf__Error"),
                ids,
                table,
                inputs,
                external,
                self._source_id_columns,
                None,
            )
        ]


def _may_have_failures(count: Any) -> bool:
    """`numberRecordsFailed` > 0, or absent/unreadable (then read to be sure)."""
    if count is None:
        return True
    try:
        return float(count) > 0
    except (TypeError, ValueError):
        return True
