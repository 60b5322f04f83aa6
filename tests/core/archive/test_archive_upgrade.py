"""An archive written by the app before the lean archive (schema 2) opens after the upgrade with
every row, input row, row key, visit, sync, job and first-seen date as that app read them,
and a backup of the old file beside it."""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from pyarrow import ipc

from syncerr_gui.core.archive.schema import SCHEMA_VERSION
from syncerr_gui.core.archive.store import ErrorArchive
from syncerr_gui.core.frame.row_details import INPUT_ROW, ROW_KEY

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "archive_v2"
ORG = "00D5g00000ArchVEAR"
IDENTITY = ["job_id", "source", "batch_id", "row_key"]


@pytest.fixture
def old_archive(tmp_path: Path) -> Path:
    """The schema-2 database and its snapshot file, as the old app left them."""
    target = tmp_path / f"archive-{ORG}.sqlite3"
    with gzip.open(FIXTURE / "archive.sqlite3.gz") as packed, open(target, "wb") as out:
        shutil.copyfileobj(packed, out)
    shutil.copy(FIXTURE / "archive.snapshot.arrow", tmp_path / f"{target.name}.snapshot.arrow")
    return target


@pytest.fixture
def expected() -> dict:
    with gzip.open(FIXTURE / "expected.json.gz", "rt", encoding="utf-8") as source:
        return json.load(source)


def upgraded_rows(archive: ErrorArchive) -> pd.DataFrame:
    """Every archived row with its details, as text, in identity order."""
    frame = archive.load()
    ids = frame["row_id"].to_numpy()
    text = frame.drop(columns=["row_id"]).astype(
        {c: "str" for c in frame.columns if c not in ("failed_at", "first_seen", "row_id")}
    )
    text["row_key"] = archive.details.read(ids, ROW_KEY).to_pylist()
    text["input_row"] = archive.details.read(ids, INPUT_ROW).to_pylist()
    return text.sort_values(IDENTITY).reset_index(drop=True)


def old_rows() -> pd.DataFrame:
    frame = ipc.open_file(str(FIXTURE / "expected_frame.arrow")).read_all().to_pandas()
    text = frame.astype({c: "str" for c in frame.columns if c not in ("failed_at", "first_seen")})
    return text.sort_values(IDENTITY).reset_index(drop=True)


def test_every_row_input_row_and_first_seen_date_survives_the_upgrade(
    old_archive: Path, expected: dict
) -> None:
    with ErrorArchive.for_org(ORG, old_archive.parent) as archive:
        rows = upgraded_rows(archive)
        assert archive.error_count() == expected["error_count"] == len(rows)
    before = old_rows()
    columns = [c for c in before.columns if c != "first_seen"]
    pd.testing.assert_frame_equal(rows[columns], before[columns], check_dtype=False)
    assert (rows["first_seen"] == before["first_seen"]).all()  # first-seen dates, to the nanosecond


def test_the_visit_syncs_jobs_and_new_marks_are_as_the_old_app_kept_them(
    old_archive: Path, expected: dict
) -> None:
    with ErrorArchive.for_org(ORG, old_archive.parent) as archive:
        assert archive.last_visit().isoformat() == expected["last_visit"]
        assert archive.last_success_start().isoformat() == expected["last_success_start"]
        assert dict(sorted(archive.finished_jobs().items())) == expected["finished_jobs"]
        assert int(archive.new_since_last_visit(archive.load()).sum()) == expected["new_since_last_visit"]
        jobs = archive.jobs().drop(columns=["rows_last_seen"]).to_dict(orient="records")
        assert jobs == expected["jobs"]
        with closing(sqlite3.connect(archive.path)) as con:
            syncs = [list(r) for r in con.execute("SELECT * FROM syncs ORDER BY id")]
            stored = dict(con.execute("SELECT id, stored_at FROM syncs"))
            last_seen = dict(
                con.execute("SELECT job_id, rows_last_seen FROM jobs WHERE rows_last_seen IS NOT NULL")
            )
    assert [s[: len(expected["syncs"][0])] for s in syncs] == expected["syncs"]
    for job_id, _source, _batch, _key, sync_id, first_archived, seen in expected["first_archived"]:
        assert stored[sync_id] == first_archived  # a row's first_archived is its sync's store time
        assert last_seen[job_id] >= seen


def test_the_old_file_is_backed_up_and_the_snapshot_removed(old_archive: Path) -> None:
    original = old_archive.read_bytes()
    with ErrorArchive.for_org(ORG, old_archive.parent):
        pass
    backup = old_archive.with_name(old_archive.name + ".v2-backup")
    assert backup.exists()
    with closing(sqlite3.connect(backup)) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 2
        assert con.execute("SELECT COUNT(*) FROM errors").fetchone()[0] > 0
    assert len(original) > 0
    assert not list(old_archive.parent.glob("*.snapshot.arrow*"))
    with closing(sqlite3.connect(old_archive)) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "errors" not in tables and "parts" in tables


def test_an_upgrade_interrupted_leaves_the_old_archive_as_it_was(old_archive: Path, monkeypatch) -> None:
    from syncerr_gui.core.archive import convert_v2

    def broken(con: sqlite3.Connection, book, rows):  # the conversion dies half-way
        raise KeyboardInterrupt

    monkeypatch.setattr(convert_v2, "_part_of", broken)
    with pytest.raises(KeyboardInterrupt):
        ErrorArchive.for_org(ORG, old_archive.parent)
    with closing(sqlite3.connect(old_archive)) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 2
        assert con.execute("SELECT COUNT(*) FROM errors").fetchone()[0] == 4047
    monkeypatch.undo()
    with ErrorArchive.for_org(ORG, old_archive.parent) as archive:
        assert archive.error_count() == 4047


def test_new_rows_stored_after_the_upgrade_join_the_old_ones(old_archive: Path) -> None:
    from archive_helpers import sync_of

    from syncerr_gui.demo_org.synthetic import synthetic_errors

    with ErrorArchive.for_org(ORG, old_archive.parent) as archive:
        before = archive.load()
        stats = archive.store(sync_of(synthetic_errors(300, seed=7, jobs=5)))
        after = archive.load()
    assert stats.rows_new == 300 and len(after) == len(before) + 300
    assert len(np.unique(after["row_id"])) == len(after)


def test_an_archive_of_schema_3_upgrades_to_4_with_everything_kept_and_triage_added(
    old_archive: Path, expected: dict
) -> None:
    from archive_helpers import sync_of

    from syncerr_gui.core.archive.triage import RESOLVED
    from syncerr_gui.core.archive.upgrade import migrate
    from syncerr_gui.core.frame.groups import ErrorGroups
    from syncerr_gui.core.frame.row_details import MemoryRowDetails
    from syncerr_gui.core.frame.schema import JOB_LEVEL, make_frame

    with closing(sqlite3.connect(old_archive)) as con:
        assert migrate(con, target=3) == 2  # the archive as the app of schema 3 left it
        con.commit()
    with ErrorArchive.for_org(ORG, old_archive.parent) as archive:
        rows = upgraded_rows(archive)
        assert archive.last_visit().isoformat() == expected["last_visit"]
        table = ErrorGroups(archive.load(), archive.message_patterns()).summary().table
        archive.set_group_state(table.head(2), RESOLVED)
        job = make_frame(
            {
                "failed_on": JOB_LEVEL,
                "error_type": "JOB_ABORTED",
                "message": "Aborted",
                "job_state": "Aborted",
            },
            length=1,
        ).assign(failed_at=pd.Timestamp.now(tz="UTC"))
        job = make_frame({**{c: job[c] for c in job}, "job_id": "750NEW000000001AAA"})
        archive.store(sync_of(job, details=MemoryRowDetails.of(["job"], [""])))
        archive.compact()
        after = archive.load()
    before = old_rows()
    columns = [c for c in before.columns if c != "first_seen"]
    pd.testing.assert_frame_equal(rows[columns], before[columns], check_dtype=False)
    assert (rows["first_seen"] == before["first_seen"]).all()
    assert set(rows["job_state"]) == {""}  # schema 3 did not keep it
    assert len(after) == len(rows) + 1
    assert after["job_state"].astype(str).value_counts().to_dict() == {"": len(rows), "Aborted": 1}
    with ErrorArchive.for_org(ORG, old_archive.parent) as archive:
        assert sorted(m.state for m in archive.group_marks().values()) == [RESOLVED, RESOLVED]
    backup = old_archive.with_name(old_archive.name + ".v3-backup")
    with closing(sqlite3.connect(backup)) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 3
    with closing(sqlite3.connect(old_archive)) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_an_archive_of_schema_4_upgrades_to_5_with_the_reload_columns_empty_and_then_kept(
    old_archive: Path,
) -> None:
    from archive_helpers import sync_of

    from syncerr_gui.core.archive.reloaded import apply_outcome
    from syncerr_gui.core.archive.upgrade import migrate
    from syncerr_gui.core.frame.row_details import MemoryRowDetails
    from syncerr_gui.core.frame.schema import RECORD_LEVEL, make_frame
    from syncerr_gui.core.reload.batch import ReloadOutcome, RowOutcome, RowResult
    from syncerr_gui.core.reload.reload_files import reload_batches

    with closing(sqlite3.connect(old_archive)) as con:
        assert migrate(con, target=4) == 2  # the archive as the app of schema 4 left it
        con.commit()
    with ErrorArchive.for_org(ORG, old_archive.parent) as archive:
        rows = upgraded_rows(archive)
        for column in ("external_id_field", "reloaded_in", "reload_of"):
            assert set(rows[column]) == {""}  # schema 4 did not keep them
        upsert = make_frame(
            {
                "failed_on": RECORD_LEVEL,
                "error_type": "DUPLICATE_VALUE",
                "message": "duplicate value found",
                "object": "Contact",
                "operation": "upsert",
                "external_id_field": "Email__c",
                "job_id": "750NEW000000002AAA",
            },
            length=1,
        ).assign(failed_at=pd.Timestamp.now(tz="UTC"))
        upsert = make_frame({c: upsert[c] for c in upsert})
        inputs = ['{"Email__c": "a@example.com", "LastName": "Nguyễn"}']
        archive.store(sync_of(upsert, details=MemoryRowDetails.of(["k:0"], inputs)))
        archive.compact()
        after = archive.load()
        new = after[after["job_id"] == "750NEW000000002AAA"]
        [batch], _ = reload_batches(after, archive.details, new["row_id"].to_numpy())
        assert batch.target.file_stem() == "Contact.upsert.Email__c"
        assert batch.columns == ("Email__c", "LastName")
        outcome = ReloadOutcome("750RELOAD000001AAA", "JobComplete", (RowResult(0, RowOutcome.SUCCEEDED),))
        apply_outcome(archive, batch, outcome)
    with ErrorArchive.for_org(ORG, old_archive.parent) as archive:
        shown = archive.load()
    assert len(shown) == len(rows) + 1
    assert shown["external_id_field"].astype(str).value_counts().to_dict() == {"": len(rows), "Email__c": 1}
    assert shown["reloaded_in"].astype(str).value_counts().to_dict() == {
        "": len(rows),
        "750RELOAD000001AAA": 1,
    }
    with closing(sqlite3.connect(old_archive)) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"reloaded_errors", "reload_links"} <= tables
