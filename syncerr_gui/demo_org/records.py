"""Lazily generated job data: input rows, errors and the CSV bodies the endpoints serve.

Each job's rows are a pure function of (seed, job), built with pyarrow compute (no per-row
Python), so bodies can be generated on first read and cached as bytes.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from syncerr_gui.demo_org import error_texts, reference_rows, values
from syncerr_gui.demo_org.ids import sf_ids
from syncerr_gui.demo_org.jobs import Bulk2Job, ClassicBatch, ClassicJob

logger = logging.getLogger(__name__)

_DELETE_CODES = (
    "ENTITY_IS_DELETED",
    "INSUFFICIENT_ACCESS_OR_READONLY",
    "UNABLE_TO_LOCK_ROW",
    "INVALID_CROSS_REFERENCE_KEY",
    "UNKNOWN_EXCEPTION",
)
_POOLS = {name: pa.array(pool, pa.string()) for name, pool in values.POOLS.items()}


@dataclass(frozen=True)
class JobRows:
    """Rows of one job (or batch): input columns in header order, and per-row outcome."""

    header: tuple[str, ...]
    columns: tuple[pa.Array, ...]
    errors: pa.Array  # sf__Error / Error text, "" for rows that succeeded
    ids: pa.Array  # sf__Id / Id
    success: np.ndarray  # bool per row (all False for failedResults rows)

    def __len__(self) -> int:
        return len(self.errors)


def _quoted(array: pa.Array) -> pa.Array:
    return pc.binary_join_element_wise('"', pc.replace_substring(array, '"', '""'), '"', "")


def csv_body(header: list[str], quote_header: list[bool], columns: list[pa.Array], delimiter: str) -> bytes:
    """A CSV body: header cells quoted per flag, every data value quoted, LF line ends."""
    head = delimiter.join('"' + h + '"' if q else h for h, q in zip(header, quote_header)) + "\n"
    if not columns or len(columns[0]) == 0:
        return head.encode("utf-8")
    lines = pc.binary_join_element_wise(*[_quoted(c) for c in columns], delimiter)
    joined = pc.binary_join(pa.ListArray.from_arrays(pa.array([0, len(lines)], pa.int32()), lines), "\n")
    body: str = joined[0].as_py()
    return (head + body + "\n").encode("utf-8")


class RecordFactory:
    """Generates and caches the rows and CSV bodies of every job, deterministically."""

    def __init__(self, seed: int, now: datetime | None = None) -> None:
        self.seed = seed
        self.now = now  # what "days ago" is measured from (phased causes); None: no phases
        self._cache: dict[tuple[str, ...], bytes] = {}
        self._locks: dict[tuple[str, ...], threading.Lock] = {}
        self._guard = threading.Lock()

    # -- rows ---------------------------------------------------------------------------------
    def bulk2_failed_rows(self, job: Bulk2Job) -> JobRows:
        """The rows of a Bulk 2.0 job's failedResults."""
        rng = np.random.default_rng([self.seed, 2, job.index])
        columns = self._values(job.object, job.columns, job.failed, job.index * 3_000_000, rng)
        if job.error_text is not None:
            errors = pa.array([job.error_text] * job.failed, pa.string())
        else:
            errors = self._errors(job.object, job.operation, job.failed, rng, job.modstamp)
        columns = reference_rows.explain(job.object, job.columns, columns, errors, [self.seed, 2, job.index])
        ids = self._result_ids(job.operation, job.object, job.columns, columns, job.failed, rng)
        return JobRows(job.columns, tuple(columns), errors, ids, np.zeros(job.failed, dtype=bool))

    def bulk2_unprocessed_rows(self, job: Bulk2Job) -> JobRows:
        """Rows a Failed/Aborted job never got to."""
        rng = np.random.default_rng([self.seed, 3, job.index])
        columns = self._values(
            job.object, job.columns, job.unprocessed, job.index * 3_000_000 + 2_000_000, rng
        )
        empty = pa.array([""] * job.unprocessed, pa.string())
        return JobRows(job.columns, tuple(columns), empty, empty, np.zeros(job.unprocessed, dtype=bool))

    def classic_rows(self, job: ClassicJob, batch: ClassicBatch) -> JobRows:
        """All rows of a Bulk 1.0 batch in request order; exactly `batch.failed` of them failed."""
        rng = np.random.default_rng([self.seed, 4, job.index, batch.index])
        n = batch.rows
        base = 1_000_000_000 + job.index * 10_000_000 + batch.index * 1_000_000
        columns = self._values(job.object, job.columns, n, base, rng)
        failed = np.zeros(n, dtype=bool)
        failed[rng.choice(n, size=batch.failed, replace=False)] = True
        errors = self._errors(job.object, job.operation, n, rng, job.modstamp)
        errors = pc.if_else(pa.array(failed), errors, "")
        columns = reference_rows.explain(
            job.object, job.columns, columns, errors, [self.seed, 4, job.index, batch.index]
        )
        ids = self._result_ids(job.operation, job.object, job.columns, columns, n, rng)
        new = pa.array(sf_ids(values.KEY_PREFIX[job.object], base + np.arange(n)), pa.string())
        ids = pc.if_else(pa.array(failed), ids, pc.if_else(pc.equal(ids, ""), new, ids))
        return JobRows(job.columns, tuple(columns), errors, ids, ~failed)

    # -- bodies -------------------------------------------------------------------------------
    def bulk2_failed_csv(self, job: Bulk2Job) -> bytes:
        """failedResults body: `"sf__Id","sf__Error",` + the original header, values quoted."""
        return self._cached(("b2f", job.id), lambda: self._bulk2_failed_csv(job))

    def bulk2_unprocessed_csv(self, job: Bulk2Job) -> bytes:
        """unprocessedrecords body: the original header and rows."""

        def build() -> bytes:
            rows = self.bulk2_unprocessed_rows(job)
            quote = [job.header_quoted] * len(rows.header)
            return csv_body(list(rows.header), quote, list(rows.columns), job.answer_delimiter)

        return self._cached(("b2u", job.id), build)

    def classic_result_csv(self, job: ClassicJob, batch: ClassicBatch) -> bytes:
        """Batch result: `"Id","Success","Created","Error"` in request order."""
        return self._cached(("c1r", batch.id), lambda: self._classic_result_csv(job, batch))

    def classic_request_csv(self, job: ClassicJob, batch: ClassicBatch) -> bytes:
        """Batch request: the original input CSV."""

        def build() -> bytes:
            rows = self.classic_rows(job, batch)
            quote = [job.header_quoted] * len(rows.header)
            return csv_body(list(rows.header), quote, list(rows.columns), ",")

        return self._cached(("c1q", batch.id), build)

    def _bulk2_failed_csv(self, job: Bulk2Job) -> bytes:
        rows = self.bulk2_failed_rows(job)
        header = ["sf__Id", "sf__Error", *rows.header]
        quote = [True, True, *([job.header_quoted] * len(rows.header))]
        return csv_body(header, quote, [rows.ids, rows.errors, *rows.columns], job.answer_delimiter)

    def _classic_result_csv(self, job: ClassicJob, batch: ClassicBatch) -> bytes:
        rows = self.classic_rows(job, batch)
        success = pa.array(rows.success)
        created = pc.and_(success, pa.scalar(job.operation in ("insert", "upsert")))
        text = [pc.if_else(success, "true", "false"), pc.if_else(created, "true", "false")]
        return csv_body(
            ["Id", "Success", "Created", "Error"], [True] * 4, [rows.ids, *text, rows.errors], ","
        )

    def _cached(self, key: tuple[str, ...], build: Callable[[], bytes]) -> bytes:
        with self._guard:
            body = self._cache.get(key)
            if body is not None:
                return body
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:  # one thread builds a body; the others wait for it
            body = self._cache.get(key)
            if body is None:
                body = build()
                with self._guard:
                    self._cache[key] = body
            return body

    # -- values -------------------------------------------------------------------------------
    def _values(
        self, obj: str, header: tuple[str, ...], n: int, base: int, rng: np.random.Generator
    ) -> list[pa.Array]:
        kinds = dict(values.COLUMNS[obj])
        numbers = base + np.arange(n, dtype=np.int64)
        again = np.random.default_rng([self.seed, 9, base, n])  # apart: the main stream stays as it was
        recurring = again.random(n) < error_texts.RECURRING_SHARE
        numbers[recurring] = error_texts.RECURRING_BASE + again.integers(
            0, error_texts.RECURRING_RECORDS, int(recurring.sum())
        )
        out = []
        for name in header:
            kind = kinds.get(name, name)
            if name == "Id":
                out.append(pa.array(sf_ids(values.KEY_PREFIX[obj], numbers), pa.string()))
            elif kind in _POOLS:
                out.append(_POOLS[kind].take(pa.array(rng.integers(0, len(_POOLS[kind]), n))))
            elif kind.startswith("#id:"):
                out.append(pa.array(sf_ids(kind[4:], rng.integers(0, 10**9, n)), pa.string()))
            else:
                out.append(_source_ids(name, numbers))
        return out

    def _errors(
        self, obj: str, operation: str, n: int, rng: np.random.Generator, finished: datetime
    ) -> pa.Array:
        age_days = (self.now - finished).total_seconds() / 86400 if self.now is not None else None
        texts, weights = _templates(obj, operation, age_days)
        pool = pa.array(texts, pa.string())
        errors = pool.take(pa.array(rng.choice(len(texts), size=n, p=weights)))
        for text in (t for t in texts if error_texts.ID_PLACEHOLDER in t):
            before, after = text.split(error_texts.ID_PLACEHOLDER, 1)
            ids = pa.array(sf_ids(values.KEY_PREFIX.get(obj, "00Q"), rng.integers(0, 10**9, n)), pa.string())
            own = pc.binary_join_element_wise(before, ids, after, "")
            errors = pc.if_else(pc.equal(errors, text), own, errors)
        return errors

    def _result_ids(
        self,
        operation: str,
        obj: str,
        header: tuple[str, ...],
        columns: list[pa.Array],
        n: int,
        rng: np.random.Generator,
    ) -> pa.Array:
        if "Id" in header:
            return columns[header.index("Id")]
        if operation == "upsert":
            existing = pa.array(sf_ids(values.KEY_PREFIX[obj], rng.integers(0, 10**9, n)), pa.string())
            return pc.if_else(pa.array(rng.random(n) < 0.3), existing, "")
        return pa.array(np.full(n, "", dtype=object), pa.string())


def _source_ids(name: str, numbers: np.ndarray) -> pa.Array:
    """Ids of the sending system: Marketo numbers, ERP codes."""
    text = pc.cast(pa.array(numbers + 1_000_000), pa.string())
    if name == "External_Id__c":
        return pc.binary_join_element_wise("ERP-", text, "")
    if name == "Source_Id__c":
        return pc.binary_join_element_wise("SRC-", text, "")
    return text


def _templates(obj: str, operation: str, age_days: float | None = None) -> tuple[list[str], np.ndarray]:
    """The error texts that fit an object, an operation and a job's age, with normalised weights."""
    if operation == "delete":
        chosen = [(t, w) for _, t, w in error_texts.ERRORS if t.split(":", 1)[0] in _DELETE_CODES]
    else:
        chosen = [(t, w) for objs, t, w in error_texts.ERRORS if objs == "*" or obj in objs.split(",")]
        if age_days is not None:
            chosen += [
                (t, w)
                for objs, t, w, phase, days in error_texts.PHASED_ERRORS
                if obj in objs.split(",") and ((age_days > days) if phase == "until" else (age_days <= days))
            ]
    weights = np.array([w for _, w in chosen], dtype=float)
    return [t for t, _ in chosen], weights / weights.sum()
