"""STRING_TOO_LONG, NUMBER_OUTSIDE_VALID_RANGE, INVALID_EMAIL_ADDRESS, MALFORMED_ID and
INVALID_TYPE_ON_FIELD_IN_RECORD: the field's type and size from the describe, and how many
of the failed rows break it (a truncation is offered for text that is too long)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from syncerr_gui.core.diagnosis.describe import FieldInfo
from syncerr_gui.core.diagnosis.group_rows import GroupRows
from syncerr_gui.core.diagnosis.model import Diagnosis, found, nothing
from syncerr_gui.core.diagnosis.org_reader import OrgReader
from syncerr_gui.core.reload.batch import FixStep, Truncate
from syncerr_gui.core.words import Words, say

CODES = (
    "STRING_TOO_LONG",
    "NUMBER_OUTSIDE_VALID_RANGE",
    "INVALID_EMAIL_ADDRESS",
    "MALFORMED_ID",
    "INVALID_TYPE_ON_FIELD_IN_RECORD",
)
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")
_ID = re.compile(r"^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$")


def diagnose(rows: GroupRows, org: OrgReader) -> Diagnosis:
    field_name = rows.fields[0] if rows.fields else ""
    described = org.describe(rows.object)
    info = described.field(field_name) if described and field_name else None
    if info is None:
        return nothing(
            say(
                "The describe of {object} has no field {field}.",
                object=rows.object,
                field=field_name or say("(field not named)"),
            )
        )
    values = rows.column(info.name)
    if values is None:
        return nothing(
            say("The failed rows have no {field} column to check.", field=info.name), [_size(info)]
        )
    test, rule = _check(rows.code, info)
    bad = [v for v in values if v and not test(v)]
    steps: list[FixStep] = []
    if rows.code == "STRING_TOO_LONG" and bad and info.length:
        steps.append(Truncate(info.name, info.length))
    details: list[str] = [
        _size(info),
        say("{count:,} {rows} break it ({rule}).", count=len(bad), rows=rows.of_rows(), rule=rule),
    ]
    details += [say("Example: “{value}”", value=v[:120]) for v in list(dict.fromkeys(bad))[:3]]
    head = say(
        "{field} is {size}: {count:,} {rows} {rule}",
        field=info.name,
        size=info.size_words(),
        count=len(bad),
        rows=rows.of_rows(),
        rule=rule,
    )
    return found(head, details, [], steps)


def _size(info: FieldInfo) -> str:
    return say("{label} ({field}) is {size}.", label=info.label, field=info.name, size=info.size_words())


def _check(code: str, info: FieldInfo) -> tuple[Callable[[str], bool], Words]:
    """(value is fine, what the bad ones do in words)."""
    if code == "STRING_TOO_LONG":
        return (lambda v: len(v) <= info.length), say(
            "are longer than {length:,} characters", length=info.length
        )
    if code == "NUMBER_OUTSIDE_VALID_RANGE":
        limit = 10 ** (info.precision - info.scale)
        return (lambda v: _number_fits(v, limit)), say("are not numbers below {limit:,}", limit=limit)
    if code == "INVALID_EMAIL_ADDRESS":
        return (lambda v: bool(_EMAIL.match(v))), say("are not e-mail addresses")
    if code == "MALFORMED_ID":
        prefixes = info.reference_to
        if prefixes:
            return (lambda v: bool(_ID.match(v))), say(
                "are not 15- or 18-character IDs of {objects}", objects=", ".join(prefixes)
            )
        return (lambda v: bool(_ID.match(v))), say("are not 15- or 18-character IDs")
    if info.type in ("date", "datetime"):
        return _is_date, say("are not dates written YYYY-MM-DD")
    if info.type in ("double", "currency", "percent", "int"):
        return (lambda v: _number_fits(v, float("inf"))), say("are not plain numbers")
    return (lambda v: True), say("do not fit its type {type}", type=info.type)


def _number_fits(text: str, limit: float) -> bool:
    try:
        value = float(text)
    except ValueError:
        return False
    return abs(value) < limit


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text[:10])
    except ValueError:
        return False
    return len(text) == 10 or text[10] == "T"
