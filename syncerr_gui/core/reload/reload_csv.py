"""The reload file: a job's original input columns, then `Error` and `Job ID`, one row per failure.

Named `Object.operation[.ExternalIdField].csv` so the file says what it reloads. Values are
exactly what was uploaded (no formula neutralising: the file goes back to Salesforce, not to
a spreadsheet user), in UTF-8 with a byte-order mark so Excel reads the accents right. The
file appears whole or not at all.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import secrets
from collections.abc import Sequence
from pathlib import Path

from syncerr_gui.core.exceptions import ExportError
from syncerr_gui.core.file_modes import user_file_mode
from syncerr_gui.core.reload.batch import OPERATIONS, ReloadBatch, ReloadTarget

ERROR_COLUMN = "Error"
JOB_ID_COLUMN = "Job ID"
TRAILING_COLUMNS = (ERROR_COLUMN, JOB_ID_COLUMN)
BOM = "\ufeff"
MAX_FIELD_CHARS = 10_000_000  # one cell; Salesforce's own limit per field is far below


class ReloadFileError(ExportError):
    """A reload file that cannot be read as one: the message says what is wrong, in words."""


def target_from_name(path: str | os.PathLike[str]) -> ReloadTarget | None:
    """The target a file name like `Contact.upsert.Email__c.csv` names (None when it names none).

    A job-ID suffix (`Contact.insert.750….csv`) is not an external-ID field.
    """
    stem = Path(path).name.removesuffix(".csv")
    parts = stem.split(".")
    if len(parts) < 2 or parts[1] not in OPERATIONS or not parts[0]:
        return None
    extra = [part for part in parts[2:] if not _looks_like_job_id(part)]
    external_id = extra[0] if parts[1] == "upsert" and extra else ""
    return ReloadTarget(parts[0], parts[1], external_id)


def write_reload_csv(path: str | os.PathLike[str], batch: ReloadBatch, job_ids: Sequence[str] = ()) -> Path:
    """Write `batch` (its columns, then Error and Job ID) to `path`, atomically; returns the path."""
    target = Path(path)
    ids = tuple(job_ids) or ("",) * len(batch)
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(batch.columns + TRAILING_COLUMNS)
    for row, error, job_id in zip(batch.rows, batch.errors, ids, strict=True):
        writer.writerow(row + (error, job_id))
    _write_whole(target, (BOM + text.getvalue()).encode("utf-8"))
    return target


def read_reload_csv(path: str | os.PathLike[str], target: ReloadTarget) -> tuple[ReloadBatch, list[str]]:
    """The rows of a reload file as a batch for `target`, and each row's `Job ID` ("" if none).

    The `Error` column becomes the batch's errors; `Error` and `Job ID` are never uploaded.
    """
    source = Path(path)
    try:
        raw = source.read_bytes()
    except OSError as exc:
        raise ReloadFileError(f"Cannot read {source}: {exc.strerror or exc}.") from exc
    try:
        text = raw.decode("utf-8").removeprefix(BOM)
    except UnicodeDecodeError as exc:
        raise ReloadFileError(f"{source.name} is not UTF-8 text (byte {exc.start}).") from exc
    records = _parse(text, source.name)
    header, body = records[0], records[1:]
    return _batch_of(header, body, target, source.name)


def _parse(text: str, name: str) -> list[list[str]]:
    csv.field_size_limit(MAX_FIELD_CHARS)
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise ReloadFileError(f"{name} is not a readable CSV file: {exc}.") from exc
    if not records or not any(records[0]):
        raise ReloadFileError(f"{name} has no header row.")
    return records


def _batch_of(
    header: list[str], body: list[list[str]], target: ReloadTarget, name: str
) -> tuple[ReloadBatch, list[str]]:
    error_at = header.index(ERROR_COLUMN) if ERROR_COLUMN in header else -1
    job_at = header.index(JOB_ID_COLUMN) if JOB_ID_COLUMN in header else -1
    keep = [i for i, column in enumerate(header) if i not in (error_at, job_at)]
    if not keep:
        raise ReloadFileError(f"{name} has no column to load besides Error and Job ID.")
    rows, errors, job_ids = [], [], []
    for line, record in enumerate(body, start=2):
        if not any(value.strip() for value in record):
            continue  # a blank line (a spreadsheet's trailing row) is not a record
        if len(record) != len(header):
            raise ReloadFileError(
                f"Line {line} of {name} has {len(record)} values where the header has {len(header)}."
            )
        rows.append(tuple(record[i] for i in keep))
        errors.append(record[error_at] if error_at >= 0 else "")
        job_ids.append(record[job_at] if job_at >= 0 else "")
    columns = tuple(header[i] for i in keep)
    return ReloadBatch(target, columns, tuple(rows), tuple(errors)), job_ids


def _write_whole(target: Path, data: bytes) -> None:
    tmp_path = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(tmp_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, user_file_mode())
        with open(fd, "wb", closefd=True) as out:
            out.write(data)
        os.replace(tmp_path, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.remove(tmp_path)
        raise ExportError(f"Cannot write {target}: {exc.strerror or exc}.") from exc


def _looks_like_job_id(part: str) -> bool:
    return len(part) in (15, 18) and part.startswith("750") and part.isalnum()
