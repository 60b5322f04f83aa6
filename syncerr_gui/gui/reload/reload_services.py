"""What the reload GUI needs from the core, as one bundle of callables the controller is given.

The GUI never builds an ingest job or a reload file itself: it calls these. `default_services()`
binds them to the core's functions; tests pass their own (a runner with the real signature,
no org). A piece of the core that is not in this build is reported in words when used.
"""

from __future__ import annotations

import importlib
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from syncerr_gui.core.exceptions import UserFacingError
from syncerr_gui.core.frame.row_details import INPUT_ROW, ROW_KEY, RowDetails
from syncerr_gui.core.frame.schema import RECORD_LEVEL, SOURCE_APEX
from syncerr_gui.core.reload.batch import (
    OPERATIONS,
    FixStep,
    ReloadBatch,
    ReloadOutcome,
    ReloadRecord,
    ReloadTarget,
)
from syncerr_gui.core.reload.ingest import recover_outcome
from syncerr_gui.core.reload.permissions import missing_reload_permissions, org_is_production

logger = logging.getLogger(__name__)


class NotAvailable(UserFacingError):
    """A part of the reload loop this build does not have."""


@dataclass(frozen=True)
class Batches:
    """The reloadable rows of a selection, one batch per target, and how many were left out."""

    batches: tuple[ReloadBatch, ...]
    left_out: int = 0


@dataclass
class ReloadServices:
    """Each field a core function (see the module docstring); `session` is the OrgSession."""

    run: Callable[..., ReloadOutcome] = field(default=lambda *a, **k: _run(*a, **k))
    recover: Callable[[Any, ReloadRecord], ReloadOutcome] = field(
        default=lambda c, r: recover_outcome(c, r.job_id, None)
    )
    missing_permissions: Callable[[Any, ReloadTarget], list[str]] = field(
        default=lambda s, t: missing_reload_permissions(_client(s), t, s.user_id)
    )
    batches_for: Callable[[pd.DataFrame, RowDetails, np.ndarray], Batches] = field(
        default=lambda f, d, p: _batches(f, d, p)
    )
    write_files: Callable[..., Any] = field(
        default=lambda *a, **k: _core("reload_files", "write_reload_files")(*a, **k)
    )
    apply_outcome: Callable[[Any, ReloadBatch, ReloadOutcome], Any] = field(
        default=lambda a, b, o: _core("reloaded", "apply_outcome", "archive")(a, b, o)
    )
    record: Callable[[Any, ReloadRecord], None] = field(
        default=lambda a, r: a.reload_ledger().record_reload(r)
    )
    finish: Callable[[Any, str, ReloadOutcome], None] = field(
        default=lambda a, j, o: a.reload_ledger().finish_reload(j, o)
    )
    pending: Callable[[Any], list[ReloadRecord]] = field(
        default=lambda a: a.reload_ledger().pending_reloads()
    )
    history: Callable[[Any], list[ReloadRecord]] = field(default=lambda a: a.reload_ledger().reloads())
    is_production: Callable[[Any], bool] = field(default=lambda s: org_is_production(_client(s)))
    client_for: Callable[[Any], Any] = field(default=lambda s: _client(s))
    suggest: Callable[[pd.DataFrame, np.ndarray], Sequence[FixStep]] = field(default=lambda f, p: ())


def default_services() -> ReloadServices:
    return ReloadServices()


def batches_from_rows(frame: pd.DataFrame, details: RowDetails, positions: np.ndarray) -> Batches:
    """The record-level rows at `positions` with a known input row, one batch per object,
    operation and set of input columns; the others are counted as left out."""
    positions = np.asarray(positions, dtype=np.int64)
    rows = frame.iloc[positions]
    usable = (
        (rows["failed_on"].astype(str) == RECORD_LEVEL).to_numpy()
        & (rows["source"].astype(str) != SOURCE_APEX).to_numpy()
        & rows["operation"].astype(str).isin(OPERATIONS).to_numpy()
    )
    ids = rows["row_id"].to_numpy(dtype=np.int64)[usable]
    inputs = details.read(ids, INPUT_ROW).to_pylist() if len(ids) else []
    keys = details.read(ids, ROW_KEY).to_pylist() if len(ids) else []
    chosen = rows[usable]
    groups: dict[tuple[str, str, tuple[str, ...]], list[tuple[tuple[str, ...], str, str]]] = {}
    left_out = int((~usable).sum())
    for at, text in enumerate(inputs):
        values = _input_values(text)
        if values is None:
            left_out += 1
            continue
        record = chosen.iloc[at]
        key = (str(record["object"]), str(record["operation"]), tuple(values))
        error = (
            f"{record['error_type']}:{record['message']}" if record["error_type"] else str(record["message"])
        )
        groups.setdefault(key, []).append((tuple(values.values()), error, str(keys[at] or "")))
    batches = tuple(
        ReloadBatch(
            ReloadTarget(obj, operation),
            columns,
            tuple(row for row, _e, _k in members),
            tuple(e for _r, e, _k in members),
            tuple(k for _r, _e, k in members),
        )
        for (obj, operation, columns), members in groups.items()
    )
    return Batches(batches, left_out)


def _input_values(text: object) -> dict[str, str] | None:
    if not text:
        return None
    try:
        values = json.loads(str(text))
    except ValueError:
        return None
    if not isinstance(values, dict) or not values:
        return None
    return {str(k): "" if v is None else str(v) for k, v in values.items()}


def _core(module: str, name: str, package: str = "reload") -> Callable[..., Any]:
    """`syncerr_gui.core.<package>.<module>.<name>`, or NotAvailable in words."""
    try:
        found = getattr(importlib.import_module(f"syncerr_gui.core.{package}.{module}"), name)
    except (ImportError, AttributeError) as exc:
        raise NotAvailable(f"This build cannot do that yet ({module}.{name} is missing).") from exc
    return found


def _run(client: Any, batch: ReloadBatch, **options: Any) -> ReloadOutcome:
    """The ingest job. The operation is the original job's and the confirmation named it
    (a delete in words of its own), so it counts as chosen explicitly."""
    return _core("ingest", "run_reload")(client, batch, explicit_operation=True, **options)


def _batches(frame: pd.DataFrame, details: RowDetails, positions: np.ndarray) -> Batches:
    """The core's batches of the rows (their origins name the archived errors), else the
    plain reading of their input rows."""
    try:
        reload_batches = _core("reload_files", "reload_batches")
    except NotAvailable:
        return batches_from_rows(frame, details, positions)
    row_ids = frame["row_id"].to_numpy(dtype=np.int64)[np.asarray(positions, dtype=np.int64)]
    batches, left_out = reload_batches(frame, details, row_ids)
    return Batches(tuple(batches), int(sum(left_out.values())))


def _client(session: Any) -> Any:
    from syncerr_gui.core.salesforce.client import OrgClient

    return OrgClient(session)
