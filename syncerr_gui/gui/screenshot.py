"""`--demo --screenshot FILE [--size WxH]`: wait for the sync, show a record's details, save the window, quit.

Used for the README picture and as a smoke test of the whole GUI; a timeout guarantees it
never hangs (exit code 2), a failed sync or save exits 1.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from syncerr_gui.core.file_modes import user_file_mode
from syncerr_gui.core.frame.guidance import guidance_for
from syncerr_gui.core.frame.schema import RECORD_LEVEL

logger = logging.getLogger(__name__)

TIMEOUT_MS = 180_000
SIZE = (1280, 800)
_SCAN_ROWS = 500


class Screenshotter(QObject):
    """Saves `window.grab()` to `path` once the sync has finished; `exit_code` says how it went."""

    def __init__(
        self, window: Any, path: str, size: tuple[int, int] | None = None, shoot: str = "window"
    ) -> None:
        super().__init__(window)
        self.shoot = shoot  # "window", or one of the reload dialogs (gui/reload/reload_screenshot.py)
        self.window = window
        self.path = path
        self.size = size or SIZE
        window.resize(*self.size)  # laid out at that size from the start, as a user would see it
        self.exit_code = 2
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self._fail("timed out waiting for the sync", 2))
        self._timer.start(TIMEOUT_MS)

    def watch(self) -> None:
        """Shoot when the window's sync has ended; fail when it failed.

        Connected to the window (a GUI-thread object), never to the worker's own signals with
        a lambda: that would run in the worker thread, which has no event loop for timers.
        """
        self.window.sync_ended.connect(self._sync_ended)

    def _sync_ended(self) -> None:
        if self.window.last_sync_error:
            self._fail(f"the sync failed: {self.window.last_sync_error}", 1)
        elif self.window.groups.current is None:  # the Groups view is still grouping
            self.window.groups.grouped.connect(self._grouped, Qt.ConnectionType.SingleShotConnection)
        else:
            QTimer.singleShot(50, self._shoot)

    def _grouped(self) -> None:
        QTimer.singleShot(50, self._shoot)

    def _record_row(self) -> int:
        """A record-level row with both IDs, an input row and advice for its code (the picture
        then shows every part of the detail pane), else one without advice, else the first row
        (-1 if empty)."""
        model = self.window.model
        rows = min(model.rowCount(), _SCAN_ROWS)
        complete = [row for row in range(rows) if _complete(model.row_record(row))]
        advised = [row for row in complete if guidance_for(str(model.row_record(row).get("error_type", "")))]
        return (advised or complete or [0 if rows else -1])[0]

    def _shoot(self) -> None:
        why = self.window.groups.why
        why.shown.connect(self._capture, Qt.ConnectionType.SingleShotConnection)  # its Why read too
        self.window.groups.select_rows([0])  # the top cause: its errors below, a record's details

    def _capture(self) -> None:
        row = self._record_row()
        if row < 0:
            self._fail("the sync produced no rows to show", 1)
            return
        self.window.resize(*self.size)
        self.window.select_row(row)
        self.window.detail_pane.show()
        self.window.filter_dock.show()
        QApplication.processEvents()
        if self.shoot != "window":
            from syncerr_gui.gui.reload.reload_screenshot import shoot_dialog

            shoot_dialog(self.window, self.shoot, self._save, lambda why: self._fail(why, 1))
            return
        self._save(self.window)

    def _save(self, widget: Any) -> None:
        if not widget.grab().save(self.path):
            self._fail(f"could not write {self.path}", 1)
            return
        if os.name == "posix":  # the user's picture: their own umask, not the app's private one
            os.chmod(self.path, user_file_mode())
        logger.info("screenshot saved to %s", self.path)
        self._done(0)

    def _fail(self, reason: str, code: int) -> None:
        print(f"Screenshot failed: {reason}", file=sys.stderr)
        self._done(code)

    def _done(self, code: int) -> None:
        self._timer.stop()
        self.exit_code = code
        self.window.close()
        QApplication.exit(code)


def _complete(record: dict[str, Any]) -> bool:
    """A record-level row with both IDs and its failed input row."""
    return bool(
        record.get("failed_on") == RECORD_LEVEL
        and record.get("salesforce_id")
        and record.get("source_id")
        and record.get("input_row")
    )
