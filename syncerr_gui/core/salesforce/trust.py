"""Which servers the app trusts: the operating system's certificate store, the bundled CAs and
the admin's own CA bundle, all at once; and a TLS failure in words an admin can act on.

Companies that inspect HTTPS install their proxy's root certificate in the machines' own
store, so trusting that store (through `truststore`) makes such networks just work; the
bundled CAs (certifi) keep working where the OS store is thin; a CA bundle chosen in the
login dialog or with `--ca-bundle` is added on top. Nothing from the environment
(REQUESTS_CA_BUNDLE) is read: the session's `trust_env` is off.
"""

from __future__ import annotations

import logging
import os
import ssl
import sys
from typing import Any

import truststore
from requests.adapters import HTTPAdapter
from requests.certs import where as bundled_cas

from syncerr_gui.core.words import say

logger = logging.getLogger(__name__)

# where Linux distributions keep the system's CA file when OpenSSL's default names none
_LINUX_CA_FILES = (
    "/etc/ssl/cert.pem",
    "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
    "/etc/pki/tls/cert.pem",
    "/etc/ssl/certs/ca-certificates.crt",
    "/etc/ssl/ca-bundle.pem",
)
UNKNOWN_CA, EXPIRED, WRONG_HOST, OTHER = "unknown", "expired", "wrong-host", "other"
_MARKERS = (
    (EXPIRED, ("expired", "not yet valid", "CERT_E_EXPIRED", "validity period")),
    (WRONG_HOST, ("hostname mismatch", "not valid for", "doesn't match", "CERT_E_CN_NO_MATCH", "host name")),
    (
        UNKNOWN_CA,
        (
            "unable to get local issuer",
            "self-signed",
            "self signed",
            "unknown ca",
            "not trusted",
            "untrusted",
            "CERT_E_UNTRUSTEDROOT",
            "CERT_E_CHAINING",
            "unable to get issuer",
        ),
    ),
)


def ssl_context(ca_bundle: str | None = None, *, use_os_store: bool = True) -> ssl.SSLContext:
    """A verifying client context: the OS store (when usable), the bundled CAs, `ca_bundle`."""
    context = _plain()
    if use_os_store:
        try:
            context = _with_os_store()
        except Exception as exc:  # noqa: BLE001 - an OS store that cannot be used must not stop the app
            logger.warning("the system certificate store cannot be used (%s)", type(exc).__name__)
    context.load_verify_locations(cafile=bundled_cas())
    if ca_bundle:
        context.load_verify_locations(cafile=ca_bundle)
    return context


def _with_os_store() -> ssl.SSLContext:
    """macOS and Windows: `truststore` (the system's own verifier). Elsewhere the OS store is
    OpenSSL's files, loaded once here: `truststore` would load them again for every connection."""
    if sys.platform in ("darwin", "win32"):
        return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context = _plain()
    defaults = ssl.get_default_verify_paths()
    if defaults.cafile or (defaults.capath and os.listdir(defaults.capath)):
        context.set_default_verify_paths()
        return context
    for candidate in _LINUX_CA_FILES:
        if os.path.isfile(candidate):
            context.load_verify_locations(cafile=candidate)
            break
    return context


def _plain() -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = True
    context.verify_mode = ssl.CERT_REQUIRED
    return context


class TrustAdapter(HTTPAdapter):
    """An HTTPAdapter whose every connection (direct or through a proxy) verifies with `context`."""

    def __init__(self, context: ssl.SSLContext, **kwargs: Any) -> None:
        self._context = context
        super().__init__(**kwargs)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = self._context
        super().init_poolmanager(*args, **kwargs)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        proxy_kwargs["ssl_context"] = self._context
        return super().proxy_manager_for(proxy, **proxy_kwargs)

    def cert_verify(self, conn: Any, url: str, verify: Any, cert: Any) -> None:
        """The context holds every CA: verify always, and load no file per connection."""
        super().cert_verify(conn, url, False, cert)
        if url.lower().startswith("https"):
            conn.cert_reqs = "CERT_REQUIRED"


def tls_problem(exc: BaseException) -> str:
    """UNKNOWN_CA, EXPIRED, WRONG_HOST or OTHER, from a certificate failure's text."""
    text = str(exc).lower()
    for kind, markers in _MARKERS:
        if any(marker.lower() in text for marker in markers):
            return kind
    return OTHER


def tls_failure_words(exc: BaseException, host: str) -> str:
    """What went wrong with the server's certificate and what to do, in one or two sentences."""
    kind = tls_problem(exc)
    if kind == EXPIRED:
        return say(
            "The certificate of {host} has expired (or is not valid yet), so the app did not "
            "connect. Check this computer's date and time; if they are right, the server or your "
            "company's proxy must renew its certificate.",
            host=host,
        )
    if kind == WRONG_HOST:
        return say(
            "The certificate presented for {host} is for another host name, so the app did not "
            "connect. Check the address (a My Domain looks like https://acme.my.salesforce.com); "
            "a proxy that intercepts traffic can also cause this.",
            host=host,
        )
    if kind == UNKNOWN_CA:
        return say(
            "The certificate of {host} was issued by an authority this computer does not trust, so "
            "the app did not connect. If your company inspects HTTPS traffic, choose its root "
            "certificate under Advanced \u2192 \u201cTrust this certificate\u201d (or pass "
            "--ca-bundle), or ask IT to install it in the system's certificate store.",
            host=host,
        )
    return say(
        "The secure connection to {host} failed (TLS handshake), so the app did not connect. "
        "A proxy or firewall may be blocking it; set the proxy under Advanced if your company uses one.",
        host=host,
    )
