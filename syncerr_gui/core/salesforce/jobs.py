"""What the Bulk 2.0 and 1.0 readers share: the paged job list, the window, rows from jobs.

Both APIs are listed through `jobs/ingest`; their failed CSV rows become error-frame rows by
the same rules (mapping rules in docs/ARCHITECTURE.md).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

import pandas as pd
import pyarrow as pa

from syncerr_gui.core.exceptions import RequestFailed
from syncerr_gui.core.frame.schema import JOB_LEVEL, RECORD_LEVEL
from syncerr_gui.core.salesforce.client import OrgClient
from syncerr_gui.core.salesforce.input_json import input_rows_arrow
from syncerr_gui.core.salesforce.job_codes import bulk_job_code
from syncerr_gui.core.salesforce.parts import FramePart, JobSummary
from syncerr_gui.core.words import say

logger = logging.getLogger(__name__)

MAX_PAGES = 10_000
FINISHED_STATES = ("JobComplete", "Failed", "Aborted")
JOB_ID = re.compile(r"^[A-Za-z0-9]{15,18}$")


def ingest_job_pages(client: OrgClient, job_type: str) -> Iterator[list[dict[str, Any]]]:
    """The jobs of `job_type` (V2Ingest or Classic) a page at a time, following `nextRecordsUrl`.

    A page is handed on as soon as it arrives, so its jobs can be read while the next page
    loads. A page that cannot be followed or read (a link to another host, malformed JSON, a
    locator that comes back, a failure after retries, more than MAX_PAGES pages) raises
    `RequestFailed` in words; the pages already yielded stay good.
    """
    target: str | None = client.data_path(f"jobs/ingest?jobType={job_type}")
    seen: set[str] = set()
    for _ in range(MAX_PAGES):
        if target is None:
            return
        if target in seen:
            raise RequestFailed(
                say("Salesforce sent the same job-list page twice, so the list was ended there.")
            )
        seen.add(target)
        page = client.get_json(target)
        if not isinstance(page, dict) or not isinstance(page.get("records", []), list):
            raise RequestFailed(say("Salesforce sent a malformed job list (no records)."))
        yield [r for r in page.get("records") or [] if isinstance(r, dict)]
        next_url = page.get("nextRecordsUrl")
        target = next_url if isinstance(next_url, str) and next_url and not page.get("done") else None
    if target is not None:
        raise RequestFailed(
            say("The job list was longer than {pages:,} pages; the rest was not read.", pages=MAX_PAGES)
        )


def list_ingest_jobs(client: OrgClient, job_type: str) -> list[dict[str, Any]]:
    """Every job of `job_type` at once (the pages of `ingest_job_pages` joined)."""
    return [job for page in ingest_job_pages(client, job_type) for job in page]


def in_window(modstamps: Sequence[str], since: datetime, until: datetime | None) -> list[bool]:
    """Whether each job's systemModstamp lies in [since, until] (unparsable: no)."""
    times = pd.to_datetime(
        pd.Series(list(modstamps), dtype="object"), utc=True, errors="coerce", format="ISO8601"
    )
    inside = times >= pd.Timestamp(since)
    if until is not None:
        inside &= times <= pd.Timestamp(until)
    flags: list[bool] = inside.fillna(False).astype(bool).tolist()
    return flags


def checked_job_id(value: Any) -> str:
    """A job id fit to put in a URL path (a hostile list could name `../..`)."""
    text = str(value or "")
    if not JOB_ID.match(text):
        raise RequestFailed(say("Salesforce listed a job with an invalid id; it was skipped."))
    return text


def summary_of(
    job: dict[str, Any], source: str, *, finished: bool, rows: int = 0, read: bool = False
) -> JobSummary:
    """A JobSummary from a job's list entry or info."""
    return JobSummary(
        job_id=str(job.get("id") or ""),
        source=source,
        state=str(job.get("state") or ""),
        system_modstamp=str(job.get("systemModstamp") or ""),
        finished=finished,
        object=str(job.get("object") or ""),
        operation=str(job.get("operation") or ""),
        error_rows=rows,
        read=read,
    )


def job_columns(job: dict[str, Any], source: str) -> dict[str, Any]:
    """The columns every row of a job shares."""
    return {
        "failed_at": pd.Timestamp(str(job.get("systemModstamp") or ""))
        if job.get("systemModstamp")
        else pd.NaT,
        "object": str(job.get("object") or ""),
        "operation": str(job.get("operation") or ""),
        "created_by": str(job.get("createdById") or ""),
        "job_id": str(job.get("id") or ""),
        "source": source,
        "external_id_field": str(job.get("externalIdFieldName") or ""),
    }


def job_level_part(
    shared: dict[str, Any], message: str | None, state: str, row_key: str, batch_id: str = ""
) -> FramePart:
    """One job-level row: the code from the message (`job_codes.bulk_job_code`)."""
    error_type = bulk_job_code(message, state)
    return FramePart(
        1,
        {
            **shared,
            "failed_on": JOB_LEVEL,
            "error_type": error_type,
            "message": str(message or state),
            "batch_id": batch_id,
            "job_state": state,
            "row_key": row_key,
        },
    )


def record_part(
    shared: dict[str, Any],
    errors: pa.Array,
    ids: pa.Array | str,
    rows: pa.Table,
    inputs: list[str],
    external_id: str,
    source_id_columns: Sequence[str],
    row_keys: pa.Array | None,
    batch_id: str = "",
) -> FramePart:
    """Record-level rows from aligned error texts, record ids and the `inputs` columns of `rows`.

    All texts are large_string Arrow arrays without nulls (as `read_result_table` gives).
    The error texts are split (and row keys hashed, when not given) for many jobs at once
    by the engine's FrameBuilder.
    """
    values = {
        **shared,
        "failed_on": RECORD_LEVEL,
        "salesforce_id": ids,
        "batch_id": batch_id,
        "input_row": input_rows_arrow(rows, inputs),
        "source_id": source_ids(rows, inputs, external_id, source_id_columns),
    }
    if row_keys is not None:
        values["row_key"] = row_keys
    return FramePart(len(errors), values, errors=errors)


def source_ids(
    rows: pa.Table, inputs: list[str], external_id: str, candidates: Sequence[str]
) -> pa.Array | str:
    """The job's external-id column if present, else the first present candidate, else ""."""
    for name in ([external_id] if external_id else []) + list(candidates):
        if name in inputs:
            return column_text(rows, name)
    return ""


def column_text(table: pa.Table, name: str) -> pa.Array:
    """One column of a text table as a single large_string array."""
    column = table[name]
    return column.chunk(0) if column.num_chunks == 1 else column.combine_chunks()
