"""Diagnosis tests' helpers: the groups of a demo org's errors, a diagnoser for its admin or non-admin."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from syncerr_gui.core.diagnosis.diagnoser import Diagnoser
from syncerr_gui.core.diagnosis.group_rows import GroupRows
from syncerr_gui.core.diagnosis.org_reader import OrgReader
from syncerr_gui.core.frame.groups import ErrorGroups
from syncerr_gui.core.frame.schema import RECORD_LEVEL
from syncerr_gui.core.salesforce.client import OrgClient
from syncerr_gui.demo_org import DemoOrg
from syncerr_gui.demo_org.connect import demo_session

Find = Callable[..., GroupRows]


def group_finder(org: DemoOrg) -> Find:
    """`find(code, object, contains="")`: the largest record-level group of that cause whose
    message holds `contains`."""
    frame, details = org.truth.errors_with_details()
    groups = ErrorGroups(frame)
    table = groups.summary().table

    def find(code: str, obj: str, contains: str = "") -> GroupRows:
        chosen = table[
            (table["error_type"] == code) & (table["object"] == obj) & (table["failed_on"] == RECORD_LEVEL)
        ]
        for _, top in chosen.iterrows():
            rows = GroupRows.of(frame, groups.rows_of([int(top["group"])]), details, str(top["key"]))
            if contains in rows.message:
                return rows
        raise AssertionError(f"the demo org has no {code} group on {obj} saying {contains!r}")

    return find


def diagnoser_for(org: DemoOrg, admin: bool = True) -> Diagnoser:
    return Diagnoser(OrgReader(OrgClient(demo_session(org, admin=admin))))


def lines(diagnosis: Any) -> str:
    return "\n".join((diagnosis.headline, *diagnosis.details))
