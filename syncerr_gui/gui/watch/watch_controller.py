"""Watching in the app: a sync every 15, 30 or 60 minutes while logged in, and one notification
per change it brings (a new cause, a cause that failed again after it was resolved, a job that
failed as a whole, more errors in one sync than the admin's threshold).

A watched sync is the window's own F5 sync (`sync_now`: the same progress, Cancel and
problems), started only when nothing else runs (`busy`, a `BusyGate` other features join)
and never while logged out. After every sync that ended well, the groups of what the window
shows (every archived row) are counted off the GUI thread (`GroupCensus`); a watched sync's
census is compared with the one before it (`core/watch/changes.compare`) and told once: the
next comparison starts from it, so a sync that brings nothing tells nothing. Syncs the admin
starts (F5, a login) only move the baseline: the window is in front of them.

With "Keep watching when the window is closed" and a system tray, closing the window hides it
and leaves the tray icon (`TrayPresence`); without a tray the window closes as usual. The
window calls `hide_instead_of_close` from its closeEvent, and nothing else.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QApplication

from syncerr_gui.core.watch.changes import GroupCensus, WatchReport, compare
from syncerr_gui.core.watch.notification import Notification, notification_for
from syncerr_gui.gui import settings_keys as keys
from syncerr_gui.gui.i18n import shown, tr
from syncerr_gui.gui.tasks import run_in_background
from syncerr_gui.gui.watch.busy import BusyGate
from syncerr_gui.gui.watch.presence import NotificationSink, Presence, StatusBarSink, TrayPresence

logger = logging.getLogger(__name__)

INTERVALS_MIN = (15, 30, 60)
MINUTE_MS = 60_000

PresenceFactory = Callable[[Any], Presence | None]  # (WatchController) -> the tray, or None: no tray


def tray_presence(controller: WatchController) -> Presence | None:
    """The system tray icon where the desktop has a tray, else None."""
    if not TrayPresence.available():
        return None
    window = controller.window
    return TrayPresence(controller, window.windowIcon(), window)  # the app's icon


class WatchController(QObject):
    """Signals: census_taken() after a sync's groups were counted (the baseline moved);
    checked(object) with the WatchReport of a watched sync; notified(object) with each
    Notification shown."""

    census_taken = Signal()
    checked = Signal(object)
    notified = Signal(object)

    def __init__(self, window: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.settings = window.settings
        self.busy = BusyGate()
        self.busy.join("a sync", lambda: bool(window.is_syncing))
        self.busy.join("an export", lambda: bool(window.csv_export.running))
        self.busy.join("a purge of the archive", lambda: bool(window.archive.shrinking))
        self.busy.join("counting the last sync's causes", lambda: self._counting)
        self.sinks: list[NotificationSink] = []
        self.presence_factory: PresenceFactory = tray_presence
        self.presence: Presence | None = None
        self.presence_shown = False  # the tray icon is on screen (notifications go there)
        self.interval_ms_override: int | None = None  # tests: a short interval
        self.paused = False
        self.baseline: GroupCensus | None = None
        self.last_report: WatchReport | None = None
        self._watched = False  # the running sync was started by the watcher
        self._census_token = 0
        self._quitting = False
        self._failure_told = False
        self._counting = False  # a census is being taken (the next watched sync waits for it)
        self.watched_syncs = 0  # watched syncs started so far
        self.quit_app: Callable[[], None] = QApplication.quit
        self._window_sink = StatusBarSink(window)
        self.timer = QTimer(self)
        self.timer.setObjectName("watchTimer")
        self.timer.timeout.connect(self.tick)
        window.sync_ended.connect(self._sync_ended)
        window.groups.grouped.connect(self._grouped)
        self._pending_key = ""
        self.action = QAction(tr("&Watch…"), window)
        self.action.setObjectName("watchAction")
        self.action.setStatusTip(tr("Sync in the background and tell of new causes"))
        self.action.triggered.connect(lambda _checked=False: self.show_dialog())
        window.actions_.add_file_action(self.action)
        quit_action = window.actions_.quit  # File › Quit quits, even when closing would hide
        quit_action.triggered.disconnect()
        quit_action.triggered.connect(lambda _checked=False: self.quit())
        self.dialog: Any = None
        self.apply_settings()

    # ---- settings --------------------------------------------------------------------------
    @property
    def every_minutes(self) -> int:
        minutes = self.settings.get(keys.WATCH_EVERY_MINUTES) or 0
        return minutes if minutes in INTERVALS_MIN else 0

    @property
    def interval_ms(self) -> int:
        return self.interval_ms_override or self.every_minutes * MINUTE_MS

    @property
    def watching(self) -> bool:
        return self.interval_ms > 0 and not self.paused

    @property
    def keep_in_tray(self) -> bool:
        return bool(self.settings.get(keys.WATCH_IN_TRAY)) and self.interval_ms > 0

    @property
    def burst_errors(self) -> int:
        return max(0, self.settings.get(keys.WATCH_BURST_ERRORS) or 0)

    def tray_available(self) -> bool:
        """Whether closing the window can leave a tray icon (made on first need)."""
        return self._ensure_presence() is not None

    def apply_settings(self) -> None:
        """Start, restart or stop the timer (and the tray icon) as the settings say."""
        if self.watching:
            if self.timer.interval() != self.interval_ms or not self.timer.isActive():
                self.timer.start(self.interval_ms)
            if self.baseline is None and len(self.window.frame):
                self.take_census()  # the rows shown are what the first watched sync compares with
        else:
            self.timer.stop()
        if self.keep_in_tray and not self._quitting:
            self._set_presence(True)  # the tray icon shows while watching goes on without the window
        elif self.window.isVisible():
            self._set_presence(False)

    def set_paused(self, paused: bool) -> None:
        """Pause watching (tray menu): no watched sync until resumed."""
        self.paused = bool(paused)
        self.apply_settings()

    def show_dialog(self) -> Any:
        from syncerr_gui.gui.watch.watch_dialog import WatchDialog

        if self.dialog is None:
            self.dialog = WatchDialog(self, self.window)
        self.dialog.load()
        self.dialog.open()
        return self.dialog

    # ---- syncing ---------------------------------------------------------------------------
    def tick(self) -> None:
        """The timer: a watched sync when logged in and nothing else runs."""
        if self.watching:
            self.sync_now()

    def sync_now(self) -> bool:
        """A watched sync now (tray "Sync now", the timer); False when it cannot start."""
        window = self.window
        if window.session is None:
            logger.info("watching waits: not logged in")
            return False
        reason = self.busy.reason()
        if reason is not None:
            logger.info("watched sync skipped: %s is running", reason)
            return False
        window.sync_now()
        self._watched = bool(window.is_syncing)
        self.watched_syncs += self._watched
        return self._watched

    def _sync_ended(self) -> None:
        watched, self._watched = self._watched, False
        window = self.window
        result = window.last_result
        if window.last_sync_error:
            if watched:
                self._tell_failure(window.last_sync_error)
            return
        self._failure_told = False
        if result is None or result.cancelled:
            return
        if self.interval_ms <= 0:
            self.baseline = None  # not watching: no counting after every sync
            return
        self.take_census(watched)

    def _tell_failure(self, text: str) -> None:
        """A watched sync that failed is told once until a sync succeeds again."""
        if not self._failure_told:
            self._failure_told = True
            self.notify(Notification(tr("Watching: the sync failed"), shown(text)))

    def take_census(self, watched: bool = False) -> None:
        """Count the groups of what the window shows (off the GUI thread); `watched`: then
        compare with the baseline and tell the changes."""
        window = self.window
        self._census_token += 1
        token, frame, archive = self._census_token, window.frame, self._archive()

        def count() -> GroupCensus:
            patterns = archive.message_patterns(keep=False) if archive is not None else None
            return GroupCensus.of_frame(frame, patterns, archive)

        self._counting = True
        run_in_background(
            count,
            lambda census: self._census_ready(token, census, watched),
            lambda text: self._census_failed(token, text),
            parent=self,
            doing=tr("count the error groups"),
        )

    def _archive(self) -> Any:
        return self.window.archive.shown_archive("watch without triage states")

    def _census_failed(self, token: int, text: str) -> None:
        logger.warning("watch: could not count the groups: %s", text)
        if token == self._census_token:
            self._counting = False

    def _census_ready(self, token: int, census: GroupCensus, watched: bool) -> None:
        if token != self._census_token:
            return  # a later sync's census is on its way
        self._counting = False
        before, self.baseline = self.baseline, census
        self.census_taken.emit()
        if not watched or before is None:
            return
        report = compare(before, census, self.burst_errors)
        self.last_report = report
        self.checked.emit(report)
        notification = notification_for(report)
        if notification is not None:
            self.notify(notification)

    def notify(self, notification: Notification) -> None:
        """Show one notification: in the tray when there is one, else in the window."""
        presence = self.presence if self.presence_shown else None
        targets: list[NotificationSink] = [presence if presence is not None else self._window_sink]
        for sink in [*targets, *self.sinks]:
            sink.show_notification(notification)
        self.notified.emit(notification)

    # ---- window and tray -------------------------------------------------------------------
    def _ensure_presence(self) -> Presence | None:
        if self.presence is None:
            self.presence = self.presence_factory(self)
        return self.presence

    def _set_presence(self, shown: bool) -> None:
        """Show or hide the tray icon (made on first need; nothing where there is no tray)."""
        presence = self._ensure_presence() if shown else self.presence
        if presence is None:
            return
        if shown:
            presence.show_presence()
        else:
            presence.hide_presence()
        self.presence_shown = shown

    def hide_instead_of_close(self, event: QCloseEvent) -> bool:
        """The window's closeEvent: with watching kept in the tray, hide instead (True)."""
        if self._quitting or not self.keep_in_tray:
            return False
        presence = self._ensure_presence()
        if presence is None:
            return False  # no tray: the window closes as usual
        event.ignore()
        self.window.settings.save_window(self.window, self.window.table.horizontalHeader())
        self.window.hide()
        self._set_presence(True)
        return True

    def open_window(self) -> None:
        window = self.window
        window.show()
        window.raise_()
        window.activateWindow()

    def open_group(self, key: str) -> None:
        """A notification's click: the window, on that group in the Groups view."""
        self.open_window()
        if not key:
            return
        groups = self.window.groups
        row = groups.model.row_of_key(key)
        if row >= 0:
            self._pending_key = ""
            groups.select_rows([row])
            groups.panel.table.scrollTo(groups.model.index(row, 0))
        elif groups.current is None and not self._pending_key:
            self._pending_key = key  # the Groups view is regrouping: select it once it is shown
        else:
            self._pending_key = ""
            self.window.show_status(
                tr("That cause is not among the rows shown: reset the filter to see it."), 15000
            )

    def _grouped(self) -> None:
        if self._pending_key:
            self.open_group(self._pending_key)

    def quit(self) -> None:
        """Tray "Quit" and File › Quit: close the window for good, and the tray icon with it."""
        self._quitting = True
        self.timer.stop()
        self._set_presence(False)
        hidden = not self.window.isVisible()
        self.window.close()
        if hidden:
            self.quit_app()  # closing a hidden window does not end the app by itself
