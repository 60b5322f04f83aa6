"""The archive's SQLite schema: DDL as an ordered list of migrations, keyed by `user_version`.

A database opened by this app is brought up to `SCHEMA_VERSION` by running every
migration above its `PRAGMA user_version`, each in its own transaction together with the
version bump, so a crash mid-migration leaves the previous version intact. A database
written by a newer app (higher version) is refused rather than damaged.

Times are INTEGER nanoseconds since the Unix epoch, UTC (NULL when unknown): they convert
to and from the frame's `datetime64[ns, UTC]` columns without parsing, and index compactly.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable

from syncerr_gui.core.exceptions import ArchiveError

logger = logging.getLogger(__name__)


# Version 1: errors, jobs, syncs and a key/value meta table.
_V1 = """
CREATE TABLE errors (
    id              INTEGER PRIMARY KEY,
    failed_on       TEXT NOT NULL,
    failed_at       INTEGER,              -- ns since epoch, UTC
    error_type      TEXT NOT NULL,
    message         TEXT NOT NULL,
    fields          TEXT NOT NULL,
    object          TEXT NOT NULL,
    operation       TEXT NOT NULL,
    salesforce_id   TEXT NOT NULL,
    source_id       TEXT NOT NULL,
    job_id          TEXT NOT NULL,
    batch_id        TEXT NOT NULL,
    source          TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    input_row       TEXT NOT NULL,
    row_key         TEXT NOT NULL,
    sync_id         INTEGER NOT NULL,     -- the sync that first archived the row
    first_archived  INTEGER NOT NULL,     -- ns: when the archive first stored the row
    last_seen       INTEGER NOT NULL,     -- ns: when a sync last read the row's job
    -- identity of a row; job_id leads so the per-job look-ups of `store` use this index
    UNIQUE (job_id, source, batch_id, row_key)
);
CREATE INDEX errors_failed_at ON errors (failed_at);

CREATE TABLE jobs (
    job_id              TEXT PRIMARY KEY,
    source              TEXT NOT NULL,
    state               TEXT NOT NULL,
    system_modstamp     TEXT NOT NULL,    -- exactly as Salesforce sent it (skip_jobs compares it)
    modstamp_at         INTEGER,          -- the same as ns, for window arithmetic
    finished            INTEGER NOT NULL,
    object              TEXT NOT NULL,
    operation           TEXT NOT NULL,
    error_rows          INTEGER NOT NULL,
    archived_modstamp   TEXT,             -- systemModstamp at which all its errors were stored
    first_archived      INTEGER NOT NULL,
    last_seen_in_list   INTEGER NOT NULL,
    deleted_from_org    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE syncs (
    id              INTEGER PRIMARY KEY,
    started_at      INTEGER NOT NULL,
    finished_at     INTEGER NOT NULL,
    since           INTEGER,
    until           INTEGER,
    cancelled       INTEGER NOT NULL,
    success         INTEGER NOT NULL,
    rows            INTEGER NOT NULL,
    new_rows        INTEGER NOT NULL,
    requests_made   INTEGER NOT NULL,
    problems        TEXT NOT NULL         -- JSON list of {source, job_id, reason}
);
CREATE INDEX syncs_started_at ON syncs (started_at);

CREATE TABLE meta (
    key     TEXT PRIMARY KEY,
    value   TEXT NOT NULL
);
"""

# Version 2: error signatures (type + object + source ID), backfilled from existing rows.
_V2 = """
CREATE TABLE signatures (
    id              INTEGER PRIMARY KEY,
    error_type      TEXT NOT NULL,
    object          TEXT NOT NULL,
    source_id       TEXT NOT NULL,
    first_seen      INTEGER,              -- ns: earliest failed_at of its archived rows
    last_seen       INTEGER,              -- ns: latest failed_at of its archived rows
    count           INTEGER NOT NULL,     -- archived rows with this signature
    first_archived  INTEGER NOT NULL,     -- ns: when the archive first stored it
    UNIQUE (error_type, object, source_id)
);
INSERT INTO signatures (error_type, object, source_id, first_seen, last_seen, count, first_archived)
    SELECT error_type, object, source_id, MIN(failed_at), MAX(failed_at), COUNT(*), MIN(first_archived)
    FROM errors GROUP BY error_type, object, source_id;
-- the snapshot file (if any) predates signatures: make it stale
INSERT INTO meta (key, value) VALUES ('generation', '0')
    ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1;
"""

Migration = Callable[[sqlite3.Connection], None]


def _script(sql: str) -> Migration:
    def run(con: sqlite3.Connection) -> None:
        for statement in _statements(sql):
            con.execute(statement)

    return run


def _statements(sql: str) -> list[str]:
    """Split a script into statements (executescript would commit mid-migration)."""
    statements, current = [], ""
    for line in sql.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return [s for s in statements if s]


# MIGRATIONS[i] brings a database from user_version i to i + 1.
MIGRATIONS: list[Migration] = [_script(_V1), _script(_V2)]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(con: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring `con` up to `target`; returns the version it was at. Each step is atomic."""
    version = con.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise ArchiveError(
            "This error archive was written by a newer version of the app; update the app to open it."
        )
    for step in range(version, target):
        con.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[step](con)
            con.execute(f"PRAGMA user_version = {step + 1}")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
        logger.info("Archive schema migrated to version %d", step + 1)
    return version
