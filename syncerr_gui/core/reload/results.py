"""The three result sets of an ingest job, mapped back to the rows of the batch that made it.

Salesforce answers `successfulResults` (sf__Id, sf__Created, the uploaded columns),
`failedResults` (sf__Id, sf__Error, the columns) and `unprocessedrecords` (the columns), in
no promised order. A result row is matched to a batch row by all its uploaded values, then
(for what is left, should Salesforce have changed a value) by the key column; identical
rows are interchangeable, so any order among them is right. A batch row no result names
counts as unprocessed.
"""

from __future__ import annotations

from collections import defaultdict, deque

import pyarrow as pa

from syncerr_gui.core.reload.batch import ReloadBatch, RowOutcome, RowResult
from syncerr_gui.core.salesforce.results_csv import read_result_table
from syncerr_gui.core.words import say

NO_RESULT = say("Salesforce reported no result for this row.")
_SETS = (
    (RowOutcome.SUCCEEDED, "sf__Id", ""),
    (RowOutcome.FAILED, "sf__Id", "sf__Error"),
    (RowOutcome.UNPROCESSED, "", ""),
)
_Found = tuple[RowOutcome, str, str, dict[str, str]]


def map_results(
    batch: ReloadBatch, successful: bytes, failed: bytes, unprocessed: bytes
) -> tuple[RowResult, ...]:
    """One `RowResult` per batch row, in batch order."""
    found = _found(successful, failed, unprocessed)
    by_values: dict[tuple[str, ...], deque[int]] = defaultdict(deque)
    for i, row in enumerate(batch.rows):
        by_values[row].append(i)
    results: dict[int, RowResult] = {}
    left = []
    for outcome, record_id, error, values in found:
        rows = by_values.get(tuple(values.get(c, "") for c in batch.columns))
        if rows:
            i = rows.popleft()
            results[i] = RowResult(i, outcome, record_id, error)
        else:
            left.append((outcome, record_id, error, values))
    _by_key(batch, results, left)
    return tuple(
        results.get(i, RowResult(i, RowOutcome.UNPROCESSED, "", NO_RESULT)) for i in range(len(batch))
    )


def unmapped_results(successful: bytes, failed: bytes, unprocessed: bytes) -> tuple[RowResult, ...]:
    """The results without their batch (a recovered job): numbered in the order listed."""
    found = _found(successful, failed, unprocessed)
    return tuple(RowResult(i, outcome, rid, error) for i, (outcome, rid, error, _) in enumerate(found))


def _by_key(batch: ReloadBatch, results: dict[int, RowResult], left: list[_Found]) -> None:
    key = batch.target.key_column()
    if not left or key not in batch.columns:
        return
    at = batch.column_index(key)
    free: dict[str, deque[int]] = defaultdict(deque)
    for i, row in enumerate(batch.rows):
        if i not in results:
            free[row[at]].append(i)
    for outcome, record_id, error, values in left:
        rows = free.get(values.get(key, ""))
        if rows:
            i = rows.popleft()
            results[i] = RowResult(i, outcome, record_id, error)


def _found(*bodies: bytes) -> list[_Found]:
    found: list[_Found] = []
    for (outcome, id_column, error_column), body in zip(_SETS, bodies, strict=True):
        table = read_result_table(body)
        if not table.num_rows:
            continue
        columns = {name: _texts(table, name) for name in table.column_names}
        ids = columns.get(id_column, [""] * table.num_rows)
        errors = columns.get(error_column, [""] * table.num_rows)
        inputs = [name for name in table.column_names if not name.startswith("sf__")]
        for r in range(table.num_rows):
            found.append((outcome, ids[r], errors[r], {name: columns[name][r] for name in inputs}))
    return found


def _texts(table: pa.Table, name: str) -> list[str]:
    return [value or "" for value in table.column(name).to_pylist()]
