"""INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: the field's valid values from the describe, the
group's bad values with their counts, and for each the closest valid value (a mapping)."""

from __future__ import annotations

import difflib
from collections import Counter

from syncerr_gui.core.diagnosis.describe import FieldInfo
from syncerr_gui.core.diagnosis.group_rows import GroupRows
from syncerr_gui.core.diagnosis.model import Diagnosis, Link, found, nothing
from syncerr_gui.core.diagnosis.org_reader import OrgReader
from syncerr_gui.core.reload.batch import FixStep, MapValues

CODES = ("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",)


def closest_value(bad: str, valid: tuple[str, ...]) -> str:
    """The valid value nearest to `bad`: a case-insensitive match, one that `bad` starts with
    or contains, else the most similar by characters (difflib)."""
    low = bad.casefold().strip()
    for value in valid:
        if value.casefold() == low:
            return value
    starts = [v for v in valid if low.startswith(v.casefold()) or v.casefold() in low]
    if starts:
        return max(starts, key=len)
    scored = [(difflib.SequenceMatcher(None, low, v.casefold()).ratio(), -n, v) for n, v in enumerate(valid)]
    return max(scored)[2] if scored else ""


def diagnose(rows: GroupRows, org: OrgReader) -> Diagnosis:
    field_name = rows.fields[0] if rows.fields else ""
    described = org.describe(rows.object)
    info = described.field(field_name) if described and field_name else None
    if info is None or info.type not in ("picklist", "multipicklist"):
        return nothing(f"The describe of {rows.object} has no picklist {field_name or '(field not named)'}.")
    values = rows.column(info.name) or []
    bad = Counter(v for v in values if v not in info.active_values)
    return found(*_words(rows, info, bad))


def _words(
    rows: GroupRows, info: FieldInfo, bad: Counter[str]
) -> tuple[str, list[str], list[Link], list[FixStep]]:
    valid = info.active_values
    mapping = {value: closest_value(value, valid) for value in bad if value.strip()}
    details = [f"Valid values of {info.label} ({info.name}): " + ", ".join(f"“{v}”" for v in valid) + "."]
    for value, count in bad.most_common(10):
        if not value.strip():
            details.append(f"{count:,} rows leave it empty; a restricted picklist needs a value here.")
            continue
        inactive = " (an inactive value)" if value in info.inactive_values else ""
        details.append(f"“{value}”{inactive}: {count:,} rows → closest valid value “{mapping[value]}”.")
    steps: list[FixStep] = [MapValues(info.name, mapping)] if mapping else []
    pairs = ", ".join(f"“{a}” → “{b}”" for a, b in list(mapping.items())[:3])
    head = f"{sum(bad.values()):,} {rows.of_rows()} have values {info.name} does not allow"
    return head + (f"; suggested: {pairs}" if pairs else ""), details, [], steps
