"""`main.py export --reload-dir DIR`: the failed rows as reload files instead of one error CSV.

One file per object, operation and external-ID field (`core/reload/reload_files.py`), the
job's own columns and values as uploaded, ready to fix and load again (`main.py retry`).
Works online, through an archive (`--data-dir`) and offline, over the same window
(`--since`, `--all`). Each file is printed on its own line, then the one summary line.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from syncerr_gui.cli.failures import CliFailure, UsageError
from syncerr_gui.cli.terminal import one_line
from syncerr_gui.core.exceptions import failure_text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--reload-dir",
        metavar="DIR",
        help="write the failed rows as reload files (one CSV per object, operation and external ID) "
        "into DIR instead of --out; values exactly as uploaded, not guarded against spreadsheet formulas",
    )


def check(args: argparse.Namespace) -> None:
    """--out or --reload-dir, one of them; --reload-dir writes rows, so not --groups."""
    if args.reload_dir is None:
        if not args.out:
            raise UsageError("give --out FILE (or --reload-dir DIR for reload files)")
        return
    if args.out:
        raise UsageError("choose --out or --reload-dir, not both")
    if args.groups or args.input_rows:
        raise UsageError("--reload-dir writes the failed rows themselves: drop --groups and --input-rows")
    if os.path.exists(args.reload_dir) and not os.path.isdir(args.reload_dir):
        raise UsageError(f"--reload-dir: {args.reload_dir} is a file; give a folder")


def write_reload_dir(frame: Any, details: Any, folder: str, json_line: bool = False) -> str:
    """Write the reload files of every row of `frame`; prints one line per file (on stderr
    when stdout is kept for the `--json` line) and returns the summary line (rows written,
    files, rows left out and why)."""
    from syncerr_gui.core.exceptions import ExportError
    from syncerr_gui.core.reload.reload_files import write_reload_files

    try:
        summary = write_reload_files(frame, details, None, folder)
    except ExportError as exc:
        raise CliFailure(failure_text(exc, "write the reload files")) from None
    out = sys.stderr if json_line else sys.stdout
    for file in summary.files:
        out.write(one_line(f"{file.path}: {file.rows} rows") + "\n")
    left = "; ".join(f"{count} {reason}" for reason, count in summary.left_out.items())
    return f"Wrote {summary.rows_written} failed rows to {len(summary.files)} reload files in {folder}" + (
        f"; left out {summary.rows_left_out} rows: {left}" if left else ""
    )
