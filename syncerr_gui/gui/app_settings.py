"""What the app remembers between runs (QSettings): choices and UI state, never a secret.

The keys, their types, defaults and sections are declared once in `settings_keys.py`.

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

from syncerr_gui.core.time_window import plausible_time
from syncerr_gui.gui import settings_keys as keys
from syncerr_gui.gui.settings_keys import SETTINGS_VERSION, Setting, T

logger = logging.getLogger(__name__)

_SECRET_WORDS = ("password", "token", "secret", "session")


class AppSettings:
    """Typed access to the app's QSettings (inject a QSettings in tests).

    Every key is declared once in `gui/settings_keys.py`; `get`/`set` read and write one
    declared setting in its type. Opening the settings migrates them to `SETTINGS_VERSION`.
    """

    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings if settings is not None else QSettings()
        self.migrate()

    @property
    def qsettings(self) -> QSettings:
        """The underlying store (tests read it to check that no secret was written)."""
        return self._s

    # --- the table's settings -------------------------------------------------------------
    def get(self, setting: Setting[T], **parts: str) -> T | None:
        """The stored value of `setting` in its type, or its default (also for a malformed value,
        and for a time outside 2000–2200: `time_window.plausible_time` drops it with a log line)."""
        raw = self._s.value(setting.key_for(**parts))
        if raw is None:
            return setting.default
        parsed = _parse(setting.type, raw)
        if setting.type is datetime and parsed is not None:  # a hand-edited 9999-12-31 overflowed every sync
            parsed = plausible_time(parsed, f"the setting {setting.key_for(**parts)}")
        return parsed if parsed is not None else setting.default

    def set(self, setting: Setting[T], value: T, **parts: str) -> None:
        """Store `value` for `setting` (text for text, numbers and flags; blobs as they are)."""
        key = setting.key_for(**parts)
        _refuse_secret(key)
        self._s.setValue(key, value if isinstance(value, QByteArray) else _text(value))

    def migrate(self) -> None:
        """Bring stored values to the current form, one version step at a time."""
        version = self.get(keys.VERSION) or 0
        if version >= SETTINGS_VERSION:
            return
        if version < 1 and self._s.value(keys.ARCHIVE_NEW_COLUMN_PLACED.key) == "1":
            self.set(keys.ARCHIVE_NEW_COLUMN_PLACED, True)  # version 1: flags are "true"/"false"
        if version < 2:
            self._move_filter_to_its_org()  # version 2: one filter per org
        self.set(keys.VERSION, SETTINGS_VERSION)

    def _move_filter_to_its_org(self) -> None:
        """The one filter of version 1 belonged to the org shown at start; others start fresh."""
        old = self._s.value(keys.LEGACY_LAST_FILTER_KEY)
        self._s.remove(keys.LEGACY_LAST_FILTER_KEY)
        org = self.get(keys.ARCHIVE_LAST_ORG) or ""
        if isinstance(old, str) and old and org:
            self.set(keys.LAST_FILTER, old, org=org)

    # --- plain values -------------------------------------------------------------------
    def value(self, key: str, default: str = "") -> str:
        """The stored text of a declared key, or `default`."""
        raw = self._s.value(key, default)
        return raw if isinstance(raw, str) else default

    def set_value(self, key: str, value: str) -> None:
        """Store text under a declared key; keys that name a secret or are not declared are
        refused (a bug, not user input)."""
        _refuse_secret(key)
        if not keys.declared(key):
            raise ValueError(f"settings key not declared in settings_keys.py: {key}")
        self._s.setValue(key, value)

    # --- login ---------------------------------------------------------------------------
    def last_login(self) -> dict[str, str]:
        """Last way of logging in and its non-secret fields (username, instance URL, domain)."""
        fields = (keys.LOGIN_WAY, keys.LOGIN_USERNAME, keys.LOGIN_INSTANCE_URL, keys.LOGIN_DOMAIN)
        return {f.key.split("/", 1)[1]: self.get(f) or "" for f in fields}

    def save_last_login(self, **values: str) -> None:
        """Remember the non-secret login fields given (way, username, instance_url, domain)."""
        for key, value in values.items():
            self.set_value(f"login/{key}", value)

    # --- sync history ----------------------------------------------------------------------
    def last_success_start(self, org_key: str) -> datetime | None:
        """Start of the latest successful sync of this org (UTC), or None (the archive, when
        there is one, is the truth: see `gui/sync_worker.py`)."""
        return self.get(keys.LAST_SUCCESS_START, org=org_key)

    def set_last_success_start(self, org_key: str, when: datetime) -> None:
        """Remember when the latest successful sync of this org started."""
        self.set(keys.LAST_SUCCESS_START, when, org=org_key)

    # --- filter ----------------------------------------------------------------------------
    def last_filter(self, org: str) -> dict[str, Any] | None:
        """The last filter applied to `org`'s errors as `ErrorFilter.to_dict()` data (plus
        "own_window": whether the admin set its time window), or None."""
        text = self.get(keys.LAST_FILTER, org=org) if org else ""
        try:
            data = json.loads(text) if text else None
        except ValueError:
            return None
        return data if isinstance(data, dict) else None

    def save_filter(self, org: str, data: dict[str, Any]) -> None:
        """Remember the filter applied to `org`'s errors, as JSON (nothing without an org)."""
        if org:
            self.set(keys.LAST_FILTER, json.dumps(data, default=str), org=org)

    # --- layout -----------------------------------------------------------------------------
    def save_window(self, window: QMainWindow, header: QHeaderView) -> None:
        """Remember window geometry, dock layout and the table's column widths and order."""
        qt = qVersion()
        self.set(keys.LAYOUT_GEOMETRY, window.saveGeometry(), qt=qt)
        self.set(keys.LAYOUT_STATE, window.saveState(), qt=qt)
        self.set(keys.LAYOUT_HEADER, header.saveState(), qt=qt)

    def restore_window(self, window: QMainWindow, header: QHeaderView) -> bool:
        """Restore what `save_window` kept; the window is moved back onto a screen if needed."""
        qt = qVersion()
        geometry = self.get(keys.LAYOUT_GEOMETRY, qt=qt)
        restored = geometry is not None and window.restoreGeometry(geometry)
        state = self.get(keys.LAYOUT_STATE, qt=qt)
        if state is not None:
            window.restoreState(state)
        head = self.get(keys.LAYOUT_HEADER, qt=qt)
        if head is not None:
            header.restoreState(head)
        if restored:
            clamp_to_screen(window)
        return bool(restored)

    def last_export_dir(self) -> str:
        """Folder of the last CSV export ('' if none yet)."""
        return self.get(keys.LAST_EXPORT_DIR) or ""

    def set_last_export_dir(self, folder: str) -> None:
        """Remember the folder of the last CSV export."""
        self.set(keys.LAST_EXPORT_DIR, folder)


def _refuse_secret(key: str) -> None:
    if any(word in key.lower() for word in _SECRET_WORDS):
        raise ValueError(f"refusing to store a secret-like key in settings: {key}")


def _parse(kind: type[Any], raw: object) -> Any:
    """`raw` (what QSettings returns: text, or a QByteArray) as `kind`; None when malformed."""
    if kind is QByteArray:
        return raw if isinstance(raw, QByteArray) else None
    if not isinstance(raw, str):
        return None
    if kind is str:
        return raw
    if kind is bool:
        return {"true": True, "false": False, "1": True, "0": False}.get(raw.lower())
    if kind is int:
        return int(raw) if raw.strip().lstrip("-").isdigit() else None
    try:
        return datetime.fromisoformat(raw) if raw else None
    except ValueError:
        return None


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


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
