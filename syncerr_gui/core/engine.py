"""SyncEngine: lists the org's jobs, reads them in a bounded pool, and builds the error frame.

One job that cannot be read becomes a `SyncProblem` and the others are kept; failing to
list jobs at all, or a session that cannot be renewed, is a `SyncError`. Cancel is
polled every fraction of a second: the engine returns what was complete without waiting
for a stuck download (its worker ends on its own timeout).
"""

from __future__ import annotations

import logging
import queue
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime, timezone
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import simple_salesforce

from syncerr_gui.core.apex import ApexReader
from syncerr_gui.core.bulk1 import Bulk1Reader
from syncerr_gui.core.bulk2 import Bulk2Reader, in_window, summary_of
from syncerr_gui.core.org_client import OrgClient, RetryPolicy
from syncerr_gui.core.schema import COLUMNS, SOURCE_APEX, SOURCE_BULK1, SOURCE_BULK2, TIME_COLUMNS, make_frame
from syncerr_gui.core.sync_types import (DEFAULT_SOURCE_ID_COLUMNS, PHASE_DONE, PHASE_LISTING,
                                         PHASE_READING, CancelToken, FramePart, JobOutcome, JobSummary,
                                         RequestFailed, SessionExpired, SyncCancelled, SyncError,
                                         SyncOptions, SyncProblem, SyncProgress, SyncResult)
from syncerr_gui.core.results_csv import arrow_text, row_keys
from syncerr_gui.core.sf_error import split_error_array
from syncerr_gui.core.time_window import as_utc, default_since

logger = logging.getLogger(__name__)

__all__ = ["DEFAULT_SOURCE_ID_COLUMNS", "CancelToken", "JobSummary", "SessionExpired", "SyncCancelled",
           "SyncEngine", "SyncError", "SyncOptions", "SyncProblem", "SyncProgress", "SyncResult"]

POLL_SECONDS = 0.1
BulkReader = Bulk2Reader | Bulk1Reader
_Handler = Callable[[Future[Any], tuple[str, str]], None]


class SyncEngine:
    """Reads every error of the org's sync jobs; one instance per logged-in org."""

    def __init__(self, sf: simple_salesforce.Salesforce, *, reauthenticate: Callable[[], str] | None = None,
                 timeout: tuple[float, float] = (10, 60), retry: RetryPolicy | None = None) -> None:
        self._sf = sf
        self._reauthenticate = reauthenticate
        self._timeout = timeout
        self._retry = retry

    def run(self, options: SyncOptions = SyncOptions(),
            progress: Callable[[SyncProgress], None] | None = None,
            cancel: CancelToken | None = None) -> SyncResult:
        """One sync. Returns (also when cancelled) or raises `SyncError` with a sentence."""
        cancel = cancel or CancelToken()
        client = OrgClient(self._sf, self._reauthenticate, self._timeout, cancel, self._retry)
        return _Run(client, options, progress, cancel).execute()


class _Run:
    """The state of one sync: what is pending, what was read, what went wrong."""

    def __init__(self, client: OrgClient, options: SyncOptions,
                 progress: Callable[[SyncProgress], None] | None, cancel: CancelToken) -> None:
        self.client, self.options, self.progress, self.cancel = client, options, progress, cancel
        self.started_at = datetime.now(timezone.utc)
        self.since = as_utc(options.since) if options.since else default_since(options.last_success_start,
                                                                                self.started_at)
        self.until = as_utc(options.until) if options.until else None
        self.builder = FrameBuilder()
        self.problems: list[SyncProblem] = []
        self.jobs: dict[tuple[str, str], JobSummary] = {}
        self.done = self.total = self.rows = 0
        self.pool = ThreadPoolExecutor(max(1, options.max_workers), thread_name_prefix="sync")
        self.pending: dict[Future[Any], tuple[tuple[str, str], _Handler]] = {}
        self.finished: queue.SimpleQueue[Future[Any]] = queue.SimpleQueue()

    def execute(self) -> SyncResult:
        try:
            self._report(PHASE_LISTING)
            self._list_and_submit()
            self._report(PHASE_READING)
            self._drain(lambda: not self.pending)
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
        """List both Bulk APIs in parallel (failure = SyncError); the Apex query runs as a job."""
        readers: list[BulkReader] = []
        sources = self.options.sources
        columns = self.options.source_id_columns
        if SOURCE_BULK2 in sources:
            readers.append(Bulk2Reader(self.client, columns))
        if SOURCE_BULK1 in sources:
            readers.append(Bulk1Reader(self.client, columns))
        if SOURCE_APEX in sources:
            self._submit(ApexReader(self.client).read, (SOURCE_APEX, ""), self.since, self.until)
        listings = {self._start(r.list_jobs, (r.source, ""), self._listing_done): r for r in readers}
        self._drain(lambda: not any(f in self.pending for f in listings))
        for future, reader in listings.items():
            self._submit_jobs(reader, future.result())

    def _submit_jobs(self, reader: BulkReader, listed: list[dict[str, Any]]) -> None:
        stamps = [str(job.get("systemModstamp") or "") for job in listed]
        inside = in_window(stamps, self.since, self.until)
        for job, stamp, wanted in zip(listed, stamps, inside):
            finished = reader.is_finished(job)
            summary = summary_of(job, reader.source, finished=finished)
            self.jobs[(reader.source, summary.job_id)] = summary
            skipped = self.options.skip_jobs.get(summary.job_id) == stamp and stamp != ""
            if wanted and reader.is_readable(job) and not skipped:
                self._submit(reader.read_job, (reader.source, summary.job_id), job)

    def _submit(self, fn: Callable[..., JobOutcome], key: tuple[str, str], *args: Any) -> None:
        """Queue one job read; it counts towards the progress total."""
        self._start(fn, key, self._job_done, *args)
        self.total += 1

    def _start(self, fn: Callable[..., Any], key: tuple[str, str], handler: _Handler,
               *args: Any) -> Future[Any]:
        future = self.pool.submit(fn, *args)
        self.pending[future] = (key, handler)
        future.add_done_callback(self.finished.put)
        return future

    def _drain(self, until: Callable[[], bool]) -> None:
        """Handle finished work as it arrives, waking every fraction of a second to see cancel."""
        while not until():
            self.cancel.raise_if_cancelled()
            try:
                future = self.finished.get(timeout=POLL_SECONDS)
            except queue.Empty:
                continue
            self.cancel.raise_if_cancelled()
            key, handler = self.pending.pop(future)
            handler(future, key)

    def _listing_done(self, future: Future[Any], key: tuple[str, str]) -> None:
        exc = future.exception()
        if isinstance(exc, SyncCancelled | SessionExpired):
            raise exc
        if isinstance(exc, RequestFailed):
            raise SyncError(f"Could not list the org's {key[0]} jobs: {exc}")
        if exc is not None:
            logger.error("Listing %s jobs failed", key[0], exc_info=exc)
            raise SyncError(f"Could not list the org's {key[0]} jobs (unexpected {type(exc).__name__}).")

    def _job_done(self, future: Future[Any], key: tuple[str, str]) -> None:
        source, job_id = key
        exc = future.exception()
        if isinstance(exc, SyncCancelled | SessionExpired):
            raise exc
        if exc is not None:
            self.problems.append(SyncProblem(source, job_id, _reason(exc)))
        else:
            outcome: JobOutcome = future.result()
            self.builder.add(outcome.parts)
            self.rows += outcome.rows
            for summary in outcome.summaries:
                self.jobs[(summary.source, summary.job_id)] = summary
        self.done += 1
        self._report(PHASE_READING)

    def _report(self, phase: str) -> None:
        if self.progress is not None:
            self.progress(SyncProgress(self.done, self.total, self.rows, phase))

    def _result(self, *, cancelled: bool) -> SyncResult:
        frame = self.builder.frame()
        return SyncResult(frame=frame, problems=list(self.problems), jobs=list(self.jobs.values()),
                          since=self.since, until=self.until, started_at=self.started_at,
                          finished_at=datetime.now(timezone.utc), cancelled=cancelled,
                          api_usage=self.client.api_usage, requests_made=self.client.requests_made)


def _reason(exc: BaseException) -> str:
    """A job's failure in words; unexpected errors are logged in full and named briefly."""
    if isinstance(exc, RequestFailed | ValueError):
        return str(exc)
    logger.error("Reading a job failed unexpectedly", exc_info=exc)
    return f"The app could not read this job (unexpected {type(exc).__name__})."


BLOCK_ROWS = 65_536


class FrameBuilder:
    """Turns job parts into the error frame a block at a time, while the sync still downloads.

    Every ~64k rows the pending parts are packed into one block: their error texts split
    in one vectorised pass, row keys hashed, per-job constants repeated, text joined into
    single Arrow arrays. Arrow kernels release the GIL, so this overlaps the workers'
    downloads, and the per-job arrays are freed early (lower peak memory).
    """

    def __init__(self) -> None:
        self._pending: list[FramePart] = []
        self._pending_rows = 0
        self._blocks: list[dict[str, Any]] = []
        self.rows = 0

    def add(self, parts: list[FramePart]) -> None:
        for part in parts:
            if part.length:
                self._pending.append(part)
                self._pending_rows += part.length
                self.rows += part.length
        if self._pending_rows >= BLOCK_ROWS:
            self._pack()

    def frame(self) -> pd.DataFrame:
        """The error frame of everything added so far (blocks joined once, categoricals made once)."""
        self._pack()
        blocks, self._blocks = self._blocks, []
        columns: dict[str, Any] = {}
        for name in COLUMNS:
            chunks = [block.pop(name) for block in blocks]
            if name in TIME_COLUMNS:
                joined = np.concatenate(chunks) if chunks else np.array([], dtype="datetime64[ns]")
                columns[name] = pd.Series(pd.to_datetime(joined, utc=True))
            else:
                # Blocks stay chunks (a dozen per million rows): no second copy of every text.
                text = pa.chunked_array(chunks, pa.large_string())
                columns[name] = pd.Series(pd.array(text, dtype="str"))
            del chunks
        return make_frame(columns, length=len(columns["job_id"]))

    def _pack(self) -> None:
        parts, self._pending, self._pending_rows = self._pending, [], 0
        if not parts:
            return
        _split_errors_of(parts)
        lengths = np.array([p.length for p in parts], dtype=np.int64)
        block: dict[str, Any] = {}
        for name in COLUMNS:
            values = [p.values.pop(name, "") for p in parts]
            join = _join_times if name in TIME_COLUMNS else _join_text
            block[name] = join(values, lengths)
        self._blocks.append(block)


def _split_errors_of(parts: list[FramePart]) -> None:
    """Set error_type/message/fields (and missing row keys) of record parts from their errors."""
    batch = [p for p in parts if p.errors is not None]
    if not batch:
        return
    errors = pa.chunked_array([p.errors for p in batch], pa.large_string()).combine_chunks()
    split = split_error_array(errors)
    keyless = [p for p in batch if "row_key" not in p.values]
    keys = _row_keys(keyless)
    offset = 0
    for part in batch:
        for name, array in zip(("error_type", "message", "fields"), split):
            part.values[name] = array.slice(offset, part.length)
        offset += part.length
    offset = 0
    for part in keyless:
        part.values["row_key"] = keys.slice(offset, part.length)
        offset += part.length
    for part in batch:
        part.errors = None


def _row_keys(parts: list[FramePart]) -> pa.Array:
    """Hash-and-counter row keys of the given parts (counted per part), all at once."""
    if not parts:
        return pa.array([], pa.large_string())
    errors = pa.chunked_array([p.errors for p in parts], pa.large_string())
    inputs = pa.chunked_array([p.values["input_row"] for p in parts], pa.large_string())
    owner = np.repeat(np.arange(len(parts)), [p.length for p in parts])
    return row_keys(errors, inputs, group=owner)


def _join_text(values: list[Any], lengths: np.ndarray) -> pa.Array:
    """One Arrow string array from per-part arrays/Series or constants."""
    if not any(isinstance(v, pa.Array | pd.Series) for v in values):
        owners = np.repeat(np.arange(len(values)), lengths)
        return pc.take(pa.array([str(v) for v in values], pa.large_string()), owners)
    chunks = [v if isinstance(v, pa.Array) else arrow_text(v) if isinstance(v, pd.Series)
              else pa.repeat(pa.scalar(str(v), pa.large_string()), n)
              for v, n in zip(values, lengths.tolist())]
    return pa.chunked_array(chunks, pa.large_string()).combine_chunks()


def _join_times(values: list[Any], lengths: np.ndarray) -> np.ndarray:
    """Per-part timestamps (one per part, or a Series) as one naive-UTC datetime64[ns] array."""
    chunks = []
    for value, n in zip(values, lengths.tolist()):
        if isinstance(value, pd.Series):
            chunks.append(pd.to_datetime(value, utc=True, errors="coerce").dt.tz_localize(None)
                          .to_numpy("datetime64[ns]"))
        else:
            stamp = pd.Timestamp(value) if value not in ("", None) and value is not pd.NaT else pd.NaT
            if stamp is not pd.NaT and stamp.tzinfo is not None:
                stamp = stamp.tz_convert("UTC").tz_localize(None)
            chunks.append(np.full(n, np.datetime64("NaT") if stamp is pd.NaT else stamp.to_datetime64(),
                                  dtype="datetime64[ns]"))
    return np.concatenate(chunks) if chunks else np.array([], dtype="datetime64[ns]")
