"""Tokens of the demo org: access and refresh tokens, OAuth codes, pending consents.

Thread-safe. Tokens are random (like Salesforce's `00D…!…` session ids) and never logged.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import secrets
import threading
from dataclasses import dataclass, field

logger = logging.getLogger(__name__)


@dataclass
class _Access:
    user_key: str
    refresh: str | None
    uses: int = 0


@dataclass(frozen=True)
class _Code:
    user_key: str
    client_id: str
    redirect_uri: str
    challenge: str


@dataclass
class _Refresh:
    user_key: str
    client_id: str
    access: set[str] = field(default_factory=set)


def s256(verifier: str) -> str:
    """PKCE S256: base64url(sha256(verifier)) without padding."""
    digest = hashlib.sha256(verifier.encode("ascii", "replace")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


class SessionStore:
    """Issues, checks, expires and revokes the demo org's tokens."""

    def __init__(self, org_id: str, expire_after: int | None) -> None:
        self._prefix = org_id[:15] + "!"
        self._expire_after = expire_after
        self._lock = threading.Lock()
        self._access: dict[str, _Access] = {}
        self._refresh: dict[str, _Refresh] = {}
        self._codes: dict[str, _Code] = {}
        self._pending: dict[str, dict[str, str]] = {}

    def issue(self, user_key: str, refresh: str | None = None) -> str:
        """A new access token for `user_key` (tied to `refresh` if it came from one)."""
        token = self._prefix + secrets.token_urlsafe(72)
        with self._lock:
            self._access[token] = _Access(user_key, refresh)
            if refresh in self._refresh:
                self._refresh[refresh].access.add(token)
        return token

    def issue_refresh(self, user_key: str, client_id: str) -> str:
        """A new refresh token."""
        token = "5Aep861" + secrets.token_urlsafe(60)
        with self._lock:
            self._refresh[token] = _Refresh(user_key, client_id)
        return token

    def check(self, token: str | None) -> str | None:
        """The user key of a live token (one use is counted), else None."""
        if not token:
            return None
        with self._lock:
            access = self._access.get(token)
            if access is None:
                return None
            access.uses += 1
            if self._expire_after is not None and access.uses > self._expire_after:
                del self._access[token]
                return None
            return access.user_key

    def user_of(self, token: str | None) -> str | None:
        """The user key of a live token, without counting a use (the request was counted)."""
        with self._lock:
            access = self._access.get(token or "")
            return access.user_key if access is not None else None

    def expire_all(self) -> None:
        """Every access token stops working (refresh tokens still work)."""
        with self._lock:
            self._access.clear()

    def refresh(self, refresh_token: str, client_id: str | None) -> tuple[str, str] | None:
        """(new access token, user key) from a refresh token, or None if unknown or revoked."""
        with self._lock:
            info = self._refresh.get(refresh_token)
            if info is None or (client_id is not None and client_id != info.client_id):
                return None
            user_key = info.user_key
        return self.issue(user_key, refresh_token), user_key

    def revoke(self, token: str) -> bool:
        """Revoke an access token (and its refresh token) or a refresh token (and its access tokens)."""
        with self._lock:
            if token in self._access:
                refresh = self._access.pop(token).refresh
                if refresh is not None:
                    self._drop_refresh(refresh)
                return True
            return self._drop_refresh(token)

    def _drop_refresh(self, token: str) -> bool:
        info = self._refresh.pop(token, None)
        if info is None:
            return False
        for access in info.access:
            self._access.pop(access, None)
        return True

    def new_code(self, user_key: str, client_id: str, redirect_uri: str, challenge: str) -> str:
        """A single-use authorization code bound to client, redirect URI and PKCE challenge."""
        code = "aPrx" + secrets.token_urlsafe(48)
        with self._lock:
            self._codes[code] = _Code(user_key, client_id, redirect_uri, challenge)
        return code

    def redeem(self, code: str, client_id: str, redirect_uri: str, verifier: str) -> tuple[str | None, str]:
        """(user_key, "") for a valid code, else (None, Salesforce's error description)."""
        with self._lock:
            info = self._codes.pop(code, None)  # single use: gone even if the check fails
        if info is None:
            return None, "invalid authorization code"
        if client_id != info.client_id:
            return None, "client identifier invalid"
        if redirect_uri != info.redirect_uri:
            return None, "redirect_uri must match configuration"
        if not verifier or s256(verifier) != info.challenge:
            return None, "invalid code verifier"
        return info.user_key, ""

    def park(self, params: dict[str, str]) -> str:
        """Keep an authorize request while the consent page is shown; returns its handle."""
        handle = secrets.token_urlsafe(24)
        with self._lock:
            self._pending[handle] = dict(params)
        return handle

    def unpark(self, handle: str) -> dict[str, str] | None:
        """The parked authorize request (once)."""
        with self._lock:
            return self._pending.pop(handle, None)
