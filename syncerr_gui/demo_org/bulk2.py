"""REST routes: API versions and the Bulk API 2.0 ingest jobs (list, info, results)."""

from __future__ import annotations

import base64
import logging

from syncerr_gui.demo_org import wire
from syncerr_gui.demo_org.httpkit import Request, Response, Router
from syncerr_gui.demo_org.ingest import IngestStore, results_csv
from syncerr_gui.demo_org.jobs import Bulk2Job, ClassicJob
from syncerr_gui.demo_org.state import OrgState

logger = logging.getLogger(__name__)

_JOB = r"/services/data/{ver}/jobs/ingest/(?P<job>750\w{15})"
_VERSIONS = [
    ("Summer '23", "58.0"),
    ("Winter '24", "59.0"),
    ("Spring '24", "60.0"),
    ("Summer '24", "61.0"),
    ("Winter '25", "62.0"),
    ("Spring '25", "63.0"),
    ("Summer '25", "64.0"),
    ("Winter '26", "65.0"),
    ("Spring '26", "66.0"),
]


class Bulk2Routes:
    """`/services/data/` and `/services/data/vXX.X/jobs/ingest…`."""

    def __init__(self, state: OrgState, reloads: IngestStore) -> None:
        self.state = state
        self.reloads = reloads  # the jobs created through the API, listed after the others
        jobs: list[Bulk2Job | ClassicJob] = [*state.catalog.bulk2, *state.catalog.classic]
        self._jobs = sorted(jobs, key=lambda j: (j.created, j.id))

    def register(self, router: Router) -> None:
        """Add the routes."""
        router.add("GET", r"/services/data/?", self.versions)
        router.add("GET", r"/services/data/{ver}/jobs/ingest/?", self.list_jobs)
        router.add("GET", _JOB + "/?", self.job)
        router.add("GET", _JOB + r"/failedResults/?", self.failed_results)
        router.add("GET", _JOB + r"/(?i:unprocessedrecords)/?", self.unprocessed)
        router.add("GET", _JOB + r"/successfulResults/?", self.successful_results)

    def versions(self, request: Request) -> Response:
        """The API versions this org serves."""
        return Response.json(
            [{"label": label, "url": f"/services/data/v{v}", "version": v} for label, v in _VERSIONS]
        )

    def list_jobs(self, request: Request) -> Response:
        """A page of jobs; `nextRecordsUrl` carries an opaque locator while more remain."""
        ver = request.params["ver"]
        locator = request.query.get("queryLocator")
        if locator is not None:
            decoded = _decode_locator(locator)
            if decoded is None:
                return Response.json(
                    [{"errorCode": "INVALID_QUERY_LOCATOR", "message": "invalid query locator"}], 400
                )
            job_type, offset = decoded
        else:
            job_type, offset = request.query.get("jobType", ""), 0
        if job_type not in ("", "V2Ingest", "Classic", "BigObjectIngest"):
            return Response.json(
                [{"errorCode": "INVALIDJOBTYPE", "message": f"Invalid job type: {job_type}"}], 400
            )
        hidden = self.state.unlisted_ids()
        every = [*self._jobs, *self.reloads.snapshots(), *self.state.added_jobs()]
        jobs = [j for j in every if (not job_type or j.job_type == job_type) and j.id not in hidden]
        size = max(1, self.state.config.page_size)
        page = jobs[offset : offset + size]
        done = offset + size >= len(jobs)
        next_url = (
            None
            if done
            else (
                f"/services/data/v{ver}/jobs/ingest?queryLocator={_encode_locator(job_type, offset + size)}"
            )
        )
        foreign = self.state.faults.foreign_next_page(job_type) if done else None
        if foreign is not None:  # fault: the last page points at another host
            done, next_url = False, f"{foreign}/services/data/v{ver}/jobs/ingest?queryLocator=elsewhere"
        return Response.json(
            {"done": done, "records": [wire.list_entry(j, ver) for j in page], "nextRecordsUrl": next_url}
        )

    def _find(self, job_id: str) -> Bulk2Job | ClassicJob | None:
        if self.state.is_deleted(job_id):
            return None
        found = self.state.catalog.bulk2_by_id.get(job_id) or self.state.catalog.classic_by_id.get(job_id)
        return found or self.reloads.find(job_id)

    def _reload_results(self, job: Bulk2Job, kind: str, lead: tuple[str, ...]) -> Response:
        rows = self.reloads.rows(job.id, kind) or []
        return Response(200, results_csv(job.columns, lead, rows, job.answer_delimiter), "text/csv")

    def job(self, request: Request) -> Response:
        """Job info with counts."""
        job = self._find(request.params["job"])
        return Response.json(wire.job_info(job)) if job else Response.not_found()

    def failed_results(self, request: Request) -> Response:
        """The failed records CSV: UTF-8, `text/csv` without a charset (as Salesforce sends it)."""
        job = self._find(request.params["job"])
        if not isinstance(job, Bulk2Job):
            return Response.not_found()
        if not job.finished:
            return _invalid_state()
        if job.index < 0:
            return self._reload_results(job, "failed", ("sf__Id", "sf__Error"))
        return Response(200, self.state.factory.bulk2_failed_csv(job), "text/csv")

    def unprocessed(self, request: Request) -> Response:
        """Rows a Failed/Aborted job never processed (header only if none)."""
        job = self._find(request.params["job"])
        if not isinstance(job, Bulk2Job):
            return Response.not_found()
        if not job.finished:
            return _invalid_state()
        if job.index < 0:
            return self._reload_results(job, "unprocessed", ())
        return Response(200, self.state.factory.bulk2_unprocessed_csv(job), "text/csv")

    def successful_results(self, request: Request) -> Response:
        """A reload's successful rows; for the generated jobs the header only (never read)."""
        job = self._find(request.params["job"])
        if not isinstance(job, Bulk2Job):
            return Response.not_found()
        if job.index < 0:
            if not job.finished:
                return _invalid_state()
            return self._reload_results(job, "successful", ("sf__Id", "sf__Created"))
        head = ",".join(f'"{c}"' for c in ("sf__Id", "sf__Created", *job.columns)) + "\n"
        return Response(200, head.encode("utf-8"), "text/csv")


def _invalid_state() -> Response:
    return Response.json(
        [
            {
                "errorCode": "INVALIDJOBSTATE",
                "message": "Results are only available once the job has finished.",
            }
        ],
        409,
    )


def _encode_locator(job_type: str, offset: int) -> str:
    return base64.urlsafe_b64encode(f"{job_type}|{offset}".encode()).decode().rstrip("=")


def _decode_locator(locator: str) -> tuple[str, int] | None:
    try:
        text = base64.urlsafe_b64decode(locator + "=" * (-len(locator) % 4)).decode()
        job_type, offset = text.split("|")
        return job_type, max(0, int(offset))
    except (ValueError, UnicodeDecodeError):
        return None
