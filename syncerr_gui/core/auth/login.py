"""Logging in to an org: access token + instance URL, or username + password + security token.

Both ways end in an `OrgSession` (core/auth/session.py, the one owner of the token) on an
HTTP session from `make_session` (TLS verified against the given CA bundle, timeouts on every
request). simple-salesforce does the SOAP password login, which it does well. Every
failure becomes a `LoginError` whose text is Salesforce's reason in words and never holds a
secret. A token is only sent to the host the user named, or for password logins to the
instance the login answer names when that is the login host itself or a Salesforce domain.

Salesforce retires SOAP password login (what simple-salesforce's password mode uses) in
Summer '27; the browser (OAuth) login is the lasting way in.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import re
from collections.abc import Callable, Iterable
from html import escape
from typing import Any
from urllib.parse import urlsplit

import requests
from defusedxml.ElementTree import ParseError
from defusedxml.ElementTree import fromstring as defused_fromstring
from simple_salesforce.exceptions import SalesforceAuthenticationFailed
from simple_salesforce.login import SalesforceLogin

from syncerr_gui.core.auth.session import API_VERSION, OrgSession
from syncerr_gui.core.exceptions import LoginError, failure_words
from syncerr_gui.core.redaction import register_secret
from syncerr_gui.core.salesforce.http import DEFAULT_TIMEOUT, Timeouts, TimeoutSession, make_session
from syncerr_gui.core.salesforce.trust import tls_failure_words, tls_problem
from syncerr_gui.core.salesforce.url_origin import parse_origin
from syncerr_gui.core.words import Words, say

logger = logging.getLogger(__name__)

MAX_RESPONSE_BYTES = 1_000_000
SALESFORCE_DOMAINS = (
    "salesforce.com",
    "force.com",
    "salesforce.mil",
    "cloudforce.com",
    "sfcrmapps.cn",
    "sfcrmproducts.cn",
)
LOOPBACK_HOSTS = ("localhost",)
_DOMAIN_RE = re.compile(
    r"^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$"
)
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]+")

_AUTH_WORDS: dict[str, str] = {
    "INVALID_LOGIN": say(
        "Wrong username, password or security token (or the user is locked out). Check them and "
        "try again; a new security token comes by e-mail (Settings › Reset My Security Token)."
    ),
    "LOGIN_MUST_USE_SECURITY_TOKEN": say(
        "This org needs the security token for logins from this "
        "network: enter it (Settings › Reset My Security Token)."
    ),
    "API_DISABLED_FOR_ORG": say(
        "The API is not enabled for this org (it needs Enterprise, Unlimited, "
        "Performance or Developer Edition)."
    ),
    "API_CURRENTLY_DISABLED": say("API access is off for this user: the API Enabled permission is missing."),
    "PASSWORD_LOCKOUT": say(
        "The user is locked out after too many failed logins: ask an admin to unlock it."
    ),
    "INVALID_OPERATION_WITH_EXPIRED_PASSWORD": say(
        "The password has expired: log in to Salesforce in a browser to set a new one, then try again."
    ),
    "LOGIN_CHALLENGE_ISSUED": say(
        "Salesforce wants to verify this device: log in once in a browser "
        "from this computer, or use the browser login."
    ),
    "LOGIN_DURING_RESTRICTED_TIME": say("This user may not log in at this time of day (login hours)."),
    "LOGIN_DURING_RESTRICTED_DOMAIN": say("This user may not log in from this network (login IP ranges)."),
    "ORG_LOCKED": say("The org is locked: contact Salesforce support."),
    "UNSUPPORTED_API_VERSION": say(
        "This org no longer accepts password (SOAP) login: use the browser login or an access token."
    ),
}


def login_with_token(instance_url: str, access_token: str, *, ca_bundle: str | None = None) -> OrgSession:
    """Log in with an access token (e.g. from `sf org display`) for the org at `instance_url`."""
    origin = normalise_instance_url(instance_url)
    token = access_token.strip()
    if not token:
        raise LoginError(say("Enter an access token."))
    register_secret(token)  # hidden from every log line and scrubbed message from now on
    session = make_session(ca_bundle)
    try:
        info = fetch_userinfo(session, origin, token)
    except LoginError as exc:
        raise LoginError(scrub_words(failure_words(exc), [token]), exc.code) from None
    logger.info("logged in with a token to %s", urlsplit(origin).hostname)
    return _org_session(session, origin, token, info, "token", ca_bundle)


def login_with_password(
    username: str, password: str, security_token: str, *, domain: str = "login", ca_bundle: str | None = None
) -> OrgSession:
    """Log in with SOAP username + password + security token (retired by Salesforce in 2027).

    `domain` is `login`, `test`, a My Domain prefix (`acme.my`) or a full https URL of the
    login host. The answer's instance must be that host or a Salesforce domain.
    """
    if not username.strip() or not password:
        raise LoginError(say("Enter a username and a password."))
    for secret in (password, security_token, password + (security_token or "")):
        register_secret(secret)

    def login_once() -> tuple[str, str]:
        return _password_login(username.strip(), password, security_token or "", domain, ca_bundle)

    token, origin = login_once()
    register_secret(token)
    session = make_session(ca_bundle)
    info = fetch_userinfo(session, origin, token)

    def log_in_again() -> str:
        fresh, fresh_origin = login_once()
        if fresh_origin != origin:
            raise LoginError(say("The org answered a new login with another instance: log in again."))
        return fresh

    org = _org_session(session, origin, token, info, "password", ca_bundle)
    org.renewer = log_in_again
    logger.info("logged in with a password to %s", urlsplit(origin).hostname)
    return org


def normalise_instance_url(url: str) -> str:
    """`https://host[:port]` of a pasted instance URL; refuses http except on loopback.

    simple-salesforce only speaks https, so a loopback http URL is upgraded to https.
    """
    text = url.strip()
    if "://" not in text:
        text = "https://" + text
    origin = parse_origin(text)  # read as urllib3 will connect; ambiguous URLs refused
    if origin is None:
        raise LoginError(say("“{url}” is not a valid instance URL (expected https://…).", url=url.strip()))
    if origin.scheme == "http" and not is_loopback(origin.host):
        raise LoginError(
            say("The instance URL must start with https:// (plain http would expose the token).")
        )
    return _origin(origin.host, origin.port)


def fetch_userinfo(session: requests.Session, origin: str, token: str) -> dict[str, Any]:
    """GET /services/oauth2/userinfo: who the token belongs to (and proof that it works)."""
    host = urlsplit(origin).netloc
    try:
        response = session.get(
            f"{origin}/services/oauth2/userinfo",
            headers={"Authorization": f"Bearer {token}", "Accept": "application/json"},
            allow_redirects=False,
            stream=True,
        )
        body = read_capped(response)
    except requests.RequestException as exc:
        raise LoginError(network_words(exc, host, session), network_code(exc)) from None
    # Salesforce answers a bad token with 403 "Bad_OAuth_Token" here (401 elsewhere).
    if response.status_code == 401 or (response.status_code == 403 and b"API_" not in body[:200]):
        raise LoginError(
            say(
                "The access token was refused: it has expired or been revoked. "
                "Get a new one (e.g. `sf org display`) or log in another way."
            ),
            "INVALID_SESSION_ID",
        )
    if response.status_code == 403:
        raise LoginError(
            say(
                "The token is valid but may not use the API (API Enabled permission missing?): log in as "
                "a user who has it, or ask an admin to grant it."
            ),
            "FORBIDDEN",
        )
    if response.status_code != 200:
        raise LoginError(
            say(
                "{host} answered HTTP {status} when asked who is logged in: is this a Salesforce instance URL?",
                host=host,
                status=str(response.status_code),
            ),
            "HTTP",
        )
    return _userinfo_fields(body, host)


def read_capped(response: requests.Response, limit: int = MAX_RESPONSE_BYTES) -> bytes:
    """The body of a streamed response, refusing one larger than `limit` bytes."""
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_content(65536):
        size += len(chunk)
        if size > limit:
            response.close()
            raise requests.exceptions.ContentDecodingError(f"answer larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def network_code(exc: BaseException) -> str:
    """The `LoginError.code` of a network failure: "TLS_<problem>" for a certificate (the
    kinds of `trust.tls_problem`), else "NETWORK", so a dialog can point at the right field."""
    if isinstance(exc, requests.exceptions.SSLError):
        return f"TLS_{tls_problem(exc)}"
    return "NETWORK"


def network_words(exc: BaseException, host: str, session: requests.Session | None = None) -> str:
    """One sentence for a network failure; never the URL's query, a header or a body."""
    connect_s, read_s = _timeouts(session)
    if isinstance(exc, requests.exceptions.SSLError):
        return tls_failure_words(exc, host)
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return say("{host} did not answer within {seconds} s.", host=host, seconds=f"{connect_s:g}")
    if isinstance(exc, requests.exceptions.Timeout):
        return say("{host} did not answer within {seconds} s.", host=host, seconds=f"{read_s:g}")
    if isinstance(exc, requests.exceptions.ConnectionError):
        return _connection_words(exc, host)
    if isinstance(exc, requests.exceptions.ContentDecodingError):
        return say("{host} sent an answer that is too large or malformed.", host=host)
    return say("The connection to {host} failed ({kind}).", host=host, kind=type(exc).__name__)


def scrub(text: str, secrets: Iterable[str]) -> str:
    """`text` with every secret (and its HTML-escaped form) replaced, control characters removed."""
    for secret in sorted({s for s in secrets if s}, key=len, reverse=True):
        for form in {secret, escape(secret)}:
            text = text.replace(form, "•••")
    return _CONTROL_RE.sub(" ", text).strip()


def scrub_words(text: str, secrets: Iterable[str]) -> str:
    """`scrub` that keeps a `say()` sentence translatable when no secret is in it."""
    plain = scrub(text, secrets)
    if isinstance(text, Words):
        values = {k: scrub(v, secrets) if isinstance(v, str) else v for k, v in text.values.items()}
        rebuilt = Words(text.template, values, text.plural)
        if str(rebuilt) == plain:
            return rebuilt
    return plain


def is_loopback(host: str) -> bool:
    """True for localhost and loopback IP addresses."""
    if host.lower() in LOOPBACK_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_salesforce_host(host: str) -> bool:
    """True for hosts under one of Salesforce's own domains."""
    host = host.lower().rstrip(".")
    return any(host == d or host.endswith("." + d) for d in SALESFORCE_DOMAINS)


def _password_login(
    username: str, password: str, security_token: str, domain: str, ca_bundle: str | None
) -> tuple[str, str]:
    """SOAP login through simple-salesforce; returns (session id, instance origin)."""
    login_origin, sf_domain = _login_target(domain)
    session = make_session(ca_bundle)
    captured: dict[str, str] = {}
    session.hooks["response"].append(_soap_guard(captured))
    secrets = (password, security_token, password + security_token)
    host = urlsplit(login_origin).netloc
    try:
        token, instance = SalesforceLogin(
            username=username,
            password=password,
            security_token=security_token,
            domain=sf_domain,
            session=session,
            sf_version=API_VERSION,
            scratch_url=None if sf_domain else login_origin,
        )
    except SalesforceAuthenticationFailed as exc:
        raise LoginError(_auth_words(exc, secrets), str(exc.code)) from None
    except requests.RequestException as exc:
        raise LoginError(scrub_words(network_words(exc, host, session), secrets), network_code(exc)) from None
    except LoginError:
        raise
    except Exception as exc:  # noqa: BLE001 - hostile or broken answers: ExpatError, defusedxml, decode errors
        logger.warning("unusable login answer from %s: %s", host, type(exc).__name__)
        raise LoginError(
            say("{host} did not answer like a Salesforce login server.", host=host), "BAD_ANSWER"
        ) from None
    return token, trusted_instance_origin(instance, captured.get("serverUrl", ""), login_origin)


def _login_target(domain: str) -> tuple[str, str | None]:
    """(origin of the login host, simple-salesforce `domain` or None for a full URL)."""
    text = domain.strip() or "login"
    if "://" in text:
        return normalise_instance_url(text), None
    text = text.lower()
    text = text.removesuffix(".salesforce.com")
    if not _DOMAIN_RE.match(text):
        raise LoginError(
            say(
                "“{domain}” is not a valid login domain (login, test or your My Domain).",
                domain=domain.strip(),
            )
        )
    return f"https://{text}.salesforce.com", text


def trusted_instance_origin(instance: str, server_url: str, login_origin: str) -> str:
    """Check the instance a login answer names before any token goes there."""
    if server_url and not server_url.lower().startswith("https://"):
        raise LoginError(say("The login answer names an instance without https: refused."), "UNSAFE_INSTANCE")
    found = parse_origin("https://" + instance)  # as urllib3 will connect; ambiguity refused
    origin = _origin(found.host, found.port) if found else ""
    if found and (origin == login_origin or (is_salesforce_host(found.host) and found.port in (None, 443))):
        return origin
    raise LoginError(
        say(
            "The login answer names an instance outside Salesforce ({instance}): refused, no token was sent there.",
            instance=instance[:80],
        ),
        "UNSAFE_INSTANCE",
    )


class _UnsafeAnswer(Exception):
    """A login answer that is too large or not safe XML."""


def _soap_guard(captured: dict[str, str]) -> Callable[..., None]:
    """A response hook: parse the SOAP answer with defusedxml before simple-salesforce sees it."""

    def hook(response: requests.Response, *args: Any, **kwargs: Any) -> None:
        if len(response.content) > MAX_RESPONSE_BYTES:
            raise _UnsafeAnswer("login answer too large")
        try:
            root = defused_fromstring(response.content, forbid_dtd=True)
        except ParseError:
            if response.status_code == 200:
                raise
            return  # an HTML error page: simple-salesforce reports the HTTP status
        for element in root.iter():
            name = element.tag.rsplit("}", 1)[-1]
            if name in ("serverUrl", "userId", "organizationId") and element.text:
                captured.setdefault(name, element.text.strip())

    return hook


def _auth_words(exc: SalesforceAuthenticationFailed, secrets: Iterable[str]) -> str:
    code = str(exc.code or "")
    if code in _AUTH_WORDS:
        return _AUTH_WORDS[code]
    if code.isdigit():
        return say("The login server answered HTTP {code} instead of a Salesforce login answer.", code=code)
    detail = scrub(str(getattr(exc, "message", "") or ""), secrets)[:300]
    return scrub_words(
        say("Salesforce refused the login ({code}): {detail}", code=code, detail=detail), secrets
    )


def _userinfo_fields(body: bytes, host: str) -> dict[str, Any]:
    try:
        info = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        info = None
    if (
        not isinstance(info, dict)
        or not isinstance(info.get("user_id"), str)
        or not isinstance(info.get("organization_id"), str)
    ):
        raise LoginError(
            say("{host} did not answer like a Salesforce org (no user info).", host=host), "BAD_ANSWER"
        )
    return info


def _org_session(
    http: requests.Session, origin: str, token: str, info: dict[str, Any], kind: str, ca_bundle: str | None
) -> OrgSession:
    return OrgSession(
        origin,
        token,
        http,
        api_version=API_VERSION,
        user_id=str(info["user_id"]),
        org_id=str(info["organization_id"]),
        username=str(info.get("preferred_username") or info.get("email") or ""),
        display_name=str(info.get("name") or ""),
        kind=kind,
        ca_bundle=ca_bundle,
    )


def _origin(host: str, port: int | None) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"https://{shown}" if port in (None, 443) else f"https://{shown}:{port}"


def _timeouts(session: requests.Session | None) -> Timeouts:
    if isinstance(session, TimeoutSession):
        return session.default_timeout
    return DEFAULT_TIMEOUT


def _connection_words(exc: BaseException, host: str) -> str:
    """ "Could not reach {host}: …" with the reason in words, one whole sentence each (so the
    window can translate it)."""
    text = str(exc)
    if any(
        m in text
        for m in (
            "Name or service not known",
            "getaddrinfo failed",
            "nodename nor servname",
            "Temporary failure in name resolution",
            "No address associated",
        )
    ):
        return say("Could not reach {host}: the host name could not be found.", host=host)
    if "Connection refused" in text or "ConnectionRefused" in text:
        return say("Could not reach {host}: the connection was refused (nothing listens there).", host=host)
    if "Network is unreachable" in text:
        return say("Could not reach {host}: the network is unreachable.", host=host)
    if "RemoteDisconnected" in text or "Connection aborted" in text:
        return say("Could not reach {host}: the server closed the connection.", host=host)
    return say("Could not reach {host}: the network connection failed.", host=host)
