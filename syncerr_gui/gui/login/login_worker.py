"""The work of logging in (with the admin check) and of logging out, as plain functions.

Each is a few HTTPS round trips that can take seconds against a slow org, so the GUI runs
them with `gui.tasks.run_in_background`. A login cannot be interrupted mid-request: Cancel
abandons the task (nothing is delivered) and the request ends by its own timeout.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from syncerr_gui.core.auth.session import OrgSession
from syncerr_gui.core.exceptions import failure_text
from syncerr_gui.gui.i18n import QT_TR_NOOP, shown, tr

logger = logging.getLogger(__name__)

LoginCall = Callable[[], OrgSession]  # logs in (off the GUI thread) or raises LoginError
AdminCheckCall = Callable[[OrgSession], Any]  # OrgSession -> AdminCheck (`is_admin`, `message()`)
NOT_ENDED_AT_SALESFORCE = QT_TR_NOOP(
    "Logged out on this computer, but Salesforce could not be told to end the login: {reason}"
)


@dataclass(frozen=True)
class LoginOutcome:
    """A login that worked, and whether its user may use the app (`check.message()` says why not)."""

    session: OrgSession
    check: Any  # AdminCheck

    @property
    def is_admin(self) -> bool:
        return bool(getattr(self.check, "is_admin", False))

    def refusal(self) -> str:
        """The words for a user who is not an admin (a core sentence: show it with `shown()`)."""
        logger.info("login refused: the user is not an admin")
        message = self.check.message()
        return message if isinstance(message, str) else str(message)


@dataclass(frozen=True)
class LoginFailure:
    """A login refused in words (`text`), and the kind of failure (`LoginError.code`)."""

    text: str
    code: str


def log_in_and_check(login: LoginCall, check_admin: AdminCheckCall | None = None) -> LoginOutcome:
    """Log in, then check the user's permissions (both off the GUI thread); raises LoginError."""
    session = login()
    return LoginOutcome(session, (check_admin or _check_admin)(session))


def try_log_in(login: LoginCall, check_admin: AdminCheckCall | None = None) -> LoginOutcome | LoginFailure:
    """`log_in_and_check`, with a refused login as a `LoginFailure` (the dialog acts on its
    code); anything else still raises, for `run_in_background` to put in words."""
    from syncerr_gui.core.exceptions import LoginError

    try:
        return log_in_and_check(login, check_admin)
    except LoginError as exc:
        return LoginFailure(failure_text(exc, tr("log in")), exc.code)


def log_out_words(session: OrgSession | None, store: Any = None, key: str = "") -> str:
    """Revoke the session's tokens and delete the saved copy; what to tell the user.

    The window has already forgotten the session, so a failure here only changes the words
    (in the window's language: Qt's translation may be used off the GUI thread).
    """
    from syncerr_gui.core.auth.renewal import log_out

    revokes = session is not None and session.kind == "oauth"
    try:
        log_out(session, store, key)
    except Exception as exc:  # noqa: BLE001 - logged out here either way; the words say what failed
        reason = shown(failure_text(exc, tr("end the login at Salesforce")))
        return tr(NOT_ENDED_AT_SALESFORCE).format(reason=reason)
    if revokes:
        return tr("Logged out: the login was ended at Salesforce and removed from this computer.")
    return tr("Logged out.")


def _check_admin(session: OrgSession) -> Any:
    from syncerr_gui.core.auth.permissions import check_admin

    return check_admin(session)
