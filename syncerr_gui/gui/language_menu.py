"""View › Language: follow the system, or English, or French, kept for the next start.

The translators are installed once, before any window is built (`gui/application.py`), so
a new choice takes effect at the next start; the admin is told so and can restart at once.
Each language's name is written in that language (an admin who cannot read the current
one still finds their own).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from syncerr_gui.gui import message_boxes
from syncerr_gui.gui import settings_keys as keys
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.i18n import LANGUAGES, chosen_language, current_language, tr

SYSTEM = ""  # the saved value that follows the system's language


def next_start_text(language: str) -> str:
    """What the admin is told after choosing: the language of the next start."""
    if language == "fr":
        return tr("The window will be in French the next time the app starts.")
    return tr("The window will be in English the next time the app starts.")


class LanguageMenu(QObject):
    """The "Language" submenu; `restart` (when given) is offered to apply a choice at once.

    `box` is the last "next time" message shown (its Restart now button).
    """

    def __init__(
        self,
        settings: AppSettings,
        parent: QWidget,
        restart: Callable[[], None] | None = None,
        notify: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._parent = parent
        self._restart = restart
        self._notify = notify
        self.box: QMessageBox | None = None
        self.menu = QMenu(tr("&Language"), parent)
        self.menu.setObjectName("languageMenu")
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        self.actions: dict[str, QAction] = {SYSTEM: self._add(SYSTEM, tr("&System language"))}
        for code, name in LANGUAGES.items():
            self.actions[code] = self._add(code, name)
        self.actions[self.saved()].setChecked(True)

    def _add(self, code: str, text: str) -> QAction:
        action = QAction(text, self.menu)
        action.setObjectName(f"language_{code or 'system'}")
        action.setCheckable(True)
        action.setData(code)
        self._group.addAction(action)
        self.menu.addAction(action)
        action.triggered.connect(lambda _checked=False: self.choose(code))
        return action

    def saved(self) -> str:
        """The saved choice ('' for the system's language; an unknown value counts as that)."""
        value = self._settings.get(keys.LANGUAGE) or SYSTEM
        return value if value in LANGUAGES else SYSTEM

    def choose(self, code: str) -> None:
        """Keep `code` for the next start and say what it will give."""
        self._settings.set(keys.LANGUAGE, code)
        self.actions[code].setChecked(True)
        language = chosen_language(code or None, QLocale.system())
        if language == current_language():
            if self._notify is not None:
                self._notify(next_start_text(language))
            return
        actions = [(tr("Restart now"), self._restart)] if self._restart is not None else []
        self.box = message_boxes.show_with_actions(
            self._parent, tr("Language"), next_start_text(language), actions, names=["restartButton"]
        )
