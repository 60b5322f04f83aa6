"""Runs a login (and the admin check), or a log-out, off the GUI thread; answers come back as signals.

A login is a few HTTPS round trips that can take seconds against a slow org, so it runs in
the global QThreadPool. It cannot be interrupted mid-request; Cancel in the dialog simply
stops listening (`LoginWorker.abandon`) and the request ends by its own timeout.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from syncerr_gui.core.redaction import scrub

logger = logging.getLogger(__name__)

LoginCall = Callable[[], Any]  # returns an OrgSession or raises LoginError
AdminCheckCall = Callable[[Any], Any]  # OrgSession -> AdminCheck

# Workers stay referenced until their run() has returned, even if the dialog that started
# them is gone: Python must not free a QRunnable a pool thread is still running.
_KEEP_ALIVE: list[LoginWorker] = []


class LoginSignals(QObject):
    """Signals: succeeded(object) with the OrgSession; failed(str) with words for the user."""

    succeeded = Signal(object)
    failed = Signal(str)


class LoginWorker(QRunnable):
    """One login attempt: `login()` then `check_admin(session)`; a non-admin is a failure."""

    def __init__(self, login: LoginCall, check_admin: AdminCheckCall | None = None) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python keeps the reference; Qt must not delete it under us
        self.signals = LoginSignals()
        self._login = login
        self._check_admin = check_admin if check_admin is not None else _default_check_admin
        self._abandoned = False
        self.done = False

    def start(self, pool: QThreadPool | None = None) -> None:
        """Queue the attempt on `pool` (the global pool by default)."""
        _KEEP_ALIVE[:] = [w for w in _KEEP_ALIVE if not w.done] + [self]
        (pool or QThreadPool.globalInstance()).start(self)

    def abandon(self) -> None:
        """Forget this attempt: no signal will be emitted for it (the user pressed Cancel)."""
        self._abandoned = True

    def run(self) -> None:
        """Worker-thread body: never raises; every outcome becomes a signal."""
        try:
            self._attempt()
        finally:
            self.done = True

    def _attempt(self) -> None:
        try:
            session = self._login()
            check = self._check_admin(session)
        except Exception as exc:  # noqa: BLE001 - LoginError and anything unexpected become words, not a crash
            self._emit_failure(exc)
            return
        if self._abandoned:
            return
        if not getattr(check, "is_admin", False):
            logger.info("login refused: the user is not an admin")
            self.signals.failed.emit(check.message())
        else:
            self.signals.succeeded.emit(session)

    def _emit_failure(self, exc: Exception) -> None:
        from syncerr_gui.core.exceptions import LoginError

        if isinstance(exc, LoginError):
            text = scrub(str(exc))
        else:
            logger.exception("unexpected error while logging in")
            text = (
                scrub(f"Could not log in: {exc}") if str(exc) else f"Could not log in ({type(exc).__name__})."
            )
        if not self._abandoned:
            self.signals.failed.emit(text)


def _default_check_admin(session: Any) -> Any:
    from syncerr_gui.core.auth.permissions import check_admin

    return check_admin(session)


class LogoutSignals(QObject):
    """Signals: done(str) with what to tell the user once logging out has finished."""

    done = Signal(str)


class LogoutWorker(QRunnable):
    """Revokes a session's tokens and deletes the saved copy, off the GUI thread.

    Revoking is a round trip to Salesforce that can take seconds or fail when offline; the
    window has already forgotten the session, so this only reports how it went.
    """

    def __init__(self, session: Any, store: Any = None, key: str = "") -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = LogoutSignals()
        self._session, self._store, self._key = session, store, key
        self.done = False

    def start(self, pool: QThreadPool | None = None) -> None:
        """Queue the log-out on `pool` (the global pool by default)."""
        _KEEP_ALIVE_LOGOUT[:] = [w for w in _KEEP_ALIVE_LOGOUT if not w.done] + [self]
        (pool or QThreadPool.globalInstance()).start(self)

    def run(self) -> None:
        """Worker-thread body: never raises; the outcome becomes words."""
        try:
            self.signals.done.emit(self._log_out())
        finally:
            self._session = None  # the tokens leave memory with the session
            self.done = True

    def _log_out(self) -> str:
        from syncerr_gui.core.auth.renewal import log_out
        from syncerr_gui.core.exceptions import LoginError

        revokes = getattr(self._session, "kind", "") == "oauth"
        try:
            log_out(self._session, self._store, self._key)
        except LoginError as exc:
            return scrub(
                f"Logged out on this computer, but Salesforce could not be told to end the login: {exc}"
            )
        except Exception as exc:  # unexpected: still logged out here
            logger.exception("unexpected error while logging out")
            return (
                f"Logged out on this computer (ending the login at Salesforce failed: {type(exc).__name__})."
            )
        if revokes:
            return "Logged out: the login was ended at Salesforce and removed from this computer."
        return "Logged out."


_KEEP_ALIVE_LOGOUT: list[LogoutWorker] = []
