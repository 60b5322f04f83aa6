"""The loopback redirect server: one answer on the callback path, friendly page, port in use in words."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest
import requests

from syncerr_gui.core.auth.redirect import RedirectServer
from syncerr_gui.core.exceptions import OAuthError
from syncerr_gui.core.salesforce.http import make_session


@pytest.fixture()
def server() -> Iterator[RedirectServer]:
    srv = RedirectServer(0, "/OauthRedirect", expected_state="state-1")
    srv.start()
    try:
        yield srv
    finally:
        srv.close()


@pytest.fixture()
def browser() -> Iterator[requests.Session]:
    with make_session() as session:
        yield session


def test_answer_is_taken_once_and_browser_told_to_close_the_tab(
    server: RedirectServer, browser: requests.Session
) -> None:
    base = f"http://localhost:{server.port}"
    assert browser.get(f"{base}/favicon.ico").status_code == 404
    assert browser.get(f"{base}/elsewhere?code=x&state=state-1").status_code == 404
    assert browser.get(f"{base}/OauthRedirect").status_code == 400
    page = browser.get(f"{base}/OauthRedirect?code=the-code&state=state-1")
    assert page.status_code == 200
    assert "You can close this tab and return to Salesforce Sync Errors" in page.text
    assert "the-code" not in page.text
    result = server.wait(timeout=5)
    assert result is not None and result.code == "the-code" and result.state == "state-1"
    with pytest.raises(requests.ConnectionError):
        browser.get(f"{base}/OauthRedirect?code=again&state=state-1", timeout=3)


def test_error_answer_is_delivered(server: RedirectServer, browser: requests.Session) -> None:
    page = browser.get(
        f"http://127.0.0.1:{server.port}/OauthRedirect",
        params={
            "error": "access_denied",
            "error_description": "end-user denied authorization",
            "state": "state-1",
        },
    )
    assert "did not grant access" in page.text
    result = server.wait(timeout=5)
    assert result is not None and result.error == "access_denied" and result.code == ""


def test_cancel_stops_waiting_and_frees_the_port(server: RedirectServer, browser: requests.Session) -> None:
    port = server.port
    cancel = threading.Event()
    threading.Timer(0.2, cancel.set).start()
    assert server.wait(timeout=60, cancel=cancel) is None
    again = RedirectServer(port)
    again.start()  # the port is free again
    again.close()


def test_timeout_returns_nothing(server: RedirectServer) -> None:
    assert server.wait(timeout=0.3) is None
    assert not server.running


def test_port_in_use_is_explained() -> None:
    with socket.socket() as other_program:
        other_program.bind(("127.0.0.1", 0))
        other_program.listen()
        port = other_program.getsockname()[1]
        with pytest.raises(OAuthError) as caught:
            RedirectServer(port).start()
    assert str(caught.value) == (
        f"Port {port} is in use by another program. Choose another callback port in the login "
        "settings (it must match your External Client App's callback URL)."
    )
