"""Copy as cells: what Excel and LibreOffice make of the clipboard text."""

from __future__ import annotations

import csv
import io
from zoneinfo import ZoneInfo

from syncerr_gui.core.frame.schema import RECORD_LEVEL, make_frame
from syncerr_gui.core.frame.tsv import rows_as_tsv


def _frame():
    return make_frame(
        {
            "failed_on": [RECORD_LEVEL] * 3,
            "failed_at": ["2026-11-20T14:03:12Z", "2026-11-21T08:00:00Z", "2026-11-22T23:30:00Z"],
            "error_type": ["REQUIRED_FIELD_MISSING", "FIELD_CUSTOM_VALIDATION_EXCEPTION", "DUPLICATE_VALUE"],
            "message": ["plain", 'says "no"\tand a tab', "two\nlines"],
            "object": "Lead",
        },
        length=3,
    )


def test_selected_rows_become_a_header_and_one_line_of_cells_each_in_the_order_given() -> None:
    columns = {
        "Failure Date/Time (Europe/Paris)": "failed_at",
        "Error Type": "error_type",
        "Error Details": "message",
    }
    text = rows_as_tsv(_frame(), [2, 0, 1], columns, ZoneInfo("Europe/Paris"))
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter="\t"))  # how spreadsheets read it
    assert rows[0] == list(columns)
    assert rows[1] == ["2026-11-23 00:30:00", "DUPLICATE_VALUE", "two\nlines"]
    assert rows[2] == ["2026-11-20 15:03:12", "REQUIRED_FIELD_MISSING", "plain"]
    assert rows[3][2] == 'says "no"\tand a tab'
    assert text.endswith("\r\n") and len(rows) == 4
