"""The whole browser login against the loopback demo org, with a scripted browser (real HTTPS)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import ExitStack
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest
from memory_keyring import MemoryKeyring
from oauth_helpers import ScriptedBrowser, config_for, start_org

from syncerr_gui.core.auth.oauth import ACCESS_DENIED, STATE_MISMATCH, BrowserLogin, OAuthTokens
from syncerr_gui.core.auth.renewal import OAuthRenewal, login_with_oauth_tokens
from syncerr_gui.core.auth.token_store import TokenStore, org_key
from syncerr_gui.core.exceptions import LoginError, OAuthError
from syncerr_gui.core.salesforce.http import make_session

if TYPE_CHECKING:
    from syncerr_gui.demo_org import DemoOrg


@pytest.fixture()
def oauth_org() -> Iterator[DemoOrg]:
    """A small demo org of the test's own whose External Client App expects one callback port."""
    with ExitStack() as stack:
        yield start_org(stack)


@pytest.fixture()
def short_lived_org() -> Iterator[DemoOrg]:
    """Like `oauth_org`, but every access token dies after one authenticated request."""
    with ExitStack() as stack:
        yield start_org(stack, expire_tokens_after=1)


def _replace_state(location: str) -> str:
    parts = urlsplit(location)
    query = dict(parse_qsl(parts.query))
    query["state"] = "forged-by-another-page"
    return urlunsplit(parts._replace(query=urlencode(query)))


def _userinfo_status(org: DemoOrg, token: str) -> int:
    with make_session(org.ca_path) as web:
        return web.get(
            f"{org.instance_url}/services/oauth2/userinfo", headers={"Authorization": f"Bearer {token}"}
        ).status_code


def _browser_login(org: DemoOrg, browser: ScriptedBrowser) -> OAuthTokens:
    login = BrowserLogin(config_for(org), ca_bundle=str(org.ca_path))
    browser.open(login.start())
    return login.wait(timeout=30)


@pytest.mark.parametrize("use_form", [False, True], ids=["auto-allow", "allow-button"])
def test_whole_flow_logs_in_as_the_user_who_allowed(oauth_org: DemoOrg, use_form: bool) -> None:
    browser = ScriptedBrowser(oauth_org, use_form=use_form)
    tokens = _browser_login(oauth_org, browser)
    assert "You can close this tab and return to Salesforce Sync Errors" in browser.pages[0]
    assert tokens.instance_url == oauth_org.instance_url and tokens.refresh_token
    assert tokens.access_token not in repr(tokens) and tokens.refresh_token not in repr(tokens)
    session = login_with_oauth_tokens(tokens, config_for(oauth_org), str(oauth_org.ca_path))
    assert session.kind == "oauth"
    assert session.username == oauth_org.admin.username
    assert session.user_id == oauth_org.admin.user_id == tokens.user_id
    assert session.sf.query("SELECT Id FROM AsyncApexJob")["totalSize"] >= 0


def test_a_forged_answer_first_is_refused_and_the_real_one_still_logs_in(oauth_org: DemoOrg) -> None:
    browser = ScriptedBrowser(oauth_org, forge_first=_replace_state)
    tokens = _browser_login(oauth_org, browser)
    assert browser.statuses == [400, 200]
    assert "Login not accepted" in browser.pages[0] and "does not belong" in browser.pages[0]
    assert "You can close this tab" in browser.pages[1]
    session = login_with_oauth_tokens(tokens, config_for(oauth_org), str(oauth_org.ca_path))
    assert session.username == oauth_org.admin.username
    assert len([target for _, target in oauth_org.request_log if "/oauth2/token" in target]) == 1


def test_only_answers_with_another_state_end_in_words_and_no_token_request(oauth_org: DemoOrg) -> None:
    browser = ScriptedBrowser(oauth_org, tamper=_replace_state)
    login = BrowserLogin(config_for(oauth_org), ca_bundle=str(oauth_org.ca_path))
    browser.open(login.start())
    with pytest.raises(OAuthError) as caught:
        login.wait(timeout=1.5)
    assert str(caught.value) == STATE_MISMATCH
    assert str(caught.value).startswith("The answer did not come from the login you started")
    assert browser.statuses == [400]
    assert not [target for _, target in oauth_org.request_log if "/oauth2/token" in target]


def test_the_browser_is_given_a_loopback_url_without_state_or_challenge(oauth_org: DemoOrg) -> None:
    login = BrowserLogin(config_for(oauth_org), ca_bundle=str(oauth_org.ca_path))
    authorize = login.start()
    launch = urlsplit(login.launch_url)
    assert launch.scheme == "http" and launch.hostname == "localhost" and launch.path == "/start"
    query = dict(parse_qsl(urlsplit(authorize).query))
    for secret in (query["state"], query["code_challenge"]):
        assert secret not in login.launch_url  # a launcher's argv is readable by every local user
    with make_session() as web:
        hop = web.get(login.launch_url, allow_redirects=False)
        guessed = web.get(login.launch_url.split("?")[0] + "?t=guess", allow_redirects=False)
    assert hop.status_code == 303 and hop.headers["Location"] == authorize
    assert guessed.status_code == 404 and "Location" not in guessed.headers
    login.cancel()


def test_the_whole_flow_through_the_loopback_start_page(oauth_org: DemoOrg) -> None:
    login = BrowserLogin(config_for(oauth_org), ca_bundle=str(oauth_org.ca_path))
    login.start()
    browser = ScriptedBrowser(oauth_org, use_form=True)
    browser.open(login.launch_url)
    tokens = login.wait(timeout=30)
    assert tokens.instance_url == oauth_org.instance_url


@pytest.mark.parametrize("use_form", [False, True], ids=["auto-deny", "deny-button"])
def test_denied_access_is_said_in_words(oauth_org: DemoOrg, use_form: bool) -> None:
    browser = ScriptedBrowser(oauth_org, decision="deny", use_form=use_form)
    with pytest.raises(OAuthError) as caught:
        _browser_login(oauth_org, browser)
    assert str(caught.value) == ACCESS_DENIED
    assert str(caught.value).startswith("You (or your admin) denied access")
    assert isinstance(caught.value, LoginError)


def test_callback_port_in_use_is_explained(oauth_org: DemoOrg) -> None:
    port = oauth_org.config.oauth_callback_port
    with socket.socket() as other_program:
        other_program.bind(("127.0.0.1", port))
        other_program.listen()
        with pytest.raises(OAuthError, match=f"Port {port} is in use by another program"):
            BrowserLogin(config_for(oauth_org), ca_bundle=str(oauth_org.ca_path)).start()


def test_refresh_gives_a_working_access_token(oauth_org: DemoOrg) -> None:
    tokens = _browser_login(oauth_org, ScriptedBrowser(oauth_org))
    login = BrowserLogin(config_for(oauth_org), ca_bundle=str(oauth_org.ca_path))
    renewed = login.refresh(tokens)
    assert renewed.access_token != tokens.access_token
    assert renewed.refresh_token == tokens.refresh_token
    assert _userinfo_status(oauth_org, renewed.access_token) == 200
    assert login.refresh(tokens.refresh_token).access_token not in (tokens.access_token, renewed.access_token)


def test_revoke_ends_the_login(oauth_org: DemoOrg) -> None:
    tokens = _browser_login(oauth_org, ScriptedBrowser(oauth_org))
    login = BrowserLogin(config_for(oauth_org), ca_bundle=str(oauth_org.ca_path))
    assert _userinfo_status(oauth_org, tokens.access_token) == 200
    login.revoke(tokens.refresh_token)
    assert _userinfo_status(oauth_org, tokens.access_token) in (401, 403)
    login.revoke(tokens.refresh_token)  # already gone: fine
    with pytest.raises(OAuthError, match="expired or was revoked") as caught:
        login.refresh(tokens)
    assert tokens.refresh_token not in str(caught.value)


def test_expired_session_renews_itself_and_updates_the_keyring(oauth_org: DemoOrg) -> None:
    tokens = _browser_login(oauth_org, ScriptedBrowser(oauth_org))
    store = TokenStore(backend=MemoryKeyring())
    session = login_with_oauth_tokens(tokens, config_for(oauth_org), str(oauth_org.ca_path), store=store)
    key = org_key(oauth_org.instance_url, session.username)
    assert store.load(key) == tokens
    assert isinstance(session.renewer, OAuthRenewal)
    fresh = session.renew(session.token())
    assert fresh != tokens.access_token and session.sf.session_id == fresh
    assert store.load(key).access_token == fresh
    assert session.sf.query("SELECT Id FROM AsyncApexJob")["totalSize"] >= 0


def test_remembered_login_with_a_dead_access_token_is_renewed(short_lived_org: DemoOrg) -> None:
    org = short_lived_org
    tokens = _browser_login(org, ScriptedBrowser(org))
    assert _userinfo_status(org, tokens.access_token) == 200  # its one request: now it is dead
    assert _userinfo_status(org, tokens.access_token) in (401, 403)
    session = login_with_oauth_tokens(tokens, config_for(org), str(org.ca_path))
    assert session.username == org.admin.username
    assert session.sf.session_id != tokens.access_token


def test_failed_renewal_asks_to_log_in_again(oauth_org: DemoOrg) -> None:
    tokens = _browser_login(oauth_org, ScriptedBrowser(oauth_org))
    session = login_with_oauth_tokens(tokens, config_for(oauth_org), str(oauth_org.ca_path))
    BrowserLogin(config_for(oauth_org), ca_bundle=str(oauth_org.ca_path)).revoke(tokens.refresh_token)
    with pytest.raises(LoginError, match="Log in again"):
        session.renew(session.token())


def test_untrusted_certificate_is_said_in_words(oauth_org: DemoOrg) -> None:
    login = BrowserLogin(config_for(oauth_org), ca_bundle=None)  # the demo CA is not trusted
    ScriptedBrowser(oauth_org).open(login.start())
    with pytest.raises(OAuthError, match="authority this computer does not trust") as caught:
        login.wait(timeout=30)
    assert str(caught.value).startswith("Could not finish the login:")


def test_workers_meeting_one_expired_token_share_one_refresh(oauth_org: DemoOrg) -> None:
    import threading

    tokens = _browser_login(oauth_org, ScriptedBrowser(oauth_org))
    session = login_with_oauth_tokens(tokens, config_for(oauth_org), str(oauth_org.ca_path))
    posts = oauth_org.request_log.count(("POST", "/services/oauth2/token"))
    seen = session.token()  # the token all four workers saw expire
    start = threading.Barrier(4)
    got: list[str] = []

    def worker() -> None:
        start.wait()
        got.append(session.renew(seen))

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(got)) == 1 and got[0] != tokens.access_token
    assert oauth_org.request_log.count(("POST", "/services/oauth2/token")) == posts + 1
    # The renewed token expiring in turn is renewed again at once (no waiting period).
    again = session.renew(session.token())
    assert again not in (got[0], tokens.access_token) and _userinfo_status(oauth_org, again) == 200


def test_resuming_a_revoked_saved_login_forgets_it(oauth_org: DemoOrg) -> None:
    from syncerr_gui.core.auth.renewal import resume_remembered

    store = TokenStore(backend=MemoryKeyring())
    tokens = _browser_login(oauth_org, ScriptedBrowser(oauth_org))
    session = login_with_oauth_tokens(tokens, config_for(oauth_org), str(oauth_org.ca_path), store=store)
    key = org_key(oauth_org.instance_url, session.username)
    assert (
        resume_remembered(config_for(oauth_org), key, store, str(oauth_org.ca_path)).username
        == session.username
    )
    BrowserLogin(config_for(oauth_org), ca_bundle=str(oauth_org.ca_path)).revoke(tokens.refresh_token)
    oauth_org.expire_sessions()
    with pytest.raises(OAuthError, match="expired or was revoked") as caught:
        resume_remembered(config_for(oauth_org), key, store, str(oauth_org.ca_path))
    assert caught.value.code == "invalid_grant" and store.load(key) is None


def test_resuming_from_a_locked_keyring_says_so(oauth_org: DemoOrg) -> None:
    from memory_keyring import LockedKeyring

    from syncerr_gui.core.auth.renewal import resume_remembered

    with pytest.raises(LoginError, match="read your saved login from the keyring because it is locked"):
        resume_remembered(config_for(oauth_org), "admin@host", TokenStore(backend=LockedKeyring()))


def test_log_out_revokes_a_browser_login_but_not_a_pasted_token(oauth_org: DemoOrg) -> None:
    from syncerr_gui.core.auth.login import login_with_token
    from syncerr_gui.core.auth.renewal import log_out

    store = TokenStore(backend=MemoryKeyring())
    tokens = _browser_login(oauth_org, ScriptedBrowser(oauth_org))
    session = login_with_oauth_tokens(tokens, config_for(oauth_org), str(oauth_org.ca_path), store=store)
    key = org_key(oauth_org.instance_url, session.username)
    log_out(session, store, key)
    assert _userinfo_status(oauth_org, session.sf.session_id) in (401, 403)
    assert store.load(key) is None
    pasted = login_with_token(
        oauth_org.instance_url, oauth_org.admin.access_token, ca_bundle=str(oauth_org.ca_path)
    )
    log_out(pasted)  # the Salesforce CLI that gave the token still uses it
    assert _userinfo_status(oauth_org, oauth_org.admin.access_token) == 200
