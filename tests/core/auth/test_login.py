"""Logging in to the loopback demo org over real HTTPS through simple-salesforce."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
import trustme

from syncerr_gui.core.auth.login import (
    login_with_password,
    login_with_token,
    normalise_instance_url,
    trusted_instance_origin,
)
from syncerr_gui.core.auth.session import OrgSession
from syncerr_gui.core.exceptions import LoginError
from syncerr_gui.demo_org.connect import demo_session


def _no_secret(text: str, *secrets: str) -> None:
    for secret in secrets:
        assert secret not in text


def test_token_login_names_the_user_and_org(demo_org) -> None:
    session = login_with_token(
        demo_org.instance_url, demo_org.admin.access_token, ca_bundle=str(demo_org.ca_path)
    )
    assert isinstance(session, OrgSession)
    assert session.kind == "token"
    assert session.instance_url == demo_org.instance_url
    assert session.user_id == demo_org.admin.user_id
    assert session.org_id == demo_org.org_id
    assert session.username == demo_org.admin.username
    assert session.display_name == demo_org.admin.display_name
    assert session.sf.query("SELECT Id FROM AsyncApexJob LIMIT 1")["done"] in (True, False)
    _no_secret(repr(session), demo_org.admin.access_token)
    _no_secret(str(session), demo_org.admin.access_token)


def test_password_login_through_the_org_url(demo_org) -> None:
    session = demo_session(demo_org, via_password=True)
    assert session.kind == "demo"
    assert session.user_id == demo_org.admin.user_id
    assert session.org_id == demo_org.org_id
    assert session.renewer is not None
    _no_secret(repr(session), demo_org.admin.password, demo_org.admin.security_token)


def test_wrong_password_is_said_in_words_without_secrets(demo_org) -> None:
    wrong = "not-the-password-42"
    with pytest.raises(LoginError) as info:
        login_with_password(
            demo_org.admin.username,
            wrong,
            demo_org.admin.security_token,
            domain=demo_org.instance_url,
            ca_bundle=str(demo_org.ca_path),
        )
    text = str(info.value)
    assert text.startswith("Wrong username, password or security token (or the user is locked out).")
    assert "Check them and try again" in text
    _no_secret(text, wrong, demo_org.admin.password, demo_org.admin.security_token)


def test_missing_security_token_is_refused(demo_org) -> None:
    with pytest.raises(LoginError) as info:
        login_with_password(
            demo_org.admin.username,
            demo_org.admin.password,
            "",
            domain=demo_org.instance_url,
            ca_bundle=str(demo_org.ca_path),
        )
    assert "security token" in str(info.value)
    _no_secret(str(info.value), demo_org.admin.password)


def test_refused_token_is_said_in_words_without_the_token(demo_org) -> None:
    bad = demo_org.admin.access_token[:-6] + "XXXXXX"
    with pytest.raises(LoginError) as info:
        login_with_token(demo_org.instance_url, bad, ca_bundle=str(demo_org.ca_path))
    assert "The access token was refused: it has expired or been revoked." in str(info.value)
    _no_secret(str(info.value), bad, demo_org.admin.access_token)


def test_untrusted_certificate_gives_the_certificate_sentence(demo_org, tmp_path: Path) -> None:
    other_ca = tmp_path / "other-ca.pem"
    trustme.CA().cert_pem.write_to_path(str(other_ca))
    with pytest.raises(LoginError) as info:
        login_with_token(demo_org.instance_url, demo_org.admin.access_token, ca_bundle=str(other_ca))
    text = str(info.value)
    assert "was issued by an authority this computer does not trust" in text
    assert "If your company inspects HTTPS traffic" in text and "Trust this certificate" in text
    _no_secret(text, demo_org.admin.access_token)


def test_untrusted_certificate_on_password_login(demo_org) -> None:
    with pytest.raises(LoginError, match="authority this computer does not trust"):
        login_with_password(
            demo_org.admin.username,
            demo_org.admin.password,
            demo_org.admin.security_token,
            domain=demo_org.instance_url,
        )


def test_unreachable_port_is_said_in_words() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(LoginError) as info:
        login_with_token(f"https://127.0.0.1:{port}", "00D000000000001!secret-token")
    assert str(info.value).startswith(f"Could not reach 127.0.0.1:{port}: the connection was refused")
    _no_secret(str(info.value), "secret-token")


def test_expired_session_logs_in_again(fresh_org) -> None:
    session = demo_session(fresh_org)
    old = session.sf.session_id
    fresh_org.expire_sessions()
    with pytest.raises(LoginError, match="refused"):
        login_with_token(fresh_org.instance_url, old, ca_bundle=str(fresh_org.ca_path))
    assert session.renewer is not None
    new = session.renew(old)
    assert new != old
    assert session.sf.session_id == new
    assert session.sf.query("SELECT Id FROM AsyncApexJob LIMIT 1")["totalSize"] >= 0


@pytest.mark.parametrize(
    "url",
    [
        "http://acme.my.salesforce.com",
        "ftp://acme.my.salesforce.com",
        "https://user@acme.my.salesforce.com",
        "https://bad host",
    ],
)
def test_unsafe_instance_urls_are_refused(url: str) -> None:
    with pytest.raises(LoginError):
        normalise_instance_url(url)


def test_pasted_urls_are_reduced_to_the_instance() -> None:
    assert (
        normalise_instance_url(" acme.my.salesforce.com/lightning/page/home ")
        == "https://acme.my.salesforce.com"
    )
    assert normalise_instance_url("http://127.0.0.1:8443/") == "https://127.0.0.1:8443"


@pytest.mark.parametrize("domain", ["evil.example/#", "login.salesforce.com@evil", "a b"])
def test_bad_login_domains_are_refused_before_any_request(domain: str) -> None:
    with pytest.raises(LoginError, match="not a valid login domain"):
        login_with_password("admin@example.com", "pw-123456", "tok-123456", domain=domain)


def test_instance_named_by_a_login_answer_must_be_salesforce_or_the_login_host() -> None:
    login = "https://login.salesforce.com"
    assert (
        trusted_instance_origin(
            "acme.my.salesforce.com", "https://acme.my.salesforce.com/services/Soap/u/59.0", login
        )
        == "https://acme.my.salesforce.com"
    )
    assert (
        trusted_instance_origin("127.0.0.1:8443", "https://127.0.0.1:8443/x", "https://127.0.0.1:8443")
        == "https://127.0.0.1:8443"
    )
    for instance, server_url in [
        ("evil.example", "https://evil.example/x"),
        ("salesforce.com.evil.example", "https://salesforce.com.evil.example/x"),
        ("acme.my.salesforce.com", "http://acme.my.salesforce.com/x"),
        ("127.0.0.1:9999", "https://127.0.0.1:9999/x"),
        ("acme.my.salesforce.com:8443", "https://acme.my.salesforce.com:8443/x"),
    ]:
        with pytest.raises(LoginError, match="refused"):
            trusted_instance_origin(instance, server_url, "https://127.0.0.1:8443")


def test_password_session_logs_in_again_after_expiry(fresh_org) -> None:
    session = demo_session(fresh_org, via_password=True)
    old = session.sf.session_id
    fresh_org.expire_sessions()
    new = session.renew(old)
    assert new != old
    assert session.sf.query("SELECT Id FROM AsyncApexJob LIMIT 1")["totalSize"] >= 0


def test_timeouts_name_the_host_and_the_wait() -> None:
    import requests

    from syncerr_gui.core.auth.login import network_words
    from syncerr_gui.core.salesforce.http import make_session

    session = make_session(timeout=(5.0, 30.0))
    assert (
        network_words(requests.exceptions.ConnectTimeout(), "acme.my.salesforce.com", session)
        == "acme.my.salesforce.com did not answer within 5 s."
    )
    assert (
        network_words(requests.exceptions.ReadTimeout(), "acme.my.salesforce.com", session)
        == "acme.my.salesforce.com did not answer within 30 s."
    )
