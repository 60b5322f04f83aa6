"""What the browser is sent to, and where a token may go: PKCE, the authorize URL, host guards."""

from __future__ import annotations

import base64
import hashlib
import threading
from urllib.parse import parse_qs, urlsplit

import pytest

from syncerr_gui.core.auth.oauth import (
    BrowserLogin,
    OAuthConfig,
    check_instance_url,
    make_pkce_pair,
    normalise_login_url,
)
from syncerr_gui.core.cancel import CancelToken
from syncerr_gui.core.exceptions import OAuthError


def test_pkce_pair_follows_rfc_7636() -> None:
    verifier, challenge = make_pkce_pair()
    assert 43 <= len(verifier) <= 128
    assert set(verifier) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    expected = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    assert challenge == expected and "=" not in challenge
    assert make_pkce_pair()[0] != verifier


def test_authorize_url_carries_challenge_state_and_loopback_redirect() -> None:
    login = BrowserLogin(
        OAuthConfig(login_url="https://acme.my.salesforce.com/", client_id="my-app", callback_port=0)
    )
    try:
        url = login.start()
        port = login.config.callback_port
    finally:
        login.cancel()
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert (
        f"{parts.scheme}://{parts.netloc}{parts.path}"
        == "https://acme.my.salesforce.com/services/oauth2/authorize"
    )
    assert query["response_type"] == "code" and query["client_id"] == "my-app"
    assert query["redirect_uri"] == f"http://localhost:{port}/OauthRedirect" and port > 0
    assert query["code_challenge_method"] == "S256" and len(query["code_challenge"]) == 43
    assert len(query["state"]) >= 32
    assert query["scope"] == "api refresh_token" and "scope=api%20refresh_token" in url


def test_missing_client_id_is_asked_for_before_anything_listens() -> None:
    with pytest.raises(OAuthError, match="client id"):
        BrowserLogin(OAuthConfig(login_url="https://login.salesforce.com", client_id=" ")).start()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("https://login.salesforce.com", "https://login.salesforce.com"),
        ("acme.my.salesforce.com", "https://acme.my.salesforce.com"),
        ("https://Acme.my.salesforce.com/lightning/page/home", "https://acme.my.salesforce.com"),
        ("http://127.0.0.1:8443", "http://127.0.0.1:8443"),
        ("http://localhost:9000/", "http://localhost:9000"),
    ],
)
def test_login_urls_are_normalised(text: str, expected: str) -> None:
    assert normalise_login_url(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "http://login.salesforce.com",
        "http://10.0.0.5",
        "ftp://login.salesforce.com",
        "https://user:pw@login.salesforce.com",
        "https://x <img src=/dev/zero>",
        "https://evil.example\\.my.salesforce.com",
        "",
    ],
)
def test_unsafe_login_urls_are_refused(text: str) -> None:
    with pytest.raises(OAuthError):
        normalise_login_url(text)


@pytest.mark.parametrize(
    "url, login_url",
    [
        ("https://acme.my.salesforce.com", "https://login.salesforce.com"),
        ("https://na1.salesforce.com/", "https://test.salesforce.com"),
        ("https://acme--dev.sandbox.my.salesforce.com", "https://test.salesforce.com"),
        ("https://127.0.0.1:8443", "https://127.0.0.1:8443"),
    ],
)
def test_salesforce_and_login_host_instances_are_accepted(url: str, login_url: str) -> None:
    assert check_instance_url(url, login_url) == url.rstrip("/")


@pytest.mark.parametrize(
    "url, login_url",
    [
        ("https://evil.example.com", "https://login.salesforce.com"),
        ("https://salesforce.com.evil.example", "https://login.salesforce.com"),
        ("http://acme.my.salesforce.com", "https://login.salesforce.com"),
        ("https://127.0.0.1:9999", "https://127.0.0.1:8443"),
        ("https://evil.example.com@acme.my.salesforce.com", "https://login.salesforce.com"),
        ("https://evil.example\\.force.com", "https://login.salesforce.com"),  # urllib3 reads evil.example
        ("https://evil.example\\.my.salesforce.com:443", "https://login.salesforce.com"),
        ("https://acme.my.salesforce.com\t.evil.example", "https://login.salesforce.com"),
    ],
)
def test_other_instances_are_refused_so_no_token_goes_there(url: str, login_url: str) -> None:
    with pytest.raises(OAuthError, match="unexpected server"):
        check_instance_url(url, login_url)


def _started() -> BrowserLogin:
    login = BrowserLogin(
        OAuthConfig(login_url="https://acme.my.salesforce.com", client_id="x", callback_port=0)
    )
    login.start()
    return login


def test_cancel_from_another_thread_ends_the_wait() -> None:
    login = _started()
    threading.Timer(0.2, login.cancel).start()
    with pytest.raises(OAuthError, match="The login was cancelled"):
        login.wait(timeout=120)


def test_the_engines_cancel_token_ends_the_wait() -> None:
    login, token = _started(), CancelToken()
    threading.Timer(0.2, token.cancel).start()
    with pytest.raises(OAuthError, match="The login was cancelled"):
        login.wait(timeout=120, cancel=token)


def test_no_answer_in_time_is_said_in_words() -> None:
    with pytest.raises(OAuthError, match="No answer came from the browser in time"):
        _started().wait(timeout=0.2)
