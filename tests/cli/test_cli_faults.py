"""Issue 19's sync and archive faults, end to end: `main.py export` against a demo org over
real HTTPS, in-process (so the test holds the org): a run once made with the clock ahead, an
empty export, the org's daily API limit used up mid-sync."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from archive_helpers import sync_of
from cli_helpers import online

from syncerr_gui.cli.failures import EXIT_API_LIMIT
from syncerr_gui.core.archive.store import ErrorArchive
from syncerr_gui.core.frame.schema import empty_frame
from syncerr_gui.core.time_window import default_since


def csv_rows(path: Path) -> int:
    with open(path, encoding="utf-8", newline="") as fh:
        return sum(1 for _ in csv.DictReader(fh))


def test_a_sync_once_run_with_the_clock_ahead_does_not_empty_later_exports(
    export, fresh_org, tmp_path: Path
) -> None:
    data, out = tmp_path / "data", tmp_path / "errors.csv"
    ahead = datetime.now(UTC) + timedelta(days=20)  # what `faketime +20d` left in the archive
    with ErrorArchive.for_org(fresh_org.org_id, data) as archive:
        archive.store(sync_of(empty_frame(), started_at=ahead, jobs=[]))
    run = export(*online(fresh_org), "--data-dir", str(data), "--out", str(out))
    assert run.code == 0, run.stderr
    expected = len(fresh_org.truth.errors(default_since(None)))
    assert expected and csv_rows(out) == expected and run.stdout.startswith(f"Wrote {expected} errors")
    assert "warning: The archive holds a sync dated" in run.stderr and "was the clock ahead" in run.stderr
    again = export(*online(fresh_org), "--data-dir", str(data), "--out", str(out))  # and every later one
    assert again.code == 0 and csv_rows(out) == expected


def test_an_empty_export_while_the_org_lists_jobs_says_why(export, fresh_org, tmp_path: Path) -> None:
    out = tmp_path / "errors.csv"
    since = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()  # after every job of the demo org
    run = export(*online(fresh_org), "--since", since, "--out", str(out))
    assert run.code == 0 and run.stdout.startswith("Wrote 0 errors"), run
    assert "warning: No errors: the org lists " in run.stderr
    assert "none changed since the window's start" in run.stderr and "an earlier --since" in run.stderr


def test_the_daily_api_limit_used_up_is_a_warning_and_exit_6_and_the_next_export_reads_the_rest(
    export, fresh_org, tmp_path: Path
) -> None:
    data, first_csv, second_csv = tmp_path / "data", tmp_path / "first.csv", tmp_path / "second.csv"
    window = ("--since", "2000-01-01")
    fresh_org.use_up_api_limit(after=15)
    first = export(*online(fresh_org), "--data-dir", str(data), *window, "--out", str(first_csv))
    assert first.code == EXIT_API_LIMIT == 6, first
    assert first.stdout.startswith(f"Wrote {csv_rows(first_csv)} errors")
    warnings = [line for line in first.stderr.splitlines() if "API limit" in line]
    assert len(warnings) == 1 and warnings[0].startswith("warning: The org's daily API limit is used up: ")
    assert warnings[0].endswith(" jobs not read; the next sync will read them.")
    assert fresh_org.refused_for_limit <= 26  # stopped at the first refusal: at most what was in flight

    fresh_org.use_up_api_limit(None)
    second = export(*online(fresh_org), "--data-dir", str(data), "--out", str(second_csv))
    assert second.code == 0 and "API limit" not in second.stderr, second
    assert csv_rows(second_csv) == len(fresh_org.truth.errors()) > csv_rows(first_csv)


def test_a_full_disk_during_the_store_is_named_and_leaves_no_wal(
    export, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from syncerr_gui.demo_org import DemoConfig, DemoOrg

    data, out = tmp_path / "data", tmp_path / "errors.csv"
    with DemoOrg(DemoConfig(record_errors=6000, bulk2_jobs=20, classic_jobs=2, apex_jobs=2)) as org:
        _store_on_a_full_disk(export, org, data, out, monkeypatch)


def _store_on_a_full_disk(export, org, data: Path, out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with ErrorArchive.for_org(org.org_id, data) as archive:
        pages = archive._con.execute("PRAGMA page_count").fetchone()[0]
        wal = archive.path.with_name(archive.path.name + "-wal")
    opened = ErrorArchive._connect

    def full_disk(path: Path, busy_timeout_s: float):  # the disk is full: no page more
        con = opened(path, busy_timeout_s)
        con.execute(f"PRAGMA max_page_count = {pages}")
        return con

    monkeypatch.setattr(ErrorArchive, "_connect", staticmethod(full_disk))
    run = export(*online(org), "--data-dir", str(data), "--since", "2000-01-01", "--out", str(out))
    assert run.code == 1 and run.stdout == "" and not out.exists(), run
    error = run.stderr.splitlines()[-1]
    assert error.startswith("error: ") and "the disk is full (database or disk is full)" in error
    assert "rollback" not in run.stderr and (not wal.exists() or wal.stat().st_size == 0)


def test_a_damaged_archive_is_recovered_and_the_export_still_holds_every_error(
    export, tmp_path: Path
) -> None:
    import random

    from syncerr_gui.demo_org import DemoConfig, DemoOrg

    data, out = tmp_path / "data", tmp_path / "errors.csv"
    window = ("--since", "2000-01-01")
    with DemoOrg(DemoConfig(record_errors=6000, bulk2_jobs=30, classic_jobs=2, apex_jobs=2)) as org:
        first = export(*online(org), "--data-dir", str(data), *window, "--out", str(out))
        assert first.code == 0, first
        (path,) = data.glob("archive-*.sqlite3")
        with open(path, "r+b") as fh:  # random bytes inside
            fh.seek(path.stat().st_size // 2)
            fh.write(random.Random(3).randbytes(150_000))
        again = export(*online(org), "--data-dir", str(data), *window, "--out", str(out))
        assert again.code == 0, again
        note = [line for line in again.stderr.splitlines() if "was damaged" in line]
        assert len(note) == 1 and note[0].startswith(f"warning: The error archive {path.name} was damaged (")
        assert " errors recovered" in note[0] and len(list(data.glob(f"{path.name}.damaged-*"))) >= 1
        assert csv_rows(out) == len(org.truth.errors())  # what was lost was read again from the org
