"""The sync window: the seed page's rule (five days before the last successful sync) and the
filter shown after a sync. The last successful sync's start comes from the org's archive when
there is one (`ErrorArchive.last_success_start`), else from the app's settings.

Times read back from the settings or the archive are never trusted as they are
(`plausible_time`): one outside 2000–2200 is dropped with a log line (a hand-edited
`9999-12-31` overflowed every sync). A window start or an anchor later than now (a run with
the clock ahead) is clamped to now and said (`sync_start`), so no later sync looks only
into the future.
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar, Protocol, TypeVar

from syncerr_gui.core.words import Words, say

logger = logging.getLogger(__name__)

LOOKBACK = timedelta(days=5)
# Salesforce's Bulk API is younger than 2000; pandas' nanosecond times end in 2262.
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST = datetime(2200, 1, 1, tzinfo=UTC)
CLOCK_SLACK = timedelta(minutes=5)  # another machine's clock a little ahead is not worth a word


def plausible_time(value: object, what: str) -> datetime | None:
    """`value` as aware UTC when it is a datetime between 2000 and 2200, else None (logged).

    For every time read back from storage (`what` names it in the log line): a bad one is
    dropped, so the caller falls back to its default instead of failing on it forever.
    """
    if value is None:
        return None
    if not isinstance(value, datetime):
        logger.warning("Ignored %s: not a time (%r)", what, type(value).__name__)
        return None
    try:
        moment = as_utc(value)
    except OverflowError:  # 0001-01-01 or 9999-12-31 in another zone
        moment = EARLIEST - timedelta(days=1)
    if not EARLIEST <= moment < LATEST:
        logger.warning("Ignored %s: %s is outside %d–%d", what, value.isoformat(), EARLIEST.year, LATEST.year)
        return None
    return moment


def sync_start(
    since: datetime | None, last_success_start: datetime | None, now: datetime
) -> tuple[datetime, str]:
    """The window's start and, when a time later than now had to be clamped, why in words.

    `since` (the admin's) or else the seed rule on `last_success_start` (checked by
    `plausible_time`). Either one in the future — a sync once ran with the clock ahead —
    would read nothing, on every later sync: it is clamped to now (the anchor) or to the
    seed rule's first-sync start (a start), and the note says so.
    """
    now = as_utc(now)
    if since is not None:
        start = plausible_time(since, "the window's start") or default_since(None, now)
        if start > now + CLOCK_SLACK:
            clamped = default_since(None, now)
            return clamped, _clamp_note(start, clamped, anchor=False)
        return start, ""
    anchor = plausible_time(last_success_start, "the last successful sync's start")
    if anchor is not None and anchor > now + CLOCK_SLACK:
        clamped = default_since(None, now)
        return clamped, _clamp_note(anchor, clamped, anchor=True)
    return default_since(None if anchor is None else min(anchor, now), now), ""


def _clamp_note(moment: datetime, clamped: datetime, *, anchor: bool) -> Words:
    """Why the window starts earlier than asked (times in UTC, as the note says)."""
    later, start = f"{moment:%Y-%m-%d %H:%M}", f"{clamped:%Y-%m-%d %H:%M}"
    if anchor:
        return say(
            "The last successful sync's start ({later} UTC) is later than now (was the clock ahead?); "
            "this sync reads from {start} UTC instead.",
            later=later,
            start=start,
        )
    return say(
        "The window's start ({later} UTC) is later than now (was the clock ahead?); "
        "this sync reads from {start} UTC instead.",
        later=later,
        start=start,
    )


def default_since(last_success_start: datetime | None, now: datetime | None = None) -> datetime:
    """Start of the last successful sync minus 5 days; on a first sync, now minus 5 days (UTC).

    Naive datetimes are taken as UTC so a caller cannot shift the window by its local zone.
    """
    anchor = last_success_start if last_success_start is not None else (now or datetime.now(UTC))
    return as_utc(anchor) - LOOKBACK


def as_utc(moment: datetime) -> datetime:
    """`moment` as an aware UTC datetime (naive values are taken to be UTC already)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


class _Windowed(Protocol):
    """A filter with a time window (`core.frame.filtering.ErrorFilter`), a frozen dataclass."""

    __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]

    @property
    def start(self) -> datetime | None: ...

    @property
    def end(self) -> datetime | None: ...


class _SyncOutcome(Protocol):
    """What of a sync's result decides the window (`core.sync.values.SyncResult`)."""

    @property
    def started_at(self) -> datetime: ...

    @property
    def cancelled(self) -> bool: ...


F = TypeVar("F", bound=_Windowed)


def post_sync_filter(current: F, result: _SyncOutcome, *, own_window: bool = False) -> F:
    """The filter to show after a sync: a cancelled one keeps `current`; a finished one keeps
    everything but the window, which becomes the seed rule's for this sync (open-ended) —
    unless the admin chose the window (`own_window`): a sync never changes their choice."""
    if result.cancelled or own_window:
        return current
    return dataclasses.replace(current, start=default_since(result.started_at), end=None)
