"""The login session in the main window, driven like a person against the demo org (real HTTPS).

Browser login through File › Log in…, "Remember me" across a restart (a second MainWindow on
the same settings, with an in-memory keyring), a keyring that is gone, a revoked saved login,
log out with revoke, and an access token that expires in the middle of a sync.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

import keyring
import keyring.backends.fail
import pytest
from memory_keyring import MemoryKeyring
from oauth_helpers import ScriptedBrowser, config_for, free_port, start_org
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from syncerr_gui.core.auth.login import login_with_token
from syncerr_gui.core.auth.oauth import BrowserLogin
from syncerr_gui.core.auth.renewal import login_with_oauth_tokens
from syncerr_gui.core.auth.token_store import SERVICE, TokenStore, org_key
from syncerr_gui.core.exceptions import LoginError
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.login.browser_login_page import BrowserLoginPage
from syncerr_gui.gui.main_window import MainWindow

if TYPE_CHECKING:
    from syncerr_gui.demo_org import DemoOrg

SYNC_MS = 60_000
TOKEN_POST = ("POST", "/services/oauth2/token")


@pytest.fixture()
def oauth_org() -> Iterator[DemoOrg]:
    with ExitStack() as stack:
        yield start_org(stack)


@pytest.fixture()
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture()
def make_window(qtbot: QtBot, settings_path: Path) -> Callable[..., MainWindow]:
    """A new MainWindow on the same settings file each call: a restart of the app."""

    def make(org: DemoOrg) -> MainWindow:
        settings = AppSettings(QSettings(str(settings_path), QSettings.Format.IniFormat))
        window = MainWindow(settings, ca_bundle=str(org.ca_path))
        qtbot.addWidget(window)
        window.show()
        return window

    return make


@pytest.fixture()
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The system browser replaced by a recorder: URLs are kept, nothing is followed."""
    urls: list[str] = []

    def record(url: QUrl) -> bool:
        urls.append(bytes(url.toEncoded().data()).decode("ascii"))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(record))
    return urls


def _browser_page(window: MainWindow) -> BrowserLoginPage:
    window.actions_.login.trigger()
    dialog = window.login_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.select_way("browser")
    page = dialog.current_page()
    assert isinstance(page, BrowserLoginPage)
    return page


def _log_in_with_browser(
    qtbot: QtBot, window: MainWindow, org: DemoOrg, opened: list[str], remember: bool = True
) -> None:
    """File › Log in… › Log in with browser, as with --demo (the page comes pre-filled)."""
    window.session_controller.demo_org = lambda: org
    page = _browser_page(window)
    if remember:
        qtbot.mouseClick(page.remember, Qt.MouseButton.LeftButton)
        assert page.remember.isChecked()
    qtbot.mouseClick(page.login_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    with qtbot.waitSignal(window.sync_ended, timeout=SYNC_MS):
        ScriptedBrowser(org, use_form=True).open(opened[0])  # the user presses Allow


def _total(window: MainWindow) -> int:
    return window.model.total_count


def test_browser_login_from_the_menu_waits_usably_then_syncs(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    oauth_org: DemoOrg,
    opened: list[str],
    memory_keyring: MemoryKeyring,
) -> None:
    window = make_window(oauth_org)
    window.session_controller.demo_org = lambda: oauth_org
    page = _browser_page(window)
    dialog = window.login_dialog
    assert page.client_id.text() == oauth_org.oauth_client_id
    assert page.my_domain.text() == oauth_org.instance_url
    assert page.callback_port.value() == oauth_org.config.oauth_callback_port
    qtbot.mouseClick(page.login_button, Qt.MouseButton.LeftButton)
    # Waiting for the browser: the URL and Copy are there to use; the other ways are not.
    assert page.isEnabled() and page.url_edit.isVisible() and page.url_edit.isEnabled()
    assert page.copy_button.isVisible() and page.copy_button.isEnabled()
    assert page.cancel_button.isEnabled() and page.url_edit.text() == opened[0]
    assert not dialog.ways.isEnabled() and not dialog.login_button.isEnabled()
    assert not dialog.page("password").isEnabled()
    with qtbot.waitSignal(window.sync_ended, timeout=SYNC_MS):
        ScriptedBrowser(oauth_org, use_form=True).open(opened[0])
    assert window.session.kind == "oauth" and window.session.username == oauth_org.admin.username
    assert not dialog.isVisible() and not window.last_sync_error
    assert _total(window) == len(oauth_org.truth.errors(since=window.last_result.since))
    assert memory_keyring.entries == {}  # "Remember me" was not ticked


def test_remembered_login_logs_in_by_itself_on_the_next_start(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    oauth_org: DemoOrg,
    opened: list[str],
    memory_keyring: MemoryKeyring,
    settings_path: Path,
) -> None:
    first = make_window(oauth_org)
    _log_in_with_browser(qtbot, first, oauth_org, opened)
    key = org_key(oauth_org.instance_url, oauth_org.admin.username)
    assert (SERVICE, key) in memory_keyring.entries
    first.close()
    settings_text = settings_path.read_text(encoding="utf-8")
    assert "remember=true" in settings_text and key in settings_text
    assert first.session.sf.session_id not in settings_text

    later = make_window(oauth_org)
    with qtbot.waitSignal(later.sync_ended, timeout=SYNC_MS):
        assert later.session_controller.start() is True
        assert later.status.currentMessage() == "Logging in with your saved login…"
    assert later.session.username == oauth_org.admin.username and later.session.kind == "oauth"
    assert later.login_dialog is None  # no dialog was needed
    assert len(opened) == 1  # and no browser either
    assert _total(later) == len(oauth_org.truth.errors(since=later.last_result.since))


def _remember_settings(settings_path: Path, org: DemoOrg) -> str:
    settings = AppSettings(QSettings(str(settings_path), QSettings.Format.IniFormat))
    key = org_key(org.instance_url, org.admin.username)
    for name, value in (
        ("loginUrl", org.instance_url),
        ("clientId", org.oauth_client_id),
        ("callbackPort", str(org.config.oauth_callback_port)),
        ("remember", "true"),
        ("orgKey", key),
    ):
        settings.set_value(f"browserLogin/{name}", value)
    settings.qsettings.sync()
    return key


def test_without_a_keyring_the_saved_login_is_skipped_in_words(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    oauth_org: DemoOrg,
    settings_path: Path,
    memory_keyring: MemoryKeyring,
) -> None:
    _remember_settings(settings_path, oauth_org)
    keyring.set_keyring(keyring.backends.fail.Keyring())
    window = make_window(oauth_org)
    with qtbot.waitSignal(window.session_controller.resume_finished, timeout=SYNC_MS) as done:
        window.session_controller.start()
    ok, words = done.args
    assert not ok and words.startswith(
        "Logging in with your saved login did not work. No secure password store (keyring) is available"
    )
    dialog = window.login_dialog
    assert dialog is not None and dialog.isVisible() and dialog.error_label.text() == words
    page = dialog.page("browser")
    assert isinstance(page, BrowserLoginPage)
    assert not page.remember.isEnabled() and "keyring" in page.remember.toolTip()
    assert window.session is None and not window.actions_.sync.isEnabled()


def test_a_stuck_keyring_at_start_times_out_in_words_while_the_window_works(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    oauth_org: DemoOrg,
    settings_path: Path,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from memory_keyring import StuckKeyring

    from syncerr_gui.core.auth import keyring_calls

    monkeypatch.setattr(keyring_calls, "DEFAULT_TIMEOUT_S", 1.0)
    _remember_settings(settings_path, oauth_org)
    stuck = StuckKeyring()
    keyring.set_keyring(stuck)
    try:
        window = make_window(oauth_org)
        with qtbot.waitSignal(window.session_controller.resume_finished, timeout=SYNC_MS) as done:
            window.session_controller.start()
            assert window.status.currentMessage().startswith("Logging in with your saved login")
        ok, words = done.args
        assert not ok and "did not answer" in words
        assert not stuck.answer.is_set()  # the keyring never answered; the app went on without it
        dialog = window.login_dialog
        assert dialog is not None and dialog.isVisible() and "did not answer" in dialog.error_label.text()
    finally:
        stuck.release()


def test_a_revoked_saved_login_says_so_and_is_forgotten(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    oauth_org: DemoOrg,
    settings_path: Path,
    memory_keyring: MemoryKeyring,
) -> None:
    key = _remember_settings(settings_path, oauth_org)
    login = BrowserLogin(config_for(oauth_org), ca_bundle=str(oauth_org.ca_path))
    ScriptedBrowser(oauth_org).open(login.start())
    tokens = login.wait(timeout=30)
    login_with_oauth_tokens(tokens, config_for(oauth_org), str(oauth_org.ca_path), store=TokenStore())
    assert (SERVICE, key) in memory_keyring.entries
    login.revoke(tokens.refresh_token)  # e.g. the admin revoked the app's access
    window = make_window(oauth_org)
    with qtbot.waitSignal(window.session_controller.resume_finished, timeout=SYNC_MS) as done:
        window.session_controller.start()
    assert not done.args[0] and "expired or was revoked" in done.args[1]
    assert window.login_dialog is not None and window.login_dialog.isVisible()
    assert (SERVICE, key) not in memory_keyring.entries


def test_log_out_revokes_forgets_and_disables_sync(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    oauth_org: DemoOrg,
    opened: list[str],
    memory_keyring: MemoryKeyring,
) -> None:
    window = make_window(oauth_org)
    _log_in_with_browser(qtbot, window, oauth_org, opened)
    old_token = window.session.sf.session_id
    with qtbot.waitSignal(window.session_controller.logged_out, timeout=SYNC_MS) as done:
        window.actions_.logout.trigger()
    assert done.args[0].startswith("Logged out: the login was ended at Salesforce")
    assert window.status.currentMessage() == done.args[0]
    with pytest.raises(LoginError) as refused:
        login_with_token(oauth_org.instance_url, old_token, ca_bundle=str(oauth_org.ca_path))
    assert refused.value.code == "INVALID_SESSION_ID" and old_token not in str(refused.value)
    assert memory_keyring.entries == {}
    assert window.settings.value("browserLogin/remember") == "false"
    assert window.settings.value("browserLogin/orgKey") == ""
    assert window.session is None and not window.actions_.sync.isEnabled()
    assert window.login_dialog is not None and window.login_dialog.isVisible()
    page = window.login_dialog.page("browser")
    assert isinstance(page, BrowserLoginPage) and not page.remember.isChecked()


@pytest.fixture()
def expiring_org() -> Iterator[DemoOrg]:
    """Access tokens die after twenty requests, so one sync (about eighty) renews several times.

    Twenty leaves room for the four sync workers: a request retried with a fresh token is not
    twenty requests behind the others even on a busy machine.
    """
    from syncerr_gui.demo_org import DemoConfig, DemoOrg

    config = DemoConfig(
        record_errors=300,
        bulk2_jobs=40,
        classic_jobs=4,
        apex_jobs=4,
        oauth_callback_port=free_port(),
        expire_tokens_after=20,
    )
    with DemoOrg(config) as org:
        yield org


def _oauth_session(org: DemoOrg):
    login = BrowserLogin(config_for(org), ca_bundle=str(org.ca_path))
    ScriptedBrowser(org).open(login.start())
    tokens = login.wait(timeout=30)
    return login_with_oauth_tokens(tokens, config_for(org), str(org.ca_path)), tokens


def test_token_expiring_mid_sync_is_renewed_without_the_user_noticing(
    qtbot: QtBot, make_window: Callable[..., MainWindow], expiring_org: DemoOrg
) -> None:
    window = make_window(expiring_org)
    session, tokens = _oauth_session(expiring_org)
    posts_before = expiring_org.request_log.count(TOKEN_POST)
    with qtbot.waitSignal(window.sync_ended, timeout=SYNC_MS):
        window.set_session(session, sync=True)
    assert window.last_sync_error == "" and window.findChild(QMessageBox, "messageBox") is None
    assert window.status.currentMessage().startswith("Sync finished")
    assert _total(window) == len(expiring_org.truth.errors(since=window.last_result.since))
    assert expiring_org.request_log.count(TOKEN_POST) - posts_before >= 2  # renewed more than once
    assert window.session.sf.session_id != tokens.access_token


def test_renewal_refused_mid_sync_asks_to_log_in_and_keeps_the_rows(
    qtbot: QtBot, make_window: Callable[..., MainWindow], oauth_org: DemoOrg
) -> None:
    window = make_window(oauth_org)
    session, tokens = _oauth_session(oauth_org)
    with qtbot.waitSignal(window.sync_ended, timeout=SYNC_MS):
        window.set_session(session, sync=True)
    shown, total = window.model.rowCount(), _total(window)
    assert total > 0
    BrowserLogin(config_for(oauth_org), ca_bundle=str(oauth_org.ca_path)).revoke(tokens.refresh_token)
    oauth_org.expire_sessions()
    with qtbot.waitSignal(window.sync_ended, timeout=SYNC_MS):
        window.actions_.sync.trigger()
    assert "Log in again" in window.last_sync_error
    box = window.findChild(QMessageBox, "messageBox")
    assert box is not None and "The rows already shown are kept." in box.text()
    assert window.login_dialog is not None and window.login_dialog.isVisible()
    assert (window.model.rowCount(), _total(window)) == (shown, total)
