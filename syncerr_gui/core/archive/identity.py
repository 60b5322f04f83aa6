"""Row identities for deduplication: (job id, source, batch id, row key), compared as 64-bit hashes.

A store must know which of a sync's rows the archive already holds and which repeat inside
the sync. Joining four texts per row and hashing them in pandas costs seconds at a million
rows; here each column's distinct values are hashed once (through its codes) and the row
keys in one NumPy pass, then combined. Equal hashes are confirmed on the texts themselves
(only those rows), so a collision can never drop a row.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from syncerr_gui.core.archive.encoding import texts
from syncerr_gui.core.sync.row_keys import combine_hashes, hash_strings

logger = logging.getLogger(__name__)

_SEP = "\x1f"


@dataclass
class Coded:
    """One text column as codes into its distinct values."""

    codes: np.ndarray
    values: pa.Array | pa.ChunkedArray

    def hashes(self) -> np.ndarray:
        values = pa.concat_arrays([texts(self.values), pa.array([""], pa.large_string())])
        table = hash_strings(values)  # the last slot: a missing code (-1) reads as ""
        return table[np.where(self.codes < 0, len(values) - 1, self.codes)]

    def text(self, rows: np.ndarray) -> pa.Array:
        codes = self.codes[rows]
        values = pa.concat_arrays([texts(self.values), pa.array([""], pa.large_string())])
        return values.take(pa.array(np.where(codes < 0, len(self.values), codes)))


@dataclass
class Identities:
    """The identity of every row of a set (a sync's rows, or an archive part's)."""

    job: Coded
    source: Coded
    batch: Coded
    row_key: pa.Array

    def __post_init__(self) -> None:
        hashed = combine_hashes(self.job.hashes(), self.source.hashes())
        hashed = combine_hashes(hashed, self.batch.hashes())
        self.hashes = combine_hashes(hashed, hash_strings(texts(self.row_key)))

    def __len__(self) -> int:
        return len(self.hashes)

    def text(self, rows: np.ndarray) -> pa.Array:
        """The identities of `rows` as joined texts (for the exact check)."""
        parts = [self.job.text(rows), self.source.text(rows), self.batch.text(rows)]
        parts.append(texts(self.row_key).take(pa.array(rows)))
        return pc.binary_join_element_wise(*parts, pa.scalar(_SEP, pa.large_string()))


def duplicated(ids: Identities) -> np.ndarray:
    """True for each row whose identity occurred earlier in the set."""
    suspect = pd.Series(ids.hashes).duplicated(keep=False).to_numpy()
    out = np.zeros(len(ids), dtype=bool)
    rows = np.flatnonzero(suspect)
    if len(rows):
        codes = pc.dictionary_encode(ids.text(rows)).indices.to_numpy(zero_copy_only=False)
        first = np.zeros(len(rows), dtype=bool)
        first[np.unique(codes, return_index=True)[1]] = True
        out[rows] = ~first
    return out


def found_in(ids: Identities, held: list[Identities]) -> np.ndarray:
    """True for each row of `ids` whose identity is in one of the `held` sets."""
    out = np.zeros(len(ids), dtype=bool)
    if not held:
        return out
    held_hashes = np.sort(np.concatenate([h.hashes for h in held]))
    rows = np.flatnonzero(_contains(held_hashes, ids.hashes))
    if not len(rows):
        return out
    wanted = np.unique(ids.hashes[rows])
    held_texts = [h.text(np.flatnonzero(_contains(wanted, h.hashes))) for h in held]
    value_set = pa.concat_arrays([texts(t) for t in held_texts])
    out[rows] = pc.is_in(ids.text(rows), value_set=value_set).to_numpy(zero_copy_only=False)
    return out


def _contains(sorted_values: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Whether each of `values` is in `sorted_values` (binary search: no hash table)."""
    if not len(sorted_values):
        return np.zeros(len(values), dtype=bool)
    at = np.minimum(np.searchsorted(sorted_values, values), len(sorted_values) - 1)
    return sorted_values[at] == values
