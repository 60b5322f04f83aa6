"""The window's language as an admin meets it: View › Language keeps a choice for the next
start, the next start uses it, and the window's menus and messages read in French."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from french_walk import untranslated
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QPushButton

from syncerr_gui import APP_NAME
from syncerr_gui.gui import settings_keys as keys
from syncerr_gui.gui import window_words
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.application import restart_command, start_language
from syncerr_gui.gui.exception_hook import ExceptionDialog
from syncerr_gui.gui.i18n import remove_language
from syncerr_gui.gui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

# The menu bar's parts this window builds itself (features add their own actions and the docks
# their toggles; those are checked with their own widgets).
OWN_MENUS = ("fileMenu", "viewMenu", "helpMenu", "languageMenu")
OWN_ACTIONS = (
    "loginAction",
    "syncAction",
    "exportAction",
    "logoutAction",
    "quitAction",
    "problemsAction",
    "findAction",
    "aboutAction",
    "aboutQtAction",
    "language_system",
)


def _settings(tmp_path: Path, language: str | None = None) -> AppSettings:
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    if language is not None:
        settings.set(keys.LANGUAGE, language)
    return settings


def _window(qtbot, settings: AppSettings) -> MainWindow:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    return window


def _menu(window: MainWindow, name: str) -> QMenu:
    menu = window.findChild(QMenu, name)
    assert menu is not None, name
    return menu


def _box(window: MainWindow) -> QMessageBox:
    box = window.language_menu.box
    assert box is not None and box.isVisible()
    return box


@pytest.fixture()
def started_in_french(qapp: QApplication, tmp_path: Path) -> Iterator[AppSettings]:
    """The app's start with French saved under View › Language (English again afterwards)."""
    settings = _settings(tmp_path, "fr")
    installed = start_language(qapp, settings)
    yield settings
    remove_language(qapp, installed)
    qapp.setApplicationDisplayName(APP_NAME)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_the_language_chosen_is_used_at_the_next_start(qtbot, started_in_french: AppSettings) -> None:
    window = _window(qtbot, started_in_french)
    assert _menu(window, "fileMenu").title() == "&Fichier"
    assert _menu(window, "viewMenu").title() == "&Affichage"
    assert window.windowTitle() == "Erreurs de synchronisation Salesforce"
    assert window.language_menu.actions["fr"].isChecked()


def test_view_language_offers_the_system_english_and_french_and_checks_the_saved_one(
    qtbot, tmp_path: Path
) -> None:
    window = _window(qtbot, _settings(tmp_path, "en"))
    menu = _menu(window, "languageMenu")
    assert menu in [a.menu() for a in _menu(window, "viewMenu").actions()]
    texts = [a.text() for a in menu.actions()]
    assert texts == ["&System language", "English", "Français"]
    assert [a.text() for a in menu.actions() if a.isChecked()] == ["English"]
    assert window.language_menu._group.isExclusive()
    (tmp_path / "fresh").mkdir()
    fresh = _window(qtbot, _settings(tmp_path / "fresh"))
    assert [a.text() for a in _menu(fresh, "languageMenu").actions() if a.isChecked()] == ["&System language"]


def test_choosing_french_keeps_it_says_so_and_restart_now_quits_to_start_again(qtbot, tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    window = _window(qtbot, settings)
    window.watch.quit_app = lambda: None
    window.language_menu.actions["fr"].trigger()
    assert settings.get(keys.LANGUAGE) == "fr"
    assert window.language_menu.actions["fr"].isChecked()
    box = _box(window)
    assert box.text() == "The window will be in French the next time the app starts."  # in today's language
    restart = box.findChild(QPushButton, "restartButton")
    assert restart is not None and restart.text() == "Restart now"
    restart.click()
    assert window.restart_requested and not window.isVisible()


def test_choosing_the_language_already_shown_only_says_so(qtbot, tmp_path: Path) -> None:
    settings = _settings(tmp_path, "fr")
    window = _window(qtbot, settings)
    window.language_menu.actions["en"].trigger()
    assert settings.get(keys.LANGUAGE) == "en"
    assert window.language_menu.box is None
    assert window.status.currentMessage() == "The window will be in English the next time the app starts."


def test_restart_starts_the_same_command_line_again() -> None:
    program, arguments = restart_command()
    assert program == sys.executable
    assert arguments == sys.orig_argv[1:]


@pytest.mark.usefixtures("french")
def test_in_french_the_window_title_and_its_own_menus_have_no_english(qtbot, tmp_path: Path) -> None:
    """Only the menu bar's menus and actions this window builds, and its title: the docks,
    table, Groups view and the features' own actions are checked in their own tests."""
    window = _window(qtbot, _settings(tmp_path))
    for menu in (_menu(window, name) for name in OWN_MENUS):
        menu.aboutToShow.emit()
    left = untranslated(window.menuBar())
    own = [line for line in left if line.startswith(tuple(f"QMenu({n})" for n in OWN_MENUS))]
    own += [line for line in left if line.startswith(tuple(f"QAction({n})" for n in OWN_ACTIONS))]
    assert own == []
    assert window.windowTitle() == "Erreurs de synchronisation Salesforce"
    assert [_menu(window, n).title() for n in OWN_MENUS] == ["&Fichier", "&Affichage", "A&ide", "&Langue"]


@pytest.mark.usefixtures("french")
def test_in_french_the_sync_messages_count_in_french() -> None:
    assert window_words.sync_ended_text(False, 1, "") == "Synchronisation terminée\xa0: 1 erreur."
    ended = window_words.sync_ended_text(False, 12345, "").replace("\u202f", " ").replace("\xa0", " ")
    assert ended == "Synchronisation terminée : 12 345 erreurs."
    assert window_words.copied_text(1, "").startswith("1 ligne copiée")
    assert window_words.copied_text(3, "").startswith("3 lignes copiées")


@pytest.mark.usefixtures("qapp")
def test_in_english_counts_have_their_plural_forms() -> None:
    assert window_words.copied_text(1, "").startswith("Copied 1 row to the clipboard")
    assert window_words.sync_ended_text(False, 1, "") == "Sync finished: 1 error."
    assert window_words.sync_ended_text(False, 2500, "") == "Sync finished: 2,500 errors."


@pytest.mark.usefixtures("french")
def test_in_french_the_unexpected_error_dialog_has_no_english(qtbot) -> None:
    dialog = ExceptionDialog("Traceback (most recent call last): …")
    qtbot.addWidget(dialog)
    dialog.show()
    assert untranslated(dialog) == []
    assert dialog.windowTitle() == "Erreur inattendue"
