"""Incremental sync through the archive: download only what the archive does not hold yet.

`ArchiveSync` tells the engine which finished jobs are already archived (`skip_jobs`) and
when the last successful sync started (the default window), stores whatever the engine
returns (a cancelled sync and the partial result of a failed one too: nothing fetched is
lost), and answers with every archived error of the window, including history that
Salesforce has already deleted.

Cancel while the rows are being saved (the "Saving to the archive" phase) stops the store
between its steps: nothing of that sync is archived (the next sync reads it again) and the
answer is the archive as it was, marked cancelled. A sync cancelled while downloading is
stored as read (it cannot be cancelled a second time).
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from syncerr_gui.core.archive.store import ErrorArchive
from syncerr_gui.core.archive.writer import StoreStats
from syncerr_gui.core.cancel import CancelToken, SyncCancelled
from syncerr_gui.core.exceptions import ArchiveError, SyncError
from syncerr_gui.core.frame.row_details import RowDetails
from syncerr_gui.core.sync.values import SyncOptions, SyncProblem, SyncProgress, SyncResult

if TYPE_CHECKING:
    from syncerr_gui.core.sync.engine import SyncEngine

logger = logging.getLogger(__name__)

PHASE_ARCHIVING = "Saving to the archive"


@dataclass
class ArchiveSyncResult:
    """`frame`: every archived error in the sync's window (older history included), whose
    input rows `details` reads; `sync`: what the engine returned this time; `stats`: what
    the archive stored (None when the store was cancelled: then `sync.cancelled`)."""

    frame: pd.DataFrame
    sync: SyncResult
    stats: StoreStats | None
    details: RowDetails


class ArchiveStoreFailed(ArchiveError):
    """The engine's sync succeeded but the archive could not store or load it; `result`
    holds what the engine returned, so the caller can still show it."""

    def __init__(self, message: str, result: SyncResult) -> None:
        super().__init__(message)
        self.result = result


class ArchiveSync:
    """Runs the engine incrementally against one org's archive (call from a worker thread)."""

    def __init__(self, archive: ErrorArchive, engine: SyncEngine) -> None:
        self.archive = archive
        self.engine = engine

    def run(
        self,
        options: SyncOptions | None = None,
        progress: Callable[[SyncProgress], None] | None = None,
        cancel: CancelToken | None = None,
        history: bool = False,
    ) -> ArchiveSyncResult:
        """Sync, store, and return the window's archived errors (`history`: every archived one).

        A `SyncError` is re-raised after its partial result (if any) is stored. An archive
        that cannot be read before the sync raises `ArchiveError` (nothing was downloaded);
        one that fails after it raises `ArchiveStoreFailed` carrying the engine's result.
        """
        options = self._incremental(options or SyncOptions())
        # a sync once run with the clock ahead is passed over as the anchor, and said
        ahead = self.archive.sync_anchor()[1] if options.since is None else ""
        preparing = threading.Thread(target=self._prepare_store, name="archive-prepare", daemon=True)
        preparing.start()  # while the sync downloads: the store's look-up indexes
        try:
            result = self.engine.run(options, progress, cancel)
        except SyncError as exc:
            preparing.join()
            if exc.partial is not None:
                self._store_partial(exc.partial)
            raise
        preparing.join()
        if ahead:
            result.problems.insert(0, SyncProblem("", "", ahead))
        if progress is not None:
            progress(SyncProgress(len(result.jobs), len(result.jobs), len(result.frame), PHASE_ARCHIVING))
        listed = None if result.cancelled else options.sources
        stats: StoreStats | None = None
        try:
            try:
                stats = self.archive.store(result, listed, cancel=None if result.cancelled else cancel)
            except SyncCancelled:
                logger.info("Saving the sync was cancelled: the archive is as before it")
                result = dataclasses.replace(result, cancelled=True)
            if stats is not None and stats.rows_new:
                self.archive.compact(cancel)
                self._keep_patterns()
            frame = (
                self.archive.load() if history else self.archive.load(since=result.since, until=result.until)
            )
        except ArchiveError as exc:
            raise ArchiveStoreFailed(str(exc), result) from exc
        logger.info("Sync archived: %d new rows, %d shown", stats.rows_new if stats else 0, len(frame))
        return ArchiveSyncResult(frame=frame, sync=result, stats=stats, details=self.archive.details)

    def _keep_patterns(self) -> None:
        """The new messages' patterns, kept for grouping; a failure here loses nothing stored."""
        try:
            self.archive.message_patterns()
        except ArchiveError as exc:
            logger.warning("message patterns not kept (grouping will compute them): %s", exc)

    def _prepare_store(self) -> None:
        try:
            self.archive.prepare_store()
        except ArchiveError as exc:  # the store reports it, in words, if it persists
            logger.debug("Could not prepare the archive's store: %s", exc)

    def _store_partial(self, partial: SyncResult) -> None:
        """Keep what a failed sync read; the sync's own failure is what the user must see."""
        try:
            self.archive.store(partial)
        except ArchiveError as exc:
            logger.warning("Could not archive the partial result of a failed sync: %s", exc)

    def _incremental(self, options: SyncOptions) -> SyncOptions:
        """`options` with the archive's finished jobs to skip and its anchor (the last successful
        start, or that of a sync the API limit cut short), else the caller's (the settings')."""
        skip = {**self.archive.finished_jobs(), **options.skip_jobs}
        anchor, _ahead = self.archive.sync_anchor()
        last_start = anchor or options.last_success_start
        return dataclasses.replace(options, skip_jobs=skip, last_success_start=last_start)
