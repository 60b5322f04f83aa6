"""Runs one reload (create the ingest job, upload, wait, read the results) on its own QThread.

Like the sync, a reload is long, cancellable and reports progress, so it has a QThread of its
own rather than `run_in_background`. The core's runner does the work; this only carries its
progress, the new job's id (as soon as Salesforce gave one, so the window can say which job
it is) and the outcome back to the GUI thread as signals. Cancel is the shared CancelToken.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from syncerr_gui.core.cancel import CancelToken, SyncCancelled
from syncerr_gui.core.exceptions import failure_text
from syncerr_gui.core.reload.batch import ReloadBatch, ReloadOutcome
from syncerr_gui.gui.i18n import shown, tr

logger = logging.getLogger(__name__)

# run_reload(client, batch, *, progress=None, cancel=None, on_created=None) -> ReloadOutcome
Runner = Callable[..., ReloadOutcome]
ClientFactory = Callable[[Any], Any]  # (OrgSession) -> OrgClient
Created = Callable[[str], None]  # (job id), called in the worker thread before the upload


class ReloadWorker(QObject):
    """One reload in the background.

    Signals: progress(str) in words; created(str) with the job id; finished(object) with the
    ReloadOutcome (also when cancelled after the job was created: its state says so);
    failed(str) in words, when there is no outcome (`job_id` then says whether a job exists).
    """

    progress = Signal(str)
    created = Signal(str)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        runner: Runner,
        client_factory: ClientFactory,
        session: Any,
        batch: ReloadBatch,
        on_created: Created | None = None,
    ) -> None:
        super().__init__()
        self.token = CancelToken()
        self.job_id = ""
        self._runner, self._client_factory = runner, client_factory
        self._session, self._batch = session, batch
        self._on_created = on_created
        self.reload_thread: QThread | None = None

    def start(self) -> QThread:
        """Move to a new QThread and run there; the thread quits when the reload ends."""
        thread = QThread()
        thread.setObjectName("reloadThread")
        self.moveToThread(thread)
        thread.started.connect(self.run)
        self.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        self.failed.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        self.reload_thread = thread
        thread.start()
        return thread

    def cancel(self) -> None:
        """Ask the runner to stop (it aborts the job if one was created)."""
        self.token.cancel()

    def wait(self, ms: int = 5000) -> bool:
        return self.reload_thread.wait(ms) if self.reload_thread is not None else True

    @Slot()
    def run(self) -> None:
        """Thread body: never raises; every outcome becomes a signal."""
        try:
            client = self._client_factory(self._session)
            outcome = self._runner(
                client, self._batch, progress=self._progress, cancel=self.token, on_created=self._created
            )
        except SyncCancelled:
            self.failed.emit(self._cancelled_words())
            return
        except Exception as exc:  # noqa: BLE001 - every failure becomes words; a bug must not kill the thread
            logger.warning("reload failed: %s", type(exc).__name__)
            self.failed.emit(shown(failure_text(exc, tr("reload the rows"))))
            return
        self.finished.emit(outcome)

    def _progress(self, report: object) -> None:
        self.progress.emit(progress_words(report))

    def _created(self, job_id: str) -> None:
        self.job_id = job_id
        if self._on_created is not None:
            self._on_created(job_id)
        self.created.emit(job_id)

    def _cancelled_words(self) -> str:
        if self.job_id:
            cancelled = tr("Reload cancelled: job {job} was asked to stop (the next sync shows what it did).")
            return cancelled.format(job=self.job_id)
        return tr("Reload cancelled before any job was created: nothing was sent.")


def progress_words(report: object) -> str:
    """A report as words: its `lines()` or `words()`, a phase and its `jobs_text()`
    (the ingest's ReloadProgress), its `text`, else the report itself."""
    for name in ("lines", "words"):
        words = getattr(report, name, None)
        if callable(words):
            said = words()
            return " ".join(shown(line) for line in said) if isinstance(said, list) else shown(said)
    phase, jobs = getattr(report, "phase", None), getattr(report, "jobs_text", None)
    if isinstance(phase, str) and callable(jobs):
        return tr("{phase}: {progress}").format(phase=shown(phase), progress=shown(jobs()))
    text = getattr(report, "text", None)
    return shown(text) if isinstance(text, str) else shown(report)
