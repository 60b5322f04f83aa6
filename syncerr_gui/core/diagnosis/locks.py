"""UNABLE_TO_LOCK_ROW: the parent records the failed rows point to (their lookup columns),
most-shared first, and the standard advice. Reads nothing from the org."""

from __future__ import annotations

from collections import Counter

from syncerr_gui.core.diagnosis.group_rows import ID_PATTERN, GroupRows
from syncerr_gui.core.diagnosis.model import Diagnosis, Link, found, nothing
from syncerr_gui.core.diagnosis.org_reader import OrgReader, record_path
from syncerr_gui.core.diagnosis.references import object_of_id, object_words
from syncerr_gui.core.words import Value, say, say_plural

CODES = ("UNABLE_TO_LOCK_ROW",)
HOT_SHARE = 0.05  # a parent with at least 5 % of the rows is a hot spot
ADVICE = say(
    "Load these rows in serial mode (Bulk API concurrencyMode Serial, or one batch at a time), "
    "or sort the file by the parent so each batch holds one parent's children; then retry."
)


def lookup_columns(rows: GroupRows) -> list[str]:
    """Input columns other than Id whose values are record IDs."""
    names: Counter[str] = Counter()
    for row in rows.inputs[:500]:
        for name, value in row.items():
            if name != "Id" and value and ID_PATTERN.fullmatch(value):
                names[name] += 1
    return [n for n, c in names.items() if c >= max(1, min(len(rows.inputs), 500) // 10)]


def diagnose(rows: GroupRows, org: OrgReader) -> Diagnosis:
    columns = lookup_columns(rows)
    named = rows.named_ids()
    if not columns:
        details: list[str] = [ADVICE]
        if named:
            details.insert(0, say("The messages name the locked record(s): {ids}.", ids=", ".join(named[:5])))
            links = [Link(say("Open {id}", id=i), record_path(i)) for i in named[:3]]
            return found(
                say("Locked: {id} (named by the message); the rows have no lookup column", id=named[0]),
                details,
                links,
            )
        return nothing(say("The rows have no lookup column and the messages name no record."), details)
    best = max(columns, key=lambda c: _top_share(rows, c)[0])
    return _hot_spots(rows, best, named)


def _top_share(rows: GroupRows, column: str) -> tuple[float, list[tuple[str, int]], int]:
    """(share of the rows with a value that the hot parents hold, the hot parents, those rows)."""
    counts = Counter(v for v in rows.column(column) or [] if v)
    total = max(sum(counts.values()), 1)
    hot = [(v, c) for v, c in counts.most_common(10) if c / total >= HOT_SHARE and c > 1]
    return sum(c for _, c in hot) / total, hot, total


def _hot_spots(rows: GroupRows, column: str, named: list[str]) -> Diagnosis:
    share, hot, total = _top_share(rows, column)
    details: list[str] = [
        say("{id}: {count:,} rows ({share:.0f} %)", id=v, count=c, share=c * 100 / total) for v, c in hot
    ]
    kind = object_words(hot[0][0]) if hot else "parent"  # the first parent's object names them all
    links = [Link(say("Open {object} {id}", object=kind, id=v), record_path(v)) for v, _ in hot[:5]]
    if named:
        details.append(say("The messages name: {ids}.", ids=", ".join(named[:5])))
    details.append(ADVICE)
    if not hot:
        return found(
            say("No parent is shared by many rows ({column}): the locks come from elsewhere", column=column),
            details,
        )
    return found(_hot_words(share, total, column, rows.sampled, hot), details, links)


def _hot_words(share: float, total: int, column: str, sampled: bool, hot: list[tuple[str, int]]) -> str:
    """ "40 % of the 95 rows with AccountId filled point to 1 Account" (the parents' object by
    the first one's key prefix)."""
    kind = object_of_id(hot[0][0])
    sample = say(" (a sample)") if sampled else ""
    values: dict[str, Value] = {
        "share": share * 100,
        "total": total,
        "column": column,
        "sample": sample,
        "n": len(hot),
    }
    if kind == "record":
        return say_plural(
            "{share:.0f} % of the {total:,} rows with {column} filled{sample} point to {n} record",
            "{share:.0f} % of the {total:,} rows with {column} filled{sample} point to {n} records",
            **values,
        )
    return say_plural(
        "{share:.0f} % of the {total:,} rows with {column} filled{sample} point to {n} {object}",
        "{share:.0f} % of the {total:,} rows with {column} filled{sample} point to {n} {object}s",
        object=kind,
        **values,
    )
