"""The "Log in with browser" page, driven like a person, with a scripted browser."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

import keyring.backends.fail
import pytest
from memory_keyring import MemoryKeyring
from oauth_helpers import ScriptedBrowser, free_port, start_org
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from pytestqt.qtbot import QtBot

from syncerr_gui.core.auth.token_store import TokenStore, org_key
from syncerr_gui.core.salesforce.http import make_session
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.login.browser_login_page import BrowserLoginPage
from syncerr_gui.gui.login.login_dialog import LoginDialog

if TYPE_CHECKING:
    from syncerr_gui.demo_org import DemoOrg

# The offscreen platform says so for every shown top-level widget; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture()
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture()
def opened_urls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replaces the system browser with a recorder (no browser opens in tests)."""
    opened: list[str] = []

    def record(url: QUrl) -> bool:
        opened.append(_encoded(url))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(record))
    return opened


@pytest.fixture()
def make_page(qtbot: QtBot, settings: AppSettings) -> Iterator[Callable[..., BrowserLoginPage]]:
    pages: list[BrowserLoginPage] = []

    def make(store: TokenStore | None = None) -> BrowserLoginPage:
        page = BrowserLoginPage(token_store=store or TokenStore(backend=MemoryKeyring()), settings=settings)
        qtbot.addWidget(page)
        page.show()
        pages.append(page)
        return page

    yield make
    for page in pages:
        page.cancel_login()


def _followed(url: str) -> str:
    """Where the app's loopback start page sends the browser."""
    with make_session() as web:
        hop = web.get(url, allow_redirects=False, timeout=5)
    assert hop.status_code == 303
    return hop.headers["Location"]


def _encoded(url: QUrl) -> str:
    return bytes(url.toEncoded().data()).decode("ascii")


@pytest.fixture()
def oauth_org() -> Iterator[DemoOrg]:
    with ExitStack() as stack:
        yield start_org(stack)


def _fill(qtbot: QtBot, page: BrowserLoginPage, url: str, client_id: str, port: int) -> None:
    page.environment.setCurrentIndex(page.environment.findData("custom"))
    page.my_domain.clear()
    qtbot.keyClicks(page.my_domain, url)
    page.client_id.clear()
    qtbot.keyClicks(page.client_id, client_id)
    page.callback_port.setValue(port)


def test_missing_client_id_is_asked_for(
    qtbot: QtBot, make_page: Callable[..., BrowserLoginPage], opened_urls: list[str]
) -> None:
    page = make_page()
    with qtbot.waitSignal(page.failed) as failed:
        qtbot.mouseClick(page.login_button, Qt.MouseButton.LeftButton)
    assert "client id" in failed.args[0]
    assert "client id" in page.status_label.text()
    assert opened_urls == []


def test_plain_http_login_url_is_refused(
    qtbot: QtBot, make_page: Callable[..., BrowserLoginPage], opened_urls: list[str]
) -> None:
    page = make_page()
    _fill(qtbot, page, "http://acme.my.salesforce.com", "client", free_port())
    with qtbot.waitSignal(page.failed) as failed:
        qtbot.mouseClick(page.login_button, Qt.MouseButton.LeftButton)
    assert "https://" in failed.args[0]
    assert opened_urls == []


def test_port_in_use_is_explained(
    qtbot: QtBot, make_page: Callable[..., BrowserLoginPage], opened_urls: list[str]
) -> None:
    page = make_page()
    with socket.socket() as other_program:
        other_program.bind(("127.0.0.1", 0))
        other_program.listen()
        port = other_program.getsockname()[1]
        _fill(qtbot, page, "https://acme.my.salesforce.com", "client", port)
        with qtbot.waitSignal(page.failed) as failed:
            qtbot.mouseClick(page.login_button, Qt.MouseButton.LeftButton)
    assert f"Port {port} is in use by another program" in failed.args[0]
    assert "Port" in page.status_label.text() and page.login_button.isEnabled()
    assert opened_urls == []


def test_waiting_shows_url_to_copy_and_cancel_frees_the_port(
    qtbot: QtBot, make_page: Callable[..., BrowserLoginPage], opened_urls: list[str]
) -> None:
    page = make_page()
    port = free_port()
    _fill(qtbot, page, "https://acme.my.salesforce.com", "my-client-id", port)
    qtbot.mouseClick(page.login_button, Qt.MouseButton.LeftButton)
    assert len(opened_urls) == 1
    assert opened_urls[0].startswith(f"http://localhost:{port}/start?t=")  # no state on a command line
    assert _followed(opened_urls[0]).startswith("https://acme.my.salesforce.com/services/oauth2/authorize?")
    assert page.url_edit.isVisible() and page.url_edit.text() == opened_urls[0]
    assert "Waiting" in page.status_label.text() and not page.login_button.isEnabled()
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == opened_urls[0]
    with qtbot.assertNotEmitted(page.failed, wait=300):
        qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert page.status_label.text() == "Login cancelled."
    assert page.login_button.isEnabled() and not page.cancel_button.isVisible()
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # the page's hop left a TIME_WAIT
        probe.bind(("127.0.0.1", port))  # the loopback server is gone


def test_no_keyring_turns_remember_off_with_a_reason(make_page: Callable[..., BrowserLoginPage]) -> None:
    page = make_page(TokenStore(backend=keyring.backends.fail.Keyring()))
    assert not page.remember.isEnabled() and not page.remember.isChecked()
    assert "Remember me" in page.remember.toolTip()
    assert "keyring" in page.status_label.text()


def _use_browser(monkeypatch: pytest.MonkeyPatch, browser: ScriptedBrowser) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: browser.open(_encoded(url))))


def _point_at(page: BrowserLoginPage, org: DemoOrg) -> None:
    page.configure(org.instance_url, org.oauth_client_id, str(org.ca_path))
    page.callback_port.setValue(org.config.oauth_callback_port)


def test_full_flow_logs_in_and_remembers_only_in_the_keyring(
    qtbot: QtBot,
    make_page: Callable[..., BrowserLoginPage],
    monkeypatch: pytest.MonkeyPatch,
    settings: AppSettings,
    oauth_org: DemoOrg,
) -> None:
    browser = ScriptedBrowser(oauth_org)
    _use_browser(monkeypatch, browser)
    keyring_memory = MemoryKeyring()
    page = make_page(TokenStore(backend=keyring_memory))
    _point_at(page, oauth_org)
    qtbot.mouseClick(page.remember, Qt.MouseButton.LeftButton)
    assert page.remember.isChecked()
    with qtbot.waitSignal(page.logged_in, timeout=30000) as got:
        qtbot.mouseClick(page.login_button, Qt.MouseButton.LeftButton)
    session = got.args[0]
    assert session.kind == "oauth" and session.username == oauth_org.admin.username
    assert page.status_label.text() == f"Logged in as {oauth_org.admin.username}."
    assert "You can close this tab" in browser.pages[0]
    key = org_key(oauth_org.instance_url, session.username)
    assert settings.value("browserLogin/remember") == "true" and settings.value("browserLogin/orgKey") == key
    settings.qsettings.sync()
    stored = keyring_memory.get_password("SalesforceSyncErrors", key)
    assert stored is not None and session.sf.session_id in stored
    settings_text = Path(settings.qsettings.fileName()).read_text(encoding="utf-8")
    assert session.sf.session_id not in settings_text and "refresh" not in settings_text.lower()


def test_denied_access_is_shown_in_words(
    qtbot: QtBot,
    make_page: Callable[..., BrowserLoginPage],
    monkeypatch: pytest.MonkeyPatch,
    oauth_org: DemoOrg,
) -> None:
    _use_browser(monkeypatch, ScriptedBrowser(oauth_org, decision="deny", use_form=True))
    page = make_page()
    _point_at(page, oauth_org)
    with qtbot.waitSignal(page.failed, timeout=30000) as failed:
        qtbot.mouseClick(page.login_button, Qt.MouseButton.LeftButton)
    assert failed.args[0].startswith("You (or your admin) denied access")
    assert page.status_label.text() == failed.args[0]
    assert page.login_button.isEnabled() and not page.cancel_button.isVisible()


def test_remembered_login_resumes_without_the_browser(
    qtbot: QtBot,
    make_page: Callable[..., BrowserLoginPage],
    monkeypatch: pytest.MonkeyPatch,
    oauth_org: DemoOrg,
) -> None:
    store = TokenStore(backend=MemoryKeyring())
    _use_browser(monkeypatch, ScriptedBrowser(oauth_org))
    first = make_page(store)
    _point_at(first, oauth_org)
    first.remember.setChecked(True)
    with qtbot.waitSignal(first.logged_in, timeout=30000):
        qtbot.mouseClick(first.login_button, Qt.MouseButton.LeftButton)
    later = make_page(store)  # next start: fields and the remember flag come from the settings
    later.ca_bundle = str(oauth_org.ca_path)
    assert later.remember.isChecked() and later.client_id.text() == oauth_org.oauth_client_id
    call = later.resume_call()
    assert call is not None
    assert call().username == oauth_org.admin.username


def test_login_dialog_runs_the_browser_login_and_accepts(
    qtbot: QtBot, settings: AppSettings, monkeypatch: pytest.MonkeyPatch, oauth_org: DemoOrg
) -> None:
    _use_browser(monkeypatch, ScriptedBrowser(oauth_org))
    dialog = LoginDialog(settings, ca_bundle=str(oauth_org.ca_path))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select_way("browser")
    page = dialog.current_page()
    assert isinstance(page, BrowserLoginPage)
    _point_at(page, oauth_org)
    with qtbot.waitSignal(dialog.accepted, timeout=30000):
        qtbot.mouseClick(page.login_button, Qt.MouseButton.LeftButton)
    assert dialog.session.kind == "oauth" and dialog.session.username == oauth_org.admin.username


def test_without_a_browser_the_url_is_on_the_clipboard(
    qtbot: QtBot, make_page: Callable[..., BrowserLoginPage], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    QGuiApplication.clipboard().clear()
    page = make_page()
    _fill(qtbot, page, "https://acme.my.salesforce.com", "my-client-id", free_port())
    qtbot.mouseClick(page.login_button, Qt.MouseButton.LeftButton)
    assert "No browser opened" in page.status_label.text()
    assert QGuiApplication.clipboard().text() == page.url_edit.text()
    assert _followed(page.url_edit.text()).startswith(
        "https://acme.my.salesforce.com/services/oauth2/authorize?"
    )
    page.cancel_login()


def test_in_the_dialog_an_untrusted_certificate_is_explained_on_the_page_and_fixed_in_advanced(
    qtbot: QtBot, settings: AppSettings, monkeypatch: pytest.MonkeyPatch, oauth_org: DemoOrg
) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    _use_browser(monkeypatch, ScriptedBrowser(oauth_org))
    dialog = LoginDialog(settings)  # no --ca-bundle: the org's certificate is not trusted
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select_way("browser")
    page = dialog.current_page()
    assert isinstance(page, BrowserLoginPage)
    page.configure(oauth_org.instance_url, oauth_org.oauth_client_id)
    page.callback_port.setValue(oauth_org.config.oauth_callback_port)
    with qtbot.waitSignal(dialog.login_failed, timeout=30000):
        qtbot.mouseClick(page.login_button, Qt.MouseButton.LeftButton)
    assert "Trust this certificate" in dialog.error_label.text()
    assert page.status_label.text() == dialog.error_label.text()  # one story on the page and below
    assert dialog.focusWidget() is dialog.network.ca_bundle_edit
    qtbot.keyClicks(dialog.focusWidget(), str(oauth_org.ca_path))
    with qtbot.waitSignal(dialog.accepted, timeout=30000):
        qtbot.mouseClick(page.login_button, Qt.MouseButton.LeftButton)
    assert dialog.session.username == oauth_org.admin.username
