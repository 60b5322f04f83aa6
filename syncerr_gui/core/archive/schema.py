"""The archive's SQLite schema: DDL as an ordered list of migrations, keyed by `user_version`.

A database opened by this app is brought up to `SCHEMA_VERSION` by running every
migration above its `PRAGMA user_version` (`upgrade.migrate`), all in one transaction
together with the version bump, so a crash mid-migration leaves the previous version
intact. A database written by a newer app (higher version) is refused rather than damaged.

Times are INTEGER nanoseconds since the Unix epoch, UTC (NULL when unknown): they convert
to and from the frame's `datetime64[ns, UTC]` columns without parsing, and index compactly.

Version 3 is the lean archive: the errors are columnar parts (Arrow IPC blobs of codes into
append-only dictionaries, see `encoding.py` and `parts.py`); the tables beside them (syncs,
jobs, meta, and whatever per-org state comes next: triage, reloads) are plain SQLite rows.
A database of version 1 or 2 is copied to a backup file first, then converted in place in
one transaction (`upgrade.py`, `convert_v2.py`). The write lock is taken before the version
is read, so two copies of the app opening a new or old archive at once cannot both migrate it.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable

logger = logging.getLogger(__name__)


# Version 1: errors, jobs, syncs and a key/value meta table.
V1 = """
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
V2 = """
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

# Version 3: the lean, columnar archive (see the module docstring). The rows of `errors` are
# converted into parts by `convert_v2.convert` (a Python step), then the old tables go.
V3 = """
CREATE TABLE parts (
    id              INTEGER PRIMARY KEY,
    rows            INTEGER NOT NULL,
    first_row_id    INTEGER NOT NULL,     -- row ids of a part ascend; ranges of parts never overlap
    last_row_id     INTEGER NOT NULL,
    min_failed_at   INTEGER,              -- ns; NULL when no row has a time
    max_failed_at   INTEGER,
    rows_data       BLOB NOT NULL,        -- Arrow IPC (lz4): row_id, failed_at, sync_id, signature, codes
    keys_data       BLOB NOT NULL,        -- Arrow IPC (zstd): row_key
    input_bytes     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX parts_failed_at ON parts (max_failed_at);

CREATE TABLE part_jobs (
    job_id          TEXT NOT NULL,
    part_id         INTEGER NOT NULL,
    rows            INTEGER NOT NULL,
    PRIMARY KEY (job_id, part_id)
) WITHOUT ROWID;
CREATE INDEX part_jobs_part ON part_jobs (part_id);

CREATE TABLE part_months (
    part_id         INTEGER NOT NULL,
    month           TEXT NOT NULL,        -- YYYY-MM of failed_at, UTC ('' when unknown)
    rows            INTEGER NOT NULL,
    PRIMARY KEY (part_id, month)
) WITHOUT ROWID;

CREATE TABLE part_inputs (
    part_id         INTEGER NOT NULL,
    chunk           INTEGER NOT NULL,
    first_row       INTEGER NOT NULL,     -- rows [first_row, first_row + rows) of the part
    rows            INTEGER NOT NULL,
    min_failed_at   INTEGER,
    max_failed_at   INTEGER,
    months          TEXT NOT NULL,        -- JSON {"YYYY-MM": rows with an input row}: sizes per month
    data            BLOB NOT NULL,        -- Arrow IPC (zstd): input_row ('' once dropped)
    PRIMARY KEY (part_id, chunk)
);

CREATE TABLE dictionary_segments (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,        -- the frame column
    first_code      INTEGER NOT NULL,
    count           INTEGER NOT NULL,
    data            BLOB NOT NULL,        -- Arrow IPC (lz4): the values of codes first_code…
    hashes          BLOB NOT NULL,        -- their 64-bit hashes (little-endian uint64)
    UNIQUE (name, first_code)
);

CREATE TABLE signature_segments (
    first_code      INTEGER PRIMARY KEY,
    count           INTEGER NOT NULL,
    keys            BLOB NOT NULL         -- uint64: error_type code << 48 | object << 32 | source_id
);

CREATE TABLE signature_first_seen (
    chunk           INTEGER PRIMARY KEY,  -- signature codes [chunk * 262144, +262144)
    data            BLOB NOT NULL         -- Arrow IPC (lz4): first_seen ns per code
);

ALTER TABLE jobs ADD COLUMN rows_last_seen INTEGER;  -- ns: when a sync last read the job's rows
ALTER TABLE syncs ADD COLUMN stored_at INTEGER;      -- ns: when its rows were first archived
"""

V3_DROP = """
DROP TABLE errors;
DROP TABLE signatures;
DELETE FROM meta WHERE key = 'generation';
"""


# Version 4: the admin's triage of error groups (`triage.py`). A group is named by its key, a
# hash of its texts (`core/frame/groups.group_key`), never by codes, so a state outlives
# purges, merges and migrations; the texts are kept beside it to read the table alone.
V4 = """
CREATE TABLE group_triage (
    group_key       TEXT PRIMARY KEY,     -- groups.group_key: 32 hex digits of the texts' hash
    state           TEXT NOT NULL,        -- 'Resolved' or 'Ignored' (New, Ongoing, Regressed are derived)
    changed_at      INTEGER NOT NULL,     -- ns: when the admin (or a reload) set it
    failed_on       TEXT NOT NULL,
    error_type      TEXT NOT NULL,
    pattern         TEXT NOT NULL,
    object          TEXT NOT NULL,
    fields          TEXT NOT NULL
) WITHOUT ROWID;

-- the pattern of each message code, kept once computed (pattern_store.py)
CREATE TABLE pattern_segments (
    first_code      INTEGER PRIMARY KEY,  -- message codes [first_code, first_code + count)
    count           INTEGER NOT NULL,
    data            BLOB NOT NULL         -- Arrow IPC (lz4): column pattern, dictionary-encoded
);
"""


def _statements(sql: str) -> list[str]:
    """Split a script into statements (executescript would commit mid-migration)."""
    statements, current = [], ""
    for line in sql.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return [s for s in statements if s]


# Version 5: what the reload loop and the diagnosis keep. Each topic adds its own block of
# statements to V5_PARTS (tables, or columns added with defaults); one migration runs them all.
V5_PARTS: list[str] = []

# The reloads (`reload_ledger.py`): one row per ingest job the app created, PENDING until its
# outcome is known. Who and where in words and ids only, never a token.
V5_RELOADS = """
CREATE TABLE reloads (
    job_id          TEXT PRIMARY KEY,     -- the Bulk API 2.0 ingest job
    started_at      INTEGER NOT NULL,     -- ns
    finished_at     INTEGER,              -- ns: when the outcome was recorded
    username        TEXT NOT NULL,
    org_id          TEXT NOT NULL,
    org_host        TEXT NOT NULL,
    is_production   INTEGER NOT NULL,
    object          TEXT NOT NULL,
    operation       TEXT NOT NULL,
    external_id     TEXT NOT NULL,
    rows            INTEGER NOT NULL,
    state           TEXT NOT NULL,        -- 'pending', then the job's final state
    succeeded       INTEGER NOT NULL,
    failed          INTEGER NOT NULL,
    unprocessed     INTEGER NOT NULL,
    note            TEXT NOT NULL,
    origins         TEXT NOT NULL         -- JSON list: the archived row_key each row came from
);
CREATE INDEX reloads_started ON reloads (started_at);
"""
V5_PARTS.append(V5_RELOADS)
# The diagnosis of each error group as the org explained it, per sync (`diagnosis_cache.py`):
# shown offline with the time it was read; a later sync reads it again.
V5_DIAGNOSES = """
CREATE TABLE IF NOT EXISTS group_diagnoses (
    group_key       TEXT NOT NULL,        -- groups.group_key
    sync_id         INTEGER NOT NULL,     -- syncs.id of the sync it was read for (0: none yet)
    read_at         INTEGER NOT NULL,     -- ns: when the org was read
    status          TEXT NOT NULL,        -- found, nothing, skipped or failed
    headline        TEXT NOT NULL,        -- the one line (the CSV's Diagnosis column)
    body            TEXT NOT NULL,        -- JSON: the whole diagnosis (Diagnosis.to_json)
    PRIMARY KEY (group_key, sync_id)
) WITHOUT ROWID;
"""
V5_PARTS.append(V5_DIAGNOSES)
# The reload loop's results (`reloaded.py`): which archived errors a reload loaded
# successfully, and which rows of a reload job retried which archived error (a failure of
# the reload job is then a "reload of" that error once a sync archives it). An error is
# named by its archive identity (job, batch, row key): stored rows are never rewritten.
V5_RELOADED = """
CREATE TABLE reloaded_errors (
    job_id          TEXT NOT NULL,        -- the original error's job, batch and row key
    batch_id        TEXT NOT NULL,
    row_key         TEXT NOT NULL,
    reloaded_in     TEXT NOT NULL,        -- the reload job that loaded the row successfully
    reloaded_at     INTEGER NOT NULL,     -- ns: when its outcome was recorded
    PRIMARY KEY (job_id, batch_id, row_key)
) WITHOUT ROWID;

CREATE TABLE reload_links (
    reload_job_id   TEXT NOT NULL,        -- the reload job whose row failed again
    fingerprint     TEXT NOT NULL,        -- hash of the row's uploaded values (its input row)
    occurrence      INTEGER NOT NULL,     -- tells identical rows of one reload apart
    job_id          TEXT NOT NULL,        -- the original error it retried
    batch_id        TEXT NOT NULL,
    row_key         TEXT NOT NULL,
    linked_at       INTEGER NOT NULL,
    PRIMARY KEY (reload_job_id, fingerprint, occurrence)
) WITHOUT ROWID;
"""
V5_PARTS.append(V5_RELOADED)

SCHEMA_VERSION = 5  # the migrations that reach it: `upgrade.MIGRATIONS`


def script(sql: str) -> Callable[[sqlite3.Connection], None]:
    """A migration step that runs `sql` statement by statement (inside the caller's transaction)."""

    def run(con: sqlite3.Connection) -> None:
        for statement in _statements(sql):
            con.execute(statement)

    return run
