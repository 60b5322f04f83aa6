"""DemoOrg: a Salesforce-compatible HTTPS server on 127.0.0.1 for tests, demos and benchmarks.

Starts in well under a second even for millions of errors: only job metadata is built up
front; CSV bodies are generated on first read (or by `prewarm()`).
"""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime, timedelta
from types import TracebackType

from syncerr_gui.demo_org import values
from syncerr_gui.demo_org.bulk1 import Bulk1Routes
from syncerr_gui.demo_org.bulk2 import Bulk2Routes
from syncerr_gui.demo_org.config import DemoConfig, DemoUser
from syncerr_gui.demo_org.data import INTEGRATION_USERS, JobCatalog, user_id
from syncerr_gui.demo_org.faults import FaultInjector
from syncerr_gui.demo_org.handler import DemoHttpServer
from syncerr_gui.demo_org.httpkit import Router
from syncerr_gui.demo_org.ids import sf_id
from syncerr_gui.demo_org.ingest import IngestRoutes, IngestStore
from syncerr_gui.demo_org.jobs import Bulk2Job
from syncerr_gui.demo_org.metadata_routes import MetadataRoutes
from syncerr_gui.demo_org.oauth import OAuthRoutes
from syncerr_gui.demo_org.query import QueryRoutes
from syncerr_gui.demo_org.records import RecordFactory
from syncerr_gui.demo_org.sessions import SessionStore
from syncerr_gui.demo_org.soap import SoapLogin
from syncerr_gui.demo_org.state import OrgState, UserRecord
from syncerr_gui.demo_org.tls import TlsMaterial
from syncerr_gui.demo_org.truth import DemoTruth

logger = logging.getLogger(__name__)

ADDED_JOB_INDEX = 900_000  # jobs added at run time: ids and record numbers apart from the catalogue's


def _router(state: OrgState, reloads: IngestStore) -> Router:
    router = Router()
    jobs = QueryRoutes(state)
    for routes in (
        SoapLogin(state),
        OAuthRoutes(state),
        MetadataRoutes(state, jobs),  # before the job queries: it hands them theirs
        jobs,
        Bulk2Routes(state, reloads),
        IngestRoutes(state, reloads),
        Bulk1Routes(state),
    ):
        routes.register(router)
    return router


class DemoOrg:
    """A loopback demo org; use as a context manager (`__enter__` starts, `__exit__` stops).

    `admin`, `non_admin`, `locked` (DemoUser) and `truth` (DemoTruth) exist once started.
    """

    oauth_client_id = "SyncErrorsDemo"
    admin: DemoUser
    non_admin: DemoUser
    locked: DemoUser
    truth: DemoTruth

    def __init__(self, config: DemoConfig | None = None, *, port: int = 0) -> None:
        self.config = config or DemoConfig()
        self.port = port
        self.org_id = sf_id("00D", 4_242 + self.config.seed)
        self.instance_url = ""
        self.ca_path = ""
        self._state: OrgState | None = None
        self._server: DemoHttpServer | None = None
        self._thread: threading.Thread | None = None
        self._tls: TlsMaterial | None = None
        self._reloads: IngestStore | None = None

    def start(self) -> DemoOrg:
        """Bind 127.0.0.1 on a free port with TLS and serve from a background thread."""
        if self._server is not None:
            return self
        self._tls = TlsMaterial()
        self.ca_path = self._tls.ca_path
        state = self._new_state()
        self._reloads = IngestStore(state)
        server = DemoHttpServer(state, _router(state, self._reloads), self.port)
        server.socket = self._tls.server_context().wrap_socket(
            server.socket, server_side=True, do_handshake_on_connect=False
        )
        self.instance_url = f"https://127.0.0.1:{server.server_address[1]}"
        state.instance_url = self.instance_url
        self._state, self._server = state, server
        self.admin = self._demo_user(state.users["admin"])
        self.non_admin = self._demo_user(state.users["non_admin"])
        self.locked = self._demo_user(state.users["locked"])
        self.truth = DemoTruth(state)
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.1}, name="demo-org", daemon=True
        )
        self._thread.start()
        logger.info("demo org listening on %s", self.instance_url)
        return self

    def _new_state(self) -> OrgState:
        now = (self.config.now or datetime.now(UTC)).astimezone(UTC)
        catalog = JobCatalog(self.config, now)
        return OrgState(
            config=self.config,
            org_id=self.org_id,
            instance_url="",
            catalog=catalog,
            factory=RecordFactory(self.config.seed, catalog.now),
            sessions=SessionStore(self.org_id, self.config.expire_tokens_after),
            faults=FaultInjector(),
            client_id=self.oauth_client_id,
            users=OrgState.make_users(),
        )

    def stop(self) -> None:
        """Stop serving, close connections and delete the TLS material."""
        if self._server is None or self._state is None:
            return
        self._state.stop_event.set()
        self._server.shutdown()
        self._server.close_connections()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        if self._tls is not None:
            self._tls.cleanup()
        self._server = None
        logger.info("demo org stopped")

    def __enter__(self) -> DemoOrg:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def _demo_user(self, user: UserRecord) -> DemoUser:
        token = self._started.sessions.issue(user.key)
        return DemoUser(
            user.username,
            user.password,
            user.security_token,
            user.user_id,
            token,
            user.display_name,
            user.email,
        )

    @property
    def oauth_auto_key(self) -> str:
        """The per-run secret a scripted browser passes as `auto_key` with `authorize?auto=allow`."""
        return self._started.auto_key

    @property
    def _started(self) -> OrgState:
        if self._state is None:
            raise RuntimeError("the demo org is not started")
        return self._state

    # -- test controls (thread-safe) --------------------------------------------------------------
    def fail_next(
        self,
        path_contains: str,
        status: int,
        times: int = 1,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        """The next `times` requests whose path contains the text answer `status` (with `headers`)."""
        self._started.faults.fail_next(path_contains, status, times, body, headers)

    def point_last_job_page_at(self, base_url: str, job_type: str = "V2Ingest") -> None:
        """The last `jobs/ingest` page of `job_type` names `base_url` (another host) for more."""
        self._started.faults.point_last_page_at(job_type, base_url)

    def stall_next(self, path_contains: str, seconds: float) -> None:
        """The next matching request waits `seconds` (cut short by `stop()`) before its answer."""
        self._started.faults.stall_next(path_contains, seconds)

    def delete_job(self, job_id: str, unlist: bool = False) -> None:
        """The job's info and results answer 404 from now on; it stays listed unless `unlist`."""
        with self._started.lock:
            self._started.deleted.add(job_id)
            if unlist:
                self._started.unlisted.add(job_id)

    def age_out_jobs(self, older_than_days: float) -> list[str]:
        """Delete and unlist every job last modified more than `older_than_days` before the org's `now`.

        What Salesforce's 7-day retention does to old jobs: Bulk jobs (by `systemModstamp`)
        vanish from `jobs/ingest` and answer 404 / InvalidJob; Apex jobs (by `CompletedDate`)
        leave the query. `now` is `config.now` or the start time. Returns the ids aged out.
        """
        catalog = self._started.catalog
        cutoff = catalog.now - timedelta(days=older_than_days)
        gone = [job.id for job in catalog.bulk2 if job.modstamp < cutoff]
        gone += [job.id for job in catalog.classic if job.modstamp < cutoff]
        gone += [job.id for job in catalog.apex if job.completed < cutoff]
        for job_id in gone:
            self.delete_job(job_id, unlist=True)
        logger.info("aged out %d jobs older than %s days", len(gone), older_than_days)
        return gone

    def hold_reloads(self, hold: bool = True) -> None:
        """While held, ingest jobs reach InProgress but not JobComplete (catch a reload mid-way)."""
        if self._reloads is not None:
            self._reloads.hold = hold

    def add_failing_job(
        self,
        object_name: str,
        error_text: str,
        failed: int,
        operation: str = "insert",
        finished_at: datetime | None = None,
    ) -> str:
        """A Bulk 2.0 job that finished just now with `failed` rows all failing with
        `error_text` (an `sf__Error`, e.g. "CODE:message:Field --"): a new cause appearing
        while the org runs, as a watch test needs (`finished_at`: when, default now). Returns
        the job's id."""
        state = self._started
        columns = tuple(name for name, _ in values.COLUMNS[object_name])
        with state.lock:
            index = ADDED_JOB_INDEX + len(state.added)
        now = (finished_at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
        job = Bulk2Job(
            index=index,
            id=sf_id("750", index),
            operation=operation,
            object=object_name,
            created_by=user_id(INTEGRATION_USERS[0][1]),
            created=now - timedelta(seconds=30),
            modstamp=now,
            state="JobComplete",
            api_version=62.0,
            line_ending="LF",
            column_delimiter="COMMA",
            answer_delimiter=",",
            header_quoted=True,
            columns=columns,
            external_id=None,
            error_message=None,
            failed=failed,
            processed=failed + 10,
            unprocessed=0,
            error_text=error_text,
        )
        with state.lock:
            state.added.append(job)
            state.catalog.bulk2.append(job)
            state.catalog.bulk2_by_id[job.id] = job
        return job.id

    def expire_sessions(self) -> None:
        """Every current access token becomes invalid (refresh tokens and passwords still work)."""
        self._started.sessions.expire_all()

    def prewarm(self) -> None:
        """Generate and cache every result body now (benchmarks call this before timing)."""
        state = self._started
        for job in state.catalog.bulk2:
            if job.finished:
                state.factory.bulk2_failed_csv(job)
        for cjob in state.catalog.classic:
            for batch in cjob.batches:
                if batch.state == "Completed":
                    state.factory.classic_result_csv(cjob, batch)
                state.factory.classic_request_csv(cjob, batch)

    @property
    def request_log(self) -> list[tuple[str, str]]:
        """(method, path incl. query) of every request served, in order (a copy)."""
        with self._started.lock:
            return list(self._started.request_log)

    @property
    def api_usage(self) -> int:
        """Requests served so far (what `Sforce-Limit-Info` reports)."""
        return self._started.api_used
