"""Apex reader: AsyncApexJob rows that failed, were aborted or report errors -> job-level rows."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

import pandas as pd

from syncerr_gui.core.frame.schema import JOB_LEVEL, SOURCE_APEX
from syncerr_gui.core.salesforce.client import OrgClient
from syncerr_gui.core.salesforce.job_codes import apex_job_code
from syncerr_gui.core.salesforce.parts import FramePart, JobOutcome, JobSummary

logger = logging.getLogger(__name__)

MAX_PAGES = 10_000
SOQL = (
    "SELECT Id, ApexClass.Name, JobType, Status, ExtendedStatus, NumberOfErrors, JobItemsProcessed, "
    "TotalJobItems, CreatedDate, CompletedDate, CreatedById FROM AsyncApexJob WHERE "
    "(Status IN ('Failed','Aborted') OR NumberOfErrors > 0) AND CompletedDate >= {since}"
)


class ApexReader:
    """Queries AsyncApexJob (one query, paged) and maps each row to one job-level error."""

    source = SOURCE_APEX

    def __init__(self, client: OrgClient) -> None:
        self._client = client

    def read(self, since: datetime, until: datetime | None) -> JobOutcome:
        """All Apex job errors completed in [since, until]: one row and one summary per job."""
        records = [r for r in self._query(soql_for(since)) if _in_until(r, until)]
        frame = _records_frame(records)
        return JobOutcome([self._part(frame)] if len(frame) else [], _summaries(frame))

    def _query(self, soql: str) -> list[dict[str, Any]]:
        records: list[dict[str, Any]] = []
        for page in self._client.query_pages(soql, MAX_PAGES):
            records.extend(r for r in page.get("records") or [] if isinstance(r, dict))
        return records

    def _part(self, frame: pd.DataFrame) -> FramePart:
        message = frame["extended"].where(frame["extended"] != "", frame["status"])
        return FramePart(
            len(frame),
            {
                "failed_on": JOB_LEVEL,
                "source": self.source,
                "row_key": "job",
                "error_type": pd.Series(
                    [apex_job_code(e, s) for e, s in zip(frame["extended"], frame["status"])],
                    index=frame.index,
                    dtype="str",
                ),
                "message": message,
                "job_state": frame["status"],
                "object": frame["object"],
                "operation": frame["operation"],
                "job_id": frame["job_id"],
                "created_by": frame["created_by"],
                "failed_at": pd.to_datetime(frame["failed_at"], utc=True, errors="coerce", format="ISO8601"),
            },
        )


def _records_frame(records: list[dict[str, Any]]) -> pd.DataFrame:
    """The query's records as str columns (relationship `ApexClass` nests, may be null)."""

    def field(name: str) -> list[str]:
        return [_text(r.get(name)) for r in records]

    classes = [r.get("ApexClass") for r in records]
    return pd.DataFrame(
        {
            "job_id": field("Id"),
            "operation": field("JobType"),
            "status": field("Status"),
            "extended": field("ExtendedStatus"),
            "failed_at": field("CompletedDate"),
            "created_by": field("CreatedById"),
            "object": [_text(c.get("Name")) if isinstance(c, dict) else "" for c in classes],
        },
        dtype="str",
    )


def soql_for(since: datetime) -> str:
    """The AsyncApexJob query with `since` as a SOQL datetime literal (UTC)."""
    moment = since.astimezone(UTC) if since.tzinfo else since.replace(tzinfo=UTC)
    return SOQL.format(since=moment.strftime("%Y-%m-%dT%H:%M:%SZ"))


def _summaries(frame: pd.DataFrame) -> list[JobSummary]:
    """One JobSummary per Apex job row, for the archive."""
    return [
        JobSummary(
            job_id=j,
            source=SOURCE_APEX,
            state=st,
            system_modstamp=ts,
            finished=True,
            object=o,
            operation=op,
            error_rows=1,
            read=True,
        )
        for j, st, ts, o, op in zip(
            frame["job_id"], frame["status"], frame["failed_at"], frame["object"], frame["operation"]
        )
    ]


def _in_until(record: dict[str, Any], until: datetime | None) -> bool:
    if until is None:
        return True
    stamp = pd.to_datetime(_text(record.get("CompletedDate")), utc=True, errors="coerce", format="ISO8601")
    return bool(pd.notna(stamp) and stamp <= pd.Timestamp(until))


def _text(value: Any) -> str:
    return "" if value is None else str(value)
