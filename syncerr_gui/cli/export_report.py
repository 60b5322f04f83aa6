"""The export's report for a scheduler: `--json` (one JSON line on stdout) and `--fail-on-new`
(exit 4 when the sync brought a new or regressed cause).

A scheduled export runs unattended; what it must tell is whether something new broke. With
`--data-dir`, the groups of the archive before the sync are compared with those after it
(`core/watch/changes.py`): a group the archive did not hold is new, a Resolved group that
failed again is regressed. The very first sync into an empty archive has nothing to compare
with, so every group it archives is new: run it once by hand before scheduling
`--fail-on-new`. `--offline` syncs nothing, so nothing is new (exit 0), and `--json` still
gives its rows and groups. Without an archive there is no "before": `--fail-on-new` needs
`--data-dir` (or `--offline`), and `--json` then gives `null` for the new and regressed counts.

With `--json` the human summary line goes to stderr, so stdout holds the JSON line alone.
The JSON names causes by code, object and fields only (`core/watch/notification.py`), never a
message or a record value. Exit codes: 0 ok, 4 new or regressed causes (with --fail-on-new),
1 / 2 / 3 / 130 as before (failures.py); 5 is kept for `retry` (some rows failed).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from dataclasses import dataclass, field
from typing import Any

from syncerr_gui.cli.failures import EXIT_OK, UsageError
from syncerr_gui.cli.terminal import one_line, write_line
from syncerr_gui.core.watch.changes import GroupCensus, WatchReport, compare
from syncerr_gui.core.watch.notification import cause, errors_text

logger = logging.getLogger(__name__)

EXIT_NEW_CAUSES = 4


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json",
        action="store_true",
        help="print one JSON line on stdout (rows written, groups, new and regressed groups, "
        "problems, the output file); the summary goes to stderr",
    )
    parser.add_argument(
        "--fail-on-new",
        action="store_true",
        help=f"exit {EXIT_NEW_CAUSES} when the sync archived errors of a cause new or regressed since "
        "the archive's last sync (needs --data-dir; the first sync of an empty archive: every cause is new)",
    )


def check(args: argparse.Namespace) -> None:
    """Cross-checks in words; attaches the run's `ExportReport` as `args.report`."""
    if args.fail_on_new and not (args.data_dir or args.offline):
        raise UsageError(
            "--fail-on-new compares with the archive before the sync: it needs --data-dir (or --offline)"
        )
    args.report = ExportReport(wanted=bool(args.json or args.fail_on_new), out=args.out)


@dataclass
class ExportReport:
    """What one export did, filled in as it runs (nothing is computed when not `wanted`)."""

    wanted: bool = False
    out: str = ""
    rows: int = 0
    groups: int = 0
    problems: int = 0
    offline: bool = False
    first_sync: bool = False
    watch: WatchReport | None = None
    _before: GroupCensus | None = field(default=None, repr=False)

    def before_sync(self, archive: Any) -> None:
        """The archive's groups before the sync (read only when a report is wanted)."""
        if self.wanted:
            self._before = GroupCensus.of_archive(archive)
            self.first_sync = not self._before.groups

    def after_sync(self, archive: Any) -> None:
        """Compare the archive's groups now with those before the sync."""
        if self.wanted and self._before is not None:
            self.watch = compare(self._before, GroupCensus.of_archive(archive))

    def written(self, frame: Any, archive: Any = None, groups_file: bool = False) -> None:
        """The rows exported (`frame`) and their groups."""
        if not self.wanted:
            return
        from syncerr_gui.core.frame.groups import ErrorGroups

        patterns = archive.message_patterns(keep=False) if archive is not None else None
        self.groups = ErrorGroups(frame, patterns).count if len(frame) else 0
        self.rows = self.groups if groups_file else len(frame)

    def as_json(self) -> dict[str, Any]:
        watch = self.watch
        known = watch is not None or self.offline
        new = list(watch.new_groups) if watch is not None else []
        regressed = list(watch.regressed_groups) if watch is not None else []
        return {
            "rows_written": self.rows,
            "groups": self.groups,
            "new_groups": len(new) if known else None,
            "regressed_groups": len(regressed) if known else None,
            "new_errors": watch.new_errors if watch is not None else (0 if self.offline else None),
            "causes": [
                {"change": c.kind, "cause": cause(c.group), "errors": c.errors, "group_key": c.group.key}
                for c in [*new, *regressed]
            ],
            "problems": self.problems,
            "output": self.out,
            "first_sync": self.first_sync,
            "offline": self.offline,
        }

    @property
    def has_new(self) -> bool:
        return self.watch is not None and bool(self.watch.new_groups or self.watch.regressed_groups)


def finish(args: argparse.Namespace, summary: str) -> int:
    """Print the summary (stderr with --json, then the JSON line on stdout); the exit code."""
    report: ExportReport = args.report
    if args.json:
        write_line(summary)
        sys.stdout.write(json.dumps(report.as_json(), ensure_ascii=True) + "\n")
    else:
        print(one_line(summary))
    _tell_changes(report)
    if args.fail_on_new and report.has_new:
        return EXIT_NEW_CAUSES
    return EXIT_OK


def _tell_changes(report: ExportReport) -> None:
    """One stderr line per new or regressed cause (the first sync: one line for all)."""
    watch = report.watch
    if watch is None:
        return
    if report.first_sync:
        write_line(f"first sync into an empty archive: all {len(watch.new_groups):,} causes are new")
        return
    for change in [*watch.new_groups, *watch.regressed_groups]:
        write_line(f"{change.kind.lower()}: {cause(change.group)} ({errors_text(change.errors)})")
