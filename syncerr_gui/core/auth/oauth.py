"""Browser login: the OAuth 2.0 web-server flow with PKCE, and the token client.

Salesforce is retiring password logins (SOAP `login()` and the OAuth username-password
flow), so the lasting way in is the browser: the user logs in on Salesforce's own page, the
browser is redirected to a loopback server of ours with a one-time code, and we exchange
the code (plus the PKCE verifier only we know) for an access token and a refresh token.

Guards, because every byte from the network is hostile: login URLs must be https (plain
http only on loopback, for the demo org); the token endpoint is never asked to follow a
redirect; an `instance_url` a response names must be https on a Salesforce domain or the
login host itself, since every later request carries the token there; every request has a
timeout; no message or log line carries a token.

What happens with the tokens afterwards (a session that renews itself, a remembered login,
logging out) is in `oauth_session`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import secrets
import threading
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import requests

from syncerr_gui.core.auth.login import (
    is_loopback,
    is_salesforce_host,
    network_code,
    network_words,
    read_capped,
)
from syncerr_gui.core.auth.oauth_words import ACCESS_DENIED, STATE_MISMATCH, could_not, refusal_message
from syncerr_gui.core.auth.redirect import Cancel, RedirectResult, RedirectServer, is_cancelled
from syncerr_gui.core.exceptions import OAuthError
from syncerr_gui.core.redaction import register_secret, scrub
from syncerr_gui.core.salesforce.http import make_session
from syncerr_gui.core.salesforce.url_origin import parse_origin
from syncerr_gui.core.words import say

logger = logging.getLogger(__name__)

__all__ = [
    "PRODUCTION_LOGIN_URL",
    "SANDBOX_LOGIN_URL",
    "BrowserLogin",
    "OAuthClient",
    "OAuthConfig",
    "OAuthError",
    "OAuthTokens",
    "check_instance_url",
    "make_pkce_pair",
    "normalise_login_url",
]

PRODUCTION_LOGIN_URL = "https://login.salesforce.com"
SANDBOX_LOGIN_URL = "https://test.salesforce.com"
REQUEST_TIMEOUT = (10.0, 30.0)
_MAX_BODY = 1_000_000


def normalise_login_url(text: str) -> str:
    """`scheme://host[:port]` of a login / My Domain URL; refuses plain http off loopback."""
    raw = (text or "").strip()
    if not raw:
        raise OAuthError(say("Enter the login URL (for example https://yourcompany.my.salesforce.com)."))
    if "://" not in raw:
        raw = "https://" + raw
    origin = parse_origin(raw)
    if origin is None:
        raise OAuthError(
            say(
                "“{url}” is not a login URL. Use an address like https://yourcompany.my.salesforce.com.",
                url=scrub(text),
            )
        )
    if origin.scheme == "http" and not is_loopback(origin.host):
        raise OAuthError(
            say(
                "The login URL must start with https:// — logging in over plain http "
                "would expose your login to the network."
            )
        )
    return origin.url


def make_pkce_pair() -> tuple[str, str]:
    """(verifier, challenge): an 86-char random verifier and base64url(sha256) without padding."""
    verifier = secrets.token_urlsafe(64)
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
    return verifier, challenge


@dataclass(frozen=True)
class OAuthConfig:
    """Where and as which External Client App to log in (nothing secret: safe in settings)."""

    login_url: str = PRODUCTION_LOGIN_URL
    client_id: str = ""
    callback_port: int = 1717
    callback_path: str = "/OauthRedirect"
    scopes: tuple[str, ...] = ("api", "refresh_token")

    @property
    def redirect_uri(self) -> str:
        path = self.callback_path if self.callback_path.startswith("/") else "/" + self.callback_path
        return f"http://localhost:{self.callback_port}{path}"


@dataclass(frozen=True)
class OAuthTokens:
    """What a token response granted. `repr` never shows the tokens."""

    access_token: str = field(repr=False)
    refresh_token: str = field(repr=False)
    instance_url: str
    id_url: str = ""
    issued_at: datetime | None = None

    def __repr__(self) -> str:
        return (
            f"OAuthTokens(access_token=[hidden], refresh_token="
            f"{'[hidden]' if self.refresh_token else '[none]'}, instance_url={self.instance_url!r}, "
            f"id_url={self.id_url!r}, issued_at={self.issued_at!r})"
        )

    __str__ = __repr__

    @property
    def org_id(self) -> str:
        """Org id from the identity URL `…/id/<org id>/<user id>` (empty when absent)."""
        segments = urlsplit(self.id_url).path.rstrip("/").split("/")
        return segments[-2] if len(segments) >= 3 and segments[-3] == "id" else ""

    @property
    def user_id(self) -> str:
        segments = urlsplit(self.id_url).path.rstrip("/").split("/")
        return segments[-1] if len(segments) >= 3 and segments[-3] == "id" else ""

    def to_dict(self) -> dict[str, Any]:
        """For the keyring only (never for settings or files)."""
        issued = int(self.issued_at.timestamp() * 1000) if self.issued_at else None
        return {
            "access_token": self.access_token,
            "refresh_token": self.refresh_token,
            "instance_url": self.instance_url,
            "id_url": self.id_url,
            "issued_at": issued,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OAuthTokens:
        issued = data.get("issued_at")
        return cls(
            access_token=str(data["access_token"]),
            refresh_token=str(data.get("refresh_token") or ""),
            instance_url=str(data["instance_url"]),
            id_url=str(data.get("id_url") or ""),
            issued_at=_parse_issued_at(issued),
        )


def _parse_issued_at(value: Any) -> datetime | None:
    try:
        return datetime.fromtimestamp(int(value) / 1000, tz=UTC) if value else None
    except (TypeError, ValueError, OverflowError, OSError):
        return None


class OAuthClient:
    """The token endpoint client: code exchange, refresh and revoke, all on the login host."""

    def __init__(
        self, config: OAuthConfig, ca_bundle: str | None = None, session: requests.Session | None = None
    ) -> None:
        self.config = replace(config, login_url=normalise_login_url(config.login_url))
        self._session = session or make_session(ca_bundle)

    @property
    def login_url(self) -> str:
        return self.config.login_url

    def exchange_code(self, code: str, verifier: str) -> OAuthTokens:
        """Trades the one-time code (and the PKCE verifier) for tokens."""
        data = {
            "grant_type": "authorization_code",
            "code": code,
            "client_id": self.config.client_id,
            "redirect_uri": self.config.redirect_uri,
            "code_verifier": verifier,
        }
        body = self._post("token", data, what="finish the login")
        return self._tokens_from(body, refresh_token="")

    def refresh(self, tokens_or_refresh_token: OAuthTokens | str) -> OAuthTokens:
        """A new access token from the refresh token (which is kept unless Salesforce rotates it)."""
        if isinstance(tokens_or_refresh_token, OAuthTokens):
            refresh_token = tokens_or_refresh_token.refresh_token
        else:
            refresh_token = tokens_or_refresh_token
        if not refresh_token:
            raise OAuthError(
                say(
                    "This login has no refresh token, so it cannot be renewed. Log in again "
                    "(and check that the app's OAuth scopes include refresh_token)."
                )
            )
        data = {
            "grant_type": "refresh_token",
            "refresh_token": refresh_token,
            "client_id": self.config.client_id,
        }
        body = self._post("token", data, what="renew your login")
        return self._tokens_from(body, refresh_token=refresh_token)

    def revoke(self, token: str) -> None:
        """Revokes an access or refresh token; one already invalid counts as revoked."""
        status, body = self._request("revoke", {"token": token}, what="log out")
        if status == 200:
            return
        error, _ = _oauth_error(body)
        if status == 400 and error in ("invalid_token", "unsupported_token_type"):
            logger.info("token was already invalid when revoked")
            return
        raise OAuthError(say("Salesforce did not revoke the login (HTTP {status}).", status=str(status)))

    def _request(self, endpoint: str, data: dict[str, str], what: str) -> tuple[int, bytes]:
        """(status, body) of a POST to the login host; never follows a redirect elsewhere."""
        url = f"{self.login_url}/services/oauth2/{endpoint}"
        try:
            response = self._session.post(
                url,
                data=data,
                timeout=REQUEST_TIMEOUT,
                allow_redirects=False,
                headers={"Accept": "application/json"},
                stream=True,
            )
            with response:
                return response.status_code, read_capped(response, _MAX_BODY)
        except requests.RequestException as exc:
            host = urlsplit(self.login_url).netloc
            reason = network_words(exc, host, self._session)
            raise OAuthError(could_not(what, "network", reason=reason), network_code(exc)) from None

    def _post(self, endpoint: str, data: dict[str, str], what: str) -> dict[str, Any]:
        status, body = self._request(endpoint, data, what)
        if status != 200:
            # The OAuth error name as the code: callers tell a dead grant from a network hiccup.
            code = _oauth_error(body)[0][:60] or f"HTTP {status}"
            raise OAuthError(refusal_message(status, *_oauth_error(body), what, data["grant_type"]), code)
        answer = _json_object(body)
        if answer is None:
            raise OAuthError(could_not(what, "unclear"))
        return answer

    def _tokens_from(self, body: dict[str, Any], refresh_token: str) -> OAuthTokens:
        access_token = body.get("access_token")
        instance_url = body.get("instance_url")
        if not isinstance(access_token, str) or not access_token or not isinstance(instance_url, str):
            raise OAuthError(say("Salesforce's answer had no access token or instance URL."))
        instance_url = check_instance_url(instance_url, self.login_url)
        register_secret(access_token)
        new_refresh = body.get("refresh_token")
        refresh = new_refresh if isinstance(new_refresh, str) and new_refresh else refresh_token
        register_secret(refresh)
        id_url = body.get("id") if isinstance(body.get("id"), str) else ""
        return OAuthTokens(
            access_token=access_token,
            refresh_token=refresh,
            instance_url=instance_url,
            id_url=str(id_url),
            issued_at=_parse_issued_at(body.get("issued_at")),
        )


def check_instance_url(url: str, login_url: str) -> str:
    """`https://host` of an instance URL a token response named, if the token may go there.

    Only https on a Salesforce domain, or the very host we logged in at (a My Domain login
    host, or the demo org on loopback); anything else is refused with OAuthError. The URL is
    parsed once, as urllib3 will connect (`parse_origin`): a backslash, userinfo or any other
    reading on which the parsers differ is refused, and the origin returned is rebuilt from
    the parsed host and port, never copied from the text.
    """
    origin = parse_origin(url)
    login = parse_origin(login_url)
    same_host = origin is not None and login is not None and origin.url == login.url
    salesforce = origin is not None and is_salesforce_host(origin.host) and origin.port in (None, 443)
    if origin is None or origin.scheme != "https" or not (salesforce or same_host):
        raise OAuthError(
            say(
                "Salesforce's answer named an unexpected server ({server}); "
                "the login was refused so your token is not sent there.",
                server=scrub(url)[:100],
            )
        )
    return origin.url


def _json_object(body: bytes) -> dict[str, Any] | None:
    try:
        answer = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return answer if isinstance(answer, dict) else None


def _oauth_error(body: bytes) -> tuple[str, str]:
    answer = _json_object(body) or {}
    return str(answer.get("error") or ""), str(answer.get("error_description") or "")


class BrowserLogin:
    """One browser login: `start()` gives the authorize URL, `wait()` returns the tokens.

    Open `launch_url` in the browser, not the authorize URL: it is a loopback address that
    redirects there, so the `state` and PKCE challenge stay off every command line.

    `wait` blocks (run it off the GUI thread); `cancel()` from any thread stops it within a
    second and frees the callback port.
    """

    def __init__(
        self, config: OAuthConfig, ca_bundle: str | None = None, client: OAuthClient | None = None
    ) -> None:
        self.client = client or OAuthClient(config, ca_bundle)
        self.config = self.client.config
        self._verifier = ""
        self._state = ""
        self._server: RedirectServer | None = None
        self.launch_url = ""
        self._cancelled = threading.Event()
        self._lock = threading.Lock()

    def start(self) -> str:
        """Starts the loopback server and returns the authorize URL for the browser."""
        if not self.config.client_id.strip():
            raise OAuthError(say("Enter the client id (Consumer Key) of your External Client App."))
        self._verifier, challenge = make_pkce_pair()
        self._state = secrets.token_urlsafe(24)
        register_secret(self._verifier)
        self._cancelled.clear()
        server = RedirectServer(
            self.config.callback_port, self.config.callback_path, expected_state=self._state
        )
        server.start()
        if self.config.callback_port == 0:  # the OS chose the port: the redirect must name it
            self.config = replace(self.config, callback_port=server.port)
            self.client.config = self.config
        with self._lock:
            self._server = server
        query = {
            "response_type": "code",
            "client_id": self.config.client_id.strip(),
            "redirect_uri": self.config.redirect_uri,
            "code_challenge": challenge,
            "code_challenge_method": "S256",
            "state": self._state,
            "scope": " ".join(self.config.scopes),
        }
        url = f"{self.config.login_url}/services/oauth2/authorize?{urlencode(query, quote_via=quote)}"
        self.launch_url = server.offer_start(url)
        return url

    def wait(self, timeout: float = 300.0, cancel: Cancel = None) -> OAuthTokens:
        """Tokens once the user allowed access; OAuthError in words otherwise."""
        with self._lock:
            server, self._server = self._server, None
        if server is None:
            raise OAuthError(
                say("The login was cancelled.")
                if self._cancelled.is_set()
                else say("The login was not started.")
            )

        def stop() -> bool:
            return self._cancelled.is_set() or is_cancelled(cancel)

        result = server.wait(timeout, stop)
        if result is None:
            if stop():
                raise OAuthError(say("The login was cancelled."))
            if server.refused:
                raise OAuthError(STATE_MISMATCH)
            raise OAuthError(say("No answer came from the browser in time. Start the login again."))
        return self._finish(result)

    def _finish(self, result: RedirectResult) -> OAuthTokens:
        if not hmac.compare_digest(result.state.encode(), self._state.encode()):
            raise OAuthError(STATE_MISMATCH)
        if result.error == "access_denied":
            raise OAuthError(ACCESS_DENIED)
        if result.error:
            detail = scrub(result.error_description or result.error)[:300]
            raise OAuthError(say("Salesforce did not complete the login: {detail}", detail=detail))
        try:
            return self.client.exchange_code(result.code, self._verifier)
        finally:
            self._verifier = ""

    def cancel(self) -> None:
        """Stops a running `wait` (from any thread); before `wait`, frees the port at once."""
        self._cancelled.set()
        with self._lock:
            server, self._server = self._server, None
        if server is not None:
            server.close()

    def refresh(self, tokens_or_refresh_token: OAuthTokens | str) -> OAuthTokens:
        return self.client.refresh(tokens_or_refresh_token)

    def revoke(self, token: str) -> None:
        self.client.revoke(token)
