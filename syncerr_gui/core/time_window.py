"""The default start of the sync window (the seed page's rule: five days before the last sync)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

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
