"""The error archive on synthetic syncs: history survives restarts, re-syncs add no duplicates,
first/last seen, new since last visit, purge, migrations, and a damaged snapshot."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest
from archive_helpers import stamp, sync_of

from syncerr_gui.core.archive.schema import SCHEMA_VERSION, migrate
from syncerr_gui.core.archive.store import ErrorArchive
from syncerr_gui.core.exceptions import ArchiveError
from syncerr_gui.core.frame.schema import SOURCE_BULK1, SOURCE_BULK2, make_frame
from syncerr_gui.core.salesforce.parts import JobSummary
from syncerr_gui.core.sync.values import SyncProblem
from syncerr_gui.demo_org.synthetic import synthetic_errors

KEY = ["job_id", "source", "batch_id", "row_key"]
NOW = datetime.now(UTC).replace(microsecond=0)


def errors_at(
    when: list[datetime],
    source_ids: list[str],
    jobs: list[str],
    error_type: str = "STRING_TOO_LONG",
    source: str = SOURCE_BULK2,
) -> pd.DataFrame:
    """Record-level errors with chosen failure times, source ids and jobs."""
    n = len(when)
    return make_frame(
        {
            "failed_on": "Record Level",
            "failed_at": pd.to_datetime(when, utc=True),
            "error_type": error_type,
            "message": "too long",
            "object": "Lead",
            "operation": "insert",
            "source_id": source_ids,
            "job_id": jobs,
            "source": source,
            "row_key": [f"k{i}" for i in range(n)],
        },
        length=n,
    )


def other_jobs(frame: pd.DataFrame, tag: str) -> pd.DataFrame:
    """The same errors as if from other jobs (the synthetic generator reuses job ids per seed)."""
    return make_frame(
        {**{c: frame[c] for c in frame.columns}, "job_id": tag + frame["job_id"].str[len(tag) :]}
    )


def as_set(frame: pd.DataFrame) -> set[tuple[str, ...]]:
    return set(frame[KEY + ["message"]].astype("str").itertuples(index=False, name=None))


@pytest.fixture()
def archive(tmp_path: Path) -> ErrorArchive:
    with ErrorArchive(tmp_path / "org.sqlite3") as arch:
        yield arch


def test_history_survives_a_restart_with_or_without_the_snapshot(tmp_path: Path) -> None:
    frame = synthetic_errors(3000, jobs=30)
    path = tmp_path / "org.sqlite3"
    with ErrorArchive(path) as arch:
        stats = arch.store(sync_of(frame))
    assert stats.rows_new == 3000
    with ErrorArchive(path) as arch:
        from_snapshot = arch.load()
        for leftover in tmp_path.glob("*.arrow"):
            leftover.unlink()
        from_sqlite = arch.load()
    assert as_set(from_snapshot) == as_set(frame)
    pd.testing.assert_frame_equal(from_snapshot, from_sqlite)
    assert from_snapshot["first_seen"].notna().all()
    assert [str(d) for d in from_snapshot.dtypes] == [str(d) for d in make_frame({}, length=0).dtypes]


def test_storing_the_same_sync_twice_adds_no_duplicates(archive: ErrorArchive) -> None:
    frame = synthetic_errors(2000, jobs=20)
    archive.store(sync_of(frame))
    again = archive.store(sync_of(frame))
    assert (again.rows_new, again.rows_seen_again) == (0, 2000)
    loaded = archive.load()
    assert len(loaded) == 2000 and not loaded.duplicated(KEY).any()


def test_rows_repeated_inside_one_sync_are_stored_once(archive: ErrorArchive) -> None:
    frame = synthetic_errors(100, jobs=5)
    doubled = pd.concat([frame, frame.iloc[:10]], ignore_index=True)
    stats = archive.store(sync_of(doubled))
    assert (stats.rows_new, stats.duplicates_in_result) == (100, 10)
    assert archive.error_count() == 100


def test_a_second_sync_adds_only_its_new_rows(archive: ErrorArchive) -> None:
    frame = synthetic_errors(1000, jobs=10)
    first, later = frame.iloc[:600], frame.iloc[400:]
    archive.store(sync_of(first.reset_index(drop=True)))
    stats = archive.store(sync_of(later.reset_index(drop=True)))
    assert (stats.rows_new, stats.rows_seen_again) == (400, 200)
    appended = archive.load()
    assert as_set(appended) == as_set(frame)
    for snapshot in archive.path.parent.glob("*.arrow"):
        snapshot.unlink()
    pd.testing.assert_frame_equal(appended, archive.load())  # the appended snapshot equals SQLite's truth


def test_a_cancelled_sync_keeps_its_rows_but_is_not_a_success(archive: ErrorArchive) -> None:
    earlier = NOW - timedelta(hours=3)
    archive.store(sync_of(synthetic_errors(50, jobs=2), started_at=earlier))
    frame = other_jobs(synthetic_errors(300, seed=2, jobs=6), "751")
    unread = JobSummary(
        "750unread", SOURCE_BULK2, "JobComplete", stamp(NOW), True, "Lead", "insert", 7, False
    )
    result = sync_of(frame, cancelled=True)
    result.jobs.append(unread)
    archive.store(result)
    assert archive.error_count() == 350
    assert archive.last_success_start() == earlier
    assert "750unread" not in archive.finished_jobs()


def test_only_completely_read_finished_jobs_are_skipped_next_time(archive: ErrorArchive) -> None:
    frame = errors_at([NOW] * 3, ["a", "b", "c"], ["750A", "750B", "750C"])
    result = sync_of(frame, problems=[SyncProblem(SOURCE_BULK2, "750B", "503 after retries")])
    result.jobs.append(
        JobSummary("750D", SOURCE_BULK2, "InProgress", stamp(NOW), False, "Lead", "insert", 0, False)
    )
    archive.store(result)
    assert archive.finished_jobs() == {"750A": stamp(NOW), "750C": stamp(NOW)}  # as the REST list writes it


def test_first_and_last_seen_follow_the_signature_across_jobs(archive: ErrorArchive) -> None:
    day1, day3 = NOW - timedelta(days=3), NOW - timedelta(days=1)
    archive.store(sync_of(errors_at([day1, day1], ["lead-1", "lead-2"], ["750A", "750A"])))
    archive.store(sync_of(errors_at([day3, day3], ["lead-1", "lead-9"], ["750B", "750B"])))
    frame = archive.load()
    first_seen = dict(zip(frame["job_id"] + "/" + frame["source_id"], frame["first_seen"]))
    assert first_seen["750B/lead-1"] == pd.Timestamp(day1)
    assert first_seen["750B/lead-9"] == pd.Timestamp(day3)
    with closing(sqlite3.connect(archive.path)) as con:
        row = con.execute("SELECT count, last_seen FROM signatures WHERE source_id = 'lead-1'").fetchone()
    assert row == (2, pd.Timestamp(day3).value)


def test_new_since_last_visit_flags_only_errors_that_first_failed_after_it(archive: ErrorArchive) -> None:
    before, after = NOW - timedelta(days=2), NOW - timedelta(hours=1)
    archive.store(sync_of(errors_at([before], ["lead-1"], ["750A"]), started_at=NOW - timedelta(days=1)))
    assert not archive.new_since_last_visit(archive.load()).any()  # never visited: nothing is "new"
    archive.mark_visit()
    archive.store(sync_of(errors_at([after, after], ["lead-1", "lead-2"], ["750B", "750B"])))
    frame = archive.load()
    flagged = set(frame.loc[archive.new_since_last_visit(frame), "source_id"])
    assert flagged == {"lead-2"}
    assert archive.last_visit() is not None


def test_purge_deletes_old_errors_and_keeps_recent_ones(archive: ErrorArchive) -> None:
    old, recent = NOW - timedelta(days=200), NOW - timedelta(days=2)
    archive.store(sync_of(errors_at([old, old, recent], ["a", "b", "a"], ["750O", "750O", "750R"])))
    archive.load()  # a current snapshot exists, the purge must update it
    assert archive.purge(retention_days=180) == 2
    frame = archive.load()
    assert list(frame["job_id"]) == ["750R"]
    assert frame["first_seen"].iloc[0] == pd.Timestamp(recent)
    assert archive.purge() == 0
    with closing(sqlite3.connect(archive.path)) as con:
        assert con.execute("SELECT source_id, count FROM signatures").fetchall() == [("a", 1)]


def test_a_damaged_or_stale_snapshot_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "org.sqlite3"
    with ErrorArchive(path) as arch:
        arch.store(sync_of(synthetic_errors(200, jobs=4)))
        snapshot = next(tmp_path.glob("*.arrow"))
        shutil.copy(snapshot, tmp_path / "old.bin")
        arch.store(sync_of(other_jobs(synthetic_errors(100, seed=5, jobs=3), "752")))
    shutil.copy(tmp_path / "old.bin", snapshot)  # stale: an older generation
    with ErrorArchive(path) as arch:
        assert len(arch.load()) == 300
    snapshot.write_bytes(b"ARROW1\x00\x00 not really")
    with ErrorArchive(path) as arch:
        assert len(arch.load()) == 300


def test_an_older_schema_is_migrated_with_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    con = sqlite3.connect(path, isolation_level=None)
    migrate(con, target=1)
    con.execute(
        "INSERT INTO errors (failed_on, failed_at, error_type, message, fields, object, operation, "
        "salesforce_id, source_id, job_id, batch_id, source, created_by, input_row, row_key, sync_id, "
        "first_archived, last_seen) VALUES ('Record Level', ?, 'DUPLICATES_DETECTED', 'dup', '', "
        "'Lead', 'insert', '', 'lead-7', '750X', '', ?, '', '{}', 'k', 1, 0, 0)",
        (pd.Timestamp(NOW).value, SOURCE_BULK2),
    )
    con.close()
    with ErrorArchive(path) as arch:
        frame = arch.load()
    with closing(sqlite3.connect(path)) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert list(frame["source_id"]) == ["lead-7"]
    assert frame["first_seen"].iloc[0] == pd.Timestamp(NOW)


def test_an_archive_from_a_newer_app_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    with closing(sqlite3.connect(path)) as con:
        con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(ArchiveError, match="newer version"):
        ErrorArchive(path)


def test_deleted_jobs_in_the_window_are_flagged_and_keep_their_errors(archive: ErrorArchive) -> None:
    frame = errors_at([NOW, NOW], ["a", "b"], ["750A", "750B"])
    archive.store(sync_of(frame))
    second = sync_of(frame.iloc[:0])
    second.jobs[:] = [j for j in sync_of(frame).jobs if j.job_id == "750A"]
    stats = archive.store(second, listed_sources=(SOURCE_BULK2, SOURCE_BULK1))
    jobs = archive.jobs().set_index("job_id")
    assert stats.jobs_deleted == 1 and jobs.loc["750B", "deleted_from_org"] == 1
    assert set(archive.load()["job_id"]) == {"750A", "750B"}


def test_one_archive_per_org_whatever_the_id_length(tmp_path: Path) -> None:
    with ErrorArchive.for_org("00D5e000000ABcd", data_dir=tmp_path) as arch:
        arch.store(sync_of(synthetic_errors(10, jobs=1)))
    with ErrorArchive.for_org("00D5e000000ABcdEAG", data_dir=tmp_path) as arch:
        assert arch.error_count() == 10
    with pytest.raises(ValueError):
        ErrorArchive.for_org("../../etc/passwd", data_dir=tmp_path)


def test_a_file_that_is_not_an_archive_is_reported_in_words(tmp_path: Path) -> None:
    path = tmp_path / "org.sqlite3"
    path.write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(ArchiveError, match="cannot be opened"):
        ErrorArchive(path)
