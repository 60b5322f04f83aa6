"""Every failure the app puts in words, and the one function that turns any failure into words.

The contract of the whole hierarchy is the base's: `str(exc)` is a sentence an admin can act
on and never holds a secret (no token, password, header or request body). Code that shows a
failure calls `failure_text(exc, doing=...)` and never formats an exception itself::

    UserFacingError                  str() is a sentence for the admin, never a secret
    ├── LoginError (code)            logging in, or the admin check, failed
    │   ├── OAuthError (code)        the browser login (PKCE, loopback redirect, refresh, revoke)
    │   └── TokenStoreError          the OS keyring could not be used
    ├── RequestFailed (status, error_code)
    │                                one request failed for good (after retries); a reader turns
    │                                it into a SyncProblem for its job, the sync carries on
    ├── SyncError (partial)          the whole sync failed; `partial` holds what had been read
    │   └── SessionExpired           ... because the session expired and could not be renewed
    ├── ArchiveError                 the error archive cannot be used (the app goes on without)
    │   └── ArchiveStoreFailed       (core/archive/incremental.py: synced, but not stored)
    └── ExportError                  the CSV export failed (the target file is untouched)
        └── ExportCancelled          the user cancelled it

A per-request failure (`RequestFailed`) is deliberately not a `SyncError`: one unreadable job
is a problem of that job, not of the sync. `SyncCancelled` (core/cancel.py) is not a failure at
all and stays outside. The command line's `CliFailure` and `UsageError` (cli/failures.py) are
`UserFacingError`s too.
"""

from __future__ import annotations

import logging
from typing import Any

from syncerr_gui.core.redaction import scrub
from syncerr_gui.core.words import Words, say

logger = logging.getLogger(__name__)

__all__ = [
    "ArchiveError",
    "ExportCancelled",
    "ExportError",
    "LoginError",
    "OAuthError",
    "RequestFailed",
    "SessionExpired",
    "SyncError",
    "TokenStoreError",
    "UserFacingError",
    "failure_text",
]


class UserFacingError(Exception):
    """A failure already put in words: `str()` is a sentence for the admin, never a secret."""


class LoginError(UserFacingError):
    """Logging in failed; `code` names the reason for code that reacts to it (e.g. "NETWORK")."""

    def __init__(self, message: str, code: str = "") -> None:
        super().__init__(message)
        self.code = code


class OAuthError(LoginError):
    """A browser-login failure. A LoginError, so the login dialog shows it like any other."""


class TokenStoreError(LoginError):
    """The keyring could not be used; the message says why (e.g. locked, none installed)."""


class RequestFailed(UserFacingError):
    """One request failed for good (after retries). Readers turn it into a `SyncProblem`."""

    def __init__(self, message: str, status: int | None = None, error_code: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.error_code = error_code


class SyncError(UserFacingError):
    """The whole sync failed.

    `partial` carries what had been read before the failure (a `sync.values.SyncResult`, typed
    loosely so that this module stays at the bottom of the layers), so nothing fetched is lost.
    """

    def __init__(self, message: str, partial: Any = None) -> None:
        super().__init__(message)
        self.partial = partial


class SessionExpired(SyncError):
    """The session expired and could not be renewed: the user must log in again."""


class ArchiveError(UserFacingError):
    """The archive cannot be used."""


class ExportError(UserFacingError):
    """The export failed (the target is untouched)."""


class ExportCancelled(ExportError):
    """The user cancelled the export; no file was written."""


def failure_text(exc: BaseException, doing: str) -> str:
    """The words for any failure of `doing` (a verb phrase: "log in", "export the rows").

    A `UserFacingError` is its own sentence (scrubbed once more, to be safe). Anything else is
    a bug or a surprise: logged here with its traceback, once, and named the same way
    everywhere, without its text (which may hold anything, a secret included).
    """
    if isinstance(exc, UserFacingError):
        return scrub(failure_words(exc))
    logger.error("unexpected %s while trying to %s", type(exc).__name__, doing, exc_info=exc)
    return say(
        "Could not {doing} because of an unexpected error ({kind}).", doing=doing, kind=type(exc).__name__
    )


def failure_words(exc: BaseException) -> str:
    """The sentence `exc` was raised with: its `Words` when it was made by `say()` (so the
    window can translate it), else `str(exc)`."""
    first = exc.args[0] if len(exc.args) == 1 else None
    return first if isinstance(first, Words) else str(exc)
