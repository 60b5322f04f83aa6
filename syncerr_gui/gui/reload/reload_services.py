"""What the reload GUI needs from the core, as one bundle of callables the controller is given.

The GUI never builds an ingest job or a reload file itself: it calls these. The defaults are
the core's functions; tests pass their own (a runner with the real signature, no org).
`session` is the window's OrgSession, `archive` the org's ErrorArchive.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from syncerr_gui.core.archive.reloaded import apply_outcome
from syncerr_gui.core.frame.row_details import RowDetails
from syncerr_gui.core.reload.batch import FixStep, ReloadBatch, ReloadOutcome, ReloadRecord, ReloadTarget
from syncerr_gui.core.reload.ingest import recover_outcome, run_reload
from syncerr_gui.core.reload.permissions import missing_reload_permissions, org_is_production
from syncerr_gui.core.reload.reload_files import reload_batches, write_reload_files
from syncerr_gui.core.salesforce.client import OrgClient

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Batches:
    """The reloadable rows of a selection, one batch per target, and how many were left out."""

    batches: tuple[ReloadBatch, ...]
    left_out: int = 0


@dataclass
class ReloadServices:
    """Each field a core function (see the module docstring)."""

    run: Callable[..., ReloadOutcome] = field(default=lambda *a, **k: _run(*a, **k))
    recover: Callable[[Any, ReloadRecord], ReloadOutcome] = field(
        default=lambda c, r: recover_outcome(c, r.job_id, None)
    )
    missing_permissions: Callable[[Any, ReloadTarget], list[str]] = field(
        default=lambda s, t: missing_reload_permissions(OrgClient(s), t, s.user_id)
    )
    batches_for: Callable[[pd.DataFrame, RowDetails, np.ndarray], Batches] = field(
        default=lambda f, d, p: batches_of(f, d, p)
    )
    write_files: Callable[..., Any] = field(default=lambda *a, **k: write_reload_files(*a, **k))
    apply_outcome: Callable[[Any, ReloadBatch, ReloadOutcome], Any] = field(
        default=lambda a, b, o: apply_outcome(a, b, o)
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
    is_production: Callable[[Any], bool] = field(default=lambda s: org_is_production(OrgClient(s)))
    client_for: Callable[[Any], Any] = field(default=lambda s: OrgClient(s))
    suggest: Callable[[pd.DataFrame, np.ndarray], Sequence[FixStep]] = field(default=lambda f, p: ())


def default_services() -> ReloadServices:
    return ReloadServices()


def batches_of(frame: pd.DataFrame, details: RowDetails, positions: np.ndarray) -> Batches:
    """The rows at frame `positions` as the core's batches (their origins name the archived
    errors), and how many were left out (job-level, Apex, input unknown)."""
    row_ids = frame["row_id"].to_numpy(dtype=np.int64)[np.asarray(positions, dtype=np.int64)]
    batches, left_out = reload_batches(frame, details, row_ids)
    return Batches(tuple(batches), int(sum(left_out.values())))


def _run(client: Any, batch: ReloadBatch, **options: Any) -> ReloadOutcome:
    """The ingest job. The operation is the original job's and the confirmation named it
    (a delete in words of its own), so it counts as chosen explicitly."""
    return run_reload(client, batch, explicit_operation=True, **options)
