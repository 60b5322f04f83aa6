"""The message patterns an archive keeps, so grouping a million archived errors needs no regex.

Message codes are append-only (a code names the same text for the life of the archive), so
the pattern of message `i` is computed once, when first asked for, and kept in
`pattern_segments` (one Arrow blob per run of new message codes). A change to the normaliser
(`patterns.NORMALISER_VERSION`, in `meta`) drops them, and they are computed again.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager

import numpy as np
import pyarrow as pa

from syncerr_gui.core.archive.encoding import from_blob, to_blob
from syncerr_gui.core.frame.groups import PatternMap
from syncerr_gui.core.frame.patterns import NORMALISER_VERSION

logger = logging.getLogger(__name__)

VERSION_KEY = "pattern_version"


def read_patterns(con: sqlite3.Connection) -> PatternMap:
    """The kept patterns of message codes 0… (empty when none, or made by another normaliser)."""
    row = con.execute("SELECT value FROM meta WHERE key = ?", (VERSION_KEY,)).fetchone()
    if row is None or row[0] != NORMALISER_VERSION:
        return PatternMap.empty()
    kept = PatternMap.empty()
    for first_code, data in con.execute("SELECT first_code, data FROM pattern_segments ORDER BY first_code"):
        if first_code != len(kept.codes):  # a gap: keep what is contiguous
            break
        column = from_blob(bytes(data)).column("pattern").combine_chunks()
        codes = column.indices.to_numpy(zero_copy_only=False).astype(np.int32)
        kept = kept.appended(PatternMap(codes, column.dictionary.cast(pa.large_string())))
    return kept


def write_patterns(con: sqlite3.Connection, kept: int, patterns: PatternMap) -> None:
    """Keep the patterns of message codes `kept`… of `patterns` (inside the caller's transaction)."""
    row = con.execute("SELECT value FROM meta WHERE key = ?", (VERSION_KEY,)).fetchone()
    if row is None or row[0] != NORMALISER_VERSION:
        con.execute("DELETE FROM pattern_segments")
        con.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (VERSION_KEY, NORMALISER_VERSION),
        )
        kept = 0
    con.execute("DELETE FROM pattern_segments WHERE first_code >= ?", (kept,))
    codes = patterns.codes[kept:]
    if not len(codes):
        return
    column = pa.DictionaryArray.from_arrays(pa.array(codes, pa.int32()), patterns.values)
    blob = to_blob(pa.table({"pattern": column}))
    con.execute(
        "INSERT INTO pattern_segments (first_code, count, data) VALUES (?, ?, ?)", (kept, len(codes), blob)
    )


def patterns_of(
    con: sqlite3.Connection,
    messages: pa.Array,
    transaction: Callable[[], AbstractContextManager[None]] | None,
) -> PatternMap:
    """The pattern of each of `messages` (the archive's message dictionary): the kept ones, and
    those of messages new since, computed now and kept inside `transaction()` when given."""
    kept = read_patterns(con)
    if len(kept.codes) >= len(messages):
        return kept
    patterns = kept.extended(messages)
    if transaction is not None:
        segments = int(con.execute("SELECT COUNT(*) FROM pattern_segments").fetchone()[0])
        with transaction():  # many small segments: rewrite them as one
            write_patterns(con, len(kept.codes) if segments < 32 else 0, patterns)
    return patterns
