"""REQUIRED_FIELD_MISSING: the object's required fields from the describe, and which of
them the failed rows lack (the column missing from the upload, or empty)."""

from __future__ import annotations

from syncerr_gui.core.diagnosis.describe import FieldInfo
from syncerr_gui.core.diagnosis.group_rows import GroupRows
from syncerr_gui.core.diagnosis.model import Diagnosis, found, nothing
from syncerr_gui.core.diagnosis.org_reader import OrgReader
from syncerr_gui.core.reload.batch import FillEmpty, FixStep
from syncerr_gui.core.words import Value, say

CODES = ("REQUIRED_FIELD_MISSING",)
PLACEHOLDER = "[not provided]"  # what Salesforce's own Web-to-Lead puts in an empty Company


def diagnose(rows: GroupRows, org: OrgReader) -> Diagnosis:
    described = org.describe(rows.object)
    if described is None:
        return nothing(
            say("Salesforce does not describe {object}: its required fields are unknown.", object=rows.object)
        )
    required = described.required_on_create()
    named = [described.field(f) for f in rows.fields]
    wanted = {f.name: f for f in [*required, *(f for f in named if f is not None)]}
    details: list[str] = [
        say("Required on create: {fields}.", fields=", ".join(f"{f.label} ({f.name})" for f in required))
    ]
    lacking: list[tuple[FieldInfo, int, bool]] = []
    for info in wanted.values():
        values = rows.column(info.name)
        empty = len(rows.inputs) if values is None else sum(1 for v in values if not v.strip())
        if empty:
            lacking.append((info, empty, values is None))
    steps: list[FixStep] = []
    for info, empty, absent in lacking:
        how = say("the upload has no such column") if absent else say("empty")
        default = _default(info)
        lack: dict[str, Value] = {"field": info.name, "count": empty, "rows": rows.of_rows(), "how": how}
        if default:
            details.append(
                say(
                    "{field}: {count:,} {rows} lack it ({how}); suggested default “{default}”.",
                    default=default,
                    **lack,
                )
            )
        else:
            details.append(
                say("{field}: {count:,} {rows} lack it ({how}); no default can be suggested.", **lack)
            )
        if default:
            steps.append(FillEmpty(info.name, default))
    if not lacking:
        return nothing(
            say(
                "The failed rows fill every required field; the field may be required by a layout or trigger."
            ),
            details,
        )
    names = ", ".join(i.name for i, _, _ in lacking)
    return found(say("The failed rows lack required {fields}", fields=names), details, [], steps)


def _default(info: FieldInfo) -> str:
    """A value to offer: a picklist's first valid value, a placeholder for text; else none."""
    if info.type == "picklist" and info.active_values:
        return info.active_values[0]
    if info.type in ("string", "textarea"):
        return PLACEHOLDER
    return ""
