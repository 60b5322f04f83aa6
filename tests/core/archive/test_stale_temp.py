"""Temp files a killed run left behind are the app's to clean: by their name and age, at
the archive's opening and before an export; until then they count in the archive's size."""

from __future__ import annotations

import os
import time
from pathlib import Path

from syncerr_gui.core.archive.data_dirs import archive_file_name
from syncerr_gui.core.archive.store import ErrorArchive
from syncerr_gui.core.frame.export import export_csv
from syncerr_gui.core.frame.schema import empty_frame

ORG = "00D5g000000016XEAQ"
DAY = 86_400


def _left_behind(path: Path, size: int, age_s: float) -> Path:
    path.write_bytes(b"x" * size)
    then = time.time() - age_s
    os.utime(path, (then, then))
    return path


def test_opening_the_archive_removes_its_old_temp_files_and_counts_the_fresh_ones(tmp_path: Path) -> None:
    name = archive_file_name(ORG)
    old = _left_behind(tmp_path / f"{name}.snapshot.arrow.3f9a1c.tmp", 40_000, 2 * DAY)
    fresh = _left_behind(tmp_path / f".{name}.5b6c7d8e.tmp", 30_000, 0)
    stranger = _left_behind(tmp_path / "notes.txt.tmp", 10, 2 * DAY)  # not the app's: left alone
    with ErrorArchive.for_org(ORG, tmp_path) as archive:
        assert not old.exists()
        assert fresh.exists() and stranger.exists()  # fresh: maybe another copy's write in progress
        database = sum(
            p.stat().st_size
            for p in tmp_path.iterdir()
            if p.name.startswith(name) and not p.name.endswith(".tmp")
        )
        assert archive.disk_usage() == database + 30_000


def test_an_export_removes_old_export_temp_files_beside_it(tmp_path: Path) -> None:
    old = _left_behind(tmp_path / ".errors.csv.a1b2c3d4.tmp", 123_000, 2 * DAY)
    other_old = _left_behind(tmp_path / ".last-week.csv.0badcafe.tmp", 1_000, 2 * DAY)
    fresh = _left_behind(tmp_path / ".errors.csv.99887766.tmp", 10, 0)
    mine = _left_behind(tmp_path / ".profile.tmp", 10, 2 * DAY)  # not an export's name: left alone
    export_csv(empty_frame(), tmp_path / "errors.csv")
    assert not old.exists() and not other_old.exists()
    assert fresh.exists() and mine.exists()
