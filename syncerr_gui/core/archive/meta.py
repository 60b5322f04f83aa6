"""The archive's `meta` table: named counters and settings of one archive (next row id,
generations, row-key version), read and written inside the caller's transaction."""

from __future__ import annotations

import sqlite3


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
