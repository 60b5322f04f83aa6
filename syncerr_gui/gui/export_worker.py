"""Writes the rows shown to a CSV file off the GUI thread (core.export does the writing)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import tzinfo

import pandas as pd
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from syncerr_gui.core.redaction import scrub

logger = logging.getLogger(__name__)


class ExportSignals(QObject):
    """Signals: finished(int, str) rows written and path; failed(str) words for the user."""

    finished = Signal(int, str)
    failed = Signal(str)


class ExportWorker(QRunnable):
    """One export of `frame` (already in view order) to `path`, times in `tz`.

    `frame` may be a function returning the frame, so that gathering a million rows in view
    order also happens off the GUI thread.
    """

    def __init__(
        self, frame: pd.DataFrame | Callable[[], pd.DataFrame], path: str, tz: tzinfo | None
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = ExportSignals()
        self.frame = frame
        self.path = path
        self.tz = tz

    def start(self, pool: QThreadPool | None = None) -> None:
        """Queue on `pool` (the global pool by default)."""
        (pool or QThreadPool.globalInstance()).start(self)

    def run(self) -> None:
        """Worker-thread body: never raises."""
        from syncerr_gui.core.exceptions import ExportError
        from syncerr_gui.core.frame.export import export_csv

        try:
            frame = self.frame() if callable(self.frame) else self.frame
            rows = export_csv(frame, self.path, tz=self.tz)
        except ExportError as exc:
            self.signals.failed.emit(scrub(str(exc)))
            return
        except Exception as exc:
            logger.exception("unexpected error during export")
            self.signals.failed.emit(scrub(f"The export failed: {exc}"))
            return
        self.signals.finished.emit(rows, self.path)
