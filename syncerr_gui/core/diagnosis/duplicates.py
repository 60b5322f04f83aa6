"""DUPLICATE_VALUE, DUPLICATES_DETECTED and DUPLICATE_EXTERNAL_ID: the unique field (from
the describe) or the object's duplicate rules, repeats among the failed rows, and the
existing records the messages name (links)."""

from __future__ import annotations

import re
from collections import Counter

from syncerr_gui.core.diagnosis.group_rows import GroupRows
from syncerr_gui.core.diagnosis.model import Diagnosis, Link, found, nothing
from syncerr_gui.core.diagnosis.org_reader import OrgReader, record_path, soql_text
from syncerr_gui.core.diagnosis.references import object_words
from syncerr_gui.core.words import say

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
    links = [
        Link(say("Open existing {object} {id}", object=object_words(i), id=i), record_path(i))
        for i in existing[:5]
    ]
    details: list[str] = []
    if existing:
        details.append(
            say(
                "The messages name {count:,} existing records, e.g. {ids}.",
                count=len(existing),
                ids=", ".join(existing[:3]),
            )
        )
    if info is None:
        if not existing:
            return nothing(
                say("The message names no field of {object} and no existing record.", object=rows.object)
            )
        return found(
            say("Each row matches an existing {object} (the message names it)", object=rows.object),
            details,
            links,
        )
    details.insert(0, _kind_words(info.label, info.name, info.external_id, info.unique))
    repeats = Counter(v for v in rows.column(info.name) or [] if v)
    twice = {v: c for v, c in repeats.items() if c > 1}
    if twice:
        details.append(
            say(
                "{count:,} values repeat among the failed rows, e.g. “{value}”.",
                count=len(twice),
                value=next(iter(twice)),
            )
        )
    if rows.code == "DUPLICATE_EXTERNAL_ID":
        details.append(say("More than one record holds the same external ID: merge them, then upsert again."))
        head = say("{field} matches more than one existing record", field=info.name)
    else:
        head = say("{field} must be unique: these values already exist on other records", field=info.name)
    return found(head, details, links)


def _kind_words(label: str, name: str, external_id: bool, unique: bool) -> str:
    """ "Email (Email__c) is an external ID marked unique." and the like."""
    if external_id and unique:
        return say("{label} ({field}) is an external ID marked unique.", label=label, field=name)
    if external_id:
        return say("{label} ({field}) is an external ID.", label=label, field=name)
    if unique:
        return say("{label} ({field}) is a field marked unique.", label=label, field=name)
    return say("{label} ({field}) is a field.", label=label, field=name)


def _rules(rows: GroupRows, org: OrgReader) -> Diagnosis:
    rules = org.query(
        "SELECT Id, DeveloperName, MasterLabel, IsActive FROM DuplicateRule "
        f"WHERE SobjectType = '{soql_text(rows.object)}'",
        setup=True,
    )
    active = [r for r in rules if r.get("IsActive")]
    if not active:
        return nothing(say("No active duplicate rule on {object} was found.", object=rows.object))
    details: list[str] = [
        say(
            "Duplicate rule {label} ({name}), active.",
            label=str(r.get("MasterLabel")),
            name=str(r.get("DeveloperName")),
        )
        for r in active
    ]
    details.append(
        say(
            "Allow the save in the rule's actions for the integration user, or load the matched records' IDs."
        )
    )
    links = [
        Link(
            say("Open {rule} in Setup", rule=str(r.get("MasterLabel"))),
            f"/lightning/setup/DuplicateRules/page?address=%2F{r.get('Id')}",
        )
        for r in active
    ]
    return found(
        say("Duplicate rule {rule} blocks these rows", rule=str(active[0].get("MasterLabel"))), details, links
    )
