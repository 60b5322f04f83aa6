"""Every key the app keeps in QSettings, declared once: key, type, default, and what it is.

`CHOICE` settings are what the user chose (how to log in with the browser, how long the
archive keeps errors): they are kept across versions and migrated. `REMEMBERED` settings are
UI state the app remembers for convenience (last filter, window layout, last login fields):
losing them costs nothing but a click. Nothing here is ever a secret (`AppSettings` refuses
keys that look like one); tokens live in the OS keyring only.

Keys with `{org}` or `{qt}` are templates, filled by `Setting.key_for` (an org id, the Qt
version: Qt does not promise that a layout blob of one version restores in another).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray

T = TypeVar("T", str, int, bool, datetime, QByteArray)

SETTINGS_VERSION = 2  # raise it with a step in AppSettings.migrate when a stored value changes form


class Section(StrEnum):
    """What a setting is: the user's choice, or UI state the app remembers."""

    CHOICE = "choice"
    REMEMBERED = "remembered"


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One settings key: its type and default (for `AppSettings.get` / `set`), and its section."""

    key: str
    type: type[T]
    default: T | None
    section: Section
    doc: str = ""
    pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        parts = re.split(r"\{\w+\}", self.key)
        object.__setattr__(self, "pattern", re.compile("[^/]+".join(re.escape(p) for p in parts) + r"\Z"))

    def key_for(self, **parts: str) -> str:
        """The concrete key (`org=`, `qt=` fill a template key)."""
        return self.key.format(**parts) if parts else self.key


CHOICE, REMEMBERED = Section.CHOICE, Section.REMEMBERED

VERSION = Setting("app/settingsVersion", int, 0, REMEMBERED, "Form of the stored values (migrate)")

LOGIN_WAY = Setting("login/way", str, "", REMEMBERED, "The way of logging in used last")
LOGIN_USERNAME = Setting("login/username", str, "", REMEMBERED, "Last username")
LOGIN_INSTANCE_URL = Setting("login/instance_url", str, "", REMEMBERED, "Last instance URL")
LOGIN_DOMAIN = Setting("login/domain", str, "", REMEMBERED, "Last login domain (password login)")

BROWSER_LOGIN_URL = Setting("browserLogin/loginUrl", str, "", CHOICE, "Browser login: the login host")
BROWSER_CLIENT_ID = Setting("browserLogin/clientId", str, "", CHOICE, "External Client App consumer key")
BROWSER_CALLBACK_PORT = Setting("browserLogin/callbackPort", int, 1717, CHOICE, "Loopback redirect port")
BROWSER_REMEMBER = Setting(
    "browserLogin/remember", bool, False, CHOICE, '"Remember me" (tokens in the keyring)'
)
BROWSER_ORG_KEY = Setting("browserLogin/orgKey", str, "", REMEMBERED, "Keyring entry of the remembered login")

NETWORK_CA_BUNDLE = Setting(
    "network/{org}/caBundle", str, "", CHOICE, 'Login dialog "Trust this certificate": a PEM path, per org'
)
NETWORK_PROXY = Setting("network/{org}/proxy", str, "", CHOICE, "Login dialog proxy (no password), per org")
NETWORK_LAST_ORG = Setting(
    "network/lastOrg", str, "", REMEMBERED, "Org whose network choices the dialog shows"
)

ARCHIVE_RETENTION_DAYS = Setting(
    "archive/retentionDays", int, None, CHOICE, "Days the archive keeps errors (unset: the archive's default)"
)
ARCHIVE_LAST_ORG = Setting("archive/lastOrgId", str, "", REMEMBERED, "Org whose archive shows at start")
ARCHIVE_NEW_COLUMN_PLACED = Setting(
    "archive/newColumnPlaced", bool, False, REMEMBERED, '"New" column moved first (done once)'
)

LAST_SUCCESS_START = Setting(
    "sync/{org}/lastSuccessStart",
    datetime,
    None,
    REMEMBERED,
    "Last successful sync (when there is no archive)",
)
LAST_FILTER = Setting(
    "filter/{org}/last",
    str,
    "",
    REMEMBERED,
    "The last applied filter of this org (JSON, with whether its time window is the admin's own)",
)
FILTER_LAST_ORG = Setting(
    "filter/lastOrg", str, "", REMEMBERED, "Org whose filter shows at start when no archive is shown"
)
LEGACY_LAST_FILTER_KEY = "filter/last"  # version 1: one filter for every org (moved by migrate)
LAST_EXPORT_DIR = Setting("export/lastDir", str, "", REMEMBERED, "Folder of the last CSV export")
EXPORT_FOR_EXCEL = Setting(
    "export/forExcel", bool, False, CHOICE, 'Export "for Excel": UTF-8 with BOM, the locale\'s list separator'
)

WATCH_EVERY_MINUTES = Setting(
    "watch/everyMinutes", int, 0, CHOICE, "Watching: sync every 15, 30 or 60 minutes (0: off)"
)
WATCH_IN_TRAY = Setting(
    "watch/keepInTray", bool, False, CHOICE, "Watching: keep watching in the tray when the window is closed"
)
WATCH_BURST_ERRORS = Setting(
    "watch/burstErrors",
    int,
    0,
    CHOICE,
    "Watching: tell when one sync brings more errors than this (0: never)",
)

LANGUAGE = Setting(
    "view/language", str, "", CHOICE, 'View › Language: "en", "fr" ("": follow the system\'s language)'
)

LAYOUT_GEOMETRY = Setting("layout/qt{qt}/geometry", QByteArray, None, REMEMBERED, "Window geometry")
LAYOUT_STATE = Setting("layout/qt{qt}/state", QByteArray, None, REMEMBERED, "Dock layout")
LAYOUT_HEADER = Setting("layout/qt{qt}/header", QByteArray, None, REMEMBERED, "Column widths and order")

ALL: tuple[Setting[str] | Setting[int] | Setting[bool] | Setting[datetime] | Setting[QByteArray], ...] = (
    VERSION,
    LOGIN_WAY,
    LOGIN_USERNAME,
    LOGIN_INSTANCE_URL,
    LOGIN_DOMAIN,
    BROWSER_LOGIN_URL,
    BROWSER_CLIENT_ID,
    BROWSER_CALLBACK_PORT,
    BROWSER_REMEMBER,
    BROWSER_ORG_KEY,
    NETWORK_CA_BUNDLE,
    NETWORK_PROXY,
    NETWORK_LAST_ORG,
    ARCHIVE_RETENTION_DAYS,
    ARCHIVE_LAST_ORG,
    ARCHIVE_NEW_COLUMN_PLACED,
    LAST_SUCCESS_START,
    LAST_FILTER,
    FILTER_LAST_ORG,
    LAST_EXPORT_DIR,
    EXPORT_FOR_EXCEL,
    WATCH_EVERY_MINUTES,
    WATCH_IN_TRAY,
    WATCH_BURST_ERRORS,
    LANGUAGE,
    LAYOUT_GEOMETRY,
    LAYOUT_STATE,
    LAYOUT_HEADER,
)


def declared(key: str) -> bool:
    """True when `key` is one of the table's keys (a template key filled in counts)."""
    return any(setting.pattern.match(key) for setting in ALL)
