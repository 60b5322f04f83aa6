"""Which proxy a request goes through: the one set in the app, else the system's, and never
for a host that NO_PROXY (or the system's bypass list) exempts.

The app's sessions have `trust_env` off (so REQUESTS_CA_BUNDLE cannot replace the trusted
CAs), and then `requests` reads neither the proxy variables nor NO_PROXY. This module puts
both back, per request: a loopback or intranet host named in NO_PROXY goes direct.
"""

from __future__ import annotations

import logging
import os
import urllib.request
from urllib.parse import urlsplit

from requests.utils import select_proxy, should_bypass_proxies

from syncerr_gui.core.words import say

logger = logging.getLogger(__name__)


class ProxyRules:
    """The proxies of one session: `explicit` (an http(s):// URL) or the environment's."""

    def __init__(self, explicit: str | None = None) -> None:
        self.explicit = (explicit or "").strip() or None
        if self.explicit:
            self._proxies = {"http": self.explicit, "https": self.explicit}
        else:
            found = urllib.request.getproxies()
            self._proxies = {k: v for k, v in found.items() if k in ("http", "https", "all") and v}

    def __repr__(self) -> str:
        return f"ProxyRules(explicit={bool(self.explicit)}, schemes={sorted(self._proxies)})"

    def for_url(self, url: str) -> dict[str, str]:
        """The `proxies` argument for a request to `url`: {} when it goes direct."""
        if not self._proxies or should_bypass_proxies(url, no_proxy=_no_proxy()):
            return {}
        chosen = select_proxy(url, self._proxies)
        if not chosen:
            return {}
        scheme = urlsplit(url).scheme or "https"
        return {scheme: chosen}


def _no_proxy() -> str | None:
    """NO_PROXY (either case), read at each request so a changed environment is honoured."""
    return os.environ.get("no_proxy") or os.environ.get("NO_PROXY")


def check_proxy_url(text: str) -> str:
    """`text` as a proxy URL (http:// assumed without a scheme); ValueError in words if unusable."""
    raw = text.strip()
    if not raw:
        return ""
    if "://" not in raw:
        raw = "http://" + raw
    parts = urlsplit(raw)
    try:
        port = parts.port
    except ValueError:
        port = -1
    if parts.scheme not in ("http", "https") or not parts.hostname or port == -1:
        raise ValueError(
            say(
                "\u201c{text}\u201d is not a proxy address (e.g. http://proxy.example.com:8080).",
                text=text.strip(),
            )
        )
    if parts.username or parts.password:
        raise ValueError(
            say(
                "A proxy password is not kept in the app's settings: leave the user name and password "
                "out of the proxy address (set HTTPS_PROXY in the environment for a proxy that needs them)."
            )
        )
    return f"{parts.scheme}://{parts.netloc}"
