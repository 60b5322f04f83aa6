"""OrgClient: the one authenticated request path to the org (REST and Bulk 1.0).

Everything the sync downloads goes through here, so the safety rules live in one place:
a timeout on every request, the token only ever sent to the org's own scheme+host+port
(no redirects followed, links named by a response checked), bounded retries with backoff
and jitter, a bounded number of renewals of an expired session (through the session, the
token's one owner), bounded streamed bodies that stop on cancel, and failures turned into
sentences a Salesforce admin can act on. The admin check queries through here too.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

import requests

from syncerr_gui.core.cancel import CancelToken
from syncerr_gui.core.exceptions import RequestFailed, SessionExpired
from syncerr_gui.core.salesforce.api_limit import DailyLimitExhausted, is_daily_limit
from syncerr_gui.core.salesforce.concurrency import AdaptiveLimit
from syncerr_gui.core.salesforce.error_body import error_details
from syncerr_gui.core.salesforce.http import DEFAULT_TIMEOUT, Timeouts, make_session
from syncerr_gui.core.salesforce.retry import RetryPolicy, retry_after_seconds
from syncerr_gui.core.salesforce.token_source import TokenSource
from syncerr_gui.core.salesforce.trust import tls_failure_words
from syncerr_gui.core.words import Words, say

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 2 * 1024**3
CHUNK_BYTES = 1024 * 1024
MAX_RENEWALS_PER_REQUEST = 3
NOT_RENEWABLE = say("Your Salesforce session has expired. Log in again to sync.")
RENEWAL_FAILED = say("Your Salesforce session has expired and could not be renewed. Log in again to sync.")
_USAGE = re.compile(r"api-usage=(\d+)/(\d+)")
_RETRY_STATUSES = frozenset({500, 502, 503, 504})
_OVERLOAD_STATUSES = frozenset({429, 503})

__all__ = ["OrgClient", "RetryPolicy", "parse_json"]


class _Retry(Exception):
    """Internal: this attempt failed in a way worth trying again; `reason` is in words.

    `overloaded`: the org asked for fewer requests (429, 503, REQUEST_LIMIT_EXCEEDED);
    `retry_after`: seconds its `Retry-After` header asked to wait; `reached`: the request may
    have been acted on (a write that may have reached the org is never sent blindly again).
    """

    def __init__(
        self,
        reason: str,
        status: int | None = None,
        code: str = "",
        *,
        overloaded: bool = False,
        retry_after: float | None = None,
        reached: bool = True,
    ) -> None:
        super().__init__(reason)
        self.reason, self.status, self.code = reason, status, code
        self.overloaded, self.retry_after, self.reached = overloaded, retry_after, reached


@dataclass(frozen=True)
class _Call:
    """One request as sent: GET, or a write (POST, PUT, PATCH) with its body."""

    method: str = "GET"
    body: bytes | None = None
    content_type: str = ""
    accept: str = "*/*"
    bulk1: bool = False

    @property
    def idempotent(self) -> bool:
        """Sending it twice does what sending it once does (GET, and PUT replacing an upload)."""
        return self.method in ("GET", "PUT")


class OrgClient:
    """Authenticated requests to one org (GETs, and the writes of a reload), shared by the
    worker threads of one sync."""

    def __init__(
        self,
        source: TokenSource,
        *,
        timeout: Timeouts = DEFAULT_TIMEOUT,
        cancel: CancelToken | None = None,
        retry: RetryPolicy | None = None,
        max_body: int = MAX_BODY_BYTES,
        limit: AdaptiveLimit | None = None,
    ) -> None:
        self._source = source
        self.limit = limit or AdaptiveLimit()
        self._timeout = Timeouts(*timeout)
        self._cancel = cancel or CancelToken()
        self._retry = retry or RetryPolicy()
        self._max_body = max_body
        self._session = _usable_session(source.http)
        base = urlsplit(source.instance_url)
        if base.scheme != "https" or not base.hostname:
            raise RequestFailed(say("The org's address is not an https:// URL; nothing was sent."))
        self.base_url = f"https://{base.netloc}"
        self._origin = ("https", base.hostname.lower(), base.port or 443)
        self.api_version = source.api_version
        self._lock = threading.Lock()
        self._renewal_failed = False  # for this client's life (one sync): no second attempt
        self._requests = 0
        self._usage: tuple[int, int] | None = None
        self.daily_limit_hit = False  # set at the first refusal for the daily API limit

    @property
    def requests_made(self) -> int:
        """HTTP requests sent so far, retries included."""
        return self._requests

    @property
    def api_usage(self) -> tuple[int, int] | None:
        """The latest (used, limit) from `Sforce-Limit-Info`, if the org sent one."""
        return self._usage

    def data_path(self, rest: str) -> str:
        """`/services/data/v59.0/<rest>` for the session's API version."""
        return f"/services/data/v{self.api_version}/{rest.lstrip('/')}"

    def get_json(self, target: str, *, bulk1: bool = False) -> Any:
        """GET `target` and parse the answer as JSON (a malformed answer fails in words)."""
        body, _ = self.get(target, bulk1=bulk1, accept="application/json")
        return parse_json(body, target)

    def query_pages(self, soql: str, max_pages: int) -> Iterator[dict[str, Any]]:
        """The pages of a SOQL query (`nextRecordsUrl` followed, at most `max_pages`, no loop).

        Each page is a dict whose `records` is a list; anything else fails in words.
        """
        target: str | None = self.data_path(f"query?q={quote(soql, safe='')}")
        seen: set[str] = set()
        for _ in range(max_pages):
            if target is None or target in seen:
                return
            seen.add(target)
            page = self.get_json(target)
            if not isinstance(page, dict) or not isinstance(page.get("records", []), list):
                raise RequestFailed(say("Salesforce sent a malformed query answer (no records)."))
            yield page
            next_url = page.get("nextRecordsUrl")
            target = next_url if isinstance(next_url, str) and next_url and not page.get("done") else None
        if target is not None:
            logger.warning("query stopped after %d pages", max_pages)

    def get(self, target: str, *, bulk1: bool = False, accept: str = "*/*") -> tuple[bytes, str]:
        """GET `target` (a path or a same-origin URL); returns (body bytes, content type)."""
        return self._request(target, _Call(accept=accept, bulk1=bulk1))

    def send(
        self, method: str, target: str, body: bytes, content_type: str, *, accept: str = "application/json"
    ) -> tuple[bytes, str]:
        """POST, PUT or PATCH `body` to `target` through the same guarded path as `get`.

        A POST or PATCH is tried again only when it provably never reached the org (the
        connection could not be made, 429, the request limit, an expired session): after a
        timeout or a 5xx it fails in words instead, since the org may have acted on it.
        """
        if method not in ("POST", "PUT", "PATCH"):
            raise ValueError(f"not a write method: {method}")
        return self._request(target, _Call(method, body, content_type, accept))

    def send_json(self, method: str, target: str, payload: Any) -> Any:
        """`send` a JSON body and parse the JSON answer (an empty answer is None)."""
        body = json.dumps(payload).encode("utf-8")
        answer, _ = self.send(method, target, body, "application/json; charset=UTF-8")
        return parse_json(answer, target) if answer.strip() else None

    def _request(self, target: str, call: _Call) -> tuple[bytes, str]:
        url = self.resolve(target)
        last: _Retry | None = None
        for attempt in range(self._retry.tries):
            if last is not None:
                self._backoff(attempt - 1, last.retry_after)
            self._cancel.raise_if_cancelled()
            if self.daily_limit_hit:  # org-wide: nothing of this sync would pass (api_limit.py)
                raise DailyLimitExhausted()
            try:
                with self.limit.slot(self._cancel):
                    return self._attempt(url, call)
            except DailyLimitExhausted:
                self.daily_limit_hit = True
                raise
            except _Retry as exc:
                if exc.overloaded:
                    self.limit.overloaded(exc.reason)
                if exc.reached and not call.idempotent:
                    raise RequestFailed(
                        say(
                            "{reason}. Salesforce may have received the request, so it was not sent "
                            "again; check the org before trying once more",
                            reason=exc.reason,
                        ),
                        exc.status,
                        exc.code,
                    ) from None
                logger.info("Retrying %s after: %s", _path_only(url), exc.reason)
                last = exc
        assert last is not None
        tried = say("{reason} (tried {tries} times)", reason=last.reason, tries=self._retry.tries)
        raise RequestFailed(tried, last.status, last.code)

    def resolve(self, target: str) -> str:
        """The absolute URL for `target`; refuses anything outside the org's own origin."""
        if any(ch in target for ch in "\\\r\n\t ") or not target:
            raise RequestFailed(
                say("Salesforce named a link the app cannot use safely; it was not followed.")
            )
        if target.startswith("/") and not target.startswith("//"):
            return self.base_url + target
        parts = urlsplit(target)
        try:
            origin = (parts.scheme.lower(), (parts.hostname or "").lower(), parts.port or 443)
        except ValueError:
            origin = ("", "", 0)
        if origin != self._origin:
            raise RequestFailed(_other_server(parts.hostname))
        return target

    def _attempt(self, url: str, call: _Call) -> tuple[bytes, str]:
        """One request with a few session renewals; raises `_Retry` when worth retrying.

        More than one renewal is allowed because concurrent workers can use up a fresh token
        (sessions that die after N requests) before this request's retry goes out; the count
        stays bounded so a server that refuses every token cannot keep us looping.
        """
        for renewals in range(MAX_RENEWALS_PER_REQUEST + 1):
            token = self._source.token()
            response = self._send(url, token, call)
            with response:
                if _is_expired(response, call.bulk1):
                    if renewals == MAX_RENEWALS_PER_REQUEST:
                        raise SessionExpired(
                            say("Salesforce refused the renewed session. Log in again to sync.")
                        )
                    self._renew(token)
                    continue
                _check_status(response)
                self.limit.answered(response.elapsed.total_seconds())
                body = self._read_body(response)
                return body, response.headers.get("Content-Type", "")
        raise AssertionError("unreachable")

    def _send(self, url: str, token: str, call: _Call) -> requests.Response:
        headers = {"Accept": call.accept}
        if call.content_type:
            headers["Content-Type"] = call.content_type
        if call.bulk1:
            headers["X-SFDC-Session"] = token
        else:
            headers["Authorization"] = f"Bearer {token}"
        try:
            response = self._session.request(
                call.method,
                url,
                data=call.body,
                headers=headers,
                timeout=self._timeout,
                stream=True,
                allow_redirects=False,
            )
        except requests.exceptions.SSLError as exc:
            problem = tls_failure_words(exc, _host(url))
            raise RequestFailed(say("{problem} Your session was not sent to it.", problem=problem)) from None
        except requests.exceptions.ConnectTimeout:
            raise _Retry(
                say("Could not connect to Salesforce at {host} in time", host=_host(url)), reached=False
            ) from None
        except requests.exceptions.Timeout:
            waited = self._timeout.read
            raise _Retry(
                say("Salesforce did not answer within {seconds:g} seconds", seconds=waited)
            ) from None
        except requests.exceptions.RequestException:
            raise _Retry(say("Could not connect to Salesforce at {host}", host=_host(url))) from None
        with self._lock:
            self._requests += 1
            self._record_usage(response)
        return response

    def _read_body(self, response: requests.Response) -> bytes:
        """Stream the body in chunks, stopping on cancel and refusing oversized answers."""
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self._max_body:
            megabytes = int(declared) // 2**20
            raise RequestFailed(
                say("Salesforce sent an answer too large to read ({megabytes} MB).", megabytes=megabytes)
            )
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_content(CHUNK_BYTES):
                self._cancel.raise_if_cancelled()
                size += len(chunk)
                if size > self._max_body:
                    raise RequestFailed(say("Salesforce sent an answer too large to read."))
                chunks.append(chunk)
        except requests.exceptions.Timeout:
            raise _Retry(say("Salesforce stopped sending in the middle of an answer")) from None
        except requests.exceptions.RequestException:
            raise _Retry(say("The connection broke in the middle of an answer")) from None
        return b"".join(chunks)

    def _renew(self, used_token: str) -> None:
        """Ask the session for a new token (it renews once for all threads that saw `used_token`)."""
        if self._renewal_failed:
            raise SessionExpired(RENEWAL_FAILED)
        try:
            fresh = self._source.renew(used_token)
        except SessionExpired:
            raise
        except Exception as exc:  # noqa: BLE001 - the renewer's text may hold secrets: log its type only
            logger.warning("Session renewal failed (%s)", type(exc).__name__)
            self._renewal_failed = True
            raise SessionExpired(RENEWAL_FAILED) from None
        if fresh != used_token:
            logger.info("Session renewed")

    def _backoff(self, attempt: int, retry_after: float | None) -> None:
        if self._cancel.wait(self._retry.delay(attempt, retry_after)):
            self._cancel.raise_if_cancelled()

    def _record_usage(self, response: requests.Response) -> None:
        match = _USAGE.search(response.headers.get("Sforce-Limit-Info", ""))
        if match:
            self._usage = (int(match.group(1)), int(match.group(2)))


def parse_json(body: bytes, what: str) -> Any:
    """JSON from bytes; anything else becomes a sentence naming the request."""
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise RequestFailed(
            say("Salesforce sent a malformed answer to {path} (not valid JSON).", path=_path_only(what))
        ) from None


def _check_status(response: requests.Response) -> None:
    """Raise `_Retry` for transient failures and `RequestFailed` for final ones."""
    status = response.status_code
    if 200 <= status < 300:
        return
    code, message = error_details(response)
    if is_daily_limit(status, code, message):
        raise DailyLimitExhausted()
    wait = retry_after_seconds(response.headers.get("Retry-After"))
    if status == 429:
        raise _Retry(
            say(
                "Salesforce asked for fewer requests ({status} {code})",
                status=status,
                code=code or "TOO_MANY_REQUESTS",
            ),
            status,
            code,
            overloaded=True,
            retry_after=wait,
            reached=False,
        )
    if status in _RETRY_STATUSES:
        raise _Retry(
            say(
                "Salesforce is unavailable right now ({status} {code})",
                status=status,
                code=code or "SERVER_UNAVAILABLE",
            ),
            status,
            code,
            overloaded=status in _OVERLOAD_STATUSES,
            retry_after=wait,
        )
    if status == 403 and code == "REQUEST_LIMIT_EXCEEDED":
        raise _Retry(
            say("The org reached its API request limit (403 REQUEST_LIMIT_EXCEEDED)"),
            status,
            code,
            overloaded=True,
            retry_after=wait,
            reached=False,
        )
    if status == 404:
        raise RequestFailed(
            say("Salesforce deleted this job or it does not exist (404 {code})", code=code or "NOT_FOUND"),
            status,
            code,
        )
    if 300 <= status < 400:
        raise RequestFailed(
            say(
                "Salesforce redirected the request elsewhere ({status}); the app did not follow.",
                status=status,
            ),
            status,
        )
    raise RequestFailed(_refused(status, code, message), status, code)


def _refused(status: int, code: str, message: str) -> Words:
    """A final refusal in words, with Salesforce's own message and code when it sent them."""
    message = message.replace(" )", ")")
    if message and code:
        return say(
            "Salesforce refused the request: {message} ({status} {code})",
            message=message,
            status=status,
            code=code,
        )
    if message:
        return say("Salesforce refused the request: {message} ({status})", message=message, status=status)
    if code:
        return say("Salesforce refused the request ({status} {code})", status=status, code=code)
    return say("Salesforce refused the request ({status})", status=status)


def _other_server(host: str | None) -> Words:
    """A link to another server, refused (the session never leaves the org)."""
    if host:
        return say(
            "Salesforce named a link on another server ({host}); "
            "the app did not follow it, so your session stayed with your org.",
            host=host,
        )
    return say(
        "Salesforce named a link on another server (unknown); "
        "the app did not follow it, so your session stayed with your org."
    )


def _is_expired(response: requests.Response, bulk1: bool) -> bool:
    if response.status_code == 401:
        return True
    if bulk1 and response.status_code == 400:
        code, _ = error_details(response)
        return code == "InvalidSessionId"
    return False


def _usable_session(session: requests.Session | None) -> requests.Session:
    """The sf's session when it is ours (timeouts, env trust off), else an equivalent one."""
    if session is not None and hasattr(session, "default_timeout") and not session.trust_env:
        return session
    verify = getattr(session, "verify", True)
    ca_bundle = getattr(session, "ca_bundle", None) or (verify if isinstance(verify, str) else None)
    return make_session(ca_bundle)


def _host(url: str) -> str:
    return urlsplit(url).netloc or "the server"


def _path_only(url: str) -> str:
    return urlsplit(url).path or url[:80]
