"""Grouping by categorical columns agrees with pandas' groupby, row for row."""

from __future__ import annotations

import numpy as np
import pandas as pd

from syncerr_gui.core.frame.grouping import group_rows
from syncerr_gui.core.frame.schema import make_frame
from syncerr_gui.demo_org.synthetic import synthetic_errors


def reference(frame: pd.DataFrame, columns: list[str], rows: np.ndarray | None = None) -> pd.DataFrame:
    chosen = frame if rows is None else frame.iloc[rows]
    text = chosen[columns].astype(str).assign(failed_at=chosen["failed_at"])
    grouped = text.groupby(columns, sort=False)["failed_at"].agg(["size", "min", "max"]).reset_index()
    grouped.columns = [*columns, "rows", "first_failed_at", "last_failed_at"]
    return grouped.sort_values([*columns]).reset_index(drop=True)


def as_sorted(groups: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    groups = groups.astype({c: str for c in columns})
    return groups.sort_values(columns).reset_index(drop=True)


def test_groups_count_rows_and_bound_their_failure_times() -> None:
    frame = synthetic_errors(20_000, seed=4, jobs=40)
    columns = ["error_type", "object", "fields"]
    groups = group_rows(frame, columns)
    assert groups["rows"].sum() == len(frame)
    assert list(groups["rows"]) == sorted(groups["rows"], reverse=True)  # largest first
    pd.testing.assert_frame_equal(as_sorted(groups, columns), reference(frame, columns), check_dtype=False)


def test_only_the_chosen_rows_are_grouped_and_missing_times_are_ignored() -> None:
    frame = make_frame(
        {
            "error_type": ["A", "A", "B", "A"],
            "object": ["Lead", "Lead", "Lead", "Contact"],
            "failed_at": ["2026-01-02T00:00:00Z", "", "2026-01-01T00:00:00Z", "2026-01-03T00:00:00Z"],
        }
    )
    groups = group_rows(frame, ["error_type", "object"], rows=np.array([0, 1, 3]))
    as_dict = {(g.error_type, g.object): (g.rows, g.first_failed_at) for g in groups.itertuples()}
    assert as_dict == {
        ("A", "Lead"): (2, pd.Timestamp("2026-01-02", tz="UTC")),
        ("A", "Contact"): (1, pd.Timestamp("2026-01-03", tz="UTC")),
    }
