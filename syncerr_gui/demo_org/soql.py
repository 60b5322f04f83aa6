"""A light SOQL evaluator for the queries the app runs (PermissionSetAssignment, AsyncApexJob,
and before a reload ObjectPermissions and Organization).

Regex-based on purpose: anything else is answered the way Salesforce answers a query it
cannot parse (400 MALFORMED_QUERY / INVALID_FIELD).
"""

from __future__ import annotations

import logging
import re
import zlib
from collections.abc import Callable
from datetime import datetime
from typing import Any

from syncerr_gui.demo_org.ids import sf_id
from syncerr_gui.demo_org.jobs import ApexJob
from syncerr_gui.demo_org.object_perms import object_permissions, organization
from syncerr_gui.demo_org.state import OrgState
from syncerr_gui.demo_org.wire import sf_time

logger = logging.getLogger(__name__)

_QUERY = re.compile(
    r"^\s*SELECT\s+(?P<fields>.+?)\s+FROM\s+(?P<object>\w+)(?:\s+WHERE\s+(?P<where>.+?))?"
    r"(?:\s+ORDER\s+BY\s+(?P<order>\w+(?:\.\w+)?)(?:\s+(?P<dir>ASC|DESC))?)?"
    r"(?:\s+LIMIT\s+(?P<limit>\d+))?\s*$",
    re.IGNORECASE | re.DOTALL,
)
_PERMS = (
    "PermissionsViewSetup",
    "PermissionsManageDataIntegrations",
    "PermissionsModifyAllData",
    "PermissionsApiEnabled",
)
# user key -> [(permission set name, label, owned by profile, granted permissions)]
_ASSIGNMENTS: dict[str, list[tuple[str, str, bool, tuple[str, ...]]]] = {
    "admin": [
        ("X00e5g000000Adm1nAAA", "System Administrator", True, _PERMS),
        ("Bulk_Job_Monitor", "Bulk Job Monitor", False, ("PermissionsManageDataIntegrations",)),
    ],
    "non_admin": [
        ("X00e5g000000Std01AAA", "Standard User", True, ("PermissionsApiEnabled",)),
        ("Marketing_User", "Marketing User", False, ()),
    ],
    "locked": [("X00e5g000000Std01AAA", "Standard User", True, ("PermissionsApiEnabled",))],
}
_PSA_FIELDS = ("Id", "AssigneeId", "PermissionSetId")
_PS_FIELDS = ("Id", "Name", "Label", "IsOwnedByProfile", "ProfileId", *_PERMS)


class SoqlError(Exception):
    """A query Salesforce would refuse: `code` is its errorCode."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class SoqlEngine:
    """Evaluates the supported SELECTs against the org's users and Apex jobs."""

    def __init__(self, state: OrgState) -> None:
        self.state = state

    def run(self, soql: str, ver: str) -> list[dict[str, Any]]:
        """All matching records, shaped like the REST query resource returns them."""
        match = _QUERY.match(soql)
        if match is None:
            raise SoqlError("MALFORMED_QUERY", "unexpected token: unable to parse the query")
        fields = [f.strip() for f in match["fields"].split(",")]
        obj = match["object"]
        if obj.lower() == "permissionsetassignment":
            records = self._assignments(fields, match["where"] or "", ver)
        elif obj.lower() == "asyncapexjob":
            records = self._apex(fields, match["where"] or "", ver, match["order"], match["dir"])
        elif obj.lower() in ("objectpermissions", "organization"):
            records = self._reload_checks(obj.lower(), fields, match["where"] or "", ver)
        else:
            raise SoqlError("INVALID_TYPE", f"sObject type '{obj}' is not supported.")
        limit = match["limit"]
        return records[: int(limit)] if limit else records

    def _assignments(self, fields: list[str], where: str, ver: str) -> list[dict[str, Any]]:
        found = re.fullmatch(r"\s*AssigneeId\s*=\s*'(\w{15,18})'\s*", where)
        if found is None:
            raise SoqlError("MALFORMED_QUERY", "Implementation restriction: filter by AssigneeId")
        user_key = next((u.key for u in self.state.users.values() if u.user_id[:15] == found[1][:15]), None)
        out: list[dict[str, Any]] = []
        for n, (name, label, profile, granted) in enumerate(_ASSIGNMENTS.get(user_key or "", [])):
            ps_id = sf_id("0PS", 7000 + zlib.crc32(name.encode()) % 900)
            values = {
                "Id": sf_id("0Pa", 9000 + n + 10 * len(out)),
                "AssigneeId": found[1],
                "PermissionSetId": ps_id,
            }
            ps_values = {
                "Id": ps_id,
                "Name": name,
                "Label": label,
                "IsOwnedByProfile": profile,
                "ProfileId": "00e5g000000Adm1nAAA" if profile else None,
                **{p: p in granted for p in _PERMS},
            }
            out.append(
                _record(
                    "PermissionSetAssignment",
                    values,
                    {"PermissionSet": ("PermissionSet", ps_values)},
                    fields,
                    ver,
                    _PSA_FIELDS,
                    _PS_FIELDS,
                )
            )
        return out

    def _reload_checks(self, obj: str, fields: list[str], where: str, ver: str) -> list[dict[str, Any]]:
        """What a reload asks before it writes (`object_perms.py`)."""
        try:
            if obj == "organization":
                return organization(self.state, fields, ver)
            return object_permissions(self.state, fields, where, ver)
        except KeyError as exc:
            raise SoqlError("INVALID_FIELD", str(exc.args[0])) from None
        except ValueError as exc:
            raise SoqlError("MALFORMED_QUERY", str(exc)) from None

    def _apex(
        self, fields: list[str], where: str, ver: str, order: str | None, direction: str | None
    ) -> list[dict[str, Any]]:
        test = _apex_filter(where)
        jobs = [j for j in self.state.catalog.apex if test(j) and not self.state.is_deleted(j.id)]
        if order:
            key = order.split(".")[-1]
            jobs.sort(
                key=lambda j: str(_apex_values(j).get(key, "")), reverse=(direction or "").upper() == "DESC"
            )
        return [
            _record(
                "AsyncApexJob",
                _apex_values(j),
                {"ApexClass": ("ApexClass", {"Id": j.class_id, "Name": j.class_name})},
                fields,
                ver,
                _APEX_KEYS,
                ("Id", "Name"),
            )
            for j in jobs
        ]


_APEX_KEYS = (
    "Id",
    "ApexClassId",
    "JobType",
    "Status",
    "ExtendedStatus",
    "NumberOfErrors",
    "JobItemsProcessed",
    "TotalJobItems",
    "CreatedDate",
    "CompletedDate",
    "CreatedById",
    "MethodName",
)


def _apex_values(job: ApexJob) -> dict[str, Any]:
    return {
        "Id": job.id,
        "ApexClassId": job.class_id,
        "JobType": job.job_type,
        "Status": job.status,
        "ExtendedStatus": job.extended_status,
        "NumberOfErrors": job.number_of_errors,
        "JobItemsProcessed": job.items_processed,
        "TotalJobItems": job.total_items,
        "CreatedDate": sf_time(job.created),
        "CompletedDate": sf_time(job.completed),
        "CreatedById": job.created_by,
        "MethodName": None,
    }


def _record(
    sobject: str,
    values: dict[str, Any],
    related: dict[str, tuple[str, dict[str, Any]]],
    fields: list[str],
    ver: str,
    own: tuple[str, ...],
    theirs: tuple[str, ...],
) -> dict[str, Any]:
    """A record with `attributes`, fields in SELECT order, relationship fields nested."""
    rec: dict[str, Any] = {
        "attributes": {"type": sobject, "url": f"/services/data/v{ver}/sobjects/{sobject}/{values['Id']}"}
    }
    for name in fields:
        rel, _, field = name.partition(".")
        if not field:
            real = next((k for k in own if k.lower() == rel.lower()), None)
            if real is None:
                raise SoqlError("INVALID_FIELD", f"No such column '{rel}' on entity '{sobject}'.")
            rec[real] = values[real]
            continue
        target = next((k for k in related if k.lower() == rel.lower()), None)
        real = next((k for k in theirs if k.lower() == field.lower()), None)
        if target is None or real is None:
            raise SoqlError("INVALID_FIELD", f"No such column '{name}' on entity '{sobject}'.")
        rel_type, rel_values = related[target]
        nested = rec.setdefault(
            target,
            {
                "attributes": {
                    "type": rel_type,
                    "url": f"/services/data/v{ver}/sobjects/{rel_type}/{rel_values['Id']}",
                }
            },
        )
        nested[real] = rel_values[real]
    return rec


def _apex_filter(where: str) -> Callable[[ApexJob], bool]:
    """The AND of the supported conditions; anything else is MALFORMED_QUERY."""
    tests: list[Callable[[ApexJob], bool]] = []
    rest = where
    for pattern, make in _CONDITIONS:
        while (found := re.search(pattern, rest, re.IGNORECASE)) is not None:
            tests.append(make(found))
            rest = rest[: found.start()] + " " + rest[found.end() :]
    if re.sub(r"\b(AND)\b|[()\s]", "", rest, flags=re.IGNORECASE):
        raise SoqlError("MALFORMED_QUERY", f"unexpected token: '{rest.strip()[:40]}'")
    return lambda job: all(t(job) for t in tests)


def _literal_time(text: str) -> datetime:
    value = re.sub(r"Z$", "+00:00", text.strip())
    value = re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", value)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise SoqlError("MALFORMED_QUERY", f"line 1: invalid date-time literal: {text}") from exc
    if parsed.tzinfo is None:
        raise SoqlError("MALFORMED_QUERY", f"line 1: invalid date-time literal: {text}")
    return parsed


def _status_in(found: re.Match[str]) -> Callable[[ApexJob], bool]:
    wanted = {s.strip().strip("'").lower() for s in found[1].split(",")}
    return lambda job: job.status.lower() in wanted


def _completed(found: re.Match[str]) -> Callable[[ApexJob], bool]:
    op, when = found[1], _literal_time(found[2])
    checks = {
        ">=": lambda t: t >= when,
        ">": lambda t: t > when,
        "<=": lambda t: t <= when,
        "<": lambda t: t < when,
        "=": lambda t: t == when,
    }
    return lambda job: checks[op](job.completed)


def _failed_or_with_errors(status_matches: Callable[[ApexJob], bool]) -> Callable[[ApexJob], bool]:
    """`(Status IN (…) OR NumberOfErrors > 0)`."""
    return lambda job: status_matches(job) or job.number_of_errors > 0


_CONDITIONS: tuple[tuple[str, Callable[[re.Match[str]], Callable[[ApexJob], bool]]], ...] = (
    (
        r"\(\s*Status\s+IN\s*\(([^)]*)\)\s+OR\s+NumberOfErrors\s*>\s*0\s*\)",
        lambda f: _failed_or_with_errors(_status_in(f)),
    ),
    (r"Status\s+IN\s*\(([^)]*)\)", _status_in),
    (r"NumberOfErrors\s*>\s*0", lambda f: lambda job: job.number_of_errors > 0),
    (r"CompletedDate\s*(>=|<=|>|<|=)\s*([0-9T:.+\-Z]+)", _completed),
)
