"""Issue 19, item 11: one job's failed results cannot take the machine. A result with thousands
of columns keeps the first MAX_INPUT_COLUMNS in each input row and says how many more there
were; long results are turned into input rows a chunk of rows at a time, identically."""

from __future__ import annotations

import json

import pyarrow as pa

from syncerr_gui.core.salesforce.input_json import (
    CHUNK_ROWS,
    MAX_INPUT_COLUMNS,
    NOT_KEPT_KEY,
    input_rows_arrow,
)
from syncerr_gui.core.salesforce.results_csv import read_result_table


def _wide_body(columns: int, rows: int) -> bytes:
    header = ["sf__Id", "sf__Error", *(f"Field_{n}__c" for n in range(columns))]
    lines = [",".join(header)]
    for r in range(rows):
        lines.append(
            ",".join(
                [f"001{r:012d}", "REQUIRED_FIELD_MISSING:Required fields are missing:--"]
                + [f"v{r}-{n}" for n in range(columns)]
            )
        )
    return ("\n".join(lines) + "\n").encode()


def test_a_result_of_thousands_of_columns_keeps_a_bounded_input_row_and_says_so() -> None:
    table = read_result_table(_wide_body(3000, 20))
    inputs = [c for c in table.column_names if c not in ("sf__Id", "sf__Error")]
    rows = input_rows_arrow(table, inputs).to_pylist()
    first = json.loads(rows[0])
    assert len(first) == MAX_INPUT_COLUMNS + 1
    assert list(first)[:3] == ["Field_0__c", "Field_1__c", "Field_2__c"] and first["Field_0__c"] == "v0-0"
    assert first[NOT_KEPT_KEY] == f"{3000 - MAX_INPUT_COLUMNS:,} more columns were not kept"


def test_input_rows_built_in_chunks_equal_json_dumps() -> None:
    rows = CHUNK_ROWS * 2 + 5
    names = ["Name", "Note"]
    values = [[f"n{r}" for r in range(rows)], [f'say "{r}"\n\\' for r in range(rows)]]
    table = pa.table({n: pa.array(v, pa.large_string()) for n, v in zip(names, values)})
    built = input_rows_arrow(table, names).to_pylist()
    assert len(built) == rows
    for r in (0, CHUNK_ROWS - 1, CHUNK_ROWS, rows - 1):
        assert built[r] == json.dumps({"Name": values[0][r], "Note": values[1][r]}, ensure_ascii=False)
