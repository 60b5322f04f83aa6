"""`python main.py export --reload-dir DIR …` in its own process, against the demo org: the
failed rows as reload files, online, through an archive and offline from it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import online, run_export

from syncerr_gui.core.reload.reload_csv import BOM, read_reload_csv, target_from_name


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.csv"))}


def test_demo_reload_files_and_the_summary(tmp_path: Path) -> None:
    folder = tmp_path / "reload"
    result = run_export("--demo", "--reload-dir", str(folder))
    assert result.returncode == 0, result.stderr
    written = files_of(folder)
    assert written and all(data.startswith(BOM.encode("utf-8")) for data in written.values())
    *file_lines, summary = result.stdout.splitlines()
    assert sorted(Path(line.rsplit(":", 1)[0]).name for line in file_lines) == sorted(written)
    rows = 0
    for name in written:
        target = target_from_name(name)
        assert target is not None
        batch, job_ids = read_reload_csv(folder / name, target)
        assert all(job_ids) and len(batch) > 0
        rows += len(batch)
    assert summary.startswith(
        f"Wrote {rows} failed rows to {len(written)} reload files in {folder}; left out "
    )
    assert "job-level errors (no input row)" in summary and "Apex job errors (no input row)" in summary
    assert not list(folder.glob(".*.tmp"))


def test_with_json_the_json_line_is_all_of_stdout(tmp_path: Path) -> None:
    folder = tmp_path / "reload"
    result = run_export("--demo", "--reload-dir", str(folder), "--json")
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()
    assert json.loads(line)["problems"] == 0
    assert len([x for x in result.stderr.splitlines() if x.endswith(" rows")]) == len(files_of(folder))


def test_through_the_archive_and_offline_the_same_files(fresh_org, tmp_path: Path) -> None:
    data = tmp_path / "data"
    first, second = tmp_path / "online", tmp_path / "offline"
    result = run_export(
        *online(fresh_org), "--since", "2000-01-01", "--data-dir", str(data), "--reload-dir", str(first)
    )
    assert result.returncode == 0, result.stderr
    assert "new this sync" in result.stdout.splitlines()[-1]
    result = run_export("--offline", "--data-dir", str(data), "--all", "--reload-dir", str(second))
    assert result.returncode == 0, result.stderr
    assert files_of(first) == files_of(second) != {}


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--out", "x.csv"], "choose --out or --reload-dir, not both"),
        (["--groups"], "drop --groups and --input-rows"),
        (["--input-rows"], "drop --groups and --input-rows"),
    ],
)
def test_reload_dir_with_options_that_do_not_fit_is_refused(
    tmp_path: Path, extra: list[str], words: str
) -> None:
    result = run_export("--demo", "--reload-dir", str(tmp_path / "reload"), *extra)
    assert result.returncode == 2
    assert words in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "reload").exists()


def test_neither_out_nor_reload_dir_and_a_file_for_a_folder_are_refused(tmp_path: Path) -> None:
    result = run_export("--demo")
    assert result.returncode == 2 and "give --out FILE (or --reload-dir DIR" in result.stderr
    taken = tmp_path / "a-file"
    taken.write_text("x", encoding="utf-8")
    result = run_export("--demo", "--reload-dir", str(taken))
    assert result.returncode == 2 and "is a file; give a folder" in result.stderr
