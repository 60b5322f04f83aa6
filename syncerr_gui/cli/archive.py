"""The export command's archive side: `--data-dir` syncs through the local archive, `--offline` reads only it.

Salesforce keeps Bulk jobs for 7 days; a scheduled export that goes through the archive
keeps every error it ever read and downloads only jobs it does not hold yet. `--offline`
exports from the archive alone: no login, no network, so it also works when the org is
unreachable or the token has expired. No Qt here.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pandas as pd

from syncerr_gui.cli.failures import EXIT_USAGE, CliFailure
from syncerr_gui.cli.terminal import write_line
from syncerr_gui.core.archive.data_dirs import (
    ARCHIVE_PREFIX,
    archive_file_name,
    archive_path,
    archived_org_ids,
    default_data_dir,
    org_id_18,
)
from syncerr_gui.core.archive.store import ErrorArchive
from syncerr_gui.core.exceptions import ArchiveError, failure_text
from syncerr_gui.core.file_modes import secure_folder
from syncerr_gui.core.time_window import default_since

logger = logging.getLogger(__name__)


def data_dir_of(value: str | None) -> Path:
    """`--data-dir` as given, else the user's data folder (what the desktop app uses); a folder
    another user owns, or one that stays open to others, is named in a warning line."""
    folder = Path(value) if value else default_data_dir()
    if problem := secure_folder(folder, ARCHIVE_PREFIX + "*"):
        write_line(f"warning: {problem}")
    return folder


def offline_org_id(data_dir: Path, wanted: str | None) -> str:
    """The org whose archive `--offline` reads: `--org-id`, or the only one in `data_dir`."""
    found = archived_org_ids(data_dir)
    holds = f" (it holds the archives of {', '.join(found)})" if found else ""
    if wanted is not None:
        org_id = org_id_18(wanted)  # validated by the argument parser already
        if org_id not in found:
            raise CliFailure(
                f"there is no error archive of org {org_id} in {data_dir}{holds}; "
                "an export with --data-dir makes one"
            )
        return org_id
    if not found:
        raise CliFailure(
            f"there is no error archive in {data_dir}; run an export with --data-dir "
            f"{data_dir} first (or give the --data-dir that holds it)"
        )
    if len(found) > 1:
        raise CliFailure(
            f"{data_dir} holds the archives of several orgs ({', '.join(found)}); choose one with --org-id",
            EXIT_USAGE,
        )
    return found[0]


@contextmanager
def open_archive(org_id: str, data_dir: Path, reading_only: bool = False) -> Iterator[ErrorArchive]:
    """The org's archive, closed afterwards; any archive failure becomes one `CliFailure` line.

    `reading_only` skips `for_org`'s bookkeeping write, so an offline export reads (SQLite WAL)
    even while the desktop app is storing a sync instead of waiting for its lock.
    """
    name = archive_file_name(org_id)
    path = archive_path(org_id, data_dir)
    try:
        if reading_only:  # an archive the user may not write is opened read-only (never written)
            writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
            archive = ErrorArchive(path, read_only=not writable)
        else:
            archive = ErrorArchive.for_org(org_id, data_dir)
    except OSError as exc:
        raise CliFailure(f"the data folder {data_dir} cannot be used: {exc.strerror or exc}") from None
    except (ArchiveError, sqlite3.Error) as exc:
        raise _failure(exc, name) from None
    if archive.recovery_note:  # it was damaged: kept aside, what it held recovered
        write_line(f"warning: {archive.recovery_note}")
    try:
        yield archive
    except (ArchiveError, sqlite3.Error) as exc:
        raise _failure(exc, name) from None
    finally:
        archive.close()


def _failure(exc: ArchiveError | sqlite3.Error, name: str) -> CliFailure:
    """ArchiveError is already in words; a raw SQLite error (locked by another copy of the app
    for longer than SQLite waits, disk full, folder not writable) is put in words here."""
    if isinstance(exc, ArchiveError):
        return CliFailure(failure_text(exc, "open the archive"))
    logger.debug("archive failure", exc_info=exc)
    if "locked" in str(exc):
        return CliFailure(
            f"The error archive {name} is in use by another copy of the app ({exc}); "
            "try again when it has finished."
        )
    return CliFailure(f"The error archive {name} cannot be used: {exc}.")


def offline_frame(archive: ErrorArchive, since: datetime | None, everything: bool) -> pd.DataFrame:
    """The archived rows to export offline: all, from `since`, or the default window.

    The default window is the one the next sync would use (the seed rule anchored on the
    last successful sync), so an offline export matches the online one of the same moment.
    """
    if everything:
        return archive.load()
    return archive.load(since=since or default_since(archive.last_success_start()))


def offline_note(archive: ErrorArchive, data_dir: Path) -> str:
    """The summary's tail for `--offline`: where the rows came from and how fresh they are."""
    last = archive.last_success_start()
    when = f"last synced {last:%Y-%m-%d %H:%M} UTC" if last is not None else "never fully synced"
    return f"offline, from the archive in {data_dir} ({when})"
