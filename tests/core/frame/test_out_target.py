"""Writing over an existing file: its mode, a read-only flag, a symlink and a special file are
what the user chose; the export respects them instead of replacing them with a new 0644 file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pandas as pd
import pytest

from syncerr_gui.core.exceptions import ExportError
from syncerr_gui.core.frame.export import export_csv
from syncerr_gui.core.frame.schema import RECORD_LEVEL, make_frame

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes, symlinks and FIFOs")


def _frame() -> pd.DataFrame:
    return make_frame(
        {
            "failed_on": [RECORD_LEVEL],
            "failed_at": ["2026-11-20T14:03:12Z"],
            "error_type": ["REQUIRED_FIELD_MISSING"],
            "message": ["Required fields are missing: [LastName]"],
            "object": "Lead",
            "operation": "insert",
            "salesforce_id": "",
            "source_id": "1042",
            "job_id": "750000000000001AAA",
            "source": "Bulk API 2.0",
        },
        length=1,
    )


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_private_file_stays_private_when_replaced(tmp_path: Path) -> None:
    out = tmp_path / "errors.csv"
    out.write_text("old\n")
    out.chmod(0o600)
    export_csv(_frame(), out)
    assert _mode(out) == 0o600
    assert "LastName" in out.read_text()


def test_a_read_only_file_is_refused_in_words_and_left_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "errors.csv"
    out.write_text("keep me\n")
    out.chmod(0o444)
    with pytest.raises(ExportError, match="read-only"):
        export_csv(_frame(), out)
    assert out.read_text() == "keep me\n" and _mode(out) == 0o444
    assert _leftovers(tmp_path) == []


def test_a_read_only_file_is_replaced_when_the_user_agreed_and_stays_read_only(tmp_path: Path) -> None:
    out = tmp_path / "errors.csv"
    out.write_text("keep me\n")
    out.chmod(0o444)
    export_csv(_frame(), out, replace_read_only=True)
    assert "LastName" in out.read_text() and _mode(out) == 0o444


def test_a_symlink_is_written_through_to_its_target(tmp_path: Path) -> None:
    (tmp_path / "reports").mkdir()
    target = tmp_path / "reports" / "latest.csv"
    target.write_text("old\n")
    target.chmod(0o640)
    link = tmp_path / "errors.csv"
    link.symlink_to(target)
    export_csv(_frame(), link)
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert "LastName" in target.read_text() and _mode(target) == 0o640
    assert _leftovers(tmp_path) == [] and _leftovers(tmp_path / "reports") == []


def test_a_special_file_is_refused_in_words(tmp_path: Path) -> None:
    fifo = tmp_path / "errors.csv"
    os.mkfifo(fifo)
    with pytest.raises(ExportError, match="not a regular file"):
        export_csv(_frame(), fifo)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert _leftovers(tmp_path) == []
