"""Cells longer than a spreadsheet cell can hold: counted, and cut for Excel with a marker.

Excel keeps at most 32,767 characters in a cell and, opening a CSV, silently drops the rest.
Salesforce texts can be longer (a failed input row with a long-text field, a stack trace in
an Apex error). A plain CSV keeps them whole (a script reading it loses nothing) and the
export says how many there are; the "For Excel" export cuts them itself, ending each with a
marker, so a reader sees that a cell was cut instead of a text that merely stops.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from syncerr_gui.core.words import say_plural

EXCEL_CELL_LIMIT = 32_767
LONG_CELL_MARKER = " [\u2026 cut: longer than Excel's 32,767-character cell limit]"


def check_long_cells(table: pa.Table, cut: bool) -> tuple[pa.Table, int]:
    """(the table, cells over the limit); with `cut`, those cells end in the marker at the limit."""
    count = 0
    for index, column in enumerate(table.columns):
        if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
            continue
        over = pc.greater(pc.utf8_length(column), EXCEL_CELL_LIMIT)
        found = pc.sum(over).as_py() or 0
        if not found:
            continue
        count += found
        if cut:
            kept = pc.utf8_slice_codeunits(column, 0, EXCEL_CELL_LIMIT - len(LONG_CELL_MARKER))
            marked = pc.binary_join_element_wise(
                kept, pa.scalar(LONG_CELL_MARKER, column.type), pa.scalar("", column.type)
            )
            table = table.set_column(index, table.field(index), pc.if_else(over, marked, column))
    return table, count


def long_cells_note(count: int, cut: bool) -> str:
    """The summary's words for `count` long cells ("" for none)."""
    if not count:
        return ""
    if cut:
        return say_plural(
            "{n:,} cell is longer than Excel's 32,767-character limit (cut, ending in a marker)",
            "{n:,} cells are longer than Excel's 32,767-character limit (cut, ending in a marker)",
            n=count,
        )
    return say_plural(
        "{n:,} cell is longer than Excel's 32,767-character limit (kept whole; Excel would cut them)",
        "{n:,} cells are longer than Excel's 32,767-character limit (kept whole; Excel would cut them)",
        n=count,
    )


class ExportedRows(int):
    """The rows written (an int, as before) and how many cells exceeded Excel's limit."""

    long_cells: int
    cut: bool

    def __new__(cls, rows: int, long_cells: int = 0, cut: bool = False) -> ExportedRows:
        value = super().__new__(cls, rows)
        value.long_cells, value.cut = long_cells, cut
        return value

    def note(self) -> str:
        return long_cells_note(self.long_cells, self.cut)
