"""One batch being fixed in the Fix and reload dialog: its edits, undo, and what it will send.

Qt-free so the rules can be read (and tested) apart from the widgets. The batch values are
immutable: each edit makes a new `current`, the old one goes on the undo stack, and `kept`
remembers which original rows are still there, so the preview compares each row with its own
original even after rows were dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from syncerr_gui.core.reload.batch import (
    FixStep,
    ReloadBatch,
    ReloadOutcome,
    ReloadTarget,
    RowOutcome,
    RowResult,
    apply_step,
    changed_cells,
)
from syncerr_gui.core.reload.required_fields import required_fields
from syncerr_gui.core.words import Words, say_plural

Change = tuple[int, str, str, str]  # (row, column, old, new)


@dataclass
class EditState:
    """The original rows, the rows as edited now, and the last reload's results (if any)."""

    original: ReloadBatch
    current: ReloadBatch = field(init=False)
    kept: tuple[int, ...] = field(init=False)
    outcome: ReloadOutcome | None = None
    round: int = 1
    _results: dict[int, RowResult] = field(default_factory=dict, repr=False)
    _undo: list[tuple[ReloadBatch, tuple[int, ...]]] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self.current = self.original
        self.kept = tuple(range(len(self.original)))

    # ---- edits ---------------------------------------------------------------------------
    def apply(self, step: FixStep) -> None:
        """Apply one fix step to every row (a column it names but the batch lacks is added)."""
        self._push()
        self.current = apply_step(self.current, step)

    def edit(self, row: int, column: str, value: str) -> bool:
        """One cell; False when the value is unchanged (nothing to undo)."""
        if self.current.rows[row][self.current.column_index(column)] == value:
            return False
        self._push()
        self.current = self.current.with_value(row, column, value)
        return True

    def drop(self, rows: Sequence[int]) -> None:
        """Leave these rows (positions in `current`) out of the reload."""
        gone = set(rows)
        if not gone:
            return
        self._push()
        self.current = self.current.without_rows(sorted(gone))
        self.kept = tuple(k for i, k in enumerate(self.kept) if i not in gone)

    def undo(self) -> bool:
        if not self._undo:
            return False
        self.current, self.kept = self._undo.pop()
        return True

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def _push(self) -> None:
        self._undo.append((self.current, self.kept))
        self.outcome = None  # results belong to the rows as they were sent
        self._results = {}

    # ---- what it sends -------------------------------------------------------------------
    def base(self) -> ReloadBatch:
        """The original rows still kept, to compare the current rows with."""
        keep = set(self.kept)
        return self.original.without_rows([i for i in range(len(self.original)) if i not in keep])

    def changes(self) -> list[Change]:
        return changed_cells(self.base(), self.current)

    def preview(self, step: FixStep) -> list[Change]:
        """The cells `step` would change now (shown before it is applied)."""
        return changed_cells(self.current, apply_step(self.current, step))

    def missing_required(self, row: int) -> tuple[str, ...]:
        """Fields the row's previous error said were required and that are still empty."""
        batch = self.current
        missing = []
        for name in required_fields(batch.errors[row]):
            if name not in batch.columns or not batch.rows[row][batch.column_index(name)].strip():
                missing.append(name)
        return tuple(missing)

    def rows_missing_required(self) -> dict[int, tuple[str, ...]]:
        found = ((row, self.missing_required(row)) for row in range(len(self.current)))
        return {row: names for row, names in found if names}

    def empty_keys(self) -> list[int]:
        """Rows whose Id / external-ID value is empty where the operation needs one."""
        key = self.current.target.key_column()
        if not key:
            return []
        if key not in self.current.columns:
            return list(range(len(self.current)))
        at = self.current.column_index(key)
        return [row for row, values in enumerate(self.current.rows) if not values[at].strip()]

    def summary(self) -> str:
        """What will be sent, in one paragraph (English; the window joins `summary_parts`)."""
        clauses, sentences = self.summary_parts()
        return " ".join([", ".join(clauses) + ".", *sentences])

    def summary_parts(self) -> tuple[list[Words], list[Words]]:
        """The summary's clauses (joined by commas into one sentence) and the sentences after."""
        batch, target = self.current, self.current.target
        cells = len(self.changes())
        dropped = len(self.original) - len(batch)
        clauses = [
            _what_is_sent(len(batch), target),
            say_plural("{n:,} cell changed", "{n:,} cells changed", n=cells),
        ]
        if dropped:
            clauses.append(say_plural("{n:,} row dropped", "{n:,} rows dropped", n=dropped))
        sentences = []
        missing = self.rows_missing_required()
        if missing:
            names = ", ".join(sorted({name for names in missing.values() for name in names}))
            sentences.append(
                say_plural(
                    "{n:,} row still miss a required value ({fields}).",
                    "{n:,} rows still miss a required value ({fields}).",
                    n=len(missing),
                    fields=names,
                )
            )
        empty = self.empty_keys()
        if empty:
            sentences.append(
                say_plural(
                    "{n:,} row have no {key}: Salesforce will refuse them.",
                    "{n:,} rows have no {key}: Salesforce will refuse them.",
                    n=len(empty),
                    key=target.key_column(),
                )
            )
        return clauses, sentences

    # ---- after a reload ------------------------------------------------------------------
    def set_outcome(self, outcome: ReloadOutcome) -> None:
        self.outcome = outcome
        self._results = {result.row: result for result in outcome.results}

    def result(self, row: int) -> RowResult | None:
        return self._results.get(row) if self.outcome is not None else None

    def failed_rows(self) -> list[int]:
        if self.outcome is None:
            return []
        return sorted(r.row for r in self.outcome.results if r.outcome is not RowOutcome.SUCCEEDED)

    def keep_failed(self) -> bool:
        """Another round: only the rows that did not succeed, their new errors beside them."""
        if self.outcome is None or not self.failed_rows():
            return False
        by_row = {r.row: r for r in self.outcome.results}
        rows = self.failed_rows()
        batch = self.current
        errors = tuple(by_row[i].error or batch.errors[i] for i in rows)
        self.original = ReloadBatch(
            batch.target,
            batch.columns,
            tuple(batch.rows[i] for i in rows),
            errors,
            tuple(batch.origins[i] for i in rows),
        )
        self.current = self.original
        self.kept = tuple(range(len(rows)))
        self.outcome = None
        self._results = {}
        self.round += 1
        self._undo.clear()
        return True


def _what_is_sent(rows: int, target: ReloadTarget) -> Words:
    """ "3 rows to upsert into Contact on Email__c"."""
    values = {"operation": target.operation, "object": target.object_name}
    if target.external_id:
        return say_plural(
            "{n:,} row to {operation} into {object} on {external_id}",
            "{n:,} rows to {operation} into {object} on {external_id}",
            n=rows,
            external_id=target.external_id,
            **values,
        )
    return say_plural(
        "{n:,} row to {operation} into {object}", "{n:,} rows to {operation} into {object}", n=rows, **values
    )
