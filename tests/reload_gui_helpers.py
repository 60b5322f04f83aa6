"""A stand-in reload runner with the real signature, for the dialog's tests (no org needed):
rows whose LeadSource is still "Webb" fail again with the same error, the rest succeed."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from syncerr_gui.core.cancel import CancelToken
from syncerr_gui.core.reload.batch import (
    ReloadBatch,
    ReloadOutcome,
    ReloadTarget,
    RowOutcome,
    RowResult,
)

BAD = "Webb"
PICKLIST_ERROR = "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST:Lead Source: bad value for restricted picklist field: Webb:LeadSource --"
REQUIRED_ERROR = "REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --"
JOB_ID = "750000000000001AAA"


def contact_batch() -> ReloadBatch:
    """Three picklist failures (one already fine) and one row missing its LastName."""
    return ReloadBatch(
        ReloadTarget("Contact", "upsert", "Email__c"),
        ("Email__c", "LastName", "LeadSource"),
        (
            ("a@example.com", "Ames", BAD),
            ("b@example.com", "Boyd", BAD),
            ("c@example.com", "Cole", BAD),
            ("d@example.com", "", "Web"),
        ),
        (PICKLIST_ERROR, PICKLIST_ERROR, PICKLIST_ERROR, REQUIRED_ERROR),
        ("k1", "k2", "k3", "k4"),
    )


def judge(batch: ReloadBatch, job_id: str = JOB_ID) -> ReloadOutcome:
    source = batch.columns.index("LeadSource") if "LeadSource" in batch.columns else -1
    last = batch.columns.index("LastName") if "LastName" in batch.columns else -1
    results = []
    for row, values in enumerate(batch.rows):
        if source >= 0 and values[source] == BAD:
            results.append(RowResult(row, RowOutcome.FAILED, error=PICKLIST_ERROR))
        elif last >= 0 and not values[last]:
            results.append(RowResult(row, RowOutcome.FAILED, error=REQUIRED_ERROR))
        else:
            results.append(RowResult(row, RowOutcome.SUCCEEDED, record_id=f"003{row:015d}"))
    return ReloadOutcome(job_id, "JobComplete", tuple(results))


class FakeRunner:
    """`run_reload(client, batch, *, progress, cancel, on_created)`; `hold` makes it wait for cancel."""

    def __init__(self, hold: bool = False) -> None:
        self.hold = hold
        self.calls: list[ReloadBatch] = []
        self.waiting = threading.Event()

    def __call__(
        self,
        client: Any,
        batch: ReloadBatch,
        *,
        progress: Callable[[object], None] | None = None,
        cancel: CancelToken | None = None,
        on_created: Callable[[str], None] | None = None,
    ) -> ReloadOutcome:
        self.calls.append(batch)
        if on_created is not None:
            on_created(JOB_ID)
        if progress is not None:
            progress("Salesforce is processing the job…")
        if self.hold and cancel is not None:
            self.waiting.set()
            for _ in range(600):  # at most a minute: a test never hangs
                if cancel.wait(0.1):
                    return ReloadOutcome(
                        JOB_ID,
                        "Aborted",
                        tuple(RowResult(row, RowOutcome.UNPROCESSED) for row in range(len(batch))),
                        "Cancelled: the job was aborted.",
                    )
        return judge(batch)


class RecordingServices:
    """`ReloadServices` over an in-memory ledger, a runner that judges like `judge` and a file
    writer that records its call: the window's wiring tested without the core's ingest."""

    def __init__(self, runner: Any = None) -> None:
        from syncerr_gui.gui.reload.reload_services import ReloadServices

        self.records: list[Any] = []
        self.finished: list[tuple[str, ReloadOutcome]] = []
        self.applied: list[tuple[ReloadBatch, ReloadOutcome]] = []
        self.written: list[tuple[Any, ...]] = []
        self.pending_records: list[Any] = []
        self.runner = runner or FakeRunner()
        self.services = ReloadServices(
            run=self.runner,
            recover=lambda client, record: judge(ReloadBatch(record.target, (), ()), record.job_id),
            missing_permissions=lambda client, target: [],
            write_files=lambda frame, details, row_ids, folder: (
                self.written.append((row_ids, folder)) or "2 files"
            ),
            apply_outcome=lambda archive, batch, outcome: self.applied.append((batch, outcome)),
            record=lambda archive, record: self.records.append(record),
            finish=lambda archive, job_id, outcome: self.finished.append((job_id, outcome)),
            pending=lambda archive: list(self.pending_records),
            history=lambda archive: list(self.records),
            is_production=lambda session: True,
        )
