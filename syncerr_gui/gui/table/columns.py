"""The errors table's columns: order, headers and the frame column behind each.

One list shared by the table model, header width defaults and the export action, so the
CSV columns are always the ones on screen. Headers follow `schema.EXPORT_COLUMNS`.
The model adds one column after them, "New" (new since the last visit): a marker of this
user's visits, not data of the org, so it is not exported. It comes last in the model so
the exported columns keep their numbers; the table shows it first (a moved section).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from syncerr_gui.core.frame.filtering import MARK_COLUMN
from syncerr_gui.core.frame.schema import EXPORT_COLUMNS

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class TableColumn:
    """One table column: what the header says and which frame column it shows."""

    header: str
    field: str


TABLE_COLUMNS: tuple[TableColumn, ...] = tuple(TableColumn(h, f) for h, f in EXPORT_COLUMNS.items())

# Column numbers, in display order (the model's `index(row, COL_…)`).
(
    COL_FAILED_ON,
    COL_FAILED_AT,
    COL_ERROR_TYPE,
    COL_MESSAGE,
    COL_OBJECT,
    COL_OPERATION,
    COL_SALESFORCE_ID,
    COL_SOURCE_ID,
    COL_JOB_ID,
    COL_SOURCE,
    COL_RELOADED_IN,
    COL_RELOAD_OF,
) = range(len(TABLE_COLUMNS))

assert TABLE_COLUMNS[COL_MESSAGE].field == "message" and TABLE_COLUMNS[COL_SOURCE].field == "source"

FIELDS: tuple[str, ...] = tuple(c.field for c in TABLE_COLUMNS)

NEW_COLUMN = TableColumn("New", MARK_COLUMN)
NEW_MARK = "●"
NEW_TOOLTIP = "● = this error's type, object and source ID first failed after your last visit"
MODEL_COLUMNS: tuple[TableColumn, ...] = (*TABLE_COLUMNS, NEW_COLUMN)
MODEL_FIELDS: tuple[str, ...] = tuple(c.field for c in MODEL_COLUMNS)
COL_NEW = len(TABLE_COLUMNS)


def header_text(column: int, zone_name: str) -> str:
    """The header of `column`; the time column names the zone its values are shown in."""
    header = MODEL_COLUMNS[column].header
    return f"{header} ({zone_name})" if column == COL_FAILED_AT and zone_name else header
