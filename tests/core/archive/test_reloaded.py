"""Results of a reload flowing back into the archive of a real demo-org sync (HTTPS): rows read
from a reload file find their archived errors even after the bad column was fixed; rows that
succeeded show as reloaded, rows that failed again are linked so the reload job's errors show
as a reload of the originals, and a group is Resolved only once every record in it succeeded."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from archive_helpers import sync_of

from syncerr_gui.core.archive.incremental import ArchiveSync
from syncerr_gui.core.archive.reloaded import apply_outcome, origins_for
from syncerr_gui.core.archive.store import ErrorArchive
from syncerr_gui.core.archive.triage import RESOLVED
from syncerr_gui.core.auth.session import OrgSession
from syncerr_gui.core.frame.export import export_csv
from syncerr_gui.core.frame.groups import ErrorGroups
from syncerr_gui.core.frame.row_details import MemoryRowDetails
from syncerr_gui.core.frame.schema import RECORD_LEVEL, SOURCE_BULK2, make_frame
from syncerr_gui.core.reload.batch import (
    ID_FIELD,
    ReloadOutcome,
    RowOutcome,
    RowResult,
    SetColumn,
    apply_step,
)
from syncerr_gui.core.reload.reload_csv import read_reload_csv, target_from_name
from syncerr_gui.core.reload.reload_files import reload_batches, write_reload_files
from syncerr_gui.core.salesforce.http import make_session
from syncerr_gui.core.salesforce.parts import DEFAULT_SOURCE_ID_COLUMNS
from syncerr_gui.core.sync.engine import SyncEngine, SyncOptions

EVERYTHING = datetime(2000, 1, 1, tzinfo=UTC)
RELOAD_JOB = "7505g00000RELOADAAA"


@pytest.fixture
def archive(fresh_org, tmp_path: Path):
    session = OrgSession(
        fresh_org.instance_url, fresh_org.admin.access_token, make_session(fresh_org.ca_path)
    )
    with ErrorArchive.for_org(fresh_org.org_id, tmp_path / "data") as archive:
        ArchiveSync(archive, SyncEngine(session)).run(SyncOptions(since=EVERYTHING))
        yield archive


def fixable_column(columns: tuple[str, ...], external_id: str) -> str | None:
    keys = {ID_FIELD, external_id, *DEFAULT_SOURCE_ID_COLUMNS}
    return next((c for c in reversed(columns) if c not in keys), None)


def test_rows_of_a_reload_file_find_their_errors_after_the_bad_column_was_fixed(archive, tmp_path) -> None:
    frame = archive.load()
    summary = write_reload_files(frame, archive.details, None, tmp_path / "reload")
    built = {(b.target, b.columns): b for b in reload_batches(frame, archive.details)[0]}
    matched = 0
    for file in summary.files:
        batch, job_ids = read_reload_csv(file.path, target_from_name(file.path))
        column = fixable_column(batch.columns, batch.target.external_id)
        fixed = apply_step(batch, SetColumn(column, "Fixed value")) if column else batch
        assert column is None or fixed.rows != batch.rows
        found = origins_for(archive, fixed, job_ids)
        assert found.origins == built[(batch.target, batch.columns)].origins, file.path.name
        matched += len(found)
    assert matched == summary.rows_written > 0
    assert {f.target.operation for f in summary.files} >= {"insert", "update", "delete"}


def test_a_row_of_another_job_or_without_a_job_finds_nothing(archive, tmp_path) -> None:
    frame = archive.load()
    [batch], _ = reload_batches(
        frame, archive.details, frame["row_id"].to_numpy()[frame["job_id"] == job_of(frame)]
    )
    found = origins_for(archive, batch, [""] * len(batch))
    assert set(found.origins) == {""}
    found = origins_for(archive, batch, ["7505g00000NOSUCHAAA"] * len(batch))
    assert set(found.origins) == {""}


def job_of(frame: pd.DataFrame) -> str:
    """A Bulk 2.0 job with several record-level errors."""
    records = frame[(frame["failed_on"] == RECORD_LEVEL) & (frame["source"] == SOURCE_BULK2)]
    counts = records["job_id"].astype(str).value_counts()
    return str(counts.index[0])


def group_of_several(archive: ErrorArchive) -> tuple[pd.DataFrame, np.ndarray, str]:
    """(frame, row ids, key) of a group of record-level errors of one job, several records."""
    frame = archive.load()
    groups = ErrorGroups(frame, archive.message_patterns())
    table = groups.summary().table
    for _, group in table.iterrows():
        rows = groups.rows_of([int(group["group"])])
        jobs = set(frame["job_id"].to_numpy(dtype=object)[rows])
        if group["failed_on"] == RECORD_LEVEL and group["records"] >= 3 and len(jobs) == 1:
            return frame, frame["row_id"].to_numpy()[rows], str(group["key"])
    raise AssertionError("the demo org has a group of several records in one job")


def state_of(archive: ErrorArchive, key: str) -> str:
    table = ErrorGroups(archive.load(), archive.message_patterns()).summary().table
    states = archive.group_states(table)
    return str(states[table["key"] == key].iloc[0])


def test_succeeded_rows_are_reloaded_failed_ones_linked_and_the_group_resolves_when_all_succeed(
    archive,
) -> None:
    frame, row_ids, key = group_of_several(archive)
    [batch], _ = reload_batches(frame, archive.details, row_ids)
    last = len(batch) - 1
    results = [
        RowResult(i, RowOutcome.SUCCEEDED if i < last else RowOutcome.FAILED) for i in range(len(batch))
    ]
    applied = apply_outcome(archive, batch, ReloadOutcome(RELOAD_JOB, "JobComplete", tuple(results)))
    assert (applied.reloaded, applied.linked, applied.resolved_groups) == (last, 1, ())
    shown = archive.load().set_index("row_id")
    assert (shown.loc[row_ids, "reloaded_in"] == RELOAD_JOB).sum() == last
    assert shown.loc[row_ids, "reload_of"].astype(str).tolist() == [""] * len(batch)
    assert state_of(archive, key) != RESOLVED

    again = "7505g00000RELOADBBB"
    applied = apply_outcome(
        archive, batch, ReloadOutcome(again, "JobComplete", (RowResult(last, RowOutcome.SUCCEEDED),))
    )
    assert applied.reloaded == 1 and applied.resolved_groups == (key,)
    assert state_of(archive, key) == RESOLVED
    reloaded = archive.load().set_index("row_id").loc[row_ids, "reloaded_in"].astype(str)
    assert sorted(set(reloaded)) == sorted({RELOAD_JOB, again})


def test_the_reload_jobs_error_shows_as_a_reload_of_the_original(archive) -> None:
    frame, row_ids, _key = group_of_several(archive)
    [batch], _ = reload_batches(frame, archive.details, row_ids[:2])
    outcome = ReloadOutcome(
        RELOAD_JOB, "JobComplete", (RowResult(0, RowOutcome.FAILED, error="X:still bad"),)
    )
    apply_outcome(archive, batch, outcome)
    original_job = str(frame.loc[frame["row_id"] == row_ids[0], "job_id"].iloc[0])
    # the next sync archives the reload job's failed row: its input row is the uploaded values
    uploaded = json.dumps(dict(zip(batch.columns, batch.rows[0])), ensure_ascii=False)
    later = pd.Timestamp.now(tz="UTC") + timedelta(seconds=1)
    errors = make_frame(
        {
            "failed_on": RECORD_LEVEL,
            "failed_at": later,
            "error_type": "STILL_BAD",
            "message": "still bad",
            "object": batch.target.object_name,
            "operation": batch.target.operation,
            "job_id": [RELOAD_JOB, RELOAD_JOB],
            "source": SOURCE_BULK2,
        },
        length=2,
    )
    other = json.dumps(dict(zip(batch.columns, ["something else"] * len(batch.columns))))
    archive.store(sync_of(errors, details=MemoryRowDetails.of(["r:0", "r:1"], [uploaded, other])))
    shown = archive.load()
    of_reload = shown[shown["job_id"] == RELOAD_JOB]
    assert sorted(of_reload["reload_of"].astype(str)) == ["", original_job]
    assert set(shown.loc[shown["job_id"] != RELOAD_JOB, "reload_of"].astype(str)) == {""}


def test_reload_columns_survive_compaction_and_reopening_and_are_exported(archive, tmp_path) -> None:
    frame, row_ids, _key = group_of_several(archive)
    [batch], _ = reload_batches(frame, archive.details, row_ids[:1])
    apply_outcome(
        archive, batch, ReloadOutcome(RELOAD_JOB, "JobComplete", (RowResult(0, RowOutcome.SUCCEEDED),))
    )
    archive.compact()
    with ErrorArchive(archive.path) as reopened:
        shown = reopened.load()
    out = tmp_path / "errors.csv"
    export_csv(shown, out)
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0])[-2:] == ["Reloaded In", "Reload Of"]
    assert [r["Job ID"] for r in rows if r["Reloaded In"] == RELOAD_JOB] == [
        str(frame.loc[frame["row_id"] == row_ids[0], "job_id"].iloc[0])
    ]
    assert shown["reloaded_in"].dtype == "category" and shown["reload_of"].dtype == "category"


def test_the_external_id_field_of_each_job_is_kept(archive, fresh_org) -> None:
    frame = archive.load()
    jobs = {j.id: j for j in fresh_org.truth.state.catalog.bulk2}
    kept = frame.drop_duplicates("job_id").set_index("job_id")["external_id_field"].astype(str)
    expected = {job: jobs[job].external_id or "" for job in kept.index if job in jobs}
    assert {job: kept[job] for job in expected} == expected
    assert any(expected.values())
