"""Bulk API 1.0 routes: job and batch info in XML, batch result and request CSV."""

from __future__ import annotations

import logging

from syncerr_gui.demo_org import wire
from syncerr_gui.demo_org.httpkit import Request, Response, Router
from syncerr_gui.demo_org.jobs import ClassicBatch, ClassicJob
from syncerr_gui.demo_org.state import OrgState

logger = logging.getLogger(__name__)

_JOB = r"/services/async/(?P<ver>\d{2,3}\.\d)/job/(?P<job>750\w{15})"
_BATCH = _JOB + r"/batch/(?P<batch>751\w{15})"


class Bulk1Routes:
    """`/services/async/{ver}/job/…` (authenticated by X-SFDC-Session in the server)."""

    def __init__(self, state: OrgState) -> None:
        self.state = state

    def register(self, router: Router) -> None:
        """Add the routes."""
        router.add("GET", _JOB + "/?", self.job)
        router.add("GET", _JOB + "/batch/?", self.batches)
        router.add("GET", _BATCH + "/?", self.batch)
        router.add("GET", _BATCH + "/result/?", self.result)
        router.add("GET", _BATCH + "/request/?", self.request_csv)

    def _job(self, request: Request) -> ClassicJob | None:
        job_id = request.params["job"]
        if self.state.is_deleted(job_id):
            return None
        return self.state.catalog.classic_by_id.get(job_id)

    def _batch(self, request: Request) -> tuple[ClassicJob | None, ClassicBatch | None]:
        job = self._job(request)
        if job is None:
            return None, None
        return job, next((b for b in job.batches if b.id == request.params["batch"]), None)

    def job(self, request: Request) -> Response:
        """`<jobInfo>`."""
        job = self._job(request)
        return Response.xml(wire.classic_job_xml(job)) if job else _no_job(request)

    def batches(self, request: Request) -> Response:
        """`<batchInfoList>`."""
        job = self._job(request)
        return Response.xml(wire.batch_list_xml(job)) if job else _no_job(request)

    def batch(self, request: Request) -> Response:
        """`<batchInfo>`."""
        job, batch = self._batch(request)
        if job is None or batch is None:
            return _no_batch(request) if job else _no_job(request)
        return Response.xml(wire.batch_xml(job, batch))

    def result(self, request: Request) -> Response:
        """`"Id","Success","Created","Error"` rows in request order."""
        job, batch = self._batch(request)
        if job is None or batch is None:
            return _no_batch(request) if job else _no_job(request)
        if batch.state != "Completed":
            return Response.xml(
                wire.async_error_xml("InvalidBatch", batch.state_message or "Batch not processed"), 400
            )
        return Response(200, self.state.factory.classic_result_csv(job, batch), "text/csv")

    def request_csv(self, request: Request) -> Response:
        """The batch's original input."""
        job, batch = self._batch(request)
        if job is None or batch is None:
            return _no_batch(request) if job else _no_job(request)
        return Response(200, self.state.factory.classic_request_csv(job, batch), "text/csv")


def _no_job(request: Request) -> Response:
    return Response.xml(
        wire.async_error_xml("InvalidJob", f"Unable to find object: {request.params['job']}"), 400
    )


def _no_batch(request: Request) -> Response:
    return Response.xml(
        wire.async_error_xml("InvalidBatch", f"Unable to find batch: {request.params['batch']}"), 400
    )
