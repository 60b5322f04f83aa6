"""Wire shapes of jobs: Bulk 2.0 JSON (list entries and job info) and Bulk 1.0 XML."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any
from xml.sax.saxutils import escape

from syncerr_gui.demo_org.jobs import Bulk2Job, ClassicBatch, ClassicJob

logger = logging.getLogger(__name__)

ASYNC_NS = "http://www.force.com/2009/06/asyncapi/dataload"
Job = Bulk2Job | ClassicJob


def sf_time(value: datetime) -> str:
    """REST date format: `2018-12-18T22:51:36.000+0000`."""
    return value.strftime("%Y-%m-%dT%H:%M:%S.000+0000")


def async_time(value: datetime) -> str:
    """Bulk 1.0 date format: `2015-12-15T21:41:45.000Z`."""
    return value.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def list_entry(job: Job, ver: str) -> dict[str, Any]:
    """A job as the job list shows it: only the documented fields, no counts or errorMessage."""
    return {
        "id": job.id,
        "operation": job.operation,
        "object": job.object,
        "createdById": job.created_by,
        "createdDate": sf_time(job.created),
        "systemModstamp": sf_time(job.modstamp),
        "state": job.state,
        "concurrencyMode": "Parallel",
        "contentType": "CSV",
        "apiVersion": job.api_version,
        "jobType": job.job_type,
        "lineEnding": job.line_ending if isinstance(job, Bulk2Job) else "LF",
        "columnDelimiter": job.column_delimiter if isinstance(job, Bulk2Job) else "COMMA",
        "contentUrl": f"services/data/v{ver}/jobs/ingest/{job.id}/batches",
    }


def job_info(job: Job) -> dict[str, Any]:
    """`GET jobs/ingest/{id}`: the entry plus counts, timings, externalIdFieldName, errorMessage."""
    info: dict[str, Any] = {k: v for k, v in list_entry(job, "").items() if k != "contentUrl"}
    if job.external_id:
        info = {
            **{k: info[k] for k in list(info)[:7]},
            "externalIdFieldName": job.external_id,
            **{k: info[k] for k in list(info)[7:]},
        }
    if job.state == "Open":
        info.update({"contentUrl": f"services/data/v{job.api_version}/jobs/ingest/{job.id}/batches"})
        return info
    info["numberRecordsProcessed"] = job.processed
    info["numberRecordsFailed"] = job.failed
    info["retries"] = 0
    busy = max(int((job.modstamp - job.created).total_seconds() * 1000), 1)
    info.update(
        {
            "totalProcessingTime": busy,
            "apiActiveProcessingTime": busy * 3 // 4,
            "apexProcessingTime": busy // 10,
        }
    )
    if isinstance(job, Bulk2Job) and job.error_message:
        info["errorMessage"] = job.error_message
    return info


def _elements(pairs: list[tuple[str, object]]) -> str:
    return "".join(f"<{k}>{escape(str(v))}</{k}>" for k, v in pairs if v is not None)


def classic_job_xml(job: ClassicJob) -> str:
    """`<jobInfo>` of a Bulk 1.0 CSV job."""
    states = [b.state for b in job.batches]
    busy = max(int((job.modstamp - job.created).total_seconds() * 1000), 1)
    pairs: list[tuple[str, object]] = [
        ("id", job.id),
        ("operation", job.operation),
        ("object", job.object),
        ("createdById", job.created_by),
        ("createdDate", async_time(job.created)),
        ("systemModstamp", async_time(job.modstamp)),
        ("state", job.state),
        ("externalIdFieldName", job.external_id),
        ("concurrencyMode", "Parallel"),
        ("contentType", "CSV"),
        ("numberBatchesQueued", 0),
        ("numberBatchesInProgress", 0),
        ("numberBatchesCompleted", states.count("Completed")),
        ("numberBatchesFailed", states.count("Failed")),
        ("numberBatchesTotal", len(states)),
        ("numberRecordsProcessed", job.processed),
        ("numberRetries", 0),
        ("apiVersion", f"{job.api_version:.1f}"),
        ("numberRecordsFailed", job.failed),
        ("totalProcessingTime", busy),
        ("apiActiveProcessingTime", busy * 3 // 4),
        ("apexProcessingTime", 0),
    ]
    return f'<?xml version="1.0" encoding="UTF-8"?><jobInfo xmlns="{ASYNC_NS}">{_elements(pairs)}</jobInfo>'


def _batch_pairs(job: ClassicJob, batch: ClassicBatch) -> str:
    processed = batch.rows if batch.state == "Completed" else 0
    return _elements(
        [
            ("id", batch.id),
            ("jobId", job.id),
            ("state", batch.state),
            ("stateMessage", batch.state_message),
            ("createdDate", async_time(batch.created)),
            ("systemModstamp", async_time(batch.modstamp)),
            ("numberRecordsProcessed", processed),
            ("numberRecordsFailed", batch.failed),
            ("totalProcessingTime", 1200 if processed else 0),
            ("apiActiveProcessingTime", 900 if processed else 0),
            ("apexProcessingTime", 0),
        ]
    )


def batch_xml(job: ClassicJob, batch: ClassicBatch) -> str:
    """`<batchInfo>` of one batch."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><batchInfo xmlns="{ASYNC_NS}">'
        f"{_batch_pairs(job, batch)}</batchInfo>"
    )


def batch_list_xml(job: ClassicJob) -> str:
    """`<batchInfoList>` of a job."""
    inner = "".join(f"<batchInfo>{_batch_pairs(job, b)}</batchInfo>" for b in job.batches)
    return f'<?xml version="1.0" encoding="UTF-8"?><batchInfoList xmlns="{ASYNC_NS}">{inner}</batchInfoList>'


def async_error_xml(code: str, message: str) -> str:
    """A Bulk 1.0 `<error>` body."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><error xmlns="{ASYNC_NS}">'
        f"<exceptionCode>{escape(code)}</exceptionCode><exceptionMessage>{escape(message)}"
        "</exceptionMessage></error>"
    )
