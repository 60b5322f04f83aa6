"""The error archive on synthetic syncs: history survives restarts, re-syncs add no duplicates,
first seen, new since last visit, purge, migrations, details read back, parts merged."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest
from archive_helpers import numbered_details, stamp, sync_of

from syncerr_gui.core.archive.schema import SCHEMA_VERSION
from syncerr_gui.core.archive.store import ErrorArchive
from syncerr_gui.core.archive.upgrade import migrate
from syncerr_gui.core.exceptions import ArchiveError
from syncerr_gui.core.frame.row_details import INPUT_ROW, ROW_KEY, MemoryRowDetails
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
        },
        length=n,
    )


def keyed(frame: pd.DataFrame) -> MemoryRowDetails:
    """Row keys k0, k1, … and an input row naming the row."""
    return MemoryRowDetails.of(
        [f"k{i}" for i in range(len(frame))], [f'{{"n": "{i}"}}' for i in range(len(frame))]
    )


def other_jobs(frame: pd.DataFrame, tag: str) -> pd.DataFrame:
    """The same errors as if from other jobs (the synthetic generator reuses job ids per seed)."""
    return make_frame(
        {**{c: frame[c] for c in frame.columns}, "job_id": tag + frame["job_id"].str[len(tag) :]}
    )


def as_set(frame: pd.DataFrame, details) -> set[tuple[str, ...]]:
    """(job, source, batch, row key, message) of every row, the key read from `details`."""
    text = frame[["job_id", "source", "batch_id", "message"]].astype("str")
    text.insert(3, "row_key", details.read(frame["row_id"].to_numpy(), ROW_KEY).to_pylist())
    return set(text.itertuples(index=False, name=None))


def stored(frame: pd.DataFrame) -> set[tuple[str, ...]]:
    """`as_set` of a synthetic frame as `sync_of` stores it."""
    return as_set(frame, numbered_details(frame))


@pytest.fixture()
def archive(tmp_path: Path) -> ErrorArchive:
    with ErrorArchive(tmp_path / "org.sqlite3") as arch:
        yield arch


def test_history_survives_a_restart_with_its_input_rows(tmp_path: Path) -> None:
    frame = synthetic_errors(3000, jobs=30)
    path = tmp_path / "org.sqlite3"
    with ErrorArchive(path) as arch:
        stats = arch.store(sync_of(frame))
        loaded_before = arch.load()
    assert stats.rows_new == 3000
    with ErrorArchive(path) as arch:
        loaded = arch.load()
        assert as_set(loaded, arch.details) == stored(frame)
        inputs = arch.details.read(loaded["row_id"].to_numpy(), INPUT_ROW).to_pylist()
    pd.testing.assert_frame_equal(loaded, loaded_before)
    assert set(inputs) == {'{"LastName": "Nguyễn", "Company": "=cmd"}'}
    assert loaded["first_seen"].notna().all()
    assert [str(d) for d in loaded.dtypes] == [str(d) for d in make_frame({}, length=0).dtypes]
    columns = [c for c in frame.columns if c not in ("row_id", "first_seen")]
    text = loaded.sort_values("salesforce_id", kind="stable")[columns].astype("str").reset_index(drop=True)
    assert (
        text.sort_values(columns)
        .reset_index(drop=True)
        .equals(frame[columns].astype("str").sort_values(columns).reset_index(drop=True))
    )


def test_storing_the_same_sync_twice_adds_no_duplicates(archive: ErrorArchive) -> None:
    frame = synthetic_errors(2000, jobs=20)
    archive.store(sync_of(frame))
    again = archive.store(sync_of(frame))
    assert (again.rows_new, again.rows_seen_again) == (0, 2000)
    loaded = archive.load()
    assert len(loaded) == 2000 and len(as_set(loaded, archive.details)) == 2000


def test_rows_repeated_inside_one_sync_are_stored_once(archive: ErrorArchive) -> None:
    frame = synthetic_errors(100, jobs=5)
    doubled = make_frame(
        {
            c: pd.concat([frame[c], frame[c].iloc[:10]], ignore_index=True)
            for c in frame.columns
            if c != "row_id"
        }
    )
    keys = [str(i) for i in range(100)] + [str(i) for i in range(10)]
    stats = archive.store(sync_of(doubled, details=MemoryRowDetails.of(keys, ["{}"] * 110)))
    assert (stats.rows_new, stats.duplicates_in_result) == (100, 10)
    assert archive.error_count() == 100


def test_a_second_sync_adds_only_its_new_rows(archive: ErrorArchive) -> None:
    frame = synthetic_errors(1000, jobs=10)
    details = numbered_details(frame)
    first, later = frame.iloc[:600], frame.iloc[400:]
    archive.store(sync_of(first.reset_index(drop=True), details=details))
    stats = archive.store(sync_of(later.reset_index(drop=True), details=details))
    assert (stats.rows_new, stats.rows_seen_again) == (400, 200)
    assert as_set(archive.load(), archive.details) == stored(frame)


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
    first = errors_at([day1, day1], ["lead-1", "lead-2"], ["750A", "750A"])
    archive.store(sync_of(first, details=keyed(first)))
    later = errors_at([day3, day3], ["lead-1", "lead-9"], ["750B", "750B"])
    archive.store(sync_of(later, details=keyed(later)))
    earlier = errors_at([day1 - timedelta(days=1)], ["lead-9"], ["750C"])  # a late job, failed earlier
    archive.store(sync_of(earlier, details=keyed(earlier)))
    frame = archive.load()
    first_seen = dict(
        zip(frame["job_id"].astype(str) + "/" + frame["source_id"].astype(str), frame["first_seen"])
    )
    assert first_seen["750B/lead-1"] == pd.Timestamp(day1)
    assert first_seen["750B/lead-9"] == pd.Timestamp(day1 - timedelta(days=1))
    assert first_seen["750A/lead-2"] == pd.Timestamp(day1)


def test_new_since_last_visit_flags_only_errors_that_first_failed_after_it(archive: ErrorArchive) -> None:
    before, after = NOW - timedelta(days=2), NOW - timedelta(hours=1)
    first = errors_at([before], ["lead-1"], ["750A"])
    archive.store(sync_of(first, started_at=NOW - timedelta(days=1), details=keyed(first)))
    assert not archive.new_since_last_visit(archive.load()).any()  # never visited: nothing is "new"
    archive.mark_visit()
    later = errors_at([after, after], ["lead-1", "lead-2"], ["750B", "750B"])
    archive.store(sync_of(later, details=keyed(later)))
    frame = archive.load()
    flagged = set(frame.loc[archive.new_since_last_visit(frame), "source_id"])
    assert flagged == {"lead-2"}
    assert archive.last_visit() is not None


def test_purge_deletes_old_errors_and_keeps_recent_ones(archive: ErrorArchive) -> None:
    old, recent = NOW - timedelta(days=200), NOW - timedelta(days=2)
    frame = errors_at([old, old, recent], ["a", "b", "a"], ["750O", "750O", "750R"])
    archive.store(sync_of(frame, details=keyed(frame)))
    loaded = archive.load()
    recent_id = int(loaded.loc[loaded["job_id"] == "750R", "row_id"].iloc[0])
    assert archive.purge(retention_days=180) == 2
    frame = archive.load()
    assert list(frame["job_id"]) == ["750R"]
    assert frame["first_seen"].iloc[0] == pd.Timestamp(recent)  # no longer the purged row's time
    assert int(frame["row_id"].iloc[0]) == recent_id  # row ids survive a purge, details with them
    assert archive.details.read(frame["row_id"].to_numpy(), INPUT_ROW).to_pylist() == ['{"n": "2"}']
    assert archive.purge() == 0
    assert "750O" not in set(archive.jobs()["job_id"])


def test_an_older_schema_is_migrated_with_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    con = sqlite3.connect(path, isolation_level=None)
    migrate(con, target=1)
    con.execute(
        "INSERT INTO errors (failed_on, failed_at, error_type, message, fields, object, operation, "
        "salesforce_id, source_id, job_id, batch_id, source, created_by, input_row, row_key, sync_id, "
        "first_archived, last_seen) VALUES ('Record Level', ?, 'DUPLICATES_DETECTED', 'dup', '', "
        "'Lead', 'insert', '', 'lead-7', '750X', '', ?, '', '{\"a\": \"1\"}', 'k', 1, 0, 0)",
        (pd.Timestamp(NOW).value, SOURCE_BULK2),
    )
    con.close()
    with ErrorArchive(path) as arch:
        frame = arch.load()
    with closing(sqlite3.connect(path)) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert list(frame["source_id"]) == ["lead-7"]
    assert frame["first_seen"].iloc[0] == pd.Timestamp(NOW)
    with ErrorArchive(path) as arch:
        assert arch.details.read(frame["row_id"].to_numpy(), INPUT_ROW).to_pylist() == ['{"a": "1"}']
        assert arch.details.read(frame["row_id"].to_numpy(), ROW_KEY).to_pylist() == ["k"]


def test_an_archive_from_a_newer_app_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    with closing(sqlite3.connect(path)) as con:
        con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(ArchiveError, match="newer version"):
        ErrorArchive(path)


def test_deleted_jobs_in_the_window_are_flagged_and_keep_their_errors(archive: ErrorArchive) -> None:
    frame = errors_at([NOW, NOW], ["a", "b"], ["750A", "750B"])
    archive.store(sync_of(frame, details=keyed(frame)))
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


def test_a_file_that_is_not_an_archive_is_reported_in_words_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "org.sqlite3"
    path.write_bytes(b"this is not a database at all" * 200)
    with ErrorArchive(path) as archive:  # kept aside, a new archive in its place (test_archive_damaged.py)
        assert archive.recovery_note.startswith(
            "The error archive org.sqlite3 was damaged (file is not a database)"
        )
    (kept,) = tmp_path.glob("org.sqlite3.damaged-*")
    assert kept.read_bytes() == b"this is not a database at all" * 200


def test_a_store_cancelled_at_any_step_leaves_the_archive_as_it_was(archive: ErrorArchive) -> None:
    from syncerr_gui.core.cancel import CancelToken, SyncCancelled

    archive.store(sync_of(synthetic_errors(500, seed=1, jobs=5)))
    before = archive.load()
    frame = other_jobs(synthetic_errors(800, seed=2, jobs=8), "752")

    class CancelAfter(CancelToken):
        """Cancels at the n-th check: every step of a store gets interrupted once."""

        def __init__(self, checks: int) -> None:
            super().__init__()
            self.left = checks

        def raise_if_cancelled(self) -> None:
            self.left -= 1
            if self.left < 0:
                self.cancel()
            super().raise_if_cancelled()

    steps = 0
    while True:
        token = CancelAfter(steps)
        try:
            archive.store(sync_of(frame), cancel=token)
        except SyncCancelled:
            pd.testing.assert_frame_equal(archive.load(), before)
            assert archive.error_count() == 500
            steps += 1
            continue
        break
    assert steps > 5  # it was interrupted at each of its steps before completing
    assert archive.error_count() == 1300


def test_small_parts_are_merged_without_changing_a_row(archive: ErrorArchive) -> None:
    for seed in range(1, 7):
        archive.store(sync_of(other_jobs(synthetic_errors(200, seed=seed, jobs=4), f"75{seed}")))
    before = archive.load()
    inputs = archive.details.read(before["row_id"].to_numpy(), INPUT_ROW).to_pylist()
    with closing(sqlite3.connect(archive.path)) as con:
        assert con.execute("SELECT COUNT(*) FROM parts").fetchone()[0] == 6
    assert archive.compact() == 6
    with closing(sqlite3.connect(archive.path)) as con:
        assert con.execute("SELECT COUNT(*) FROM parts").fetchone()[0] == 1
    pd.testing.assert_frame_equal(archive.load(), before)
    assert archive.details.read(before["row_id"].to_numpy(), INPUT_ROW).to_pylist() == inputs
    again = archive.store(sync_of(other_jobs(synthetic_errors(200, seed=3, jobs=4), "753")))
    assert again.rows_new == 0  # identities are found in the merged part


def test_old_input_rows_can_be_dropped_while_their_errors_stay(archive: ErrorArchive) -> None:
    old, recent = NOW - timedelta(days=40), NOW - timedelta(days=2)
    frame = errors_at([old, recent, old], ["a", "b", "c"], ["750O", "750R", "750O"])
    archive.store(sync_of(frame, details=keyed(frame)))
    assert archive.drop_input_rows(older_than_days=30) == 2
    loaded = archive.load()
    assert len(loaded) == 3
    by_job = dict(zip(loaded["row_id"], loaded["job_id"].astype(str)))
    inputs = dict(
        zip(loaded["row_id"], archive.details.read(loaded["row_id"].to_numpy(), INPUT_ROW).to_pylist())
    )
    assert {by_job[i]: v for i, v in inputs.items() if v} == {"750R": '{"n": "1"}'}
    assert archive.store(sync_of(frame, details=keyed(frame))).rows_new == 0  # their keys are kept


def test_the_size_per_month_adds_up_to_the_rows(archive: ErrorArchive) -> None:
    months = [
        datetime(2026, 9, 3, tzinfo=UTC),
        datetime(2026, 10, 9, tzinfo=UTC),
        datetime(2026, 10, 30, tzinfo=UTC),
    ]
    frame = errors_at(months, ["a", "b", "c"], ["750A", "750B", "750B"])
    archive.store(sync_of(frame, details=keyed(frame)))
    sizes = archive.size_by_month()
    assert [(m.month, m.rows) for m in sizes] == [("2026-09", 1), ("2026-10", 2)]
    assert all(m.error_bytes > 0 for m in sizes) and sum(m.input_bytes for m in sizes) > 0


def test_rows_keyed_by_another_key_algorithm_are_not_mixed_in(archive: ErrorArchive) -> None:
    archive.store(sync_of(synthetic_errors(10, jobs=1)))
    with closing(sqlite3.connect(archive.path)) as con:
        con.execute("UPDATE meta SET value = '99' WHERE key = 'row_key_version'")
        con.commit()
    with pytest.raises(ArchiveError, match="identifies rows in another way"):
        archive.store(sync_of(synthetic_errors(10, seed=4, jobs=1)))
    assert archive.error_count() == 10 and len(archive.load()) == 10  # still readable


def test_a_purge_cancelled_between_parts_keeps_a_sound_archive(archive: ErrorArchive) -> None:
    from syncerr_gui.core.cancel import CancelToken

    old = NOW - timedelta(days=300)
    for n in range(3):  # three stores: three parts, all older than the retention
        frame = errors_at([old, old], [f"a{n}", f"b{n}"], [f"750{n}", f"750{n}"])
        archive.store(sync_of(frame, details=keyed(frame)))
    token = CancelToken()
    token.cancel()
    assert archive.purge(180, cancel=token) == 0 and archive.error_count() == 6
    token = CancelToken()
    steps: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        steps.append((done, total))
        token.cancel()  # Cancel after the first part

    assert archive.purge(180, cancel=token, progress=progress) == 2
    assert steps == [(1, 3)] and archive.error_count() == 4 and len(archive.load()) == 4
    assert archive.purge(180) == 4 and archive.error_count() == 0


def test_two_copies_of_the_app_storing_in_turn_share_one_dictionary(tmp_path: Path) -> None:
    path = tmp_path / "org.sqlite3"
    first = errors_at([NOW], ["lead-1"], ["750A"])
    second = errors_at([NOW], ["lead-2"], ["750B"])
    with ErrorArchive(path) as one, ErrorArchive(path) as other:
        one.store(sync_of(first, details=keyed(first)))
        other.store(sync_of(second, details=keyed(second)))  # adds "lead-2" and job 750B
        assert len(one.load()) == 2  # `one` reads the other's segments without their hashes
        again = errors_at([NOW], ["lead-2"], ["750C"])
        one.store(sync_of(again, details=keyed(again)))
        frame = one.load()
    assert sorted(frame["source_id"].astype(str)) == ["lead-1", "lead-2", "lead-2"]
    assert list(frame["source_id"].cat.categories).count("lead-2") == 1  # one code, not two
    first_seen = frame.loc[frame["source_id"] == "lead-2", "first_seen"]
    assert first_seen.nunique() == 1  # one signature across both copies' rows
