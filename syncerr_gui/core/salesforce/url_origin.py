"""Which server a URL names, read the way the HTTP stack will read it — or not at all.

Python's URL parser and urllib3 (which requests uses to connect) disagree on odd URLs:
`https://evil.example\\.force.com` is a force.com host to `urlsplit` but urllib3 connects to
`evil.example`. A check on one reading that sends the token by the other is no check, so
`parse_origin` refuses what is ambiguous (backslashes, userinfo, whitespace, control
characters), parses with both, and answers only when they agree on scheme, host and port.
"""

from __future__ import annotations

import ipaddress
import logging
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from urllib3.exceptions import LocationParseError
from urllib3.util import parse_url

logger = logging.getLogger(__name__)

_AMBIGUOUS = re.compile(r"[\\@\s\x00-\x1f\x7f]")
_HOST_NAME = re.compile(
    r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.?$"
)


@dataclass(frozen=True)
class Origin:
    """scheme://host[:port] of a URL; `host` lower-case, IPv6 without brackets."""

    scheme: str
    host: str
    port: int | None

    @property
    def url(self) -> str:
        """The origin as a URL, the default port left out."""
        shown = f"[{self.host}]" if ":" in self.host else self.host
        default = {"https": 443, "http": 80}.get(self.scheme)
        return (
            f"{self.scheme}://{shown}"
            if self.port in (None, default)
            else f"{self.scheme}://{shown}:{self.port}"
        )


def parse_origin(url: str) -> Origin | None:
    """The origin both parsers read in `url` (http or https), or None when they would differ,
    the URL carries userinfo or odd characters, or the host is no valid name or IP address."""
    raw = (url or "").strip()
    if not raw or _AMBIGUOUS.search(raw):
        return None
    try:
        ours = urlsplit(raw)
        port = ours.port
        theirs = parse_url(raw)
    except (ValueError, LocationParseError):
        return None
    host = (ours.hostname or "").lower()
    their_host = (theirs.host or "").lower().strip("[]")
    if ours.scheme not in ("http", "https") or (theirs.scheme or "").lower() != ours.scheme:
        return None
    if not host or host != their_host or port != theirs.port or not _valid_host(host):
        return None
    return Origin(ours.scheme, host, port)


def _valid_host(host: str) -> bool:
    if _HOST_NAME.match(host):
        return True
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True
