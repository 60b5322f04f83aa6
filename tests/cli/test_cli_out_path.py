"""A bad `--out` is said before anything is read from the org, as a usage error where it is one."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from syncerr_gui.cli.export import main


def _token_login(org) -> list[str]:
    return ["--instance-url", org.instance_url, "--ca-bundle", str(org.ca_path)]


def _errors(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("error:")]


@pytest.mark.parametrize("out", ["", "missingdir/"])
def test_an_empty_or_folder_out_is_a_usage_error(
    demo_org, tmp_path: Path, monkeypatch, capsys, out: str
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SF_ACCESS_TOKEN", demo_org.admin.access_token)
    assert main([*_token_login(demo_org), "--out", out]) == 2
    [line] = _errors(capsys.readouterr().err)
    assert "--out" in line
    assert list(tmp_path.iterdir()) == []  # no file named "missingdir"


def test_an_out_in_a_missing_folder_is_said_before_the_sync(
    demo_org, tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("SF_ACCESS_TOKEN", demo_org.admin.access_token)
    asked = len(demo_org.request_log)
    out = tmp_path / "no-such-folder" / "errors.csv"
    assert main([*_token_login(demo_org), "--out", str(out)]) == 2
    [line] = _errors(capsys.readouterr().err)
    assert "does not exist" in line and "no-such-folder" in line
    assert len(demo_org.request_log) == asked  # nothing was asked of the org


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes and FIFOs")
@pytest.mark.parametrize("kind", ["read-only", "fifo"])
def test_an_out_that_cannot_be_replaced_is_said_before_the_sync(
    demo_org, tmp_path: Path, monkeypatch, capsys, kind: str
) -> None:
    monkeypatch.setenv("SF_ACCESS_TOKEN", demo_org.admin.access_token)
    out = tmp_path / "errors.csv"
    if kind == "fifo":
        os.mkfifo(out)
    else:
        out.write_text("keep me\n")
        out.chmod(0o444)
    asked = len(demo_org.request_log)
    assert main([*_token_login(demo_org), "--out", str(out)]) == 1
    [line] = _errors(capsys.readouterr().err)
    assert ("read-only" if kind == "read-only" else "not a regular file") in line
    assert len(demo_org.request_log) == asked
    if kind == "read-only":
        assert out.read_text() == "keep me\n"
    else:
        assert stat.S_ISFIFO(out.lstat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_an_existing_private_out_stays_private(demo_org, tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("SF_ACCESS_TOKEN", demo_org.admin.access_token)
    out = tmp_path / "errors.csv"
    out.write_text("old\n")
    out.chmod(0o600)
    assert main([*_token_login(demo_org), "--out", str(out), "--since", "2000-01-01"]) == 0, (
        capsys.readouterr().err
    )
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_text().startswith('"Failed On"')


def test_the_summary_counts_cells_too_long_for_excel(tmp_path: Path, capsys) -> None:
    from datetime import UTC, datetime

    from archive_helpers import sync_of

    from syncerr_gui.core.archive.store import ErrorArchive
    from syncerr_gui.core.frame.schema import RECORD_LEVEL, make_frame

    messages = ["A" * 40_000, "B" * 33_000, "short"]
    frame = make_frame(
        {
            "failed_on": [RECORD_LEVEL] * 3,
            "failed_at": [datetime.now(UTC).isoformat()] * 3,
            "error_type": ["STRING_TOO_LONG"] * 3,
            "message": messages,
            "object": "Lead",
            "operation": "insert",
            "salesforce_id": "",
            "source_id": ["1", "2", "3"],
            "job_id": "750000000000001AAA",
            "source": "Bulk API 2.0",
        },
        length=3,
    )
    with ErrorArchive.for_org("00D5g000000016XEAQ", tmp_path / "data") as archive:
        archive.store(sync_of(frame))
    out = tmp_path / "errors.csv"
    code = main(["--offline", "--data-dir", str(tmp_path / "data"), "--all", "--out", str(out)])
    printed = capsys.readouterr()
    assert code == 0, printed.err
    assert "Wrote 3 errors" in printed.out
    assert "; 2 cells are longer than Excel's 32,767-character limit (kept whole" in printed.out
