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
from urllib.parse import urlsplit

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
    """Each field a core function (see the module docstring)."""

    run: Callable[..., ReloadOutcome] = field(default=lambda *a, **k: _core("ingest", "run_reload")(*a, **k))
    recover: Callable[[Any, ReloadRecord], ReloadOutcome] = field(default=lambda c, r: _recover(c, r))
    missing_permissions: Callable[[Any, ReloadTarget], list[str]] = field(
        default=lambda c, t: _core("permissions", "missing_reload_permissions")(c, t)
    )
    batches_for: Callable[[pd.DataFrame, RowDetails, np.ndarray], Batches] = field(
        default=lambda f, d, p: batches_from_rows(f, d, p)
    )
    write_files: Callable[..., Any] = field(
        default=lambda *a, **k: _core("reload_files", "write_reload_files")(*a, **k)
    )
    apply_outcome: Callable[[Any, ReloadBatch, ReloadOutcome], Any] = field(
        default=lambda a, b, o: _archive_call(a, "apply_outcome", b, o)
    )
    record: Callable[[Any, ReloadRecord], None] = field(
        default=lambda a, r: _archive_call(a, "record_reload", r)
    )
    finish: Callable[[Any, str, ReloadOutcome], None] = field(
        default=lambda a, j, o: _archive_call(a, "finish_reload", j, o)
    )
    pending: Callable[[Any], list[ReloadRecord]] = field(
        default=lambda a: _archive_list(a, "pending_reloads")
    )
    history: Callable[[Any], list[ReloadRecord]] = field(default=lambda a: _archive_list(a, "reloads"))
    is_production: Callable[[Any], bool] = field(default=lambda s: host_is_production(s.instance_url))
    client_for: Callable[[Any], Any] = field(default=lambda s: _client(s))
    suggest: Callable[[pd.DataFrame, np.ndarray], Sequence[FixStep]] = field(default=lambda f, p: ())


def default_services() -> ReloadServices:
    return ReloadServices()


def host_is_production(instance_url: str) -> bool:
    """False for a sandbox's host (`…--dev.sandbox.my.salesforce.com`, `cs12.salesforce.com`);
    True otherwise: when in doubt, the org is treated as production (the careful answer)."""
    host = (urlsplit(instance_url).hostname or "").lower()
    first = host.split(".", 1)[0]
    sandbox = ".sandbox." in host or "--" in first or (first.startswith("cs") and first[2:].isdigit())
    return not sandbox


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


def _core(module: str, name: str) -> Callable[..., Any]:
    """`syncerr_gui.core.reload.<module>.<name>`, or NotAvailable in words."""
    try:
        found = getattr(importlib.import_module(f"syncerr_gui.core.reload.{module}"), name)
    except (ImportError, AttributeError) as exc:
        raise NotAvailable(f"This build cannot do that yet ({module}.{name} is missing).") from exc
    return found


def _recover(client: Any, record: ReloadRecord) -> ReloadOutcome:
    recover = _core("ingest", "recover_outcome")
    empty = ReloadBatch(record.target, (), ())
    return recover(client, record.job_id, empty)


def _archive_call(archive: Any, name: str, *args: Any) -> Any:
    method = getattr(archive, name, None)
    if method is None:
        raise NotAvailable(f"This build's archive cannot {name.replace('_', ' ')} yet.")
    return method(*args)


def _archive_list(archive: Any, name: str) -> list[ReloadRecord]:
    method = getattr(archive, name, None)
    return list(method()) if method is not None else []


def _client(session: Any) -> Any:
    from syncerr_gui.core.salesforce.client import OrgClient

    return OrgClient(session)
