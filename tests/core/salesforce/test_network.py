"""Corporate networks: the OS certificate store, an extra CA bundle, proxies and NO_PROXY."""

from __future__ import annotations

import select
import socket
import threading
from collections.abc import Iterator

import pytest
import trustme

from syncerr_gui.core.auth.login import login_with_token
from syncerr_gui.core.exceptions import LoginError
from syncerr_gui.core.salesforce import http
from syncerr_gui.core.salesforce.http import make_session
from syncerr_gui.core.salesforce.proxies import ProxyRules, check_proxy_url
from syncerr_gui.core.salesforce.trust import EXPIRED, UNKNOWN_CA, WRONG_HOST, tls_failure_words, tls_problem


class ConnectProxy:
    """A tiny HTTPS (CONNECT) proxy on loopback that records where it was asked to go."""

    def __init__(self) -> None:
        self.targets: list[str] = []
        self._server = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._server.getsockname()[1]}"
        threading.Thread(target=self._serve, daemon=True).start()

    def close(self) -> None:
        self._server.close()

    def _serve(self) -> None:
        while True:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            threading.Thread(target=self._tunnel, args=(client,), daemon=True).start()

    def _tunnel(self, client: socket.socket) -> None:
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = client.recv(4096)
            if not chunk:
                client.close()
                return
            head += chunk
        target = head.split(b" ")[1].decode()
        self.targets.append(target)
        host, port = target.rsplit(":", 1)
        upstream = socket.create_connection((host, int(port)))
        client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        sockets = [client, upstream]
        while True:
            ready, _, _ = select.select(sockets, [], [], 5)
            if not ready:
                break
            for sock in ready:
                data = sock.recv(65536)
                if not data:
                    client.close()
                    upstream.close()
                    return
                (upstream if sock is client else client).sendall(data)


@pytest.fixture()
def proxy(monkeypatch) -> Iterator[ConnectProxy]:
    for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    server = ConnectProxy()
    yield server
    server.close()


def _get_versions(org, session) -> int:
    return session.get(f"{org.instance_url}/services/data/", timeout=(5, 10)).status_code


def test_the_environment_proxy_is_used(demo_org, proxy, monkeypatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    assert _get_versions(demo_org, make_session(demo_org.ca_path)) == 200
    assert proxy.targets == [demo_org.instance_url.removeprefix("https://")]


def test_no_proxy_sends_the_request_direct(demo_org, proxy, monkeypatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    monkeypatch.setenv("NO_PROXY", "localhost,127.0.0.1")
    assert _get_versions(demo_org, make_session(demo_org.ca_path)) == 200
    assert proxy.targets == []  # trust_env is off, yet NO_PROXY is honoured


def test_the_app_proxy_setting_wins_over_having_none(demo_org, proxy) -> None:
    http.set_app_proxy(proxy.url)
    try:
        assert _get_versions(demo_org, make_session(demo_org.ca_path)) == 200
    finally:
        http.set_app_proxy(None)
    assert len(proxy.targets) == 1
    assert _get_versions(demo_org, make_session(demo_org.ca_path)) == 200 and len(proxy.targets) == 1


def test_no_proxy_rules_for_other_hosts(monkeypatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.corp.example:8080")
    monkeypatch.setenv("NO_PROXY", ".corp.example,10.0.0.0/8")
    rules = ProxyRules()
    assert rules.for_url("https://acme.my.salesforce.com/services/data") == {
        "https": "http://proxy.corp.example:8080"
    }
    assert rules.for_url("https://wiki.corp.example/") == {}
    assert rules.for_url("https://10.1.2.3/") == {}


def test_a_proxy_address_is_checked_and_never_keeps_a_password() -> None:
    assert check_proxy_url("proxy.corp.example:8080") == "http://proxy.corp.example:8080"
    with pytest.raises(ValueError, match="not a proxy address"):
        check_proxy_url("ftp://proxy")
    with pytest.raises(ValueError, match="password is not kept"):
        check_proxy_url("http://me:secret@proxy.corp.example:8080")


def test_the_os_certificate_store_is_trusted(demo_org, monkeypatch) -> None:
    """A CA the operating system trusts (here: OpenSSL's SSL_CERT_FILE) needs no CA bundle."""
    monkeypatch.setenv("SSL_CERT_FILE", str(demo_org.ca_path))
    session = login_with_token(demo_org.instance_url, demo_org.admin.access_token)  # no ca_bundle
    assert session.org_id == demo_org.org_id
    without_os_store = make_session(use_os_store=False)
    with pytest.raises(Exception, match="CERTIFICATE_VERIFY_FAILED"):
        _get_versions(demo_org, without_os_store)


def test_a_ca_bundle_is_trusted_in_addition_to_the_bundled_cas(demo_org, tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    with pytest.raises(LoginError, match="authority this computer does not trust"):
        login_with_token(demo_org.instance_url, demo_org.admin.access_token)
    session = login_with_token(
        demo_org.instance_url, demo_org.admin.access_token, ca_bundle=str(demo_org.ca_path)
    )
    assert session.org_id == demo_org.org_id


@pytest.mark.parametrize(
    ("message", "kind", "words"),
    [
        (
            "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired",
            EXPIRED,
            "expired",
        ),
        (
            "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Hostname mismatch, certificate is "
            "not valid for 'acme.my.salesforce.com'.",
            WRONG_HOST,
            "for another host name",
        ),
        (
            "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate",
            UNKNOWN_CA,
            "Trust this certificate",
        ),
    ],
)
def test_tls_failures_say_what_went_wrong_and_what_to_do(message: str, kind: str, words: str) -> None:
    assert tls_problem(Exception(message)) == kind
    assert words in tls_failure_words(Exception(message), "acme.my.salesforce.com")


def test_an_expired_certificate_is_named_on_a_real_handshake(tmp_path) -> None:
    """A server whose certificate has expired: the login says so, not just 'not trusted'."""
    import datetime
    import ssl

    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", not_after=datetime.datetime(2001, 1, 1, tzinfo=datetime.UTC))
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    cert.configure_cert(server_context)
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def serve() -> None:
        try:
            conn, _ = listener.accept()
            with server_context.wrap_socket(conn, server_side=True):
                pass
        except (OSError, ssl.SSLError):
            pass

    threading.Thread(target=serve, daemon=True).start()
    ca_file = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    try:
        with pytest.raises(LoginError, match="has expired"):
            login_with_token(f"https://127.0.0.1:{port}", "00Dx!token", ca_bundle=str(ca_file))
    finally:
        listener.close()
