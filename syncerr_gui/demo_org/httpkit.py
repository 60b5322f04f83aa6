"""Small HTTP toolkit for the demo org: request/response records and a regex router."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from typing import Any
from urllib.parse import parse_qs, urlsplit

logger = logging.getLogger(__name__)

API_VERSION = r"v(?P<ver>\d{2,3}\.\d)"


@dataclass(frozen=True)
class Request:
    """One parsed request."""

    method: str
    target: str  # path and query, as sent
    path: str
    query: dict[str, str]
    headers: Message
    body: bytes
    params: dict[str, str] = field(default_factory=dict)  # named groups of the matched route

    @classmethod
    def parse(cls, method: str, target: str, headers: Message, body: bytes) -> Request:
        """Split the target into path and (last-value-wins) query parameters."""
        parts = urlsplit(target)
        query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        return cls(method, target, parts.path, query, headers, body)

    def form(self) -> dict[str, str]:
        """The body as an urlencoded form (plus query parameters, as Salesforce accepts both)."""
        text = self.body.decode("utf-8", "replace")
        form = {k: v[-1] for k, v in parse_qs(text, keep_blank_values=True).items()}
        return {**self.query, **form}

    def bearer(self) -> str | None:
        """The token of an `Authorization: Bearer|OAuth <token>` header."""
        value = self.headers.get("Authorization", "")
        scheme, _, token = value.partition(" ")
        return token.strip() or None if scheme.lower() in ("bearer", "oauth") else None


@dataclass
class Response:
    """One answer; the handler adds Content-Length and the common headers."""

    status: int
    body: bytes
    content_type: str
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def json(cls, payload: Any, status: int = 200) -> Response:
        """A JSON answer as Salesforce sends it."""
        return cls(
            status, json.dumps(payload, ensure_ascii=False).encode("utf-8"), "application/json;charset=UTF-8"
        )

    @classmethod
    def xml(cls, text: str, status: int = 200) -> Response:
        """An XML answer (SOAP and Bulk 1.0)."""
        return cls(status, text.encode("utf-8"), "text/xml;charset=UTF-8")

    @classmethod
    def html(cls, text: str, status: int = 200) -> Response:
        """An HTML page (OAuth consent and error pages)."""
        return cls(status, text.encode("utf-8"), "text/html;charset=UTF-8")

    @classmethod
    def redirect(cls, location: str) -> Response:
        """A 302 to `location`."""
        return cls(302, b"", "text/plain", {"Location": location})

    @classmethod
    def not_found(cls) -> Response:
        """Salesforce's 404 for an unknown resource."""
        return cls.json([{"errorCode": "NOT_FOUND", "message": "The requested resource does not exist"}], 404)


Handler = Callable[[Request], Response]


class Router:
    """Maps (method, path regex) to handlers; the first full match wins."""

    def __init__(self) -> None:
        self._routes: list[tuple[str, re.Pattern[str], Handler]] = []

    def add(self, methods: str, pattern: str, handler: Handler) -> None:
        """Register `handler` for space-separated `methods` and a path regex."""
        compiled = re.compile(pattern.replace("{ver}", API_VERSION))
        for method in methods.split():
            self._routes.append((method, compiled, handler))

    def dispatch(self, request: Request) -> Response:
        """Run the matching handler, or answer 404 (405 if only the method differs)."""
        path_matched = False
        for method, pattern, handler in self._routes:
            match = pattern.fullmatch(request.path)
            if match is None:
                continue
            path_matched = True
            if method == request.method:
                params = {k: v for k, v in match.groupdict().items() if v is not None}
                return handler(
                    Request(
                        request.method,
                        request.target,
                        request.path,
                        request.query,
                        request.headers,
                        request.body,
                        params,
                    )
                )
        if path_matched:
            return Response.json(
                [
                    {
                        "errorCode": "METHOD_NOT_ALLOWED",
                        "message": f"HTTP Method '{request.method}' not allowed.",
                    }
                ],
                405,
            )
        return Response.not_found()
