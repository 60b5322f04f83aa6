"""May this user reload into this object? Asked before the first write, answered in words.

A Bulk API 2.0 ingest job needs "API Enabled", and the operation needs the object right:
create for insert, edit for update, create and edit for upsert, delete for delete and hard
delete. The rights are the union over the user's permission sets (profiles included), read
from `PermissionSetAssignment` and `ObjectPermissions`, as `core.auth.permissions` reads
the admin rights. "Modify All Data" grants every object right. Whether the org is
production or a sandbox comes from `Organization.IsSandbox` (unreadable = production, the
cautious answer: a production confirmation asks more).
"""

from __future__ import annotations

import logging
import re

from syncerr_gui.core.exceptions import RequestFailed
from syncerr_gui.core.reload.batch import DELETE, HARD_DELETE, INSERT, UPDATE, UPSERT, ReloadTarget
from syncerr_gui.core.salesforce.client import OrgClient
from syncerr_gui.core.words import Words, say

logger = logging.getLogger(__name__)

MAX_PAGES = 20
_ID = re.compile(r"^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$")
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
RIGHT_WORDS = {"PermissionsCreate": "create", "PermissionsEdit": "edit", "PermissionsDelete": "delete"}
NEEDED = {
    INSERT: ("PermissionsCreate",),
    UPDATE: ("PermissionsEdit",),
    UPSERT: ("PermissionsCreate", "PermissionsEdit"),
    DELETE: ("PermissionsDelete",),
    HARD_DELETE: ("PermissionsDelete",),
}


def missing_reload_permissions(client: OrgClient, target: ReloadTarget, user_id: str) -> list[str]:
    """What the user lacks for this reload, one phrase each (empty: nothing is missing)."""
    if not _ID.match(user_id) or not _NAME.match(target.object_name):
        return [say("a usable user id and object name (the permission check could not be asked)")]
    user_rights = _user_rights(client, user_id)
    missing: list[str] = []
    if "PermissionsApiEnabled" not in user_rights:
        missing.append(say("“API Enabled” (to create Bulk API jobs)"))
    if "PermissionsModifyAllData" in user_rights:
        return missing
    granted = _object_rights(client, target.object_name, user_id)
    lacking = [RIGHT_WORDS[r] for r in NEEDED.get(target.operation, ()) if r not in granted]
    if lacking:
        missing.append(_right_to(lacking, target.object_name))
    return missing


def _right_to(lacking: list[str], object_name: str) -> Words:
    """ "the right to create and edit Contact records" (one sentence each, for the window)."""
    if lacking == ["create", "edit"]:
        return say("the right to create and edit {object} records", object=object_name)
    if lacking == ["create"]:
        return say("the right to create {object} records", object=object_name)
    if lacking == ["edit"]:
        return say("the right to edit {object} records", object=object_name)
    if lacking == ["delete"]:
        return say("the right to delete {object} records", object=object_name)
    return say("the right to {rights} {object} records", rights=" and ".join(lacking), object=object_name)


def refusal_words(missing: list[str], username: str) -> str:
    """The sentence shown when something is missing."""
    return (
        f"{username or 'This user'} cannot reload these rows: missing "
        + "; ".join(missing)
        + ". Ask an admin for a permission set that grants it, or log in as a user who has it."
    )


def org_is_production(client: OrgClient) -> bool:
    """True unless Salesforce says the org is a sandbox."""
    try:
        for page in client.query_pages("SELECT IsSandbox FROM Organization", 1):
            for record in page.get("records") or []:
                if isinstance(record, dict) and record.get("IsSandbox") is True:
                    return False
    except RequestFailed as exc:
        logger.info("could not tell sandbox from production (%s): treating it as production", exc)
    return True


def _user_rights(client: OrgClient, user_id: str) -> set[str]:
    soql = (
        "SELECT PermissionSet.PermissionsApiEnabled, PermissionSet.PermissionsModifyAllData "
        f"FROM PermissionSetAssignment WHERE AssigneeId = '{user_id}'"
    )
    rights: set[str] = set()
    for record in _records(client, soql):
        permission_set = record.get("PermissionSet")
        if isinstance(permission_set, dict):
            rights.update(
                k
                for k in ("PermissionsApiEnabled", "PermissionsModifyAllData")
                if permission_set.get(k) is True
            )
    return rights


def _object_rights(client: OrgClient, object_name: str, user_id: str) -> set[str]:
    soql = (
        "SELECT SobjectType, PermissionsCreate, PermissionsEdit, PermissionsDelete FROM ObjectPermissions "
        f"WHERE SobjectType = '{object_name}' AND ParentId IN "
        f"(SELECT PermissionSetId FROM PermissionSetAssignment WHERE AssigneeId = '{user_id}')"
    )
    return {k for record in _records(client, soql) for k in RIGHT_WORDS if record.get(k) is True}


def _records(client: OrgClient, soql: str) -> list[dict[str, object]]:
    """Every record of the query; a refusal to show them (INSUFFICIENT_ACCESS, 403) is none."""
    try:
        return [
            record
            for page in client.query_pages(soql, MAX_PAGES)
            for record in page.get("records") or []
            if isinstance(record, dict)
        ]
    except RequestFailed as exc:
        if exc.error_code.startswith("INSUFFICIENT_ACCESS") or (
            exc.status == 403 and exc.error_code != "REQUEST_LIMIT_EXCEEDED"
        ):
            return []
        raise
