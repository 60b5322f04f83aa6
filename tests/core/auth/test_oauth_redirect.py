"""The loopback redirect server: one answer on the callback path, friendly page, port in use in words."""

from __future__ import annotations

import os
import socket
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from syncerr_gui.core.auth.loopback_peer import peer_uid, socket_owner
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


def test_an_answer_with_another_state_is_refused_and_the_server_keeps_waiting(
    server: RedirectServer, browser: requests.Session
) -> None:
    base = f"http://localhost:{server.port}/OauthRedirect"
    forged = browser.get(f"{base}?code=attackers-code&state=guessed")
    assert forged.status_code == 400 and "does not belong to the login" in forged.text
    assert "attackers-code" not in forged.text and "guessed" not in forged.text
    stray_denial = browser.get(base, params={"error": "access_denied", "state": "other"})
    assert stray_denial.status_code == 400  # a stray page cannot cancel the login either
    assert server.running and server.refused == 2
    assert browser.get(f"{base}?code=the-code&state=state-1").status_code == 200
    result = server.wait(timeout=5)
    assert result is not None and result.code == "the-code"


def test_the_start_page_redirects_only_with_its_nonce(
    server: RedirectServer, browser: requests.Session
) -> None:
    launch = server.offer_start("https://login.example/services/oauth2/authorize?state=state-1")
    assert "state-1" not in launch
    hop = browser.get(launch, allow_redirects=False)
    assert hop.status_code == 303
    assert hop.headers["Location"] == "https://login.example/services/oauth2/authorize?state=state-1"
    assert hop.headers["Cache-Control"] == "no-store" and hop.headers["Referrer-Policy"] == "no-referrer"
    for wrong in ("", "?t=", "?t=guess", "?x=1"):
        miss = browser.get(f"http://localhost:{server.port}/start{wrong}", allow_redirects=False)
        assert miss.status_code == 404 and "Location" not in miss.headers


def test_the_socket_owner_of_a_loopback_connection_is_found() -> None:
    if not Path("/proc/net/tcp").exists():
        pytest.skip("no /proc/net/tcp on this system: the state check is the guard there")
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        with socket.create_connection(listener.getsockname()) as client:
            peer, _ = listener.accept()
            with peer:
                assert peer_uid(client.getsockname(), listener.getsockname()) == os.getuid()
    line = "  1: 0100007F:D903 0100007F:06B5 01 00000000:00000000 00:00000000 00000000  1000 0 1 1"
    table = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid\n" + line
    expected = 1000 if sys.byteorder == "little" else None
    assert socket_owner(table, ("127.0.0.1", 55555), ("127.0.0.1", 1717)) == expected


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0 or not Path("/proc/net/tcp").exists(),
    reason="needs root to connect as another user, and Linux's /proc/net/tcp",
)
def test_another_user_of_the_machine_is_refused_even_with_the_right_state(server: RedirectServer) -> None:
    request = (
        f"GET /OauthRedirect?code=other-users-code&state=state-1 HTTP/1.1\r\n"
        f"Host: localhost:{server.port}\r\nConnection: close\r\n\r\n"
    ).encode()
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # another user of the machine (nobody), who knows the state somehow
        status = b"000"
        try:
            os.setuid(65534)
            with socket.create_connection(("127.0.0.1", server.port), timeout=5) as other:
                other.sendall(request)
                status = other.recv(64).split(b" ")[1]
        finally:
            os.write(write_end, status)
            os._exit(0)
    os.close(write_end)
    os.waitpid(child, 0)
    with os.fdopen(read_end, "rb") as answer:
        assert answer.read() == b"403"
    assert server.running and server.refused == 1
    assert server.wait(timeout=0.3) is None  # nothing was taken
