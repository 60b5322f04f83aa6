"""The reload ledger: a reload is kept PENDING by its job id before the upload, then finished;
an interrupted one stays pending across a restart; no secret is stored."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from syncerr_gui.core.archive.store import ErrorArchive
from syncerr_gui.core.reload.batch import (
    PENDING,
    ReloadOutcome,
    ReloadRecord,
    ReloadTarget,
    RowOutcome,
    RowResult,
)

ORG = "00D5g000000016XEAQ"


def _record(job_id: str, minutes_ago: int) -> ReloadRecord:
    return ReloadRecord(
        job_id=job_id,
        started_at=datetime(2026, 12, 1, 9, 0, tzinfo=UTC) - timedelta(minutes=minutes_ago),
        username="admin@example.com",
        org_id=ORG,
        org_host="acme.my.salesforce.com",
        is_production=True,
        target=ReloadTarget("Contact", "upsert", "Email__c"),
        rows=3,
        origins=("k1", "k2", "k3"),
    )


def test_a_reload_is_pending_until_finished_and_survives_a_restart(tmp_path: Path) -> None:
    with ErrorArchive.for_org(ORG, tmp_path) as archive:
        ledger = archive.reload_ledger()
        ledger.record_reload(_record("7505g0000003m88AAA", 10))
        ledger.record_reload(_record("7505g0000003m89AAA", 5))
        assert [r.job_id for r in ledger.pending_reloads()] == ["7505g0000003m89AAA", "7505g0000003m88AAA"]
        results = (
            RowResult(0, RowOutcome.SUCCEEDED, "003x"),
            RowResult(1, RowOutcome.FAILED, "", "DUPLICATE_VALUE:dup:--"),
            RowResult(2, RowOutcome.UNPROCESSED),
        )
        ledger.finish_reload(
            "7505g0000003m88AAA", ReloadOutcome("7505g0000003m88AAA", "JobComplete", results)
        )
    with ErrorArchive.for_org(ORG, tmp_path) as archive:
        ledger = archive.reload_ledger()
        newest, oldest = ledger.reloads()
        assert newest.state == PENDING and newest.job_id == "7505g0000003m89AAA"
        assert (oldest.state, oldest.succeeded, oldest.failed, oldest.unprocessed) == ("JobComplete", 1, 1, 1)
        assert oldest.started_at == _record("", 10).started_at
        assert oldest.target == ReloadTarget("Contact", "upsert", "Email__c")
        assert oldest.origins == ("k1", "k2", "k3") and oldest.is_production
        assert [r.job_id for r in ledger.pending_reloads()] == ["7505g0000003m89AAA"]
