"""The archive's `meta` table: named counters and settings of one archive (next row id,
generations, row-key version), read and written inside the caller's transaction."""

from __future__ import annotations

import sqlite3

from syncerr_gui.core.exceptions import ArchiveError
from syncerr_gui.core.sync.row_keys import ROW_KEY_VERSION


def meta_int(con: sqlite3.Connection, key: str) -> int:
    """The integer stored under `key` (0 when absent)."""
    row = con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return int(row[0]) if row else 0


def set_meta(con: sqlite3.Connection, key: str, value: str) -> None:
    """Store `value` under `key`, replacing what was there."""
    con.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def check_row_key_version(con: sqlite3.Connection, name: str) -> None:
    """Refuse to store rows keyed differently from the archived ones (all would look new);
    an archive that records no version yet is given this app's."""
    row = con.execute("SELECT value FROM meta WHERE key = 'row_key_version'").fetchone()
    if row is None:
        set_meta(con, "row_key_version", str(ROW_KEY_VERSION))
    elif row[0] != str(ROW_KEY_VERSION):
        raise ArchiveError(
            f"The error archive {name} identifies rows in another way (version {row[0]}) "
            f"than this app (version {ROW_KEY_VERSION}); it can be read but not added to."
        )
