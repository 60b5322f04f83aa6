"""The loop an admin runs from a terminal: `export --reload-dir`, then `retry FILE --yes`.

The untouched file fails again with the same codes; the same rows with the bad column fixed
succeed, and the next sync shows their original errors as reloaded and the cause Resolved.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from cli_helpers import online

from syncerr_gui.cli.export import main as export_main
from syncerr_gui.cli.retry import main as retry_main
from syncerr_gui.core.archive.store import ErrorArchive
from syncerr_gui.core.archive.triage import RESOLVED
from syncerr_gui.core.frame.groups import ErrorGroups
from syncerr_gui.core.reload.reload_csv import read_reload_csv, target_from_name, write_reload_csv
from syncerr_gui.demo_org import DemoOrg

TRANSIENT = ("UNABLE_TO_LOCK_ROW", "UNKNOWN_EXCEPTION")
BAD_EMAIL = "INVALID_EMAIL_ADDRESS"


def _codes(errors: tuple[str, ...]) -> list[str]:
    return [error.split(":", 1)[0] for error in errors]


def _reload_files(org: DemoOrg, folder: Path, data_dir: Path) -> list[Path]:
    code = export_main(["--reload-dir", str(folder), "--data-dir", str(data_dir), *online(org)])
    assert code == 0
    return sorted(folder.glob("*.csv"))


def _retry(org: DemoOrg, path: Path, data_dir: Path) -> int:
    return retry_main([str(path), "--yes", "--data-dir", str(data_dir), *online(org)])


def test_an_untouched_reload_file_fails_again_with_the_same_codes(fresh_org: DemoOrg, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    files = _reload_files(fresh_org, tmp_path / "reload", data_dir)
    batches = {path: read_reload_csv(path, target_from_name(path))[0] for path in files}
    source = max(files, key=lambda path: len(batches[path]))
    batch = batches[source]
    assert _retry(fresh_org, source, data_dir) == 5
    again = [p for p in source.parent.glob("*.csv") if p not in files]
    assert len(again) == 1
    failed, _ = read_reload_csv(again[0], target_from_name(again[0]))
    expected = sorted(code for code in _codes(batch.errors) if code not in TRANSIENT)
    assert sorted(_codes(failed.errors)) == expected


def _fixed_email_rows(files: list[Path], folder: Path) -> list[Path]:
    """For each reload file with bad e-mail rows: those rows alone, Email corrected."""
    fixed = []
    for path in files:
        batch, job_ids = read_reload_csv(path, target_from_name(path))
        rows = [i for i, code in enumerate(_codes(batch.errors)) if code == BAD_EMAIL]
        if not rows or "Email" not in batch.columns:
            continue
        keep = batch.without_rows([i for i in range(len(batch)) if i not in rows])
        for row in range(len(keep)):
            keep = keep.with_value(row, "Email", f"fixed.{row}@example.com")
        fixed.append(write_reload_csv(folder / path.name, keep, [job_ids[i] for i in rows]))
    return fixed


def test_fixed_rows_succeed_and_the_next_sync_shows_the_originals_reloaded(
    fresh_org: DemoOrg, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "data"
    files = _reload_files(fresh_org, tmp_path / "reload", data_dir)
    (tmp_path / "fixed").mkdir()
    fixed = _fixed_email_rows(files, tmp_path / "fixed")
    assert fixed, "the demo org has bad e-mail addresses to fix"
    for path in fixed:
        assert _retry(fresh_org, path, data_dir) == 0
    assert "now marked as reloaded" in capsys.readouterr().out
    out = tmp_path / "after.csv"
    assert export_main(["--out", str(out), "--data-dir", str(data_dir), *online(fresh_org)]) == 0
    with out.open(encoding="utf-8") as handle:
        exported = [row for row in csv.DictReader(handle) if row["Error Type"] == BAD_EMAIL]
    assert exported and all(row["Reloaded In"].startswith("750") for row in exported)
    with ErrorArchive.for_org(fresh_org.org_id, data_dir) as archive:
        frame = archive.load()
        groups = ErrorGroups(frame, archive.message_patterns()).summary().table
        states = archive.group_states(groups)
    email_groups = groups["error_type"].astype(str) == BAD_EMAIL
    assert set(states[email_groups.to_numpy()]) == {RESOLVED}
