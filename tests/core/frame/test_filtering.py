"""ErrorView filters, sorts and counts like a plain pandas reference would, on any frame."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from syncerr_gui.core.frame.filtering import ErrorFilter, ErrorView
from syncerr_gui.core.frame.schema import JOB_LEVEL, RECORD_LEVEL, empty_frame, make_frame
from syncerr_gui.core.frame.search_index import SEARCH_TEXT_COLUMNS
from syncerr_gui.demo_org.synthetic import synthetic_errors

T0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def small_frame() -> pd.DataFrame:
    return make_frame(
        {
            "failed_on": [JOB_LEVEL, RECORD_LEVEL, RECORD_LEVEL, RECORD_LEVEL, JOB_LEVEL],
            "failed_at": [T0, T0 + timedelta(hours=1), T0 + timedelta(hours=2), None, T0],
            "error_type": [
                "InvalidBatch",
                "REQUIRED_FIELD_MISSING",
                "STRING_TOO_LONG",
                "REQUIRED_FIELD_MISSING",
                "Failed",
            ],
            "message": [
                "Records not found",
                "Required fields are missing: [LastName]",
                "Company: data value too large: MÜLLER",
                "Required fields are missing: [Company]",
                "Failed",
            ],
            "object": ["Lead", "Lead", "Account", "Contact", "Lead"],
            "salesforce_id": ["", "00Q000000000001AAA", "", "003000000000009XYZ", ""],
            "job_id": ["750A", "750B", "750B", "750C", "750D"],
        }
    )


def shown(view: ErrorView, column: str = "message") -> list[str]:
    return view.frame[column].to_numpy()[view.visible].tolist()


def test_no_filter_shows_every_row_in_frame_order() -> None:
    view = ErrorView(small_frame())
    view.apply(ErrorFilter())
    assert view.visible.tolist() == [0, 1, 2, 3, 4]
    assert view.visible.dtype == np.int64


def test_level_filter_shows_only_job_level_rows() -> None:
    view = ErrorView(small_frame())
    view.apply(ErrorFilter(levels=frozenset({JOB_LEVEL})))
    assert shown(view, "failed_on") == [JOB_LEVEL, JOB_LEVEL]
    view.apply(ErrorFilter(levels=frozenset()))
    assert len(view.visible) == 0


def test_time_window_is_inclusive_and_drops_rows_without_a_time() -> None:
    view = ErrorView(small_frame())
    paris = timezone(timedelta(hours=1))
    view.apply(ErrorFilter(start=(T0 + timedelta(hours=1)).astimezone(paris), end=T0 + timedelta(hours=2)))
    assert view.visible.tolist() == [1, 2]
    view.apply(ErrorFilter(end=T0))
    assert view.visible.tolist() == [0, 4]


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        ErrorFilter(start=datetime(2026, 1, 1))


def test_error_type_and_object_choices_combine() -> None:
    view = ErrorView(small_frame())
    view.apply(
        ErrorFilter(error_types=frozenset({"REQUIRED_FIELD_MISSING"}), objects=frozenset({"Lead", "Account"}))
    )
    assert view.visible.tolist() == [1]
    view.apply(ErrorFilter(error_types=frozenset({"NOT_IN_FRAME"})))
    assert len(view.visible) == 0


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("müller", [2]),  # case-insensitive beyond ASCII
        ("required", [1, 3]),  # message and error type
        ("00q000000000001aaa", [1]),  # Salesforce ID
        ("750b", [1, 2]),  # job ID
        ("contact", [3]),  # object
        ("  invalidbatch ", [0]),  # error type only (category), surrounding blanks ignored
        ("found failed", []),  # never matches across two rows
        ("", [0, 1, 2, 3, 4]),
    ],
)
def test_text_search(text: str, rows: list[int]) -> None:
    view = ErrorView(small_frame())
    view.apply(ErrorFilter(text=text))
    assert view.visible.tolist() == rows


def test_counts_leave_out_their_own_filter() -> None:
    view = ErrorView(small_frame())
    view.apply(ErrorFilter(levels=frozenset({RECORD_LEVEL}), error_types=frozenset({"STRING_TOO_LONG"})))
    assert view.counts("error_type") == {
        "Failed": 0,
        "InvalidBatch": 0,
        "REQUIRED_FIELD_MISSING": 2,
        "STRING_TOO_LONG": 1,
    }
    assert view.counts("failed_on") == {JOB_LEVEL: 0, RECORD_LEVEL: 1}
    assert view.counts("object") == {"Account": 1, "Contact": 0, "Lead": 0}
    with pytest.raises(ValueError):
        view.counts("failed_at")  # a time, not a categorical column


def test_sort_is_stable_and_multi_level() -> None:
    view = ErrorView(small_frame())
    view.sort("message", ascending=True)
    view.sort("object", ascending=False)
    # Object descending; inside "Lead" the earlier message order stays.
    assert shown(view, "object") == ["Lead", "Lead", "Lead", "Contact", "Account"]
    assert shown(view)[:3] == ["Failed", "Records not found", "Required fields are missing: [LastName]"]


def test_filter_keeps_the_current_sort() -> None:
    view = ErrorView(small_frame())
    view.sort("failed_at", ascending=False)
    view.apply(ErrorFilter(objects=frozenset({"Lead"})))
    assert view.visible.tolist() == [1, 0, 4]
    assert view.sort_state == ("failed_at", False)


@pytest.mark.parametrize(
    "column",
    ["failed_on", "failed_at", "error_type", "message", "salesforce_id", "job_id", "source", "first_seen"],
)
@pytest.mark.parametrize("ascending", [True, False])
def test_sort_matches_pandas_stable_sort(column: str, ascending: bool) -> None:
    frame = synthetic_errors(3000, seed=7, jobs=40)
    view = ErrorView(frame)
    view.sort(column, ascending)
    values = frame[column]
    if isinstance(values.dtype, pd.CategoricalDtype):
        values = values.astype(str)
    rank = values.rank(method="dense").fillna(0).to_numpy()  # missing times sort first
    # Ties keep their earlier (here: frame) order in both directions.
    expected = np.lexsort((np.arange(len(rank)), rank if ascending else -rank))
    assert view.visible.tolist() == expected.tolist()


def reference_search(frame: pd.DataFrame, text: str) -> list[int]:
    query = text.strip().lower()
    hit = np.zeros(len(frame), dtype=bool)
    for column in (*SEARCH_TEXT_COLUMNS, "error_type", "object"):
        hit |= frame[column].astype(str).str.lower().str.contains(query, regex=False).to_numpy()
    return np.flatnonzero(hit).tolist()


def test_search_paths_agree_with_pandas_on_a_larger_frame() -> None:
    frame = synthetic_errors(120_000, seed=3)
    view = ErrorView(frame)
    # rare (find loop), refined inside earlier hits, very common (vectorised pass), none.
    for text in ["#1234", "#12345", "lead must", "LEAD MUST HAVE", "#9", "zzz-not-there", "müller"]:
        view.apply(ErrorFilter(text=text))
        assert view.visible.tolist() == reference_search(frame, text), text


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.text(alphabet="aAbßü:#1 ", max_size=8), min_size=1, max_size=30),
    st.text(alphabet="aAbßü:#1 ", min_size=1, max_size=3),
)
def test_search_matches_a_plain_substring_test(messages: list[str], text: str) -> None:
    frame = make_frame({"message": messages, "failed_at": T0})
    view = ErrorView(frame)
    view.apply(ErrorFilter(text=text))
    query = text.strip()
    if not query:
        assert len(view.visible) == len(messages)
        return
    lowered = frame["message"].str.lower()
    expected = [i for i, m in enumerate(lowered) if query.lower() in m]
    assert view.visible.tolist() == expected


def test_frame_in_view_order_is_what_is_shown() -> None:
    view = ErrorView(small_frame())
    view.apply(ErrorFilter(levels=frozenset({RECORD_LEVEL})))
    view.sort("salesforce_id", ascending=False)
    out = view.frame_in_view_order()
    assert out["salesforce_id"].tolist() == ["00Q000000000001AAA", "003000000000009XYZ", ""]
    assert list(out.index) == [0, 1, 2]
    assert view.view_row_of(3) == 1 and view.view_row_of(0) == -1


def test_filter_round_trips_through_json() -> None:
    flt = ErrorFilter(
        start=T0,
        end=None,
        levels=frozenset({JOB_LEVEL}),
        error_types=frozenset({"A", "B"}),
        objects=None,
        text="Lead",
    )
    assert ErrorFilter.from_dict(json.loads(json.dumps(flt.to_dict()))) == flt
    assert ErrorFilter.from_dict({"start": "not a date"}) == ErrorFilter()


def test_empty_frame_and_warm_up() -> None:
    view = ErrorView(empty_frame())
    view.warm_up()
    view.apply(ErrorFilter(text="x", levels=frozenset({JOB_LEVEL})))
    view.sort("message", ascending=True)
    assert len(view.visible) == 0 and view.counts("error_type") == {}


@pytest.mark.parametrize("ascending", [True, False])
def test_times_spanning_months_sort_exactly_even_a_nanosecond_apart(ascending: bool) -> None:
    from syncerr_gui.core.frame.filtering import _time_order

    rng = np.random.default_rng(9)
    base = pd.Timestamp("2026-06-01", tz="UTC").value
    times = base + rng.integers(0, 180 * 86_400, 20_000) * 10**9  # 180 days: buckets of ~4 ms
    times[:5000] = base + 10**9 + rng.integers(0, 1000, 5000)  # many a few ns apart, in one bucket
    times[5000:5100] = np.iinfo(np.int64).min  # NaT sorts first, like the rank keys
    order = _time_order(times, ascending)
    shown = times[order]
    known = shown[shown != np.iinfo(np.int64).min]
    assert (np.diff(known) >= 0).all() if ascending else (np.diff(known) <= 0).all()
    nat = times == np.iinfo(np.int64).min
    rows = np.flatnonzero(~nat)
    known_order = rows[np.lexsort((rows, times[rows] if ascending else -times[rows]))]
    # stable (equal times keep their order); NaT first ascending, last descending, as ranked
    expected = np.concatenate(
        [np.flatnonzero(nat), known_order] if ascending else [known_order, np.flatnonzero(nat)]
    )
    assert order.tolist() == expected.tolist()


def test_restrict_narrows_the_visible_rows_but_not_the_filter_or_its_counts() -> None:
    frame = synthetic_errors(500, seed=11)
    view = ErrorView(frame)
    view.sort("object", True)
    view.apply(ErrorFilter(levels={RECORD_LEVEL}))
    filtered, counts = view.filtered(), view.counts("error_type")
    only = np.zeros(len(frame), dtype=bool)
    only[::3] = True
    view.restrict(only)
    assert view.restricted
    assert set(view.visible.tolist()) == set(filtered[only[filtered]].tolist())
    assert view.counts("error_type") == counts
    assert np.array_equal(view.filtered(), filtered)
    view.apply(ErrorFilter())  # a new filter keeps the restriction
    assert set(view.visible.tolist()) == set(np.flatnonzero(only).tolist())
    view.restrict(None)
    assert len(view.visible) == len(frame)
    with pytest.raises(ValueError):
        view.restrict(np.ones(3, dtype=bool))
