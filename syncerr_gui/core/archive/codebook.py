"""What an open archive keeps in memory between loads and stores: dictionaries and signatures.

An error's signature (error type + object + source ID, the "New since your last visit"
identity) is the three codes packed into one 64-bit key; each distinct key gets a code of
its own, and `first_seen[code]` is the earliest failure of any archived row with it. Both
live in the database (`signature_segments`, `signature_first_seen` in chunks) and are read
once per open archive; a store writes only what it added or changed.
"""

from __future__ import annotations

import logging
import sqlite3

import numpy as np
import pyarrow as pa

from syncerr_gui.core.archive.encoding import FAST, Dictionaries, KeyDictionary, from_blob, to_blob
from syncerr_gui.core.archive.meta import meta_int
from syncerr_gui.core.archive.parts import CODE_COLUMNS, NAT
from syncerr_gui.core.exceptions import ArchiveError

logger = logging.getLogger(__name__)

FIRST_SEEN_CHUNK = 262_144
_NEVER = np.iinfo(np.int64).max  # first_seen of a signature with no timed row yet


class Codebook:
    """Dictionaries, signatures and first-seen times of one archive (held by `ErrorArchive`)."""

    def __init__(self) -> None:
        self.dictionaries = Dictionaries(CODE_COLUMNS)
        self.signatures = KeyDictionary()
        self._first_seen = np.zeros(0, dtype=np.int64)  # NAT: no row of the signature has a time
        self._first_seen_generation = -1

    def refresh(self, con: sqlite3.Connection, *, with_hashes: bool = False) -> None:
        """Catch up with the database (another copy of the app may have stored meanwhile)."""
        self.dictionaries.refresh(con, with_hashes=with_hashes)
        self.signatures.refresh(con)
        generation = meta_int(con, "first_seen_generation")
        if generation != self._first_seen_generation or len(self._first_seen) != len(self.signatures):
            self._first_seen = _read_first_seen(con, len(self.signatures))
            self._first_seen_generation = generation

    def warm(self) -> None:
        """Build the sorted look-up indexes now (else the next store builds them)."""
        for dictionary in self.dictionaries.by_name.values():
            if dictionary.hash_segments:
                dictionary._index()
        if len(self.signatures):
            self.signatures._index()

    def forget(self) -> None:
        """Drop everything held: after a rolled-back store the database is the truth again."""
        self.dictionaries.forget()
        self.signatures.forget()
        self._first_seen = np.zeros(0, dtype=np.int64)
        self._first_seen_generation = -1

    @property
    def first_seen(self) -> np.ndarray:
        """ns per signature code (NAT when none of its rows has a time)."""
        return self._first_seen

    def signature_codes(self, con: sqlite3.Connection, codes: dict[str, np.ndarray]) -> np.ndarray:
        """The signature code of each row (new signatures are added and written)."""
        key = signature_keys(codes)
        distinct, inverse = np.unique(key, return_inverse=True)
        first_code = len(self.signatures)
        sig_codes, new_keys = self.signatures.encode(distinct)
        self.signatures.write_segment(con, first_code, new_keys)
        return sig_codes[inverse]

    def lower_first_seen(self, con: sqlite3.Connection, signature: np.ndarray, failed_at: np.ndarray) -> int:
        """Lower first_seen of `signature` to the rows' `failed_at` where earlier; write changed
        chunks. Returns how many signatures changed.

        Only the signatures of these rows are touched (no pass over all of them): their
        earliest time per code, compared with what is held.
        """
        held = len(self._first_seen)
        if len(self.signatures) > held:
            grown = np.full(len(self.signatures) - held, NAT, dtype=np.int64)
            self._first_seen = np.concatenate([self._first_seen, grown])
        timed = failed_at != NAT
        codes, earliest = _earliest_per_code(signature[timed], failed_at[timed])
        current = self._first_seen[codes]
        earlier = (current == NAT) | (earliest < current)
        self._first_seen[codes[earlier]] = earliest[earlier]
        new_chunks = np.arange(held // FIRST_SEEN_CHUNK, -(-len(self._first_seen) // FIRST_SEEN_CHUNK))
        chunks = np.unique(np.concatenate([codes[earlier] // FIRST_SEEN_CHUNK, new_chunks]))
        for chunk in chunks.tolist():
            write_first_seen_chunk(con, int(chunk), self._first_seen)
        if len(chunks):
            _bump(con, "first_seen_generation")
            self._first_seen_generation = meta_int(con, "first_seen_generation")
        return int(earlier.sum()) + len(self._first_seen) - held

    def replace_first_seen(self, con: sqlite3.Connection, first: np.ndarray) -> None:
        """Write a recomputed first_seen (after a purge) for every signature."""
        self._first_seen = np.where(first == _NEVER, NAT, first).astype(np.int64)
        con.execute("DELETE FROM signature_first_seen")
        for chunk in range(-(-len(first) // FIRST_SEEN_CHUNK)):
            write_first_seen_chunk(con, chunk, self._first_seen)
        _bump(con, "first_seen_generation")
        self._first_seen_generation = meta_int(con, "first_seen_generation")


def signature_keys(codes: dict[str, np.ndarray]) -> np.ndarray:
    """error_type << 48 | object << 32 | source_id, as uint64 (exact while codes fit)."""
    error_type, obj, source_id = (codes[c].astype(np.int64) for c in ("error_type", "object", "source_id"))
    if len(error_type) and (error_type.max() >= 2**16 or obj.max() >= 2**16 or source_id.max() >= 2**32):
        raise ArchiveError(
            "The error archive holds more distinct error types, objects or source IDs than it can."
        )
    return (
        (error_type.astype(np.uint64) << np.uint64(48))
        | (obj.astype(np.uint64) << np.uint64(32))
        | source_id.astype(np.uint64)
    )


def _earliest_per_code(codes: np.ndarray, times: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(distinct codes, earliest time of each): one sort, then minima over the runs."""
    if not len(codes):
        return codes.astype(np.int64), times
    order = np.argsort(codes, kind="stable")
    ordered = codes[order]
    starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
    return ordered[starts].astype(np.int64), np.minimum.reduceat(times[order], starts)


def write_first_seen_chunk(con: sqlite3.Connection, chunk: int, first: np.ndarray) -> None:
    values = first[chunk * FIRST_SEEN_CHUNK : (chunk + 1) * FIRST_SEEN_CHUNK]
    con.execute(
        "INSERT INTO signature_first_seen (chunk, data) VALUES (?, ?) "
        "ON CONFLICT (chunk) DO UPDATE SET data = excluded.data",
        (chunk, to_blob(pa.table({"first_seen": pa.array(values, pa.int64())}), FAST)),
    )


def _read_first_seen(con: sqlite3.Connection, count: int) -> np.ndarray:
    first = np.full(count, NAT, dtype=np.int64)
    for chunk, data in con.execute("SELECT chunk, data FROM signature_first_seen ORDER BY chunk"):
        values = from_blob(data).column("first_seen").to_numpy()
        start = chunk * FIRST_SEEN_CHUNK
        stop = min(start + len(values), count)
        first[start:stop] = values[: stop - start]
    return first


def _bump(con: sqlite3.Connection, key: str) -> None:
    con.execute(
        "INSERT INTO meta (key, value) VALUES (?, '1') "
        "ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
        (key,),
    )
