"""Triage of error groups: stored per org, derived states, surviving restarts, purges and migration."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pandas as pd
from archive_helpers import sync_of

from syncerr_gui.core.archive.store import ErrorArchive
from syncerr_gui.core.archive.triage import IGNORED, NEW, ONGOING, REGRESSED, RESOLVED
from syncerr_gui.core.frame.groups import ErrorGroups
from syncerr_gui.core.frame.recurrence import record_recurrence
from syncerr_gui.core.frame.row_details import MemoryRowDetails
from syncerr_gui.core.frame.schema import make_frame

DUP = "duplicate value found: Email duplicates value on record with id: {}"
NOW = datetime.now(UTC).replace(microsecond=0)


def errors_at(
    when: list[datetime], sources: list[str], jobs: list[str], error_type: str = "STRING_TOO_LONG"
) -> pd.DataFrame:
    """Record-level errors of one cause with chosen failure times, source ids and jobs."""
    columns = {
        "failed_on": "Record Level",
        "failed_at": pd.to_datetime(when, utc=True),
        "message": "too long",
    }
    columns |= {"error_type": error_type, "object": "Lead", "source_id": sources, "job_id": jobs}
    return make_frame(columns, length=len(when))


def keyed(frame: pd.DataFrame) -> MemoryRowDetails:
    return MemoryRowDetails.of([f"k{i}" for i in range(len(frame))], ["{}"] * len(frame))


def groups_of(archive: ErrorArchive) -> pd.DataFrame:
    table = ErrorGroups(archive.load()).summary().table
    return table.assign(state=archive.group_states(table))


def store(archive: ErrorArchive, when: datetime, sources: list[str], job: str, started: datetime) -> None:
    frame = errors_at([when] * len(sources), sources, [job] * len(sources))
    archive.store(sync_of(frame, started_at=started, details=keyed(frame)))


def test_a_second_sync_a_day_later_marks_the_errors_it_brought_as_new(tmp_path: Path) -> None:
    with ErrorArchive(tmp_path / "a.sqlite3") as archive:
        store(
            archive, NOW - timedelta(days=1, hours=1), ["lead-1", "lead-2"], "750A", NOW - timedelta(days=1)
        )
        assert not archive.new_since_last_visit(archive.load()).any()  # the first sync is the baseline
        store(archive, NOW - timedelta(hours=1), ["lead-1", "lead-3", "lead-4"], "750B", NOW)
        frame = archive.load()
        flagged = set(frame.loc[archive.new_since_last_visit(frame), "source_id"])
    assert flagged == {"lead-3", "lead-4"}  # lead-1 failed before: it recurs, it is not new


def test_resolved_ignored_and_regressed_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    with ErrorArchive(path) as archive:
        store(archive, NOW - timedelta(days=3), ["lead-1", "lead-2"], "750A", NOW - timedelta(days=3))
        archive.mark_visit()
        table = groups_of(archive)
        assert list(table["state"]) == [ONGOING]
        archive.set_group_state(table, RESOLVED, at=NOW - timedelta(days=2))
    with ErrorArchive(path) as archive:
        assert list(groups_of(archive)["state"]) == [RESOLVED]
        store(archive, NOW - timedelta(days=1), ["lead-5"], "750B", NOW)  # the cause fails again
        table = groups_of(archive)
        assert list(table["state"]) == [REGRESSED]
        archive.set_group_state(table, IGNORED)
    with ErrorArchive(path) as archive:
        table = groups_of(archive)
        assert list(table["state"]) == [IGNORED]
        archive.set_group_state(table, None)  # reopened
        assert list(groups_of(archive)["state"]) == [ONGOING]


def test_a_cause_first_seen_after_the_visit_is_new(tmp_path: Path) -> None:
    with ErrorArchive(tmp_path / "a.sqlite3") as archive:
        store(archive, NOW - timedelta(days=3), ["lead-1"], "750A", NOW - timedelta(days=3))
        archive.mark_visit()
        frame = errors_at([NOW - timedelta(hours=2)], ["lead-9"], ["750C"], "INVALID_EMAIL_ADDRESS")
        archive.store(sync_of(frame, started_at=NOW, details=keyed(frame)))
        table = groups_of(archive)
    assert dict(zip(table["error_type"], table["state"]))["INVALID_EMAIL_ADDRESS"] == NEW
    assert sorted(table["state"]) == [NEW, ONGOING]


def test_a_state_outlives_a_purge_of_every_row_of_its_group(tmp_path: Path) -> None:
    with ErrorArchive(tmp_path / "a.sqlite3") as archive:
        store(archive, datetime.now(UTC) - timedelta(days=200), ["lead-1"], "750A", NOW - timedelta(days=199))
        archive.set_group_state(groups_of(archive), IGNORED)
        key = groups_of(archive)["key"].iloc[0]
        archive.purge(180)
        assert archive.error_count() == 0
        assert archive.group_marks()[key].state == IGNORED


def test_a_record_that_failed_again_says_how_often_and_since_when(tmp_path: Path) -> None:
    with ErrorArchive(tmp_path / "a.sqlite3") as archive:
        for day in (4, 3, 2, 1):
            when = NOW - timedelta(days=day)
            store(archive, when, ["lead-1", f"other-{day}"], f"750{day}", when + timedelta(hours=1))
        frame = archive.load()
    last = int(frame.index[(frame["source_id"] == "lead-1") & (frame["job_id"] == "7501")][0])
    recurrence = record_recurrence(frame, last)
    assert (recurrence.failures, recurrence.by) == (4, "source_id")
    assert recurrence.first_failed_at == pd.Timestamp(NOW - timedelta(days=4))
    assert recurrence.last_failed_at == pd.Timestamp(NOW - timedelta(days=1))
    first = NOW - timedelta(days=4)
    assert recurrence.words() == f"This record failed 4 times since {first.day} {first:%b %Y}."
    lonely = int(frame.index[frame["source_id"] == "other-2"][0])
    assert record_recurrence(frame, lonely).failures == 1
    assert record_recurrence(frame, lonely).words() == ""


def test_message_patterns_are_kept_and_grow_with_new_messages(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    with ErrorArchive(path) as archive:
        store(archive, NOW - timedelta(days=2), ["lead-1"], "750A", NOW - timedelta(days=2))
        first = archive.message_patterns()
        frame = errors_at([NOW - timedelta(hours=3)] * 2, ["lead-2", "lead-3"], ["750B"] * 2)
        frame = make_frame(
            {
                **{c: frame[c] for c in frame},
                "message": [DUP.format("00Q5g00000AbCdE"), DUP.format("00Q5g00000XyZwV")],
            }
        )
        archive.store(sync_of(frame, started_at=NOW, details=keyed(frame)))
        grown = archive.message_patterns()
        whole = archive.load()
    assert len(first.codes) == 1 and len(grown.codes) == 3
    with closing(sqlite3.connect(path)) as con:
        assert con.execute("SELECT COUNT(*), SUM(count) FROM pattern_segments").fetchone() == (2, 3)
    with ErrorArchive(path) as archive:  # a restart reads them back
        kept = archive.message_patterns(keep=False)
    assert kept.values.take(kept.codes).to_pylist() == grown.values.take(grown.codes).to_pylist()
    table = ErrorGroups(whole, kept).summary().table
    assert sorted(table["errors"]) == [1, 2]  # the two duplicates are one cause
