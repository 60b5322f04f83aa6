"""The demo org's HTTP/1.1 request handler: log, inject faults, authenticate, route, answer."""

from __future__ import annotations

import logging
import socket
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from syncerr_gui.demo_org import wire
from syncerr_gui.demo_org.httpkit import Request, Response, Router
from syncerr_gui.demo_org.state import API_LIMIT, OrgState

logger = logging.getLogger(__name__)

MAX_BODY = 8 * 1024 * 1024


class DemoHttpServer(ThreadingHTTPServer):
    """A threaded server that remembers open connections so `stop()` can close them at once."""

    daemon_threads = True
    block_on_close = False
    request_queue_size = 128  # socketserver's default of 5 refuses bursts of new TLS clients

    def __init__(self, state: OrgState, router: Router, port: int = 0) -> None:
        self.state = state
        self.router = router
        self._connections: set[socket.socket] = set()
        self._conn_lock = threading.Lock()
        super().__init__(("127.0.0.1", port), DemoRequestHandler)

    def track(self, connection: socket.socket, live: bool) -> None:
        """Add or remove an open connection."""
        with self._conn_lock:
            (self._connections.add if live else self._connections.discard)(connection)

    def close_connections(self) -> None:
        """Shut every open keep-alive connection so its thread ends."""
        with self._conn_lock:
            connections = list(self._connections)
        for connection in connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Broken or refused connections are normal here (e.g. an untrusting client): log quietly."""
        logger.debug("connection error from %s", client_address, exc_info=True)


class DemoRequestHandler(BaseHTTPRequestHandler):
    """One connection; requests are answered with Content-Length so keep-alive works."""

    protocol_version = "HTTP/1.1"
    server_version = "SFDC"
    timeout = 120
    server: DemoHttpServer

    def version_string(self) -> str:
        """The `Server` header, as Salesforce sends it."""
        return self.server_version

    def setup(self) -> None:
        super().setup()
        # Headers and body go out as separate writes: without NODELAY, Nagle + delayed ACK
        # would add ~40 ms to every keep-alive answer.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.server.track(self.connection, True)

    def finish(self) -> None:
        try:
            super().finish()
        except OSError:
            pass
        finally:
            self.server.track(self.connection, False)

    def handle(self) -> None:
        try:
            if isinstance(self.connection, ssl.SSLSocket):
                self.connection.do_handshake()
            super().handle()
        except (OSError, ValueError) as exc:  # TLS refused, client went away, socket shut on stop
            logger.debug("connection ended: %s", type(exc).__name__)
            self.close_connection = True

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("demo org: " + format, *args)

    def do_GET(self) -> None:
        self._serve()

    do_POST = do_PUT = do_PATCH = do_DELETE = do_GET

    def _serve(self) -> None:
        state = self.server.state
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self._send(
                Response.json([{"errorCode": "REQUEST_TOO_LARGE", "message": "body too large"}], 413), 0
            )
            self.close_connection = True
            return
        body = self.rfile.read(length) if length > 0 else b""
        request = Request.parse(self.command, self.path, self.headers, body)
        used = state.count_request(self.command, self.path)
        stall = state.faults.take_stall(request.target)
        if stall > 0:
            state.stop_event.wait(stall)
        failure = state.faults.take_failure(request.target)
        if failure is not None:
            response = Response(failure.status, failure.body, failure.content_type, failure.headers)
        else:
            response = self._authenticate(request) or self._route(request)
        self._send(response, used)

    def _authenticate(self, request: Request) -> Response | None:
        """REST wants a Bearer token, Bulk 1.0 an X-SFDC-Session header; None = go on."""
        sessions = self.server.state.sessions
        if request.path.startswith("/services/data/v"):
            if sessions.check(request.bearer()) is None:
                return Response.json(
                    [{"message": "Session expired or invalid", "errorCode": "INVALID_SESSION_ID"}], 401
                )
        elif (
            request.path.startswith("/services/async/")
            and sessions.check(request.headers.get("X-SFDC-Session", "").strip()) is None
        ):
            return Response.xml(wire.async_error_xml("InvalidSessionId", "Invalid session id"), 400)
        return None

    def _route(self, request: Request) -> Response:
        try:
            return self.server.router.dispatch(request)
        except Exception:  # a bug in a route must not kill the connection thread silently
            logger.exception("demo org route failed for %s", request.path)
            return Response.json(
                [{"message": "An unexpected error occurred.", "errorCode": "UNKNOWN_EXCEPTION"}], 500
            )

    def _send(self, response: Response, used: int) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        if self.path.startswith("/services/data"):
            self.send_header("Sforce-Limit-Info", f"api-usage={used}/{API_LIMIT}")
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(response.body)
