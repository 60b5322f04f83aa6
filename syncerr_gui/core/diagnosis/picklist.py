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
from syncerr_gui.core.words import Value, say

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
        return nothing(
            say(
                "The describe of {object} has no picklist {field}.",
                object=rows.object,
                field=field_name or say("(field not named)"),
            )
        )
    values = rows.column(info.name) or []
    bad = Counter(v for v in values if v not in info.active_values)
    return found(*_words(rows, info, bad))


def _words(
    rows: GroupRows, info: FieldInfo, bad: Counter[str]
) -> tuple[str, list[str], list[Link], list[FixStep]]:
    valid = info.active_values
    mapping = {value: closest_value(value, valid) for value in bad if value.strip()}
    details: list[str] = [
        say(
            "Valid values of {label} ({field}): {values}.",
            label=info.label,
            field=info.name,
            values=", ".join(f"“{v}”" for v in valid),
        )
    ]
    for value, count in bad.most_common(10):
        if not value.strip():
            details.append(
                say("{count:,} rows leave it empty; a restricted picklist needs a value here.", count=count)
            )
        elif value in info.inactive_values:
            details.append(
                say(
                    "“{value}” (an inactive value): {count:,} rows → closest valid value “{closest}”.",
                    value=value,
                    count=count,
                    closest=mapping[value],
                )
            )
        else:
            details.append(
                say(
                    "“{value}”: {count:,} rows → closest valid value “{closest}”.",
                    value=value,
                    count=count,
                    closest=mapping[value],
                )
            )
    steps: list[FixStep] = [MapValues(info.name, mapping)] if mapping else []
    pairs = ", ".join(f"“{a}” → “{b}”" for a, b in list(mapping.items())[:3])
    counts: dict[str, Value] = {"count": sum(bad.values()), "rows": rows.of_rows(), "field": info.name}
    if pairs:
        head = say(
            "{count:,} {rows} have values {field} does not allow; suggested: {pairs}", pairs=pairs, **counts
        )
    else:
        head = say("{count:,} {rows} have values {field} does not allow", **counts)
    return head, details, [], steps
