"""The IDs in failed rows that explain their errors: a lock error's rows point to a few hot
parent Accounts, a cross-reference error's rows to records deleted or never there, an
access error's rows to records the loading user may not read (ranges of `metadata.py`).

Applied after a job's errors are drawn, with a random stream of its own, so every other
value of the job stays what it was.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from syncerr_gui.demo_org import metadata, values
from syncerr_gui.demo_org.ids import sf_ids

HOT_SHARES = (0.32, 0.18, 0.12)  # 62 % of a lock group's rows point to the three hot Accounts


def _lookup_columns(obj: str) -> dict[str, str]:
    """Lookup column -> key prefix of the records it points to."""
    return {name: kind[4:] for name, kind in values.COLUMNS[obj] if kind.startswith("#id:")}


def explain(
    obj: str, header: tuple[str, ...], columns: list[pa.Array], errors: pa.Array, key: list[int]
) -> list[pa.Array]:
    """`columns` with the referenced IDs of failing rows set to what the org knows of them."""
    n = len(errors)
    if n == 0:
        return columns
    rng = np.random.default_rng([*key, 17])
    code = pc.utf8_slice_codeunits(errors, 0, 40)
    out = list(columns)
    targets = [(header.index(c), p) for c, p in _lookup_columns(obj).items() if c in header]
    if "Id" in header:
        targets.append((header.index("Id"), values.KEY_PREFIX[obj]))
    for at, prefix in targets:
        own_id = header[at] == "Id"
        numbers = _numbers(code, n, rng, own_id)
        if numbers is None:
            continue
        chosen = numbers >= 0
        ids = pa.array(sf_ids(prefix, np.where(chosen, numbers, 0)), pa.string())
        out[at] = pc.if_else(pa.array(chosen), ids, out[at])
    return _echo_values(header, out, errors)


# Codes whose message echoes the value that failed (it goes into the row's field), or that
# fail because the field is empty.
_ECHOED = (
    "STRING_TOO_LONG",
    "INVALID_EMAIL_ADDRESS",
    "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
    "MALFORMED_ID",
    "INVALID_TYPE_ON_FIELD_IN_RECORD",
    "NUMBER_OUTSIDE_VALID_RANGE",
)
_EMPTIED = {
    "REQUIRED_FIELD_MISSING": None,
    "FIELD_CUSTOM_VALIDATION_EXCEPTION:Lead must have a Company": "Company",
}


def _echo_values(header: tuple[str, ...], columns: list[pa.Array], errors: pa.Array) -> list[pa.Array]:
    """Failing rows carry what their message says: the echoed value, or an empty field."""
    for text in pc.unique(errors).to_pylist():
        change = _field_value(text or "")
        if change is None:
            continue
        mask = pc.equal(errors, text)
        for name in change[0]:
            if name in header:
                at = header.index(name)
                columns[at] = pc.if_else(mask, change[1], columns[at])
    return columns


def _field_value(text: str) -> tuple[list[str], str] | None:
    """(fields, value) a failing row of this error text holds, or None to leave it."""
    code, _, rest = text.partition(":")
    message, _, fields = rest.rpartition(":")
    names = [f.strip() for f in fields.replace("--", "").split(",") if f.strip()]
    for prefix, field in _EMPTIED.items():
        if text.startswith(prefix):
            return ([field] if field else names), ""
    if code not in _ECHOED or not names:
        return None
    value = message.rsplit(": ", 1)[-1]
    if code == "STRING_TOO_LONG":
        value = value.rsplit(" (max length=", 1)[0]
    return names[:1], value


def _starts(code: pa.Array, prefix: str) -> np.ndarray:
    return np.asarray(pc.starts_with(code, prefix).to_numpy(zero_copy_only=False), dtype=bool)


def _numbers(code: pa.Array, n: int, rng: np.random.Generator, own_id: bool) -> np.ndarray | None:
    """The record number each row should point to (-1: leave the row's value)."""
    numbers = np.full(n, -1, dtype=np.int64)
    spread = rng.integers(0, metadata.RANGE, n)
    deleted = _starts(code, "ENTITY_IS_DELETED")
    numbers[deleted] = metadata.DELETED_BASE + spread[deleted]
    if not own_id:
        cross = _starts(code, "INVALID_CROSS_REFERENCE_KEY")
        half = rng.random(n) < 0.5
        numbers[cross & half] = metadata.DELETED_BASE + spread[cross & half]
        numbers[cross & ~half] = metadata.MISSING_BASE + spread[cross & ~half]
        hidden = _starts(code, "INSUFFICIENT_ACCESS_ON_CROSS")
        numbers[hidden] = metadata.HIDDEN_BASE + spread[hidden]
        lock = _starts(code, "UNABLE_TO_LOCK_ROW")
        draw = rng.random(n)
        edges = np.cumsum(HOT_SHARES)
        hot = lock & (draw < edges[-1])
        numbers[hot] = metadata.HOT_BASE + np.searchsorted(edges, draw[hot], side="right")
    return numbers if (numbers >= 0).any() else None
