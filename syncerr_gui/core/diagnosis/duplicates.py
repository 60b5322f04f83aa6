"""DUPLICATE_VALUE, DUPLICATES_DETECTED and DUPLICATE_EXTERNAL_ID: the unique field (from
the describe) or the object's duplicate rules, repeats among the failed rows, and the
existing records the messages name (links)."""

from __future__ import annotations

import re
from collections import Counter

from syncerr_gui.core.diagnosis.group_rows import GroupRows
from syncerr_gui.core.diagnosis.model import Diagnosis, Link, found, nothing
from syncerr_gui.core.diagnosis.org_reader import OrgReader, record_path, soql_text
from syncerr_gui.core.diagnosis.references import object_of_id

CODES = ("DUPLICATE_VALUE", "DUPLICATES_DETECTED", "DUPLICATE_EXTERNAL_ID")
_FIELD_IN_MESSAGE = re.compile(r"duplicate value found: (\w+) duplicates")


def diagnose(rows: GroupRows, org: OrgReader) -> Diagnosis:
    if rows.code == "DUPLICATES_DETECTED":
        return _rules(rows, org)
    return _unique_field(rows, org)


def _unique_field(rows: GroupRows, org: OrgReader) -> Diagnosis:
    named = _FIELD_IN_MESSAGE.search(rows.message)
    candidates = [named[1]] if named else list(rows.fields)
    described = org.describe(rows.object)
    info = next((f for f in (described.field(c) for c in candidates) if f) if described else iter(()), None)
    existing = rows.named_ids()
    links = [Link(f"Open existing {object_of_id(i)} {i}", record_path(i)) for i in existing[:5]]
    details = []
    if existing:
        details.append(
            f"The messages name {len(existing):,} existing records, e.g. " + ", ".join(existing[:3]) + "."
        )
    if info is None:
        if not existing:
            return nothing(f"The message names no field of {rows.object} and no existing record.")
        return found(f"Each row matches an existing {rows.object} (the message names it)", details, links)
    kind = "an external ID" if info.external_id else "a field"
    details.insert(0, f"{info.label} ({info.name}) is {kind}{' marked unique' if info.unique else ''}.")
    repeats = Counter(v for v in rows.column(info.name) or [] if v)
    twice = {v: c for v, c in repeats.items() if c > 1}
    if twice:
        details.append(f"{len(twice):,} values repeat among the failed rows, e.g. “{next(iter(twice))}”.")
    if rows.code == "DUPLICATE_EXTERNAL_ID":
        details.append("More than one record holds the same external ID: merge them, then upsert again.")
        head = f"{info.name} matches more than one existing record"
    else:
        head = f"{info.name} must be unique: these values already exist on other records"
    return found(head, details, links)


def _rules(rows: GroupRows, org: OrgReader) -> Diagnosis:
    rules = org.query(
        "SELECT Id, DeveloperName, MasterLabel, IsActive FROM DuplicateRule "
        f"WHERE SobjectType = '{soql_text(rows.object)}'",
        setup=True,
    )
    active = [r for r in rules if r.get("IsActive")]
    if not active:
        return nothing(f"No active duplicate rule on {rows.object} was found.")
    details = [f"Duplicate rule {r.get('MasterLabel')} ({r.get('DeveloperName')}), active." for r in active]
    details.append(
        "Allow the save in the rule's actions for the integration user, or load the matched records' IDs."
    )
    links = [
        Link(
            f"Open {r.get('MasterLabel')} in Setup",
            f"/lightning/setup/DuplicateRules/page?address=%2F{r.get('Id')}",
        )
        for r in active
    ]
    return found(f"Duplicate rule {active[0].get('MasterLabel')} blocks these rows", details, links)
