"""The independent org's HTTPS server: stdlib `http.server` + `ssl`, a fresh `trustme` CA per start.

HTTP/1.1 with Content-Length on every answer (keep-alive works like Salesforce's). All the
wire decisions live in `routes.Router`; this module only moves bytes and records what was
asked (path, which auth header kind — never the token itself).
"""

from __future__ import annotations

import logging
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType

import trustme

from tests.independent_org.routes import Answer, Router

from .fixtures_bulk2 import ACCESS_TOKEN, ORG_ID

logger = logging.getLogger(__name__)


class _Handler(BaseHTTPRequestHandler):
    """GET only (the export reads); anything else is 405 like a read-only resource."""

    protocol_version = "HTTP/1.1"
    server_version = "IndependentOrg/1.0"
    timeout = 30  # an idle keep-alive connection does not hold a thread forever
    server: _Server

    def do_GET(self) -> None:
        auth = (
            "session"
            if "X-SFDC-Session" in self.headers
            else "bearer"
            if self.headers.get("Authorization", "").startswith("Bearer ")
            else "none"
        )
        self.server.log_request_line(self.path, auth)
        self._send(self.server.router.answer(self.path, self.headers))

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(min(length, 1_000_000))
        self._send(Answer(405, b'[{"errorCode":"METHOD_NOT_ALLOWED","message":"HTTP Method not allowed"}]'))

    def _send(self, answer: Answer) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(answer.body)

    def log_message(self, format: str, *args: object) -> None:
        logger.debug("independent org: " + format, *args)


class _Server(ThreadingHTTPServer):
    """Holds the router and the request log for the handlers."""

    daemon_threads = True

    def __init__(self, router: Router) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.router = router
        self.requests: list[tuple[str, str]] = []
        self._log_lock = threading.Lock()

    def log_request_line(self, path: str, auth: str) -> None:
        with self._log_lock:
            self.requests.append((path, auth))


class IndependentOrg:
    """A running independent org; use as a context manager.

    `missing_failed_results` names Bulk 2.0 jobs whose failedResults answer 404 NOT_FOUND
    (as when Salesforce has deleted the job's results).
    """

    org_id = ORG_ID
    access_token = ACCESS_TOKEN

    def __init__(self, workdir: Path, *, missing_failed_results: frozenset[str] = frozenset()) -> None:
        self._workdir = workdir
        self._router = Router(ACCESS_TOKEN, missing_failed_results)
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self.ca_path = workdir / "independent-ca.pem"

    @property
    def instance_url(self) -> str:
        """`https://127.0.0.1:<port>` of the running server."""
        if self._server is None:
            raise RuntimeError("the independent org is not running")
        return f"https://127.0.0.1:{self._server.server_address[1]}"

    @property
    def requests(self) -> list[tuple[str, str]]:
        """(path with query, auth kind: "bearer" / "session" / "none") of every GET so far."""
        return list(self._server.requests) if self._server is not None else []

    def start(self) -> IndependentOrg:
        """Make a fresh CA and a server certificate for 127.0.0.1, then serve in a thread."""
        ca = trustme.CA()
        ca.cert_pem.write_to_path(str(self.ca_path))
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
        server = _Server(self._router)
        server.socket = context.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, name="independent-org", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the listening socket."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join()

    def __enter__(self) -> IndependentOrg:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
