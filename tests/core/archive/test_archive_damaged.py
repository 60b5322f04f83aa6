"""Issue 19, item 6: a damaged archive (truncated, or random bytes inside). Opening it says so,
keeps the damaged file aside (renamed, never deleted), recovers what its readable pages hold into
a new archive and tells what was recovered and what was lost."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from archive_helpers import sync_of

from syncerr_gui.core.archive.store import ErrorArchive
from syncerr_gui.core.exceptions import ArchiveError
from syncerr_gui.demo_org.synthetic import synthetic_errors

ORG = "00D000000000001EAA"


def _archive_of_parts(folder: Path, parts: int = 6) -> tuple[Path, set[tuple[int, str]]]:
    """An archive of several parts (one per sync, not merged); its (row id, message) pairs."""
    with ErrorArchive.for_org(ORG, folder) as archive:
        for n in range(parts):
            archive.store(sync_of(synthetic_errors(3000, seed=10 + n, jobs=12)))
        frame = archive.load()
        path = archive.path
    return path, set(zip(frame["row_id"].tolist(), frame["message"].astype(str).tolist()))


def _reopened(folder: Path) -> tuple[ErrorArchive, set[tuple[int, str]]]:
    archive = ErrorArchive.for_org(ORG, folder)
    frame = archive.load()
    return archive, set(zip(frame["row_id"].tolist(), frame["message"].astype(str).tolist()))


def _kept_aside(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("archive-*.sqlite3.damaged-*") if p.name.endswith("Z"))


def test_a_truncated_archive_is_kept_aside_and_its_readable_parts_recovered(tmp_path: Path) -> None:
    path, rows = _archive_of_parts(tmp_path)
    size = path.stat().st_size
    cut = size - 3 * 65_536  # the last pages, where the latest writes went
    with open(path, "r+b") as fh:
        fh.truncate(cut)
    archive, recovered = _reopened(tmp_path)
    with archive:
        note = archive.recovery_note
        assert note.startswith(f"The error archive {path.name} was damaged (")
        assert f"{len(recovered):,} errors recovered" in note
        assert len(recovered) < len(rows) and recovered <= rows  # what it holds is what was stored
        assert "errors could not be recovered (the next sync reads them again" in note
        kept = _kept_aside(tmp_path)
        assert len(kept) == 1 and kept[0].name in note and kept[0].stat().st_size == cut
        archive.store(sync_of(synthetic_errors(20, seed=99, jobs=2)))  # the new archive works
    again = ErrorArchive.for_org(ORG, tmp_path)
    with again:
        assert again.recovery_note == ""  # told once


def test_random_bytes_inside_are_found_and_what_else_it_held_is_recovered(tmp_path: Path) -> None:
    path, rows = _archive_of_parts(tmp_path)
    with open(path, "r+b") as fh:
        fh.seek(path.stat().st_size // 2)
        fh.write(random.Random(7).randbytes(200_000))
    archive, recovered = _reopened(tmp_path)
    with archive:
        assert "was damaged" in archive.recovery_note and recovered <= rows
        assert len(_kept_aside(tmp_path)) == 1


def test_a_file_that_is_no_database_at_all_is_kept_and_a_new_archive_made(tmp_path: Path) -> None:
    path, _rows = _archive_of_parts(tmp_path, parts=1)
    path.write_bytes(b"this is not a database" * 100)
    archive, recovered = _reopened(tmp_path)
    with archive:
        assert recovered == set() and "0 errors recovered" in archive.recovery_note
    assert _kept_aside(tmp_path)[0].read_bytes() == b"this is not a database" * 100


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads and writes everything")
def test_a_read_only_archive_is_read_offline(tmp_path: Path) -> None:
    path, rows = _archive_of_parts(tmp_path, parts=2)
    os.chmod(path, 0o400)
    os.chmod(tmp_path, 0o500)
    try:
        with ErrorArchive(path, read_only=True) as archive:
            assert len(archive.load()) == len(rows)
    finally:
        os.chmod(tmp_path, 0o700)


def test_a_read_only_open_never_writes(tmp_path: Path) -> None:
    path, rows = _archive_of_parts(tmp_path, parts=2)
    before = path.read_bytes()
    with ErrorArchive(path, read_only=True) as archive:
        assert len(archive.load()) == len(rows)
        with pytest.raises(ArchiveError):
            archive.store(sync_of(synthetic_errors(5, seed=1, jobs=1)))
    assert path.read_bytes() == before
