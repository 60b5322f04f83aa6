"""`main.py retry FILE …`: load the rows of a reload file back into Salesforce, after asking.

The file's name gives object, operation and external-ID field (`Contact.upsert.Email__c.csv`)
unless `--object`, `--operation`, `--external-id` say otherwise; its `Error` and `Job ID`
columns are never uploaded. Before anything is sent it says what it will do (the org, in
plain words whether it is PRODUCTION or a sandbox, object, operation, external ID, rows,
columns), checks the user's rights and asks y/N unless `--yes`; `--dry-run` stops there.
The job is recorded in the org's archive before the upload and finished with its outcome;
rows that failed again are written next to the input as a new reload file with their new
errors. Exit codes: 0 every row succeeded, 5 some did not, 2 bad arguments or a refused
file, 3 missing rights, 1 login, network or file failure, 130 interrupted.
"""

from __future__ import annotations

import argparse
import logging
import sys
import threading
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from syncerr_gui.cli import login_sources
from syncerr_gui.cli.failures import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_NOT_ADMIN,
    EXIT_OK,
    EXIT_USAGE,
    CliFailure,
    UsageError,
)
from syncerr_gui.cli.org_login import CliParser, check_login_choice, org_session
from syncerr_gui.cli.secret_args import SECRET_HELP, resolve_secrets
from syncerr_gui.cli.terminal import ProgressLine, configure_logging, fail, one_line, write_line
from syncerr_gui.core.archive.reloaded import ReloadApplied, apply_outcome, origins_for
from syncerr_gui.core.exceptions import UserFacingError, failure_text
from syncerr_gui.core.reload.batch import (
    OPERATIONS,
    PENDING,
    ReloadBatch,
    ReloadOutcome,
    ReloadRecord,
    ReloadTarget,
    RowOutcome,
)

logger = logging.getLogger(__name__)

EXIT_SOME_FAILED = 5
NOT_PROCESSED = "Not processed: the job ended before Salesforce reached this row."


def main(argv: list[str]) -> int:
    """Run `retry`; returns the exit code."""
    try:
        args = parse_args(argv)
    except UsageError as exc:
        return fail(f"{exc} (see `main.py retry --help`)", EXIT_USAGE)
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    configure_logging(args.verbose)
    try:
        batch, job_ids = _read(args)
        with org_session(args) as session:
            return _run(args, session, batch, job_ids)
    except CliFailure as exc:
        return fail(str(exc), exc.code)
    except KeyboardInterrupt:
        return fail("interrupted: nothing more was sent.", EXIT_INTERRUPTED)
    except Exception as exc:  # noqa: BLE001 - a bug still ends in one line of words (traceback logged)
        return fail(failure_text(exc, "reload the rows"), EXIT_FAILED)


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Parse and cross-check the arguments; raises UsageError with one line of words."""
    parser = CliParser(prog="main.py retry", description="Load the rows of a reload file into Salesforce.")
    parser.add_argument("file", metavar="FILE", help="a reload file, e.g. Contact.upsert.Email__c.csv")
    parser.add_argument("--object", metavar="O", help="the object (default: from the file name)")
    parser.add_argument("--operation", choices=OPERATIONS, help="default: from the file name (never delete)")
    parser.add_argument("--external-id", metavar="F", help="the upsert's external-ID field")
    parser.add_argument("--dry-run", action="store_true", help="show what would be loaded, send nothing")
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    parser.add_argument("--data-dir", metavar="DIR", help="the archive folder the reload is recorded in")
    parser.add_argument("--demo", action="store_true", help="use the built-in demo org")
    parser.add_argument("--instance-url", metavar="URL", help="e.g. https://acme.my.salesforce.com")
    parser.add_argument("--access-token", metavar="TOKEN", help=SECRET_HELP.format(env="SF_ACCESS_TOKEN"))
    parser.add_argument("--username", metavar="U")
    parser.add_argument("--password", metavar="P", help=SECRET_HELP.format(env="SF_PASSWORD"))
    parser.add_argument("--security-token", metavar="T", help=SECRET_HELP.format(env="SF_SECURITY_TOKEN"))
    parser.add_argument("--domain", metavar="D", help="login (default), test, your My Domain or a login URL")
    parser.add_argument("--ca-bundle", metavar="PEM", help="CA certificates to trust (inspecting proxy)")
    login_sources.add_arguments(parser)
    parser.add_argument("--verbose", action="store_true", help="log progress details to stderr")
    args = parser.parse_args(argv)
    if not Path(args.file).is_file():
        raise UsageError(f"no such file: {args.file}")
    resolve_secrets(args)
    check_login_choice(args)
    return args


def target_of(args: argparse.Namespace) -> ReloadTarget:
    """The file name's target with the options' overrides; UsageError when it names none."""
    from syncerr_gui.core.reload.reload_csv import target_from_name

    named = target_from_name(args.file) or ReloadTarget("", "")
    target = ReloadTarget(
        args.object or named.object_name,
        args.operation or named.operation,
        args.external_id if args.external_id is not None else named.external_id,
    )
    if not target.object_name or not target.operation:
        raise UsageError(
            f"{Path(args.file).name} does not say which object and operation (Object.operation.csv): "
            "give --object and --operation"
        )
    return target


def _read(args: argparse.Namespace) -> tuple[ReloadBatch, list[str]]:
    """The batch of the file and each row's Job ID; refused batches end here, before any login."""
    from syncerr_gui.core.reload.checks import check_batch
    from syncerr_gui.core.reload.reload_csv import read_reload_csv

    try:
        target = target_of(args)
        batch, job_ids = read_reload_csv(args.file, target)
        check_batch(batch, explicit_operation=args.operation is not None)
    except UsageError as exc:
        raise CliFailure(str(exc), EXIT_USAGE) from None
    except UserFacingError as exc:
        raise CliFailure(failure_text(exc, "read the reload file"), EXIT_USAGE) from None
    return batch, job_ids


def _run(args: argparse.Namespace, session: Any, batch: ReloadBatch, job_ids: list[str]) -> int:
    from syncerr_gui.core.reload.permissions import (
        missing_reload_permissions,
        org_is_production,
        refusal_words,
    )
    from syncerr_gui.core.salesforce.client import OrgClient

    client = OrgClient(session)
    production = org_is_production(client)
    missing = missing_reload_permissions(client, batch.target, session.user_id)
    _show_plan(session, batch, production)
    if missing:
        raise CliFailure(refusal_words(missing, session.username), EXIT_NOT_ADMIN)
    if args.dry_run:
        print("Dry run: nothing was sent and nothing was written.")
        return EXIT_OK
    if not args.yes and not _confirmed(batch, session, production):
        raise CliFailure("not confirmed: nothing was sent.")
    from syncerr_gui.cli.archive import data_dir_of, open_archive

    with open_archive(session.org_id, data_dir_of(args.data_dir)) as archive:
        settle_pending(client, archive.reload_ledger())
        batch = origins_for(archive, batch, job_ids)
        outcome = _reload(client, batch, _record_of(session, batch, production), archive.reload_ledger())
        _say_applied(apply_outcome(archive, batch, outcome))
    return _report(args, batch, outcome)


def _say_applied(applied: ReloadApplied) -> None:
    """What the reload changed in the archive: the originals marked, the causes resolved."""
    if applied.reloaded:
        print(f"{applied.reloaded:,} archived errors are now marked as reloaded.")
    if applied.resolved_groups:
        print(f"{len(applied.resolved_groups):,} causes were wholly reloaded and are now Resolved.")


def settle_pending(client: Any, ledger: Any) -> None:
    """Reloads an earlier run left PENDING (a crash, a lost network): look each job up by its
    id, record and print how it ended (one still running stays pending)."""
    from syncerr_gui.core.reload.ingest import FINISHED, GONE, recover_outcome

    for record in ledger.pending_reloads():
        try:
            outcome = recover_outcome(client, record.job_id, None)
        except UserFacingError as exc:
            write_line(f"warning: could not look up the earlier reload job {record.job_id}: {exc}")
            continue
        if outcome.state in (*FINISHED, GONE):
            ledger.finish_reload(record.job_id, outcome)
        counts = ", ".join(f"{outcome.count(kind)} {kind.value}" for kind in RowOutcome)
        words = f"{outcome.state}: {counts}" if outcome.results else outcome.message or outcome.state
        print(one_line(f"An earlier reload (job {record.job_id}, {record.target.file_stem()}) {words}"))


def _show_plan(session: Any, batch: ReloadBatch, production: bool) -> None:
    host = urlsplit(session.instance_url).hostname or session.instance_url
    kind = "PRODUCTION org" if production else "sandbox"
    target = batch.target
    for line in (
        f"Org:         {host} ({kind}, org {session.org_id}) as {session.username}",
        f"Object:      {target.object_name}",
        f"Operation:   {target.operation}",
        f"External ID: {target.external_id or '(none)'}",
        f"Rows:        {len(batch)}",
        f"Columns:     {', '.join(batch.columns)}",
    ):
        print(one_line(line))


def _confirmed(batch: ReloadBatch, session: Any, production: bool) -> bool:
    where = "the PRODUCTION org" if production else "the sandbox"
    prompt = f"{batch.target.operation} {len(batch)} {batch.target.object_name} rows in {where} {session.username}? [y/N] "
    sys.stdout.write(one_line(prompt) + " ")
    sys.stdout.flush()
    answer = sys.stdin.readline()
    return answer.strip().lower() in ("y", "yes")


def _record_of(session: Any, batch: ReloadBatch, production: bool) -> ReloadRecord:
    return ReloadRecord(
        job_id="",
        started_at=datetime.now(UTC),
        username=session.username,
        org_id=session.org_id,
        org_host=urlsplit(session.instance_url).netloc,
        is_production=production,
        target=batch.target,
        rows=len(batch),
        state=PENDING,
        origins=batch.origins,
    )


def _reload(client: Any, batch: ReloadBatch, record: ReloadRecord, ledger: Any) -> ReloadOutcome:
    """Run the job in a worker so Ctrl-C can cancel it (which aborts the job); record it."""
    from syncerr_gui.core.cancel import CancelToken, SyncCancelled
    from syncerr_gui.core.reload.ingest import run_reload

    cancel = CancelToken()
    progress = ProgressLine(sys.stderr) if sys.stderr.isatty() else None
    done: dict[str, Any] = {}
    finished = threading.Event()  # not Thread.join: a join cut by Ctrl-C can return too early

    def work() -> None:
        try:
            done["outcome"] = run_reload(
                client,
                batch,
                progress=progress,
                cancel=cancel,
                on_created=lambda job_id: ledger.record_reload(replace(record, job_id=job_id)),
                explicit_operation=True,  # checked against the options in `_read`
            )
        except BaseException as exc:  # noqa: BLE001 - handed to the main thread
            done["error"] = exc
        finally:
            finished.set()

    threading.Thread(target=work, name="reload", daemon=True).start()
    try:
        while not finished.wait(0.2):
            pass
    except KeyboardInterrupt:
        write_line("cancelling: aborting the job …")
        cancel.cancel()
        while not finished.wait(0.2):
            pass
    finally:
        if progress is not None:
            progress.finish()
    if isinstance(done.get("error"), SyncCancelled):
        raise CliFailure("interrupted before the job was created: nothing was sent.", EXIT_INTERRUPTED)
    if "error" in done:  # a created job stays PENDING in the ledger: the next look finds it by id
        raise CliFailure(failure_text(done["error"], "reload the rows")) from None
    outcome: ReloadOutcome = done["outcome"]
    ledger.finish_reload(outcome.job_id, outcome)
    if cancel.is_cancelled:
        raise CliFailure(outcome.message or "cancelled.", EXIT_INTERRUPTED)
    return outcome


def _report(args: argparse.Namespace, batch: ReloadBatch, outcome: ReloadOutcome) -> int:
    counts = {kind: outcome.count(kind) for kind in RowOutcome}
    print(
        one_line(
            f"Job {outcome.job_id} {outcome.state}: {counts[RowOutcome.SUCCEEDED]} succeeded, "
            f"{counts[RowOutcome.FAILED]} failed, {counts[RowOutcome.UNPROCESSED]} unprocessed"
        )
    )
    if outcome.message:
        print(one_line(outcome.message))
    if outcome.all_succeeded:
        return EXIT_OK
    written = write_failed_again(Path(args.file), batch, outcome)
    if written is not None:
        print(one_line(f"Rows to fix and load again: {written}"))
    return EXIT_SOME_FAILED


def write_failed_again(source: Path, batch: ReloadBatch, outcome: ReloadOutcome) -> Path | None:
    """The rows that did not succeed, with their new errors, as `Object.operation[.ExtId].<job>.csv`
    beside `source` (None when every row succeeded)."""
    from syncerr_gui.core.reload.reload_csv import write_reload_csv

    left = [r for r in outcome.results if r.outcome is not RowOutcome.SUCCEEDED]
    if not left:
        return None
    again = replace(
        batch.without_rows([i for i in range(len(batch)) if i not in {r.row for r in left}]),
        errors=tuple(r.error or NOT_PROCESSED for r in sorted(left, key=lambda r: r.row)),
    )
    target = source.with_name(f"{batch.target.file_stem()}.{outcome.job_id}.csv")
    try:
        return write_reload_csv(target, again, (outcome.job_id,) * len(again))
    except UserFacingError as exc:
        raise CliFailure(failure_text(exc, "write the rows that failed again")) from None
