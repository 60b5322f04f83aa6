"""The login dialog's advanced options: a certificate to trust and a proxy, remembered per org."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from syncerr_gui.core.salesforce import http
from syncerr_gui.gui import settings_keys as keys
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.login.login_dialog import LoginDialog

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")


@pytest.fixture()
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def _open(qtbot, settings: AppSettings) -> LoginDialog:
    dialog = LoginDialog(settings)  # no --ca-bundle: only the dialog's field can make the org trusted
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _token_login(qtbot, dialog: LoginDialog, org, *, succeed: bool) -> None:
    dialog.select_way("token")
    page = dialog.current_page()
    page.instance_url.setText(org.instance_url)
    page.access_token.setText(org.admin.access_token)
    signal = dialog.accepted if succeed else dialog.login_failed
    with qtbot.waitSignal(signal, timeout=20000):
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)


def test_the_certificate_field_makes_the_org_trusted_and_is_remembered_per_org(
    qtbot, settings, fresh_org, monkeypatch
) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    dialog = _open(qtbot, settings)
    assert not dialog.network.panel.isVisibleTo(dialog)  # advanced options start folded
    _token_login(qtbot, dialog, fresh_org, succeed=False)
    assert "Trust this certificate" in dialog.error_label.text()
    qtbot.mouseClick(dialog.network.toggle, Qt.MouseButton.LeftButton)
    dialog.network.ca_bundle_edit.setText(str(fresh_org.ca_path))
    _token_login(qtbot, dialog, fresh_org, succeed=True)
    org_id = dialog.session.org_id
    assert settings.get(keys.NETWORK_CA_BUNDLE, org=org_id) == str(fresh_org.ca_path)
    again = _open(qtbot, settings)
    assert again.network.ca_bundle() == str(fresh_org.ca_path) and again.network.panel.isVisibleTo(again)


def test_a_bad_certificate_path_or_proxy_is_named_before_logging_in(qtbot, settings, fresh_org) -> None:
    dialog = _open(qtbot, settings)
    dialog.select_way("token")
    dialog.current_page().instance_url.setText(fresh_org.instance_url)
    dialog.current_page().access_token.setText(fresh_org.admin.access_token)
    dialog.network.ca_bundle_edit.setText("/no/such/ca.pem")
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert "does not exist" in dialog.error_label.text() and not dialog.is_busy
    dialog.network.ca_bundle_edit.clear()
    dialog.network.proxy_edit.setText("http://me:secret@proxy.example.com:8080")
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert "password is not kept" in dialog.error_label.text()


def test_the_proxy_field_is_used_and_remembered_without_a_password(
    qtbot, settings, fresh_org, monkeypatch
) -> None:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")  # the proxy is set, the loopback org still direct
    dialog = _open(qtbot, settings)
    dialog.network.ca_bundle_edit.setText(str(fresh_org.ca_path))
    dialog.network.proxy_edit.setText("proxy.example.com:3128")
    try:
        _token_login(qtbot, dialog, fresh_org, succeed=True)
        assert http.app_proxy() == "proxy.example.com:3128"
    finally:
        http.set_app_proxy(None)
    assert settings.get(keys.NETWORK_PROXY, org=dialog.session.org_id) == "http://proxy.example.com:3128"
