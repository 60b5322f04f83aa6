"""How often one record has failed: "this record failed 4 times since 24 Nov" (the detail pane).

A record is its Salesforce ID, else its Source ID within its object (a sending system's
IDs are unique per object, not across them). Counted over the frame it is given (the whole
archive when the archive is loaded), on codes: one comparison per row, no text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import tzinfo

import numpy as np
import pandas as pd

from syncerr_gui.core.frame.schema import codes_and_values, times_ns
from syncerr_gui.core.words import say

_NAT = np.iinfo(np.int64).min


@dataclass(frozen=True)
class Recurrence:
    """The failures of one record: how many, the first and the last (None when unknown)."""

    failures: int
    first_failed_at: pd.Timestamp | None
    last_failed_at: pd.Timestamp | None
    by: str  # "salesforce_id", "source_id", or "" when the row names no record

    def words(self, tz: tzinfo | None = None, day: Callable[[pd.Timestamp], str] | None = None) -> str:
        """ "This record failed 4 times since 24 Nov 2026." ("" when it failed once, or is no
        record); `day` writes the date in the window's language (default: "24 Nov 2026")."""
        if self.failures < 2 or not self.by:
            return ""
        if self.first_failed_at is None:
            return say("This record failed {failures} times.", failures=self.failures)
        first = self.first_failed_at.tz_convert(tz) if tz is not None else self.first_failed_at
        since = day(first) if day is not None else f"{first.day} {first:%b %Y}"
        return say("This record failed {failures} times since {since}.", failures=self.failures, since=since)


def record_recurrence(frame: pd.DataFrame, position: int) -> Recurrence:
    """The failures in `frame` of the record of row `position` (that row included)."""
    same = _same_record(frame, position)
    if same is None:
        return _alone(frame, position)
    mask, by = same
    times = times_ns(frame["failed_at"])[mask]
    known = times[times != _NAT]
    first = _at(known.min()) if len(known) else None
    last = _at(known.max()) if len(known) else None
    return Recurrence(int(mask.sum()), first, last, by)


def _same_record(frame: pd.DataFrame, position: int) -> tuple[np.ndarray, str] | None:
    for column in ("salesforce_id", "source_id"):
        codes, values = codes_and_values(frame[column])
        code = int(codes[position])
        if code >= 0 and str(values[code]) != "":
            mask = codes == code
            if column == "source_id":
                objects = codes_and_values(frame["object"])[0]
                mask &= objects == objects[position]
            return mask, column
    return None


def _alone(frame: pd.DataFrame, position: int) -> Recurrence:
    at = _at(times_ns(frame["failed_at"])[position])
    return Recurrence(1, at, at, "")


def _at(ns: int | np.integer) -> pd.Timestamp | None:
    return None if int(ns) == _NAT else pd.Timestamp(int(ns), tz="UTC")
