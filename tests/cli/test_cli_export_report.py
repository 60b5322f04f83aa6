"""`export --json` and `export --fail-on-new` as a scheduler runs them against the demo org:
the first sync of an empty archive finds every cause new (4), the next one nothing (0), a new
cause appearing in the org makes it 4 again, once; the JSON line stands alone on stdout."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cli_helpers import online, run_export
from oauth_helpers import ScriptedBrowser, config_for, start_org

from syncerr_gui.cli.export import main
from syncerr_gui.cli.export_report import EXIT_NEW_CAUSES
from syncerr_gui.core.auth.oauth import BrowserLogin
from syncerr_gui.core.auth.renewal import login_with_oauth_tokens
from syncerr_gui.core.auth.token_store import TokenStore
from syncerr_gui.demo_org import DemoOrg

SINCE = "2000-01-01T00:00:00Z"
NEW_CAUSE = (
    "INVALID_EMAIL_ADDRESS:Secondary Email: invalid email address: ann.customer@@acme.example"
    ":Secondary_Email__c --"
)
FIELDS = {
    "rows_written",
    "groups",
    "new_groups",
    "regressed_groups",
    "new_errors",
    "causes",
    "problems",
    "output",
    "first_sync",
    "offline",
}


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any], str]:
    code = main(list(args))
    printed = capsys.readouterr()
    lines = printed.out.splitlines()
    assert len(lines) == 1, printed.out + printed.err  # the JSON line alone
    return code, json.loads(lines[0]), printed.err


def test_fail_on_new_is_4_for_a_new_cause_then_0(fresh_org, tmp_path, capsys) -> None:
    out, data = tmp_path / "errors.csv", tmp_path / "data"
    args = [*online(fresh_org), "--data-dir", str(data), "--out", str(out), "--fail-on-new", "--json"]
    code, first, err = _run(capsys, *args)
    assert code == EXIT_NEW_CAUSES, err  # an empty archive: every cause is new
    assert set(first) == FIELDS and first["first_sync"] is True
    assert first["new_groups"] == first["groups"] > 3
    assert first["output"] == str(out) and first["rows_written"] > 0
    assert any(line.startswith("Wrote ") for line in err.splitlines())  # the summary: on stderr

    code, second, err = _run(capsys, *args)
    assert code == 0, err
    assert (second["new_groups"], second["regressed_groups"], second["new_errors"]) == (0, 0, 0)
    assert second["groups"] == first["groups"] and not second["first_sync"]

    fresh_org.add_failing_job("Lead", NEW_CAUSE, failed=37)
    code, third, err = _run(capsys, *args)
    assert code == EXIT_NEW_CAUSES, err
    assert third["new_groups"] == 1 and third["new_errors"] == 37
    [cause] = third["causes"]
    assert cause["change"] == "New" and cause["errors"] == 37
    assert cause["cause"] == "INVALID_EMAIL_ADDRESS on Lead.Secondary_Email__c"
    assert "new: INVALID_EMAIL_ADDRESS on Lead.Secondary_Email__c (37 errors)" in err
    assert third["rows_written"] == second["rows_written"] + 37

    code, fourth, _err = _run(capsys, *args)
    assert code == 0 and fourth["new_groups"] == 0
    assert "ann.customer" not in json.dumps([first, second, third, fourth])


def test_a_resolved_cause_that_fails_again_is_regressed(fresh_org, tmp_path, capsys) -> None:
    from syncerr_gui.core.archive.store import ErrorArchive
    from syncerr_gui.core.frame.groups import ErrorGroups

    data = tmp_path / "data"
    args = [*online(fresh_org), "--data-dir", str(data), "--out", str(tmp_path / "e.csv"), "--fail-on-new"]
    fresh_org.add_failing_job("Lead", NEW_CAUSE, failed=5, finished_at=datetime.now(UTC) - timedelta(hours=2))
    assert main([*args, "--json"]) == EXIT_NEW_CAUSES
    capsys.readouterr()
    with ErrorArchive.for_org(fresh_org.org_id, data) as archive:
        table = ErrorGroups(archive.load(), archive.message_patterns()).summary().table
        archive.set_group_state(
            table[table["fields"] == "Secondary_Email__c"],
            "Resolved",
            at=datetime.now(UTC) - timedelta(hours=1),
        )
    fresh_org.add_failing_job("Lead", NEW_CAUSE, failed=3)
    code, report, err = _run(capsys, *args, "--json")
    assert code == EXIT_NEW_CAUSES, err
    assert (report["new_groups"], report["regressed_groups"]) == (0, 1)
    assert report["causes"][0]["cause"] == "INVALID_EMAIL_ADDRESS on Lead.Secondary_Email__c"
    assert report["causes"][0]["errors"] == 3


def test_offline_json_reports_the_archive_and_nothing_new(fresh_org, tmp_path, capsys) -> None:
    data = tmp_path / "data"
    assert main([*online(fresh_org), "--data-dir", str(data), "--out", str(tmp_path / "a.csv")]) == 0
    capsys.readouterr()
    out = tmp_path / "offline.csv"
    code, report, _err = _run(
        capsys, "--offline", "--data-dir", str(data), "--out", str(out), "--all", "--json", "--fail-on-new"
    )
    assert code == 0
    assert report["offline"] is True and report["new_groups"] == 0 and report["groups"] > 3
    assert report["output"] == str(out)


def test_json_without_an_archive_has_no_new_counts_and_fail_on_new_needs_one(
    demo_org, tmp_path, capsys
) -> None:
    code, report, _err = _run(capsys, *online(demo_org), "--out", str(tmp_path / "e.csv"), "--json")
    assert code == 0 and report["new_groups"] is None and report["rows_written"] > 0
    assert main([*online(demo_org), "--out", str(tmp_path / "e.csv"), "--fail-on-new"]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert "--fail-on-new compares with the archive before the sync: it needs --data-dir" in line


@pytest.fixture()
def oauth_org() -> Iterator[DemoOrg]:
    with ExitStack() as stack:
        yield start_org(stack)


def test_remembered_login_with_fail_on_new_and_json(oauth_org, tmp_path, capsys) -> None:
    login = BrowserLogin(config_for(oauth_org), ca_bundle=str(oauth_org.ca_path))
    ScriptedBrowser(oauth_org).open(login.start())
    login_with_oauth_tokens(
        login.wait(timeout=30), config_for(oauth_org), str(oauth_org.ca_path), store=TokenStore()
    )
    args = [
        "--remembered",
        "--ca-bundle",
        str(oauth_org.ca_path),
        "--since",
        SINCE,
        "--json",
        "--fail-on-new",
    ]
    args += ["--data-dir", str(tmp_path / "data"), "--out", str(tmp_path / "e.csv")]
    assert _run(capsys, *args)[0] == EXIT_NEW_CAUSES
    code, report, _err = _run(capsys, *args)
    assert code == 0 and report["new_groups"] == 0


def test_json_line_is_the_only_stdout_of_the_process(fresh_org, tmp_path: Path) -> None:
    result = run_export(
        *online(fresh_org), "--data-dir", str(tmp_path / "d"), "--out", str(tmp_path / "e.csv"), "--json"
    )
    assert result.returncode == 0, result.stderr
    [line] = result.stdout.splitlines()
    assert set(json.loads(line)) == FIELDS
