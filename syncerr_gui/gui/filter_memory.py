"""The filter the admin chose, kept per org, and a sync that never silently changes it.

Each org has its own remembered filter (a search for one org's message must not empty the
table of another at the next start). With it is whether the time window is the admin's
own: a sync then keeps their From/To and says so when the default window has moved; an
untouched window follows the default (five days before the latest successful sync). A
window the admin opened further back than the default also widens what the next sync reads.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any, Protocol

from syncerr_gui.core.archive.data_dirs import org_id_18
from syncerr_gui.core.frame.filtering import ErrorFilter
from syncerr_gui.core.time_window import default_since, post_sync_filter
from syncerr_gui.gui import settings_keys as keys
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.i18n import tr
from syncerr_gui.gui.local_time import date_layout, local_zone
from syncerr_gui.gui.panes.filter_dock import FilterDock
from syncerr_gui.gui.table.error_table_model import ErrorTableModel

logger = logging.getLogger(__name__)

# "From" unticked by the admin: a sync reads every job the org still lists (Salesforce keeps 7 days).
EARLIEST_SINCE = datetime(2000, 1, 1, tzinfo=UTC)


class FilterHost(Protocol):
    """What the filter memory uses of the main window."""

    @property
    def settings(self) -> AppSettings: ...

    @property
    def filter_dock(self) -> FilterDock: ...

    @property
    def model(self) -> ErrorTableModel: ...


def org_key(org_id: str | None) -> str:
    """The 18-character org id a setting is kept under ('' for none or a malformed one)."""
    try:
        return org_id_18(org_id) if org_id else ""
    except ValueError:
        return ""


class FilterMemory:
    """Restores, saves and carries across syncs the filter of the org on screen."""

    def __init__(self, host: FilterHost) -> None:
        self._host = host
        self.org = ""  # whose filter the dock shows

    def restore_at_start(self) -> None:
        """The filter of the org shown at start: the archive's, else the last one on screen."""
        settings = self._host.settings
        self.restore(settings.get(keys.ARCHIVE_LAST_ORG) or settings.get(keys.FILTER_LAST_ORG))

    def restore(self, org_id: str | None) -> None:
        """Show `org_id`'s remembered filter (a fresh one when it has none)."""
        self.org = org_key(org_id)
        if self.org:
            self._host.settings.set(keys.FILTER_LAST_ORG, self.org)
        saved = self._host.settings.last_filter(self.org) or {}
        flt = ErrorFilter.from_dict(saved) if saved else ErrorFilter()
        dock = self._host.filter_dock
        default = _parse_time(saved.get("default_start"))
        dock.set_default_window(default, None)
        dock.set_filter(flt, own_window=bool(saved.get("own_window")))
        self._host.model.set_filter(flt)

    def follow(self, org_id: str | None) -> None:
        """Another org came on screen: show its filter (nothing changes for the same org)."""
        if org_key(org_id) != self.org:
            self.restore(org_id)

    def save(self, flt: ErrorFilter) -> None:
        """Remember `flt` for the org on screen, with whether its window is the admin's."""
        dock = self._host.filter_dock
        data = flt.to_dict() | {
            "own_window": dock.own_window,
            "default_start": dock.default_start.isoformat() if dock.default_start else None,
        }
        self._host.settings.save_filter(self.org, data)

    def sync_since(self) -> datetime | None:
        """Where the next sync starts reading: the admin's From when it lies before the default
        window (EARLIEST_SINCE when unticked), else None (the default rule)."""
        dock = self._host.filter_dock
        if not dock.own_window:
            return None
        start = self._host.model.current_filter.start
        if start is None:
            return EARLIEST_SINCE
        default = dock.default_start
        return start if default is None or start < default else None

    def after_sync(self, result: Any) -> str:
        """Apply the window after a finished sync; a note when the admin's window was kept
        while the default moved (else '')."""
        dock = self._host.filter_dock
        own, before = dock.own_window, dock.default_start
        flt = post_sync_filter(dock.current_filter(), result, own_window=own)
        new_default = default_since(result.started_at)
        dock.set_default_window(new_default, None)
        dock.set_filter(flt)
        self._host.model.set_filter(flt)
        self.save(flt)
        moved = before is None or abs((new_default - before).total_seconds()) >= 60
        if not own or not moved:
            return ""
        starts = new_default.astimezone(local_zone()).strftime(date_layout(with_seconds=False))
        return tr(
            "Your time window is kept; the default window now starts {start} (Reset under Filters uses it)."
        ).format(start=starts)


def _parse_time(value: object) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None
    return moment if moment is None or moment.tzinfo is not None else moment.replace(tzinfo=UTC)
