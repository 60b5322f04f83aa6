"""FrameBuilder: job parts -> the error frame, a block at a time while the sync still downloads.

Every ~64k rows the pending parts are packed into one block: their error texts split in
one pass over the distinct texts, row keys hashed, every repeating column dictionary-encoded
(per-job constants as one value, split texts through the split's own dictionary: no string
is hashed twice), and the row keys and input rows compressed into the sync's
`MemoryRowDetails`. The work is Arrow kernels and NumPy passes that release the GIL, so it
overlaps the workers' downloads and leaves the GUI thread free; per-job arrays are freed
early (lower peak memory). The frame's dictionaries are unified once, at the end.
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from syncerr_gui.core.frame.row_details import DETAIL_COLUMNS, MemoryRowDetails
from syncerr_gui.core.frame.schema import CATEGORY_COLUMNS, COLUMNS, ID_COLUMN, TIME_COLUMNS, make_frame
from syncerr_gui.core.salesforce.parts import FramePart
from syncerr_gui.core.salesforce.results_csv import arrow_text
from syncerr_gui.core.salesforce.sf_error import split_distinct_errors
from syncerr_gui.core.sync.row_keys import hash_texts, row_keys

logger = logging.getLogger(__name__)

BLOCK_ROWS = 65_536
TEXT = pa.large_string()


class FrameBuilder:
    """Collects `FramePart`s and builds the error frame (blocks joined once, at the end)."""

    def __init__(self) -> None:
        self._pending: list[FramePart] = []
        self._pending_rows = 0
        self._blocks: list[dict[str, Any]] = []
        self.rows = 0
        self.details = MemoryRowDetails()

    def add(self, parts: list[FramePart]) -> None:
        """Take a job's parts; packs a block once enough rows are pending."""
        for part in parts:
            if part.length:
                self._pending.append(part)
                self._pending_rows += part.length
                self.rows += part.length
        if self._pending_rows >= BLOCK_ROWS:
            self._pack()

    def frame(self) -> pd.DataFrame:
        """The error frame of everything added so far (blocks joined once, dictionaries unified
        once); row ids are positions, as in `details`."""
        self._pack()
        blocks, self._blocks = self._blocks, []
        columns: dict[str, Any] = {}
        rows = sum(len(block["job_id"]) for block in blocks)
        for name in COLUMNS:
            if name == ID_COLUMN:
                continue
            chunks = [block.pop(name) for block in blocks]
            if name in TIME_COLUMNS:
                joined = np.concatenate(chunks) if chunks else np.array([], dtype="datetime64[ns]")
                columns[name] = pd.Series(pd.to_datetime(joined, utc=True))
            elif name in CATEGORY_COLUMNS:
                columns[name] = pa.chunked_array(chunks, pa.dictionary(pa.int32(), TEXT)) if chunks else ""
            else:
                # Blocks stay chunks (a dozen per million rows): no second copy of every text.
                columns[name] = pd.Series(pd.array(pa.chunked_array(chunks, TEXT), dtype="str"))
            del chunks
        return make_frame(columns, length=rows)

    def _pack(self) -> None:
        parts, self._pending, self._pending_rows = self._pending, [], 0
        if not parts:
            return
        _split_errors_of(parts)
        lengths = np.array([p.length for p in parts], dtype=np.int64)
        block: dict[str, Any] = {}
        for name in COLUMNS:
            if name == ID_COLUMN:
                continue
            values = [p.values.pop(name, "") for p in parts]
            if name in TIME_COLUMNS:
                block[name] = _join_times(values, lengths)
            elif name in CATEGORY_COLUMNS:
                block[name] = _encode(values, lengths)
            else:
                block[name] = _join_text(values, lengths)
        details = {
            name: _join_text([p.values.pop(name, "") for p in parts], lengths) for name in DETAIL_COLUMNS
        }
        self.details.append(details["row_key"], details["input_row"])
        self._blocks.append(block)


def _split_errors_of(parts: list[FramePart]) -> None:
    """Set error_type/message/fields (and missing row keys) of record parts from their errors."""
    batch = [p for p in parts if p.errors is not None]
    if not batch:
        return
    errors = pc.dictionary_encode(pa.chunked_array([p.errors for p in batch], TEXT).combine_chunks())
    # Split once per distinct text; each part keeps codes into the split values.
    split = [
        pa.DictionaryArray.from_arrays(errors.indices, values)
        for values in split_distinct_errors(errors.dictionary)
    ]
    keyless = [p for p in batch if "row_key" not in p.values]
    if keyless:
        keys = _row_keys(batch, keyless, hash_texts(errors))
    offset = key_offset = 0
    for part in batch:
        for name, array in zip(("error_type", "message", "fields"), split):
            part.values[name] = array.slice(offset, part.length)
        offset += part.length
        if "row_key" not in part.values:
            part.values["row_key"] = keys.slice(key_offset, part.length)
            key_offset += part.length
        part.errors = None


def _row_keys(batch: list[FramePart], keyless: list[FramePart], error_hashes: np.ndarray) -> pa.Array:
    """Hash-and-counter row keys of the `keyless` parts of `batch` (counted per part), at once.

    `error_hashes` covers every row of `batch`; parts with keys of their own (Bulk 1.0:
    the row's position) are left out of the hashing.
    """
    if len(keyless) < len(batch):
        wanted = np.repeat(np.array(["row_key" not in p.values for p in batch]), [p.length for p in batch])
        error_hashes = error_hashes[wanted]
    inputs = pa.chunked_array([p.values["input_row"] for p in keyless], TEXT).combine_chunks()
    owner = np.repeat(np.arange(len(keyless)), [p.length for p in keyless])
    return row_keys(error_hashes, inputs, group=owner)


def _encode(values: list[Any], lengths: np.ndarray) -> pa.DictionaryArray:
    """One dictionary array from per-part values: slices of a shared dictionary array (the
    split errors), constants (one value for the whole part) or plain texts.

    Each distinct dictionary is hashed once (not once per part that refers to it), so a
    block's split texts cost one pass over its distinct error texts.
    """
    dictionaries: dict[int, tuple[int, pa.Array]] = {}  # id -> (offset, values)
    constants: dict[str, int] = {}
    pieces: list[tuple[str, Any, int]] = []
    for value, n in zip(values, lengths.tolist()):
        if isinstance(value, pa.DictionaryArray):
            pieces.append(("dict", value, n))
            dictionaries.setdefault(id(value.dictionary), (0, value.dictionary))
        elif isinstance(value, pa.Array | pd.Series):
            encoded = pc.dictionary_encode(value if isinstance(value, pa.Array) else arrow_text(value))
            pieces.append(("dict", encoded, n))
            dictionaries[id(encoded.dictionary)] = (0, encoded.dictionary)
        else:
            pieces.append(("const", constants.setdefault(str(value), len(constants)), n))
    return _joined_codes(pieces, dictionaries, constants)


def _joined_codes(
    pieces: list[tuple[str, Any, int]],
    dictionaries: dict[int, tuple[int, pa.Array]],
    constants: dict[str, int],
) -> pa.DictionaryArray:
    """Codes into one deduplicated dictionary: the distinct dictionaries, then the constants."""
    offset, all_values = 0, []
    for key, (_, values) in list(dictionaries.items()):
        dictionaries[key] = (offset, values)
        all_values.append(values.cast(TEXT))
        offset += len(values)
    all_values.append(pa.array(list(constants), TEXT))
    merged = pc.dictionary_encode(pa.concat_arrays(all_values))
    remap = merged.indices.to_numpy(zero_copy_only=False).astype(np.int32)
    codes = []
    for kind, value, n in pieces:
        if kind == "const":
            codes.append(np.full(n, remap[offset + value], dtype=np.int32))
        else:
            start = dictionaries[id(value.dictionary)][0]
            codes.append(remap[value.indices.to_numpy(zero_copy_only=False).astype(np.int64) + start])
    joined = np.concatenate(codes) if codes else np.zeros(0, dtype=np.int32)
    return pa.DictionaryArray.from_arrays(pa.array(joined), merged.dictionary)


def _join_text(values: list[Any], lengths: np.ndarray) -> pa.Array:
    """One Arrow string array from per-part arrays/Series or constants."""
    if not any(isinstance(v, pa.Array | pd.Series) for v in values):
        owners = np.repeat(np.arange(len(values)), lengths)
        return pc.take(pa.array([str(v) for v in values], TEXT), owners)
    chunks = [
        v
        if isinstance(v, pa.Array)
        else arrow_text(v)
        if isinstance(v, pd.Series)
        else pa.repeat(pa.scalar(str(v), TEXT), n)
        for v, n in zip(values, lengths.tolist())
    ]
    return pa.chunked_array(chunks, TEXT).combine_chunks()


def _join_times(values: list[Any], lengths: np.ndarray) -> np.ndarray:
    """Per-part timestamps (one per part, or a Series) as one naive-UTC datetime64[ns] array."""
    chunks = []
    for value, n in zip(values, lengths.tolist()):
        if isinstance(value, pd.Series):
            chunks.append(
                pd.to_datetime(value, utc=True, errors="coerce")
                .dt.tz_localize(None)
                .to_numpy("datetime64[ns]")
            )
        else:
            stamp = pd.Timestamp(value) if value not in ("", None) and value is not pd.NaT else pd.NaT
            if stamp is not pd.NaT and stamp.tzinfo is not None:
                stamp = stamp.tz_convert("UTC").tz_localize(None)
            chunks.append(
                np.full(
                    n,
                    np.datetime64("NaT") if stamp is pd.NaT else stamp.to_datetime64(),
                    dtype="datetime64[ns]",
                )
            )
    return np.concatenate(chunks) if chunks else np.array([], dtype="datetime64[ns]")
