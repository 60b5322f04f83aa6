"""The user's time zone as a zoneinfo zone (DST-correct for old rows), and local formatting.

Qt knows the system zone's IANA id on every platform; Python's own `astimezone()` only gives
today's fixed offset, which would shift rows from before a DST change by an hour.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QTimeZone

logger = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def local_zone() -> tzinfo:
    """The system time zone (falls back to today's fixed offset, then UTC)."""
    zone_id = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
    try:
        return ZoneInfo(zone_id)
    except (ZoneInfoNotFoundError, ValueError):
        logger.info("no zoneinfo for system zone %r; using the current offset", zone_id)
        return datetime.now().astimezone().tzinfo or UTC


def format_local(moment: datetime | None) -> str:
    """'2026-11-27 14:03:12 CET' in the local zone ('' for None/NaT)."""
    if moment is None or moment != moment:  # NaT compares unequal to itself
        return ""
    local = moment.astimezone(local_zone())
    return f"{local:%Y-%m-%d %H:%M:%S} {local.tzname() or ''}".rstrip()


def format_utc(moment: datetime | None) -> str:
    """'2026-11-27 13:03:12 UTC' ('' for None/NaT)."""
    if moment is None or moment != moment:
        return ""
    return f"{moment.astimezone(UTC):%Y-%m-%d %H:%M:%S} UTC"
