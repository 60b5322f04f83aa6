"""One hierarchy, one way to put any failure in words."""

from __future__ import annotations

import logging

import pytest

from syncerr_gui.core.exceptions import (
    ArchiveError,
    ExportCancelled,
    ExportError,
    LoginError,
    OAuthError,
    RequestFailed,
    SessionExpired,
    SyncError,
    TokenStoreError,
    UserFacingError,
    failure_text,
)
from syncerr_gui.core.redaction import forget_secret, register_secret


def test_every_failure_in_words_is_user_facing_and_a_request_is_not_a_whole_sync() -> None:
    for kind in (LoginError, OAuthError, TokenStoreError, RequestFailed, SyncError, SessionExpired):
        assert issubclass(kind, UserFacingError)
    assert issubclass(ArchiveError, UserFacingError) and issubclass(ExportCancelled, ExportError)
    assert issubclass(OAuthError, LoginError) and issubclass(TokenStoreError, LoginError)
    assert issubclass(SessionExpired, SyncError)
    assert not issubclass(RequestFailed, SyncError)


def test_a_user_facing_failure_is_its_own_sentence_without_a_registered_secret(
    caplog: pytest.LogCaptureFixture,
) -> None:
    register_secret("00Dxx!sekret-token-value")
    try:
        text = failure_text(LoginError("Refused 00Dxx!sekret-token-value."), doing="log in")
    finally:
        forget_secret("00Dxx!sekret-token-value")
    assert text.startswith("Refused") and "sekret" not in text
    assert not caplog.records  # nothing unexpected happened: nothing logged


def test_an_unexpected_failure_is_logged_once_with_its_traceback_and_named_without_its_text(
    caplog: pytest.LogCaptureFixture,
) -> None:
    try:
        {}["password=hunter2"]
    except KeyError as exc:
        with caplog.at_level(logging.ERROR):
            text = failure_text(exc, doing="export the rows")
    assert text == "Could not export the rows because of an unexpected error (KeyError)."
    (record,) = caplog.records
    assert record.exc_info is not None and "export the rows" in record.getMessage()
