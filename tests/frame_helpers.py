"""Shared by tests that compare frames: each row's input row and row key read back beside it."""

from __future__ import annotations

import pandas as pd

from syncerr_gui.core.frame.row_details import INPUT_ROW, ROW_KEY, RowDetails


def with_details(frame: pd.DataFrame, details: RowDetails) -> pd.DataFrame:
    """`frame` plus `input_row` and `row_key` columns (text), read from `details` by row id."""
    ids = frame["row_id"].to_numpy()
    text = frame.copy()
    text[INPUT_ROW] = details.read(ids, INPUT_ROW).to_pylist()
    text[ROW_KEY] = details.read(ids, ROW_KEY).to_pylist()
    return text
