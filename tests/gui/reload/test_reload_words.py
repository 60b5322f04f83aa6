"""What the reload GUI says: a job's progress, an outcome, the archive's list of reloads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from syncerr_gui.core.reload.batch import ReloadOutcome, ReloadRecord, ReloadTarget, RowOutcome, RowResult
from syncerr_gui.gui.archive.reload_history import outcome_text, record_cells
from syncerr_gui.gui.reload.fix_reload_dialog import outcome_words
from syncerr_gui.gui.reload.reload_worker import progress_words


@dataclass(frozen=True)
class Look:
    """Shaped like the ingest's progress report: a phase and the rows processed."""

    phase: str

    def jobs_text(self) -> str:
        return "3 of 10 rows processed"


class Summary:
    def lines(self) -> list[str]:
        return ["Contact.insert.csv: 3 rows, 4 columns", "3 rows in 1 reload files."]


def test_progress_and_summaries_read_as_words() -> None:
    assert progress_words(Look("Reload InProgress")) == "Reload InProgress: 3 of 10 rows processed"
    assert progress_words(Summary()) == "Contact.insert.csv: 3 rows, 4 columns 3 rows in 1 reload files."
    assert progress_words("Uploading") == "Uploading"


def test_an_outcome_counts_each_kind_and_keeps_the_jobs_note() -> None:
    outcome = ReloadOutcome(
        "750A",
        "JobComplete",
        (RowResult(0, RowOutcome.SUCCEEDED), RowResult(1, RowOutcome.FAILED, error="X:y")),
        "Note.",
    )
    assert outcome_words(outcome) == "Job 750A (JobComplete): 1 succeeded, 1 failed again. Note."
    assert outcome_words(ReloadOutcome("750B", "Aborted")) == "Job 750B (Aborted): no row was processed."


def test_the_archive_lists_a_reload_with_its_org_and_outcome() -> None:
    record = ReloadRecord(
        "750A", datetime(2026, 12, 1, 9, tzinfo=UTC), "admin@acme.com", "00D", "acme.my.salesforce.com",
        True, ReloadTarget("Contact", "upsert", "Email__c"), 12, "JobComplete", 10, 2,
    )  # fmt: skip
    cells = record_cells(record)
    assert cells[1:] == (
        "admin@acme.com",
        "acme.my.salesforce.com (production)",
        "Contact",
        "upsert on Email__c",
        "12",
        "750A",
        "JobComplete: 10 succeeded, 2 failed",
    )
    pending = ReloadRecord("750B", record.started_at, "a", "00D", "h", False, record.target, 3)
    assert outcome_text(pending) == "Pending: looked up at the next login"
