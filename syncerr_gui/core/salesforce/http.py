"""The one way the app makes a `requests.Session`: TLS always verified, default timeouts,
proxies chosen per request, and a connection pool as large as the sync's requests in flight.

`trust_env` is off so that an environment's REQUESTS_CA_BUNDLE cannot silently replace the
CAs the app trusts (`trust.py`: the OS store, the bundled CAs, the admin's CA bundle);
proxies from the environment or the app's own setting, and NO_PROXY, are applied per
request by `proxies.ProxyRules`. Connections are kept alive and pooled: a sync reuses them
instead of paying a TLS handshake per request.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import requests

from syncerr_gui.core.salesforce.concurrency import CEILING
from syncerr_gui.core.salesforce.proxies import ProxyRules
from syncerr_gui.core.salesforce.trust import TrustAdapter, ssl_context

# Room for every request of a sync (the adaptive limit's ceiling) plus the listings and a
# renewal, so no connection is dropped when the pool is full and opened again later.
POOL_SIZE = CEILING + 8


class Timeouts(NamedTuple):
    """Seconds to wait for a connection and for each read. A tuple, so `requests` takes it as is."""

    connect: float = 10.0
    read: float = 60.0


DEFAULT_TIMEOUT = Timeouts()
_app_proxy: str | None = None  # the proxy set in the app (login dialog, --proxy); None = the system's


def set_app_proxy(proxy: str | None) -> None:
    """The proxy every session made from now on uses (an http(s):// URL, no password; None or
    "" = the environment's / system's). One setting per process, like the OS's own."""
    global _app_proxy
    _app_proxy = (proxy or "").strip() or None


def app_proxy() -> str | None:
    """The proxy set with `set_app_proxy`, if any."""
    return _app_proxy


class TimeoutSession(requests.Session):
    """A Session whose requests always carry a timeout (even when a library forgets one) and
    go through the proxy its `proxy_rules` choose for their URL."""

    def __init__(self, timeout: Timeouts = DEFAULT_TIMEOUT, proxy_rules: ProxyRules | None = None) -> None:
        super().__init__()
        self.default_timeout = Timeouts(*timeout)
        self.proxy_rules = proxy_rules or ProxyRules()

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.default_timeout
        if kwargs.get("proxies") is None:
            kwargs["proxies"] = self.proxy_rules.for_url(url)
        return super().request(method, url, *args, **kwargs)


def make_session(
    ca_bundle: str | None = None,
    timeout: Timeouts = DEFAULT_TIMEOUT,
    *,
    proxy: str | None = None,
    use_os_store: bool = True,
) -> TimeoutSession:
    """A session that trusts the OS store, the bundled CAs and `ca_bundle` (a PEM path), and
    sends through `proxy` (else the app's proxy setting, else the environment's), NO_PROXY honoured."""
    session = TimeoutSession(timeout, ProxyRules(proxy or _app_proxy))
    session.trust_env = False
    session.verify = True
    session.ca_bundle = ca_bundle  # type: ignore[attr-defined]
    adapter = TrustAdapter(
        ssl_context(ca_bundle, use_os_store=use_os_store), pool_connections=4, pool_maxsize=POOL_SIZE
    )
    session.mount("https://", adapter)
    session.mount("http://", requests.adapters.HTTPAdapter(pool_connections=2, pool_maxsize=4))
    session.headers["User-Agent"] = "SalesforceSyncErrors"
    return session
