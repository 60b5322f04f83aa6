"""How a failed request is tried again: backoff with jitter, and the server's `Retry-After`.

A 429 or 503 may say how long to wait (`Retry-After`: seconds or an HTTP date). That wait
is honoured, capped (a hostile or confused server cannot park a sync for hours) and counted
in the same retry budget as any other retry; the caller waits on its cancel token, so Cancel
still ends it at once.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

MAX_RETRY_AFTER = 60.0


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how patiently a failed request is tried again."""

    tries: int = 4
    base_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = MAX_RETRY_AFTER

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Exponential backoff with jitter (so workers do not retry in lockstep), or the
        server's `Retry-After` when it asks for longer (capped at `max_retry_after`)."""
        ceiling = min(self.max_delay, self.base_delay * (2.0**attempt))
        backoff = ceiling / 2 + random.uniform(0, ceiling / 2)
        if retry_after is None:
            return backoff
        return max(backoff, min(retry_after, self.max_retry_after))


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds a `Retry-After` header asks to wait (delta-seconds or an HTTP date); None if unreadable."""
    text = (value or "").strip()
    if not text:
        return None
    if text.isdigit():
        return float(min(int(text), 10**6))
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
