"""Columns as database values: Arrow IPC blobs, and the archive's append-only dictionaries.

Every repeating column of the archive (message, fields, object, job id, source ID…) is
stored as int32 codes into one dictionary per column that only ever grows: a code, once
given, names the same text for the life of the archive, so stored rows are never
rewritten when new values arrive, and loading a frame is reading codes plus each
dictionary once (no text is hashed at start-up). The store finds a text's code through
a sorted array of 64-bit hashes of the dictionary's values (kept beside the values), and
checks every hit against the text itself, so a hash collision can never merge two texts.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from pyarrow import ipc

from syncerr_gui.core.archive.meta import meta_int
from syncerr_gui.core.sync.row_keys import hash_strings

logger = logging.getLogger(__name__)

TEXT = pa.large_string()
FAST = ipc.IpcWriteOptions(compression="lz4")  # read at every start: fast to decompress
SMALL = ipc.IpcWriteOptions(compression="zstd")  # read rarely (input rows, keys, hashes): small
SEGMENT_MERGE_MAX = 1_000_000  # dictionary segments are merged up to this many values


def to_blob(table: pa.Table | pa.RecordBatch, options: ipc.IpcWriteOptions = FAST) -> bytes:
    """A table as the bytes of one Arrow IPC stream (compressed buffers)."""
    sink = pa.BufferOutputStream()
    with ipc.new_stream(sink, table.schema, options=options) as writer:
        if isinstance(table, pa.Table):
            writer.write_table(table)
        else:
            writer.write_batch(table)
    return sink.getvalue().to_pybytes()


def from_blob(data: bytes) -> pa.Table:
    """The table of `to_blob` (zero-copy over `data` where the buffers are uncompressed)."""
    return ipc.open_stream(pa.py_buffer(data)).read_all()


def texts(values: pa.Array | pa.ChunkedArray) -> pa.Array:
    """One large_string array without nulls."""
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if values.type != TEXT:
        values = values.cast(TEXT)
    return pc.fill_null(values, "") if values.null_count else values


@dataclass
class GlobalDictionary:
    """One column's dictionary: values by code, and a sorted hash index to find codes."""

    name: str
    segments: list[pa.Array] = field(default_factory=list)
    hash_segments: list[np.ndarray] = field(default_factory=list)
    _sorted: SortedIndex | None = None  # hash -> code
    _values: pa.ChunkedArray | None = None

    def __len__(self) -> int:
        return sum(len(s) for s in self.segments)

    @property
    def values(self) -> pa.ChunkedArray:
        """Every value, in code order (its segments as chunks: nothing is copied)."""
        if self._values is None or len(self._values) != len(self):
            self._values = pa.chunked_array(self.segments or [pa.array([], TEXT)], TEXT)
        return self._values

    def append(self, values: pa.Array, hashes: np.ndarray) -> None:
        """Add values (new codes follow the existing ones)."""
        if not len(values):
            return
        self.segments.append(values)
        self.hash_segments.append(hashes)
        self._values = None
        if self._sorted is not None:
            self._sorted.add(hashes, np.arange(len(self) - len(values), len(self), dtype=np.int64))

    def encode(self, values: pa.Array) -> tuple[np.ndarray, pa.Array, np.ndarray]:
        """Codes of `values` (distinct texts), giving unknown ones new codes.

        Returns (codes, new values, their hashes); the new values are already appended.
        """
        values = texts(values)
        hashes = hash_strings(values)
        codes = self._find(values, hashes)
        missing = np.flatnonzero(codes < 0)
        if len(missing):
            codes[missing] = np.arange(len(self), len(self) + len(missing))
            new_values, new_hashes = values.take(pa.array(missing)), hashes[missing]
            self.append(new_values, new_hashes)
        else:
            new_values, new_hashes = values.slice(0, 0), hashes[:0]
        return codes, new_values, new_hashes

    def lookup(self, values: pa.Array) -> np.ndarray:
        """Codes of `values`, -1 for texts the dictionary does not hold (nothing is added)."""
        values = texts(values)
        return self._find(values, hash_strings(values))

    def _find(self, values: pa.Array, hashes: np.ndarray) -> np.ndarray:
        """Existing codes of `values`, -1 for texts the dictionary does not hold."""
        codes = np.full(len(values), -1, dtype=np.int64)
        if not len(self) or not len(values):
            return codes
        found = self._index().find(hashes)
        hit = found >= 0
        rows = np.flatnonzero(hit)
        if len(rows):
            candidates = found[rows]
            same = pc.equal(self.values.take(pa.array(candidates)), values.take(pa.array(rows)))
            confirmed = same.to_numpy(zero_copy_only=False)
            codes[rows[confirmed]] = candidates[confirmed]
            if not confirmed.all():  # a 64-bit collision: look those few up by value
                self._find_by_value(values, rows[~confirmed], codes)
        return codes

    def _find_by_value(self, values: pa.Array, rows: np.ndarray, codes: np.ndarray) -> None:
        found = pc.index_in(values.take(pa.array(rows)), value_set=self.values.combine_chunks())
        found = found.to_numpy(zero_copy_only=False)
        known = ~np.isnan(found.astype(float))
        codes[rows[known]] = found[known].astype(np.int64)

    def _index(self) -> SortedIndex:
        if self._sorted is None:
            hashes = np.concatenate(self.hash_segments) if self.hash_segments else np.zeros(0, np.uint64)
            self._sorted = SortedIndex(hashes, np.arange(len(hashes), dtype=np.int64))
        return self._sorted


class SortedIndex:
    """uint64 keys -> codes, as a few sorted runs: a store adds one run (its own keys sorted),
    never re-sorting the big one; past MAX_RUNS they are merged (one timsort pass over sorted
    runs). Look-ups sort the keys first, so each binary search starts where the last ended."""

    MAX_RUNS = 4

    def __init__(self, keys: np.ndarray, codes: np.ndarray) -> None:
        self.runs: list[tuple[np.ndarray, np.ndarray]] = []
        self.add(keys, codes)

    def add(self, keys: np.ndarray, codes: np.ndarray) -> None:
        order = np.argsort(keys, kind="stable")
        self.runs.append((keys[order], codes[order]))
        if len(self.runs) > self.MAX_RUNS:
            keys = np.concatenate([k for k, _ in self.runs])
            codes = np.concatenate([c for _, c in self.runs])
            order = np.argsort(keys, kind="stable")  # sorted runs: timsort merges them
            self.runs = [(keys[order], codes[order])]

    def find(self, keys: np.ndarray) -> np.ndarray:
        """The code of each key, -1 where none (the first run holding it wins)."""
        found = np.full(len(keys), -1, dtype=np.int64)
        if not len(keys):
            return found
        order = np.argsort(keys)
        wanted = keys[order]
        for run_keys, run_codes in self.runs:
            if not len(run_keys):
                continue
            at = np.minimum(np.searchsorted(run_keys, wanted), len(run_keys) - 1)
            hit = (run_keys[at] == wanted) & (found[order] < 0)
            found[order[hit]] = run_codes[at[hit]]
        return found


class Dictionaries:
    """Every dictionary of one archive, as stored in its `dictionary_segments` table.

    Loaded once per open archive and kept in step with the database: `refresh` reads the
    segments another copy of the app may have added since.
    """

    def __init__(self, names: tuple[str, ...]) -> None:
        self.names = names
        self.by_name = {name: GlobalDictionary(name) for name in names}
        self.last_segment = 0
        self.generation = -1  # the segments' layout (bumped when segments are merged)

    def __getitem__(self, name: str) -> GlobalDictionary:
        return self.by_name[name]

    def refresh(self, con: sqlite3.Connection, with_hashes: bool = False) -> None:
        """Read segments added since the last read (all, when merged since)."""
        generation = meta_int(con, "dictionary_generation")
        if generation != self.generation:
            self.by_name = {name: GlobalDictionary(name) for name in self.names}
            self.last_segment, self.generation = 0, generation
        columns = "id, name, first_code, data" + (", hashes" if with_hashes else ", NULL")
        if with_hashes:
            self._load_hashes(con)  # the values were read without them (a load): only the hashes now
        rows = con.execute(
            f"SELECT {columns} FROM dictionary_segments WHERE id > ? ORDER BY name, first_code",
            (self.last_segment,),
        )
        for segment_id, name, first_code, data, hashes in rows:
            self._add(name, first_code, data, hashes)
            self.last_segment = max(self.last_segment, segment_id)

    def _load_hashes(self, con: sqlite3.Connection) -> None:
        for dictionary in self.by_name.values():
            if not dictionary.segments or dictionary.hash_segments:
                continue
            hashes = [
                np.frombuffer(data, dtype=np.uint64)
                for (data,) in con.execute(
                    "SELECT hashes FROM dictionary_segments WHERE name = ? AND id <= ? ORDER BY first_code",
                    (dictionary.name, self.last_segment),
                )
            ]
            joined = np.concatenate(hashes) if hashes else np.zeros(0, np.uint64)
            if len(joined) != len(dictionary):
                raise ValueError(
                    f"dictionary {dictionary.name}: {len(joined)} hashes for {len(dictionary)} values"
                )
            dictionary.hash_segments = [joined]
            dictionary._sorted = None

    def adopt_merged(self, con: sqlite3.Connection) -> None:
        """After `merge_segments` by this archive: the values and codes held are unchanged,
        only their segments were joined, so nothing needs reading again."""
        self.generation = meta_int(con, "dictionary_generation")
        row = con.execute("SELECT COALESCE(MAX(id), 0) FROM dictionary_segments").fetchone()
        self.last_segment = int(row[0])

    def forget(self) -> None:
        """Drop what is held (after a rolled-back store: the next refresh reads it all again)."""
        self.by_name = {name: GlobalDictionary(name) for name in self.names}
        self.last_segment, self.generation = 0, -1

    def _add(self, name: str, first_code: int, data: bytes, hashes: bytes | None) -> None:
        dictionary = self.by_name.get(name)
        if dictionary is None:
            logger.warning("Ignoring a dictionary segment of an unknown column %r", name)
            return
        if first_code != len(dictionary):
            raise ValueError(
                f"dictionary {name} out of step: segment at {first_code}, held {len(dictionary)}"
            )
        values = texts(from_blob(data).column(0))
        dictionary.segments.append(values)
        dictionary._values = None
        dictionary._sorted = None
        if hashes is not None:
            dictionary.hash_segments.append(np.frombuffer(hashes, dtype=np.uint64).copy())
        else:  # the hashes held no longer cover the values: read them all at the next store
            dictionary.hash_segments = []

    def write_segment(
        self, con: sqlite3.Connection, name: str, first_code: int, values: pa.Array, hashes: np.ndarray
    ) -> None:
        """Store values just appended to `name` (inside the caller's transaction)."""
        if not len(values):
            return
        table = pa.table({"value": texts(values)})
        cursor = con.execute(
            "INSERT INTO dictionary_segments (name, first_code, count, data, hashes) VALUES (?, ?, ?, ?, ?)",
            (name, first_code, len(values), to_blob(table), hashes.astype(np.uint64).tobytes()),
        )
        self.last_segment = int(cursor.lastrowid or self.last_segment)


def merge_segments(con: sqlite3.Connection) -> int:
    """Merge runs of small dictionary segments (each column at most ~log2(n) segments).

    The last two segments of a column are merged while the older is at most twice the
    newer and the sum stays under SEGMENT_MERGE_MAX. Returns how many were merged.
    """
    merged = 0
    names = [r[0] for r in con.execute("SELECT DISTINCT name FROM dictionary_segments")]
    for name in names:
        while True:
            last = con.execute(
                "SELECT id, first_code, count, data, hashes FROM dictionary_segments WHERE name = ? "
                "ORDER BY first_code DESC LIMIT 2",
                (name,),
            ).fetchall()
            if len(last) < 2:
                break
            newer, older = last
            if older[2] > 2 * newer[2] or older[2] + newer[2] > SEGMENT_MERGE_MAX:
                break
            values = pa.concat_arrays(
                [texts(from_blob(older[3]).column(0)), texts(from_blob(newer[3]).column(0))]
            )
            hashes = (older[4] or b"") + (newer[4] or b"")
            con.execute("DELETE FROM dictionary_segments WHERE id IN (?, ?)", (older[0], newer[0]))
            con.execute(
                "INSERT INTO dictionary_segments (name, first_code, count, data, hashes) VALUES (?, ?, ?, ?, ?)",
                (name, older[1], len(values), to_blob(pa.table({"value": values})), hashes),
            )
            merged += 1
    if merged:
        con.execute(
            "INSERT INTO meta (key, value) VALUES ('dictionary_generation', '1') "
            "ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
        )
    return merged


class KeyDictionary:
    """Exact 64-bit keys by code (an error signature: its three codes packed), sorted for look-ups."""

    def __init__(self) -> None:
        self.segments: list[np.ndarray] = []
        self._sorted: SortedIndex | None = None

    def __len__(self) -> int:
        return sum(len(s) for s in self.segments)

    def refresh(self, con: sqlite3.Connection) -> None:
        """Read the segments not held yet."""
        held = len(self)
        for first_code, keys in con.execute(
            "SELECT first_code, keys FROM signature_segments WHERE first_code >= ? ORDER BY first_code",
            (held,),
        ):
            if first_code != len(self):
                raise ValueError(f"signatures out of step: segment at {first_code}, held {len(self)}")
            self._add(np.frombuffer(keys, dtype=np.uint64).copy())

    def forget(self) -> None:
        self.segments, self._sorted = [], None

    def lookup(self, keys: np.ndarray) -> np.ndarray:
        """Codes of `keys`, -1 for keys not held."""
        if not len(self):
            return np.full(len(keys), -1, dtype=np.int64)
        return self._index().find(keys)

    def encode(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Codes of distinct `keys`, new ones appended; returns (codes, the new keys)."""
        codes = self.lookup(keys)
        missing = codes < 0
        new_keys = keys[missing]
        codes[missing] = np.arange(len(self), len(self) + len(new_keys))
        self._add(new_keys)
        return codes, new_keys

    def write_segment(self, con: sqlite3.Connection, first_code: int, keys: np.ndarray) -> None:
        if len(keys):
            con.execute(
                "INSERT INTO signature_segments (first_code, count, keys) VALUES (?, ?, ?)",
                (first_code, len(keys), keys.astype(np.uint64).tobytes()),
            )

    def _add(self, keys: np.ndarray) -> None:
        if not len(keys):
            return
        start = len(self)
        self.segments.append(keys)
        if self._sorted is not None:
            self._sorted.add(keys, np.arange(start, start + len(keys), dtype=np.int64))

    def _index(self) -> SortedIndex:
        if self._sorted is None:
            keys = np.concatenate(self.segments)
            self._sorted = SortedIndex(keys, np.arange(len(keys), dtype=np.int64))
        return self._sorted
