"""The errors table's columns: order, headers and the frame column behind each.

One list shared by the table model, header width defaults and the export action, so the
CSV columns are always the ones on screen. Headers follow `schema.EXPORT_COLUMNS`: English,
as the CSV and the clipboard carry them; the window shows them in its language
(`header_text`), and the Failed On values too (`level_text`), for display only.
The model adds one column after them, "New" (new since the last visit): a marker of this
user's visits, not data of the org, so it is not exported. It comes last in the model so
the exported columns keep their numbers; the table shows it first (a moved section).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from syncerr_gui.core.frame.filtering import MARK_COLUMN
from syncerr_gui.core.frame.schema import EXPORT_COLUMNS, JOB_LEVEL, RECORD_LEVEL
from syncerr_gui.gui.i18n import QT_TR_NOOP, tr

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
NEW_TOOLTIP = QT_TR_NOOP("● = this error's type, object and source ID first failed after your last visit")
MODEL_COLUMNS: tuple[TableColumn, ...] = (*TABLE_COLUMNS, NEW_COLUMN)
MODEL_FIELDS: tuple[str, ...] = tuple(c.field for c in MODEL_COLUMNS)
COL_NEW = len(TABLE_COLUMNS)


# The headers as the window shows them (translated where shown; the CSV keeps the English).
HEADER_LABELS: dict[str, str] = {
    "Failed On": QT_TR_NOOP("Failed On"),
    "Failure Date/Time": QT_TR_NOOP("Failure Date/Time"),
    "Error Type": QT_TR_NOOP("Error Type"),
    "Error Details": QT_TR_NOOP("Error Details"),
    "Object": QT_TR_NOOP("Object"),
    "Operation": QT_TR_NOOP("Operation"),
    "Salesforce ID": QT_TR_NOOP("Salesforce ID"),
    "Source ID": QT_TR_NOOP("Source ID"),
    "Job ID": QT_TR_NOOP("Job ID"),
    "Source": QT_TR_NOOP("Source"),
    "Reloaded In": QT_TR_NOOP("Reloaded In"),
    "Reload Of": QT_TR_NOOP("Reload Of"),
    "New": QT_TR_NOOP("New"),
}
# The frame's Failed On values as the window shows them (filters, sorts and exports use the values).
LEVEL_LABELS: dict[str, str] = {JOB_LEVEL: QT_TR_NOOP("Job Level"), RECORD_LEVEL: QT_TR_NOOP("Record Level")}


def source_header(column: int, zone_name: str) -> str:
    """The English header of `column` (the clipboard's, like the CSV's); the time column
    names the zone its values are in."""
    header = MODEL_COLUMNS[column].header
    return f"{header} ({zone_name})" if column == COL_FAILED_AT and zone_name else header


def header_text(column: int, zone_name: str) -> str:
    """The header of `column` in the window's language; the time column names its zone."""
    header = MODEL_COLUMNS[column].header
    shown = tr(HEADER_LABELS.get(header, header))
    return f"{shown} ({zone_name})" if column == COL_FAILED_AT and zone_name else shown


def new_tooltip() -> str:
    """The "New" column's tooltip in the window's language."""
    return tr(NEW_TOOLTIP)


def level_text(level: str) -> str:
    """A Failed On value ("Record Level") in the window's language; other values as they are."""
    label = LEVEL_LABELS.get(level)
    return tr(label) if label else level
