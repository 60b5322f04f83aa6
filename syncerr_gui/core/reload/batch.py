"""What a reload loads, how it went, and the fixes applied to its rows before it is sent.

A `ReloadBatch` is the unit every part of the reload loop passes around: the reload files
write and read it, the Fix and reload dialog edits it, the ingest job uploads it, and its
`origins` tie each row back to the archived error it came from, so the outcome can mark
those errors as reloaded. Plain values, no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import Enum

from syncerr_gui.core.words import say

INSERT, UPDATE, UPSERT, DELETE, HARD_DELETE = "insert", "update", "upsert", "delete", "hardDelete"
OPERATIONS = (INSERT, UPDATE, UPSERT, DELETE, HARD_DELETE)
DESTRUCTIVE_OPERATIONS = (DELETE, HARD_DELETE)
ID_FIELD = "Id"


@dataclass(frozen=True)
class ReloadTarget:
    """Which object, which operation, and (for upsert) which external-ID field."""

    object_name: str
    operation: str
    external_id: str = ""

    def key_column(self) -> str:
        """The column every row must fill for this operation ("" for insert)."""
        if self.operation == UPSERT:
            return self.external_id
        return "" if self.operation == INSERT else ID_FIELD

    def file_stem(self) -> str:
        """`Object.operation[.ExternalIdField]`, the reload file's name without `.csv`."""
        parts = [self.object_name, self.operation]
        if self.external_id:
            parts.append(self.external_id)
        return ".".join(parts)


def origin_key(job_id: str, batch_id: str, row_key: str) -> str:
    """An archived error's identity as one text (`job/batch/row key`): a batch's `origins`.

    A row key alone is unique only within its job and batch (Bulk 1.0 keys are positions).
    """
    return f"{job_id}/{batch_id}/{row_key}"


def origin_parts(origin: str) -> tuple[str, str, str]:
    """(job id, batch id, row key) of an `origin_key` (ValueError for any other text)."""
    parts = origin.split("/", 2)
    if len(parts) != 3 or not parts[0] or not parts[2]:
        raise ValueError(f"not a reload origin: {origin!r}")
    return parts[0], parts[1], parts[2]


@dataclass(frozen=True)
class ReloadBatch:
    """Rows to load: `columns` in upload order with their original header names.

    `errors[i]` is the error row i failed with last time ("" when unknown) and `origins[i]`
    the archive identity of that error (`origin_key`: job, batch, row key; "" when unknown,
    e.g. a row read from a file before `core/archive/reloaded.origins_for` matched it).
    """

    target: ReloadTarget
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    errors: tuple[str, ...] = ()
    origins: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        count = len(self.rows)
        if not self.errors:
            object.__setattr__(self, "errors", ("",) * count)
        if not self.origins:
            object.__setattr__(self, "origins", ("",) * count)
        if len(self.errors) != count or len(self.origins) != count:
            raise ValueError("a reload batch needs one error and one origin per row")
        width = len(self.columns)
        if any(len(row) != width for row in self.rows):
            raise ValueError("every reload row needs one value per column")

    def __len__(self) -> int:
        return len(self.rows)

    def column_index(self, column: str) -> int:
        """Position of `column` (ValueError when the batch has no such column)."""
        return self.columns.index(column)

    def without_rows(self, drop: Sequence[int]) -> ReloadBatch:
        """The batch without the rows at positions `drop` (the dialog's "Drop rows")."""
        gone = set(drop)
        keep = [i for i in range(len(self.rows)) if i not in gone]
        return replace(
            self,
            rows=tuple(self.rows[i] for i in keep),
            errors=tuple(self.errors[i] for i in keep),
            origins=tuple(self.origins[i] for i in keep),
        )

    def with_value(self, row: int, column: str, value: str) -> ReloadBatch:
        """The batch with one cell changed (an edit in the dialog)."""
        at = self.column_index(column)
        changed = self.rows[row][:at] + (value,) + self.rows[row][at + 1 :]
        return replace(self, rows=self.rows[:row] + (changed,) + self.rows[row + 1 :])


@dataclass(frozen=True)
class SetColumn:
    """Set `column` to `value` in every row (the common fix: a picklist value, an owner)."""

    column: str
    value: str

    def describe(self) -> str:
        return say("Set {column} to “{value}” in every row", column=self.column, value=self.value)

    def new_value(self, old: str) -> str:
        return self.value


@dataclass(frozen=True)
class MapValues:
    """Replace the values of `column` found in `mapping` (a bad picklist value → a valid one)."""

    column: str
    mapping: Mapping[str, str]

    def describe(self) -> str:
        pairs = ", ".join(f"“{old}” → “{new}”" for old, new in self.mapping.items())
        return say("In {column}: {pairs}", column=self.column, pairs=pairs)

    def new_value(self, old: str) -> str:
        return self.mapping.get(old, old)


@dataclass(frozen=True)
class Truncate:
    """Cut the values of `column` to `length` characters (a field's maximum length)."""

    column: str
    length: int

    def describe(self) -> str:
        return say("Cut {column} to {length} characters", column=self.column, length=self.length)

    def new_value(self, old: str) -> str:
        return old[: self.length]


@dataclass(frozen=True)
class FillEmpty:
    """Put `value` in the rows where `column` is empty (a default for a required field)."""

    column: str
    value: str

    def describe(self) -> str:
        return say("Fill empty {column} with “{value}”", column=self.column, value=self.value)

    def new_value(self, old: str) -> str:
        return old if old.strip() else self.value


FixStep = SetColumn | MapValues | Truncate | FillEmpty


def apply_step(batch: ReloadBatch, step: FixStep) -> ReloadBatch:
    """The batch with `step` applied to every row; a column it lacks is added (empty first).

    Adding matters: a REQUIRED_FIELD_MISSING row often failed because the upload had no
    such column at all.
    """
    if step.column not in batch.columns:
        batch = replace(
            batch,
            columns=batch.columns + (step.column,),
            rows=tuple(row + ("",) for row in batch.rows),
        )
    at = batch.column_index(step.column)
    rows = tuple(row[:at] + (step.new_value(row[at]),) + row[at + 1 :] for row in batch.rows)
    return replace(batch, rows=rows)


def changed_cells(before: ReloadBatch, after: ReloadBatch) -> list[tuple[int, str, str, str]]:
    """(row, column, old, new) for each cell a step changed: the preview before anything is sent."""
    changes = []
    for column in after.columns:
        new_at = after.column_index(column)
        old_at = before.columns.index(column) if column in before.columns else -1
        for row, values in enumerate(after.rows):
            old = before.rows[row][old_at] if old_at >= 0 else ""
            if values[new_at] != old:
                changes.append((row, column, old, values[new_at]))
    return changes


class RowOutcome(Enum):
    """What Salesforce did with one uploaded row."""

    SUCCEEDED = "succeeded"
    FAILED = "failed"
    UNPROCESSED = "unprocessed"


@dataclass(frozen=True)
class RowResult:
    """One row of the batch (`row` is its position in the batch) after the job."""

    row: int
    outcome: RowOutcome
    record_id: str = ""
    error: str = ""


@dataclass(frozen=True)
class ReloadOutcome:
    """How a reload job ended: its id, final state, and one result per batch row."""

    job_id: str
    state: str
    results: tuple[RowResult, ...] = ()
    message: str = ""

    def count(self, outcome: RowOutcome) -> int:
        return sum(1 for result in self.results if result.outcome is outcome)

    @property
    def all_succeeded(self) -> bool:
        return bool(self.results) and self.count(RowOutcome.SUCCEEDED) == len(self.results)


PENDING = "pending"  # recorded before the upload; replaced by the job's final state


@dataclass(frozen=True)
class ReloadRecord:
    """One reload as the archive keeps it (File → Archive… lists them)."""

    job_id: str
    started_at: datetime
    username: str
    org_id: str
    org_host: str
    is_production: bool
    target: ReloadTarget
    rows: int
    state: str = PENDING
    succeeded: int = 0
    failed: int = 0
    unprocessed: int = 0
    note: str = ""
    origins: tuple[str, ...] = field(default=(), compare=False)
