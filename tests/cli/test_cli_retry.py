"""`main.py retry FILE`: asks first, dry-run sends nothing, exit 0 / 5, the failed-again file,
refusals in words, and the reload recorded in the org's archive."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from cli_helpers import online
from reload_helpers import code_and_message, failed_rows

from syncerr_gui.cli.retry import main
from syncerr_gui.core.archive.store import ErrorArchive
from syncerr_gui.core.reload.batch import ReloadBatch, ReloadTarget, SetColumn, apply_step
from syncerr_gui.core.reload.reload_csv import read_reload_csv, target_from_name, write_reload_csv
from syncerr_gui.demo_org import DemoOrg

TRANSIENT = ("UNABLE_TO_LOCK_ROW", "UNKNOWN_EXCEPTION")


def _file(folder: Path, batch: ReloadBatch) -> Path:
    return write_reload_csv(
        folder / f"{batch.target.file_stem()}.csv", batch, ("7505g00000002bMAAQ",) * len(batch)
    )


def _writes(org: DemoOrg) -> list[tuple[str, str]]:
    return [(m, p) for m, p in org.request_log if m != "GET"]


def test_dry_run_shows_the_plan_and_writes_nothing(
    fresh_org: DemoOrg, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch, _ = failed_rows(fresh_org, "Lead", "upsert")
    source = _file(tmp_path, batch)
    data_dir = tmp_path / "data"
    code = main([str(source), "--dry-run", "--data-dir", str(data_dir), *online(fresh_org)])
    out = capsys.readouterr().out
    assert code == 0
    assert "PRODUCTION org" in out and "Object: Lead" in out and "Operation: upsert" in out
    assert "External ID: Marketo_Lead_ID__c" in out and f"Rows: {len(batch)}" in out
    assert "Columns: " + ", ".join(batch.columns) in out
    assert _writes(fresh_org) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == [source.name]


def test_declining_the_question_sends_nothing(
    fresh_org: DemoOrg, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    batch, _ = failed_rows(fresh_org, "Lead", "upsert")
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    code = main([str(_file(tmp_path, batch)), "--data-dir", str(tmp_path / "d"), *online(fresh_org)])
    captured = capsys.readouterr()
    assert code == 1 and "[y/N]" in captured.out and "PRODUCTION org" in captured.out
    assert "nothing was sent" in captured.err
    assert _writes(fresh_org) == []


def test_an_untouched_file_fails_again_and_its_failed_rows_are_written_next_to_it(
    fresh_org: DemoOrg, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch, truth = failed_rows(fresh_org, "Lead", "upsert", at_least=5)
    source = _file(tmp_path, batch)
    data_dir = tmp_path / "data"
    code = main([str(source), "--yes", "--data-dir", str(data_dir), *online(fresh_org)])
    out = capsys.readouterr().out
    assert code == 5
    transient = int(truth["error_type"].isin(TRANSIENT).sum())
    assert f"{transient} succeeded, {len(batch) - transient} failed, 0 unprocessed" in out
    again = [p for p in tmp_path.iterdir() if p.name not in (source.name, "data")]
    assert len(again) == 1 and f"Rows to fix and load again: {again[0]}" in out
    target = target_from_name(again[0])
    assert target == batch.target
    rows, job_ids = read_reload_csv(again[0], target)
    kept = truth[~truth["error_type"].isin(TRANSIENT)].reset_index(drop=True)
    assert rows.columns == batch.columns and len(rows) == len(kept)
    assert [code_and_message(e) for e in rows.errors] == list(
        zip(kept["error_type"], kept["message"], strict=True)
    )
    with ErrorArchive.for_org(fresh_org.org_id, data_dir) as archive:
        (record,) = archive.reload_ledger().reloads()
    assert record.job_id == job_ids[0] and record.state == "JobComplete"
    assert (record.rows, record.succeeded, record.failed) == (len(batch), transient, len(batch) - transient)
    assert record.username == fresh_org.admin.username and record.is_production


def test_a_fixed_file_succeeds_and_exits_0(
    fresh_org: DemoOrg, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch, _ = failed_rows(fresh_org, "Contact", "update", at_least=20)
    for column in batch.columns:
        if column != "Id":
            batch = apply_step(batch, SetColumn(column, f"fixed {column}"))
    code = main([str(_file(tmp_path, batch)), "--yes", "--data-dir", str(tmp_path / "d"), *online(fresh_org)])
    assert code == 0
    assert f"{len(batch)} succeeded, 0 failed" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Contact.update.csv", "d"]


def test_a_delete_needs_the_operation_given_explicitly(
    fresh_org: DemoOrg, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = ReloadBatch(ReloadTarget("Lead", "delete"), ("Id",), (("00Q5g0000000001EAA",),))
    source = _file(tmp_path, batch)
    assert main([str(source), "--yes", "--data-dir", str(tmp_path / "d"), *online(fresh_org)]) == 2
    assert "--operation delete" in capsys.readouterr().err
    assert _writes(fresh_org) == []
    explicit = [str(source), "--operation", "delete", "--yes", "--data-dir", str(tmp_path / "d")]
    assert main([*explicit, *online(fresh_org)]) == 0


def test_rows_without_their_id_are_refused(
    fresh_org: DemoOrg, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = ReloadBatch(ReloadTarget("Lead", "update"), ("Id", "Company"), (("", "Acme"),))
    assert main([str(_file(tmp_path, batch)), "--yes", *online(fresh_org)]) == 2
    assert "1 of 1 rows have an empty Id" in capsys.readouterr().err
    assert _writes(fresh_org) == []


def test_a_user_without_edit_rights_is_refused_in_words(
    fresh_org: DemoOrg, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch, _ = failed_rows(fresh_org, "Contact", "update")
    login = ["--instance-url", fresh_org.instance_url, "--access-token", fresh_org.non_admin.access_token]
    code = main([str(_file(tmp_path, batch)), "--yes", *login, "--ca-bundle", str(fresh_org.ca_path)])
    assert code == 3
    assert "missing the right to edit Contact records" in capsys.readouterr().err
    assert _writes(fresh_org) == []


def test_a_file_name_that_names_no_target_needs_the_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "rows.csv"
    source.write_text("Id,Company\n00Q5g0000000001EAA,A\n", encoding="utf-8")
    assert main([str(source), "--demo", "--dry-run"]) == 2
    assert "give --object and --operation" in capsys.readouterr().err
    assert main([str(source), "--demo", "--dry-run", "--object", "Lead", "--operation", "update"]) == 0


def test_a_reload_left_pending_is_looked_up_and_settled_by_the_next_run(
    fresh_org: DemoOrg, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import UTC, datetime

    from syncerr_gui.core.reload.batch import ReloadRecord
    from syncerr_gui.core.reload.ingest import run_reload
    from syncerr_gui.core.salesforce.client import OrgClient
    from syncerr_gui.demo_org.connect import demo_session

    batch, _ = failed_rows(fresh_org, "Lead", "upsert")
    earlier = run_reload(OrgClient(demo_session(fresh_org)), batch)
    data_dir = tmp_path / "data"
    with ErrorArchive.for_org(fresh_org.org_id, data_dir) as archive:
        record = ReloadRecord(
            earlier.job_id, datetime.now(UTC), "admin", fresh_org.org_id, "h", True, batch.target, 2
        )
        archive.reload_ledger().record_reload(record)  # as a crash after the upload leaves it
    fixed = ReloadBatch(ReloadTarget("Account", "insert"), ("Name",), (("Fresh Name 1",),))
    assert main([str(_file(tmp_path, fixed)), "--yes", "--data-dir", str(data_dir), *online(fresh_org)]) == 0
    out = capsys.readouterr().out
    assert f"An earlier reload (job {earlier.job_id}, Lead.upsert.Marketo_Lead_ID__c) JobComplete:" in out
    with ErrorArchive.for_org(fresh_org.org_id, data_dir) as archive:
        ledger = archive.reload_ledger()
        assert ledger.pending_reloads() == []
        assert [r.state for r in ledger.reloads()][-1] == "JobComplete"


def test_ctrl_c_while_the_job_runs_aborts_it_and_exits_130(fresh_org: DemoOrg, tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    from cli_helpers import ROOT

    batch, _ = failed_rows(fresh_org, "Lead", "upsert")
    source = _file(tmp_path, batch)
    fresh_org.hold_reloads()
    command = [sys.executable, str(ROOT / "main.py"), "retry", str(source), "--yes"]
    command += ["--data-dir", str(tmp_path / "data"), *online(fresh_org)]
    with subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as child:
        deadline = time.monotonic() + 120
        while not any(m == "PATCH" for m, _ in fresh_org.request_log) and time.monotonic() < deadline:
            time.sleep(0.05)
        looked = 0
        while looked < 1 and time.monotonic() < deadline:  # looked at once: the job is InProgress
            time.sleep(0.05)
            looked = sum(m == "GET" and p.count("/") == 6 for m, p in fresh_org.request_log)
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=120)
    assert child.returncode == 130, (out, err)
    assert "was aborted" in err
    patches = [p for m, p in fresh_org.request_log if m == "PATCH"]
    assert len(patches) == 2  # UploadComplete, then Aborted
    with ErrorArchive.for_org(fresh_org.org_id, tmp_path / "data") as archive:
        (record,) = archive.reload_ledger().reloads()
    assert record.state == "Aborted" and record.unprocessed == len(batch)
