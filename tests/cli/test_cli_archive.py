"""`main.py export --data-dir / --offline` against a demo org over real HTTPS, in-process so two runs
share one org: the second export downloads nothing again, errors Salesforce aged out stay
exportable online and offline, offline never touches the network, and archive trouble is one line."""

from __future__ import annotations

import csv
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import pytest
from cli_helpers import ExportRun, online

from syncerr_gui.core.archive.data_dirs import APP_DIR_NAME, org_id_18
from syncerr_gui.core.archive.schema import SCHEMA_VERSION
from syncerr_gui.core.archive.store import ErrorArchive
from syncerr_gui.core.frame.export import export_csv
from syncerr_gui.demo_org.ids import sf_id

OTHER_ORG = sf_id("00D", 777)


def sorted_rows(path: Path) -> list[tuple[str, ...]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return sorted(tuple(row.values()) for row in csv.DictReader(fh))


def job_ids(path: Path) -> set[str]:
    with open(path, encoding="utf-8", newline="") as fh:
        return {row["Job ID"] for row in csv.DictReader(fh)}


def one_error_line(run: ExportRun) -> str:
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), run.stderr
    assert "Traceback" not in run.stderr and run.stdout == ""
    return lines[0]


def test_a_second_export_downloads_no_results_and_writes_the_same_rows(
    export, fresh_org, tmp_path: Path
) -> None:
    data, first_csv, second_csv = tmp_path / "data", tmp_path / "first.csv", tmp_path / "second.csv"
    first = export(*online(fresh_org), "--data-dir", str(data), "--out", str(first_csv))
    rows = sorted_rows(first_csv)
    assert first.code == 0, first.stderr
    assert first.stdout.startswith(f"Wrote {len(rows)} errors (")
    assert first.stdout.endswith(f" to {first_csv}; {len(rows)} new this sync, archive in {data}")
    before = len(fresh_org.request_log)
    second = export(*online(fresh_org), "--data-dir", str(data), "--out", str(second_csv))
    asked = [path for _, path in fresh_org.request_log[before:]]
    assert second.code == 0 and second.stdout.endswith(f"; 0 new this sync, archive in {data}")
    assert asked and not [p for p in asked if "failedResults" in p or p.endswith("/result")], asked
    assert rows and sorted_rows(second_csv) == rows
    truth_csv = tmp_path / "truth.csv"
    export_csv(fresh_org.truth.errors(), truth_csv)
    assert set(rows) <= set(sorted_rows(truth_csv))
    offline_csv = tmp_path / "offline.csv"  # the default window offline is the one the next sync uses
    offline = export("--offline", "--data-dir", str(data), "--out", str(offline_csv))
    assert offline.code == 0 and f"offline, from the archive in {data} (last synced " in offline.stdout
    assert sorted_rows(offline_csv) == rows


def test_aged_out_errors_stay_exportable_online_and_offline(export, fresh_org, tmp_path: Path) -> None:
    data, truth_csv = tmp_path / "data", tmp_path / "truth.csv"
    export_csv(fresh_org.truth.errors(), truth_csv)
    first = export(
        *online(fresh_org),
        "--data-dir",
        str(data),
        "--since",
        "2000-01-01",
        "--out",
        str(tmp_path / "first.csv"),
    )
    assert first.code == 0, first.stderr
    aged = set(fresh_org.age_out_jobs(3)) & job_ids(truth_csv)
    assert aged and not aged & set(fresh_org.truth.errors()["job_id"])

    all_csv = tmp_path / "all.csv"
    again = export(*online(fresh_org), "--data-dir", str(data), "--all", "--out", str(all_csv))
    assert again.code == 0 and again.stdout.endswith(f"; 0 new this sync, archive in {data}"), again
    assert aged <= job_ids(all_csv)
    assert sorted_rows(all_csv) == sorted_rows(truth_csv)

    before = len(fresh_org.request_log)
    offline_csv = tmp_path / "offline.csv"
    offline = export("--offline", "--data-dir", str(data), "--all", "--out", str(offline_csv))
    assert offline.code == 0, offline.stderr
    assert len(fresh_org.request_log) == before  # no request at all
    assert sorted_rows(offline_csv) == sorted_rows(truth_csv)


def test_offline_names_the_problem_when_the_archive_is_missing_or_ambiguous(
    export, fresh_org, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "errors.csv"
    missing = export("--offline", "--data-dir", str(tmp_path / "nothing-here"), "--out", str(out))
    assert missing.code == 1
    assert f"there is no error archive in {tmp_path / 'nothing-here'}" in one_error_line(missing)
    assert not (tmp_path / "nothing-here").exists()  # offline creates nothing

    data = tmp_path / "data"
    for org_id in (fresh_org.org_id, OTHER_ORG):
        ErrorArchive.for_org(org_id, data).close()
    several = export("--offline", "--data-dir", str(data), "--out", str(out))
    assert several.code == 2
    line = one_error_line(several)
    assert "several orgs" in line and "--org-id" in line
    assert org_id_18(fresh_org.org_id) in line and OTHER_ORG in line

    unknown = export("--offline", "--data-dir", str(data), "--org-id", sf_id("00D", 778), "--out", str(out))
    assert unknown.code == 1 and "there is no error archive of org" in one_error_line(unknown)
    assert not out.exists()

    monkeypatch.setenv("SF_ACCESS_TOKEN", fresh_org.admin.access_token)  # ignored offline, not an error
    chosen = export("--offline", "--data-dir", str(data), "--org-id", OTHER_ORG[:15], "--out", str(out))
    assert chosen.code == 0, chosen.stderr
    assert chosen.stdout == (
        f"Wrote 0 errors (0 job level, 0 record level) to {out}; "
        f"offline, from the archive in {data} (never fully synced)"
    )


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="XDG_DATA_HOME steers the data folder on Linux"
)
def test_offline_without_data_dir_reads_the_apps_data_folder(
    export, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    result = export("--offline", "--out", str(tmp_path / "errors.csv"))
    assert result.code == 1
    assert f"there is no error archive in {tmp_path / APP_DIR_NAME}" in one_error_line(result)


@pytest.mark.parametrize(
    "login",
    [
        ("--demo",),
        ("--access-token", "00D000000000001!secret-value"),
        ("--instance-url", "https://acme.my.salesforce.com"),
        ("--username", "admin@example.com", "--password", "hunter2"),
        ("--domain", "test"),
    ],
)
def test_offline_with_login_options_is_refused(export, tmp_path: Path, login: tuple[str, ...]) -> None:
    out = tmp_path / "errors.csv"
    result = export("--offline", "--data-dir", str(tmp_path), *login, "--out", str(out))
    assert result.code == 2
    line = one_error_line(result)
    assert "--offline reads only the local archive and never logs in; drop " + login[0] in line
    assert "secret-value" not in line and "hunter2" not in line
    assert not out.exists()


def test_a_damaged_archive_is_kept_aside_and_the_export_says_so_online_and_offline(
    export, fresh_org, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, out = tmp_path / "data", tmp_path / "errors.csv"
    with ErrorArchive.for_org(fresh_org.org_id, data) as archive:
        path = archive.path
    monkeypatch.setenv("SF_ACCESS_TOKEN", fresh_org.admin.access_token)  # no argv warning line
    token_login = ["--instance-url", fresh_org.instance_url, "--ca-bundle", str(fresh_org.ca_path)]
    for args in (token_login, ["--offline"]):
        path.write_bytes(b"this is not a database, it was damaged on the way" * 100)
        result = export(*args, "--data-dir", str(data), "--out", str(out))
        assert result.code == 0, result
        assert result.stderr.startswith(f"warning: The error archive {path.name} was damaged (")
        assert "0 errors recovered" in result.stderr and fresh_org.admin.access_token not in result.stderr
        assert out.exists()
    kept = sorted(data.glob(f"{path.name}.damaged-*"))
    assert len(kept) == 2 and all(k.read_bytes().startswith(b"this is not a database") for k in kept)


def test_an_archive_of_a_newer_app_is_refused_in_words(export, tmp_path: Path) -> None:
    data, out = tmp_path / "data", tmp_path / "errors.csv"
    with ErrorArchive.for_org(OTHER_ORG, data) as archive:
        path = archive.path
    with closing(sqlite3.connect(path)) as con:
        con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    result = export("--offline", "--data-dir", str(data), "--out", str(out))
    assert result.code == 1 and "newer version" in one_error_line(result)
    assert not out.exists()


def test_no_token_or_password_reaches_the_data_dir(export, fresh_org, tmp_path: Path) -> None:
    data = tmp_path / "data"
    by_token = export(*online(fresh_org), "--data-dir", str(data), "--out", str(tmp_path / "a.csv"))
    admin = fresh_org.admin
    by_password = export(
        "--username",
        admin.username,
        "--password",
        admin.password,
        "--security-token",
        admin.security_token,
        "--domain",
        fresh_org.instance_url,
        "--ca-bundle",
        str(fresh_org.ca_path),
        "--data-dir",
        str(data),
        "--since",
        "2000-01-01",
        "--out",
        str(tmp_path / "b.csv"),
    )
    assert by_token.code == 0 and by_password.code == 0, by_token.stderr + by_password.stderr
    secrets = [fresh_org.admin.access_token, fresh_org.admin.password, fresh_org.admin.security_token]
    files = [p for p in data.iterdir() if p.is_file()]
    assert any(p.suffix == ".sqlite3" for p in files)
    for path in files:
        content = path.read_bytes()
        assert not any(secret.encode() in content for secret in secrets), path.name


def test_offline_export_reads_while_another_program_is_writing_the_archive(
    export, fresh_org, tmp_path: Path
) -> None:
    data, online_csv, offline_csv = tmp_path / "data", tmp_path / "online.csv", tmp_path / "offline.csv"
    assert export(*online(fresh_org), "--data-dir", str(data), "--out", str(online_csv)).code == 0
    with ErrorArchive.for_org(fresh_org.org_id, data) as archive:
        path = archive.path
    with closing(sqlite3.connect(path, isolation_level=None)) as writer:
        writer.execute("BEGIN IMMEDIATE")  # as the desktop app holds it while storing a sync
        writer.execute("INSERT INTO meta (key, value) VALUES ('busy', 'yes')")
        result = export("--offline", "--data-dir", str(data), "--out", str(offline_csv))
        writer.execute("ROLLBACK")
    assert result.code == 0, result.stderr
    assert sorted_rows(offline_csv) == sorted_rows(online_csv)
