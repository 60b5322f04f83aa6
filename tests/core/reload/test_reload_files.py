"""Reload files written from a real sync of the demo org (HTTPS), compared with the org's own
rows: each file holds the jobs' input columns in upload order under their original names,
the values exactly as uploaded, and the error and job of each row; job-level and Apex
errors are left out and counted."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

from syncerr_gui.core.auth.session import OrgSession
from syncerr_gui.core.frame.schema import JOB_LEVEL, SOURCE_APEX
from syncerr_gui.core.reload.batch import origin_parts
from syncerr_gui.core.reload.reload_csv import BOM, read_reload_csv, target_from_name
from syncerr_gui.core.reload.reload_files import reload_batches, write_reload_files
from syncerr_gui.core.reload.reload_rows import APEX_REASON, JOB_LEVEL_REASON
from syncerr_gui.core.salesforce.http import make_session
from syncerr_gui.core.sync.engine import SyncEngine, SyncOptions

EVERYTHING = datetime(2000, 1, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def synced(demo_org):
    session = OrgSession(demo_org.instance_url, demo_org.admin.access_token, make_session(demo_org.ca_path))
    result = SyncEngine(session).run(SyncOptions(since=EVERYTHING))
    return result.frame, result.details


def truth_jobs(org, frame) -> dict[str, tuple[tuple[str, ...], Counter]]:
    """Job id -> (header as uploaded, the failed rows' values) from the demo org's own generators."""
    jobs = set(frame["job_id"].astype(str))
    expected: dict[str, tuple[tuple[str, ...], Counter]] = {}
    factory, catalog = org.truth.state.factory, org.truth.state.catalog
    for job in catalog.bulk2:
        if job.id in jobs and job.failed > 0 and job.finished:
            rows = factory.bulk2_failed_rows(job)
            values = zip(*(c.to_pylist() for c in rows.columns), strict=True)
            expected[job.id] = (rows.header, Counter(values))
    for job in catalog.classic:
        for batch in job.batches if job.id in jobs else []:
            if batch.state == "Failed" or batch.failed <= 0:
                continue
            rows = factory.classic_rows(job, batch)
            values = [v for v, ok in zip(zip(*(c.to_pylist() for c in rows.columns)), rows.success) if not ok]
            header, seen = expected.get(job.id, (rows.header, Counter()))
            expected[job.id] = (header, seen + Counter(values))
    return expected


def read_file(path: Path) -> tuple[list[str], list[list[str]]]:
    text = path.read_bytes().decode("utf-8")
    assert text.startswith(BOM)
    records = list(csv.reader(text.removeprefix(BOM).splitlines(keepends=True)))
    return records[0], records[1:]


def test_reload_files_hold_the_jobs_columns_and_values_exactly_as_uploaded(
    demo_org, synced, tmp_path
) -> None:
    frame, details = synced
    summary = write_reload_files(frame, details, None, tmp_path)
    expected = truth_jobs(demo_org, frame)
    got: dict[str, tuple[tuple[str, ...], Counter]] = {}
    for file in summary.files:
        header, body = read_file(file.path)
        assert header[-2:] == ["Error", "Job ID"]
        assert len(body) == file.rows
        for record in body:
            job = record[-1]
            seen = got.setdefault(job, (tuple(header[:-2]), Counter()))
            assert seen[0] == tuple(header[:-2])  # one job, one header
            seen[1][tuple(record[:-2])] += 1
            assert record[-2]  # the error text
    assert got == expected
    assert summary.rows_written == sum(sum(c.values()) for _, c in expected.values())


def test_one_file_per_target_and_a_job_suffixed_file_for_other_columns(demo_org, synced, tmp_path) -> None:
    frame, details = synced
    summary = write_reload_files(frame, details, None, tmp_path)
    catalog = {
        job.id: job for job in [*demo_org.truth.state.catalog.bulk2, *demo_org.truth.state.catalog.classic]
    }
    headers: dict[tuple[str, str, str], set[tuple[str, ...]]] = {}
    for file in summary.files:
        job = catalog[file.first_job]
        target = target_from_name(file.path)
        assert target == file.target
        assert (target.object_name, target.operation) == (job.object, job.operation)
        assert target.external_id == (job.external_id or "" if job.operation == "upsert" else "")
        key = (target.object_name, target.operation, target.external_id)
        assert file.columns not in headers.setdefault(key, set())
        headers[key].add(file.columns)
    names = sorted(f.path.name for f in summary.files)
    plain = [n for n in names if n.count(".") == 2 + ("upsert" in n)]
    assert len(plain) == len(headers)  # one main file per object, operation, external ID
    suffixed = [f for f in summary.files if f.path.name not in plain]
    assert suffixed, "the demo org has jobs of one object and operation with different columns"
    for file in suffixed:
        assert file.path.name == f"{file.target.file_stem()}.{file.first_job}.csv"
    assert any(n.startswith(("Lead.upsert.", "Contact.upsert.")) for n in names)


def test_job_level_and_apex_rows_are_left_out_and_counted(synced, tmp_path) -> None:
    frame, details = synced
    summary = write_reload_files(frame, details, None, tmp_path)
    apex = int((frame["source"] == SOURCE_APEX).sum())
    job_level = int(((frame["failed_on"] == JOB_LEVEL) & (frame["source"] != SOURCE_APEX)).sum())
    assert apex and job_level
    assert summary.left_out == {APEX_REASON: apex, JOB_LEVEL_REASON: job_level}
    assert summary.rows_written + summary.rows_left_out == len(frame)
    assert f"Left out: {apex:,} rows ({APEX_REASON})." in summary.lines()


def test_a_file_reads_back_as_the_batch_the_app_would_build(synced, tmp_path) -> None:
    frame, details = synced
    upserts = (frame["operation"] == "upsert") & (frame["failed_on"] != JOB_LEVEL)
    job = str(frame.loc[upserts, "job_id"].iloc[0])
    row_ids = frame.loc[frame["job_id"] == job, "row_id"].to_numpy()
    summary = write_reload_files(frame, details, row_ids, tmp_path)
    [file] = summary.files
    batch, job_ids = read_reload_csv(file.path, target_from_name(file.path))
    [built], left = reload_batches(frame, details, row_ids)
    assert left == {} and set(job_ids) == {job}
    assert (batch.target, batch.columns, batch.rows, batch.errors) == (
        built.target,
        built.columns,
        built.rows,
        built.errors,
    )
    assert {origin_parts(o)[0] for o in built.origins} == {job}
    keys = details.read(row_ids, "row_key").to_pylist()
    assert sorted(origin_parts(o)[2] for o in built.origins) == sorted(keys)


def test_only_the_rows_asked_for(synced, tmp_path) -> None:
    frame, details = synced
    records = frame[frame["failed_on"] != JOB_LEVEL]
    chosen = records["row_id"].to_numpy()[:: max(len(records) // 25, 1)][:25]
    summary = write_reload_files(frame, details, np.asarray(chosen), tmp_path)
    assert summary.rows_written == len(chosen) and summary.left_out == {}
