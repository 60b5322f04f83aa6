"""One question several features ask before starting long work: is something else running?

A watched sync must never start while a sync, an export, a purge or a reload runs; each of
those features joins the gate with a name and a check (`join("a reload", lambda: ...)`), and
whoever wants to start asks `reason()`: the first busy thing in words, or None.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

logger = logging.getLogger(__name__)


class BusyGate:
    """Named checks; `reason()` names the first that is busy (None: all free)."""

    def __init__(self) -> None:
        self._checks: list[tuple[str, Callable[[], bool]]] = []

    def join(self, name: str, is_busy: Callable[[], bool]) -> None:
        """Add a feature: `name` in words ("an export"), `is_busy` True while it runs."""
        self._checks.append((name, is_busy))

    def reason(self) -> str | None:
        """What is running, e.g. "an export" (None: nothing)."""
        for name, is_busy in self._checks:
            if is_busy():
                return name
        return None

    @property
    def busy(self) -> bool:
        return self.reason() is not None
