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
        return nothing(f"The describe of {rows.object} has no field {field_name or '(field not named)'}.")
    values = rows.column(info.name)
    if values is None:
        return nothing(f"The failed rows have no {info.name} column to check.", [_size(info)])
    test, rule = _check(rows.code, info)
    bad = [v for v in values if v and not test(v)]
    steps: list[FixStep] = []
    if rows.code == "STRING_TOO_LONG" and bad and info.length:
        steps.append(Truncate(info.name, info.length))
    details = [_size(info), f"{len(bad):,} {rows.of_rows()} break it ({rule})."]
    details += [f"Example: “{v[:120]}”" for v in list(dict.fromkeys(bad))[:3]]
    return found(
        f"{info.name} is {info.size_words()}: {len(bad):,} {rows.of_rows()} {rule}", details, [], steps
    )


def _size(info: FieldInfo) -> str:
    return f"{info.label} ({info.name}) is {info.size_words()}."


def _check(code: str, info: FieldInfo) -> tuple[Callable[[str], bool], str]:
    """(value is fine, what the bad ones do in words)."""
    if code == "STRING_TOO_LONG":
        return (lambda v: len(v) <= info.length), f"are longer than {info.length:,} characters"
    if code == "NUMBER_OUTSIDE_VALID_RANGE":
        limit = 10 ** (info.precision - info.scale)
        return (lambda v: _number_fits(v, limit)), f"are not numbers below {limit:,}"
    if code == "INVALID_EMAIL_ADDRESS":
        return (lambda v: bool(_EMAIL.match(v))), "are not e-mail addresses"
    if code == "MALFORMED_ID":
        prefixes = info.reference_to
        return (lambda v: bool(_ID.match(v))), "are not 15- or 18-character IDs" + (
            f" of {', '.join(prefixes)}" if prefixes else ""
        )
    if info.type in ("date", "datetime"):
        return _is_date, "are not dates written YYYY-MM-DD"
    if info.type in ("double", "currency", "percent", "int"):
        return (lambda v: _number_fits(v, float("inf"))), "are not plain numbers"
    return (lambda v: True), f"do not fit its type {info.type}"


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
