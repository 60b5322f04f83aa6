"""How the demo org judges a reloaded row: by the same rows that produced its errors.

The demo's errors are drawn per row from weighted texts (`records.py`), so the rule that
"produced" an error is the row itself: each failed input row of every generated job (Bulk 2.0
and 1.0) is remembered with its `sf__Error`. An uploaded row fails again when it is that row
with the error's cause left in place, and succeeds otherwise:

- transient codes (UNABLE_TO_LOCK_ROW, UNKNOWN_EXCEPTION) succeed on retry;
- an error naming fields present in the upload (`…:Company --`) fails again, with the same
  text, while any of those fields still holds its failed value (or, for
  REQUIRED_FIELD_MISSING, is still empty); changing them all fixes the row;
- an error naming no field (`…:--`) fails again while the whole row is unchanged.

A row is matched to its original by its other columns, so a column a fix adds (the missing
field) does not hide it; failing that, by its record's identity (the Id or source-ID
column), so a fix of another column alone does not cure an error named on a field. The
memory is built on the first reload (about 1 s for the default 3,000 errors, 20 s for
200,000) and then shared by every upload, under a lock.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator, Sequence

from syncerr_gui.demo_org.records import JobRows
from syncerr_gui.demo_org.state import OrgState
from syncerr_gui.demo_org.truth_rows import split_sf_error

logger = logging.getLogger(__name__)

TRANSIENT_CODES = ("UNABLE_TO_LOCK_ROW", "UNKNOWN_EXCEPTION")
REQUIRED_FIELD_MISSING = "REQUIRED_FIELD_MISSING"
IDENTITY_COLUMNS = ("Id", "Marketo_Lead_ID__c", "mkto71_Lead_Id__c", "External_Id__c", "Source_Id__c")
_Key = tuple[str, tuple[str, ...], tuple[tuple[str, str], ...]]


class _Failed:
    """One remembered failed row: its values by column, its error and the fields it names."""

    __slots__ = ("error", "fields", "values")

    def __init__(self, values: dict[str, str], error: str, fields: tuple[str, ...]) -> None:
        self.values, self.error, self.fields = values, error, fields


class RowRules:
    """`judge(object, columns, row)` -> "" (the row succeeds) or the `sf__Error` it fails with."""

    def __init__(self, state: OrgState) -> None:
        self._state = state
        self._lock = threading.Lock()
        self._index: dict[_Key, list[_Failed]] | None = None
        self._field_sets: dict[str, set[tuple[str, ...]]] = {}
        self._records: dict[tuple[str, str], list[_Failed]] = {}  # (object, identity) -> rows

    def judge(self, obj: str, columns: Sequence[str], row: Sequence[str]) -> str:
        """The error an uploaded row of `obj` fails with, or "" when it succeeds."""
        index = self._built()
        values = dict(zip(columns, row, strict=True))
        for fields in sorted(self._field_sets.get(obj, ())):
            for original in index.get(_key(obj, fields, values), ()):
                if _still_failing(original, values):
                    return original.error
        same = self._records.get((obj, _identity(values)), [])
        named = [f for f in same if f.fields]
        if named:
            best = max(named, key=lambda f: sum(values.get(k) == v for k, v in f.values.items()))
            if _still_failing(best, values):
                return best.error
        return ""

    def _built(self) -> dict[_Key, list[_Failed]]:
        with self._lock:
            if self._index is None:
                self._index = {}
                for obj, rows in _failed_rows(self._state):
                    self._remember(obj, rows)
            return self._index

    def _remember(self, obj: str, rows: JobRows) -> None:
        assert self._index is not None
        texts = [column.to_pylist() for column in rows.columns]
        for i, error in enumerate(rows.errors.to_pylist()):
            if not error or rows.success[i]:
                continue
            values = {name: texts[c][i] for c, name in enumerate(rows.header)}
            named = split_sf_error(error)[2]
            fields = tuple(sorted(f.strip() for f in named.split(",") if f.strip() in values))
            self._field_sets.setdefault(obj, set()).add(fields)
            failed = _Failed(values, error, fields)
            self._index.setdefault(_key(obj, fields, values), []).append(failed)
            if identity := _identity(values):
                self._records.setdefault((obj, identity), []).append(failed)


def _identity(values: dict[str, str]) -> str:
    """The record a row is about: its Id, else its sending system's id ("" when neither)."""
    for column in IDENTITY_COLUMNS:
        if values.get(column, "").strip():
            return f"{column}={values[column]}"
    return ""


def _key(obj: str, fields: tuple[str, ...], values: dict[str, str]) -> _Key:
    """The row's identity without the error's fields (those are what a fix changes)."""
    return obj, fields, tuple(sorted((k, v) for k, v in values.items() if k not in fields))


def _still_failing(original: _Failed, values: dict[str, str]) -> bool:
    code = original.error.split(":", 1)[0].strip()
    if code in TRANSIENT_CODES:
        return False
    if not original.fields:
        return True  # matched on every column: the row is unchanged
    required = code == REQUIRED_FIELD_MISSING
    return any(
        values.get(f, "") == original.values[f] or (required and not values.get(f, "").strip())
        for f in original.fields
    )


def _failed_rows(state: OrgState) -> Iterator[tuple[str, JobRows]]:
    """Every generated job's rows that failed, per object (deleted jobs too: the values stay bad)."""
    for job in state.catalog.bulk2:
        if job.finished and job.failed > 0:
            yield job.object, state.factory.bulk2_failed_rows(job)
    for classic in state.catalog.classic:
        for batch in classic.batches:
            if batch.state == "Completed" and batch.failed > 0:
                yield classic.object, state.factory.classic_rows(classic, batch)
