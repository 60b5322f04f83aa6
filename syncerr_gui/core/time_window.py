"""The sync window: the seed page's rule (five days before the last successful sync) and the
filter shown after a sync. The last successful sync's start comes from the org's archive when
there is one (`ErrorArchive.last_success_start`), else from the app's settings.
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar, Protocol, TypeVar

logger = logging.getLogger(__name__)

LOOKBACK = timedelta(days=5)


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
