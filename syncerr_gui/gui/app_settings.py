"""What the app remembers between runs (QSettings): layout, last filter, last org — never a secret.

Layout keys carry the Qt version because `saveState`/`saveGeometry` blobs are not guaranteed
to be readable by another Qt version (a mismatched blob can misplace docks). Passwords and
tokens never come here: the login dialog stores only the username, instance URL and domain.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime
from typing import Any

from PySide6.QtCore import QByteArray, QPoint, QRect, QSettings, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView, QMainWindow

logger = logging.getLogger(__name__)

_SECRET_WORDS = ("password", "token", "secret", "session")


class AppSettings:
    """Typed access to the app's QSettings (inject a QSettings in tests)."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings if settings is not None else QSettings()

    @property
    def qsettings(self) -> QSettings:
        """The underlying store (tests read it to check that no secret was written)."""
        return self._s

    # --- plain values -------------------------------------------------------------------
    def value(self, key: str, default: str = "") -> str:
        """A remembered text value, or `default`."""
        raw = self._s.value(key, default)
        return raw if isinstance(raw, str) else default

    def set_value(self, key: str, value: str) -> None:
        """Remember a text value; keys that name a secret are refused (a bug, not user input)."""
        if any(word in key.lower() for word in _SECRET_WORDS):
            raise ValueError(f"refusing to store a secret-like key in settings: {key}")
        self._s.setValue(key, value)

    # --- login ---------------------------------------------------------------------------
    def last_login(self) -> dict[str, str]:
        """Last way of logging in and its non-secret fields (username, instance URL, domain)."""
        return {k: self.value(f"login/{k}") for k in ("way", "username", "instance_url", "domain")}

    def save_last_login(self, **values: str) -> None:
        """Remember the non-secret login fields given (way, username, instance_url, domain)."""
        for key, value in values.items():
            self.set_value(f"login/{key}", value)

    # --- sync history ----------------------------------------------------------------------
    def last_success_start(self, org_key: str) -> datetime | None:
        """Start of the latest successful sync of this org (UTC), or None."""
        text = self.value(f"sync/{org_key}/lastSuccessStart")
        try:
            return datetime.fromisoformat(text) if text else None
        except ValueError:
            return None

    def set_last_success_start(self, org_key: str, when: datetime) -> None:
        """Remember when the latest successful sync of this org started."""
        self.set_value(f"sync/{org_key}/lastSuccessStart", when.isoformat())

    # --- filter ----------------------------------------------------------------------------
    def last_filter(self) -> dict[str, Any] | None:
        """The last applied filter as `ErrorFilter.to_dict()` data, or None."""
        text = self.value("filter/last")
        try:
            data = json.loads(text) if text else None
        except ValueError:
            return None
        return data if isinstance(data, dict) else None

    def save_filter(self, data: dict[str, Any]) -> None:
        """Remember the applied filter (`ErrorFilter.to_dict()`), as JSON."""
        self.set_value("filter/last", json.dumps(data, default=str))

    # --- layout -----------------------------------------------------------------------------
    def _layout_key(self, name: str) -> str:
        return f"layout/qt{qVersion()}/{name}"

    def save_window(self, window: QMainWindow, header: QHeaderView) -> None:
        """Remember window geometry, dock layout and the table's column widths and order."""
        self._s.setValue(self._layout_key("geometry"), window.saveGeometry())
        self._s.setValue(self._layout_key("state"), window.saveState())
        self._s.setValue(self._layout_key("header"), header.saveState())

    def restore_window(self, window: QMainWindow, header: QHeaderView) -> bool:
        """Restore what `save_window` kept; the window is moved back onto a screen if needed."""
        geometry = self._s.value(self._layout_key("geometry"))
        restored = isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)
        state = self._s.value(self._layout_key("state"))
        if isinstance(state, QByteArray):
            window.restoreState(state)
        head = self._s.value(self._layout_key("header"))
        if isinstance(head, QByteArray):
            header.restoreState(head)
        if restored:
            clamp_to_screen(window)
        return bool(restored)

    def last_export_dir(self) -> str:
        """Folder of the last CSV export ('' if none yet)."""
        return self.value("export/lastDir")

    def set_last_export_dir(self, folder: str) -> None:
        """Remember the folder of the last CSV export."""
        self.set_value("export/lastDir", folder)


def clamp_to_screen(window: QMainWindow) -> None:
    """Keep a restored window on a screen that still exists, and no larger than it."""
    frame = window.frameGeometry()
    screen = QGuiApplication.screenAt(frame.center()) or QGuiApplication.primaryScreen()
    if screen is None:
        return
    avail: QRect = screen.availableGeometry()
    width = min(window.width(), avail.width())
    height = min(window.height(), avail.height())
    if width != window.width() or height != window.height():
        window.resize(width, height)
    x = min(max(frame.x(), avail.left()), avail.right() - width + 1)
    y = min(max(frame.y(), avail.top()), avail.bottom() - height + 1)
    if (x, y) != (frame.x(), frame.y()):
        window.move(QPoint(x, y))
