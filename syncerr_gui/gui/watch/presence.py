"""Where watching shows itself: the notification sinks and the tray icon.

A notification goes to every `NotificationSink` (an interface: the tray is one, the window's
status bar another, a test may add its own). `TrayPresence` is the `QSystemTrayIcon` with
Open, Sync now, Pause watching and Quit; it exists only where the desktop has a tray
(`QSystemTrayIcon.isSystemTrayAvailable()`), so on a desktop without one the window keeps
its usual behaviour and the Watch dialog says so. A notification's text comes from
`core/watch/notification.py`: causes, never customer data.
"""

from __future__ import annotations

import logging
from typing import Protocol

from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QSystemTrayIcon

from syncerr_gui.core.watch.notification import Notification
from syncerr_gui.gui.i18n import QT_TR_NOOP, shown, tr

logger = logging.getLogger(__name__)

MESSAGE_MS = 15_000
NO_TRAY = str(
    QT_TR_NOOP(
        "This desktop has no system tray, so watching cannot go on with the window closed: "
        "closing the window quits the app. Watching runs while the window is open."
    )
)


class NotificationSink(Protocol):
    """Shows one notification (the text is safe to show anywhere)."""

    def show_notification(self, notification: Notification) -> None: ...


class WatchCommands(Protocol):
    """What the tray's menu and a notification click ask of the watcher."""

    paused: bool

    def open_window(self) -> None: ...

    def open_group(self, key: str) -> None: ...

    def sync_now(self) -> bool: ...

    def set_paused(self, paused: bool) -> None: ...

    def quit(self) -> None: ...


class Presence(NotificationSink, Protocol):
    """What stays on screen while the window is closed (the tray icon)."""

    def show_presence(self) -> None: ...

    def hide_presence(self) -> None: ...


class StatusBarSink:
    """The window's own sink: the status bar, and the taskbar's attention mark."""

    def __init__(self, window: QMainWindow) -> None:
        self._window = window

    def show_notification(self, notification: Notification) -> None:
        self._window.statusBar().showMessage(notification_texts(notification)[0], 60_000)
        QApplication.alert(self._window)


class TrayPresence:
    """The tray icon and its menu; a click on its message opens the window on that group."""

    def __init__(self, commands: WatchCommands, icon: QIcon, parent: QMainWindow) -> None:
        self._commands = commands
        self._key = ""
        self.tray = QSystemTrayIcon(icon, parent)
        self.tray.setObjectName("watchTray")
        self.tray.setToolTip(tr("Salesforce Sync Errors: watching"))
        self.menu = QMenu(parent)
        self._add(tr("Open"), commands.open_window, "trayOpen")
        self._add(tr("Sync now"), commands.sync_now, "traySync")
        self.pause = self._add(tr("Pause watching"), lambda: None, "trayPause")
        self.pause.setCheckable(True)
        self.pause.toggled.connect(commands.set_paused)
        self.menu.addSeparator()
        self._add(tr("Quit"), commands.quit, "trayQuit")
        self.tray.setContextMenu(self.menu)
        self.tray.messageClicked.connect(lambda: commands.open_group(self._key))
        self.tray.activated.connect(self._activated)

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def _add(self, text: str, slot: object, name: str) -> QAction:
        action = QAction(text, self.menu)
        action.setObjectName(name)
        if callable(slot):
            action.triggered.connect(lambda _checked=False: slot())
        self.menu.addAction(action)
        return action

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self._commands.open_window()

    def show_presence(self) -> None:
        self.pause.setChecked(self._commands.paused)
        self.tray.show()

    def hide_presence(self) -> None:
        self.tray.hide()

    def show_notification(self, notification: Notification) -> None:
        self._key = notification.group_key
        title, body = notification_texts(notification)
        self.tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, MESSAGE_MS)


def notification_texts(notification: Notification) -> tuple[str, str]:
    """The title and body in the window's language (the core made them with `say()`)."""
    lines = notification.lines or (notification.body,)
    return shown(notification.title), "\n".join(shown(line) for line in lines if line)
