"""`export --remembered` (the app's browser login from the keyring) and `export --target-org`
(a Salesforce CLI login), as Task Scheduler or cron runs them."""

from __future__ import annotations

import csv
import json
import os
import stat
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from oauth_helpers import ScriptedBrowser, config_for, start_org

from syncerr_gui.cli.export import main
from syncerr_gui.core.auth.oauth import BrowserLogin
from syncerr_gui.core.auth.renewal import login_with_oauth_tokens
from syncerr_gui.core.auth.token_store import INDEX_ENTRY, SERVICE, TokenStore
from syncerr_gui.demo_org import DemoOrg

SINCE = "2000-01-01T00:00:00Z"


@pytest.fixture()
def oauth_org() -> Iterator[DemoOrg]:
    with ExitStack() as stack:
        yield start_org(stack)


def _remember_browser_login(org: DemoOrg) -> tuple[str, str]:
    """Log in with the browser and "Remember me", as the desktop app does; (username, refresh token)."""
    login = BrowserLogin(config_for(org), ca_bundle=str(org.ca_path))
    ScriptedBrowser(org).open(login.start())
    tokens = login.wait(timeout=30)
    session = login_with_oauth_tokens(tokens, config_for(org), str(org.ca_path), store=TokenStore())
    return session.username, tokens.refresh_token


def _rows(path: Path) -> int:
    with open(path, newline="", encoding="utf-8") as handle:
        return sum(1 for _ in csv.reader(handle)) - 1


def test_remembered_login_exports_and_renews_the_stored_token(
    oauth_org, memory_keyring, tmp_path, capsys
) -> None:
    _username, refresh_token = _remember_browser_login(oauth_org)
    [key] = [name for (service, name) in memory_keyring.entries if service == SERVICE and name != INDEX_ENTRY]
    before = json.loads(memory_keyring.entries[(SERVICE, key)])["access_token"]
    oauth_org.expire_sessions()  # hours later: the access token is dead, the refresh token is not
    out = tmp_path / "errors.csv"
    code = main(["--remembered", "--out", str(out), "--ca-bundle", str(oauth_org.ca_path), "--since", SINCE])
    printed = capsys.readouterr()
    assert code == 0, printed.err
    assert _rows(out) == len(oauth_org.truth.errors())
    after = json.loads(memory_keyring.entries[(SERVICE, key)])["access_token"]
    assert after != before  # refreshed, and the keyring copy follows
    for secret in (before, after, refresh_token):
        assert secret not in printed.out + printed.err


def test_remembered_picks_the_login_of_username(oauth_org, tmp_path, capsys) -> None:
    username, _ = _remember_browser_login(oauth_org)
    out = tmp_path / "errors.csv"
    args = ["--out", str(out), "--ca-bundle", str(oauth_org.ca_path), "--since", SINCE]
    assert main(["--remembered", "--username", username.upper(), *args]) == 0
    assert main(["--remembered", "--username", "someone.else@example.com", *args]) == 1
    err = capsys.readouterr().err
    assert "No browser login is remembered in this computer's keyring for someone.else@example.com" in err


def test_remembered_without_a_remembered_login_is_one_clear_error(tmp_path, capsys) -> None:
    assert main(["--remembered", "--out", str(tmp_path / "e.csv")]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("error: login failed: No browser login is remembered")
    assert "Remember me" in line and not (tmp_path / "e.csv").exists()


def _fake_sf(folder: Path, org: DemoOrg, token: str, redacted: bool = False) -> Path:
    """An `sf` on PATH that answers `org display --json` the way the real Salesforce CLI does."""
    display = {
        "status": 0,
        "result": {
            "id": org.org_id[:15],
            "apiVersion": "62.0",
            "accessToken": "[REDACTED] Use 'sf org auth show-access-token' to view" if redacted else token,
            "instanceUrl": org.instance_url,
            "username": org.admin.username,
            "clientId": "PlatformCLI",
            "connectedStatus": "Connected",
            "alias": "acme",
        },
        "warnings": ["This command will expose sensitive information that allows for subsequent activity."],
    }
    shown = {"status": 0, "result": {"accessToken": token}, "warnings": []}
    missing = {
        "code": 1,
        "context": "OrgDisplay",
        "commandName": "OrgDisplay",
        "message": "No authorization information found for nope.",
        "name": "NamedOrgNotFoundError",
        "status": 1,
        "exitCode": 1,
        "warnings": [],
    }
    log = folder / "sf-args.txt"
    script = folder / "sf"
    script.write_text(
        f"#!{sys.executable}\n"
        "import json, sys\n"
        f"open({str(log)!r}, 'a').write(' '.join(sys.argv[1:]) + '\\n')\n"
        "args = sys.argv[1:]\n"
        "alias = args[args.index('--target-org') + 1]\n"
        f"if alias != 'acme':\n    print(json.dumps({missing!r}))\n    sys.exit(1)\n"
        f"print(json.dumps({shown!r} if 'show-access-token' in args else {display!r}))\n",
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return log


@pytest.mark.parametrize("redacted", [False, True], ids=["token-in-display", "newer-cli-redacts-it"])
def test_target_org_uses_the_salesforce_cli_login(demo_org, tmp_path, monkeypatch, capsys, redacted) -> None:
    token = demo_org.admin.access_token
    log = _fake_sf(tmp_path, demo_org, token, redacted=redacted)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    out = tmp_path / "errors.csv"
    code = main(
        ["--target-org", "acme", "--out", str(out), "--ca-bundle", str(demo_org.ca_path), "--since", SINCE]
    )
    printed = capsys.readouterr()
    assert code == 0, printed.err
    assert _rows(out) == len(demo_org.truth.errors())
    assert token not in printed.out + printed.err
    calls = log.read_text().splitlines()
    assert calls[0] == "org display --target-org acme --json"
    assert all(token not in call for call in calls)  # never on a command line


def test_target_org_unknown_alias_says_what_the_cli_said(demo_org, tmp_path, monkeypatch, capsys) -> None:
    _fake_sf(tmp_path, demo_org, demo_org.admin.access_token)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    assert main(["--target-org", "nope", "--out", str(tmp_path / "e.csv")]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert "could not use \u201cnope\u201d: No authorization information found for nope." in line


def test_target_org_without_sf_installed_is_a_clear_error(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no sf here
    assert main(["--target-org", "acme", "--out", str(tmp_path / "e.csv")]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert "The Salesforce CLI (`sf`) was not found" in line


def test_scheduled_logins_refuse_a_secret_on_the_command_line(tmp_path, capsys) -> None:
    assert main(["--target-org", "acme", "--access-token", "x", "--out", str(tmp_path / "e.csv")]) == 2
    assert "without a password or access token" in capsys.readouterr().err
