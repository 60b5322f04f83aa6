"""What a security review found sound, kept so: each test fails if the guard is taken away.

(Covered elsewhere and not repeated here: OrgClient refusing links to other origins,
tests/core/salesforce/test_engine_client.py; redaction in logs and the exception dialog,
tests/core/test_redaction.py and tests/gui/test_secret_leaks.py; tokens only in the keyring,
tests/gui/login/test_browser_login_page.py; the 86-character PKCE verifier,
tests/core/auth/test_oauth_urls.py.)
"""

from __future__ import annotations

import csv
import inspect
import ipaddress
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests

from syncerr_gui.core.auth import oauth
from syncerr_gui.core.auth.redirect import RedirectServer
from syncerr_gui.core.exceptions import ExportError, RequestFailed
from syncerr_gui.core.frame.export import export_csv
from syncerr_gui.core.frame.guidance import SEARCH_ENGINE_URL, search_url
from syncerr_gui.core.salesforce import bulk1, client
from syncerr_gui.core.salesforce.http import make_session
from syncerr_gui.demo_org.synthetic import synthetic_errors
from syncerr_gui.gui.panes.detail_pane import job_setup_url, record_url

INSTANCE = "https://acme.my.salesforce.com"
BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    b"<jobInfo><id>&lol2;</id></jobInfo>"
)


@pytest.mark.parametrize(
    "record_id",
    ["00Q5g000004XyZaEAK", "javascript:alert(1)", "../../evil", "//evil.example/x", "00Q5g000004XyZa/../x"],
)
def test_links_open_only_https_pages_on_the_orgs_own_host(record_id: str) -> None:
    for url in (record_url(INSTANCE, record_id), job_setup_url(INSTANCE, "Bulk API 2.0", record_id)):
        if url:
            parts = urlsplit(url)
            assert (parts.scheme, parts.hostname) == ("https", "acme.my.salesforce.com")
            assert ".." not in parts.path and "//" not in parts.path
    assert bool(record_url(INSTANCE, record_id)) == (record_id == "00Q5g000004XyZaEAK")
    search = urlsplit(search_url("INVALID_EMAIL_ADDRESS", "invalid email address: x@evil.example"))
    assert f"{search.scheme}://{search.hostname}/" == SEARCH_ENGINE_URL.split("?")[0]


def test_the_state_is_compared_in_constant_time() -> None:
    for code in (inspect.getsource(RedirectServer.deliver), inspect.getsource(oauth.BrowserLogin._finish)):
        assert "hmac.compare_digest" in code and "!= self" not in code


@pytest.fixture()
def callback_server() -> Iterator[RedirectServer]:
    server = RedirectServer(0, "/OauthRedirect", expected_state="state-1")
    server.start()
    yield server
    server.close()


def test_the_redirect_server_listens_on_loopback_only(callback_server: RedirectServer) -> None:
    addresses = [s.server_address[0] for s in callback_server._servers]
    assert addresses and all(ipaddress.ip_address(a).is_loopback for a in addresses)


def test_the_redirect_page_cannot_be_injected(callback_server: RedirectServer) -> None:
    hostile = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    with make_session() as web:
        page = web.get(
            f"http://127.0.0.1:{callback_server.port}/OauthRedirect",
            params={"error": hostile, "error_description": hostile, "state": "state-1"},
        )
    assert page.headers["Content-Type"].startswith("text/html")
    assert "<script" not in page.text and "onerror" not in page.text and "alert" not in page.text


def test_the_token_endpoint_is_the_login_host_not_an_instance_from_an_answer() -> None:
    source = inspect.getsource(oauth.OAuthClient._request)
    assert "self.login_url" in source and "instance_url" not in source


def test_the_org_client_never_follows_redirects() -> None:
    assert "allow_redirects=False" in inspect.getsource(client)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="needs a link owned by another user")
def test_an_export_never_follows_a_link_another_user_made(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("do not touch", encoding="utf-8")
    target = tmp_path / "errors.csv"
    target.symlink_to(victim)
    os.lchown(target, 65534, 65534)  # planted by someone else (e.g. in a shared folder)
    with pytest.raises(ExportError, match="another user"):
        export_csv(synthetic_errors(5), target)
    assert victim.read_text(encoding="utf-8") == "do not touch" and target.is_symlink()


@pytest.mark.parametrize(
    "payload",
    [
        "=1+1",
        "+1+1",
        "-1+1",
        "@SUM(A1)",
        "\t=1+1",
        "\r=1+1",
        "=cmd|' /C calc'!A0",  # DDE
        '=HYPERLINK("http://evil.example","x")',
        'a",=1+1',  # a separator and a quote to break out of the cell
        "a;=1+1",
    ],
)
def test_a_spreadsheet_payload_in_any_cell_reaches_the_csv_as_inert_text(
    tmp_path: Path, payload: str
) -> None:
    frame = synthetic_errors(1)
    for column in ("message", "source_id", "salesforce_id"):
        frame[column] = payload
    out = tmp_path / "errors.csv"
    export_csv(frame, out)
    with open(out, encoding="utf-8", newline="") as handle:
        header, row = list(csv.reader(handle))
    assert len(row) == len(header)  # nothing broke out of its cell
    for cell in (row[header.index("Error Details")], row[header.index("Source ID")]):
        assert cell[:1] not in "=+-@\t\r" and cell.lstrip("'") == payload


def test_xml_with_entities_is_refused_not_expanded() -> None:
    with pytest.raises(RequestFailed):
        bulk1._parse_xml(BOMB)
    assert client._parse_error_body(BOMB) == ("", "")


def test_the_demo_org_listens_on_127_0_0_1_only(demo_org) -> None:
    assert urlsplit(demo_org.instance_url).hostname == "127.0.0.1"
    port = urlsplit(demo_org.instance_url).port
    others = {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)}
    for address in sorted(a for a in others if not ipaddress.ip_address(a).is_loopback):
        with pytest.raises(requests.ConnectionError):
            make_session(demo_org.ca_path).get(f"https://{address}:{port}/services/data/", timeout=3)
