"""Bringing an archive database up to `schema.SCHEMA_VERSION`, one transaction for all steps.

Kept apart from `schema.py` (the DDL) because the step to version 3 converts rows with the
archive's own encoders (`convert_v2.py`), which stand above the schema.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable

import pyarrow as pa

from syncerr_gui.core.archive import convert_v2
from syncerr_gui.core.archive.encoding import Dictionaries
from syncerr_gui.core.archive.parts import ADDED_COLUMNS, CODE_COLUMNS
from syncerr_gui.core.archive.schema import SCHEMA_VERSION, V1, V2, V3, V3_DROP, V4, V5_PARTS, script
from syncerr_gui.core.exceptions import ArchiveError

logger = logging.getLogger(__name__)

Migration = Callable[[sqlite3.Connection], None]


def _v3(con: sqlite3.Connection) -> None:
    script(V3)(con)
    convert_v2.convert(con)
    script(V3_DROP)(con)


def _v4(con: sqlite3.Connection) -> None:
    """Triage and kept patterns (tables), and the text "" as code 0 of each column added in 4,
    which is what the parts written before read for it."""
    script(V4)(con)
    _empty_codes(con, 4)


def _empty_codes(con: sqlite3.Connection, version: int) -> None:
    """The text "" as code 0 of each column added in `version` (what older parts read for it)."""
    dictionaries = Dictionaries(CODE_COLUMNS)
    dictionaries.refresh(con, with_hashes=True)
    for name in (name for name, added in ADDED_COLUMNS.items() if added == version):
        dictionary = dictionaries[name]
        if len(dictionary):
            raise ArchiveError(f"The error archive already has values of {name}; it cannot be upgraded.")
        _codes, values, hashes = dictionary.encode(pa.array([""], pa.large_string()))
        dictionaries.write_segment(con, name, 0, values, hashes)


# MIGRATIONS[i] brings a database from user_version i to i + 1.
def _v5(con: sqlite3.Connection) -> None:
    """The reload loop's and the diagnosis's tables (`schema.V5_PARTS`), and the columns added in 5."""
    script("\n".join(V5_PARTS))(con)
    _empty_codes(con, 5)


MIGRATIONS: list[Migration] = [script(V1), script(V2), _v3, _v4, _v5]
assert len(MIGRATIONS) == SCHEMA_VERSION


def schema_version(con: sqlite3.Connection) -> int:
    return int(con.execute("PRAGMA user_version").fetchone()[0])


def migrate(con: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring `con` up to `target` in one transaction; returns the version it was at.

    The write lock comes first: a second copy of the app opening the same old (or new)
    archive waits for the first one's migration, then finds nothing left to do.
    """
    version = schema_version(con)
    if version > SCHEMA_VERSION:
        raise ArchiveError(
            "This error archive was written by a newer version of the app; update the app to open it."
        )
    if version >= target:
        return version
    con.execute("BEGIN IMMEDIATE")
    try:
        version = schema_version(con)  # under the lock: another copy may have migrated it
        for step in range(version, target):
            MIGRATIONS[step](con)
            con.execute(f"PRAGMA user_version = {step + 1}")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
    if version < target:
        logger.info("Archive schema migrated from version %d to %d", version, target)
    return version
