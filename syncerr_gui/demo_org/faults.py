"""Fault injection for tests: fail or stall the next requests whose path contains a text."""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass, field

logger = logging.getLogger(__name__)

_JSON_BODIES = {
    401: [{"message": "Session expired or invalid", "errorCode": "INVALID_SESSION_ID"}],
    403: [{"message": "TotalRequests Limit exceeded.", "errorCode": "REQUEST_LIMIT_EXCEEDED"}],
    429: [{"message": "Too many requests: try again later.", "errorCode": "REQUEST_LIMIT_EXCEEDED"}],
    404: [{"errorCode": "NOT_FOUND", "message": "The requested resource does not exist"}],
    500: [
        {
            "message": "An unexpected error occurred. Please include this ErrorId if you contact support: "
            "1392827374-83822 (-1127468291)",
            "errorCode": "UNKNOWN_EXCEPTION",
        }
    ],
    503: [
        {
            "message": "Server temporarily unavailable. Please try again later.",
            "errorCode": "SERVER_UNAVAILABLE",
        }
    ],
}


@dataclass
class Failure:
    """An injected answer."""

    status: int
    body: bytes
    content_type: str
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class _Rule:
    text: str
    status: int
    remaining: int
    body: bytes | None
    headers: dict[str, str] = field(default_factory=dict)


def default_body(status: int, path: str) -> tuple[bytes, str]:
    """A Salesforce-like error body for `status` (XML on Bulk 1.0 paths, JSON elsewhere)."""
    if path.startswith("/services/async/"):
        code = {401: "InvalidSessionId", 403: "ExceededQuota", 503: "ServerUnavailable"}.get(
            status, "Unknown"
        )
        xml = (
            '<?xml version="1.0" encoding="UTF-8"?><error xmlns="http://www.force.com/2009/06/asyncapi/'
            f'dataload"><exceptionCode>{code}</exceptionCode><exceptionMessage>Injected failure '
            f"{status}</exceptionMessage></error>"
        )
        return xml.encode("utf-8"), "application/xml"
    payload = _JSON_BODIES.get(status, [{"message": f"HTTP {status}", "errorCode": "UNKNOWN_EXCEPTION"}])
    return json.dumps(payload).encode("utf-8"), "application/json;charset=UTF-8"


DAILY_LIMIT_MESSAGE = "TotalRequests Limit exceeded."


def daily_limit_answer(path: str) -> Failure:
    """What Salesforce answers once the org's daily API request allocation is used up."""
    if path.startswith("/services/async/"):
        xml = (
            '<?xml version="1.0" encoding="UTF-8"?><error xmlns="http://www.force.com/2009/06/asyncapi/'
            f'dataload"><exceptionCode>ExceededQuota</exceptionCode><exceptionMessage>{DAILY_LIMIT_MESSAGE}'
            "</exceptionMessage></error>"
        )
        return Failure(403, xml.encode("utf-8"), "application/xml")
    body = json.dumps([{"message": DAILY_LIMIT_MESSAGE, "errorCode": "REQUEST_LIMIT_EXCEEDED"}])
    return Failure(403, body.encode("utf-8"), "application/json;charset=UTF-8")


class FaultInjector:
    """Thread-safe queue of injected failures and stalls, matched by path substring."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._failures: list[_Rule] = []
        self._stalls: list[tuple[str, float]] = []
        self._foreign_next: dict[str, str] = {}
        self._api_requests_left: int | None = None  # None: no daily limit in force
        self.refused_for_limit = 0

    def use_up_api_limit(self, after: int | None) -> None:
        """After `after` more API requests (REST and Bulk 1.0) every one is refused for the
        org's daily limit (403 REQUEST_LIMIT_EXCEEDED) until called with None (a new day)."""
        with self._lock:
            self._api_requests_left = after

    def _over_daily_limit(self, path: str) -> bool:
        """Counts one API request against the limit; True once it is used up."""
        if self._api_requests_left is None or not path.startswith(("/services/data/", "/services/async/")):
            return False
        if self._api_requests_left > 0:
            self._api_requests_left -= 1
            return False
        self.refused_for_limit += 1
        return True

    def fail_next(
        self,
        text: str,
        status: int,
        times: int = 1,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        """The next `times` requests whose path contains `text` answer `status` (with `headers`,
        e.g. a `Retry-After`)."""
        with self._lock:
            self._failures.append(_Rule(text, status, times, body, dict(headers or {})))

    def stall_next(self, text: str, seconds: float) -> None:
        """The next request whose path contains `text` waits `seconds` before being answered."""
        with self._lock:
            self._stalls.append((text, seconds))

    def point_last_page_at(self, job_type: str, base_url: str) -> None:
        """The last job-list page of `job_type` says it is not done and names `base_url`'s host
        for the next page (a hostile or broken list that must not be followed)."""
        with self._lock:
            self._foreign_next[job_type] = base_url.rstrip("/")

    def foreign_next_page(self, job_type: str) -> str | None:
        """The other host's base URL set by `point_last_page_at`, if any."""
        with self._lock:
            return self._foreign_next.get(job_type)

    def take_stall(self, path: str) -> float:
        """Seconds to stall this request (0 if none); consumes the rule."""
        with self._lock:
            for i, (text, seconds) in enumerate(self._stalls):
                if text in path:
                    del self._stalls[i]
                    return seconds
        return 0.0

    def take_failure(self, path: str) -> Failure | None:
        """The injected answer for this request, if any; consumes one use."""
        with self._lock:
            if self._over_daily_limit(path):
                return daily_limit_answer(path)
            for rule in self._failures:
                if rule.remaining > 0 and rule.text in path:
                    rule.remaining -= 1
                    self._failures = [r for r in self._failures if r.remaining > 0]
                    break
            else:
                return None
        if rule.body is not None:
            return Failure(rule.status, rule.body, "application/json;charset=UTF-8", rule.headers)
        body, content_type = default_body(rule.status, path)
        return Failure(rule.status, body, content_type, rule.headers)
