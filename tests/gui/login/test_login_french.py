"""The login dialog in French: every way to log in reads as French, and a refused login
from the demo org is said in French (Salesforce's own codes stay as they are)."""

from __future__ import annotations

from pathlib import Path

import pytest
from french_walk import untranslated
from PySide6.QtCore import QSettings, Qt

from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.login.login_dialog import LoginDialog

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")


@pytest.fixture()
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def _dialog(qtbot, settings: AppSettings, ca_bundle: str | None = None) -> LoginDialog:
    dialog = LoginDialog(settings, ca_bundle=ca_bundle, demo_session=lambda: None)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.mark.usefixtures("french")
def test_every_way_to_log_in_reads_as_french_with_advanced_open(qtbot, settings) -> None:
    dialog = _dialog(qtbot, settings)
    dialog.network.toggle.setChecked(True)
    ways = ["browser", "token", "password", "demo"]
    for way in ways:
        dialog.select_way(way)
        assert dialog.current_page().way == way
        assert untranslated(dialog) == [], way
    assert dialog.windowTitle() == "Connexion — Erreurs de synchronisation Salesforce"
    assert dialog.login_button.text() == "Se connecter"


@pytest.mark.usefixtures("french")
def test_a_missing_field_is_named_in_french(qtbot, settings) -> None:
    dialog = _dialog(qtbot, settings)
    dialog.select_way("password")
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == "Saisissez le nom d\u2019utilisateur."


@pytest.mark.usefixtures("french")
def test_a_wrong_password_at_the_demo_org_is_said_in_french(qtbot, settings, fresh_org) -> None:
    dialog = _dialog(qtbot, settings, ca_bundle=str(fresh_org.ca_path))
    dialog.select_way("password")
    page = dialog.current_page()
    page.environment.setCurrentIndex(page.environment.findData("custom"))
    qtbot.keyClicks(page.custom_domain, fresh_org.instance_url)
    qtbot.keyClicks(page.username, fresh_org.admin.username)
    qtbot.keyClicks(page.password, "not-the-password")
    with qtbot.waitSignal(dialog.login_failed, timeout=20000):
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    text = dialog.error_label.text()
    assert text.startswith("Nom d\u2019utilisateur, mot de passe ou jeton de s\u00e9curit\u00e9 incorrect"), (
        text
    )
    assert untranslated(dialog) == []
    assert dialog.focusWidget() is page.password  # the field to fix, as in English


@pytest.mark.usefixtures("french")
def test_a_user_who_is_not_an_admin_is_told_in_french(qtbot, settings, fresh_org) -> None:
    user = fresh_org.non_admin
    dialog = _dialog(qtbot, settings, ca_bundle=str(fresh_org.ca_path))
    dialog.select_way("password")
    page = dialog.current_page()
    page.environment.setCurrentIndex(page.environment.findData("custom"))
    qtbot.keyClicks(page.custom_domain, fresh_org.instance_url)
    qtbot.keyClicks(page.username, user.username)
    qtbot.keyClicks(page.password, user.password)
    qtbot.keyClicks(page.security_token, user.security_token)
    with qtbot.waitSignal(dialog.login_failed, timeout=20000):
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    text = dialog.error_label.text()
    assert text.startswith("Cette application est destin\u00e9e aux administrateurs Salesforce."), text
    assert untranslated(dialog, allowed=[text]) == [] and "Ask an admin" not in text
