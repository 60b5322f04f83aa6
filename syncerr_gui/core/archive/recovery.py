"""A damaged archive: kept aside (renamed, never deleted), and what its readable pages hold
recovered into a new archive, with a sentence telling what was recovered and what was lost.

`open_database` runs `PRAGMA quick_check` on every existing archive it opens (and treats
"not a database" / "malformed" at open the same way). On a failure the file and its
`-wal` are renamed `<name>.damaged-<UTC time>`, a new archive of today's schema is made in
its place, and every table is copied row by row from the damaged file, read only; a row
that cannot be read ends that table's copy after a few bounded attempts to read past it.
Parts are then checked one by one (their blobs decode; every code has its dictionary
value and signature), the others dropped; `part_jobs` and `part_months` are rebuilt from
the parts themselves, and jobs whose errors were lost lose their "archived" mark, so the
next sync reads them again while Salesforce still holds them.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pyarrow as pa

from syncerr_gui.core.archive import maintenance
from syncerr_gui.core.archive.codebook import Codebook, signature_keys
from syncerr_gui.core.archive.encoding import Dictionaries, from_blob
from syncerr_gui.core.archive.meta import set_meta
from syncerr_gui.core.archive.parts import CODE_COLUMNS, code_column, delete_part, month_counts

logger = logging.getLogger(__name__)

_REBUILT = ("part_jobs", "part_months")  # derived from the parts: rebuilt, not copied
_PROBES = 20_000  # rowids looked up one by one past a b-tree that broke off (bounded)
RECOVERY_NOTE = "recovery_note"  # meta: what the last recovery kept, until the admin was told


@dataclass(frozen=True)
class Recovery:
    """What a recovery kept: the damaged file's new name, errors recovered and lost."""

    damaged: Path
    problem: str
    rows: int
    parts_lost: int
    rows_lost: int | None  # None: how many is unknown (the parts table itself was damaged)
    tables_short: tuple[str, ...]

    def note(self, name: str) -> str:
        """The sentence for the admin."""
        lost = "no error was lost"
        if self.parts_lost or self.rows_lost or self.rows_lost is None:
            count = (
                f"{self.rows_lost:,} errors" if self.rows_lost is not None else "an unknown number of errors"
            )
            lost = f"{count} could not be recovered (the next sync reads them again while Salesforce still holds them)"
        short = f"; rows of {', '.join(self.tables_short)} were lost" if self.tables_short else ""
        return (
            f"The error archive {name} was damaged ({self.problem}). It was kept as {self.damaged.name} "
            f"and a new archive made from what it held: {self.rows:,} errors recovered, {lost}{short}."
        )


def take_recovery_note(con: sqlite3.Connection) -> str:
    """What the last recovery of this archive kept and lost, once ("" when there is none)."""
    row = con.execute("SELECT value FROM meta WHERE key = ?", (RECOVERY_NOTE,)).fetchone()
    if row is None:
        return ""
    try:
        con.execute("DELETE FROM meta WHERE key = ?", (RECOVERY_NOTE,))
    except sqlite3.OperationalError as exc:  # another copy is writing: it is said next time too
        logger.debug("recovery note kept: %s", exc)
    return str(row[0])


def is_damage(exc: BaseException) -> bool:
    """Whether SQLite says the file itself is damaged (not busy, not full, not missing)."""
    text = str(exc).lower()
    return isinstance(exc, sqlite3.DatabaseError) and ("malformed" in text or "not a database" in text)


def integrity_problem(con: sqlite3.Connection) -> str:
    """ "" when `PRAGMA quick_check` passes, else its first finding (or the error it raised)."""
    try:
        rows = con.execute("PRAGMA quick_check(1)").fetchall()
    except sqlite3.DatabaseError as exc:
        if not is_damage(exc):
            raise
        return str(exc)
    first = str(rows[0][0]) if rows else "no answer"
    return "" if first == "ok" else first[:200]


def recover(path: Path, problem: str, make_new: Callable[[Path], sqlite3.Connection]) -> Recovery:
    """Keep `path` aside, make a new archive there (`make_new`) and copy what is readable."""
    damaged = _set_aside(path)
    new = make_new(path)
    try:
        with closing(_open_damaged(damaged)) as old:
            short, rows_before = _copy_tables(old, new)
        new.execute("BEGIN IMMEDIATE")
        lost_parts, rows = _check_parts(new)
        _forget_lost_jobs(new)
        rows_lost = None if rows_before is None else max(0, rows_before - rows)
        report = Recovery(damaged, problem, rows, lost_parts, rows_lost, tuple(short))
        set_meta(new, RECOVERY_NOTE, report.note(path.name))  # told once: `ErrorArchive.take_recovery_note`
        new.execute("COMMIT")
    finally:
        new.close()
    logger.warning("%s", report.note(path.name))
    return report


def _set_aside(path: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    damaged = path.with_name(f"{path.name}.damaged-{stamp}")
    for n in range(2, 1000):  # never over an earlier damaged copy
        if not damaged.exists():
            break
        damaged = path.with_name(f"{path.name}.damaged-{n}-{stamp}")
    for suffix in ("-wal", "-shm", ""):  # the log with its database: it may hold committed pages
        source = path.with_name(path.name + suffix)
        if source.exists():
            os.replace(source, damaged.with_name(damaged.name + suffix))
    return damaged


def _open_damaged(damaged: Path) -> sqlite3.Connection:
    # immutable: no -shm or -wal made beside it, no lock taken (nobody else uses the renamed file)
    con = sqlite3.connect(f"{damaged.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    # before the schema is first read: SQLite refuses a schema naming pages past the end of a
    # truncated file ("malformed") unless it may read it unchecked
    con.execute("PRAGMA writable_schema = ON")
    con.text_factory = bytes  # damaged text must not stop the copy; it is stored as it was
    return con


def _copy_tables(old: sqlite3.Connection, new: sqlite3.Connection) -> tuple[list[str], int | None]:
    """Copy each table of the new schema that the damaged file has; (tables not read whole,
    the damaged file's own count of errors, or None when unreadable)."""
    short: list[str] = []
    names = [r[0] for r in new.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    try:
        old_names = {
            r[0].decode() for r in old.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
    except sqlite3.DatabaseError:
        return names, None  # not even its schema is readable: nothing to copy
    new.execute("BEGIN IMMEDIATE")
    for name in names:
        copied = name not in old_names or name in _REBUILT or name == "sqlite_sequence"
        if not copied and not _copy_table(old, new, name):
            short.append(name)
    new.execute("COMMIT")
    try:
        rows_before = int(old.execute("SELECT COALESCE(SUM(rows), 0) FROM parts").fetchone()[0])
    except sqlite3.DatabaseError:
        rows_before = None
    return short, rows_before


def _copy_table(old: sqlite3.Connection, new: sqlite3.Connection, name: str) -> bool:
    """Copy the readable rows of `name`; True when every row was read."""
    columns = [r[1] for r in new.execute(f"PRAGMA table_info({name})")]
    have = {
        r[1].decode() if isinstance(r[1], bytes) else r[1] for r in old.execute(f"PRAGMA table_info({name})")
    }
    wanted = [c for c in columns if c in have]
    listed = ", ".join(wanted)
    insert = f"INSERT OR IGNORE INTO {name} ({listed}) VALUES ({', '.join('?' * len(wanted))})"
    if _without_rowid(new, name):  # small state tables: one pass
        try:
            new.executemany(
                insert, ([_decoded(v) for v in row] for row in old.execute(f"SELECT {listed} FROM {name}"))
            )
            return True
        except sqlite3.DatabaseError as exc:
            logger.info("archive recovery: %s unreadable: %s", name, exc)
            return False
    ids, whole = _rowids(old, name)
    for rowid in ids:  # one row at a time: a damaged one costs only itself
        try:
            row = old.execute(f"SELECT {listed} FROM {name} WHERE rowid = ?", (rowid,)).fetchone()
        except sqlite3.DatabaseError:
            whole = False
            continue
        new.execute(insert, [_decoded(v) for v in row])
    return whole


def _rowids(old: sqlite3.Connection, name: str) -> tuple[list[int], bool]:
    """The rowids of `name` readable in order (the b-tree's cells, not the rows' blobs); False
    when the listing itself broke off."""
    ids: list[int] = []
    try:
        for (rowid,) in old.execute(f"SELECT rowid FROM {name} ORDER BY rowid"):
            ids.append(rowid)
    except sqlite3.DatabaseError as exc:
        logger.info("archive recovery: %s listed up to rowid %s: %s", name, ids[-1] if ids else None, exc)
    else:
        return ids, True
    start = ids[-1] + 1 if ids else 1  # past the break: rows a direct look-up still finds
    for rowid in range(start, start + _PROBES):
        try:
            if old.execute(f"SELECT 1 FROM {name} WHERE rowid = ?", (rowid,)).fetchone():
                ids.append(rowid)
        except sqlite3.DatabaseError:
            continue
    return ids, False


def _without_rowid(con: sqlite3.Connection, name: str) -> bool:
    sql = con.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()
    return bool(sql and "WITHOUT ROWID" in str(sql[0]).upper())


def _decoded(value: object) -> object:
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return value
    return value


def _check_parts(con: sqlite3.Connection) -> tuple[int, int]:
    """Drop parts that do not decode or use codes without dictionary values; rebuild what
    derives from the rest (jobs and months per part, the signatures and their first failure).
    Returns (parts dropped, rows kept)."""
    _drop_after_gaps(con)
    dictionaries = Dictionaries(CODE_COLUMNS)
    dictionaries.refresh(con)
    sizes = {name: len(dictionaries[name]) for name in CODE_COLUMNS}
    lost, kept, tables = 0, 0, []
    job_values = dictionaries["job_id"].values
    for part_id, rows, blob, keys in con.execute(
        "SELECT id, rows, rows_data, keys_data FROM parts"
    ).fetchall():
        table = _usable(blob, keys, rows, sizes)
        if table is None:
            delete_part(con, part_id)
            lost += 1
            continue
        kept += rows
        tables.append(table)
        _rebuild_part_index(con, part_id, table, job_values)
    con.execute("DELETE FROM part_inputs WHERE part_id NOT IN (SELECT id FROM parts)")  # of lost parts
    _rebuild_signatures(con, tables)
    book = Codebook()
    book.refresh(con)
    maintenance.recompute_first_seen(con, book)
    return lost, kept


def _usable(blob: bytes, keys: bytes, rows: int, sizes: dict[str, int]) -> pa.Table | None:
    try:
        table = from_blob(blob)
        if table.num_rows != rows or from_blob(keys).num_rows != rows:
            return None
        for name, size in sizes.items():
            if (
                name in table.column_names
                and len(table)
                and int(np.max(table.column(name).to_numpy())) >= size
            ):
                return None
    except (pa.ArrowException, ValueError, KeyError):
        return None
    return table


def _rebuild_signatures(con: sqlite3.Connection, tables: list[pa.Table]) -> None:
    """The signature of each code again from the rows that use it (its three codes packed);
    a code no kept row uses gets a key no row can have."""
    count = max((int(np.max(t.column("signature").to_numpy())) + 1 for t in tables if len(t)), default=0)
    keys = np.zeros(count, dtype=np.uint64)
    known = np.zeros(count, dtype=bool)
    for table in tables:
        codes = table.column("signature").to_numpy().astype(np.int64)
        keys[codes] = signature_keys(
            {c: code_column(table, c) for c in ("error_type", "object", "source_id")}
        )
        known[codes] = True
    unused = np.flatnonzero(~known)
    keys[unused] = np.uint64(2**64 - 1) - unused.astype(np.uint64)
    con.execute("DELETE FROM signature_segments")
    con.execute("DELETE FROM signature_first_seen")
    if count:
        con.execute(
            "INSERT INTO signature_segments (first_code, count, keys) VALUES (0, ?, ?)",
            (count, keys.tobytes()),
        )


def _rebuild_part_index(con: sqlite3.Connection, part_id: int, table: pa.Table, job_values: pa.Array) -> None:
    counts = np.bincount(table.column("job_id").to_numpy().astype(np.int64), minlength=len(job_values))
    present = np.flatnonzero(counts)
    names = job_values.take(pa.array(present)).to_pylist()
    con.executemany(
        "INSERT OR REPLACE INTO part_jobs (job_id, part_id, rows) VALUES (?, ?, ?)",
        [(str(job), part_id, int(counts[code])) for job, code in zip(names, present)],
    )
    months = month_counts(table.column("failed_at").to_numpy())
    con.executemany(
        "INSERT OR REPLACE INTO part_months (part_id, month, rows) VALUES (?, ?, ?)",
        [(part_id, month, count) for month, count in months.items()],
    )


def _drop_after_gaps(con: sqlite3.Connection) -> None:
    """A dictionary must run from code 0 without a hole: drop what follows one."""
    for name in CODE_COLUMNS:
        expected = 0
        for seg_id, first, count, data in con.execute(
            "SELECT id, first_code, count, data FROM dictionary_segments WHERE name = ? ORDER BY first_code",
            (name,),
        ).fetchall():
            if first != expected or not _decodes(data, count):
                con.execute("DELETE FROM dictionary_segments WHERE id = ?", (seg_id,))
                continue
            expected += count
    expected = 0
    for first, count in con.execute(
        "SELECT first_code, count FROM signature_segments ORDER BY first_code"
    ).fetchall():
        if first != expected:
            con.execute("DELETE FROM signature_segments WHERE first_code = ?", (first,))
            continue
        expected += count


def _decodes(data: bytes, count: int) -> bool:
    try:
        return bool(from_blob(data).num_rows == count)
    except (pa.ArrowException, ValueError):
        return False


def _forget_lost_jobs(con: sqlite3.Connection) -> None:
    """Jobs with errors none of whose rows survived are read again by the next sync."""
    con.execute(
        "UPDATE jobs SET archived_modstamp = NULL WHERE error_rows > 0 "
        "AND job_id NOT IN (SELECT job_id FROM part_jobs)"
    )
    con.execute(
        "INSERT INTO meta (key, value) VALUES ('next_row_id', "
        "(SELECT COALESCE(MAX(last_row_id), -1) + 1 FROM parts)) "
        "ON CONFLICT (key) DO UPDATE SET value = MAX(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))"
    )
