"""Reload files and batches from failed rows: the first half of "fix and reload".

`write_reload_files` writes one CSV per object, operation and external-ID field (a job
whose input columns differ gets a file of its own, suffixed with its job ID), in the
format of `reload_csv.py`: the original columns as uploaded, then `Error` and `Job ID`,
UTF-8 with a BOM, values exactly as uploaded (no formula neutralising: the file goes back
to Salesforce). It streams a chunk at a time through Arrow's CSV writer, so a million rows
never become Python values. `reload_batches` gives the same rows as `ReloadBatch`es with
their archive origins, for the Fix and reload dialog.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from syncerr_gui.core.exceptions import ExportError
from syncerr_gui.core.file_modes import user_file_mode
from syncerr_gui.core.frame.row_details import RowDetails
from syncerr_gui.core.reload.batch import ReloadBatch, ReloadTarget, origin_key
from syncerr_gui.core.reload.reload_csv import BOM, TRAILING_COLUMNS
from syncerr_gui.core.reload.reload_rows import (
    ReloadGroup,
    RowTexts,
    group_chunks,
    plan_reload,
    read_row_keys,
)

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
_OPTIONS = pa_csv.WriteOptions(include_header=False, quoting_style="needed", eol="\r\n")


@dataclass(frozen=True)
class ReloadFile:
    """One file written: where, what it reloads, how many rows, from which jobs."""

    path: Path
    target: ReloadTarget
    columns: tuple[str, ...]
    rows: int
    first_job: str


@dataclass(frozen=True)
class ReloadFilesSummary:
    """What `write_reload_files` did: the files, and the rows left out by reason."""

    files: tuple[ReloadFile, ...]
    left_out: dict[str, int]

    @property
    def rows_written(self) -> int:
        return sum(f.rows for f in self.files)

    @property
    def rows_left_out(self) -> int:
        return sum(self.left_out.values())

    def lines(self) -> list[str]:
        """The summary in words, one line each (the CLI prints them, the dialog shows them)."""
        lines = [f"{f.path.name}: {f.rows:,} rows, {len(f.columns)} columns" for f in self.files]
        lines.append(f"{self.rows_written:,} rows in {len(self.files)} reload files.")
        for reason, count in sorted(self.left_out.items()):
            lines.append(f"Left out: {count:,} rows ({reason}).")
        return lines


def write_reload_files(
    frame: pd.DataFrame,
    details: RowDetails,
    row_ids: np.ndarray | None,
    out_dir: str | os.PathLike[str],
    progress: Progress | None = None,
) -> ReloadFilesSummary:
    """Write the reload files of the rows with `row_ids` (frame `row_id`s; None: every row)
    into `out_dir` (created when missing); files of the same names are replaced.

    Each file appears whole or not at all; ExportError says in words what failed.
    """
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"Cannot create the folder {folder}: {exc.strerror or exc}.") from exc
    plan = plan_reload(frame, details, row_ids)
    texts = RowTexts.of(frame)
    total, done, files = sum(len(g.positions) for g in plan.groups), 0, []
    for group in plan.groups:
        rows = _write_group(folder / group.file_name(), texts, details, group, plan.left_out)
        done += len(group.positions)
        if progress is not None:
            progress(done, total)
        if rows:
            files.append(ReloadFile(folder / group.file_name(), group.target, group.columns, rows, group.first_job))
    logger.info("wrote %d reload files", len(files))
    return ReloadFilesSummary(tuple(files), _counted(plan.left_out))


def reload_batches(
    frame: pd.DataFrame, details: RowDetails, row_ids: np.ndarray | None = None
) -> tuple[list[ReloadBatch], dict[str, int]]:
    """The rows with `row_ids` as batches (one per reload file) whose `origins` name each
    row's archived error, and the rows left out by reason. For the rows a person edits
    (Python values): a million rows belong in `write_reload_files`."""
    plan = plan_reload(frame, details, row_ids)
    texts = RowTexts.of(frame)
    batch_ids = frame["batch_id"].to_numpy(dtype=object)
    batches = []
    for group in plan.groups:
        rows: list[tuple[str, ...]] = []
        errors: list[str] = []
        origins: list[str] = []
        for chunk in group_chunks(texts, details, group, plan.left_out):
            keys = read_row_keys(frame, details, chunk.positions).to_pylist()
            rows.extend(zip(*(c.to_pylist() for c in chunk.values.columns), strict=True))
            errors.extend(chunk.errors.to_pylist())
            jobs = chunk.job_ids.to_pylist()
            origins.extend(
                origin_key(job, str(batch_ids[p]), key) for job, p, key in zip(jobs, chunk.positions, keys)
            )
        if rows:
            batches.append(ReloadBatch(group.target, group.columns, tuple(rows), tuple(errors), tuple(origins)))
    return batches, _counted(plan.left_out)


def _counted(left: Counter[str]) -> dict[str, int]:
    return {reason: count for reason, count in sorted(left.items()) if count}


def _write_group(
    path: Path, texts: RowTexts, details: RowDetails, group: ReloadGroup, left: Counter[str]
) -> int:
    """Write one group's file atomically; returns its rows (0: nothing written)."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    rows = 0
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, user_file_mode())
        with open(fd, "wb", closefd=True) as out:
            out.write((BOM + _header_line(group.columns + TRAILING_COLUMNS)).encode("utf-8"))
            for chunk in group_chunks(texts, details, group, left):
                table = chunk.values
                columns = [*table.columns, pc.cast(chunk.errors, pa.large_string()), chunk.job_ids]
                names = [*(f"c{i}" for i in range(table.num_columns)), "error", "job"]
                pa_csv.write_csv(pa.table(columns, names=names), out, _OPTIONS)
                rows += table.num_rows
        if rows:
            os.replace(tmp, path)
        else:
            os.remove(tmp)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.remove(tmp)
        raise ExportError(f"Cannot write {path}: {exc.strerror or exc}.") from exc
    return rows


def _header_line(names: tuple[str, ...]) -> str:
    """The header as the csv module writes it (quoted only where needed), CRLF-ended."""
    return ",".join(_quoted(name) for name in names) + "\r\n"


def _quoted(name: str) -> str:
    if any(ch in name for ch in ',"\r\n') or name != name.strip():
        return '"' + name.replace('"', '""') + '"'
    return name
