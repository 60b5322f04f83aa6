"""Ground truth: every error the demo org holds, as the app's error frame.

Built from the same generators the endpoints serve, then mapped with the rules of
docs/ARCHITECTURE.md, so a correct sync must reproduce it on the key columns.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections import Counter
from datetime import datetime, timezone
from typing import Any

import pandas as pd

from syncerr_gui.core.schema import (JOB_LEVEL, RECORD_LEVEL, SOURCE_APEX, SOURCE_BULK1, SOURCE_BULK2,
                                     concat_frames, make_frame)
from syncerr_gui.demo_org.jobs import Bulk2Job, ClassicJob
from syncerr_gui.demo_org.records import JobRows
from syncerr_gui.demo_org.state import OrgState

logger = logging.getLogger(__name__)

DEFAULT_SOURCE_ID_COLUMNS = ("Marketo_Lead_ID__c", "mkto71_Lead_Id__c", "External_Id__c", "Source_Id__c")
_LEADING_ID = re.compile(r"^\s*([A-Za-z][A-Za-z0-9_]*)\s*:")
_STATUS_CODE = re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b")


def split_sf_error(text: str) -> tuple[str, str, str]:
    """(error_type, message, fields) of an `sf__Error` / `Error` value, per the mapping rules."""
    if ":" not in text:
        return "", text, ""
    first, last = text.index(":"), text.rindex(":")
    if first == last:
        return text[:first].strip(), _strip_dashes(text[first + 1:]), ""
    fields = [f.strip() for f in _strip_dashes(text[last + 1:]).split(",")]
    return text[:first].strip(), text[first + 1:last].strip(), ", ".join(f for f in fields if f)


def _strip_dashes(text: str) -> str:
    text = text.strip()
    return text[:-2].strip() if text.endswith("--") else text


def job_error_type(message: str, state: str) -> str:
    """The leading `Identifier :` of a job-level message, else the state."""
    found = _LEADING_ID.match(message)
    return found[1] if found else state


class DemoTruth:
    """`errors(since)` -> error frame of every error the org holds (deleted jobs excluded)."""

    def __init__(self, state: OrgState) -> None:
        self.state = state

    def errors(self, since: datetime | None = None) -> pd.DataFrame:
        """All job-level and record-level errors of jobs finished at or after `since` (naive = UTC)."""
        if since is not None and since.tzinfo is None:
            since = since.replace(tzinfo=timezone.utc)
        frames = [*self._bulk2(since), *self._bulk1(since), self._apex(since)]
        return concat_frames(frames)

    def _in_window(self, job_id: str, when: datetime, since: datetime | None) -> bool:
        return not self.state.is_deleted(job_id) and (since is None or since <= when)

    def _bulk2(self, since: datetime | None) -> list[pd.DataFrame]:
        frames = []
        for job in self.state.catalog.bulk2:
            if not job.finished or not self._in_window(job.id, job.modstamp, since):
                continue
            common = _common(job, SOURCE_BULK2)
            if job.state in ("Failed", "Aborted"):
                message = job.error_message or job.state
                frames.append(make_frame({**common, "failed_at": [job.modstamp], "failed_on": JOB_LEVEL,
                                          "message": message,
                                          "error_type": job_error_type(message, job.state), "row_key": "job"},
                                         length=1))
            if job.failed > 0:
                rows = self.state.factory.bulk2_failed_rows(job)
                frames.append(_record_frame(rows, job, common, list(range(len(rows))), bulk2=True))
        return frames

    def _bulk1(self, since: datetime | None) -> list[pd.DataFrame]:
        frames = []
        for job in self.state.catalog.classic:
            if not self._in_window(job.id, job.modstamp, since):
                continue
            common = _common(job, SOURCE_BULK1)
            for batch in job.batches:
                if batch.state == "Failed":
                    message = batch.state_message or "Failed"
                    frames.append(make_frame({**common, "failed_at": [job.modstamp], "failed_on": JOB_LEVEL,
                                              "batch_id": batch.id,
                                              "message": message, "row_key": "batch",
                                              "error_type": job_error_type(message, "Failed")}, length=1))
                elif batch.failed > 0:
                    rows = self.state.factory.classic_rows(job, batch)
                    positions = [i for i, ok in enumerate(rows.success) if not ok]
                    frames.append(_record_frame(rows, job, {**common, "batch_id": batch.id}, positions,
                                                bulk2=False))
        return frames

    def _apex(self, since: datetime | None) -> pd.DataFrame:
        jobs = [j for j in self.state.catalog.apex if j.has_errors and (since is None or since <= j.completed)]
        messages = [j.extended_status or j.status for j in jobs]
        types = []
        for job in jobs:
            found = _STATUS_CODE.search(job.extended_status or "")
            types.append(found[0] if found else job.status)
        return make_frame({
            "failed_on": JOB_LEVEL, "failed_at": [j.completed for j in jobs], "error_type": types,
            "message": messages, "object": [j.class_name for j in jobs], "operation": [j.job_type for j in jobs],
            "job_id": [j.id for j in jobs], "source": SOURCE_APEX, "created_by": [j.created_by for j in jobs],
            "row_key": "job"}, length=len(jobs))


def _common(job: Bulk2Job | ClassicJob, source: str) -> dict[str, Any]:
    return {"failed_at": job.modstamp, "object": job.object, "operation": job.operation,
            "created_by": job.created_by, "job_id": job.id, "source": source}


def _source_column(job: Bulk2Job | ClassicJob) -> str | None:
    if job.external_id and job.external_id in job.columns:
        return job.external_id
    return next((c for c in DEFAULT_SOURCE_ID_COLUMNS if c in job.columns), None)


def _record_frame(rows: JobRows, job: Bulk2Job | ClassicJob, common: dict[str, Any], positions: list[int],
                  *, bulk2: bool) -> pd.DataFrame:
    """Record-level rows for the failed rows at `positions` of `rows`."""
    header = list(rows.header)
    values = [c.to_pylist() for c in rows.columns]
    errors = rows.errors.to_pylist()
    ids = rows.ids.to_pylist()
    split = {text: split_sf_error(text) for text in set(errors[i] for i in positions)}
    inputs = [json.dumps(dict(zip(header, (col[i] for col in values))), ensure_ascii=False) for i in positions]
    source_col = _source_column(job)
    sources = values[header.index(source_col)] if source_col else None
    keys: list[str] = []
    seen: Counter[str] = Counter()
    for n, i in enumerate(positions):
        if bulk2:
            digest = hashlib.blake2b(f"{errors[i]}\x1f{inputs[n]}".encode(), digest_size=8).hexdigest()
            keys.append(f"{digest}:{seen[digest]}")
            seen[digest] += 1
        else:
            keys.append(str(i))
    return make_frame({
        **common, "failed_on": RECORD_LEVEL, "failed_at": [job.modstamp] * len(positions),
        "error_type": [split[errors[i]][0] for i in positions], "message": [split[errors[i]][1] for i in positions],
        "fields": [split[errors[i]][2] for i in positions], "salesforce_id": [ids[i] for i in positions],
        "source_id": [sources[i] for i in positions] if sources else "", "input_row": inputs, "row_key": keys,
    }, length=len(positions))
