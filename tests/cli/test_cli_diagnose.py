"""`main.py export --groups --diagnose`: a Diagnosis column, one line per group, read from the
demo org over real HTTPS, kept in the archive, and written again offline from it."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from cli_helpers import online

from syncerr_gui.cli.diagnose import OFFLINE_NONE
from syncerr_gui.cli.export import main, parse_args
from syncerr_gui.cli.failures import UsageError


def rows_of(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def by_cause(rows: list[dict[str, str]], code: str, obj: str) -> list[str]:
    return [r["Diagnosis"] for r in rows if r["Error Type"] == code and r["Object"] == obj]


def test_diagnosis_column_online_then_offline_from_the_archive(capsys, fresh_org, tmp_path: Path) -> None:
    data, out = tmp_path / "data", tmp_path / "groups.csv"
    args = [*online(fresh_org), "--data-dir", str(data), "--since", "2000-01-01", "--groups", "--diagnose"]
    assert main([*args, "--out", str(out)]) == 0, capsys.readouterr().err
    header, rows = rows_of(out)
    assert header[-1] == "Diagnosis"
    assert all(r["Diagnosis"] and "\n" not in r["Diagnosis"] for r in rows)
    picklist = by_cause(rows, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "Lead")
    assert picklist and "“Webinar – EMEA” → “Webinar”" in picklist[0]
    rule = by_cause(rows, "FIELD_CUSTOM_VALIDATION_EXCEPTION", "Lead")
    assert any("Company_Required" in line and "ISBLANK(Company)" in line for line in rule)
    used = fresh_org.api_usage
    offline = tmp_path / "offline.csv"
    argv = ["--offline", "--data-dir", str(data), "--all", "--groups", "--diagnose", "--out", str(offline)]
    assert main(argv) == 0, capsys.readouterr().err
    assert fresh_org.api_usage == used  # offline: not one request
    _, again = rows_of(offline)
    kept = {(r["Error Type"], r["Object"], r["Pattern"]): r["Diagnosis"] for r in rows}
    assert {(r["Error Type"], r["Object"], r["Pattern"]): r["Diagnosis"] for r in again} == kept


def test_offline_without_a_kept_diagnosis_says_so(capsys, fresh_org, tmp_path: Path) -> None:
    data = tmp_path / "data"
    base = [*online(fresh_org), "--data-dir", str(data), "--since", "2000-01-01"]
    assert main([*base, "--groups", "--out", str(tmp_path / "a.csv")]) == 0
    out = tmp_path / "b.csv"
    assert main(["--offline", "--data-dir", str(data), "--groups", "--diagnose", "--out", str(out)]) == 0
    _, rows = rows_of(out)
    assert rows and {r["Diagnosis"] for r in rows} == {OFFLINE_NONE}


def test_diagnose_needs_groups(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="--diagnose needs --groups"):
        parse_args(["--demo", "--diagnose", "--out", str(tmp_path / "x.csv")])
