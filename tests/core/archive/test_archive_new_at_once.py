"""Issue 19, item 9: two copies of the app creating a new archive at once. The lock comes first:
the second waits for the first (bounded by its busy timeout), then finds the archive made;
past the bound it says in words that another copy is writing it."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from syncerr_gui.core.archive.data_dirs import archive_path
from syncerr_gui.core.archive.schema import SCHEMA_VERSION
from syncerr_gui.core.archive.store import ErrorArchive
from syncerr_gui.core.exceptions import ArchiveError

ORG = "00D000000000001EAA"


def _first_copy_writing(path: Path, release: threading.Event, holding: threading.Event) -> threading.Thread:
    """Another copy of the app in the middle of creating the archive (its first write not committed)."""

    def hold() -> None:
        con = sqlite3.connect(path, isolation_level=None)
        con.execute("BEGIN IMMEDIATE")
        con.execute("CREATE TABLE being_made (a)")
        holding.set()
        release.wait(30)
        con.execute("ROLLBACK")
        con.close()

    thread = threading.Thread(target=hold)
    thread.start()
    holding.wait(30)
    return thread


def test_the_second_copy_waits_for_the_first_and_opens_the_archive(tmp_path: Path) -> None:
    release, holding = threading.Event(), threading.Event()
    holder = _first_copy_writing(archive_path(ORG, tmp_path), release, holding)
    threading.Timer(0.3, release.set).start()  # the first copy finishes while the second waits
    try:
        with ErrorArchive.for_org(ORG, tmp_path, busy_timeout_s=30) as archive:
            assert archive.error_count() == 0
            version = archive._con.execute("PRAGMA user_version").fetchone()[0]
    finally:
        release.set()
        holder.join()
    assert version == SCHEMA_VERSION


def test_past_its_bound_the_second_copy_says_another_copy_is_writing(tmp_path: Path) -> None:
    release, holding = threading.Event(), threading.Event()
    holder = _first_copy_writing(archive_path(ORG, tmp_path), release, holding)
    try:
        with pytest.raises(ArchiveError, match="in use by another copy of the app"):
            ErrorArchive.for_org(ORG, tmp_path, busy_timeout_s=0.2)
    finally:
        release.set()
        holder.join()


def test_copies_creating_the_same_new_archive_at_once_all_open_it(tmp_path: Path) -> None:
    failures: list[str] = []
    for round_ in range(30):
        folder = tmp_path / str(round_)
        start = threading.Barrier(4)

        def open_it(folder: Path = folder, start: threading.Barrier = start) -> None:
            start.wait()
            try:
                with ErrorArchive.for_org(ORG, folder) as archive:
                    archive.error_count()
            except ArchiveError as exc:
                failures.append(str(exc))

        threads = [threading.Thread(target=open_it) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert failures == []
