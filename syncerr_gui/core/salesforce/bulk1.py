"""Bulk API 1.0 reader: job info, batches, and failed result rows paired with their input.

Bulk 1.0 has its own auth header (`X-SFDC-Session`) and answers CSV jobs in XML whatever
is asked, JSON jobs in JSON; both are read. XML goes through defusedxml (entities off).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from defusedxml import ElementTree

from syncerr_gui.core.exceptions import RequestFailed
from syncerr_gui.core.frame.schema import SOURCE_BULK1
from syncerr_gui.core.salesforce.client import OrgClient, parse_json
from syncerr_gui.core.salesforce.jobs import (
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

CLOSED_STATES = ("Closed", "Aborted", "Failed", "JobComplete")
API_VERSION = re.compile(r"^\d{1,3}\.\d$")


class Bulk1Reader:
    """Reads Bulk API 1.0 (Classic) jobs into error-frame parts."""

    source = SOURCE_BULK1

    def __init__(self, client: OrgClient, source_id_columns: Sequence[str]) -> None:
        self._client = client
        self._source_id_columns = tuple(source_id_columns)

    def list_jobs(self) -> list[dict[str, Any]]:
        """Bulk 1.0 has no list endpoint of its own: `jobs/ingest?jobType=Classic`."""
        return list_ingest_jobs(self._client, "Classic")

    def job_pages(self) -> Iterator[list[dict[str, Any]]]:
        """The same jobs a page at a time, as they arrive (`jobs.ingest_job_pages`)."""
        return ingest_job_pages(self._client, "Classic")

    @staticmethod
    def is_finished(job: dict[str, Any]) -> bool:
        """Whether no more batches can change the job (the archive may skip it next time)."""
        return job.get("state") in CLOSED_STATES

    @staticmethod
    def is_readable(job: dict[str, Any]) -> bool:
        """Classic jobs are read whatever their state: their batches finish one by one."""
        return True

    def read_job(self, listed: dict[str, Any]) -> JobOutcome:
        """Failed batches as job-level rows and failed records as record-level rows."""
        job_id = checked_job_id(listed.get("id"))
        base = f"/services/async/{_api_version(listed, self._client.api_version)}/job/{job_id}"
        info = self._info(base, "jobInfo")
        job = {**listed, **info, "id": job_id}
        parts: list[FramePart] = []
        if _number(info, "numberRecordsFailed") > 0 or _number(info, "numberBatchesFailed") > 0:
            shared = job_columns(job, self.source)
            external = str(job.get("externalIdFieldName") or "")
            for batch in self._batches(base):
                parts.extend(self._read_batch(base, batch, shared, external))
        rows = sum(p.length for p in parts)
        return JobOutcome(
            parts, [summary_of(job, self.source, finished=self.is_finished(job), rows=rows, read=True)]
        )

    def _read_batch(
        self, base: str, batch: dict[str, Any], shared: dict[str, Any], external: str
    ) -> list[FramePart]:
        batch_id = checked_job_id(batch.get("id"))
        if batch.get("state") == "Failed":
            message = batch.get("stateMessage") or "Failed"
            return [job_level_part(shared, message, "Failed", "batch", batch_id)]
        if _number(batch, "numberRecordsFailed") <= 0:
            return []
        result = read_result_table(self._client.get(f"{base}/batch/{batch_id}/result", bulk1=True)[0])
        request = read_result_table(self._client.get(f"{base}/batch/{batch_id}/request", bulk1=True)[0])
        if result.num_rows != request.num_rows:
            raise ValueError(
                say(
                    "Salesforce sent {results} results for {inputs} input rows "
                    "in batch {batch}; they cannot be paired.",
                    results=result.num_rows,
                    inputs=request.num_rows,
                    batch=batch_id,
                )
            )
        if not result.num_rows:
            return []
        for column in ("Success", "Error"):
            if column not in result.column_names:
                raise ValueError(
                    say("Salesforce sent batch results without a {column} column.", column=column)
                )
        failed = pc.equal(pc.utf8_lower(pc.utf8_trim_whitespace(column_text(result, "Success"))), "false")
        positions = pa.array(np.flatnonzero(failed.to_numpy(zero_copy_only=False))).cast(pa.large_string())
        ids = pc.filter(column_text(result, "Id"), failed) if "Id" in result.column_names else ""
        return [
            record_part(
                shared,
                pc.filter(column_text(result, "Error"), failed),
                ids,
                request.filter(failed),
                request.column_names,
                external,
                self._source_id_columns,
                positions,
                batch_id,
            )
        ]

    def _info(self, target: str, root_name: str) -> dict[str, Any]:
        body, content_type = self._client.get(target, bulk1=True, accept="application/xml")
        if _is_xml(body, content_type):
            root = _parse_xml(body)
            return {_local(child.tag): (child.text or "") for child in root}
        data = parse_json(body, target)
        if not isinstance(data, dict):
            raise RequestFailed(say("Salesforce sent a malformed answer about this job (not an object)."))
        return data

    def _batches(self, base: str) -> list[dict[str, Any]]:
        body, content_type = self._client.get(f"{base}/batch", bulk1=True, accept="application/xml")
        if _is_xml(body, content_type):
            root = _parse_xml(body)
            return [
                {_local(field.tag): (field.text or "") for field in batch}
                for batch in root
                if _local(batch.tag) == "batchInfo"
            ]
        data = parse_json(body, f"{base}/batch")
        batches = data.get("batchInfo") if isinstance(data, dict) else None
        if not isinstance(batches, list):
            raise RequestFailed(say("Salesforce sent a malformed batch list."))
        return [b for b in batches if isinstance(b, dict)]


def _api_version(listed: dict[str, Any], fallback: str) -> str:
    """The job's own apiVersion for its URL (`59` or `59.0` -> `59.0`), checked for shape."""
    value = listed.get("apiVersion", fallback)
    try:
        text = f"{float(value):.1f}"
    except (TypeError, ValueError):
        text = fallback
    if not API_VERSION.match(text):
        raise RequestFailed(say("Salesforce listed a job with an invalid API version; it was skipped."))
    return text


def _number(info: dict[str, Any], key: str) -> float:
    try:
        return float(info.get(key) or 0)
    except (TypeError, ValueError):
        return 0.0


def _is_xml(body: bytes, content_type: str) -> bool:
    return "xml" in content_type.lower() or body.lstrip()[:1] == b"<"


def _parse_xml(body: bytes) -> Any:
    try:
        return ElementTree.fromstring(body)
    except Exception:  # noqa: BLE001 - defusedxml raises ParseError or its own errors for hostile XML
        raise RequestFailed(say("Salesforce sent a malformed answer (XML that cannot be read).")) from None


def _local(tag: str) -> str:
    """Tag name without the `{http://www.force.com/2009/06/asyncapi/dataload}` namespace."""
    return tag.rsplit("}", 1)[-1]
