"""The export keeps secrets out of the process list and server text away from the terminal.

Real subprocesses against the loopback demo org, as a scheduled job runs the export.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import run_export

from syncerr_gui.cli.terminal import one_line, printable

OSC52 = "\x1b]52;c;ZXZpbA==\x07"  # "write 'evil' to the clipboard" in terminals that allow it


def _token_args(org, out: Path, token: str) -> list[str]:
    return [
        "--instance-url",
        org.instance_url,
        "--ca-bundle",
        str(org.ca_path),
        "--access-token",
        token,
        "--out",
        str(out),
    ]


def test_a_token_from_standard_input_logs_in_without_a_warning(demo_org, tmp_path: Path) -> None:
    out = tmp_path / "errors.csv"
    result = run_export(*_token_args(demo_org, out, "-"), stdin=demo_org.admin.access_token + "\n")
    assert result.returncode == 0, result.stderr
    assert out.exists() and result.stdout.startswith("Wrote ")
    assert "warning" not in result.stderr


def test_a_token_from_a_file_logs_in_and_a_file_others_can_read_is_named(demo_org, tmp_path: Path) -> None:
    secret = tmp_path / "token.txt"
    secret.write_text(demo_org.admin.access_token + "\r\n", encoding="utf-8")
    secret.chmod(0o600)
    out = tmp_path / "errors.csv"
    private = run_export(*_token_args(demo_org, out, f"@{secret}"))
    assert private.returncode == 0, private.stderr
    assert private.stderr == ""
    secret.chmod(0o644)
    shared = run_export(*_token_args(demo_org, out, f"@{secret}"))
    assert shared.returncode == 0, shared.stderr
    assert f"warning: {secret} (for --access-token) can be read by other users; chmod 600 it" in shared.stderr
    assert demo_org.admin.access_token not in shared.stderr + shared.stdout


def test_a_token_typed_on_the_command_line_works_but_is_warned_about(demo_org, tmp_path: Path) -> None:
    out = tmp_path / "errors.csv"
    result = run_export(*_token_args(demo_org, out, demo_org.admin.access_token))
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith(
        "warning: --access-token on the command line can be read by other users of this computer; "
        "use SF_ACCESS_TOKEN, --access-token - (standard input) or --access-token @FILE instead"
    )
    assert demo_org.admin.access_token not in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("args", "stdin", "expected"),
    [
        (("--username", "u", "--password", "-", "--security-token", "-"), "a\nb\n", "only one secret"),
        (("--instance-url", "https://acme.my.salesforce.com", "--access-token", "-"), "", "nothing came"),
        (
            ("--instance-url", "https://acme.my.salesforce.com", "--access-token", "@/no/such/file"),
            "",
            "cannot read",
        ),
    ],
)
def test_a_secret_that_cannot_be_read_is_a_usage_error(
    tmp_path: Path, args, stdin: str, expected: str
) -> None:
    result = run_export(*args, "--out", str(tmp_path / "x.csv"), stdin=stdin)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and expected in lines[0]
    assert not (tmp_path / "x.csv").exists()


def test_a_job_id_with_terminal_escapes_reaches_stderr_escaped(fresh_org, tmp_path: Path) -> None:
    hostile_id = f"750{OSC52}\x1b[2J\u202eX"
    listing = {
        "done": True,
        "records": [
            {
                "id": hostile_id,
                "operation": "insert",
                "object": "Lead",
                "createdById": "005000000000001AAA",
                "createdDate": "2026-01-01T00:00:00.000+0000",
                "systemModstamp": "2099-01-01T00:00:00.000+0000",
                "state": "JobComplete",
                "jobType": "V2Ingest",
                "numberRecordsFailed": 3,
            }
        ],
    }
    fresh_org.fail_next("jobType=V2Ingest", status=200, body=json.dumps(listing).encode())
    out = tmp_path / "errors.csv"
    result = run_export(*_token_args(fresh_org, out, "-"), stdin=fresh_org.admin.access_token)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr and "\u202e" not in result.stderr
    assert "750\\x1b]52;c;ZXZpbA==\\x07\\x1b[2J\\u202eX" in result.stderr  # shown, not obeyed


def test_printable_shows_every_control_and_bidi_character_and_keeps_the_rest() -> None:
    assert printable("Müller & Söhne 😀 – ok") == "Müller & Söhne 😀 – ok"
    assert printable("a\x1b[31mb\x9bc\x7f\x00") == "a\\x1b[31mb\\x9bc\\x7f\\x00"
    assert printable("abc\u202edef\u2066") == "abc\\u202edef\\u2066"
    assert one_line("line one\nline\ttwo\r\n") == "line one line two"
