"""Incremental sync through the archive, against the demo org over real HTTPS: a second sync
downloads nothing already archived, a cancelled or partly failed sync is completed by the
next one, deleted jobs keep their errors, and no secret reaches the archive's files."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from frame_helpers import with_details

from syncerr_gui.core.archive.incremental import ArchiveSync, ArchiveSyncResult
from syncerr_gui.core.archive.store import ErrorArchive
from syncerr_gui.core.auth.session import OrgSession
from syncerr_gui.core.frame.schema import RECORD_LEVEL, SOURCE_BULK2
from syncerr_gui.core.salesforce.client import RetryPolicy
from syncerr_gui.core.salesforce.http import make_session
from syncerr_gui.core.sync.engine import CancelToken, SyncEngine, SyncOptions, SyncProgress

FAST_RETRY = RetryPolicy(tries=2, base_delay=0.05, max_delay=0.1)
KEY_COLUMNS = [
    "failed_on",
    "error_type",
    "message",
    "fields",
    "object",
    "operation",
    "salesforce_id",
    "source_id",
    "job_id",
    "batch_id",
    "source",
    "created_by",
    "input_row",
]
# What an incremental sync may still ask for: job list pages and the Apex query.
ALLOWED_NOOP = re.compile(r"^/services/data/v[\d.]+/(jobs/ingest\?|query\?)")


def archive_sync(org, data_dir: Path) -> ArchiveSync:
    session = OrgSession(org.instance_url, org.admin.access_token, make_session(org.ca_path))
    return ArchiveSync(ErrorArchive.for_org(org.org_id, data_dir), SyncEngine(session, retry=FAST_RETRY))


def rows(frame: pd.DataFrame, details) -> list[tuple[str, ...]]:
    text = with_details(frame, details)[KEY_COLUMNS].astype("str").copy()
    text["failed_at"] = frame["failed_at"].dt.strftime("%Y-%m-%dT%H:%M:%S")
    return sorted(map(tuple, text.to_numpy().tolist()))


def matches_org(org, result: ArchiveSyncResult) -> bool:
    return rows(result.frame, result.details) == rows(*org.truth.errors_with_details(result.sync.since))


def record_job(org) -> str:
    """A Bulk 2.0 job with record-level errors in the default window."""
    truth = org.truth.errors()
    records = truth[(truth["source"] == SOURCE_BULK2) & (truth["failed_on"] == RECORD_LEVEL)]
    return str(records["job_id"].value_counts().index[0])


def test_a_second_sync_downloads_nothing_already_archived(fresh_org, tmp_path: Path) -> None:
    syncer = archive_sync(fresh_org, tmp_path)
    first = syncer.run()
    assert matches_org(fresh_org, first) and first.stats.rows_new == len(first.frame) > 0
    before = len(fresh_org.request_log)
    second = syncer.run()
    asked = [path for _, path in fresh_org.request_log[before:]]
    assert asked and all(ALLOWED_NOOP.match(path) for path in asked), asked
    assert second.stats.rows_new == 0
    assert rows(second.frame, second.details) == rows(first.frame, first.details)


def test_a_cancelled_sync_is_kept_and_the_next_one_reads_only_the_rest(fresh_org, tmp_path: Path) -> None:
    syncer = archive_sync(fresh_org, tmp_path)
    cancel = CancelToken()

    def progress(update: SyncProgress) -> None:
        if update.jobs_done >= 3:
            cancel.cancel()

    first = syncer.run(SyncOptions(max_workers=1), progress, cancel)
    assert first.sync.cancelled and first.stats.rows_new == syncer.archive.error_count() > 0
    archived = set(syncer.archive.finished_jobs())
    before = len(fresh_org.request_log)
    second = syncer.run()
    assert not second.sync.cancelled and matches_org(fresh_org, second)
    downloaded = {
        m.group(1)
        for _, path in fresh_org.request_log[before:]
        if (m := re.search(r"/jobs/ingest/(\w+)/failedResults", path))
    }
    assert downloaded and not downloaded & archived


def test_a_job_that_failed_to_download_is_read_by_the_next_sync(fresh_org, tmp_path: Path) -> None:
    job = record_job(fresh_org)
    fresh_org.fail_next(f"{job}/failedResults", status=503, times=FAST_RETRY.tries)  # every try fails
    syncer = archive_sync(fresh_org, tmp_path)
    first = syncer.run()
    assert [p.job_id for p in first.sync.problems] == [job]
    assert job not in set(first.frame["job_id"]) and job not in syncer.archive.finished_jobs()
    second = syncer.run()
    assert not second.sync.problems and matches_org(fresh_org, second)


def test_errors_of_a_job_salesforce_deleted_stay_in_the_archive(fresh_org, tmp_path: Path) -> None:
    job = record_job(fresh_org)
    syncer = archive_sync(fresh_org, tmp_path)
    first = syncer.run()
    kept = rows(first.frame[first.frame["job_id"] == job], first.details)
    fresh_org.delete_job(job)
    second = syncer.run()
    assert job not in set(fresh_org.truth.errors()["job_id"])
    assert rows(second.frame[second.frame["job_id"] == job], second.details) == kept and kept
    syncer.archive.close()
    with ErrorArchive.for_org(fresh_org.org_id, tmp_path) as reopened:
        assert job in set(reopened.load()["job_id"])


def test_no_token_or_password_reaches_the_archive_files(fresh_org, tmp_path: Path) -> None:
    syncer = archive_sync(fresh_org, tmp_path)
    done = syncer.run(history=True)
    secrets = [fresh_org.admin.access_token, fresh_org.admin.password, fresh_org.admin.security_token]
    # the blobs are compressed: look into everything they hold, decoded
    decoded = with_details(done.frame, done.details).astype("str").to_csv()
    jobs = syncer.archive.jobs().astype("str").to_csv()
    assert not any(secret in decoded or secret in jobs for secret in secrets if secret)
    syncer.archive.close()
    files = [p for p in tmp_path.iterdir() if p.is_file()]
    assert any(p.suffix == ".sqlite3" for p in files)
    for path in files:
        content = path.read_bytes()
        assert not any(secret.encode() in content for secret in secrets if secret), path.name


def test_cancel_while_saving_leaves_the_archive_as_before_and_the_next_sync_reads_it_all(
    fresh_org, tmp_path: Path
) -> None:
    from syncerr_gui.core.archive.incremental import PHASE_ARCHIVING

    syncer = archive_sync(fresh_org, tmp_path)
    cancel = CancelToken()

    def progress(update: SyncProgress) -> None:
        if update.phase == PHASE_ARCHIVING:
            cancel.cancel()  # Cancel pressed once the download is done, while saving

    stopped = syncer.run(SyncOptions(), progress, cancel)
    assert stopped.sync.cancelled and stopped.stats is None
    assert syncer.archive.error_count() == 0 and not syncer.archive.finished_jobs()
    assert len(stopped.frame) == 0  # the archive as it was: empty
    again = syncer.run()
    assert matches_org(fresh_org, again) and again.stats.rows_new == len(again.frame) > 0
