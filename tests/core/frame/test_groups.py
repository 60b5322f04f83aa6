"""Error groups: one row per cause, counted over the rows a filter lets through, keyed by text."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from syncerr_gui.core.frame.filtering import ErrorFilter, ErrorView
from syncerr_gui.core.frame.groups import GROUP_COLUMNS, ErrorGroups, PatternMap, group_key
from syncerr_gui.core.frame.patterns import message_pattern
from syncerr_gui.core.frame.schema import JOB_LEVEL, RECORD_LEVEL, codes_and_values, make_frame
from syncerr_gui.demo_org.scale_data import ScaleData

DUP = "duplicate value found: Email duplicates value on record with id: {}"


def small_frame() -> pd.DataFrame:
    """Two causes of duplicate e-mails that differ only in the record id, a picklist cause, a
    job-level failure; record 00Q…1 fails three times, in two jobs."""
    return make_frame(
        {
            "failed_on": [RECORD_LEVEL] * 5 + [JOB_LEVEL],
            "failed_at": [
                "2026-11-24T10:00:00Z",
                "2026-11-25T10:00:00Z",
                "2026-11-25T11:00:00Z",
                "2026-11-26T09:00:00Z",
                "2026-11-26T09:30:00Z",
                "2026-11-26T12:00:00Z",
            ],
            "error_type": ["DUPLICATE_VALUE"] * 3
            + ["INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"] * 2
            + ["InvalidBatch"],
            "message": [
                DUP.format("00Q5g00000AbCdE"),
                DUP.format("00Q5g00000XyZwV"),
                DUP.format("00Q5g00000AbCdE"),
                "Stage: bad value for restricted picklist field: Won!",
                "Stage: bad value for restricted picklist field: Maybe",
                "InvalidBatch : Field name not found : Foo__c",
            ],
            "fields": ["Email", "Email", "Email", "StageName", "StageName", ""],
            "object": ["Lead", "Lead", "Lead", "Opportunity", "Opportunity", "Lead"],
            "salesforce_id": ["", "", "", "006000000000001", "", ""],
            "source_id": ["S1", "S2", "S1", "", "", ""],
            "job_id": ["J1", "J2", "J2", "J3", "J3", "J4"],
        }
    )


def by_pattern(summary_table: pd.DataFrame) -> dict[str, pd.Series]:
    return {row["pattern"]: row for _, row in summary_table.iterrows()}


def test_messages_that_differ_only_in_data_are_one_group_with_its_counts() -> None:
    table = ErrorGroups(small_frame()).summary().table
    assert len(table) == 3
    groups = by_pattern(table)
    dup = groups["duplicate value found: Email duplicates value on record with id: <id>"]
    assert (dup["errors"], dup["records"], dup["jobs"]) == (3, 2, 2)
    assert dup["first_seen"] == pd.Timestamp("2026-11-24T10:00:00Z")
    assert dup["last_seen"] == pd.Timestamp("2026-11-25T11:00:00Z")
    assert dup["advice"].startswith("A unique field")
    picklist = groups["Stage: bad value for restricted picklist field: <value>"]
    assert (picklist["errors"], picklist["records"], picklist["jobs"]) == (2, 1, 1)  # one row has no ID
    assert list(table["errors"]) == sorted(table["errors"], reverse=True)


def test_counts_follow_the_filter_but_first_and_last_seen_stay_those_of_the_whole_frame() -> None:
    frame = small_frame()
    view = ErrorView(frame)
    view.apply(ErrorFilter(start=pd.Timestamp("2026-11-25T10:30:00Z").to_pydatetime()))
    groups = ErrorGroups(frame)
    table = groups.summary(view.visible).table
    dup = by_pattern(table)["duplicate value found: Email duplicates value on record with id: <id>"]
    assert (dup["errors"], dup["records"], dup["jobs"]) == (1, 1, 1)
    assert dup["first_seen"] == pd.Timestamp("2026-11-24T10:00:00Z")  # outside the filter
    assert sorted(groups.rows_of([int(dup["group"])], view.visible)) == [2]
    assert sorted(groups.rows_of([int(dup["group"])])) == [0, 1, 2]


def test_the_daily_series_counts_each_group_per_day() -> None:
    summary = ErrorGroups(small_frame()).summary()
    assert [d.strftime("%m-%d") for d in summary.days] == ["11-24", "11-25", "11-26"]
    rows = by_pattern(summary.table.assign(position=range(len(summary.table))))
    dup = rows["duplicate value found: Email duplicates value on record with id: <id>"]
    assert list(summary.daily[dup["position"]]) == [1, 2, 0]
    assert summary.daily.sum() == 6


def test_group_keys_name_texts_not_codes() -> None:
    frame = small_frame()
    reordered = frame.iloc[::-1].reset_index(drop=True)
    reordered = make_frame(
        {c: reordered[c].astype(str) if c in GROUP_COLUMNS[:2] else reordered[c] for c in reordered}
    )
    one = ErrorGroups(frame).summary().table.set_index("key")["errors"].to_dict()
    other = ErrorGroups(reordered).summary().table.set_index("key")["errors"].to_dict()
    assert one == other
    assert (
        group_key("Job Level", "InvalidBatch", "InvalidBatch : Field name not found : Foo__c", "Lead", "")
        in one
    )


@pytest.fixture(scope="module")
def realistic() -> pd.DataFrame:
    from datetime import UTC, datetime

    from syncerr_gui.core.frame.schema import concat_frames

    data = ScaleData(30_000, datetime(2026, 11, 27, tzinfo=UTC), days=30, seed=3)
    frames = []
    for sync in data.syncs(10_000):
        columns = {k: v for k, v in sync.columns.items() if k not in ("row_key", "input_row")}
        columns["failed_at"] = columns["failed_at"].to_pandas().dt.tz_localize("UTC")
        frames.append(make_frame(columns, length=sync.rows))
    return concat_frames(frames)


def test_a_realistic_mix_agrees_with_a_row_by_row_reference(realistic: pd.DataFrame) -> None:
    frame = realistic
    rows = np.flatnonzero(frame["object"].astype(str).to_numpy() != "Contact")
    table = ErrorGroups(frame).summary(rows).table
    chosen = frame.iloc[rows]
    texts = chosen[["failed_on", "error_type", "object", "fields"]].astype(str)
    texts["pattern"] = [message_pattern(m) for m in chosen["message"].astype(str)]
    record = (
        chosen["salesforce_id"]
        .astype(str)
        .where(chosen["salesforce_id"].astype(str) != "", "src:" + chosen["source_id"].astype(str))
    )
    texts["record"] = record.where(record != "src:", None)
    texts["job"] = chosen["job_id"].astype(str)
    expected = texts.groupby(list(GROUP_COLUMNS)).agg(
        errors=("job", "size"), records=("record", "nunique"), jobs=("job", "nunique")
    )
    got = table.set_index(list(GROUP_COLUMNS))[["errors", "records", "jobs"]]
    pd.testing.assert_frame_equal(got.sort_index(), expected.sort_index(), check_dtype=False)
    assert 10 < len(table) < 300  # causes, not messages


def test_a_kept_pattern_map_grows_with_an_append_only_dictionary(realistic: pd.DataFrame) -> None:
    messages = codes_and_values(realistic["message"])[1]
    half = PatternMap.of_messages(messages.slice(0, len(messages) // 2))
    grown = half.extended(messages)
    whole = PatternMap.of_messages(messages)
    texts = grown.values.take(grown.codes).to_pylist()
    assert texts == whole.values.take(whole.codes).to_pylist()
    assert ErrorGroups(realistic, half).summary().table["key"].tolist() == (
        ErrorGroups(realistic).summary().table["key"].tolist()
    )


def test_no_rows_and_rows_without_a_time_give_empty_answers_not_errors() -> None:
    from syncerr_gui.core.frame.schema import empty_frame

    empty = ErrorGroups(empty_frame()).summary()
    assert len(empty.table) == 0 and empty.daily.shape == (0, 0)
    frame = make_frame(
        {"error_type": ["A", "A"], "message": ["x 1", "x 2"], "failed_at": ["", "2026-01-01T00:00:00Z"]}
    )
    untimed = ErrorGroups(frame).summary(np.array([0]))
    assert list(untimed.table["errors"]) == [1] and untimed.daily.shape == (1, 0)
    assert untimed.table["first_seen"].iloc[0] == pd.Timestamp("2026-01-01T00:00:00Z")  # the whole frame's
