"""The demo org's job catalogue: every job's metadata, built at start-up in milliseconds.

Only metadata lives here (ids, states, dates, counts). The CSV bodies are generated lazily
by `records.RecordFactory` from (seed, job index), so a million errors cost nothing until read.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime, timedelta

import numpy as np

from syncerr_gui.demo_org import error_texts, values
from syncerr_gui.demo_org.config import DemoConfig
from syncerr_gui.demo_org.ids import sf_id
from syncerr_gui.demo_org.jobs import ApexJob, Bulk2Job, ClassicBatch, ClassicJob

logger = logging.getLogger(__name__)

# (display name, user-id number, objects it syncs)
INTEGRATION_USERS = (
    ("Marketo Sync", 101, ("Lead", "Contact", "CampaignMember")),
    ("Data Loader", 102, ("Lead", "Contact", "Account", "Opportunity", "CampaignMember")),
    ("ETL Service", 103, ("Account", "Opportunity", "Contact")),
)
_GUARANTEED = (
    "complete_fail",
    "failed_msg",
    "aborted",
    "complete_clean",
    "open",
    "failed_nomsg",
    "complete_fail",
    "upload",
    "failed_partial",
    "progress",
    "complete_fail",
)
_KINDS = (
    "complete_fail",
    "complete_clean",
    "failed_msg",
    "failed_nomsg",
    "failed_partial",
    "aborted",
    "open",
    "upload",
    "progress",
)
_KIND_P = (0.58, 0.16, 0.06, 0.02, 0.04, 0.06, 0.02, 0.02, 0.04)
_STATE = {
    "complete_fail": "JobComplete",
    "complete_clean": "JobComplete",
    "failed_msg": "Failed",
    "failed_nomsg": "Failed",
    "failed_partial": "Failed",
    "aborted": "Aborted",
    "open": "Open",
    "upload": "UploadComplete",
    "progress": "InProgress",
}
_RECORD_KINDS = ("complete_fail", "failed_partial")
_API_VERSIONS = (57.0, 58.0, 59.0, 60.0, 61.0, 62.0)


def user_id(number: int) -> str:
    """The 18-character id of demo user `number`."""
    return sf_id("005", number)


class JobCatalog:
    """All jobs of the demo org, deterministic from the config's seed and `now`."""

    def __init__(self, config: DemoConfig, now: datetime) -> None:
        self.config = config
        self.now = now.replace(microsecond=0)
        rng = np.random.default_rng([config.seed, 1])
        kinds = _bulk2_kinds(config.bulk2_jobs, rng)
        batch_plan = _classic_batch_states(config.classic_jobs, rng)
        failing_batches = sum(s == "Completed" for states in batch_plan for s in states)
        bulk2_slots = sum(k in _RECORD_KINDS for k in kinds)
        b2_total, c_total = _split_errors(config.record_errors, bulk2_slots, failing_batches)
        b2_counts = iter(_spread(b2_total, bulk2_slots, rng))
        c_counts = iter(_spread(c_total, failing_batches, rng))
        self.bulk2: list[Bulk2Job] = []
        pipe_rank = 0
        for index, kind in enumerate(kinds):
            failed = next(b2_counts) if kind in _RECORD_KINDS else 0
            job = self._bulk2_job(index, kind, failed, pipe_rank, rng)
            pipe_rank += kind in _RECORD_KINDS
            self.bulk2.append(job)
        self.classic = [self._classic_job(i, states, c_counts, rng) for i, states in enumerate(batch_plan)]
        self.apex = self._apex_jobs(rng)
        self.bulk2_by_id = {job.id: job for job in self.bulk2}
        self.classic_by_id = {job.id: job for job in self.classic}

    def _when(self, rng: np.random.Generator) -> tuple[datetime, datetime]:
        """A (created, finished) pair inside the last `days` days."""
        span = max(int(self.config.days * 86400) - 1800, 60)
        created = self.now - timedelta(seconds=int(rng.integers(60, span)) + 900)
        return created, created + timedelta(seconds=int(rng.integers(5, 900)))

    def _shape(self, rng: np.random.Generator) -> tuple[str, str, str, str | None, tuple[str, ...]]:
        """Pick (user id, object, operation, external id field, columns) for a job."""
        _, number, objects = INTEGRATION_USERS[int(rng.integers(0, len(INTEGRATION_USERS)))]
        obj = objects[int(rng.integers(0, len(objects)))]
        ops = ["insert", "update", "delete"] + (["upsert", "upsert"] if obj in ("Lead", "Contact") else [])
        operation = ops[int(rng.integers(0, len(ops)))]
        base = tuple(name for name, _ in values.COLUMNS[obj])
        if operation == "delete":
            return user_id(number), obj, operation, None, ("Id",)
        if operation == "upsert":
            return user_id(number), obj, operation, values.UPSERT_KEY, (values.UPSERT_KEY, *base)
        source = values.SOURCE_COLUMN.get(obj) if rng.random() < 0.7 else None
        head = ("Id",) if operation == "update" else ()
        return user_id(number), obj, operation, None, (*head, *base, *((source,) if source else ()))

    def _bulk2_job(self, index: int, kind: str, failed: int, rank: int, rng: np.random.Generator) -> Bulk2Job:
        created_by, obj, operation, ext, columns = self._shape(rng)
        created, finished = self._when(rng)
        state = _STATE[kind]
        unfinished = kind in ("open", "upload", "progress")
        pipe = kind in _RECORD_KINDS and rank % 8 in (3, 6)
        processed = (
            0 if unfinished or kind == "failed_msg" else failed + int(rng.integers(0, 3 * failed + 40))
        )
        message = None
        if kind in ("failed_msg", "failed_partial"):
            message = error_texts.BULK2_JOB_ERRORS[int(rng.integers(0, len(error_texts.BULK2_JOB_ERRORS)))]
        return Bulk2Job(
            index=index,
            id=sf_id("750", 10_000 + index),
            operation=operation,
            object=obj,
            created_by=created_by,
            created=created,
            modstamp=created + timedelta(seconds=2) if unfinished else finished,
            state=state,
            api_version=_API_VERSIONS[int(rng.integers(0, len(_API_VERSIONS)))],
            line_ending="CRLF" if rng.random() < 0.15 else "LF",
            column_delimiter="PIPE" if pipe else "COMMA",
            answer_delimiter="|" if rank % 8 == 3 else ",",
            header_quoted=rank % 2 == 1,
            columns=columns,
            external_id=ext,
            error_message=message,
            failed=failed,
            processed=processed,
            unprocessed=int(rng.integers(1, 12))
            if kind in ("failed_partial", "aborted", "failed_msg")
            else 0,
        )

    def _classic_job(
        self, index: int, states: list[str], counts: Iterator[int], rng: np.random.Generator
    ) -> ClassicJob:
        created_by, obj, operation, ext, columns = self._shape(rng)
        created, finished = self._when(rng)
        job_id = sf_id("750", 500_000 + index)
        batches = []
        for b, planned in enumerate(states):
            failed = next(counts) if planned == "Completed" else 0
            state = "Completed" if planned == "Clean" else planned
            rows = failed + int(rng.integers(1, failed // 2 + 15)) if state == "Completed" else 0
            message = None
            if state == "Failed":
                message = error_texts.CLASSIC_BATCH_ERRORS[
                    int(rng.integers(0, len(error_texts.CLASSIC_BATCH_ERRORS)))
                ]
            batches.append(
                ClassicBatch(
                    index=b,
                    id=sf_id("751", 500_000 + index * 100 + b),
                    state=state,
                    state_message=message,
                    rows=rows,
                    failed=failed,
                    created=created + timedelta(seconds=b),
                    modstamp=finished,
                )
            )
        return ClassicJob(
            index=index,
            id=job_id,
            operation=operation,
            object=obj,
            created_by=created_by,
            created=created,
            modstamp=finished,
            state="Closed",
            api_version=_API_VERSIONS[int(rng.integers(0, len(_API_VERSIONS)))],
            header_quoted=index % 2 == 0,
            columns=columns,
            external_id=ext,
            batches=tuple(batches),
        )

    def _apex_jobs(self, rng: np.random.Generator) -> list[ApexJob]:
        jobs = []
        total = self.config.apex_jobs + max(1, self.config.apex_jobs // 2)  # plus clean ones
        for index in range(total):
            cls_name, job_type = error_texts.APEX_CLASSES[index % len(error_texts.APEX_CLASSES)]
            created, finished = self._when(rng)
            items = int(rng.integers(1, 400))
            if index < self.config.apex_jobs:
                status, extended = error_texts.APEX_FAILURES[index % len(error_texts.APEX_FAILURES)]
                errors = int(rng.integers(1, min(items, 50) + 1)) if status != "Aborted" else 0
            else:
                status, extended, errors = "Completed", None, 0
            number = INTEGRATION_USERS[index % len(INTEGRATION_USERS)][1]
            jobs.append(
                ApexJob(
                    id=sf_id("707", 20_000 + index),
                    class_id=sf_id("01p", 300 + index % 6),
                    class_name=cls_name,
                    job_type=job_type,
                    status=status,
                    extended_status=extended,
                    number_of_errors=errors,
                    items_processed=items if status != "Aborted" else items // 2,
                    total_items=items,
                    created=created,
                    completed=finished,
                    created_by=user_id(number),
                )
            )
        return jobs


def _bulk2_kinds(count: int, rng: np.random.Generator) -> list[str]:
    """Job kinds: the guaranteed variety first (so small orgs have every case), then random."""
    kinds = list(_GUARANTEED[:count])
    extra = count - len(kinds)
    if extra > 0:
        kinds += list(rng.choice(_KINDS, size=extra, p=_KIND_P))
    order = rng.permutation(len(kinds))
    return [str(kinds[i]) for i in order]


def _classic_batch_states(count: int, rng: np.random.Generator) -> list[list[str]]:
    """Planned batch states per Bulk 1.0 job ("Clean" = Completed without failures).

    Every fourth job is clean, one in three has a Failed batch, one in five a NotProcessed one.
    """
    plans = []
    for index in range(count):
        size = int(rng.integers(1, 5))
        states = ["Completed"] * size
        if index % 4 == 3:
            states = ["Clean"] * size
        elif index % 3 == 1:
            states[-1] = "Failed"
        if index % 5 == 2:
            states.append("NotProcessed")
        plans.append(states)
    return plans


def _split_errors(total: int, bulk2_slots: int, classic_slots: int) -> tuple[int, int]:
    """Share record errors: about 10 % to Bulk 1.0 when both kinds of slot exist."""
    if bulk2_slots == 0:
        return 0, total if classic_slots else 0
    if classic_slots == 0:
        return total, 0
    classic = max(classic_slots, round(total * 0.1)) if total >= bulk2_slots + classic_slots else total // 10
    return total - classic, classic


def _spread(total: int, slots: int, rng: np.random.Generator) -> list[int]:
    """Split `total` over `slots` with skewed (lognormal) weights; every slot gets one if it can."""
    if slots == 0:
        return []
    weights = rng.lognormal(0.0, 1.0, slots)
    weights /= weights.sum()
    base = 1 if total >= slots else 0
    counts = rng.multinomial(total - base * slots, weights) + base
    return [int(c) for c in counts]
