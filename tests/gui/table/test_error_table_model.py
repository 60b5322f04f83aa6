"""The errors table model as a user sees it through a QTableView (and through a proxy)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QTableView

from syncerr_gui.core.frame.filtering import ErrorFilter
from syncerr_gui.core.frame.row_details import MemoryRowDetails
from syncerr_gui.core.frame.schema import JOB_LEVEL, RECORD_LEVEL, make_frame
from syncerr_gui.gui.table.columns import (
    COL_ERROR_TYPE,
    COL_FAILED_AT,
    COL_FAILED_ON,
    COL_MESSAGE,
    COL_NEW,
    COL_SALESFORCE_ID,
    NEW_MARK,
    TABLE_COLUMNS,
)
from syncerr_gui.gui.table.error_table_model import ROW_KEY_ROLE, SORT_ROLE, ErrorTableModel
from syncerr_gui.gui.table.table_data import TableData

REPO = Path(__file__).resolve().parents[3]
WINTER = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)
SUMMER = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
LONG = "Validation failed:\nline two\r\nline three " + "x" * 400


def frame() -> pd.DataFrame:
    return make_frame(
        {
            "failed_on": [RECORD_LEVEL, JOB_LEVEL, RECORD_LEVEL, RECORD_LEVEL],
            "failed_at": [WINTER, SUMMER, WINTER, None],
            "error_type": [
                "STRING_TOO_LONG",
                "InvalidBatch",
                "REQUIRED_FIELD_MISSING",
                "DUPLICATES_DETECTED",
            ],
            "message": ["too long", "Records not found", LONG, "Use one of these records?"],
            "object": ["Lead", "Contact", "Lead", "Account"],
            "salesforce_id": ["00Q1", "", "00Q3", "00Q2"],
            "job_id": ["750A", "750B", "750A", "750C"],
        }
    )


INPUTS = MemoryRowDetails.of(["k0", "job", "k2", "k3"], ['{"a": "1"}', "", '{"a": "3"}', '{"a": "4"}'])


@pytest.fixture()
def model(qtbot) -> ErrorTableModel:
    model = ErrorTableModel(zone=ZoneInfo("America/New_York"))
    model.set_frame(frame(), details=INPUTS)
    return model


@pytest.fixture()
def table(qtbot, model: ErrorTableModel) -> QTableView:
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.resize(1100, 400)
    view.show()
    qtbot.waitExposed(view)
    return view


def shown(view: QTableView, column: int) -> list[str]:
    model = view.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_qt_model_tester_accepts_the_model(qtmodeltester, model: ErrorTableModel) -> None:
    qtmodeltester.check(model, force_py=False)
    model.set_filter(ErrorFilter(levels=frozenset({RECORD_LEVEL})))
    model.sort(COL_ERROR_TYPE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model, force_py=False)
    assert model.rowCount() == 3


def test_columns_and_headers_in_order(model: ErrorTableModel) -> None:
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == [
        "Failed On",
        "Failure Date/Time (EST)",
        "Error Type",
        "Error Details",
        "Object",
        "Operation",
        "Salesforce ID",
        "Source ID",
        "Job ID",
        "Source",
        "Reloaded In",
        "Reload Of",
        "New",
    ]
    assert len(TABLE_COLUMNS) == 12  # exported; "New" (a per-user visit marker) is not


def test_header_click_sorts_like_a_user_sees_it(qtbot, table: QTableView) -> None:
    header = table.horizontalHeader()
    at = header.sectionViewportPosition(COL_ERROR_TYPE) + header.sectionSize(COL_ERROR_TYPE) // 2
    click = header.viewport().rect().center()
    click.setX(at)
    assert shown(table, COL_ERROR_TYPE)[0] == "STRING_TOO_LONG"
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=click)
    first = shown(table, COL_ERROR_TYPE)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=click)
    second = shown(table, COL_ERROR_TYPE)
    assert {first[0], second[0]} == {"DUPLICATES_DETECTED", "STRING_TOO_LONG"}
    assert first == sorted(first) or first == sorted(first, reverse=True)
    assert second == first[::-1]


def test_selection_follows_its_row_when_sorted(qtbot, table: QTableView, model: ErrorTableModel) -> None:
    table.selectRow(2)
    picked = table.currentIndex().data(ROW_KEY_ROLE)
    model.sort(COL_SALESFORCE_ID, Qt.SortOrder.AscendingOrder)
    assert shown(table, COL_SALESFORCE_ID) == ["", "00Q1", "00Q2", "00Q3"]
    assert table.currentIndex().data(ROW_KEY_ROLE) == picked
    assert table.currentIndex().row() == 3


def test_filter_changes_shown_count_and_tells_the_status_bar(qtbot, model: ErrorTableModel) -> None:
    with qtbot.waitSignal(model.counts_changed, timeout=1000) as blocker:
        model.set_filter(ErrorFilter(levels=frozenset({JOB_LEVEL})))
    assert blocker.args == [1, 4]
    assert (model.shown_count, model.total_count) == (1, 4)
    assert model.index(0, COL_MESSAGE).data() == "Records not found"
    with qtbot.waitSignal(model.counts_changed, timeout=1000) as blocker:
        model.set_frame(frame().iloc[:2].reset_index(drop=True))
    assert blocker.args == [1, 2]  # the filter stays across a new frame
    assert model.counts("failed_on") == {JOB_LEVEL: 1, RECORD_LEVEL: 1}


def test_times_are_shown_in_the_local_zone_with_dst(model: ErrorTableModel) -> None:
    times = [model.index(r, COL_FAILED_AT).data() for r in range(4)]
    assert times == ["2026-01-15 07:00:00", "2026-07-01 08:00:00", "2026-01-15 07:00:00", ""]


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("Asia/Kolkata", ["(IST)", "2026-01-15 17:30:00", "2026-07-01 17:30:00"]),
        ("Europe/Paris", ["(CET)", "2026-01-15 13:00:00", "2026-07-01 14:00:00"]),
    ],
)
def test_system_time_zone_is_used_by_default(zone: str, expected: list[str]) -> None:
    script = textwrap.dedent("""
        from PySide6.QtWidgets import QApplication
        from PySide6.QtCore import Qt
        from tests.gui.table.test_error_table_model import frame
        from syncerr_gui.gui.table.error_table_model import ErrorTableModel
        app = QApplication([])
        m = ErrorTableModel(); m.set_frame(frame())
        print(m.headerData(1, Qt.Orientation.Horizontal))
        print(m.index(0, 1).data()); print(m.index(1, 1).data())
    """)
    env = {**os.environ, "TZ": zone, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    out = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
        check=True,
    ).stdout.splitlines()
    assert out[0].endswith(expected[0]) and out[1:] == expected[1:]


def test_messages_show_on_one_line_elided_with_whole_text_in_tooltip(model: ErrorTableModel) -> None:
    index = model.index(2, COL_MESSAGE)
    text = index.data()
    assert "\n" not in text and "\r" not in text and text.startswith("Validation failed: line two")
    assert len(text) == 300 and text.endswith("…")
    shown = QTextDocument()
    shown.setHtml(index.data(Qt.ItemDataRole.ToolTipRole))  # Qt's tooltips render HTML, so it is escaped
    assert shown.toPlainText().split() == LONG.split()  # every word, none taken for markup


def test_roles_through_a_proxy_and_unserved_roles(model: ErrorTableModel) -> None:
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(COL_FAILED_AT, Qt.SortOrder.DescendingOrder)
    rows = [proxy.index(r, COL_FAILED_AT) for r in range(proxy.rowCount())]
    timed = [i.data(ROW_KEY_ROLE) for i in rows if i.data(SORT_ROLE) is not None]
    assert timed[0] == 1 and sorted(timed[1:]) == [0, 2]  # the summer row first
    assert model.index(1, COL_FAILED_AT).data(SORT_ROLE) == int(pd.Timestamp(SUMMER).value)
    assert model.index(3, COL_FAILED_AT).data(SORT_ROLE) is None
    assert model.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is None
    assert model.index(0, 0).data(Qt.ItemDataRole.UserRole + 99) is None


def test_job_level_rows_stand_out(model: ErrorTableModel) -> None:
    job, record = model.index(1, COL_FAILED_ON), model.index(0, COL_FAILED_ON)
    assert job.data() == JOB_LEVEL and job.data(Qt.ItemDataRole.FontRole).bold()
    assert job.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert record.data(Qt.ItemDataRole.FontRole) is None
    assert record.data(Qt.ItemDataRole.BackgroundRole) is None


def test_row_record_has_the_whole_row(model: ErrorTableModel) -> None:
    model.sort(COL_MESSAGE, Qt.SortOrder.DescendingOrder)
    record = model.row_record(0)
    assert record["message"] == "too long" and record["input_row"] == '{"a": "1"}'
    assert record["failed_at"] == WINTER and record["first_seen"] is None
    assert model.frame_in_view_order()["message"].tolist()[0] == "too long"


def test_data_returning_none_through_a_proxy_a_million_times_does_not_crash() -> None:
    """PySide6 6.12 regression: returning None from data() through a proxy crashed."""
    script = textwrap.dedent("""
        import sys
        from PySide6.QtWidgets import QApplication
        from PySide6.QtCore import QSortFilterProxyModel, Qt
        from tests.gui.table.test_error_table_model import frame
        from syncerr_gui.gui.table.error_table_model import ErrorTableModel
        app = QApplication([])
        model = ErrorTableModel(); model.set_frame(frame())
        proxy = QSortFilterProxyModel(); proxy.setSourceModel(model)
        index = proxy.index(0, 1)
        role = Qt.ItemDataRole.UserRole + 99
        before = sys.getrefcount(None)
        nones = sum(index.data(role) is None for _ in range(1_000_000))
        print(nones, before, sys.getrefcount(None))
    """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    done = subprocess.run(  # noqa: PLW1510 - callers read the exit code
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=REPO, timeout=600
    )
    assert done.returncode == 0, done.stderr[-2000:]
    nones, before, after = map(int, done.stdout.split())
    assert nones == 1_000_000
    assert after >= before - 1000, "the refcount of None collapsed"


MARKS = np.array([False, True, False, True])


def test_new_rows_are_marked_and_sort_first(qtmodeltester, table: QTableView) -> None:
    model = table.model()
    assert isinstance(model, ErrorTableModel)
    model.set_frame(frame(), marks=MARKS)
    qtmodeltester.check(model, force_py=False)
    assert shown(table, COL_NEW) == ["", NEW_MARK, "", NEW_MARK] and model.new_count == 2
    assert model.headerData(COL_NEW, Qt.Orientation.Horizontal) == "New"
    model.sort(COL_NEW, Qt.SortOrder.DescendingOrder)
    assert shown(table, COL_NEW) == [NEW_MARK, NEW_MARK, "", ""]
    assert shown(table, COL_MESSAGE)[0] == "Records not found"  # stable: frame order among the new
    assert model.index(0, COL_NEW).data(SORT_ROLE) is True
    qtmodeltester.check(model, force_py=False)


def test_table_data_built_in_a_worker_is_installed_as_is(model: ErrorTableModel) -> None:
    model.set_filter(ErrorFilter(levels=frozenset({RECORD_LEVEL})))
    model.sort(COL_ERROR_TYPE, Qt.SortOrder.AscendingOrder)
    data = frame()
    built = TableData.build(data, model.current_filter, model.sort_spec, MARKS, warm=True)
    model.set_frame(data, prepared=built)
    assert model.error_view is built.view  # swapped in: nothing filtered or sorted again
    assert [model.index(r, COL_ERROR_TYPE).data() for r in range(model.rowCount())] == [
        "DUPLICATES_DETECTED",
        "REQUIRED_FIELD_MISSING",
        "STRING_TOO_LONG",
    ]
    assert model.new_count == 2


def test_stale_table_data_is_rebuilt_for_the_current_filter_and_sort(model: ErrorTableModel) -> None:
    data = frame()
    built = TableData.build(data, ErrorFilter(), None, MARKS)
    model.set_filter(ErrorFilter(levels=frozenset({JOB_LEVEL})))  # the user filtered meanwhile
    model.set_frame(data, prepared=built)
    assert model.rowCount() == 1 and model.index(0, COL_MESSAGE).data() == "Records not found"
    assert model.index(0, COL_NEW).data() == NEW_MARK  # the marks were kept


def test_sizing_a_column_reads_every_error_type_but_only_the_first_rows_of_distinct_messages(qtbot) -> None:
    """Fitting the columns runs on the GUI thread after the first sync: a million distinct
    messages measured one by one froze the window for seconds; error types are few and all
    count (the longest may be far down the table)."""
    from syncerr_gui.demo_org.synthetic import synthetic_errors

    frame = synthetic_errors(20_000)
    model = ErrorTableModel()
    model.set_frame(frame)
    messages = model.column_values(COL_MESSAGE, 300)
    types = model.column_values(COL_ERROR_TYPE, 300)
    assert frame["message"].nunique() > 10_000  # every message distinct, as at scale
    assert len(messages) == 300
    assert set(messages) <= {model.index(r, COL_MESSAGE).data() for r in range(300)}
    assert set(types) == set(frame["error_type"].astype(str))
