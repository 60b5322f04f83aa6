"""The login dialog driven like a person against the loopback demo org (real HTTPS)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QThreadPool

from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.login.login_dialog import LoginDialog

# The offscreen platform says this whenever a top-level window is shown; it is not ours to fix.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")


@pytest.fixture()
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture()
def dialog(qtbot, settings: AppSettings, fresh_org) -> LoginDialog:
    dlg = LoginDialog(settings, ca_bundle=str(fresh_org.ca_path))
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def _log_in(qtbot, dialog: LoginDialog, *, expect_success: bool) -> None:
    signal = dialog.accepted if expect_success else dialog.login_failed
    with qtbot.waitSignal(signal, timeout=20000):
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)


def _fill_password_page(qtbot, dialog: LoginDialog, org, username: str, password: str, token: str) -> None:
    dialog.select_way("password")
    page = dialog.current_page()
    qtbot.keyClicks(page.username, username)
    qtbot.keyClicks(page.password, password)
    qtbot.keyClicks(page.security_token, token)
    page.environment.setCurrentIndex(page.environment.findData("custom"))
    qtbot.keyClicks(page.custom_domain, org.instance_url)


def test_token_login_returns_the_admin_session(qtbot, dialog: LoginDialog, fresh_org, settings) -> None:
    dialog.select_way("token")
    page = dialog.current_page()
    qtbot.keyClicks(page.instance_url, fresh_org.instance_url)
    qtbot.keyClicks(page.access_token, fresh_org.admin.access_token)
    _log_in(qtbot, dialog, expect_success=True)
    assert dialog.session.username == fresh_org.admin.username
    assert dialog.session.org_id.startswith("00D")
    settings.qsettings.sync()
    stored = Path(settings.qsettings.fileName()).read_text()
    assert fresh_org.instance_url in stored
    assert fresh_org.admin.access_token not in stored


def test_password_login_with_custom_domain(qtbot, dialog: LoginDialog, fresh_org, settings) -> None:
    user = fresh_org.admin
    _fill_password_page(qtbot, dialog, fresh_org, user.username, user.password, user.security_token)
    _log_in(qtbot, dialog, expect_success=True)
    assert dialog.session.username == user.username
    settings.qsettings.sync()
    stored = Path(settings.qsettings.fileName()).read_text()
    assert user.username in stored
    assert user.password not in stored and user.security_token not in stored


def test_wrong_password_shows_the_reason_in_the_dialog(qtbot, dialog: LoginDialog, fresh_org) -> None:
    user = fresh_org.admin
    _fill_password_page(qtbot, dialog, fresh_org, user.username, "not-the-password", user.security_token)
    _log_in(qtbot, dialog, expect_success=False)
    assert dialog.isVisible() and dialog.session is None
    text = dialog.error_label.text()
    assert text and "Logging in" not in text
    assert "not-the-password" not in text
    assert dialog.login_button.isEnabled()


def test_non_admin_is_refused_naming_the_missing_permission(qtbot, dialog: LoginDialog, fresh_org) -> None:
    user = fresh_org.non_admin
    _fill_password_page(qtbot, dialog, fresh_org, user.username, user.password, user.security_token)
    _log_in(qtbot, dialog, expect_success=False)
    assert dialog.session is None
    text = dialog.error_label.text()
    assert "admin" in text
    assert any(p in text for p in ("Manage Data Integrations", "View Setup and Configuration", "API Enabled"))


def test_missing_fields_are_named_before_any_request(qtbot, dialog: LoginDialog) -> None:
    dialog.select_way("token")
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == "Enter the instance URL."
    assert not dialog.is_busy


def test_password_page_warns_that_password_login_is_retired(dialog: LoginDialog) -> None:
    dialog.select_way("password")
    notes = [label.text() for label in dialog.current_page().findChildren(type(dialog.error_label))]
    assert any("retires password login in 2027" in n for n in notes)


def test_cancel_during_login_keeps_the_dialog_usable(qtbot, dialog: LoginDialog, fresh_org) -> None:
    fresh_org.stall_next("userinfo", 3)
    dialog.select_way("token")
    page = dialog.current_page()
    qtbot.keyClicks(page.instance_url, fresh_org.instance_url)
    qtbot.keyClicks(page.access_token, fresh_org.admin.access_token)
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert dialog.is_busy and dialog.busy.isVisible()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.is_busy and dialog.isVisible()
    assert dialog.error_label.text() == "Login cancelled."
    assert dialog.login_button.isEnabled()
    QThreadPool.globalInstance().waitForDone(15000)  # the abandoned attempt ends by itself
