"""CSV export of error groups: one row per cause, most errors first, neutralised like every export."""

from __future__ import annotations

import os
from datetime import tzinfo

import pandas as pd
import pyarrow as pa

from syncerr_gui.core.frame.export import format_times, neutralise, write_csv_table

# Header -> column of a `GroupSummary.table` (with a `state` column), in output order.
GROUP_EXPORT_COLUMNS: dict[str, str] = {
    "State": "state",
    "Failed On": "failed_on",
    "Error Type": "error_type",
    "Pattern": "pattern",
    "Object": "object",
    "Fields": "fields",
    "Errors": "errors",
    "Records": "records",
    "Jobs": "jobs",
    "First Seen": "first_seen",
    "Last Seen": "last_seen",
    "Advice": "advice",
}
DIAGNOSIS_HEADER = "Diagnosis"  # written when the table has a `diagnosis` column (export --diagnose)
_TIMES = ("first_seen", "last_seen")
_COUNTS = ("errors", "records", "jobs")


def export_groups_csv(groups: pd.DataFrame, path: str | os.PathLike[str], tz: tzinfo | None = None) -> int:
    """Write `groups` (a `GroupSummary.table`, plus `state` when known) to `path`, most errors
    first; returns how many groups were written. Times as in the error export; a
    `diagnosis` column (one line per group) becomes the last column, Diagnosis."""
    ordered = groups.sort_values("errors", ascending=False, kind="stable")
    arrays = {}
    headers = dict(GROUP_EXPORT_COLUMNS)
    if "diagnosis" in groups:
        headers[DIAGNOSIS_HEADER] = "diagnosis"
    for header, column in headers.items():
        values = ordered[column] if column in ordered else pd.Series([""] * len(ordered), index=ordered.index)
        if column in _TIMES:
            text = format_times(values, tz)
        elif column in _COUNTS:
            text = values.astype("int64").astype(str)
        else:
            text = neutralise(values.astype(str))
        arrays[header] = pa.array(text.tolist(), pa.string())
    write_csv_table(pa.table(arrays), path)
    return len(ordered)
