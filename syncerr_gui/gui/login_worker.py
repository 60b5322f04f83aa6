"""Runs a login (and the admin check) off the GUI thread; the answer comes back as a signal.

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
        except Exception as exc:  # LoginError and anything unexpected become words, not a crash
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
        from syncerr_gui.core.login import LoginError

        if isinstance(exc, LoginError):
            text = scrub(str(exc))
        else:
            logger.exception("unexpected error while logging in")
            text = scrub(f"Could not log in: {exc}") if str(exc) else f"Could not log in ({type(exc).__name__})."
        if not self._abandoned:
            self.signals.failed.emit(text)


def _default_check_admin(session: Any) -> Any:
    from syncerr_gui.core.permissions import check_admin

    return check_admin(session)
