"""The loopback redirect server of the browser login: it receives `?code=…&state=…` once.

Salesforce sends the browser to `http://localhost:<port><path>` after the user allows (or
denies) access. This tiny `http.server` listens on 127.0.0.1 (and ::1, because browsers may
resolve "localhost" to either) in a background thread, takes exactly one answer on the
callback path, tells the browser it can close the tab, and shuts down — also on cancel and
on timeout. Everything else (other paths, favicon, stray requests) gets a 404 and is ignored.

Any local process (or an `<img>` on any web page) can send a GET to this port, so an answer
whose `state` is not the login's own is refused with a plain error page and the server keeps
waiting for the right one until the timeout. On Linux, connections from other users of the
machine are refused outright (`loopback_peer`). The browser is pointed at `/start?t=<nonce>`
on this server, which redirects to the authorize URL: the URL with its `state` and PKCE
challenge never appears on a command line (browser launchers put their URL in argv, which
every local user can read).
"""

from __future__ import annotations

import errno
import hmac
import html
import logging
import os
import secrets
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from syncerr_gui.core.auth.loopback_peer import is_other_user
from syncerr_gui.core.exceptions import OAuthError
from syncerr_gui.core.words import say

logger = logging.getLogger(__name__)

APP_TITLE = "Salesforce Sync Errors"
_MAX_QUERY = 16_384  # an authorization code is ~100 chars; refuse anything absurd
START_PATH = "/start"  # where the browser is sent first; it redirects to the authorize URL
ACCEPTED, REFUSED, LATE = "accepted", "refused", "late"  # what became of an answer


Cancel = Any  # threading.Event, the engine's CancelToken (`is_cancelled`), a callable, or None


def is_cancelled(cancel: Cancel) -> bool:
    """True when `cancel` says stop: an Event (`is_set()`), a CancelToken (`is_cancelled`) or a
    callable returning bool."""
    if cancel is None:
        return False
    if hasattr(cancel, "is_set"):
        return bool(cancel.is_set())
    if hasattr(cancel, "is_cancelled"):
        flag = cancel.is_cancelled
        return bool(flag() if callable(flag) else flag)
    return bool(cancel())


@dataclass(frozen=True)
class RedirectResult:
    """What the browser brought back: a code and state, or an error and its description."""

    code: str = field(default="", repr=False)
    state: str = field(default="", repr=False)
    error: str = ""
    error_description: str = ""


def port_in_use_message(port: int) -> str:
    return say(
        "Port {port} is in use by another program. Choose another callback port in the "
        "login settings (it must match your External Client App's callback URL).",
        port=str(port),
    )


def _page(title: str, text: str) -> bytes:
    body = (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title>"
        "<style>body{font-family:sans-serif;margin:4em auto;max-width:34em;color:#222}</style>"
        f"</head><body><h1>{html.escape(title)}</h1><p>{html.escape(text)}</p>"
        f"<p>You can close this tab and return to {APP_TITLE}.</p></body></html>"
    )
    return body.encode("utf-8")


class _Handler(BaseHTTPRequestHandler):
    """Answers the callback path once; 404 for anything else."""

    server: _LoopbackHTTPServer
    timeout = 10  # a browser's idle pre-connection must not hold a thread for long
    server_version = "SalesforceSyncErrors"
    sys_version = ""

    def do_GET(self) -> None:
        owner = self.server.owner
        parts = urlsplit(self.path)
        if is_other_user(self.client_address, self.connection.getsockname()):
            owner.note_refused()
            self._send(403, _page("Not allowed", "This login belongs to another user of this computer."))
            return
        if parts.path == START_PATH and (target := owner.start_target(parts.query)):
            self._send(303, _page("Opening Salesforce", "Continue to Salesforce to log in."), target)
            return
        if parts.path != owner.path or len(parts.query) > _MAX_QUERY:
            self._send(404, _page("Not found", "This address is only used to finish a login."))
            return
        result = _parse_result(parts.query)
        if result is None:
            self._send(400, _page("Unexpected request", "This address is only used to finish a login."))
            return
        outcome = owner.deliver(result)
        self._send(400 if outcome == REFUSED else 200, _page(*owner.page_for(result, outcome)))

    def do_POST(self) -> None:
        self._send(405, _page("Not allowed", "This address only accepts the browser's redirect."))

    def _send(self, status: int, body: bytes, location: str = "") -> None:
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        # The request line carries the authorization code: log only method and path.
        logger.debug("callback server: %s %s", self.command, urlsplit(self.path or "").path)


def _parse_result(query: str) -> RedirectResult | None:
    values = parse_qs(query, keep_blank_values=True)

    def one(name: str) -> str:
        got = values.get(name, [""])
        return got[0] if len(got) == 1 else ""

    if one("error"):
        return RedirectResult(
            error=one("error"), error_description=one("error_description"), state=one("state")
        )
    if one("code"):
        return RedirectResult(code=one("code"), state=one("state"))
    return None


class _LoopbackHTTPServer(ThreadingHTTPServer):
    """A ThreadingHTTPServer that refuses to share its port and knows its `RedirectServer`."""

    daemon_threads = True
    # POSIX SO_REUSEADDR only skips TIME_WAIT (it never lets two listeners share a port);
    # on Windows it would let another program steal the port, so there use exclusive use.
    allow_reuse_address = os.name != "nt"

    def __init__(self, address: tuple[str, int], owner: RedirectServer, family: int) -> None:
        self.address_family = family
        self.owner = owner
        super().__init__(address, _Handler)

    def server_bind(self) -> None:
        if os.name == "nt" and hasattr(socket, "SO_EXCLUSIVEADDRUSE"):
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
        if self.address_family == socket.AF_INET6:
            self.socket.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
        super().server_bind()


class RedirectServer:
    """One-shot loopback HTTP server for the OAuth redirect.

    `start()` binds (raising `OAuthError` in words if the port is taken); `wait()` blocks until
    the browser brings an answer with the expected state, `cancel` says stop, or the timeout
    passes; the server is shut down in every case. `refused` counts answers turned away.
    """

    def __init__(
        self, port: int = 1717, path: str = "/OauthRedirect", expected_state: str | None = None
    ) -> None:
        self.path = path if path.startswith("/") else "/" + path
        self.expected_state = expected_state
        self._requested_port = port
        self._bound_port = port
        self._servers: list[_LoopbackHTTPServer] = []
        self._threads: list[threading.Thread] = []
        self._result: RedirectResult | None = None
        self._done = threading.Event()
        self._lock = threading.Lock()
        self._start_nonce = ""
        self._start_target = ""
        self.refused = 0

    @property
    def port(self) -> int:
        """The bound port (the requested one, or the one the OS chose for port 0)."""
        return self._bound_port

    @property
    def running(self) -> bool:
        return bool(self._servers)

    def start(self) -> None:
        """Binds 127.0.0.1 (required) and ::1 (when the machine has IPv6) and starts serving."""
        if self._servers:
            return
        self._bind("127.0.0.1", self._requested_port, socket.AF_INET, required=True)
        self._bound_port = int(self._servers[0].server_address[1])
        if socket.has_ipv6:
            self._bind("::1", self.port, socket.AF_INET6, required=False)
        for server in self._servers:
            thread = threading.Thread(
                target=server.serve_forever, kwargs={"poll_interval": 0.2}, name="oauth-redirect", daemon=True
            )
            thread.start()
            self._threads.append(thread)
        logger.info("callback server listening on port %s", self.port)

    def _bind(self, host: str, port: int, family: int, required: bool) -> None:
        try:
            self._servers.append(_LoopbackHTTPServer((host, port), self, family))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE or getattr(exc, "winerror", 0) in (10013, 10048):
                self.close()
                raise OAuthError(port_in_use_message(port)) from None
            if required:
                self.close()
                raise OAuthError(
                    say(
                        "Could not listen for the browser's answer on port {port}: {reason}.",
                        port=str(port),
                        reason=str(exc.strerror or exc),
                    )
                ) from None
            logger.debug("no IPv6 loopback listener: %s", exc)

    def offer_start(self, authorize_url: str) -> str:
        """The URL to give the browser: this server's `/start?t=<nonce>`, which sends it on
        to `authorize_url` (so that URL is never a launcher's command-line argument)."""
        self._start_target = authorize_url
        self._start_nonce = secrets.token_urlsafe(24)
        return f"http://localhost:{self.port}{START_PATH}?t={self._start_nonce}"

    def start_target(self, query: str) -> str:
        """The authorize URL for a `/start` query with the right nonce, else ''."""
        given = parse_qs(query).get("t", [""])[0] if len(query) <= _MAX_QUERY else ""
        nonce = self._start_nonce
        if not nonce or not hmac.compare_digest(given.encode(), nonce.encode()):
            return ""
        return self._start_target

    def deliver(self, result: RedirectResult) -> str:
        """Called by the handler: ACCEPTED (the first answer with the expected state), REFUSED
        (another state: the server keeps waiting), or LATE (an answer was already taken)."""
        expected = self.expected_state
        if expected is not None and not hmac.compare_digest(result.state.encode(), expected.encode()):
            self.note_refused()
            return REFUSED
        with self._lock:
            if self._done.is_set():
                return LATE
            self._result = result
            self._done.set()
            return ACCEPTED

    def note_refused(self) -> None:
        with self._lock:
            self.refused += 1
        logger.warning("callback server refused an answer that does not belong to this login")

    def page_for(self, result: RedirectResult, outcome: str) -> tuple[str, str]:
        """Title and text of the page the browser shows after the redirect."""
        if outcome == REFUSED:
            return "Login not accepted", "This answer does not belong to the login the app started."
        if outcome == LATE:
            return "Login already finished", "This login has already been completed or cancelled."
        if result.error:
            return "Login not completed", "Salesforce did not grant access; see the app for details."
        return "Logged in", "You are logged in."

    def wait(self, timeout: float, cancel: Cancel = None) -> RedirectResult | None:
        """The browser's answer, or None when cancelled or timed out. Always shuts down."""
        deadline = time.monotonic() + max(0.0, timeout)
        try:
            while not self._done.wait(0.1):
                if is_cancelled(cancel) or time.monotonic() >= deadline:
                    return None
            return self._result
        finally:
            self.close()

    def close(self) -> None:
        """Stops serving and frees the port (safe to call more than once, from any thread but
        a request handler's)."""
        servers, self._servers = self._servers, []
        for server in servers:
            if self._threads:
                server.shutdown()
            server.server_close()
        for thread in self._threads:
            thread.join(timeout=2)
        self._threads = []
