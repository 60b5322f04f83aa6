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
from typing import BinaryIO

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
    GroupChunk,
    ReloadGroup,
    RowTexts,
    parsed_chunks,
    plan_reload,
    read_row_keys,
)
from syncerr_gui.core.words import say

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
        lines: list[str] = [
            say(
                "{file}: {rows:,} rows, {columns} columns",
                file=f.path.name,
                rows=f.rows,
                columns=len(f.columns),
            )
            for f in self.files
        ]
        lines.append(
            say("{rows:,} rows in {files} reload files.", rows=self.rows_written, files=len(self.files))
        )
        for reason, count in sorted(self.left_out.items()):
            lines.append(say("Left out: {rows:,} rows ({reason}).", rows=count, reason=reason))
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
    with _Outputs(folder, plan.groups) as outputs:
        total, done = sum(len(g.positions) for g in plan.groups), 0
        for index, chunk in parsed_chunks(RowTexts.of(frame), details, plan.groups, plan.left_out):
            outputs.write(index, chunk)
            done += len(chunk.positions)
            if progress is not None:
                progress(done, total)
        files = outputs.finish()
    logger.info("wrote %d reload files", len(files))
    return ReloadFilesSummary(tuple(files), _counted(plan.left_out))


def reload_batches(
    frame: pd.DataFrame, details: RowDetails, row_ids: np.ndarray | None = None
) -> tuple[list[ReloadBatch], dict[str, int]]:
    """The rows with `row_ids` as batches (one per reload file) whose `origins` name each
    row's archived error, and the rows left out by reason. For the rows a person edits
    (Python values): a million rows belong in `write_reload_files`."""
    plan = plan_reload(frame, details, row_ids)
    batch_ids = frame["batch_id"].to_numpy(dtype=object)
    rows: list[list[tuple[str, ...]]] = [[] for _ in plan.groups]
    errors: list[list[str]] = [[] for _ in plan.groups]
    origins: list[list[str]] = [[] for _ in plan.groups]
    for index, chunk in parsed_chunks(RowTexts.of(frame), details, plan.groups, plan.left_out):
        keys = read_row_keys(frame, details, chunk.positions).to_pylist()
        rows[index].extend(zip(*(c.to_pylist() for c in chunk.values.columns), strict=True))
        errors[index].extend(chunk.errors.to_pylist())
        jobs = chunk.job_ids.to_pylist()
        origins[index].extend(
            origin_key(job, str(batch_ids[p]), key) for job, p, key in zip(jobs, chunk.positions, keys)
        )
    batches = [
        ReloadBatch(group.target, group.columns, tuple(rows[i]), tuple(errors[i]), tuple(origins[i]))
        for i, group in enumerate(plan.groups)
        if rows[i]
    ]
    return batches, _counted(plan.left_out)


def _counted(left: Counter[str]) -> dict[str, int]:
    return {reason: count for reason, count in sorted(left.items()) if count}


class _Outputs:
    """The groups' files, written side by side as temporary files (one pass over the rows)
    and renamed into place at the end; on any failure every temporary file is removed."""

    def __init__(self, folder: Path, groups: list[ReloadGroup]) -> None:
        self._folder, self._groups = folder, groups
        self._open: dict[int, tuple[Path, BinaryIO]] = {}
        self._rows = [0] * len(groups)

    def __enter__(self) -> _Outputs:
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        for tmp, out in self._open.values():
            out.close()
            with contextlib.suppress(OSError):
                os.remove(tmp)
        if isinstance(error, OSError):
            raise ExportError(f"Cannot write the reload files in {self._folder}: {error.strerror or error}.")

    def write(self, index: int, chunk: GroupChunk) -> None:
        out = self._file(index)
        table = chunk.values
        columns = [*table.columns, pc.cast(chunk.errors, pa.large_string()), chunk.job_ids]
        names = [*(f"c{i}" for i in range(table.num_columns)), "error", "job"]
        pa_csv.write_csv(pa.table(columns, names=names), out, _OPTIONS)
        self._rows[index] += table.num_rows

    def finish(self) -> list[ReloadFile]:
        """Close and rename every file that got rows; returns them in name order."""
        files = []
        for index, (tmp, out) in sorted(self._open.items()):
            out.close()
            group = self._groups[index]
            path = self._folder / group.file_name()
            os.replace(tmp, path)
            files.append(ReloadFile(path, group.target, group.columns, self._rows[index], group.first_job))
        self._open.clear()
        return sorted(files, key=lambda f: f.path.name)

    def _file(self, index: int) -> BinaryIO:
        if index not in self._open:
            group = self._groups[index]
            tmp = self._folder / f".{group.file_name()}.{secrets.token_hex(4)}.tmp"
            out = open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, user_file_mode()), "wb")  # noqa: SIM115
            self._open[index] = (tmp, out)
            out.write((BOM + _header_line(group.columns + TRAILING_COLUMNS)).encode("utf-8"))
        return self._open[index][1]


def _header_line(names: tuple[str, ...]) -> str:
    """The header as the csv module writes it (quoted only where needed), CRLF-ended."""
    return ",".join(_quoted(name) for name in names) + "\r\n"


def _quoted(name: str) -> str:
    if any(ch in name for ch in ',"\r\n') or name != name.strip():
        return '"' + name.replace('"', '""') + '"'
    return name
