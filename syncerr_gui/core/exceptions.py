"""Failures of a whole operation, each with a `str()` that is a sentence for the user."""

from __future__ import annotations

from typing import Any


class SyncError(Exception):
    """The whole sync failed. `str()` is a sentence for the user and never holds a secret.

    `partial` carries what had been read before the failure (a `sync.values.SyncResult`, typed
    loosely so that this module stays at the bottom of the layers), so nothing fetched is lost.
    """

    def __init__(self, message: str, partial: Any = None) -> None:
        super().__init__(message)
        self.partial = partial


class SessionExpired(SyncError):
    """The session expired and could not be renewed: the user must log in again."""


class RequestFailed(SyncError):
    """One request failed for good (after retries). Readers turn it into a `SyncProblem`."""

    def __init__(self, message: str, status: int | None = None, error_code: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.error_code = error_code
