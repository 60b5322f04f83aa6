"""Crash safety: a process killed while storing a big sync leaves a sound archive that still
holds every row of the sync committed before."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from syncerr_gui.core.archive.store import ErrorArchive

REPO = Path(__file__).resolve().parents[3]
FIRST_ROWS = 2000

# The child stores a small sync (committed), then a big one; it says where it is via marker files.
CHILD = r"""
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from syncerr_gui.core.archive.store import ErrorArchive
from syncerr_gui.core.frame.schema import make_frame
from syncerr_gui.core.sync.values import SyncResult
from syncerr_gui.demo_org.synthetic import synthetic_details, synthetic_errors

path, markers, first_rows, big_rows = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])

def result(frame):
    now = datetime.now(timezone.utc)
    return SyncResult(frame, [], [], now - timedelta(days=7), None, now, now, False, None, 0, synthetic_details(len(frame)))

def tagged(frame, tag):
    return make_frame({**{c: frame[c] for c in frame.columns}, "job_id": tag + frame["job_id"].str[3:]})

archive = ErrorArchive(path)
archive.store(result(tagged(synthetic_errors(first_rows, seed=1, jobs=20), "750")))
(markers / "committed").touch()
big = result(tagged(synthetic_errors(big_rows, seed=2, jobs=400), "751"))
(markers / "writing").touch()
archive.store(big)
(markers / "done").touch()
"""


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.005)
    return False


def kill_while_storing(path: Path, markers: Path, big_rows: int) -> bool:
    """Run the child, SIGKILL it once the big store has written pages; True if killed before it finished."""
    markers.mkdir()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), str(markers), str(FIRST_ROWS), str(big_rows)], env=env
    )
    try:
        assert wait_for(lambda: (markers / "writing").exists() or child.poll() is not None, 300)
        wal = path.with_name(path.name + "-wal")
        start = wal.stat().st_size if wal.exists() else 0
        # pages of the uncommitted transaction spill into the WAL once the page cache is full
        wait_for(
            lambda: (
                (wal.exists() and wal.stat().st_size > start + 4_000_000)
                or (markers / "done").exists()
                or child.poll() is not None
            ),
            300,
        )
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(60)
    return child.returncode == -signal.SIGKILL and not (markers / "done").exists()


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_a_kill_during_a_big_store_keeps_the_archive_sound(tmp_path: Path) -> None:
    for attempt, big_rows in enumerate((400_000, 800_000)):
        path = tmp_path / f"org{attempt}.sqlite3"
        killed = kill_while_storing(path, tmp_path / f"markers{attempt}", big_rows)
        with closing(sqlite3.connect(path)) as con:
            big_count = con.execute("SELECT COALESCE(SUM(rows), 0) FROM parts").fetchone()[0] - FIRST_ROWS
        if killed and big_count == 0:
            break
    assert killed and big_count == 0, "the kill never landed inside the big store's transaction"
    with closing(sqlite3.connect(path)) as con:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    with ErrorArchive(path) as archive:  # opening recovers the WAL
        frame = archive.load()
        keys = archive.details.read(frame["row_id"].to_numpy(), "row_key").to_pylist()
    assert len(frame) == FIRST_ROWS and set(frame["job_id"].astype(str).str[:3]) == {"750"}
    assert len(set(zip(frame["job_id"], keys))) == FIRST_ROWS
