"""Conformance: the headless export against an independent Salesforce-compatible server.

The server (`tests/independent_org/`) and the expected rows below were written from the
shared SALESFORCE.md and ARCHITECTURE.md's mapping rules only, never from the engine or the
demo org, so a misreading those two share shows up here. The export must report exactly
the errors that server holds in the window: nothing missing, nothing extra, text intact,
no cell a spreadsheet would run as a formula.
"""

from __future__ import annotations

import csv
import logging
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from independent_org import IndependentOrg

logger = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[2]
SINCE = "2026-11-22T00:00:00Z"
HEADER = [
    "Failed On",
    "Failure Date/Time",
    "Error Type",
    "Error Details",
    "Object",
    "Operation",
    "Salesforce ID",
    "Source ID",
    "Job ID",
    "Source",
    "Reloaded In",
    "Reload Of",
]
NOT_RELOADED = ("", "")  # Reloaded In, Reload Of: nothing of this org was reloaded by the app
JL, RL = "Job Level", "Record Level"
B2, B1, APEX = "Bulk API 2.0", "Bulk API 1.0", "Apex"
J01, J02, J03, J04 = "7505g00000IndJ01AA", "7505g00000IndJ02AA", "7505g00000IndJ03AA", "7505g00000IndJ04AA"
J05, J09, J10 = "7505g00000IndJ05AA", "7505g00000IndJ09AA", "7505g00000IndJ10AA"
C01, C02 = "7505g00000IndC01AA", "7505g00000IndC02AA"
A01, A02, A03 = "7075g00000IndA01AA", "7075g00000IndA02AA", "7075g00000IndA03AA"
RISKY_STARTS = ("=", "+", "-", "@", "\t", "\r")

Row = tuple[str, ...]

# Written by hand from the mapping rules: (Failed On, Failure Date/Time, Error Type, Error Details,
# Object, Operation, Salesforce ID, Source ID, Job ID, Source). Times are the jobs' systemModstamp /
# CompletedDate; cells a spreadsheet would run as a formula carry a leading '.
J01_ROWS: list[Row] = [
    (
        RL,
        "2026-11-25T10:00:00+00:00",
        "FIELD_CUSTOM_VALIDATION_EXCEPTION",
        "Bitte Firma für Müller angeben.\nPlease enter a company.",
        "Lead",
        "upsert",
        "00Q5g00000IndR01AA",
        "LK-1 Müller",
        J01,
        B2,
    ),
    (
        RL,
        "2026-11-25T10:00:00+00:00",
        "REQUIRED_FIELD_MISSING",
        "Required fields are missing: [LastName]",
        "Lead",
        "upsert",
        "",
        "東京-0002",
        J01,
        B2,
    ),
    (
        RL,
        "2026-11-25T10:00:00+00:00",
        "DUPLICATE_VALUE",
        "duplicate value found: Email__c duplicates value on record with id: 00Q5g00000IndR09AA",
        "Lead",
        "upsert",
        "00Q5g00000IndR03AA",
        'LK-3 "O\'Brien, Jr." 🚀',
        J01,
        B2,
    ),
    (
        RL,
        "2026-11-25T10:00:00+00:00",
        "STRING_TOO_LONG",
        "ShortTextField: data value too large: ££££ (max length=10)",
        "Lead",
        "upsert",
        "",
        "LK-4\nzweite Zeile",
        J01,
        B2,
    ),
    (
        RL,
        "2026-11-25T10:00:00+00:00",
        "INVALID_CROSS_REFERENCE_KEY",
        "invalid cross reference id",
        "Lead",
        "upsert",
        "",
        '\'=HYPERLINK("https://evil.example/?x=1","open")',
        J01,
        B2,
    ),
    (
        RL,
        "2026-11-25T10:00:00+00:00",
        "FIELD_CUSTOM_VALIDATION_EXCEPTION",
        "'=1+2 is not a valid score",
        "Lead",
        "upsert",
        "",
        "'+49 30 1234567",
        J01,
        B2,
    ),
    (
        RL,
        "2026-11-25T10:00:00+00:00",
        "",
        "'@mention is not allowed here",
        "Lead",
        "upsert",
        "",
        "'-7",
        J01,
        B2,
    ),
    (
        RL,
        "2026-11-25T10:00:00+00:00",
        "FIELD_CUSTOM_VALIDATION_EXCEPTION",
        'Value "Gold, Plus" is not allowed',
        "Lead",
        "upsert",
        "",
        "'\tTAB-8",
        J01,
        B2,
    ),
    (
        RL,
        "2026-11-25T10:00:00+00:00",
        "UNABLE_TO_LOCK_ROW",
        "unable to obtain exclusive access to this record",
        "Lead",
        "upsert",
        "",
        "LK-9",
        J01,
        B2,
    ),
    (
        RL,
        "2026-11-25T10:00:00+00:00",
        "CANNOT_EXECUTE_FLOW_TRIGGER",
        "'-1 is not a valid discount: Lead_Discount_Flow",
        "Lead",
        "upsert",
        "",
        "LK-10",
        J01,
        B2,
    ),
    (
        RL,
        "2026-11-25T10:00:00+00:00",
        "DUPLICATES_DETECTED",
        "Use one of these records?",
        "Lead",
        "upsert",
        "",
        "'\rCR-11",
        J01,
        B2,
    ),
]

OTHER_BULK2_ROWS: list[Row] = [
    (
        RL,
        "2026-11-25T10:30:00+00:00",
        "INVALID_EMAIL_ADDRESS",
        "Email: invalid email address: jürgen@@example.com",
        "Contact",
        "insert",
        "",
        "'-42",
        J02,
        B2,
    ),
    (
        RL,
        "2026-11-25T10:30:00+00:00",
        "REQUIRED_FIELD_MISSING",
        "Required fields are missing: [LastName, AccountId]",
        "Contact",
        "insert",
        "",
        "'@ext-7",
        J02,
        B2,
    ),
    (
        RL,
        "2026-11-25T10:30:00+00:00",
        "INVALID_CROSS_REFERENCE_KEY",
        "invalid cross reference id",
        "Contact",
        "insert",
        "",
        "",
        J02,
        B2,
    ),
    (
        RL,
        "2026-11-25T11:00:00+00:00",
        "ENTITY_IS_DELETED",
        "entity is deleted",
        "Account",
        "update",
        "0015g00000IndR20AA",
        "P-1",
        J03,
        B2,
    ),
    (
        RL,
        "2026-11-25T11:00:00+00:00",
        "INVALID_FIELD_FOR_INSERT_UPDATE",
        "Unable to create/update fields: Name, Industry. Please check the security settings of this field and "
        "verify that it is read/write for your profile or permission set.",
        "Account",
        "update",
        "0015g00000IndR21AA",
        "P|2",
        J03,
        B2,
    ),
    (
        RL,
        "2026-11-25T11:15:00+00:00",
        "INVALID_EMAIL_ADDRESS",
        "Email: invalid email address: a;b@example.com",
        "Contact",
        "insert",
        "",
        "S;1",
        J10,
        B2,
    ),
    (
        JL,
        "2026-11-25T12:00:00+00:00",
        "InvalidBatch",
        "InvalidBatch : Field name not found : Foo__c",
        "Lead",
        "insert",
        "",
        "",
        J04,
        B2,
    ),
    (
        RL,
        "2026-11-25T12:00:00+00:00",
        "CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY",
        "LeadTrigger: execution of BeforeInsert caused by: System.NullPointerException: Attempt to "
        "de-reference a null object: Trigger.LeadTrigger: line 12, column 1",
        "Lead",
        "insert",
        "",
        "M-77",
        J04,
        B2,
    ),
    (JL, "2026-11-25T12:30:00+00:00", "JOB_ABORTED", "Aborted", "Opportunity", "delete", "", "", J05, B2),
    (
        JL,
        "2026-11-25T13:45:00+00:00",
        "LIMIT_EXCEEDED",
        "Max CPU time exceeded",
        "Account",
        "hardDelete",
        "",
        "",
        J09,
        B2,
    ),
]

BULK1_ROWS: list[Row] = [
    (
        JL,
        "2026-11-25T14:00:00+00:00",
        "InvalidBatch",
        "InvalidBatch : Records not found",
        "Lead",
        "insert",
        "",
        "",
        C01,
        B1,
    ),
    (
        RL,
        "2026-11-25T14:00:00+00:00",
        "REQUIRED_FIELD_MISSING",
        "Required fields are missing: [LastName]",
        "Lead",
        "insert",
        "",
        "1002",
        C01,
        B1,
    ),
    (
        RL,
        "2026-11-25T14:00:00+00:00",
        "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
        "'+Premium: bad value for restricted picklist field: +Premium",
        "Lead",
        "insert",
        "",
        "'=1004",
        C01,
        B1,
    ),
    (
        RL,
        "2026-11-25T14:30:00+00:00",
        "DUPLICATE_EXTERNAL_ID",
        "Legacy Key: more than one record found for external id field: [0035g00000IndR41AA, "
        "0035g00000IndR42AA]",
        "Contact",
        "upsert",
        "",
        "K-2 €",
        C02,
        B1,
    ),
]

APEX_ROWS: list[Row] = [
    (
        JL,
        "2026-11-25T15:00:00+00:00",
        "UNABLE_TO_LOCK_ROW",
        "First error: Update failed. First exception on row 0 with id 00Q5g00000IndR01AA; first error: "
        "UNABLE_TO_LOCK_ROW, unable to obtain exclusive access to this record: []",
        "LeadScoringBatch",
        "BatchApex",
        "",
        "",
        A01,
        APEX,
    ),
    (
        JL,
        "2026-11-25T15:30:00+00:00",
        "NULL_POINTER_EXCEPTION",
        "First error: Attempt to de-reference a null object",
        "NightlyDedupe",
        "BatchApex",
        "",
        "",
        A02,
        APEX,
    ),
    (
        JL,
        "2026-11-25T16:00:00+00:00",
        "JOB_ABORTED",
        "Aborted",
        "SyncQueueable",
        "Queueable",
        "",
        "",
        A03,
        APEX,
    ),
]

EXPECTED: list[Row] = J01_ROWS + OTHER_BULK2_ROWS + BULK1_ROWS + APEX_ROWS


@pytest.fixture()
def org(tmp_path: Path) -> Iterator[IndependentOrg]:
    """A fresh independent org (and CA) per test."""
    with IndependentOrg(tmp_path) as running:
        yield running


@pytest.fixture()
def org_without_j01_results(tmp_path: Path) -> Iterator[IndependentOrg]:
    """The same org, but J01's failedResults answer 404 NOT_FOUND (results deleted)."""
    with IndependentOrg(tmp_path, missing_failed_results=frozenset({J01})) as running:
        yield running


def run_export(org: IndependentOrg, out: Path, token: str | None = None) -> subprocess.CompletedProcess[str]:
    """`python main.py export …` against the org, as a scheduled run would call it."""
    command = [
        sys.executable,
        "main.py",
        "export",
        "--instance-url",
        org.instance_url,
        "--access-token",
        "-",  # from standard input: a scheduled run keeps the token out of the process list
        "--ca-bundle",
        str(org.ca_path),
        "--since",
        SINCE,
        "--out",
        str(out),
    ]
    return subprocess.run(
        command,
        cwd=REPO,
        input=(token or org.access_token) + "\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )


def read_export(path: Path) -> tuple[list[str], list[Row]]:
    """Header and rows of the exported CSV, read with the csv module as UTF-8 (no BOM)."""
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "the export starts with a BOM"
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    return rows[0], [tuple(r) for r in rows[1:]]


def normalised(rows: Iterable[Row]) -> Counter[Row]:
    """Rows as a multiset with the time cell reduced to its UTC instant (any offset is fine)."""
    result: Counter[Row] = Counter()
    for row in rows:
        stamp = row[1]
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)", stamp), (
            f"Failure Date/Time is not ISO 8601 with an offset: {stamp!r}"
        )
        instant = datetime.fromisoformat(stamp).astimezone(UTC).isoformat()
        result[(row[0], instant, *row[2:])] += 1
    return result


def assert_same_rows(actual: Iterable[Row], expected: Iterable[Row]) -> None:
    """Order-free, exact comparison that names what is missing and what is extra."""
    got, want = normalised(actual), normalised(row + NOT_RELOADED for row in expected)
    missing, extra = want - got, got - want
    assert not missing and not extra, f"missing rows: {list(missing)}\nextra rows: {list(extra)}"


def assert_no_live_formula(rows: Iterable[Row]) -> None:
    for row in rows:
        for cell in row:
            assert not cell.startswith(RISKY_STARTS), f"a spreadsheet would run this cell: {cell!r}"


def test_export_reports_exactly_the_errors_of_the_window(org: IndependentOrg, tmp_path: Path) -> None:
    out = tmp_path / "errors.csv"
    done = run_export(org, out)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "", f"a clean org gave warnings: {done.stderr}"
    assert f"Wrote {len(EXPECTED)} errors" in done.stdout
    header, rows = read_export(out)
    assert header == HEADER
    assert_same_rows(rows, EXPECTED)
    assert_no_live_formula(rows)


def test_deleted_failed_results_are_a_warning_and_the_rest_is_exported(
    org_without_j01_results: IndependentOrg, tmp_path: Path
) -> None:
    out = tmp_path / "errors.csv"
    done = run_export(org_without_j01_results, out)
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and J01 in warnings[0], done.stderr
    assert [line for line in done.stderr.splitlines() if line and not line.startswith("warning:")] == []
    _, rows = read_export(out)
    assert_same_rows(rows, OTHER_BULK2_ROWS + BULK1_ROWS + APEX_ROWS)
    assert_no_live_formula(rows)


def test_a_refused_token_fails_the_login_and_writes_nothing(org: IndependentOrg, tmp_path: Path) -> None:
    out = tmp_path / "errors.csv"
    wrong = "00D5g00000IndPd!AQ8AQ.not-the-right-token"
    done = run_export(org, out, token=wrong)
    assert done.returncode == 1
    assert done.stderr.startswith("error: login failed"), done.stderr
    assert wrong not in done.stderr and wrong not in done.stdout
    assert not out.exists()
