"""The user's time zone as a zoneinfo zone (DST-correct for old rows), and local formatting.

Qt knows the system zone's IANA id on every platform; Python's own `astimezone()` only gives
today's fixed offset, which would shift rows from before a DST change by an hour.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QLocale, QTimeZone

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


def date_layout(with_seconds: bool = True) -> str:
    """The strftime layout of dates in the window, by its language: ISO in English (one order
    for every English-speaking admin), "01/12/2026 18:17" in French (the French short format,
    with the year in full). Exports and logs stay ISO whatever the language."""
    french = QLocale().language() == QLocale.Language.French
    day = "%d/%m/%Y" if french else "%Y-%m-%d"
    return f"{day} %H:%M:%S" if with_seconds else f"{day} %H:%M"


def format_local(moment: datetime | None) -> str:
    """'2026-11-27 14:03:12 CET' in the local zone ('' for None/NaT), in the window's layout."""
    if moment is None or moment != moment:  # NaT compares unequal to itself
        return ""
    local = moment.astimezone(local_zone())
    text = f"{local.strftime(date_layout())} {local.tzname() or ''}".rstrip()
    if is_repeated(local):  # the hour the clocks go back: the same wall time happens twice
        text += f" (UTC{offset_text(seconds_of(local.utcoffset()))})"
    return text


def is_repeated(local: datetime) -> bool:
    """True when `local`'s wall time also happens at another instant (the fall-back hour)."""
    return local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset()


def seconds_of(offset: timedelta | None) -> int:
    return int(offset.total_seconds()) if offset else 0


def offset_text(seconds: int) -> str:
    """'+02:00' / '-03:30' for a UTC offset in seconds."""
    sign, minutes = ("-" if seconds < 0 else "+"), abs(seconds) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def format_utc(moment: datetime | None) -> str:
    """'2026-11-27 13:03:12 UTC' ('' for None/NaT), in the window's layout."""
    if moment is None or moment != moment:
        return ""
    return f"{moment.astimezone(UTC).strftime(date_layout())} UTC"
