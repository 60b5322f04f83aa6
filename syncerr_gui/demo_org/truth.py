"""Ground truth: every error the demo org holds, as the app's error frame and its row details.

Built from the same generators the endpoints serve (and the reload jobs created through the
API, with the rows that failed in them), then mapped with the rules of
docs/ARCHITECTURE.md, so a correct sync must reproduce it on the key columns (and the
input rows, which sit beside the frame in a `MemoryRowDetails`, like a sync's).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from syncerr_gui.core.frame.row_details import MemoryRowDetails
from syncerr_gui.core.frame.schema import (
    JOB_LEVEL,
    RECORD_LEVEL,
    SOURCE_APEX,
    SOURCE_BULK1,
    SOURCE_BULK2,
    concat_frames,
    make_frame,
)
from syncerr_gui.core.salesforce.job_codes import code_from_words, without_words
from syncerr_gui.demo_org.jobs import Bulk2Job, ClassicJob
from syncerr_gui.demo_org.records import JobRows
from syncerr_gui.demo_org.state import OrgState
from syncerr_gui.demo_org.truth_rows import record_columns, split_sf_error

logger = logging.getLogger(__name__)

__all__ = ["DEFAULT_SOURCE_ID_COLUMNS", "DemoTruth", "job_error_type", "split_sf_error"]

DEFAULT_SOURCE_ID_COLUMNS = ("Marketo_Lead_ID__c", "mkto71_Lead_Id__c", "External_Id__c", "Source_Id__c")
_LEADING_ID = re.compile(r"^\s*([A-Za-z][A-Za-z0-9_]*)\s*:")
_STATUS_CODE = re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b")
_SHARED = (
    "failed_at",
    "object",
    "operation",
    "created_by",
    "job_id",
    "batch_id",
    "source",
    "external_id_field",
)


def job_error_type(message: str, state: str) -> str:
    """The leading `Identifier :` of a job-level message, else the code its words name, else
    the code of a job that failed or was aborted without words."""
    found = _LEADING_ID.match(message)
    return found[1] if found else (code_from_words(message) or without_words(state))


class _RecordParts:
    """Record-level columns of many jobs, joined into one frame at the end (cheap at 1M rows)."""

    def __init__(self) -> None:
        self.columns: list[dict[str, pa.Array]] = []
        self.shared: list[dict[str, Any]] = []

    def add(self, columns: dict[str, pa.Array], shared: dict[str, Any]) -> None:
        if len(columns["row_key"]):
            self.columns.append(columns)
            self.shared.append(shared)

    def frame(self) -> tuple[pd.DataFrame, list[str], list[str]]:
        """The record-level rows, their row keys and input rows."""
        if not self.columns:
            return make_frame({}, length=0), [], []
        counts = [len(c["row_key"]) for c in self.columns]
        data: dict[str, Any] = {
            name: pd.Series(pa.concat_arrays([c[name] for c in self.columns]).to_pandas(), dtype="str")
            for name in self.columns[0]
        }
        keys, inputs = data.pop("row_key").tolist(), data.pop("input_row").tolist()
        for name in _SHARED:
            values = np.array([s[name] for s in self.shared], dtype=object)
            data[name] = np.repeat(values, counts)
        stamps = np.array([s["failed_at"].replace(tzinfo=None) for s in self.shared], dtype="datetime64[s]")
        data["failed_at"] = pd.to_datetime(np.repeat(stamps, counts), utc=True)
        return make_frame({**data, "failed_on": RECORD_LEVEL}, length=sum(counts)), keys, inputs


class DemoTruth:
    """`errors(since)` -> error frame of every error the org holds (deleted jobs excluded);
    `errors_with_details(since)` also gives each row's row key and input row."""

    def __init__(self, state: OrgState) -> None:
        self.state = state

    def errors(self, since: datetime | None = None) -> pd.DataFrame:
        """All job-level and record-level errors of jobs finished at or after `since` (naive = UTC)."""
        return self.errors_with_details(since)[0]

    def errors_with_details(self, since: datetime | None = None) -> tuple[pd.DataFrame, MemoryRowDetails]:
        """`errors(since)` and the row keys and input rows of its rows (by row id)."""
        if since is not None and since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        records = _RecordParts()
        job_rows: list[dict[str, Any]] = []
        self._bulk2(since, records, job_rows)
        self._bulk1(since, records, job_rows)
        job_frame = make_frame(
            {k: [r.get(k, "") for r in job_rows] for k in (*_SHARED, "failed_on", "message", "error_type")},
            length=len(job_rows),
        )
        record_frame, record_keys, record_inputs = records.frame()
        apex = self._apex(since)
        keys = [r["row_key"] for r in job_rows] + record_keys + ["job"] * len(apex)
        inputs = [""] * len(job_rows) + record_inputs + [""] * len(apex)
        frame = concat_frames([job_frame, record_frame, apex])
        frame["row_id"] = np.arange(len(frame), dtype=np.int64)
        return frame, MemoryRowDetails.of(keys, inputs)

    def _in_window(self, job_id: str, when: datetime, since: datetime | None) -> bool:
        return not self.state.is_deleted(job_id) and (since is None or since <= when)

    def _bulk2(self, since: datetime | None, records: _RecordParts, job_rows: list[dict[str, Any]]) -> None:
        catalog = [(job, self.state.factory.bulk2_failed_rows) for job in self.state.catalog.bulk2]
        reloads = [(job, _given(rows)) for job, rows in self.state.reload_rows()]
        for job, failed_rows in [*catalog, *reloads]:
            if not job.finished or not self._in_window(job.id, job.modstamp, since):
                continue
            shared = _shared(job, SOURCE_BULK2, "")
            if job.state in ("Failed", "Aborted"):
                message = job.error_message or job.state
                job_rows.append(
                    {
                        **shared,
                        "failed_on": JOB_LEVEL,
                        "message": message,
                        "row_key": "job",
                        "error_type": job_error_type(message, job.state),
                        "job_state": job.state,
                    }
                )
            if job.failed > 0:
                rows = failed_rows(job)
                records.add(
                    record_columns(rows, np.ones(len(rows), dtype=bool), _source_column(job), bulk2=True),
                    shared,
                )

    def _bulk1(self, since: datetime | None, records: _RecordParts, job_rows: list[dict[str, Any]]) -> None:
        for job in self.state.catalog.classic:
            if not self._in_window(job.id, job.modstamp, since):
                continue
            for batch in job.batches:
                shared = _shared(job, SOURCE_BULK1, batch.id)
                if batch.state == "Failed":
                    message = batch.state_message or "Failed"
                    job_rows.append(
                        {
                            **shared,
                            "failed_on": JOB_LEVEL,
                            "message": message,
                            "row_key": "batch",
                            "error_type": job_error_type(message, "Failed"),
                            "job_state": "Failed",
                        }
                    )
                elif batch.failed > 0:
                    rows = self.state.factory.classic_rows(job, batch)
                    records.add(record_columns(rows, ~rows.success, _source_column(job), bulk2=False), shared)

    def _apex(self, since: datetime | None) -> pd.DataFrame:
        jobs = [
            j for j in self.state.catalog.apex if j.has_errors and self._in_window(j.id, j.completed, since)
        ]
        types = []
        for job in jobs:
            found = _STATUS_CODE.search(job.extended_status or "")
            words = code_from_words(job.extended_status or "") or without_words(job.status)
            types.append(found[0] if found else words)
        return make_frame(
            {
                "failed_on": JOB_LEVEL,
                "failed_at": [j.completed for j in jobs],
                "error_type": types,
                "message": [j.extended_status or j.status for j in jobs],
                "job_state": [j.status for j in jobs],
                "object": [j.class_name for j in jobs],
                "operation": [j.job_type for j in jobs],
                "job_id": [j.id for j in jobs],
                "source": SOURCE_APEX,
                "created_by": [j.created_by for j in jobs],
            },
            length=len(jobs),
        )


def _given(rows: JobRows) -> Callable[[Bulk2Job], JobRows]:
    return lambda job: rows


def _shared(job: Bulk2Job | ClassicJob, source: str, batch_id: str) -> dict[str, Any]:
    return {
        "failed_at": job.modstamp,
        "object": job.object,
        "operation": job.operation,
        "created_by": job.created_by,
        "job_id": job.id,
        "batch_id": batch_id,
        "source": source,
        "external_id_field": job.external_id or "",
    }


def _source_column(job: Bulk2Job | ClassicJob) -> str | None:
    """The job's external-ID column if present, else the first default source-ID column present."""
    if job.external_id and job.external_id in job.columns:
        return job.external_id
    return next((c for c in DEFAULT_SOURCE_ID_COLUMNS if c in job.columns), None)
