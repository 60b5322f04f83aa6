"""Bulk API 2.0 ingest in the demo org: create a job, upload CSV, close or abort, results.

`POST jobs/ingest` (JSON: object, operation, externalIdFieldName, contentType CSV,
columnDelimiter, lineEnding) opens a job; `PUT jobs/ingest/{id}/batches` takes its CSV;
`PATCH jobs/ingest/{id}` with `{"state": "UploadComplete"}` closes it or `"Aborted"` aborts
it. A closed job is InProgress at the next look (its rows are judged then, by
`ingest_rules.RowRules`) and JobComplete at the one after, unless the org holds reloads
(a test's way of catching a job mid-way). Its info, results and place in the job list are
served by `bulk2.Bulk2Routes` like any other job's, so a later sync reads it. Thread-safe.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np
import pyarrow as pa

from syncerr_gui.demo_org.httpkit import Request, Response, Router
from syncerr_gui.demo_org.ids import sf_id
from syncerr_gui.demo_org.ingest_rules import RowRules
from syncerr_gui.demo_org.jobs import FINISHED_STATES, Bulk2Job
from syncerr_gui.demo_org.records import JobRows
from syncerr_gui.demo_org.state import OrgState
from syncerr_gui.demo_org.values import KEY_PREFIX
from syncerr_gui.demo_org.wire import job_info

logger = logging.getLogger(__name__)

DELIMITERS = {"COMMA": ",", "TAB": "\t", "SEMICOLON": ";", "PIPE": "|", "CARET": "^", "BACKQUOTE": "`"}
OPERATIONS = ("insert", "update", "upsert", "delete", "hardDelete")
FIRST_JOB_NUMBER = 900_000
_JOB = r"/services/data/{ver}/jobs/ingest/(?P<job>750\w{15})"


@dataclass
class IngestJob:
    """One job created through the API; changed only under the store's lock."""

    number: int
    id: str
    object: str
    operation: str
    external_id: str
    delimiter: str  # COMMA, TAB, …
    line_ending: str  # LF or CRLF
    created_by: str
    api_version: float
    created: datetime
    modstamp: datetime
    state: str = "Open"
    data: bytes = b""
    error_message: str | None = None
    header: tuple[str, ...] = ()
    done: list[tuple[str, str, tuple[str, ...]]] = field(default_factory=list)  # (sf__Id, error, row)
    waiting: list[tuple[str, ...]] = field(default_factory=list)  # rows never processed

    def snapshot(self) -> Bulk2Job:
        """The job as the list, info and result routes serve every job."""
        failed = sum(1 for _, error, _ in self.done if error)
        return Bulk2Job(
            index=-1,
            id=self.id,
            operation=self.operation,
            object=self.object,
            created_by=self.created_by,
            created=self.created,
            modstamp=self.modstamp,
            state=self.state,
            api_version=self.api_version,
            line_ending=self.line_ending,
            column_delimiter=self.delimiter,
            answer_delimiter=DELIMITERS[self.delimiter],
            header_quoted=True,
            columns=self.header,
            external_id=self.external_id or None,
            error_message=self.error_message,
            failed=failed,
            processed=len(self.done),
            unprocessed=len(self.waiting),
        )


class IngestStore:
    """The jobs created through the API, their uploads and results."""

    def __init__(self, state: OrgState) -> None:
        self._state = state
        self._rules = RowRules(state)
        self._lock = threading.Lock()
        self._jobs: dict[str, IngestJob] = {}
        self.hold = False  # True: closed jobs stay InProgress (a test's "mid-way")
        state.reload_rows = self.failed_rows

    def snapshots(self) -> list[Bulk2Job]:
        """Every API-created job, oldest first."""
        with self._lock:
            return [job.snapshot() for job in self._jobs.values()]

    def find(self, job_id: str) -> Bulk2Job | None:
        """The job's current snapshot, advancing a closed job one step (UploadComplete → …)."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None:
                return None
            self._advance(job)
            return job.snapshot()

    def failed_rows(self) -> list[tuple[Bulk2Job, JobRows]]:
        """Every finished job and its failed rows, as the ground truth reads generated jobs."""
        with self._lock:
            jobs = [job for job in self._jobs.values() if job.state in FINISHED_STATES]
            return [(job.snapshot(), _job_rows(job)) for job in jobs]

    def rows(self, job_id: str, kind: str) -> list[list[str]] | None:
        """successful / failed / unprocessed result rows (with their sf__ columns), None if no job."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None:
                return None
            created = "true" if job.operation in ("insert", "upsert") else "false"
            if kind == "successful":
                return [[sf_id_, created, *row] for sf_id_, error, row in job.done if not error]
            if kind == "failed":
                return [[sf_id_, error, *row] for sf_id_, error, row in job.done if error]
            return [list(row) for row in job.waiting]

    def create(self, spec: dict[str, object], created_by: str, ver: str) -> IngestJob | str:
        """A new Open job, or the words of why the spec is refused."""
        problem = _spec_problem(spec)
        if problem:
            return problem
        now = datetime.now(UTC).replace(microsecond=0)
        with self._lock:
            number = FIRST_JOB_NUMBER + len(self._jobs)
            job = IngestJob(
                number=number,
                id=sf_id("750", number),
                object=str(spec["object"]),
                operation=str(spec["operation"]),
                external_id=str(spec.get("externalIdFieldName") or ""),
                delimiter=str(spec.get("columnDelimiter") or "COMMA"),
                line_ending=str(spec.get("lineEnding") or "LF"),
                created_by=created_by,
                api_version=float(ver),
                created=now,
                modstamp=now,
            )
            self._jobs[job.id] = job
        logger.info("demo org: ingest job %s created (%s %s)", job.id, job.operation, job.object)
        return job

    def upload(self, job_id: str, data: bytes) -> str:
        """Keep the job's CSV ("" when done, else the words of the refusal)."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None:
                return "NOT_FOUND"
            if job.state != "Open":
                return "INVALIDJOBSTATE"
            job.data = data  # a PUT repeated after a lost answer replaces, it does not add
            return ""

    def change_state(self, job_id: str, wanted: str) -> Bulk2Job | str:
        """Close (UploadComplete) or abort a job; its snapshot, or an error code."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None:
                return "NOT_FOUND"
            if wanted == job.state:
                return job.snapshot()  # the same PATCH again changes nothing
            allowed = {"UploadComplete": ("Open",), "Aborted": ("Open", "UploadComplete", "InProgress")}
            if job.state not in allowed.get(wanted, ()):
                return "INVALIDJOBSTATE"
            if wanted == "Aborted" and job.state in ("UploadComplete", "InProgress"):
                job.waiting = job.waiting or self._parsed(job)[1]
                job.done = []
            job.state = wanted
            job.modstamp = datetime.now(UTC).replace(microsecond=0)
            return job.snapshot()

    def _advance(self, job: IngestJob) -> None:
        if job.state == "UploadComplete":
            self._process(job)
        elif job.state == "InProgress" and not self.hold:
            job.state = "JobComplete"
        else:
            return
        job.modstamp = datetime.now(UTC).replace(microsecond=0)

    def _process(self, job: IngestJob) -> None:
        problem, rows = self._parsed(job)
        if problem:
            job.state, job.error_message, job.waiting = "Failed", problem, rows
            return
        job.state = "InProgress"
        for number, row in enumerate(rows):
            job.done.append((*self._outcome(job, number, row), row))

    def _parsed(self, job: IngestJob) -> tuple[str, list[tuple[str, ...]]]:
        """(the job-level problem or "", the uploaded rows)."""
        text = job.data.decode("utf-8", "replace").removeprefix("\ufeff")
        first_line = text.split("\n", 1)[0]
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=DELIMITERS[job.delimiter]))
        header, rows = (tuple(records[0]) if records else ()), [tuple(r) for r in records[1:] if any(r)]
        job.header = header
        rows = [r + ("",) * (len(header) - len(r)) for r in rows]
        if first_line.endswith("\r") != (job.line_ending == "CRLF"):
            return (
                f"ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is {job.line_ending}",
                rows,
            )
        key = _key_column(job)
        if key and key not in header:
            return f"InvalidBatch : Field name not found : {key}", rows
        return "", rows

    def _outcome(self, job: IngestJob, number: int, row: tuple[str, ...]) -> tuple[str, str]:
        """(sf__Id, sf__Error) of one row: "" error = success."""
        values = dict(zip(job.header, row, strict=False))
        key = _key_column(job)
        if key and not values.get(key, "").strip():
            return values.get("Id", ""), f"MISSING_ARGUMENT:{key} not specified:--"
        error = self._rules.judge(job.object, job.header, row)
        record_id = values.get("Id", "") or sf_id(
            KEY_PREFIX.get(job.object, "001"), job.number * 10_000 + number
        )
        return (values.get("Id", "") if error else record_id), error


class IngestRoutes:
    """`POST jobs/ingest`, `PUT jobs/ingest/{id}/batches`, `PATCH jobs/ingest/{id}`."""

    def __init__(self, state: OrgState, store: IngestStore) -> None:
        self.state = state
        self.store = store

    def register(self, router: Router) -> None:
        """Add the write routes (the reads live in `bulk2.Bulk2Routes`)."""
        router.add("POST", r"/services/data/{ver}/jobs/ingest/?", self.create)
        router.add("PUT", _JOB + r"/batches/?", self.upload)
        router.add("PATCH", _JOB + "/?", self.patch)

    def create(self, request: Request) -> Response:
        """Open a job (200 and its info, as Salesforce answers)."""
        spec = _json_body(request)
        if not isinstance(spec, dict):
            return _error("JSON_PARSER_ERROR", "The request body is not a JSON object.", 400)
        user = self.state.sessions.user_of(request.bearer())
        created_by = self.state.users[user].user_id if user in self.state.users else ""
        job = self.store.create(spec, created_by, request.params["ver"])
        if isinstance(job, str):
            return _error("INVALIDJOB", job, 400)
        return Response.json(job_info(job.snapshot()))

    def upload(self, request: Request) -> Response:
        """Take the job's CSV: 201 with no body."""
        problem = self.store.upload(request.params["job"], request.body)
        if problem == "NOT_FOUND":
            return Response.not_found()
        if problem:
            return _error(problem, "The job is not open for uploads.", 409)
        return Response(201, b"", "text/plain")

    def patch(self, request: Request) -> Response:
        """Close or abort a job: its info."""
        body = _json_body(request)
        wanted = body.get("state") if isinstance(body, dict) else None
        if wanted not in ("UploadComplete", "Aborted"):
            return _error("INVALIDJOBSTATE", "Use UploadComplete or Aborted as the state.", 400)
        answer = self.store.change_state(request.params["job"], str(wanted))
        if answer == "NOT_FOUND":
            return Response.not_found()
        if isinstance(answer, str):
            return _error(answer, f"The job cannot go to {wanted} from its state.", 409)
        return Response.json(job_info(answer))


def results_csv(
    header: tuple[str, ...], lead: tuple[str, ...], rows: list[list[str]], delimiter: str
) -> bytes:
    """A result body: every cell quoted, LF line ends (as the demo answers every result)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow((*lead, *header))
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _job_rows(job: IngestJob) -> JobRows:
    failed = [(record_id, error, row) for record_id, error, row in job.done if error]
    columns = tuple(pa.array([row[c] for _, _, row in failed], pa.string()) for c in range(len(job.header)))
    return JobRows(
        job.header,
        columns,
        pa.array([error for _, error, _ in failed], pa.string()),
        pa.array([record_id for record_id, _, _ in failed], pa.string()),
        np.zeros(len(failed), dtype=bool),
    )


def _key_column(job: IngestJob) -> str:
    if job.operation == "upsert":
        return job.external_id
    return "" if job.operation == "insert" else "Id"


def _spec_problem(spec: dict[str, object]) -> str:
    if not str(spec.get("object") or "").strip():
        return "InvalidJob : object is required"
    if spec.get("operation") not in OPERATIONS:
        return f"InvalidJob : unknown operation {spec.get('operation')!r}"
    if spec.get("operation") == "upsert" and not spec.get("externalIdFieldName"):
        return "InvalidJob : an upsert job needs externalIdFieldName"
    if str(spec.get("contentType") or "CSV") != "CSV":
        return "InvalidJob : only CSV is supported"
    if str(spec.get("columnDelimiter") or "COMMA") not in DELIMITERS:
        return f"InvalidJob : unknown columnDelimiter {spec.get('columnDelimiter')!r}"
    if str(spec.get("lineEnding") or "LF") not in ("LF", "CRLF"):
        return f"InvalidJob : unknown lineEnding {spec.get('lineEnding')!r}"
    return ""


def _json_body(request: Request) -> object:
    try:
        return json.loads(request.body.decode("utf-8") or "null")
    except (UnicodeDecodeError, ValueError):
        return None


def _error(code: str, message: str, status: int) -> Response:
    return Response.json([{"errorCode": code, "message": message}], status)
