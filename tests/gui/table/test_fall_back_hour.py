"""The hour the clocks go back happens twice: the table and the details show the UTC offset
there, so two instants never read as the same time (elsewhere the time stays as it was)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from syncerr_gui.core.frame.schema import RECORD_LEVEL, make_frame
from syncerr_gui.gui import local_time
from syncerr_gui.gui.table.columns import COL_FAILED_AT
from syncerr_gui.gui.table.error_table_model import ErrorTableModel

BERLIN = ZoneInfo("Europe/Berlin")
# 2026-10-25: 03:00 CEST becomes 02:00 CET, so 02:30 local happens at 00:30Z and at 01:30Z.
FIRST, SECOND = datetime(2026, 10, 25, 0, 30, tzinfo=UTC), datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
PLAIN = datetime(2026, 10, 25, 12, 0, tzinfo=UTC)


def _frame():
    times = [FIRST, SECOND, PLAIN]
    return make_frame(
        {
            "failed_on": [RECORD_LEVEL] * 3,
            "failed_at": [t.isoformat() for t in times],
            "error_type": ["X"] * 3,
            "message": ["a", "b", "c"],
            "object": "Lead",
            "operation": "insert",
            "salesforce_id": "",
            "source_id": ["1", "2", "3"],
            "job_id": "750000000000001AAA",
            "source": "Bulk API 2.0",
        },
        length=3,
    )


def test_the_table_shows_the_offset_in_the_repeated_hour(qtbot) -> None:
    model = ErrorTableModel(zone=BERLIN, warm_up=False)
    model.set_frame(_frame())
    shown = sorted(model.index(r, COL_FAILED_AT).data() for r in range(model.rowCount()))
    assert shown == ["2026-10-25 02:30:00 +01:00", "2026-10-25 02:30:00 +02:00", "2026-10-25 13:00:00"]


def test_the_details_show_the_offset_in_the_repeated_hour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(local_time, "local_zone", lambda: BERLIN)
    first, second = local_time.format_local(FIRST), local_time.format_local(SECOND)
    assert first != second
    assert first.endswith("(UTC+02:00)") and second.endswith("(UTC+01:00)")
    assert local_time.format_local(PLAIN) == "2026-10-25 13:00:00 CET"
