"""OrgSession: a logged-in org, and the one owner of its access token.

Every login (token, password, browser, demo) ends in one of these; everything that talks to
the org afterwards (the sync engine, the admin check, a log-out) takes it. The token lives
here under a lock: it is read with `token()` and replaced only by `renew(expired)`, which
asks the login's `renewer` for a fresh one once, however many workers met the expiry.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import requests
from simple_salesforce.api import Salesforce

from syncerr_gui.core.exceptions import SessionExpired
from syncerr_gui.core.redaction import register_secret
from syncerr_gui.core.salesforce.client import NOT_RENEWABLE, RENEWAL_FAILED

API_VERSION = "59.0"

Renewer = Callable[[], str]  # a fresh access token (a new login or a refresh); raises when it cannot


class OrgSession:
    """An authenticated connection to one org (a `TokenSource`), and who is logged in.

    `kind` is "token" | "password" | "demo" | "oauth". `renewer`, when set by the login that
    made the session, gets a fresh token; it never writes the token itself.
    """

    def __init__(
        self,
        instance_url: str,
        token: str,
        http: requests.Session,
        *,
        api_version: str = API_VERSION,
        user_id: str = "",
        org_id: str = "",
        username: str = "",
        display_name: str = "",
        kind: str = "token",
        ca_bundle: str | None = None,
        renewer: Renewer | None = None,
    ) -> None:
        register_secret(token)
        self.instance_url = instance_url
        self.http = http
        self.api_version = api_version
        self.user_id, self.org_id = user_id, org_id
        self.username, self.display_name = username, display_name
        self.kind = kind
        self.ca_bundle = ca_bundle
        self.renewer = renewer
        self._token = token
        self._lock = threading.RLock()  # re-entrant: a renewer may read the token

    def __repr__(self) -> str:
        """No token: the token and the renewer are left out on purpose."""
        return (
            f"OrgSession(instance_url={self.instance_url!r}, user_id={self.user_id!r}, "
            f"org_id={self.org_id!r}, username={self.username!r}, kind={self.kind!r})"
        )

    def token(self) -> str:
        """The current access token."""
        with self._lock:
            return self._token

    def renew(self, expired: str) -> str:
        """A fresh token after `expired` was refused; one renewal for every caller that saw it.

        Raises SessionExpired when the session cannot renew, and the renewer's own failure
        (a LoginError in words) when renewing did not work.
        """
        with self._lock:
            if self._token != expired:
                return self._token  # another caller renewed it meanwhile
            if self.renewer is None:
                raise SessionExpired(NOT_RENEWABLE)
            fresh = self.renewer()
            if not fresh:
                raise SessionExpired(RENEWAL_FAILED)
            register_secret(fresh)
            self._token = fresh
            return fresh

    @property
    def sf(self) -> Salesforce:
        """A simple-salesforce client on the current token, for its query and sObject helpers.

        Built at each use, so it never keeps a token the session has since renewed.
        """
        return Salesforce(
            instance_url=self.instance_url,
            session_id=self.token(),
            session=self.http,
            version=self.api_version,
        )
