"""AdaptiveLimit: how many requests one sync keeps in flight, grown and shrunk as the org answers.

A real org is 50-300 ms away, so a sync is bound by round trips unless enough requests are
in flight to hide them. Too many would trip Salesforce's limits, so the limit behaves like
TCP's congestion window: it starts moderate, grows by one per healthy answer until the first
sign of trouble (slow start), then by one per window of answers, and only while answers take
long enough that a round trip is worth hiding (not on loopback); it backs off by half on an
overload answer (429, 503, REQUEST_LIMIT_EXCEEDED) and by a quarter on an answer whose
headers took longer than `SLOW_SECONDS`. The ceiling comes from Salesforce's documented
concurrency limit (docs/ARCHITECTURE.md, "Concurrency").
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Iterator

from syncerr_gui.core.cancel import CancelToken

logger = logging.getLogger(__name__)

# Production orgs and sandboxes refuse new requests while 25 requests of 20 s or longer run
# (Developer Edition and trials: 5); shorter requests are not limited. Staying below 25 keeps
# a sync inside the limit even if every one of its requests turned long-running.
CEILING = 24
START = 4
FLOOR = 1
# Answers faster than this come from a nearby server (loopback, the same data centre): more
# requests in flight would not hide any round trip, only hold more bodies in memory and
# contend for the CPU that parses them, so the limit grows only on slower answers.
GROW_SECONDS = 0.025
# An answer whose headers take this long means the org is struggling (a request reaching 20 s
# counts towards the concurrent long-running limit): fewer requests in flight.
SLOW_SECONDS = 10.0
WAIT_SLICE = 0.1


class AdaptiveLimit:
    """A semaphore whose size follows the org's health; shared by every worker of one sync."""

    def __init__(self, ceiling: int = CEILING, start: int = START, floor: int = FLOOR) -> None:
        self.ceiling = max(1, ceiling)
        self.floor = max(1, min(floor, self.ceiling))
        self._limit = float(max(self.floor, min(start, self.ceiling)))
        self._in_flight = 0
        self._slow_start = True
        self._cooldown_until = 0.0
        self._cond = threading.Condition()
        self.peak = 0
        self.backoffs = 0

    @property
    def limit(self) -> int:
        """Requests allowed in flight now."""
        with self._cond:
            return int(self._limit)

    @contextlib.contextmanager
    def slot(self, cancel: CancelToken) -> Iterator[None]:
        """Hold one of the allowed requests for the block; waits (cancellably) for a free one."""
        with self._cond:
            while self._in_flight >= int(self._limit):
                cancel.raise_if_cancelled()
                self._cond.wait(WAIT_SLICE)
            self._in_flight += 1
            self.peak = max(self.peak, self._in_flight)
        try:
            yield
        finally:
            with self._cond:
                self._in_flight -= 1
                self._cond.notify()

    def answered(self, header_seconds: float) -> None:
        """A healthy answer whose headers took `header_seconds`: grow, or shrink when it was slow."""
        if header_seconds >= SLOW_SECONDS:
            self._shrink(0.75, f"an answer took {header_seconds:.1f} s")
            return
        if header_seconds < GROW_SECONDS:
            return
        with self._cond:
            step = 1.0 if self._slow_start else 1.0 / max(1.0, self._limit)
            grown = min(float(self.ceiling), self._limit + step)
            if int(grown) > int(self._limit):
                self._cond.notify()
            self._limit = grown

    def overloaded(self, why: str) -> None:
        """The org said it is overloaded (429, 503, REQUEST_LIMIT_EXCEEDED): halve."""
        self._shrink(0.5, why)

    def _shrink(self, factor: float, why: str) -> None:
        """Back off once per cooldown: answers already in flight report the same trouble."""
        now = time.monotonic()
        with self._cond:
            self._slow_start = False
            if now < self._cooldown_until:
                return
            self._cooldown_until = now + 1.0
            self._limit = max(float(self.floor), self._limit * factor)
            self.backoffs += 1
            logger.info("in-flight requests lowered to %d (%s)", int(self._limit), why)
