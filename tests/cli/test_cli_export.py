"""`python main.py export …` as a scheduled job runs it: a real subprocess against the demo org."""

from __future__ import annotations

import csv
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import ROOT, run_export

from syncerr_gui.cli.export import parse_since
from syncerr_gui.core.frame.export import export_csv


def _one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert "Traceback" not in result.stderr
    return lines[0]


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _sorted_rows(path: Path) -> list[tuple[str, ...]]:
    return sorted(tuple(row.values()) for row in _read(path))


def test_demo_export_writes_both_levels_with_ids(tmp_path: Path) -> None:
    out = tmp_path / "errors.csv"
    result = run_export("--demo", "--out", str(out))
    assert result.returncode == 0, result.stderr
    rows = _read(out)
    job_level = [r for r in rows if r["Failed On"] == "Job Level"]
    record_level = [r for r in rows if r["Failed On"] == "Record Level"]
    assert result.stdout.strip() == (
        f"Wrote {len(rows)} errors ({len(job_level)} job level, {len(record_level)} record level) to {out}"
    )
    assert job_level and record_level
    assert any(r["Salesforce ID"] for r in record_level)
    assert any(r["Source ID"] for r in record_level)
    assert {r["Source"] for r in rows} <= {"Bulk API 2.0", "Bulk API 1.0", "Apex"}


def test_export_never_imports_qt(tmp_path: Path) -> None:
    out = tmp_path / "errors.csv"
    code = (
        "import sys; from syncerr_gui.app import main; rc = main(['export', '--demo', '--out', sys.argv[1]]);"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')), rc)"
    )
    result = subprocess.run(  # noqa: PLW1510 - callers read the exit code
        [sys.executable, "-c", code, str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert result.stdout.splitlines()[-1] == "[] 0", result.stderr
    assert out.exists()


def test_token_from_the_environment_and_problems_as_warnings(fresh_org, tmp_path: Path) -> None:
    fresh_org.fail_next("failedResults", status=500, times=1000)
    out = tmp_path / "errors.csv"
    result = run_export(
        "--instance-url",
        fresh_org.instance_url,
        "--ca-bundle",
        str(fresh_org.ca_path),
        "--since",
        "2000-01-01",
        "--out",
        str(out),
        env={"SF_ACCESS_TOKEN": fresh_org.admin.access_token},
    )
    assert result.returncode == 0, result.stderr
    warnings = result.stderr.splitlines()
    assert warnings and all(line.startswith("warning: job ") for line in warnings)
    assert any("(Bulk API 2.0): " in line for line in warnings)
    assert fresh_org.admin.access_token not in result.stderr + result.stdout
    assert result.stdout.startswith("Wrote ")
    assert out.exists()


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("--demo",),
        ("--demo", "--instance-url", "https://acme.my.salesforce.com"),
        ("--instance-url", "https://acme.my.salesforce.com"),
        ("--username", "admin@example.com"),
        ("--demo", "--since", "last tuesday"),
        ("--demo", "--ca-bundle", "no-such-file.pem"),
        ("--demo", "--bogus"),
        ("--demo", "--all"),
        ("--demo", "--data-dir", "archive-folder", "--all", "--since", "2026-01-01"),
        ("--demo", "--org-id", "00D5g000000016X"),
        ("--demo", "--data-dir", "main.py"),
        ("--offline", "--org-id", "not-an-org"),
        ("--offline", "--demo"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(tmp_path: Path, args: tuple[str, ...]) -> None:
    out = tmp_path / "errors.csv"
    full = [*args, "--out", str(out)] if args != ("--demo",) else list(args)
    result = run_export(*full)
    assert result.returncode == 2
    _one_error_line(result)
    assert not out.exists()


def test_refused_token_one_line_no_secret_no_file(demo_org, tmp_path: Path) -> None:
    out = tmp_path / "errors.csv"
    bad = demo_org.admin.access_token[:-6] + "XXXXXX"
    result = run_export(
        "--instance-url",
        demo_org.instance_url,
        "--ca-bundle",
        str(demo_org.ca_path),
        "--out",
        str(out),
        env={"SF_ACCESS_TOKEN": bad},
    )
    assert result.returncode == 1
    line = _one_error_line(result)
    assert "The access token was refused" in line
    assert bad not in line
    assert not out.exists()


def test_untrusted_certificate_one_line_no_file(demo_org, tmp_path: Path) -> None:
    out = tmp_path / "errors.csv"
    result = run_export(
        "--instance-url",
        demo_org.instance_url,
        "--out",
        str(out),
        env={"SF_ACCESS_TOKEN": demo_org.admin.access_token},
    )
    assert result.returncode == 1
    assert "issued by an authority this computer does not trust" in _one_error_line(result)
    assert not out.exists()


def test_unreachable_host_one_line_no_file(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    out = tmp_path / "errors.csv"
    result = run_export(
        "--instance-url",
        f"https://127.0.0.1:{port}",
        "--out",
        str(out),
        env={"SF_ACCESS_TOKEN": "00D000000000001!abcdefgh"},
    )
    assert result.returncode == 1
    assert f"Could not reach 127.0.0.1:{port}" in _one_error_line(result)
    assert not out.exists()


def test_non_admin_is_refused_naming_the_missing_permission(demo_org, tmp_path: Path) -> None:
    out = tmp_path / "errors.csv"
    result = run_export(
        "--instance-url",
        demo_org.instance_url,
        "--ca-bundle",
        str(demo_org.ca_path),
        "--out",
        str(out),
        env={"SF_ACCESS_TOKEN": demo_org.non_admin.access_token},
    )
    assert result.returncode == 3
    line = _one_error_line(result)
    assert "This app is for Salesforce admins" in line
    assert "missing" in line
    assert not out.exists()


def test_since_accepts_dates_and_offsets() -> None:
    assert parse_since("2026-11-20").isoformat() == "2026-11-20T00:00:00+00:00"
    assert parse_since("2026-11-20T14:00:00").isoformat() == "2026-11-20T14:00:00+00:00"
    assert parse_since("2026-11-20T14:00:00+01:00").isoformat() == "2026-11-20T13:00:00+00:00"
    assert parse_since("2026-11-20T14:00:00Z").isoformat() == "2026-11-20T14:00:00+00:00"


def test_session_expiring_mid_sync_is_one_line_and_no_file(tmp_path: Path) -> None:
    from syncerr_gui.demo_org import DemoConfig, DemoOrg

    config = DemoConfig(record_errors=200, bulk2_jobs=10, classic_jobs=2, apex_jobs=2, expire_tokens_after=4)
    out = tmp_path / "errors.csv"
    with DemoOrg(config) as org:
        result = run_export(
            "--instance-url",
            org.instance_url,
            "--ca-bundle",
            str(org.ca_path),
            "--out",
            str(out),
            env={"SF_ACCESS_TOKEN": org.admin.access_token},
        )
    assert result.returncode == 1
    line = _one_error_line(result)
    assert "expired" in line.lower() or "log in again" in line.lower()
    assert org.admin.access_token not in line
    assert not out.exists()


def test_password_login_renews_a_dying_session_and_finishes(tmp_path: Path) -> None:
    from syncerr_gui.demo_org import DemoConfig, DemoOrg

    config = DemoConfig(record_errors=200, bulk2_jobs=10, classic_jobs=2, apex_jobs=2, expire_tokens_after=12)
    out = tmp_path / "errors.csv"
    with DemoOrg(config) as org:
        result = run_export(
            "--username",
            org.admin.username,
            "--domain",
            org.instance_url,
            "--since",
            "2000-01-01",
            "--ca-bundle",
            str(org.ca_path),
            "--out",
            str(out),
            env={"SF_PASSWORD": org.admin.password, "SF_SECURITY_TOKEN": org.admin.security_token},
        )
        truth_csv = tmp_path / "truth.csv"
        expected = export_csv(org.truth.errors(), truth_csv)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith(f"Wrote {expected} errors")
    # The sync's row order is not the truth's; the rows themselves must be the same.
    assert _sorted_rows(out) == _sorted_rows(truth_csv)


def test_help_explains_the_archive_options() -> None:
    result = run_export("--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "Without --data-dir or --offline nothing is stored" in text
    assert (
        "--offline reads the archive only (no login, no network); "
        "without --data-dir it uses the app's data folder"
    ) in text
    assert "--org-id" in text and "--all" in text


def test_input_rows_come_with_each_record_level_error_with_or_without_the_archive(
    demo_org, tmp_path: Path
) -> None:
    from frame_helpers import with_details

    from syncerr_gui.core.frame.export import EXPORT_COLUMNS_WITH_INPUT

    truth = with_details(*demo_org.truth.errors_with_details())
    expected = sorted(
        zip(truth["job_id"].astype(str), truth["salesforce_id"].astype(str), truth["input_row"])
    )
    base = (
        "--instance-url",
        demo_org.instance_url,
        "--ca-bundle",
        str(demo_org.ca_path),
        "--since",
        "2000-01-01",
    )
    env = {"SF_ACCESS_TOKEN": demo_org.admin.access_token}
    for extra in ((), ("--data-dir", str(tmp_path / "data"))):
        out = tmp_path / f"inputs{len(extra)}.csv"
        result = run_export(*base, *extra, "--input-rows", "--out", str(out), env=env)
        assert result.returncode == 0, result.stderr
        with open(out, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert list(rows[0]) == list(EXPORT_COLUMNS_WITH_INPUT)
        got = sorted((r["Job ID"], r["Salesforce ID"], r["Input Row"].removeprefix("'")) for r in rows)
        assert got == expected  # every row's own input row ("" for job-level rows)
