"""CSV export: what a user opening the file in a spreadsheet or a script would notice."""

from __future__ import annotations

import csv
import errno
import threading
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

from syncerr_gui.core.exceptions import ExportCancelled, ExportError
from syncerr_gui.core.frame import export
from syncerr_gui.core.frame.export import export_csv
from syncerr_gui.core.frame.schema import EXPORT_COLUMNS, JOB_LEVEL, RECORD_LEVEL, make_frame
from syncerr_gui.demo_org.synthetic import synthetic_errors

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


def _frame(messages: list[str], **extra: object) -> pd.DataFrame:
    n = len(messages)
    columns: dict[str, object] = {
        "failed_on": [RECORD_LEVEL] * n,
        "failed_at": ["2026-11-20T14:03:12Z"] * n,
        "error_type": ["REQUIRED_FIELD_MISSING"] * n,
        "message": messages,
        "object": "Lead",
        "operation": "insert",
        "salesforce_id": "00Q000000000001AAA",
        "source_id": "1042",
        "job_id": "750000000000001AAA",
        "source": "Bulk API 2.0",
    }
    columns.update(extra)
    return make_frame(columns, length=n)


def _read(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def test_header_and_plain_utf8_without_bom(tmp_path: Path) -> None:
    out = tmp_path / "errors.csv"
    assert export_csv(_frame(["Müller"]), out) == 1
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    rows = _read(out)
    assert rows[0] == HEADER
    assert rows[1] == [
        RECORD_LEVEL,
        "2026-11-20T14:03:12+00:00",
        "REQUIRED_FIELD_MISSING",
        "Müller",
        "Lead",
        "insert",
        "00Q000000000001AAA",
        "1042",
        "750000000000001AAA",
        "Bulk API 2.0",
        "",
        "",
    ]
    assert raw.endswith(b"\r\n")


def test_formulas_are_neutralised_in_text_and_categorical_columns(tmp_path: Path) -> None:
    risky = ['=HYPERLINK("http://x")', "+1+2", "-3", "@SUM(A1)", "\tcmd", "\rcmd", "a=b", "plain"]
    frame = _frame(risky, error_type=risky, source_id=risky)
    out = tmp_path / "errors.csv"
    export_csv(frame, out)
    rows = _read(out)[1:]
    expected = ["'" + v for v in risky[:6]] + ["a=b", "plain"]
    assert [r[3] for r in rows] == expected  # Error Details (text)
    assert [r[2] for r in rows] == expected  # Error Type (categorical)
    assert [r[7] for r in rows] == expected  # Source ID


def test_commas_quotes_newlines_and_unicode_round_trip(tmp_path: Path) -> None:
    tricky = ["a,b", 'say "hi"', "line1\nline2", "cr\r\nlf", "Nguyễn 株式会社 😀", "", ',",\n', "x\ry"]
    out = tmp_path / "errors.csv"
    export_csv(_frame(tricky), out)
    assert [r[3] for r in _read(out)[1:]] == tricky


def test_rows_keep_the_order_given(tmp_path: Path) -> None:
    frame = _frame([f"m{i}" for i in range(5)])
    out = tmp_path / "errors.csv"
    export_csv(frame.iloc[[3, 1, 4, 0, 2]], out)
    assert [r[3] for r in _read(out)[1:]] == ["m3", "m1", "m4", "m0", "m2"]


def test_times_in_the_requested_zone_with_offset(tmp_path: Path) -> None:
    frame = _frame(
        ["winter", "summer", "unknown"],
        failed_at=["2026-01-15T12:00:00Z", "2026-07-15T12:00:00Z", None],
        failed_on=[JOB_LEVEL] * 3,
    )
    out = tmp_path / "errors.csv"
    export_csv(frame, out, tz=ZoneInfo("Europe/Paris"))
    times = [r[1] for r in _read(out)[1:]]
    assert times == ["2026-01-15T13:00:00+01:00", "2026-07-15T14:00:00+02:00", ""]


def test_chosen_columns_only(tmp_path: Path) -> None:
    out = tmp_path / "errors.csv"
    export_csv(_frame(["x"]), out, columns={"Error Details": "message", "Job ID": "job_id"})
    assert _read(out) == [["Error Details", "Job ID"], ["x", "750000000000001AAA"]]


def test_missing_folder_gives_words_and_no_file(tmp_path: Path) -> None:
    out = tmp_path / "no such folder" / "errors.csv"
    with pytest.raises(ExportError, match="does not exist"):
        export_csv(_frame(["x"]), out)
    assert not out.parent.exists()


def test_target_is_a_folder_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "errors.csv"
    target.mkdir()
    with pytest.raises(ExportError, match="is a folder"):
        export_csv(_frame(["x"]), target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["errors.csv"]
    assert target.is_dir()


def test_cancel_leaves_no_file_and_keeps_the_old_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export, "CHUNK_ROWS", 100)
    target = tmp_path / "errors.csv"
    target.write_text("previous export", encoding="utf-8")
    stop = threading.Event()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        stop.set()

    with pytest.raises(ExportCancelled, match="cancelled"):
        export_csv(synthetic_errors(1000), target, progress=progress, cancel=stop)
    assert seen == [(100, 1000)]
    assert target.read_text(encoding="utf-8") == "previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["errors.csv"]


def test_progress_reaches_the_total_over_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export, "CHUNK_ROWS", 300)
    seen: list[tuple[int, int]] = []
    out = tmp_path / "errors.csv"
    frame = synthetic_errors(1000)
    assert export_csv(frame, out, progress=lambda d, t: seen.append((d, t))) == 1000
    assert seen == [(300, 1000), (600, 1000), (900, 1000), (1000, 1000)]
    rows = _read(out)
    assert len(rows) == 1001
    assert [r[8] for r in rows[1:]] == frame["job_id"].tolist()


def test_empty_frame_writes_the_header_only(tmp_path: Path) -> None:
    out = tmp_path / "errors.csv"
    assert export_csv(_frame([]), out) == 0
    assert _read(out) == [HEADER]
    assert list(EXPORT_COLUMNS) == HEADER


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "The disk is full"),
        (errno.EACCES, "Permission denied"),
        (errno.EROFS, "read-only"),
        (errno.ENOENT, "does not exist"),
    ],
)
def test_os_errors_are_described_in_words(code: int, words: str) -> None:
    message = export.describe_os_error(OSError(code, "boom"), Path("out") / "errors.csv")
    assert words in message
    assert "errors.csv" in message


def test_the_sync_cancel_token_stops_an_export(tmp_path: Path) -> None:
    from syncerr_gui.core.cancel import CancelToken

    token = CancelToken()
    token.cancel()
    target = tmp_path / "errors.csv"
    with pytest.raises(ExportCancelled):
        export_csv(synthetic_errors(10), target, cancel=token)
    assert list(tmp_path.iterdir()) == []


def test_a_write_failure_midway_leaves_no_half_file(tmp_path: Path) -> None:
    """A file-size limit makes the disk refuse writes part-way, as a full disk would."""
    import subprocess
    import sys

    script = (
        "import resource, signal, sys\n"
        "from syncerr_gui.core.frame.export import ExportError, export_csv\n"
        "from syncerr_gui.demo_org.synthetic import synthetic_errors\n"
        "frame = synthetic_errors(20000)\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (200000, resource.RLIM_INFINITY))\n"
        "try:\n"
        "    export_csv(frame, sys.argv[1])\n"
        "except ExportError as exc:\n"
        "    print(exc)\n"
    )
    target = tmp_path / "errors.csv"
    result = subprocess.run(  # noqa: PLW1510 - callers read the exit code
        [sys.executable, "-c", script, str(target)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert result.stdout.strip() == (
        f"The file is too large for this disk or its size limit: could not write {target}."
    ), result.stderr
    assert list(tmp_path.iterdir()) == []


def test_for_excel_the_file_starts_with_a_bom_and_uses_the_locales_separator(tmp_path: Path) -> None:
    out = tmp_path / "excel.csv"
    delimiter = export.excel_delimiter(",")  # French, German…: 1,5 is a number, so ";" separates
    assert export_csv(_frame(["Müller; 1,5 kg"]), out, bom=True, delimiter=delimiter) == 1
    raw = out.read_bytes()
    assert raw.startswith(export.UTF8_BOM)
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert rows[0] == HEADER and rows[1][3] == "Müller; 1,5 kg"
    assert export.excel_delimiter(".") == ","


def test_a_target_held_open_by_another_program_is_said_so(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "errors.csv"
    target.write_text("old", encoding="utf-8")

    def refused(src: object, dst: object) -> None:  # what Windows does while Excel has the file open
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(export.os, "replace", refused)
    with pytest.raises(ExportError) as info:
        export_csv(_frame(["x"]), target)
    text = str(info.value)
    assert "errors.csv is open in another program" in text and "Close it there" in text
    assert "Permission denied" not in text
    assert target.read_text(encoding="utf-8") == "old" and list(tmp_path.iterdir()) == [target]
