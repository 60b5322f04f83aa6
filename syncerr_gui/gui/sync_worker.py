"""Runs one sync (SyncEngine.run, through the org's error archive when given) on its own
QThread, with Cancel and throttled progress.

The engine reports progress from its pool threads; the worker forwards at most ten reports
a second so a fast sync cannot flood the GUI thread's event queue, and always delivers the
latest one (a trailing report), so a sync that stalls after a burst still shows where it is. When the user cancels, the
rows already shown are merged with what the cancelled sync had read (in this thread, not the
GUI thread), so nothing is lost. With an archive, the archive keeps everything and the result's
frame is every archived row, and the archive is the one source of the last successful sync
(the window's fallback only counts without an archive). A `prepare` hook runs in this thread
on the final result and builds the table's filtered, sorted view, which travels with the
result in `finished` (nothing is parked in the model).

This is the one piece of GUI work that does not use `gui.tasks.run_in_background`: a sync is
long, cancellable and reports progress, so it has its own QThread.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import pandas as pd
from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from syncerr_gui.core.exceptions import failure_text
from syncerr_gui.core.frame.row_details import NO_DETAILS, RowDetails
from syncerr_gui.gui.i18n import shown, tr

logger = logging.getLogger(__name__)

PROGRESS_INTERVAL_S = 0.1

EngineFactory = Callable[..., Any]  # (OrgSession) -> SyncEngine
ArchiveOpener = Callable[[], Any]  # -> ErrorArchive (raises ArchiveError when it cannot)
Preparer = Callable[[Any], Any]  # (SyncResult) -> TableData | None, in the sync's thread


class SyncWorker(QObject):
    """One sync in the background.

    Signals: progress(object) with a SyncProgress; finished(object, object) with a SyncResult
    (also when cancelled: then `frame` holds the previous rows plus what was read; with an
    archive, every archived row) and the table data `prepare` built for it (or None);
    failed(str) with words for the user; archive_failed(str) when the archive could not be used
    (the sync still finishes, without it), before finished/failed.
    """

    progress = Signal(object)
    finished = Signal(object, object)
    failed = Signal(str)
    archive_failed = Signal(str)

    def __init__(
        self,
        session: Any,
        options: Any,
        previous_frame: pd.DataFrame | None = None,
        engine_factory: EngineFactory | None = None,
        *,
        archive: ArchiveOpener | None = None,
        prepare: Preparer | None = None,
        previous_details: RowDetails | None = None,
    ) -> None:
        super().__init__()
        from syncerr_gui.core.cancel import CancelToken

        self.token = CancelToken()
        self._session = session
        self._options = options
        self._previous = previous_frame
        self._previous_details = previous_details if previous_details is not None else NO_DETAILS
        self._engine_factory = engine_factory
        self._archive = archive
        self._prepare = prepare
        self._lock = threading.Lock()
        self._last_emit = 0.0
        self._latest: Any = None
        self._trailing: threading.Timer | None = None
        self._ended = False
        self.sync_thread: QThread | None = None  # not `thread`: that would hide QObject.thread()
        self.session_expired = False  # set before failed() when the user must log in again
        self.salvaged: Any = None  # set before failed(): a SyncResult of the rows read before it
        self.salvaged_table: Any = None  # ... and the table data prepared for it

    def start(self) -> QThread:
        """Move to a new QThread and run there; the thread quits when the sync ends."""
        thread = QThread()
        thread.setObjectName("syncThread")
        self.moveToThread(thread)
        thread.started.connect(self.run)
        # Direct: `thread` lives in the GUI thread, and a queued quit would wait for its event
        # loop, which is not running while the window waits for the sync at shutdown.
        self.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        self.failed.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        self.sync_thread = thread
        thread.start()
        return thread

    def cancel(self) -> None:
        """Ask the sync to stop (the engine returns within about a second)."""
        self.token.cancel()

    def wait(self, ms: int = 5000) -> bool:
        """Block until the thread has ended (shutdown only); False on timeout."""
        return self.sync_thread.wait(ms) if self.sync_thread is not None else True

    @Slot()
    def run(self) -> None:
        """Thread body: never raises; every outcome becomes a signal."""
        try:
            engine = self._make_engine()
            try:
                result = self._sync(engine)
            finally:
                self._stop_progress()
        except Exception as exc:  # noqa: BLE001 - every failure becomes words; a bug must not kill the thread
            self._fail(exc)
            return
        self.finished.emit(result, self._run_prepare(result))

    def _fail(self, exc: Exception) -> None:
        """`failed` in words; for a SyncError first whether to log in again and what it had read."""
        from syncerr_gui.core.exceptions import SessionExpired, SyncError

        if isinstance(exc, SyncError):
            logger.warning("sync failed: %s", exc)
            self.session_expired = isinstance(exc, SessionExpired)
            self.salvaged = self._salvage(exc.partial)
        # in words here: a str signal would lose the core's Words (and with them the translation)
        self.failed.emit(shown(failure_text(exc, tr("sync"))))

    def _sync(self, engine: Any) -> Any:
        """Through the archive when there is one that works, else the engine alone."""
        from syncerr_gui.core.archive.incremental import ArchiveStoreFailed, ArchiveSync
        from syncerr_gui.core.exceptions import ArchiveError

        try:
            archive = self._archive() if self._archive is not None else None
            if archive is not None:
                # the archive's anchor first (ArchiveSync), the settings' copy without one
                done = ArchiveSync(archive, engine).run(
                    self._options, self._on_progress, self.token, history=True
                )
                return dataclasses.replace(done.sync, frame=done.frame, details=done.details)
        except ArchiveStoreFailed as exc:  # synced, not stored: show what was read
            self._archive_failed(exc)  # (archived jobs were skipped: keep the rows shown)
            return self._merged(exc.result)
        except ArchiveError as exc:  # nothing was downloaded yet: sync without it
            self._archive_failed(exc)
        result = engine.run(self._options, progress=self._on_progress, cancel=self.token)
        return self._merged(result) if result.cancelled else result

    def _archive_failed(self, exc: Exception) -> None:
        logger.warning("error archive unusable during the sync: %s", exc)
        self.archive_failed.emit(shown(failure_text(exc, tr("use the error archive"))))

    def _run_prepare(self, result: Any) -> Any:
        """The table data for `result`, or None. The hook only makes the GUI's work lighter:
        its failure must not lose the sync (the GUI thread then builds the view itself)."""
        if self._prepare is None:
            return None
        try:
            return self._prepare(result)
        except Exception:
            logger.exception("preparing the table off the GUI thread failed; the GUI thread will")
            return None

    def _make_engine(self) -> Any:
        factory = self._engine_factory
        if factory is None:
            from syncerr_gui.core.sync.engine import SyncEngine

            factory = SyncEngine
        return factory(self._session)

    def _on_progress(self, progress: Any) -> None:
        """Called from engine threads: forward now, or once the interval is over (the latest)."""
        with self._lock:
            if self._ended:
                return
            self._latest = progress
            now = time.monotonic()
            due = self._last_emit + PROGRESS_INTERVAL_S
            if now < due:
                if self._trailing is None:
                    self._trailing = threading.Timer(due - now, self._flush_progress)
                    self._trailing.daemon = True
                    self._trailing.start()
                return
            self._last_emit = now
        self.progress.emit(progress)

    def _flush_progress(self) -> None:
        with self._lock:
            self._trailing = None
            if self._ended:
                return
            self._last_emit = time.monotonic()
            latest = self._latest
        self.progress.emit(latest)

    def _stop_progress(self) -> None:
        """No progress after the result: it would overwrite the final state."""
        with self._lock:
            self._ended = True
            if self._trailing is not None:
                self._trailing.cancel()
                self._trailing = None

    def _salvage(self, partial: Any) -> Any:
        """What a failed sync had read, merged with the rows shown (None if it read nothing)."""
        if partial is None or not len(partial.frame):
            return None
        salvaged = self._merged(partial)
        self.salvaged_table = self._run_prepare(salvaged)
        return salvaged

    def _merged(self, result: Any) -> Any:
        """The result with the previously shown rows kept (newer rows of a job replace its older)."""
        from syncerr_gui.core.frame.row_details import merged

        previous = self._previous
        if previous is None or not len(previous):
            return result
        frame, details = merged(previous, self._previous_details, result.frame, result.details)
        return dataclasses.replace(result, frame=frame, details=details)
