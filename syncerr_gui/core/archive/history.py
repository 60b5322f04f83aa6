"""The archive's own times read back (the syncs' starts, the last visit), never trusted as stored.

A time outside 2000–2200 (a damaged or hand-edited value) is dropped with a log line
(`time_window.plausible_time`). A successful sync dated later than now — one run with the
clock ahead — is not the window's anchor: the latest sync not later than now is, and
`sync_anchor` names the other so the sync can say why it was passed over. Otherwise every
later sync would look only into the future and export nothing. A sync the org's daily API
limit cut short is not complete (`success` 0, not cancelled): until a complete one follows,
the next sync starts where it started, so it reads the jobs that one could not.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime, timedelta

from syncerr_gui.core.time_window import CLOCK_SLACK, LOOKBACK, plausible_time

logger = logging.getLogger(__name__)

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def from_ns(value: object, what: str) -> datetime | None:
    """ns since the epoch (an int, or its text in `meta`) as aware UTC; None when absent or
    implausible (logged)."""
    if value is None:
        return None
    try:
        moment = _EPOCH + timedelta(microseconds=int(str(value)) // 1000)
    except (ValueError, OverflowError):
        logger.warning("Ignored %s in the archive: %r is not a time", what, str(value)[:40])
        return None
    return plausible_time(moment, f"{what} in the archive")


def now_ns() -> int:
    """Now, as the archive stores times (ns since the epoch, UTC)."""
    return (datetime.now(UTC) - _EPOCH) // timedelta(microseconds=1) * 1000


def _now_ns(now: datetime | None) -> int:
    moment = (now or datetime.now(UTC)) + CLOCK_SLACK
    return (moment - _EPOCH) // timedelta(microseconds=1) * 1000


def last_success_start(con: sqlite3.Connection, now: datetime | None = None) -> datetime | None:
    """Start of the latest successful sync not dated later than now (the seed rule's anchor)."""
    row = con.execute(
        "SELECT MAX(started_at) FROM syncs WHERE success = 1 AND started_at <= ?", (_now_ns(now),)
    ).fetchone()
    return from_ns(row[0] if row else None, "the last successful sync's start")


def sync_anchor(con: sqlite3.Connection, now: datetime | None = None) -> tuple[datetime | None, str]:
    """The next sync's anchor (`default_since` takes 5 days off it) and a note when a sync
    dated later than now was passed over: the last successful start, or — after a sync cut
    short by the API limit — that sync's own anchor, so its unread jobs are in the window."""
    row = con.execute(
        "SELECT since, success FROM syncs WHERE cancelled = 0 ORDER BY id DESC LIMIT 1"
    ).fetchone()
    cut_short = from_ns(row[0], "a sync's window start") if row and not row[1] else None
    anchor = cut_short + LOOKBACK if cut_short is not None else last_success_start(con, now)
    return anchor, ahead_of_now(con, now)


def ahead_of_now(con: sqlite3.Connection, now: datetime | None = None) -> str:
    """A note when a successful sync is dated later than now (then not used as the anchor), else ""."""
    row = con.execute(
        "SELECT MAX(started_at) FROM syncs WHERE success = 1 AND started_at > ?", (_now_ns(now),)
    ).fetchone()
    ahead = from_ns(row[0] if row else None, "a sync's start")
    if ahead is None:
        return ""
    return (
        f"The archive holds a sync dated {ahead:%Y-%m-%d %H:%M} UTC, later than now (was the clock "
        "ahead then?); the window is measured from the latest sync before now instead."
    )
