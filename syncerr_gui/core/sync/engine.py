"""SyncEngine: lists the org's jobs, reads them in one pool, and builds the error frame.

Over the internet a sync is bound by round trips, so everything overlaps: both job lists
and the Apex query start at once, each list page's jobs are queued for reading as soon as
the page arrives, and Bulk 2.0, Bulk 1.0 and Apex share one pool whose requests in flight
follow the org's health (`salesforce.concurrency.AdaptiveLimit`). Progress says "at least"
while lists are still arriving.

One job that cannot be read becomes a `SyncProblem` and the others are kept; so does a job
list that breaks off after some pages (the jobs listed are read). A list that yields nothing,
or a session that cannot be renewed, is a `SyncError`. Cancel is polled every fraction of a
second: the engine returns what was complete without waiting for a stuck download (its
worker ends on its own timeout).
"""

from __future__ import annotations

import logging
import queue
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

import pyarrow as pa

from syncerr_gui.core.cancel import CancelToken, SyncCancelled
from syncerr_gui.core.exceptions import RequestFailed, SessionExpired, SyncError, failure_words
from syncerr_gui.core.frame.schema import SOURCE_APEX, SOURCE_BULK1, SOURCE_BULK2
from syncerr_gui.core.salesforce.apex import ApexReader
from syncerr_gui.core.salesforce.api_limit import DailyLimitExhausted
from syncerr_gui.core.salesforce.bulk1 import Bulk1Reader
from syncerr_gui.core.salesforce.bulk2 import Bulk2Reader
from syncerr_gui.core.salesforce.client import OrgClient, RetryPolicy
from syncerr_gui.core.salesforce.concurrency import START, AdaptiveLimit
from syncerr_gui.core.salesforce.http import DEFAULT_TIMEOUT, Timeouts
from syncerr_gui.core.salesforce.jobs import in_window, summary_of
from syncerr_gui.core.salesforce.parts import DEFAULT_SOURCE_ID_COLUMNS, JobOutcome, JobSummary
from syncerr_gui.core.salesforce.token_source import TokenSource
from syncerr_gui.core.sync.frame_builder import FrameBuilder
from syncerr_gui.core.sync.notes import api_limit_note
from syncerr_gui.core.sync.values import (
    PHASE_DONE,
    PHASE_LISTING,
    PHASE_READING,
    SyncOptions,
    SyncProblem,
    SyncProgress,
    SyncResult,
)
from syncerr_gui.core.time_window import as_utc, sync_start
from syncerr_gui.core.words import Words, say

logger = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_SOURCE_ID_COLUMNS",
    "CancelToken",
    "JobSummary",
    "SyncCancelled",
    "SyncEngine",
    "SyncOptions",
    "SyncProblem",
    "SyncProgress",
    "SyncResult",
]

POLL_SECONDS = 0.1
BulkReader = Bulk2Reader | Bulk1Reader
_Handler = Callable[[Future[Any], tuple[str, str]], None]
_Page = tuple[BulkReader, list[dict[str, Any]]]


class SyncEngine:
    """Reads every error of the org's sync jobs; one instance per logged-in org.

    `session` (an `OrgSession`) owns the token: the engine's requests read it and ask the
    session to renew it, never write it.
    """

    def __init__(
        self, session: TokenSource, *, timeout: Timeouts = DEFAULT_TIMEOUT, retry: RetryPolicy | None = None
    ) -> None:
        self._session = session
        self._timeout = timeout
        self._retry = retry
        use_lean_memory_pool()

    def run(
        self,
        options: SyncOptions = SyncOptions(),
        progress: Callable[[SyncProgress], None] | None = None,
        cancel: CancelToken | None = None,
    ) -> SyncResult:
        """One sync. Returns (also when cancelled) or raises `SyncError` with a sentence."""
        cancel = cancel or CancelToken()
        ceiling = max(1, options.max_workers)
        limit = AdaptiveLimit(ceiling=ceiling, start=min(START, ceiling))
        client = OrgClient(
            self._session, timeout=self._timeout, cancel=cancel, retry=self._retry, limit=limit
        )
        return _Run(client, options, progress, cancel).execute()


class _Run:
    """The state of one sync: what is pending, what was read, what went wrong."""

    def __init__(
        self,
        client: OrgClient,
        options: SyncOptions,
        progress: Callable[[SyncProgress], None] | None,
        cancel: CancelToken,
    ) -> None:
        self.client, self.options, self.progress, self.cancel = client, options, progress, cancel
        self.started_at = datetime.now(UTC)
        self.since, clamped = sync_start(options.since, options.last_success_start, self.started_at)
        self.until = as_utc(options.until) if options.until else None
        self.builder = FrameBuilder()
        # a problem without a source is a note on the whole sync (a clamped window, the API limit)
        self.problems: list[SyncProblem] = [SyncProblem("", "", clamped)] if clamped else []
        self.jobs: dict[tuple[str, str], JobSummary] = {}
        self.done = self.total = self.rows = self.older_jobs = 0
        self.unread: list[tuple[str, str]] = []  # not read: the org's daily API limit was used up
        self.list_cut = False  # a job list broke off at that limit
        self.listed: dict[str, int] = {}  # jobs listed so far, per source whose list is still open
        # threads: one per request in flight at the ceiling, plus the two listings
        self.pool = ThreadPoolExecutor(max(1, options.max_workers) + 2, thread_name_prefix="sync")
        self.pending: dict[Future[Any], tuple[tuple[str, str], _Handler]] = {}
        self.queued: deque[tuple[Callable[..., JobOutcome], tuple[str, str], tuple[Any, ...]]] = deque()
        self.reading = 0  # job reads handed to the pool and not finished yet
        self.finished: queue.SimpleQueue[Future[Any] | _Page] = queue.SimpleQueue()

    def execute(self) -> SyncResult:
        try:
            self._report(PHASE_LISTING)
            self._list_and_submit()
            self._drain(lambda: not self.pending and not self.queued)
            self._note_api_limit()
        except SyncCancelled:
            return self._result(cancelled=True)
        except SyncError as exc:
            exc.partial = self._result(cancelled=False)
            raise
        finally:
            self.pool.shutdown(wait=False, cancel_futures=True)
        result = self._result(cancelled=False)
        self._report(PHASE_DONE)
        return result

    def _list_and_submit(self) -> None:
        """Start the Apex query and both Bulk listings; each page's jobs are queued as it arrives."""
        sources = self.options.sources
        columns = self.options.source_id_columns
        if SOURCE_APEX in sources:
            self._submit(ApexReader(self.client).read, (SOURCE_APEX, ""), self.since, self.until)
        readers: list[BulkReader] = []
        if SOURCE_BULK2 in sources:
            readers.append(Bulk2Reader(self.client, columns))
        if SOURCE_BULK1 in sources:
            readers.append(Bulk1Reader(self.client, columns))
        for reader in readers:
            self.listed[reader.source] = 0
            self._start(self._list, (reader.source, ""), self._listing_done, reader)

    def _list(self, reader: BulkReader) -> None:
        """In a pool thread: hand each page to the engine's thread as soon as it arrives."""
        for page in reader.job_pages():
            self.finished.put((reader, page))

    def _submit_jobs(self, reader: BulkReader, listed: list[dict[str, Any]]) -> None:
        """Queue the reads of one page's jobs: only those in the window, readable and not archived."""
        self.listed[reader.source] = self.listed.get(reader.source, 0) + len(listed)
        stamps = [str(job.get("systemModstamp") or "") for job in listed]
        inside = in_window(stamps, self.since, self.until)
        recent = inside if self.until is None else in_window(stamps, self.since, None)
        for job, stamp, wanted, newer in zip(listed, stamps, inside, recent):
            finished = reader.is_finished(job)
            summary = summary_of(job, reader.source, finished=finished)
            self.jobs[(reader.source, summary.job_id)] = summary
            if not newer and summary.job_id not in self.options.skip_jobs:
                self.older_jobs += 1  # before the window and not archived: not read
            skipped = self.options.skip_jobs.get(summary.job_id) == stamp and stamp != ""
            if wanted and reader.is_readable(job) and not skipped:
                self._submit(reader.read_job, (reader.source, summary.job_id), job)
        self._report(PHASE_READING if self.total else PHASE_LISTING)

    def _submit(self, fn: Callable[..., JobOutcome], key: tuple[str, str], *args: Any) -> None:
        """Queue one job read; it counts towards the progress total."""
        self.queued.append((fn, key, args))
        self.total += 1
        self._feed()

    def _feed(self) -> None:
        """Start queued reads while fewer run than the in-flight limit allows. Handing the pool only what can run keeps its threads few when the
        limit is low: each thread that allocates keeps a malloc arena, so idle rotation
        through many threads would cost memory on a fast link."""
        while self.queued and self.client.daily_limit_hit:  # org-wide: asking again is useless
            _fn, key, _args = self.queued.popleft()
            self.unread.append(key)
            self.done += 1
        while self.queued and self.reading < self.client.limit.limit:
            fn, key, args = self.queued.popleft()
            self.reading += 1
            self._start(fn, key, self._job_done, *args)

    def _start(
        self, fn: Callable[..., Any], key: tuple[str, str], handler: _Handler, *args: Any
    ) -> Future[Any]:
        future = self.pool.submit(fn, *args)
        self.pending[future] = (key, handler)
        future.add_done_callback(self.finished.put)
        return future

    def _drain(self, until: Callable[[], bool]) -> None:
        """Handle finished work as it arrives, waking every fraction of a second to see cancel."""
        while not until():
            self.cancel.raise_if_cancelled()
            try:
                item = self.finished.get(timeout=POLL_SECONDS)
            except queue.Empty:
                continue
            self.cancel.raise_if_cancelled()
            if isinstance(item, tuple):
                self._submit_jobs(*item)
                continue
            key, handler = self.pending.pop(item)
            handler(item, key)

    def _listing_done(self, future: Future[Any], key: tuple[str, str]) -> None:
        """A list ended: fine; broken off after some jobs: one problem; nothing listed: SyncError."""
        source = key[0]
        listed = self.listed.pop(source, 0)
        exc = future.exception()
        if exc is None:
            self._report(PHASE_READING)
            return
        if isinstance(exc, SyncCancelled | SessionExpired):
            raise exc
        if isinstance(exc, DailyLimitExhausted):
            self.list_cut = True  # said once, with the jobs not read (`_note_api_limit`)
            return
        if not isinstance(exc, RequestFailed):
            logger.error("Listing %s jobs failed", source, exc_info=exc)
        if not listed:
            raise SyncError(_unlisted(source, exc))
        self.problems.append(SyncProblem(source, "", _list_cut(source, exc, listed)))
        self._report(PHASE_READING)

    def _job_done(self, future: Future[Any], key: tuple[str, str]) -> None:
        source, job_id = key
        exc = future.exception()
        if isinstance(exc, SyncCancelled | SessionExpired):
            raise exc
        if isinstance(exc, DailyLimitExhausted):
            self.unread.append(key)
        elif exc is not None:
            self.problems.append(SyncProblem(source, job_id, _reason(exc)))
        else:
            outcome: JobOutcome = future.result()
            self.builder.add(outcome.parts)
            self.rows += outcome.rows
            for summary in outcome.summaries:
                self.jobs[(summary.source, summary.job_id)] = summary
        self.done += 1
        self.reading -= 1
        self._feed()
        self._report(PHASE_READING)

    def _note_api_limit(self) -> None:
        """One note for every job the daily API limit left unread (not a problem per job);
        nothing listed or read at all is a `SyncError` in the same words."""
        if not (self.unread or self.list_cut):
            return
        if not self.jobs and not self.rows and not self.done - len(self.unread):
            raise SyncError(
                say(
                    "The org's daily API request limit is used up (403 REQUEST_LIMIT_EXCEEDED). "
                    "Nothing could be read; try again tomorrow."
                )
            )
        self.problems.append(SyncProblem("", "", api_limit_note(len(self.unread), self.list_cut)))

    def _report(self, phase: str) -> None:
        if self.progress is not None:
            final = not self.listed
            self.progress(SyncProgress(self.done, self.total, self.rows, phase, total_final=final))

    def _result(self, *, cancelled: bool) -> SyncResult:
        frame = self.builder.frame()
        return SyncResult(
            frame=frame,
            problems=list(self.problems),
            jobs=list(self.jobs.values()),
            since=self.since,
            until=self.until,
            started_at=self.started_at,
            finished_at=datetime.now(UTC),
            cancelled=cancelled,
            api_usage=self.client.api_usage,
            requests_made=self.client.requests_made,
            details=self.builder.details,
            older_jobs=self.older_jobs,
            unread_jobs=list(self.unread),
        )


def use_lean_memory_pool() -> None:
    """Make the system allocator pyarrow's default for this process (idempotent).

    A sync allocates and frees many short-lived Arrow buffers from several threads; with
    pyarrow's default mimalloc the process kept ~200 MB more at 1M rows and the sync ran
    ~15 % slower (fresh pages faulted in again and again). Buffers made before the switch
    stay with their own pool, so switching at any time is safe.
    """
    pool = pa.system_memory_pool()
    if pa.default_memory_pool().backend_name != pool.backend_name:
        pa.set_memory_pool(pool)
        logger.debug("Arrow memory pool: %s", pool.backend_name)


def _reason(exc: BaseException) -> str:
    """A job's failure in words; unexpected errors are logged in full and named briefly."""
    if isinstance(exc, RequestFailed | ValueError):
        return failure_words(exc)
    logger.error("Reading a job failed unexpectedly", exc_info=exc)
    return say("The app could not read this job (unexpected {kind}).", kind=type(exc).__name__)


def _unlisted(source: str, exc: BaseException) -> Words:
    """No job of `source` could be listed: the sync fails with why."""
    if isinstance(exc, RequestFailed):
        return say(
            "Could not list the org's {source} jobs: {reason}", source=source, reason=failure_words(exc)
        )
    return say(
        "Could not list the org's {source} jobs: unexpected {kind}.", source=source, kind=type(exc).__name__
    )


def _list_cut(source: str, exc: BaseException, listed: int) -> Words:
    """A job list of `source` broke off after `listed` jobs (those were read)."""
    if isinstance(exc, RequestFailed):
        return say(
            "Could not list every {source} job: {reason} The {listed:,} jobs listed before it were read.",
            source=source,
            reason=failure_words(exc),
            listed=listed,
        )
    return say(
        "Could not list every {source} job: unexpected {kind}. The {listed:,} jobs listed before it were read.",
        source=source,
        kind=type(exc).__name__,
        listed=listed,
    )
