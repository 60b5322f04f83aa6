"""Issue 19, item 5: a full disk while storing a sync. The cause is named ("the disk is full"),
the archive stays as it was, the `-wal` the failed store filled is emptied, and a store the free
space cannot hold is refused before it writes anything. The disk fills for real, by SQLite's
own page limit (`PRAGMA max_page_count`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from archive_helpers import sync_of

from syncerr_gui.core.archive import disk_space
from syncerr_gui.core.archive.store import ErrorArchive
from syncerr_gui.core.exceptions import ArchiveError
from syncerr_gui.demo_org.synthetic import synthetic_errors

ORG = "00D000000000001EAA"


def _wal(archive: ErrorArchive) -> Path:
    return archive.path.with_name(archive.path.name + "-wal")


def fill_up(archive: ErrorArchive, pages_left: int = 2) -> None:
    """The disk the archive is on has room for `pages_left` more pages."""
    pages = archive._con.execute("PRAGMA page_count").fetchone()[0]
    archive._con.execute(f"PRAGMA max_page_count = {pages + pages_left}")


def test_a_full_disk_is_named_and_the_failed_store_leaves_no_wal(tmp_path: Path) -> None:
    with ErrorArchive.for_org(ORG, tmp_path) as archive:
        archive.store(sync_of(synthetic_errors(50, seed=1, jobs=5)))
        archive.compact()
        before = archive.load()
        fill_up(archive)
        with pytest.raises(ArchiveError) as failed:
            archive.store(sync_of(synthetic_errors(20_000, seed=2, jobs=40)))
        text = str(failed.value)
        assert "the disk is full (database or disk is full)" in text
        assert "The archive is as it was before; free some space in" in text and "rollback" not in text
        assert _wal(archive).stat().st_size == 0  # nothing left behind to keep the disk full
        assert archive.load().equals(before) and archive.error_count() == 50
        archive._con.execute("PRAGMA max_page_count = 1073741823")  # space again
        stats = archive.store(sync_of(synthetic_errors(5, seed=3, jobs=1)))
        assert stats.rows_new and archive.error_count() == 50 + stats.rows_new


def test_a_store_the_free_space_cannot_hold_is_refused_before_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ErrorArchive.for_org(ORG, tmp_path) as archive:
        monkeypatch.setattr(disk_space, "free_bytes", lambda folder: 3 * 1024**2)  # 3 MB left
        with pytest.raises(
            ArchiveError, match=r"Not enough disk space .*: 3 MB free in .*, about \d+ MB needed"
        ):
            archive.store(sync_of(synthetic_errors(20_000, seed=4, jobs=40)))
        assert archive.jobs().empty and archive.error_count() == 0
        monkeypatch.setattr(disk_space, "free_bytes", lambda folder: 50 * 1024**2)
        stats = archive.store(sync_of(synthetic_errors(100, seed=5, jobs=5)))  # a small store fits
        assert stats.rows_new and archive.error_count() == stats.rows_new
