"""Small pieces of the archive in the window: where archives live, a load's result, an org id from the settings."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from syncerr_gui.core.archive.data_dirs import default_data_dir, org_id_18
from syncerr_gui.gui.table.table_data import TableData


def archive_dir_for(data_dir: str | None, demo: bool) -> tuple[Path, bool]:
    """(folder, temporary): `--data-dir`, else a throw-away folder for `--demo` (the demo never
    touches the user's archive), else the user's data folder."""
    if data_dir:
        return Path(data_dir), False
    if demo:
        return Path(tempfile.mkdtemp(prefix="syncerr-demo-archive-")), True
    return default_data_dir(), False


@dataclass
class ArchiveView:
    """What a background load produced, ready for the table."""

    org_id: str
    data: TableData
    last_sync: datetime | None
    new_rows: int
    purged: int


def valid_org(value: str) -> str | None:
    """An 18-character org id, or None for anything else (settings get edited)."""
    try:
        return org_id_18(value) if value else None
    except ValueError:
        return None
