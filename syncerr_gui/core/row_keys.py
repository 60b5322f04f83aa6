"""Row keys: a stable identity for each record-level error within its job (archive deduplication).

A key is a 64-bit hash of the row's content in hex, `:`, and a counter that tells identical
rows of one job apart. The same failed row of the same job gets the same key on every sync,
whatever order Salesforce sends the rows in.

The hash runs on the Arrow buffers with NumPy, 8 bytes at a time: pandas' `hash_array`
would first turn every text into a Python object (about a second per million rows, holding
the GIL); this takes a fraction of that and releases the GIL in its array passes.
"""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from numpy.lib.stride_tricks import as_strided

logger = logging.getLogger(__name__)

# Sub-slices keep the per-word temporaries in cache (measured: 8k rows is ~2x faster than 64k).
HASH_SLICE_ROWS = 8192

_M1 = np.uint64(0xFF51AFD7ED558CCD)
_M2 = np.uint64(0xC4CEB9FE1A85EC53)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_SEED = np.uint64(0x2545F4914F6CDD1D)
_S33, _S3 = np.uint64(33), np.uint64(3)
_COLON = pa.scalar(":", pa.large_string())


def row_keys(errors: pa.Array, inputs: pa.Array, group: np.ndarray | None = None) -> pa.Array:
    """`<hash of (error, input row)>:<n>` per row; n counts identical rows within `group`.

    `group` (one integer per row, e.g. the job's position in a block) scopes the counter;
    without it the whole array is one group.
    """
    hashes = combine_hashes(hash_texts(errors), hash_texts(inputs))
    identity = pd.DataFrame({"h": hashes} if group is None else {"g": group, "h": hashes})
    if identity.duplicated().any():
        counter = identity.groupby(list(identity.columns), sort=False).cumcount().astype("str").to_numpy()
        suffix: pa.Array | pa.Scalar = pa.array(counter, pa.large_string())
    else:
        suffix = pa.scalar("0", pa.large_string())
    return pc.binary_join_element_wise(hex64(hashes), suffix, _COLON)


def occurrence_keys(errors: pd.Series, inputs: pd.Series, group: pd.Series | None = None) -> pd.Series:
    """`row_keys` for pandas Series (aligned on position), as a str Series with `errors`' index."""
    owner = None if group is None else pd.factorize(group)[0]
    keys = row_keys(_arrow(errors), _arrow(inputs), owner)
    return pd.Series(pd.array(keys, dtype="str"), index=errors.index)


def hash_texts(values: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """A 64-bit hash (uint64) of each text; texts that repeat are hashed once."""
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    values = _large(values)
    encoded = pc.dictionary_encode(values)
    if len(encoded.dictionary) * 2 <= len(values):
        return hash_strings(_large(encoded.dictionary))[encoded.indices.to_numpy()]
    return hash_strings(values)


def hash_strings(values: pa.Array) -> np.ndarray:
    """A 64-bit hash (uint64) of each value of a large_string array, in sub-slices."""
    if len(values) <= HASH_SLICE_ROWS:
        return _hash_slice(values)
    return np.concatenate([_hash_slice(values.slice(start, HASH_SLICE_ROWS))
                           for start in range(0, len(values), HASH_SLICE_ROWS)])


def combine_hashes(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """One hash of the pair; order matters (a, b) != (b, a)."""
    return _mix(first * _M1 + (second ^ _GOLDEN))


def hex64(values: np.ndarray) -> pa.Array:
    """uint64 values as 16-digit lowercase hex strings, without a per-value Python call."""
    digits = values.astype(">u8").tobytes().hex().encode("ascii")
    offsets = np.arange(len(values) + 1, dtype=np.int64) * 16
    return pa.LargeStringArray.from_buffers(len(values), pa.py_buffer(offsets), pa.py_buffer(digits))


def _hash_slice(values: pa.Array) -> np.ndarray:
    """Every value read as little-endian 8-byte words (the last one zero-filled), each word
    mixed with its position, summed per value, then mixed with the value's length."""
    count = len(values)
    offsets = np.frombuffer(values.buffers()[1], dtype=np.int64, count=count + 1, offset=values.offset * 8)
    base, end = int(offsets[0]), int(offsets[-1])
    data = values.buffers()[2]
    padded = np.zeros(end - base + 8, dtype=np.uint8)
    if end > base and data is not None:
        padded[: end - base] = np.frombuffer(data, dtype=np.uint8, count=end - base, offset=base)
    lengths = np.diff(offsets)
    words = (lengths + 7) >> 3
    first = np.cumsum(words) - words
    within = np.arange(int(words.sum()), dtype=np.int64) - np.repeat(first, words)
    starts = np.repeat(offsets[:-1] - base, words) + (within << 3)
    windows = as_strided(padded, shape=(end - base + 1, 8), strides=(1, 1))
    mixed = windows[starts].view("<u8").ravel()
    partial = (lengths & 7) > 0
    mixed[(first + words - 1)[partial]] &= _low_bytes_mask(lengths[partial] & 7)
    mixed ^= within.astype(np.uint64) * _GOLDEN
    mixed = _mix(mixed)
    sums = np.zeros(count, dtype=np.uint64)
    filled = words > 0
    if filled.any():
        sums[filled] = np.add.reduceat(mixed, first[filled])
    return _mix(sums ^ (lengths.astype(np.uint64) * _M2 + _SEED))


def _low_bytes_mask(kept: np.ndarray) -> np.ndarray:
    """Masks keeping the `kept` (1..7) low bytes of a word."""
    return (np.uint64(1) << (kept.astype(np.uint64) << _S3)) - np.uint64(1)


def _mix(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finaliser (a bijection that spreads every bit), in place."""
    values ^= values >> _S33
    values *= _M1
    values ^= values >> _S33
    values *= _M2
    values ^= values >> _S33
    return values


def _large(values: pa.Array) -> pa.Array:
    return values if values.type == pa.large_string() else values.cast(pa.large_string())


def _arrow(column: pd.Series) -> pa.Array:
    text = column.astype("str").fillna("").reset_index(drop=True)
    array = pa.array(text)
    return _large(array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array)
