"""Secrets never reach logs or messages: `scrub` and the logging filter."""

from __future__ import annotations

import logging

import pytest

from syncerr_gui.core.redaction import REDACTED, RedactingFilter, forget_secret, register_secret, scrub

ACCESS = "00D5g000004ABCDE!AQ4AQFakeTokenValue.abc_def-123"
REFRESH = "5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJrAL9N3t2DJCyX2e5hT3Ya.7k6lc8kvCqcZ4PLsVPzGNW8Kn"


@pytest.mark.parametrize(
    "text, secret",
    [
        (f"Authorization: Bearer {ACCESS}", ACCESS),
        (f"session {ACCESS} expired", ACCESS),
        (f"grant_type=refresh_token&refresh_token={REFRESH}&client_id=abc", REFRESH),
        (
            '{"access_token": "opaque-token-value", "instance_url": "https://x.my.salesforce.com"}',
            "opaque-token-value",
        ),
        ("{'refresh_token': 'another-opaque-value'}", "another-opaque-value"),
        ("code_verifier=AbCdEf0123456789_-xyz&code=aPrxYXyz", "AbCdEf0123456789_-xyz"),
        ("http://localhost:1717/OauthRedirect?code=aPrx.Secret%3D%3D&state=s", "aPrx.Secret%3D%3D"),
        ("<sessionId>opaqueSession</sessionId>", "opaqueSession"),
        ("X-SFDC-Session: opaqueSession2", "opaqueSession2"),
        ("password=hunter22&username=a@b.c", "hunter22"),
        ("Authorization: OAuth legacyToken", "legacyToken"),
    ],
)
def test_scrub_hides_each_kind_of_secret(text: str, secret: str) -> None:
    cleaned = scrub(text)
    assert secret not in cleaned
    assert REDACTED in cleaned


@pytest.mark.parametrize(
    "text",
    [
        "HTTP status code: 503",
        "OAuth login failed: invalid_grant",
        '{"errorCode":"INVALID_SESSION_ID","message":"Session expired or invalid"}',
        "grant_type=refresh_token",
        '"token_type":"Bearer"',
        "REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --",
    ],
)
def test_scrub_keeps_ordinary_text(text: str) -> None:
    assert scrub(text) == text


def test_registered_secret_is_hidden_anywhere_until_forgotten() -> None:
    register_secret("correct horse battery")
    try:
        assert scrub("my password is correct horse battery!") == "my password is [redacted]!"
    finally:
        forget_secret("correct horse battery")
    assert "correct horse battery" in scrub("correct horse battery")


def test_scrub_accepts_non_strings() -> None:
    assert ACCESS not in scrub(ValueError(f"bad token {ACCESS}"))


def test_filter_scrubs_message_arguments_and_traceback(caplog: pytest.LogCaptureFixture) -> None:
    log = logging.getLogger("test_redaction.filter")
    redactor = RedactingFilter()
    caplog.handler.addFilter(redactor)
    try:
        with caplog.at_level(logging.INFO, logger=log.name):
            log.info("token response: %s", {"access_token": ACCESS})
            try:
                raise RuntimeError(f"failed with Bearer {ACCESS}")
            except RuntimeError:
                log.exception("request failed")
    finally:
        caplog.handler.removeFilter(redactor)
    assert ACCESS not in caplog.text
    assert "token response" in caplog.text and "RuntimeError" in caplog.text
    assert len(caplog.records) == 2
