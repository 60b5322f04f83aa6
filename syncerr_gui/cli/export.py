"""`main.py export …`: log in, check admin, sync, write the CSV — headless, for scheduled runs.

No Qt here (nor anywhere it imports). Every failure ends in ONE line on stderr starting with
`error:` and a non-zero exit code, never a traceback and never a half-written file:
2 = bad arguments, 1 = login, network, sync or export failure, 3 = the user is not an admin,
130 = interrupted; 4 = new or regressed causes with `--fail-on-new` (`export_report.py`,
which also writes `--json`); 6 = the file was written but the org's daily API limit left jobs
unread (a `warning:` line says how many; the next export reads them). Secrets can come from
the environment (SF_ACCESS_TOKEN, SF_PASSWORD, SF_SECURITY_TOKEN), standard input (`-`) or a
file (`@FILE`) so they need not appear in the
process list (`secret_args.py`). Every printed line passes `terminal.printable`: text from the
org never reaches the terminal with its control characters.

With `--data-dir` the sync goes through the local error archive (incremental, history kept
beyond Salesforce's 7 days); `--offline` exports from the archive without any network.
The archive side lives in `archive.py`.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from datetime import UTC, date, datetime, time
from typing import Any

from syncerr_gui import APP_NAME, __version__
from syncerr_gui.cli import diagnose, export_report, login_sources, reload_export
from syncerr_gui.cli.failures import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_NOT_ADMIN,
    EXIT_USAGE,
    CliFailure,
    UsageError,
)
from syncerr_gui.cli.org_login import CliParser, check_login_choice, org_session
from syncerr_gui.cli.out_arg import check_out_arg
from syncerr_gui.cli.secret_args import SECRET_HELP, resolve_secrets
from syncerr_gui.cli.terminal import ProgressLine, configure_logging, fail, write_line
from syncerr_gui.core.exceptions import failure_text

logger = logging.getLogger(__name__)


def main(argv: list[str]) -> int:
    """Run the export; returns the exit code (prints one summary line on success)."""
    try:
        args = parse_args(argv)
    except UsageError as exc:
        return fail(f"{exc} (see `main.py export --help`)", EXIT_USAGE)
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    configure_logging(args.verbose)
    try:
        if not args.reload_dir:
            check_out_arg(args.out)
        if args.offline:
            summary = _run_offline(args)
        else:
            with org_session(args) as session:
                summary = _run(args, session)
    except CliFailure as exc:
        return fail(str(exc), exc.code)
    except KeyboardInterrupt:
        return fail("interrupted: no file was written.", EXIT_INTERRUPTED)
    except Exception as exc:  # noqa: BLE001 - a bug still ends in one line of words (traceback logged)
        return fail(failure_text(exc, "export the errors"), EXIT_FAILED)
    return export_report.finish(args, summary)


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Parse and cross-check the arguments; raises UsageError with one line of words."""
    parser = CliParser(
        prog="main.py export",
        description="Export every sync error of an org to a CSV file.",
        epilog=_epilog(),
    )
    parser.add_argument("--out", metavar="FILE", help="the CSV file to write")
    reload_export.add_arguments(parser)
    parser.add_argument("--demo", action="store_true", help="use the built-in demo org")
    parser.add_argument("--instance-url", metavar="URL", help="e.g. https://acme.my.salesforce.com")
    parser.add_argument("--access-token", metavar="TOKEN", help=SECRET_HELP.format(env="SF_ACCESS_TOKEN"))
    parser.add_argument("--username", metavar="U")
    parser.add_argument("--password", metavar="P", help=SECRET_HELP.format(env="SF_PASSWORD"))
    parser.add_argument("--security-token", metavar="T", help=SECRET_HELP.format(env="SF_SECURITY_TOKEN"))
    parser.add_argument(
        "--domain", metavar="D", help="login (default), test, your My Domain (acme.my) or a login URL"
    )
    parser.add_argument("--ca-bundle", metavar="PEM", help="CA certificates to trust (inspecting proxy)")
    login_sources.add_arguments(parser)
    parser.add_argument(
        "--since",
        metavar="ISO-8601",
        type=parse_since,
        help="read jobs finished since then (naive = UTC); default: the last 5 days rule",
    )
    parser.add_argument(
        "--input-rows",
        action="store_true",
        help='add an "Input Row" column: each record-level error\'s failed input row (JSON)',
    )
    parser.add_argument(
        "--groups",
        action="store_true",
        help="write one row per error group (cause) instead of one per error, most errors first",
    )
    diagnose.add_argument(parser)
    _add_archive_arguments(parser)
    export_report.add_arguments(parser)
    parser.add_argument("--verbose", action="store_true", help="log progress details to stderr")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    args = parser.parse_args(argv)
    diagnose.check(args)
    reload_export.check(args)
    _check_archive_choice(args)
    export_report.check(args)
    if args.offline:
        _check_offline(args)
    else:
        resolve_secrets(args)
        check_login_choice(args)
    if args.ca_bundle and not os.path.isfile(args.ca_bundle):
        raise UsageError(f"--ca-bundle: no such file: {args.ca_bundle}")
    return args


def _epilog() -> str:
    from syncerr_gui.core.archive.data_dirs import default_data_dir

    return (
        "Without --data-dir or --offline nothing is stored: the export reads the org's last days only. "
        "With --data-dir DIR it syncs incrementally into DIR's archive for the logged-in org (only "
        "jobs not archived yet are downloaded; errors Salesforce has deleted stay) and exports the "
        "archived rows of the window. --offline reads the archive only (no login, no network); "
        "without --data-dir it uses the app's data folder, the one the desktop app archives into: "
        f"{default_data_dir()}"
    )


_LOGIN_OPTIONS = (
    ("--demo", "demo"),
    ("--instance-url", "instance_url"),
    ("--access-token", "access_token"),
    ("--username", "username"),
    ("--password", "password"),
    ("--security-token", "security_token"),
    ("--domain", "domain"),
    ("--ca-bundle", "ca_bundle"),
    ("--remembered", "remembered"),
    ("--target-org", "target_org"),
    ("--proxy", "proxy"),
)


def _add_archive_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="sync through the error archive in DIR and export from it (created if needed)",
    )
    parser.add_argument(
        "--offline",
        action="store_true",
        help="export from the archive only, without logging in (default DIR: the app's data folder)",
    )
    parser.add_argument(
        "--org-id",
        metavar="00D...",
        type=_org_id,
        help="with --offline: whose archive (needed when DIR holds several)",
    )
    parser.add_argument(
        "--all",
        action="store_true",
        help="export the whole archive instead of the window (needs --data-dir or --offline)",
    )


def _org_id(text: str) -> str:
    from syncerr_gui.core.archive.data_dirs import org_id_18

    try:
        return org_id_18(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _check_archive_choice(args: argparse.Namespace) -> None:
    if args.all and args.since:
        raise UsageError("choose --all or --since, not both")
    if args.all and not (args.data_dir or args.offline):
        raise UsageError("--all exports the whole archive: it needs --data-dir or --offline")
    if args.org_id and not args.offline:
        raise UsageError("--org-id is for --offline (online, the archive is the logged-in org's)")
    if args.data_dir and os.path.exists(args.data_dir) and not os.path.isdir(args.data_dir):
        raise UsageError(f"--data-dir: {args.data_dir} is a file; give a folder")


def _check_offline(args: argparse.Namespace) -> None:
    """--offline never logs in: a login option given with it is a mistake worth saying."""
    given = [flag for flag, attr in _LOGIN_OPTIONS if getattr(args, attr)]
    if given:
        raise UsageError(f"--offline reads only the local archive and never logs in; drop {', '.join(given)}")


def parse_since(text: str) -> datetime:
    """ISO 8601 date or date-time, with or without offset (naive = UTC) -> aware UTC."""
    value = text.strip()
    try:
        if len(value) == 10:
            return datetime.combine(date.fromisoformat(value), time(), tzinfo=UTC)
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not an ISO 8601 date or date-time: {text!r} (e.g. 2026-11-20 or 2026-11-20T14:00:00+01:00)"
        ) from None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _run(args: argparse.Namespace, session: Any) -> str:
    """Admin check, sync (through the archive with --data-dir), problems on stderr, CSV; the summary."""
    from syncerr_gui.core.auth.permissions import check_admin
    from syncerr_gui.core.exceptions import LoginError

    try:
        check = check_admin(session)
    except LoginError as exc:
        raise CliFailure(f"login failed: {failure_text(exc, 'check your permissions')}") from None
    if not check.is_admin:
        raise CliFailure(check.message(), EXIT_NOT_ADMIN)
    if not args.data_dir:
        frame, details, _new = _sync(session, args.since, report=args.report)
        args.report.written(frame, groups_file=args.groups)
        if args.reload_dir:
            return reload_export.write_reload_dir(frame, details, args.reload_dir, args.json)
        if args.groups:
            return _write_groups(frame, args.out, diagnosis=diagnose.online(args, session, details))
        return _write(frame, args.out, details if args.input_rows else None)
    from syncerr_gui.cli.archive import data_dir_of, open_archive

    with open_archive(session.org_id, data_dir_of(args.data_dir)) as archive:
        args.report.before_sync(archive)
        frame, details, new_rows = _sync(session, args.since, archive, args.report)
        if args.all:
            frame = archive.load()
        args.report.after_sync(archive)
        args.report.written(frame, archive, args.groups)
        if args.reload_dir:
            written = reload_export.write_reload_dir(frame, archive.details, args.reload_dir, args.json)
        elif args.groups:
            written = _write_groups(
                frame, args.out, archive, diagnosis=diagnose.online(args, session, None, archive)
            )
        else:
            written = _write(frame, args.out, details if args.input_rows else None)
    return written + f"; {new_rows} new this sync, archive in {args.data_dir}"


def _run_offline(args: argparse.Namespace) -> str:
    """Export from the archive alone: no login, no network."""
    from syncerr_gui.cli.archive import data_dir_of, offline_frame, offline_note, offline_org_id, open_archive

    data_dir = data_dir_of(args.data_dir)
    with open_archive(offline_org_id(data_dir, args.org_id), data_dir, reading_only=True) as archive:
        frame = offline_frame(archive, args.since, args.all)
        note = offline_note(archive, data_dir)
        args.report.offline = True
        args.report.written(frame, archive, args.groups)
        if args.reload_dir:
            written = reload_export.write_reload_dir(frame, archive.details, args.reload_dir, args.json)
        elif args.groups:
            written = _write_groups(
                frame, args.out, archive, keep=False, diagnosis=diagnose.offline(args, archive)
            )
        else:
            written = _write(frame, args.out, archive.details if args.input_rows else None)
    return written + f"; {note}"


def _write(frame: Any, out: str, details: Any = None) -> str:
    """Write the CSV (with an "Input Row" column read from `details` when given); returns
    the summary's first part (rows by level, the file)."""
    from syncerr_gui.core.exceptions import ExportError
    from syncerr_gui.core.frame.export import EXPORT_COLUMNS_WITH_INPUT, export_csv
    from syncerr_gui.core.frame.schema import EXPORT_COLUMNS, JOB_LEVEL, RECORD_LEVEL

    try:
        if details is None:
            rows = export_csv(frame, out, columns=EXPORT_COLUMNS)
        else:
            rows = export_csv(frame, out, columns=EXPORT_COLUMNS_WITH_INPUT, details=details)
    except ExportError as exc:
        raise CliFailure(failure_text(exc, "write the CSV file")) from None
    levels = frame["failed_on"].astype(str).value_counts()
    long = f"; {rows.note()}" if rows.long_cells else ""
    return (
        f"Wrote {rows} errors ({int(levels.get(JOB_LEVEL, 0))} job level, "
        f"{int(levels.get(RECORD_LEVEL, 0))} record level) to {out}{long}"
    )


def _write_groups(
    frame: Any, out: str, archive: Any = None, keep: bool = True, diagnosis: diagnose.Diagnose | None = None
) -> str:
    """Write the groups of `frame`'s errors; with an archive, first and last seen over all of
    it and each group's triage state (without one there is no state to tell)."""
    import numpy as np

    from syncerr_gui.core.exceptions import ExportError
    from syncerr_gui.core.frame.group_export import export_groups_csv
    from syncerr_gui.core.frame.groups import ErrorGroups

    whole = archive.load() if archive is not None else frame
    rows = None
    if whole is not frame:
        rows = np.flatnonzero(np.isin(whole["row_id"].to_numpy(), frame["row_id"].to_numpy()))
    patterns = archive.message_patterns(keep=keep) if archive is not None else None
    groups = ErrorGroups(whole, patterns)
    table = groups.summary(rows).table
    if diagnosis is not None:
        table = table.assign(diagnosis=diagnosis(table, whole, groups))
    if archive is not None:
        table = table.assign(state=archive.group_states(table))
    try:
        written = export_groups_csv(table, out)
    except ExportError as exc:
        raise CliFailure(failure_text(exc, "write the CSV file")) from None
    return f"Wrote {written} error groups of {len(frame)} errors to {out}"


def _sync(
    session: Any, since: datetime | None, archive: Any = None, report: Any = None
) -> tuple[Any, Any, int]:
    """Run the engine -> (frame, its details, rows new this sync); through `archive` if given,
    incrementally; `report` learns the problems and whether the daily API limit cut it short.

    With an archive the frame is every archived row of the sync's window (history Salesforce
    has deleted included). Each unreadable job is a warning, a whole-sync failure an error.
    """
    from syncerr_gui.core.cancel import CancelToken
    from syncerr_gui.core.exceptions import SyncError
    from syncerr_gui.core.sync.engine import SyncEngine, SyncOptions
    from syncerr_gui.core.sync.notes import empty_window_note

    engine = SyncEngine(session)
    progress = ProgressLine(sys.stderr) if sys.stderr.isatty() else None
    options = SyncOptions(since=since)
    try:
        if archive is None:
            result = engine.run(options, progress, CancelToken())
            answer = (result.frame, result.details, len(result.frame))
        else:
            from syncerr_gui.core.archive.incremental import ArchiveSync

            archived = ArchiveSync(archive, engine).run(options, progress, CancelToken())
            new_rows = archived.stats.rows_new if archived.stats is not None else 0
            result, answer = archived.sync, (archived.frame, archived.details, new_rows)
    except SyncError as exc:
        raise CliFailure(failure_text(exc, "sync")) from None
    finally:
        if progress is not None:
            progress.finish()
    for problem in result.problems:
        where = (
            f"job {problem.job_id} ({problem.source}): " if problem.job_id else f"{problem.source} job list: "
        )
        write_line(_scrub(f"warning: {where if problem.source else ''}{problem.reason}"))
    if note := empty_window_note(result, len(answer[0])):
        write_line(f"warning: {note}")
    if report is not None:
        report.problems = len(result.problems)
        report.unread_jobs = len(result.unread_jobs)
    return answer


def _scrub(text: str) -> str:
    from syncerr_gui.core.redaction import scrub

    return " ".join(scrub(text).split())


def console_main() -> int:
    """The `salesforce-sync-errors-export` console script: `export` without the word."""
    from syncerr_gui.core.file_modes import make_files_private

    make_files_private()  # what the export writes for itself is private; the CSV follows the user's umask
    return main(sys.argv[1:])
