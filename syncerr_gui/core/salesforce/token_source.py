"""TokenSource: what the wire needs from a logged-in session, as a Protocol.

`core/salesforce/` sits below `core/auth/`, so `OrgClient` cannot import the session type;
it names what it uses instead, and `core.auth.session.OrgSession` satisfies it. The token is
read at each request and renewed only through `renew`, so the session stays its one writer.
"""

from __future__ import annotations

from typing import Protocol

import requests


class TokenSource(Protocol):
    """A logged-in org as the request path sees it."""

    @property
    def instance_url(self) -> str:
        """`https://host[:port]` of the org: the one origin the token may be sent to."""
        ...

    @property
    def http(self) -> requests.Session:
        """The HTTP session (TLS trust, proxies, default timeouts) every request goes through."""
        ...

    @property
    def api_version(self) -> str:
        """The REST API version, e.g. "59.0"."""
        ...

    def token(self) -> str:
        """The current access token."""
        ...

    def renew(self, expired: str) -> str:
        """A fresh token after `expired` was refused (the current one when another caller
        renewed it meanwhile). Raises `SessionExpired` or the login's own failure when it cannot."""
        ...
