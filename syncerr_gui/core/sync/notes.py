"""Sentences about a whole sync that the interfaces show beside its rows.

`empty_window_note`: an export that writes no error while the org listed jobs says why
(all changed before the window, none finished, none with failed records), instead of a
silent "Wrote 0 errors". `api_limit_note`: the org's daily API limit used up mid-sync.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from syncerr_gui.core.salesforce.jobs import in_window
from syncerr_gui.core.words import say_plural

if TYPE_CHECKING:
    from syncerr_gui.core.sync.values import SyncResult


def api_limit_note(unread: int, list_cut: bool = False) -> str:
    """What the admin is told when the org refused a request for its daily API limit."""
    if list_cut:
        return say_plural(
            "The org's daily API limit is used up: {n:,} job not read (and the job list was cut short: "
            "more may follow); the next sync will read them.",
            "The org's daily API limit is used up: {n:,} jobs not read (and the job list was cut short: "
            "more may follow); the next sync will read them.",
            n=unread,
        )
    return say_plural(
        "The org's daily API limit is used up: {n:,} job not read; the next sync will read them.",
        "The org's daily API limit is used up: {n:,} jobs not read; the next sync will read them.",
        n=unread,
    )


def empty_window_note(result: SyncResult, rows: int) -> str:
    """Why an export of `rows` == 0 errors is empty although the org listed jobs ("" otherwise)."""
    if rows or not result.jobs:
        return ""
    stamps = [job.system_modstamp for job in result.jobs]
    inside = in_window(stamps, result.since, result.until)
    listed, in_it = len(stamps), sum(inside)
    since = f"{result.since:%Y-%m-%d %H:%M} UTC"
    if not in_it:
        return (
            f"No errors: the org lists {listed:,} jobs, none changed since the window's start "
            f"({since}); an earlier --since reads older ones."
        )
    jobs = [job for job, wanted in zip(result.jobs, inside) if wanted]
    unfinished = sum(not job.finished for job in jobs)
    failed = sum(job.error_rows > 0 for job in jobs)
    return (
        f"No errors: of the {listed:,} jobs the org lists, {in_it:,} changed since {since}; "
        f"{unfinished:,} of them are still running and {failed:,} report failed records."
    )
