"""Cells longer than Excel's 32,767-character limit: kept whole in a plain CSV and counted;
the Excel preset cuts them with a marker saying so."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from syncerr_gui.core.frame.export import export_csv
from syncerr_gui.core.frame.long_cells import EXCEL_CELL_LIMIT, LONG_CELL_MARKER
from syncerr_gui.core.frame.schema import RECORD_LEVEL, make_frame


def _frame(messages: list[str]) -> pd.DataFrame:
    n = len(messages)
    return make_frame(
        {
            "failed_on": [RECORD_LEVEL] * n,
            "failed_at": ["2026-11-20T14:03:12Z"] * n,
            "error_type": ["STRING_TOO_LONG"] * n,
            "message": messages,
            "object": "Lead",
            "operation": "insert",
            "salesforce_id": "",
            "source_id": "1042",
            "job_id": "750000000000001AAA",
            "source": "Bulk API 2.0",
        },
        length=n,
    )


def _messages(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [row["Error Details"] for row in csv.DictReader(f, delimiter=",")]


HUGE = "A" * 40_000
EXACT = "B" * EXCEL_CELL_LIMIT


def test_a_plain_export_keeps_long_cells_whole_and_counts_them(tmp_path: Path) -> None:
    out = tmp_path / "errors.csv"
    written = export_csv(_frame([HUGE, EXACT, "short"]), out)
    assert written == 3 and written.long_cells == 1
    assert _messages(out) == [HUGE, EXACT, "short"]


def test_the_excel_preset_cuts_long_cells_with_a_marker(tmp_path: Path) -> None:
    out = tmp_path / "errors.csv"
    written = export_csv(_frame([HUGE, EXACT]), out, bom=True, excel_cells=True)
    assert written.long_cells == 1
    cut, exact = _messages(out)
    assert len(cut) == EXCEL_CELL_LIMIT and cut.endswith(LONG_CELL_MARKER) and cut.startswith("AAAA")
    assert exact == EXACT
