"""Opening and writing the archive while another copy of the app holds it, failures in words,
the data folder's list of archived orgs, and modstamps compared as instants."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
from archive_helpers import sync_of

from syncerr_gui.core.archive.data_dirs import archive_path, archived_org_ids
from syncerr_gui.core.archive.incremental import ArchiveSync
from syncerr_gui.core.archive.store import ErrorArchive
from syncerr_gui.core.archive.writer import ModstampText
from syncerr_gui.core.exceptions import ArchiveError
from syncerr_gui.core.sync.values import SyncOptions
from syncerr_gui.demo_org.synthetic import synthetic_errors

ORG = "00D000000000001EAA"
OTHER_ORG = "00D000000000002EAA"
NOW = datetime.now(UTC).replace(microsecond=0)


def test_opening_does_not_wait_for_another_copy_that_is_storing(tmp_path: Path) -> None:
    with ErrorArchive.for_org(ORG, tmp_path) as archive:
        archive.store(sync_of(synthetic_errors(50, seed=1, jobs=10)))
        path = archive.path
    with closing(sqlite3.connect(path, isolation_level=None)) as writer:
        writer.execute("BEGIN IMMEDIATE")  # another copy of the app, in the middle of a store
        # A short busy timeout: were opening to write, it would fail instead of reading.
        with ErrorArchive.for_org(ORG, tmp_path, busy_timeout_s=0.05) as reader:
            assert len(reader.load()) == 50
        writer.execute("ROLLBACK")


def test_a_locked_archive_during_store_is_an_archive_error_in_words(tmp_path: Path) -> None:
    with ErrorArchive.for_org(ORG, tmp_path, busy_timeout_s=0.05) as archive:
        with closing(sqlite3.connect(archive.path, isolation_level=None)) as writer:
            writer.execute("BEGIN IMMEDIATE")
            with pytest.raises(ArchiveError, match="in use by another copy of the app"):
                archive.store(sync_of(synthetic_errors(20, seed=2, jobs=10)))
            writer.execute("ROLLBACK")
        archive.store(sync_of(synthetic_errors(20, seed=2, jobs=10)))  # nothing was lost meanwhile
        assert archive.error_count() == 20


def test_an_unopenable_path_is_an_archive_error_in_words(tmp_path: Path) -> None:
    folder = archive_path(ORG, tmp_path)
    folder.mkdir()  # a folder where the database file should be
    with pytest.raises(ArchiveError, match="cannot be opened"):
        ErrorArchive.for_org(ORG, tmp_path)


def test_a_corrupt_file_is_kept_aside_and_a_new_archive_made(tmp_path: Path) -> None:
    archive_path(ORG, tmp_path).write_bytes(b"this is not a database" * 100)
    with ErrorArchive.for_org(ORG, tmp_path) as archive:
        assert "was damaged (file is not a database)" in archive.recovery_note
        assert archive.error_count() == 0


def test_archived_org_ids_lists_only_archives_of_valid_org_ids(tmp_path: Path) -> None:
    assert archived_org_ids(tmp_path / "missing") == []
    for org in (OTHER_ORG, ORG):
        ErrorArchive.for_org(org, tmp_path).close()
    (tmp_path / "archive-notanorg.sqlite3").write_text("x")
    (tmp_path / "notes.txt").write_text("x")
    assert archived_org_ids(tmp_path) == [ORG, OTHER_ORG]


def test_modstamps_of_one_instant_are_equal_whatever_their_form() -> None:
    rest = ModstampText("2026-03-01T10:00:00.000+0000")
    assert rest == "2026-03-01T10:00:00.000Z" and "2026-03-01T10:00:00Z" == rest
    assert rest != "2026-03-01T10:00:01.000+0000"
    assert rest != "" and rest != "not a time"
    assert ModstampText("garbage") == "garbage"


def test_finished_jobs_match_the_xml_form_of_their_modstamp(tmp_path: Path) -> None:
    frame = synthetic_errors(30, seed=3, jobs=10)
    with ErrorArchive.for_org(ORG, tmp_path) as archive:
        result = sync_of(frame)
        archive.store(result)
        finished = archive.finished_jobs()
        for job in result.jobs:  # the test's jobs carry the REST form; Bulk 1.0 XML writes `Z`
            xml_form = job.system_modstamp.replace(".000+0000", ".000Z")
            assert finished[job.job_id] == xml_form
        options = ArchiveSync(archive, engine=None)._incremental(SyncOptions())  # type: ignore[arg-type]
        assert set(options.skip_jobs) == {j.job_id for j in result.jobs}
