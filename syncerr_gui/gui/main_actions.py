"""The main window's actions and menus (File, View, Help), built in one place."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

from syncerr_gui.gui.about import show_about
from syncerr_gui.gui.i18n import tr

logger = logging.getLogger(__name__)


class MainCommands(Protocol):
    """What the menus do: the main window's commands."""

    def show_login(self) -> object: ...

    def sync_now(self) -> None: ...

    def export_csv(self) -> None: ...

    def log_out(self) -> None: ...

    def show_problems(self) -> None: ...

    def focus_search(self) -> None: ...


class MainActions:
    """Creates the actions, wires them to the window's commands and fills the menu bar."""

    def __init__(self, window: QMainWindow, commands: MainCommands) -> None:
        self._window = window
        c = commands
        self.file_menu = QMenu(tr("&File"), window)
        self.view_menu = QMenu(tr("&View"), window)
        self.file_menu.setObjectName("fileMenu")
        self.view_menu.setObjectName("viewMenu")
        self.login = self._action(tr("&Log in…"), c.show_login, name="loginAction")
        self.sync = self._action(
            tr("&Sync now"),
            c.sync_now,
            QKeySequence(QKeySequence.StandardKey.Refresh),
            name="syncAction",
            shortcut_text="F5",
        )
        self.export = self._action(
            tr("&Export CSV…"), c.export_csv, QKeySequence("Ctrl+E"), name="exportAction"
        )
        self.logout = self._action(tr("Log &out"), c.log_out, name="logoutAction")
        self.quit = self._action(tr("&Quit"), window.close, QKeySequence("Ctrl+Q"), name="quitAction")
        self.problems = self._action(tr("Sync &problems…"), c.show_problems, name="problemsAction")
        self.find = self._action(
            tr("&Search errors"),
            c.focus_search,
            QKeySequence(QKeySequence.StandardKey.Find),
            name="findAction",
        )
        self.about = self._action(tr("&About"), lambda: show_about(window), name="aboutAction")
        # The LGPL's notice: which Qt this is, its licence, and where its source lives.
        self.about_qt = self._action(tr("About &Qt"), QApplication.aboutQt, name="aboutQtAction")

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
        file_menu = self.file_menu
        bar.addMenu(file_menu)
        for action in (self.login, self.sync, self.export):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.logout)
        file_menu.addAction(self.quit)
        view_menu = self.view_menu
        bar.addMenu(view_menu)
        view_menu.addAction(self.find)
        view_menu.addSeparator()
        for toggle in view_toggles:
            view_menu.addAction(toggle)
        view_menu.addSeparator()
        view_menu.addAction(self.problems)
        help_menu = bar.addMenu(tr("&Help"))
        help_menu.setObjectName("helpMenu")
        help_menu.addAction(self.about)
        help_menu.addAction(self.about_qt)

    def add_file_action(self, action: QAction) -> None:
        """Put a feature's action in the File menu, after Export (before the first separator)."""
        separators = [a for a in self.file_menu.actions() if a.isSeparator()]
        if separators:
            self.file_menu.insertAction(separators[0], action)
        else:
            self.file_menu.addAction(action)

    def add_view_menu(self, menu: QMenu) -> None:
        """Put a submenu (Language) at the end of the View menu, after a separator."""
        self.view_menu.addSeparator()
        self.view_menu.addMenu(menu)

    def set_logged_in(self, logged_in: bool, syncing: bool) -> None:
        """Enable what makes sense now."""
        self.sync.setEnabled(logged_in and not syncing)
        self.logout.setEnabled(logged_in)
