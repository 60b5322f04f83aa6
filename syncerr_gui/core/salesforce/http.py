"""The one way the app makes a `requests.Session`: TLS always verified, default timeouts.

`trust_env` is off so that an environment's REQUESTS_CA_BUNDLE cannot silently replace the
CA the app was told to trust; proxies from the environment are still honoured explicitly.
"""

from __future__ import annotations

import urllib.request
from typing import Any, NamedTuple

import requests


class Timeouts(NamedTuple):
    """Seconds to wait for a connection and for each read. A tuple, so `requests` takes it as is."""

    connect: float = 10.0
    read: float = 60.0


DEFAULT_TIMEOUT = Timeouts()


class TimeoutSession(requests.Session):
    """A Session whose requests always carry a timeout, even when a library forgets one."""

    def __init__(self, timeout: Timeouts = DEFAULT_TIMEOUT) -> None:
        super().__init__()
        self.default_timeout = Timeouts(*timeout)

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.default_timeout
        return super().request(method, url, *args, **kwargs)


def make_session(ca_bundle: str | None = None, timeout: Timeouts = DEFAULT_TIMEOUT) -> TimeoutSession:
    """A session that trusts `ca_bundle` (a PEM path) if given, else the bundled CAs."""
    session = TimeoutSession(timeout)
    session.trust_env = False
    session.verify = ca_bundle if ca_bundle else True
    session.proxies.update(_environment_proxies())
    session.headers["User-Agent"] = "SalesforceSyncErrors"
    return session


def _environment_proxies() -> dict[str, str]:
    proxies = urllib.request.getproxies()
    return {k: v for k, v in proxies.items() if k in ("http", "https", "no")}
