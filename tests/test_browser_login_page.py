"""The "Log in with browser" page, driven like a person, with a scripted browser."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring.backend
import keyring.backends.fail
import keyring.errors
import pytest
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from pytestqt.qtbot import QtBot

from syncerr_gui.core.token_store import TokenStore
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.browser_login_page import BrowserLoginPage

# The offscreen platform says so for every shown top-level widget; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not found")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture()
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture()
def opened_urls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replaces the system browser with a recorder (no browser opens in tests)."""
    opened: list[str] = []

    def record(url: QUrl) -> bool:
        opened.append(bytes(url.toEncoded().data()).decode("ascii"))
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


def _fill(qtbot: QtBot, page: BrowserLoginPage, url: str, client_id: str, port: int) -> None:
    page.environment.setCurrentIndex(page.environment.findData("custom"))
    page.my_domain.clear()
    qtbot.keyClicks(page.my_domain, url)
    page.client_id.clear()
    qtbot.keyClicks(page.client_id, client_id)
    page.callback_port.setValue(port)


def test_missing_client_id_is_asked_for(qtbot: QtBot, make_page: Callable[..., BrowserLoginPage],
                                        opened_urls: list[str]) -> None:
    page = make_page()
    with qtbot.waitSignal(page.failed) as failed:
        qtbot.mouseClick(page.login_button, Qt.MouseButton.LeftButton)
    assert "client id" in failed.args[0]
    assert "client id" in page.status_label.text()
    assert opened_urls == []


def test_plain_http_login_url_is_refused(qtbot: QtBot, make_page: Callable[..., BrowserLoginPage],
                                         opened_urls: list[str]) -> None:
    page = make_page()
    _fill(qtbot, page, "http://acme.my.salesforce.com", "client", free_port())
    with qtbot.waitSignal(page.failed) as failed:
        qtbot.mouseClick(page.login_button, Qt.MouseButton.LeftButton)
    assert "https://" in failed.args[0]
    assert opened_urls == []


def test_port_in_use_is_explained(qtbot: QtBot, make_page: Callable[..., BrowserLoginPage],
                                  opened_urls: list[str]) -> None:
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
        qtbot: QtBot, make_page: Callable[..., BrowserLoginPage], opened_urls: list[str]) -> None:
    page = make_page()
    port = free_port()
    _fill(qtbot, page, "https://acme.my.salesforce.com", "my-client-id", port)
    qtbot.mouseClick(page.login_button, Qt.MouseButton.LeftButton)
    assert len(opened_urls) == 1
    assert opened_urls[0].startswith("https://acme.my.salesforce.com/services/oauth2/authorize?")
    assert page.url_edit.isVisible() and page.url_edit.text() == opened_urls[0]
    assert "Waiting" in page.status_label.text() and not page.login_button.isEnabled()
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == opened_urls[0]
    with qtbot.assertNotEmitted(page.failed, wait=300):
        qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert page.status_label.text() == "Login cancelled."
    assert page.login_button.isEnabled() and not page.cancel_button.isVisible()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", port))  # the loopback server is gone


def test_no_keyring_turns_remember_off_with_a_reason(make_page: Callable[..., BrowserLoginPage]) -> None:
    page = make_page(TokenStore(backend=keyring.backends.fail.Keyring()))
    assert not page.remember.isEnabled() and not page.remember.isChecked()
    assert "Remember me" in page.remember.toolTip()
    assert "keyring" in page.status_label.text()
