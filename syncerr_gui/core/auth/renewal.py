"""A browser-login session over its lifetime: renewal, the remembered login, logging out.

`login_with_oauth_tokens` turns the tokens of a browser login into an `OrgSession` whose
`renewer` is an `OAuthRenewal`: when a sync meets an expired access token, the session asks
it once, the refresh token gets a new access token and the sync carries on. With "Remember me" the tokens live in
the OS keyring (never in settings or files), so `resume_remembered` can log in at the next
start without a browser. `log_out` revokes the tokens at Salesforce and forgets the saved copy.

Nothing here imports Qt; the app runs these calls off the GUI thread because each is a
network round trip.
"""

from __future__ import annotations

import logging
import threading

from syncerr_gui.core.auth.login import login_with_token
from syncerr_gui.core.auth.oauth import OAuthClient, OAuthConfig, OAuthTokens
from syncerr_gui.core.auth.session import OrgSession
from syncerr_gui.core.auth.token_store import RememberedLogin, TokenStore, org_key
from syncerr_gui.core.exceptions import LoginError, OAuthError, TokenStoreError, failure_words
from syncerr_gui.core.redaction import scrub
from syncerr_gui.core.words import say

logger = logging.getLogger(__name__)

__all__ = [
    "OAuthRenewal",
    "forget_remembered",
    "log_out",
    "login_with_oauth_tokens",
    "resume_for_schedule",
    "resume_remembered",
]


def _nothing_remembered(username: str | None) -> str:
    if username:
        return say(
            "No browser login is remembered in this computer's keyring for {username}. Open the app, "
            "log in with the browser with \u201cRemember me\u201d ticked (as the user the scheduled task "
            "runs as), then run the export again.",
            username=username,
        )
    return say(
        "No browser login is remembered in this computer's keyring. Open the app, log in with the "
        "browser with \u201cRemember me\u201d ticked (as the user the scheduled task runs as), then "
        "run the export again."
    )


class OAuthRenewal:
    """The `OrgSession.renewer` of a browser login: refreshes the access token.

    The session calls it once for all the workers that met the same expired token and keeps
    the new token itself. When the login is remembered, the keyring copy follows each new
    token. A refresh that fails raises OAuthError (a LoginError) saying to log in again.
    """

    def __init__(
        self, tokens: OAuthTokens, client: OAuthClient, store: TokenStore | None = None, key: str = ""
    ) -> None:
        self._tokens = tokens
        self._client = client
        self._store = store
        self._key = key
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"OAuthRenewal(login_url={self._client.login_url!r}, remembered={bool(self._key)})"

    @property
    def remembered_key(self) -> str:
        """The keyring entry this login is kept under ('' when it is not remembered)."""
        return self._key if self._store is not None else ""

    def __call__(self) -> str:
        with self._lock:
            self._tokens = self._client.refresh(self._tokens)
            _remember(self._store, self._key, self._tokens)
            logger.info("access token renewed")
            return self._tokens.access_token

    def log_out(self) -> None:
        """Revokes the refresh token (which ends its access tokens) and forgets the saved copy.

        The saved copy is deleted even when Salesforce cannot be reached, so logging out
        always leaves nothing behind on this computer; OAuthError then says so.
        """
        with self._lock:
            token = self._tokens.refresh_token or self._tokens.access_token
        try:
            self._client.revoke(token)
        finally:
            if self._store is not None and self._key:
                forget_remembered(self._store, self._key)


def login_with_oauth_tokens(
    tokens: OAuthTokens,
    config: OAuthConfig,
    ca_bundle: str | None = None,
    *,
    store: TokenStore | None = None,
    client: OAuthClient | None = None,
) -> OrgSession:
    """An `OrgSession` (kind "oauth") on browser-login tokens that renews itself.

    An access token that has already expired (e.g. a remembered login) is refreshed once
    first. With `store`, the tokens are kept in the keyring under `org_key(login URL,
    username)` and the copy follows every refresh.
    """
    client = client or OAuthClient(config, ca_bundle)
    try:
        session = login_with_token(tokens.instance_url, tokens.access_token, ca_bundle=ca_bundle)
    except LoginError as exc:
        # userinfo answers an expired token with 401, or 403 "Bad_OAuth_Token"
        if exc.code not in ("INVALID_SESSION_ID", "FORBIDDEN") or not tokens.refresh_token:
            raise
        tokens = client.refresh(tokens)
        session = login_with_token(tokens.instance_url, tokens.access_token, ca_bundle=ca_bundle)
    key = org_key(client.login_url, session.username) if store is not None else ""
    _remember(store, key, tokens)
    if store is not None:
        config = client.config
        _note(
            store,
            RememberedLogin(key, session.username, config.login_url, config.client_id, config.callback_port),
        )
    session.kind = "oauth"
    session.renewer = OAuthRenewal(tokens, client, store, key)
    return session


def resume_remembered(
    config: OAuthConfig, key: str, store: TokenStore, ca_bundle: str | None = None
) -> OrgSession:
    """Logs in from the keyring copy (refresh token -> access token), without a browser.

    Raises LoginError in words: keyring unusable, nothing saved, or the saved login expired
    or was revoked (then the dead copy is deleted, so the next start does not try it again).
    """
    try:
        tokens = store.load(key)
    except TokenStoreError as exc:
        raise LoginError(failure_words(exc), "KEYRING") from None
    if tokens is None:
        raise LoginError(say("It was not found in this computer's keyring. Log in again."), "NOT_SAVED")
    try:
        return login_with_oauth_tokens(tokens, config, ca_bundle, store=store)
    except OAuthError as exc:
        if exc.code == "invalid_grant":
            forget_remembered(store, key)
        raise


def resume_for_schedule(
    store: TokenStore, username: str | None = None, ca_bundle: str | None = None
) -> OrgSession:
    """The remembered browser login of `username` (or the only one remembered), renewed
    from the keyring without a browser: what `export --remembered` runs on.

    LoginError in words when none is remembered, or several are and `username` is not given.
    """
    try:
        logins = store.remembered()
    except TokenStoreError as exc:
        raise LoginError(failure_words(exc), "KEYRING") from None
    if username:
        logins = [entry for entry in logins if entry.username.strip().lower() == username.strip().lower()]
    if not logins:
        raise LoginError(_nothing_remembered(username), "NOT_SAVED")
    if len(logins) > 1:
        names = ", ".join(sorted({entry.username for entry in logins}))
        raise LoginError(
            say("Several browser logins are remembered ({names}): choose one with --username.", names=names)
        )
    login = logins[0]
    config = OAuthConfig(
        login_url=login.login_url, client_id=login.client_id, callback_port=login.callback_port
    )
    return resume_remembered(config, login.key, store, ca_bundle)


def log_out(session: OrgSession | None, store: TokenStore | None = None, key: str = "") -> None:
    """Ends `session` at Salesforce where the app owns its tokens, and forgets any saved copy.

    A browser login is revoked (its refresh token and access tokens stop working). A pasted
    access token is left alone on purpose: it belongs to another tool (e.g. the Salesforce
    CLI) that still uses it. Raises OAuthError when the revoke could not be confirmed; the
    keyring copy is gone either way.
    """
    renewal = session.renewer if session is not None else None
    try:
        if isinstance(renewal, OAuthRenewal):
            renewal.log_out()
    finally:
        if store is not None and key:
            forget_remembered(store, key)


def forget_remembered(store: TokenStore, key: str) -> None:
    """Deletes the keyring entry; a keyring that refuses is logged, not raised (nothing to save)."""
    try:
        store.delete(key)
    except TokenStoreError as exc:
        logger.warning("could not delete the remembered login: %s", scrub(exc))


def _note(store: TokenStore, login: RememberedLogin) -> None:
    """Lists the login in the keyring's index (for scheduled exports); failing only logs."""
    try:
        store.note(login)
    except Exception as exc:  # noqa: BLE001 - TokenStoreError: the login works, only listing it failed
        logger.warning("could not list the remembered login: %s", scrub(exc))


def _remember(store: TokenStore | None, key: str, tokens: OAuthTokens) -> None:
    """Saves to the keyring when remembering; a keyring failure must not end the session."""
    if store is None or not key:
        return
    try:
        store.save(key, tokens)
    except Exception as exc:  # noqa: BLE001 - TokenStoreError: the login works, only remembering failed
        logger.warning("could not update the remembered login: %s", scrub(exc))
