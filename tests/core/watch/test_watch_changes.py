"""What a sync brought, from the groups before and after it, and the words that tell it:
new, regressed and job-level causes once each, a burst over the admin's threshold, muted
(ignored) causes never, several changes summed into one notification without customer data."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pandas as pd
from archive_helpers import sync_of

from syncerr_gui.core.archive.store import ErrorArchive
from syncerr_gui.core.archive.triage import IGNORED, RESOLVED
from syncerr_gui.core.frame.groups import ErrorGroups
from syncerr_gui.core.frame.schema import JOB_LEVEL, RECORD_LEVEL, concat_frames, make_frame
from syncerr_gui.core.watch.changes import JOB_FAILED, NEW, REGRESSED_CHANGE, GroupCensus, compare
from syncerr_gui.core.watch.notification import notification_for

EMAIL = "Email: invalid email address: {}"
FREE_TEXT = "Customer Jane Roe at 12 Elm Street is blocked"


def errors(rows: list[tuple[str, str, str, str, str, str]], at: datetime, job: str) -> pd.DataFrame:
    """(failed_on, error_type, message, fields, object, source id) rows of one job."""
    return make_frame(
        {
            "failed_on": [r[0] for r in rows],
            "failed_at": [at.isoformat()] * len(rows),
            "error_type": [r[1] for r in rows],
            "message": [r[2] for r in rows],
            "fields": [r[3] for r in rows],
            "object": [r[4] for r in rows],
            "salesforce_id": [""] * len(rows),
            "source_id": [r[5] for r in rows],
            "job_id": [job] * len(rows),
        }
    )


def joined(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Frames of several jobs as one (row ids made unique, as an archive's are)."""
    renumbered = []
    for number, frame in enumerate(frames):
        renumbered.append(frame.assign(row_id=frame["row_id"] + number * 1_000_000))
    return concat_frames(renumbered)


def email_rows(count: int, start: int = 0) -> list[tuple[str, str, str, str, str, str]]:
    return [
        (RECORD_LEVEL, "INVALID_EMAIL_ADDRESS", EMAIL.format(f"p{i}@@acme.example"), "Email", "Lead", f"S{i}")
        for i in range(start, start + count)
    ]


JOB_ROW = (JOB_LEVEL, "InvalidBatch", "InvalidBatch : Field name not found : Foo__c", "", "Lead", "")
VALIDATION_ROW = (RECORD_LEVEL, "FIELD_CUSTOM_VALIDATION_EXCEPTION", FREE_TEXT, "", "Account", "A1")


def test_the_first_census_of_an_empty_archive_finds_every_group_new() -> None:
    now = datetime.now(UTC)
    after = GroupCensus.of_frame(errors([*email_rows(3), JOB_ROW], now, "750A"))
    report = compare(GroupCensus(), after)
    assert [c.kind for c in report.changes] == [NEW, NEW]
    assert report.new_errors == 4 and not report.burst
    notification = notification_for(report)
    assert notification is not None
    assert notification.title == "2 changed causes — 4 errors"
    assert notification.body.splitlines()[0] == "New: INVALID_EMAIL_ADDRESS on Lead.Email — 3 errors"
    assert "@@acme" not in notification.title + notification.body


def test_one_new_cause_names_its_pattern_only_when_it_is_salesforce_wording() -> None:
    now = datetime.now(UTC)
    before = GroupCensus.of_frame(errors([JOB_ROW], now, "750A"))
    after = GroupCensus.of_frame(
        joined([errors([JOB_ROW], now, "750A"), errors(email_rows(214), now, "750B")])
    )
    told = notification_for(compare(before, after))
    assert told is not None
    assert told.title == "New: INVALID_EMAIL_ADDRESS on Lead.Email — 214 errors"
    assert told.body == "Email: invalid email address: <value>"  # Salesforce's words, the value masked
    assert told.group_key == next(iter(after.groups.keys() - before.groups.keys()))
    free = GroupCensus.of_frame(errors([VALIDATION_ROW], now, "750C"))
    told = notification_for(compare(GroupCensus(), free))
    assert told is not None and told.title == "New: FIELD_CUSTOM_VALIDATION_EXCEPTION on Account — 1 error"
    assert "Jane" not in told.body and "Elm" not in told.body  # an admin's free text stays out


def test_nothing_new_tells_nothing_and_a_known_job_failure_is_told_again() -> None:
    now = datetime.now(UTC)
    frame = errors([*email_rows(3), JOB_ROW], now, "750A")
    census = GroupCensus.of_frame(frame)
    assert notification_for(compare(census, census)) is None
    grown = joined([frame, errors([JOB_ROW, *email_rows(2, 10)], now, "750B")])
    report = compare(census, GroupCensus.of_frame(grown))
    assert [(c.kind, c.errors) for c in report.changes] == [
        (JOB_FAILED, 1)
    ]  # more of a known record cause: quiet
    told = notification_for(report)
    assert told is not None and told.title == "Job failed: InvalidBatch on Lead — 1 error"


def test_more_errors_than_the_threshold_in_one_sync_is_a_burst() -> None:
    now = datetime.now(UTC)
    frame = errors(email_rows(3), now, "750A")
    grown = joined([frame, errors(email_rows(40, 10), now, "750B")])
    before, after = GroupCensus.of_frame(frame), GroupCensus.of_frame(grown)
    assert not compare(before, after, threshold=40).burst
    report = compare(before, after, threshold=39)
    assert report.burst and not report.changes
    told = notification_for(report)
    assert told is not None and told.title == "40 errors in one sync"
    assert told.body == "This sync brought 40 errors (more than 39)."


def test_regressed_once_and_ignored_never_through_the_archive(tmp_path: Path) -> None:
    then = datetime.now(UTC) - timedelta(hours=3)
    with ErrorArchive(tmp_path / "archive.sqlite") as archive:
        archive.store(sync_of(errors([*email_rows(3), VALIDATION_ROW], then, "750A"), started_at=then))
        table = ErrorGroups(archive.load(), archive.message_patterns()).summary().table
        archive.set_group_state(table[table["fields"] == "Email"], RESOLVED, at=then + timedelta(hours=1))
        archive.set_group_state(table[table["object"] == "Account"], IGNORED, at=then + timedelta(hours=1))
        before = GroupCensus.of_archive(archive)
        now = datetime.now(UTC)
        rows = [*email_rows(2, 10), (*VALIDATION_ROW[:5], "A2")]
        archive.store(sync_of(errors(rows, now, "750B"), started_at=now))
        after = GroupCensus.of_archive(archive)
        report = compare(before, after)
        assert [(c.kind, c.errors) for c in report.changes] == [(REGRESSED_CHANGE, 2)]
        told = notification_for(report)
        assert told is not None and told.title == "Regressed: INVALID_EMAIL_ADDRESS on Lead.Email — 2 errors"
        assert not compare(after, GroupCensus.of_archive(archive)).changes  # told once
