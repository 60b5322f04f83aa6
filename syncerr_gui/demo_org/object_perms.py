"""Object rights and the org record in the demo org: `ObjectPermissions` and `Organization`.

What a reload checks before it writes: which of the user's permission sets may create, edit
or delete records of an object, and whether the org is a sandbox. The admin may do
everything; the non-admin ("Nico Analyst", Standard User) may read every object and create
Leads, but edit and delete nothing, so a reload as that user is refused in words.
"""

from __future__ import annotations

import logging
import re
import zlib
from typing import Any

from syncerr_gui.demo_org.ids import sf_id
from syncerr_gui.demo_org.state import OrgState

logger = logging.getLogger(__name__)

RIGHTS = ("PermissionsRead", "PermissionsCreate", "PermissionsEdit", "PermissionsDelete")
OBJECTS = ("Lead", "Contact", "Account", "Opportunity", "CampaignMember")
# user key -> [(permission set name, {object: rights granted})]
_GRANTS: dict[str, list[tuple[str, dict[str, tuple[str, ...]]]]] = {
    "admin": [("X00e5g000000Adm1nAAA", dict.fromkeys(OBJECTS, RIGHTS))],
    "non_admin": [
        ("X00e5g000000Std01AAA", dict.fromkeys(OBJECTS, ("PermissionsRead",))),
        ("Marketing_User", {"Lead": ("PermissionsRead", "PermissionsCreate")}),
    ],
    "locked": [("X00e5g000000Std01AAA", dict.fromkeys(OBJECTS, ("PermissionsRead",)))],
}
_OBJECT = re.compile(r"SobjectType\s*=\s*'(\w+)'", re.IGNORECASE)
_ASSIGNEE = re.compile(
    r"ParentId\s+IN\s*\(\s*SELECT\s+PermissionSetId\s+FROM\s+PermissionSetAssignment\s+WHERE\s+"
    r"AssigneeId\s*=\s*'(\w{15,18})'\s*\)",
    re.IGNORECASE,
)


def object_permissions(state: OrgState, fields: list[str], where: str, ver: str) -> list[dict[str, Any]]:
    """One record per permission set of the assignee that grants any right on the object."""
    obj, assignee = _OBJECT.search(where), _ASSIGNEE.search(where)
    if obj is None or assignee is None:
        raise ValueError("filter ObjectPermissions by SobjectType and the assignee's permission sets")
    user = next((u.key for u in state.users.values() if u.user_id[:15] == assignee[1][:15]), "")
    out: list[dict[str, Any]] = []
    for name, grants in _GRANTS.get(user, []):
        granted = grants.get(obj[1], ())
        if not granted:
            continue
        parent = sf_id("0PS", 7000 + zlib.crc32(name.encode()) % 900)
        values = {"Id": sf_id("110", 8000 + len(out)), "ParentId": parent, "SobjectType": obj[1]}
        values.update({right: right in granted for right in RIGHTS})
        out.append(_record("ObjectPermissions", values, fields, ver))
    return out


def organization(state: OrgState, fields: list[str], ver: str) -> list[dict[str, Any]]:
    """The org's one record: whether it is a sandbox, and its edition."""
    values = {
        "Id": state.org_id,
        "Name": "Sync Errors Demo",
        "IsSandbox": state.config.sandbox,
        "OrganizationType": "Developer Edition" if state.config.sandbox else "Enterprise Edition",
        "InstanceName": "CS42" if state.config.sandbox else "NA42",
    }
    return [_record("Organization", values, fields, ver)]


def _record(sobject: str, values: dict[str, Any], fields: list[str], ver: str) -> dict[str, Any]:
    record: dict[str, Any] = {
        "attributes": {"type": sobject, "url": f"/services/data/v{ver}/sobjects/{sobject}/{values['Id']}"}
    }
    for name in fields:
        real = next((k for k in values if k.lower() == name.lower()), None)
        if real is None:
            raise KeyError(f"No such column '{name}' on entity '{sobject}'.")
        record[real] = values[real]
    return record
