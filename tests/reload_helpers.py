"""Shared by the reload tests: a demo org job's failed rows as a batch, with the truth's errors."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from syncerr_gui.core.frame.schema import RECORD_LEVEL, SOURCE_BULK2
from syncerr_gui.core.reload.batch import ReloadBatch, ReloadTarget


def failed_rows(org: Any, obj: str, operation: str, *, at_least: int = 2) -> tuple[ReloadBatch, pd.DataFrame]:
    """The failed rows of one Bulk 2.0 job of `obj`/`operation` (its input columns) and their
    truth rows (error_type, message, fields in the same order)."""
    frame, details = org.truth.errors_with_details()
    rows = frame[(frame["failed_on"] == RECORD_LEVEL) & (frame["source"] == SOURCE_BULK2)]
    rows = rows[(rows["object"] == obj) & (rows["operation"] == operation)]
    sizes = rows.groupby("job_id", observed=True).size()
    sizes = sizes[sizes >= at_least].sort_values(ascending=False)
    job = str(sizes.index[0])
    rows = rows[rows["job_id"] == job].reset_index(drop=True)
    inputs = [json.loads(v) for v in details.read(rows["row_id"].to_numpy()).to_pylist()]
    columns = tuple(inputs[0])
    external = "Marketo_Lead_ID__c" if operation == "upsert" else ""
    batch = ReloadBatch(
        ReloadTarget(obj, operation, external),
        columns,
        tuple(tuple(d[c] for c in columns) for d in inputs),
        tuple(rows["error_type"].astype(str)),
    )
    return batch, rows


def code_and_message(error: str) -> tuple[str, str]:
    """The code and message of an `sf__Error` text."""
    from syncerr_gui.demo_org.truth_rows import split_sf_error

    code, message, _ = split_sf_error(error)
    return code, message
