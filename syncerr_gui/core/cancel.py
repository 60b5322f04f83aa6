"""The one cancel mechanism: a `CancelToken` polled by every worker, and `SyncCancelled`."""

from __future__ import annotations

import threading

from syncerr_gui.core.words import say


class SyncCancelled(Exception):
    """Raised inside the sync when the user cancelled; the engine turns it into a result."""


class CancelToken:
    """A cooperative cancel flag shared by the caller and every worker of one sync."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the sync to stop; it returns within about a second."""
        self._event.set()

    @property
    def is_cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise SyncCancelled(say("The sync was cancelled."))

    def wait(self, seconds: float) -> bool:
        """Sleep up to `seconds`, waking early on cancel; True when cancelled."""
        return self._event.wait(seconds)
