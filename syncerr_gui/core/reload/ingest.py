"""A reload as a Bulk API 2.0 ingest job: create, upload the CSV, close, wait, read the results.

`run_reload` is the one way the app writes to an org. It refuses a batch it cannot send
safely before anything goes out (`check_batch`), calls `on_created(job_id)` as soon as the
job exists (so the caller records it before waiting: a crash then leaves a job id to look
up, `recover_outcome`), polls with a bounded backoff, and maps each result row back to its
batch row by its values (Salesforce answers with the uploaded values; duplicates are fine
in any order), one `RowResult` per batch row.

Cancel: before the job is created it raises `SyncCancelled` (nothing was written); after,
it aborts the job (`PATCH state=Aborted`) and returns an outcome whose state is the job's
last state (`Aborted`, or `JobComplete` when Salesforce had finished first), with what the
results say — records already processed are not rolled back by Salesforce.
"""

from __future__ import annotations

import csv
import io
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from syncerr_gui.core.cancel import CancelToken
from syncerr_gui.core.exceptions import RequestFailed
from syncerr_gui.core.reload.batch import ReloadBatch, ReloadOutcome
from syncerr_gui.core.reload.checks import check_batch
from syncerr_gui.core.reload.results import map_results, unmapped_results
from syncerr_gui.core.salesforce.client import OrgClient
from syncerr_gui.core.salesforce.jobs import checked_job_id
from syncerr_gui.core.words import say

logger = logging.getLogger(__name__)

FINISHED = ("JobComplete", "Failed", "Aborted")
GONE = "Deleted"  # the state of an outcome whose job Salesforce no longer has
DELIMITERS = {"COMMA": ",", "TAB": "\t", "SEMICOLON": ";", "PIPE": "|", "CARET": "^", "BACKQUOTE": "`"}
LINE_ENDINGS = {"LF": "\n", "CRLF": "\r\n"}

__all__ = ["FINISHED", "GONE", "PollPolicy", "ReloadProgress", "check_batch", "recover_outcome", "run_reload"]


@dataclass(frozen=True)
class PollPolicy:
    """How patiently a job is watched: first look at once, then backoff up to `ceiling`
    seconds, for at most `max_wait` seconds (then the outcome says it is still running)."""

    first: float = 0.5
    factor: float = 1.6
    ceiling: float = 10.0
    max_wait: float = 6 * 3600.0

    def delay(self, look: int) -> float:
        return 0.0 if look == 0 else min(self.ceiling, self.first * self.factor ** (look - 1))


@dataclass(frozen=True)
class ReloadProgress:
    """One look at the job; shaped for `cli.terminal.ProgressLine` (phase, jobs_text, rows)."""

    job_id: str
    state: str
    processed: int
    failed: int
    total: int

    @property
    def phase(self) -> str:
        return say("Reload {state}", state=self.state)

    @property
    def rows(self) -> int:
        return self.failed

    def jobs_text(self) -> str:
        return say("{processed:,} of {total:,} rows processed", processed=self.processed, total=self.total)


Progress = Callable[[ReloadProgress], None]


def run_reload(
    client: OrgClient,
    batch: ReloadBatch,
    *,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    on_created: Callable[[str], None] | None = None,
    explicit_operation: bool = False,
    delimiter: str = "COMMA",
    line_ending: str = "LF",
    poll: PollPolicy | None = None,
) -> ReloadOutcome:
    """Load `batch` as one ingest job and return how each row went (see the module text).

    `client` must not share `cancel`: the abort after a cancel goes through it.
    """
    check_batch(batch, explicit_operation=explicit_operation)
    cancel = cancel or CancelToken()
    cancel.raise_if_cancelled()
    job_id = _create(client, batch, delimiter, line_ending)
    if on_created is not None:
        on_created(job_id)
    jobs = client.data_path(f"jobs/ingest/{job_id}")
    try:
        client.send("PUT", f"{jobs}/batches", _csv_body(batch, delimiter, line_ending), "text/csv")
        client.send_json("PATCH", jobs, {"state": "UploadComplete"})
    except RequestFailed:
        _abort(client, jobs)
        raise
    state = _wait(client, jobs, len(batch), progress, cancel, poll or PollPolicy())
    outcome = _outcome(client, job_id, state, batch)
    if cancel.is_cancelled:
        if state == "Aborted":
            message = say("Cancelled: job {job} was aborted.", job=job_id)
        else:
            message = say(
                "Cancelled: job {job} was {state} before it could be aborted.", job=job_id, state=state
            )
        return replace(outcome, message=message)
    return outcome


def recover_outcome(client: OrgClient, job_id: str, batch: ReloadBatch | None) -> ReloadOutcome:
    """The outcome of a job an interrupted reload left behind, read again by its id.

    Without the batch, results are numbered in the order Salesforce lists them. A job
    Salesforce deleted (or aged out after 7 days) gives state `GONE` and words saying so.
    """
    job_id = checked_job_id(job_id)
    try:
        info = client.get_json(client.data_path(f"jobs/ingest/{job_id}"))
    except RequestFailed as exc:
        if exc.status != 404:
            raise
        return ReloadOutcome(
            job_id,
            GONE,
            message=say(
                "Salesforce no longer has job {job} (deleted, or older than 7 days): "
                "its outcome cannot be read. Check the records in Salesforce.",
                job=job_id,
            ),
        )
    state = _state_of(info)
    if state not in FINISHED:
        return ReloadOutcome(
            job_id, state, message=say("Job {job} is still {state} in Salesforce.", job=job_id, state=state)
        )
    return _outcome(client, job_id, state, batch)


def _create(client: OrgClient, batch: ReloadBatch, delimiter: str, line_ending: str) -> str:
    if delimiter not in DELIMITERS or line_ending not in LINE_ENDINGS:
        raise ValueError(f"unknown delimiter {delimiter!r} or line ending {line_ending!r}")
    spec = {
        "object": batch.target.object_name,
        "operation": batch.target.operation,
        "contentType": "CSV",
        "columnDelimiter": delimiter,
        "lineEnding": line_ending,
    }
    if batch.target.external_id:
        spec["externalIdFieldName"] = batch.target.external_id
    info = client.send_json("POST", client.data_path("jobs/ingest"), spec)
    if not isinstance(info, dict):
        raise RequestFailed(say("Salesforce sent a malformed answer to the new job (not an object)."))
    job_id = checked_job_id(info.get("id"))
    logger.info("reload job %s created", job_id)
    return job_id


def _csv_body(batch: ReloadBatch, delimiter: str, line_ending: str) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=DELIMITERS[delimiter], lineterminator=LINE_ENDINGS[line_ending])
    writer.writerow(batch.columns)
    writer.writerows(batch.rows)
    return out.getvalue().encode("utf-8")


def _wait(
    client: OrgClient, jobs: str, total: int, progress: Progress | None, cancel: CancelToken, poll: PollPolicy
) -> str:
    """The job's final state (or its last one when `poll.max_wait` ran out); aborts on cancel."""
    started, look, state = time.monotonic(), 0, "UploadComplete"
    while time.monotonic() - started <= poll.max_wait:
        if cancel.wait(poll.delay(look)):
            return _abort(client, jobs) or state
        info = client.get_json(jobs)
        state = _state_of(info)
        if progress is not None:
            progress(
                ReloadProgress(
                    jobs.rsplit("/", 1)[-1],
                    state,
                    _count(info, "numberRecordsProcessed"),
                    _count(info, "numberRecordsFailed"),
                    total,
                )
            )
        if state in FINISHED:
            return state
        look += 1
    logger.warning("reload job still %s after %.0f s", state, poll.max_wait)
    return state


def _abort(client: OrgClient, jobs: str) -> str:
    """Abort the job; its state afterwards ("" when the abort itself failed)."""
    try:
        info = client.send_json("PATCH", jobs, {"state": "Aborted"})
    except RequestFailed as exc:  # e.g. it finished meanwhile (INVALIDJOBSTATE): read what it says
        logger.info("abort refused: %s", exc)
        try:
            return _state_of(client.get_json(jobs))
        except RequestFailed:
            return ""
    return _state_of(info) if isinstance(info, dict) else "Aborted"


def _outcome(client: OrgClient, job_id: str, state: str, batch: ReloadBatch | None) -> ReloadOutcome:
    if state not in FINISHED:
        return ReloadOutcome(
            job_id,
            state,
            message=say("Job {job} is still {state}; look again later.", job=job_id, state=state),
        )
    jobs = client.data_path(f"jobs/ingest/{job_id}")
    bodies = [
        client.get(f"{jobs}/{part}/", accept="text/csv")[0]
        for part in ("successfulResults", "failedResults", "unprocessedrecords")
    ]
    if batch is None:
        return ReloadOutcome(job_id, state, unmapped_results(*bodies))
    return ReloadOutcome(job_id, state, map_results(batch, *bodies))


def _state_of(info: object) -> str:
    if not isinstance(info, dict) or not isinstance(info.get("state"), str):
        raise RequestFailed(say("Salesforce sent a malformed answer about the reload job (no state)."))
    return str(info["state"])


def _count(info: dict[str, object], name: str) -> int:
    value = info.get(name)
    return int(value) if isinstance(value, int | float) else 0
