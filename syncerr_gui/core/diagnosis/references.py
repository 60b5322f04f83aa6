"""ENTITY_IS_DELETED, INVALID_CROSS_REFERENCE_KEY, INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY
and INACTIVE_OWNER_OR_USER: for the IDs the failed rows refer to, whether they exist, are in
the Recycle Bin (queryAll), are inactive users (User.IsActive), or are hidden from the user
who loaded them (UserRecordAccess). Counts with examples; batched queries only."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from syncerr_gui.core.diagnosis.group_rows import ID_PATTERN, GroupRows
from syncerr_gui.core.diagnosis.model import Diagnosis, Link, found, nothing
from syncerr_gui.core.diagnosis.org_reader import OrgReader, record_path
from syncerr_gui.core.reload.batch import FixStep, SetColumn
from syncerr_gui.core.words import Words, say

CODES = (
    "ENTITY_IS_DELETED",
    "INVALID_CROSS_REFERENCE_KEY",
    "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY",
    "INACTIVE_OWNER_OR_USER",
)
MAX_IDS = 2_000  # distinct IDs checked per group (10 queries of 200): a sample beyond that
KEY_PREFIXES = {
    "001": "Account",
    "003": "Contact",
    "00Q": "Lead",
    "006": "Opportunity",
    "701": "Campaign",
    "00v": "CampaignMember",
    "500": "Case",
    "005": "User",
}
_WORDS: dict[str, Words] = {
    "missing": say("do not exist (never did, or emptied from the Recycle Bin)"),
    "deleted": say("are deleted (in the Recycle Bin: undelete them, or point to others)"),
    "inactive": say("are inactive users"),
    "hidden": say("exist but the loading user may not read them (sharing)"),
    "fine": say("exist and are visible"),
}
_SHORT: dict[str, Words] = {  # the headline's words: `_WORDS` without what is in brackets
    "missing": say("do not exist"),
    "deleted": say("are deleted"),
    "inactive": say("are inactive users"),
    "hidden": say("exist but the loading user may not read them"),
    "fine": say("exist and are visible"),
}


def object_of_id(record_id: str) -> str:
    """The object a record ID's key prefix names (standard objects), else "record"."""
    return KEY_PREFIXES.get(record_id[:3], "record")


def object_words(record_id: str) -> str:
    """`object_of_id` for a sentence: an API name stays as it is, "record" is a word to translate."""
    name = object_of_id(record_id)
    return say("record") if name == "record" else name


def open_link(record_id: str) -> Link:
    """ "Open Account 001…": a link to a record the rows name."""
    return Link(
        say("Open {object} {id}", object=object_words(record_id), id=record_id), record_path(record_id)
    )


def referenced_ids(rows: GroupRows) -> list[str]:
    """The IDs in the rows' lookup columns (and their own Id when deleted), then the named ones."""
    counts: Counter[str] = Counter()
    for row in rows.inputs:
        for name, value in row.items():
            if value and ID_PATTERN.fullmatch(value) and (name != "Id" or rows.code == "ENTITY_IS_DELETED"):
                counts[value] += 1
    for named in rows.named_ids():
        counts[named] += 1
    return [i for i, _ in counts.most_common()]


def diagnose(rows: GroupRows, org: OrgReader) -> Diagnosis:
    ids = referenced_ids(rows)
    if not ids:
        return nothing(say("The failed rows and their messages name no record ID to check."))
    checked = ids[:MAX_IDS]
    states = _states(org, checked)
    loader = rows.loaders.most_common(1)[0][0] if rows.loaders else ""
    if rows.code == "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY" and loader:
        states.update(_hidden(org, loader, [i for i, s in states.items() if s == "fine"]))
    by_state: dict[str, list[str]] = {}
    for record_id, state in states.items():
        by_state.setdefault(state, []).append(record_id)
    if len(ids) > len(checked):
        first = say(
            "Checked {count:,} referenced IDs (a sample of {count:,} of {total:,}):",
            count=len(checked),
            total=len(ids),
        )
    else:
        first = say("Checked {count:,} referenced IDs:", count=len(checked))
    details: list[str] = [first]
    links: list[Link] = []
    for state in ("missing", "deleted", "inactive", "hidden", "fine"):
        found_ids = by_state.get(state, [])
        if found_ids:
            details.append(
                say(
                    "{count:,} {state}, e.g. {ids}",
                    count=len(found_ids),
                    state=_WORDS[state],
                    ids=", ".join(found_ids[:3]),
                )
            )
            links += [open_link(i) for i in found_ids[:2] if state != "missing"]
    steps = _steps(rows, org, loader, by_state)
    worst = max((s for s in by_state if s != "fine"), key=lambda s: len(by_state[s]), default="fine")
    head = say(
        "{count:,} of {checked:,} referenced IDs {state}",
        count=len(by_state.get(worst, [])),
        checked=len(checked),
        state=_SHORT[worst],
    )
    return found(head, details, links, steps)


def _states(org: OrgReader, ids: list[str]) -> dict[str, str]:
    """missing / deleted / inactive / fine per ID, by queryAll per object (User by IsActive)."""
    states = {i: "missing" for i in ids}
    by_object: dict[str, list[str]] = {}
    for record_id in ids:
        by_object.setdefault(object_of_id(record_id), []).append(record_id)
    for obj, group in by_object.items():
        if obj == "record":
            continue
        if obj == "User":
            records = org.in_batches(group, lambda ins: f"SELECT Id, IsActive FROM User WHERE Id IN ({ins})")
        else:
            records = org.in_batches(group, _deleted_query(obj), org.query_all)
        index = {i[:15]: i for i in group}
        for record in records:
            match = index.get(str(record.get("Id", ""))[:15])
            if match:
                states[match] = _state_of(record)
    return states


def _deleted_query(obj: str) -> Callable[[str], str]:
    return lambda ins: f"SELECT Id, IsDeleted FROM {obj} WHERE Id IN ({ins})"


def _state_of(record: dict[str, Any]) -> str:
    if record.get("IsDeleted") is True:
        return "deleted"
    if record.get("IsActive") is False:
        return "inactive"
    return "fine"


def _hidden(org: OrgReader, user_id: str, ids: list[str]) -> dict[str, str]:
    """IDs the user cannot read (UserRecordAccess, at most 200 per query)."""
    records = org.in_batches(
        ids,
        lambda ins: (
            "SELECT RecordId, HasReadAccess FROM UserRecordAccess "
            f"WHERE UserId = '{user_id}' AND RecordId IN ({ins})"
        ),
    )
    out = {}
    index = {i[:15]: i for i in ids}
    for record in records:
        match = index.get(str(record.get("RecordId", ""))[:15])
        if match and record.get("HasReadAccess") is False:
            out[match] = "hidden"
    return out


def _steps(rows: GroupRows, org: OrgReader, loader: str, by_state: dict[str, list[str]]) -> list[FixStep]:
    """A replacement owner for inactive-owner rows: the (active) user who loaded them."""
    if rows.code != "INACTIVE_OWNER_OR_USER" or not loader or not by_state.get("inactive"):
        return []
    if _states(org, [loader]).get(loader) != "fine":
        return []
    return [SetColumn("OwnerId", loader)]
