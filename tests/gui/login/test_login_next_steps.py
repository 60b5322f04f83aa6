"""A failed login says what to do next in the dialog and puts the cursor where the fix goes.

Driven like a person against the loopback demo org (real HTTPS): after each failure the
admin types straight away, without clicking a field first, and the next login works.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from oauth_helpers import free_port
from PySide6.QtCore import QSettings, Qt

from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.login.login_dialog import LoginDialog
from syncerr_gui.gui.login.next_steps import UNEXPECTED, next_step, with_advice

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")


@pytest.fixture()
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def _dialog(qtbot, settings: AppSettings, ca_bundle: str | None) -> LoginDialog:
    dialog = LoginDialog(settings, ca_bundle=ca_bundle)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _log_in(qtbot, dialog: LoginDialog, *, succeed: bool) -> None:
    signal = dialog.accepted if succeed else dialog.login_failed
    with qtbot.waitSignal(signal, timeout=20000):
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)


def _type_where_the_cursor_is(qtbot, dialog: LoginDialog, text: str) -> None:
    qtbot.keyClicks(dialog.focusWidget(), text)


def _token_page(qtbot, dialog: LoginDialog, url: str, token: str):
    dialog.select_way("token")
    page = dialog.current_page()
    qtbot.keyClicks(page.instance_url, url)
    qtbot.keyClicks(page.access_token, token)
    return page


def test_an_untrusted_certificate_opens_advanced_with_the_cursor_in_the_certificate_field(
    qtbot, settings, fresh_org, monkeypatch
) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    dialog = _dialog(qtbot, settings, ca_bundle=None)  # no --ca-bundle: the server's CA is unknown
    _token_page(qtbot, dialog, fresh_org.instance_url, fresh_org.admin.access_token)
    _log_in(qtbot, dialog, succeed=False)
    assert "Trust this certificate" in dialog.error_label.text()
    assert dialog.network.panel.isVisibleTo(dialog)  # Advanced opened by itself
    assert dialog.focusWidget() is dialog.network.ca_bundle_edit
    _type_where_the_cursor_is(qtbot, dialog, str(fresh_org.ca_path))
    _log_in(qtbot, dialog, succeed=True)
    assert dialog.session.username == fresh_org.admin.username


def test_a_wrong_password_is_selected_for_retyping(qtbot, settings, fresh_org) -> None:
    user = fresh_org.admin
    dialog = _dialog(qtbot, settings, ca_bundle=str(fresh_org.ca_path))
    dialog.select_way("password")
    page = dialog.current_page()
    page.environment.setCurrentIndex(page.environment.findData("custom"))
    qtbot.keyClicks(page.custom_domain, fresh_org.instance_url)
    qtbot.keyClicks(page.username, user.username)
    qtbot.keyClicks(page.password, "not-the-password")
    qtbot.keyClicks(page.security_token, user.security_token)
    _log_in(qtbot, dialog, succeed=False)
    assert "Check them and try again" in dialog.error_label.text()
    assert dialog.focusWidget() is page.password and page.password.selectedText() == "not-the-password"
    _type_where_the_cursor_is(qtbot, dialog, user.password)  # replaces the selected wrong one
    _log_in(qtbot, dialog, succeed=True)


def test_a_refused_token_says_where_to_get_one_and_selects_it(qtbot, settings, fresh_org) -> None:
    dialog = _dialog(qtbot, settings, ca_bundle=str(fresh_org.ca_path))
    page = _token_page(qtbot, dialog, fresh_org.instance_url, "00Dxx!not-a-token")
    _log_in(qtbot, dialog, succeed=False)
    assert "Get a new one" in dialog.error_label.text()
    assert dialog.focusWidget() is page.access_token and page.access_token.hasSelectedText()
    _type_where_the_cursor_is(qtbot, dialog, fresh_org.admin.access_token)
    _log_in(qtbot, dialog, succeed=True)


def test_an_address_nobody_answers_says_to_check_it_and_selects_it(qtbot, settings, fresh_org) -> None:
    dialog = _dialog(qtbot, settings, ca_bundle=str(fresh_org.ca_path))
    page = _token_page(qtbot, dialog, f"https://127.0.0.1:{free_port()}", fresh_org.admin.access_token)
    _log_in(qtbot, dialog, succeed=False)
    text = dialog.error_label.text()
    assert "Check the address and that this computer is online" in text and "proxy" in text
    assert dialog.focusWidget() is page.instance_url and page.instance_url.hasSelectedText()
    _type_where_the_cursor_is(qtbot, dialog, fresh_org.instance_url)
    _log_in(qtbot, dialog, succeed=True)


def test_a_user_who_is_not_an_admin_is_told_whom_to_ask_and_the_username_is_selected(
    qtbot, settings, fresh_org
) -> None:
    user = fresh_org.non_admin
    dialog = _dialog(qtbot, settings, ca_bundle=str(fresh_org.ca_path))
    dialog.select_way("password")
    page = dialog.current_page()
    page.environment.setCurrentIndex(page.environment.findData("custom"))
    qtbot.keyClicks(page.custom_domain, fresh_org.instance_url)
    qtbot.keyClicks(page.username, user.username)
    qtbot.keyClicks(page.password, user.password)
    qtbot.keyClicks(page.security_token, user.security_token)
    _log_in(qtbot, dialog, succeed=False)
    assert "Ask an admin" in dialog.error_label.text()
    assert dialog.focusWidget() is page.username and page.username.selectedText() == user.username


def test_an_unexpected_failure_points_at_the_log_file() -> None:
    text = "Could not log in because of an unexpected error (KeyError)."
    step = next_step("", text, "/home/me/.local/state/app.log")
    assert with_advice(text, step) == f"{text} {UNEXPECTED.format(log='/home/me/.local/state/app.log')}"
    assert step.field == ""
