"""Small pieces of the archive in the window: where archives live, a load's result, an org id from the settings."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from syncerr_gui.core.archive.data_dirs import default_data_dir, org_id_18
from syncerr_gui.gui.table.table_data import TableData

DEMO_DIR_NAME = "demo"


def archive_dir_for(data_dir: str | None, demo: bool, screenshot: bool = False) -> tuple[Path, bool]:
    """(folder, temporary): `--data-dir`; else a throw-away folder for `--screenshot` (the
    picture is a first run); else for `--demo` its own folder inside the user's data folder,
    kept between runs so the second run shows history (the user's archives are never
    touched); else the user's data folder."""
    if data_dir:
        return Path(data_dir), False
    if screenshot:
        return Path(tempfile.mkdtemp(prefix="syncerr-demo-archive-")), True
    if demo:
        return default_data_dir() / DEMO_DIR_NAME, False
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
