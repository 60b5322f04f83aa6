"""The main window's actions and menus (File, View, Help), built in one place."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow

logger = logging.getLogger(__name__)


class MainActions:
    """Creates the actions, wires them to the window's slots and fills the menu bar."""

    def __init__(self, window: QMainWindow) -> None:
        self._window = window
        w = window
        self.login = self._action("&Log in…", w.show_login, name="loginAction")  # type: ignore[attr-defined]
        self.sync = self._action(
            "&Sync now",
            w.sync_now,
            QKeySequence(QKeySequence.StandardKey.Refresh),  # type: ignore[attr-defined]
            name="syncAction",
            shortcut_text="F5",
        )
        self.export = self._action("&Export CSV…", w.export_csv, QKeySequence("Ctrl+E"), name="exportAction")  # type: ignore[attr-defined]
        self.logout = self._action("Log &out", w.log_out, name="logoutAction")  # type: ignore[attr-defined]
        self.quit = self._action("&Quit", w.close, QKeySequence("Ctrl+Q"), name="quitAction")
        self.problems = self._action("Sync &problems…", w.show_problems, name="problemsAction")  # type: ignore[attr-defined]
        self.about = self._action("&About", w.show_about, name="aboutAction")  # type: ignore[attr-defined]
        # The LGPL's notice: which Qt this is, its licence, and where its source lives.
        self.about_qt = self._action("About &Qt", QApplication.aboutQt, name="aboutQtAction")

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | None = None,
        *,
        name: str,
        shortcut_text: str = "",
    ) -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(name)
        if shortcut_text:
            action.setShortcuts([QKeySequence(shortcut_text)])
        elif shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def build_menus(self, view_toggles: list[QAction]) -> None:
        """File, View (dock toggles + problems), Help."""
        bar = self._window.menuBar()
        file_menu = bar.addMenu("&File")
        for action in (self.login, self.sync, self.export):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.logout)
        file_menu.addAction(self.quit)
        view_menu = bar.addMenu("&View")
        for toggle in view_toggles:
            view_menu.addAction(toggle)
        view_menu.addSeparator()
        view_menu.addAction(self.problems)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.about)
        help_menu.addAction(self.about_qt)

    def set_logged_in(self, logged_in: bool, syncing: bool) -> None:
        """Enable what makes sense now."""
        self.sync.setEnabled(logged_in and not syncing)
        self.logout.setEnabled(logged_in)
