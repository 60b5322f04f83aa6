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

logger = logging.getLogger(__name__)

# The archive records which algorithm made its row keys. Any change to what a key is made
# of (the hash, its constants, the counter, the text form) must raise this number and come
# with an archive migration: a silent change would make every archived row "new" again.
# tests/core/sync/test_row_keys.py pins the keys of fixed rows.
ROW_KEY_VERSION = 1

# Sub-slices keep the per-word temporaries in cache (measured: 2k rows is ~4x faster than 64k).
HASH_SLICE_ROWS = 2048

_M1 = np.uint64(0xFF51AFD7ED558CCD)
_M2 = np.uint64(0xC4CEB9FE1A85EC53)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_SEED = np.uint64(0x2545F4914F6CDD1D)
_S33, _S3, _S64 = np.uint64(33), np.uint64(3), np.uint64(64)
_COLON = pa.scalar(":", pa.large_string())


def row_keys(errors: pa.Array | np.ndarray, inputs: pa.Array, group: np.ndarray | None = None) -> pa.Array:
    """`<hash of (error, input row)>:<n>` per row; n counts identical rows within `group`.

    `errors` are the error texts, or their `hash_texts` when the caller has them already.
    `group` (one integer per row, e.g. the job's position in a block) scopes the counter;
    without it the whole array is one group.
    """
    error_hashes = errors if isinstance(errors, np.ndarray) else hash_texts(errors)
    hashes = combine_hashes(error_hashes, hash_strings(_large(inputs)))
    return _with_counter(hashes, _counter(hashes, group))


def _counter(hashes: np.ndarray, group: np.ndarray | None) -> np.ndarray | None:
    """Per row, how many identical rows of its group came before it; None when all are 0."""
    repeated = pd.Series(hashes).duplicated(keep=False).to_numpy()
    if not repeated.any():
        return None
    counter = np.zeros(len(hashes), dtype=np.int64)
    rows = np.flatnonzero(repeated)
    identity = pd.DataFrame({"h": hashes[rows]} if group is None else {"g": group[rows], "h": hashes[rows]})
    counter[rows] = identity.groupby(list(identity.columns), sort=False).cumcount().to_numpy()
    return counter


def _with_counter(hashes: np.ndarray, counter: np.ndarray | None) -> pa.Array:
    """`<16 hex digits>:<counter>` per row."""
    if counter is None:
        return hex64(hashes, suffix=b":0")
    return pc.binary_join_element_wise(hex64(hashes), pa.array(counter).cast(pa.large_string()), _COLON)


def occurrence_keys(errors: pd.Series, inputs: pd.Series, group: pd.Series | None = None) -> pd.Series:
    """`row_keys` for pandas Series (aligned on position), as a str Series with `errors`' index."""
    owner = None if group is None else pd.factorize(group)[0]
    keys = row_keys(_arrow(errors), _arrow(inputs), owner)
    return pd.Series(pd.array(keys, dtype="str"), index=errors.index)


def hash_texts(values: pa.Array | pa.ChunkedArray | pa.DictionaryArray) -> np.ndarray:
    """A 64-bit hash (uint64) of each text, for texts that repeat (each distinct one hashed once)."""
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    encoded = values if isinstance(values, pa.DictionaryArray) else pc.dictionary_encode(_large(values))
    hashes: np.ndarray = hash_strings(_large(encoded.dictionary))[encoded.indices.to_numpy()]
    return hashes


def hash_strings(values: pa.Array) -> np.ndarray:
    """A 64-bit hash (uint64) of each value of a large_string array, in sub-slices."""
    if len(values) <= HASH_SLICE_ROWS:
        return _hash_slice(values)
    return np.concatenate(
        [
            _hash_slice(values.slice(start, HASH_SLICE_ROWS))
            for start in range(0, len(values), HASH_SLICE_ROWS)
        ]
    )


def combine_hashes(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """One hash of the pair; order matters (a, b) != (b, a)."""
    return _mix(first * _M1 + (second ^ _GOLDEN))


def hex64(values: np.ndarray, suffix: bytes = b"") -> pa.Array:
    """uint64 values as 16-digit lowercase hex strings (plus a fixed suffix), without a
    per-value Python call."""
    width = 16 + len(suffix)
    digits = np.frombuffer(values.astype(">u8").tobytes().hex().encode("ascii"), dtype=np.uint8)
    text = np.empty((len(values), width), dtype=np.uint8)
    text[:, :16] = digits.reshape(-1, 16)
    text[:, 16:] = np.frombuffer(suffix, dtype=np.uint8)
    offsets = np.arange(len(values) + 1, dtype=np.int64) * width
    return pa.LargeStringArray.from_buffers(len(values), pa.py_buffer(offsets), pa.py_buffer(text))


def _hash_slice(values: pa.Array) -> np.ndarray:
    """Every value read as little-endian 8-byte words (the last one zero-filled), each word
    mixed with its position, summed per value, then mixed with the value's length.

    A word that starts mid-way in an aligned 8-byte cell is put together from the two
    cells it straddles (two 1-D takes and shifts: faster than gathering unaligned bytes).
    """
    count = len(values)
    offsets = np.frombuffer(values.buffers()[1], dtype=np.int64, count=count + 1, offset=values.offset * 8)
    base, end = int(offsets[0]), int(offsets[-1])
    cells = np.zeros((end - base) // 8 + 2, dtype="<u8")
    data = values.buffers()[2]
    if end > base and data is not None:
        raw = np.frombuffer(data, dtype=np.uint8, count=end - base, offset=base)
        cells.view(np.uint8)[: end - base] = raw
    lengths = np.diff(offsets)
    words = (lengths + 7) >> 3
    first = np.cumsum(words) - words
    within = np.arange(int(words.sum()), dtype=np.int64) - np.repeat(first, words)
    starts = np.repeat(offsets[:-1] - base, words) + (within << 3)
    cell = starts >> 3
    shift = ((starts & 7) << 3).astype(np.uint64)
    mixed = cells.take(cell) >> shift
    high = cells.take(cell + 1) << (_S64 - shift)
    high[shift == 0] = 0  # a shift by 64 is not defined: an aligned word needs no high part
    mixed |= high
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
