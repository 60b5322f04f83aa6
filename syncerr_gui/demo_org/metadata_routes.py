"""What the diagnosis reads from the demo org: `sobjects/{object}/describe`, Tooling API
`ValidationRule` queries, and `query` / `queryAll` of records, `User`, `UserRecordAccess`,
`FlowDefinitionView` and `DuplicateRule`. Other queries go on to the job queries
(`QueryRoutes`). Setup metadata needs "View Setup and Configuration", as in Salesforce.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

from syncerr_gui.demo_org import metadata
from syncerr_gui.demo_org.data import INTEGRATION_USERS, user_id
from syncerr_gui.demo_org.httpkit import Request, Response, Router
from syncerr_gui.demo_org.ids import checksum, sf_id
from syncerr_gui.demo_org.query import QueryRoutes
from syncerr_gui.demo_org.soql import SoqlError
from syncerr_gui.demo_org.state import OrgState

logger = logging.getLogger(__name__)

_SELECT = re.compile(
    r"^\s*SELECT\s+(?P<fields>.+?)\s+FROM\s+(?P<object>\w+)(?:\s+WHERE\s+(?P<where>.+?))?"
    r"(?:\s+LIMIT\s+(?P<limit>\d+))?\s*$",
    re.IGNORECASE | re.DOTALL,
)
_CONDITION = re.compile(
    r"^\s*(?P<field>[\w.]+)\s*(?:=\s*(?P<one>'(?:[^'\\]|\\.)*'|true|false)|IN\s*\((?P<many>[^)]*)\))\s*$",
    re.IGNORECASE,
)
_SETUP_OBJECTS = ("flowdefinitionview", "duplicaterule", "validationrule")
_RECORD_OBJECTS = {o.lower(): o for o in metadata.PREFIX_OBJECT.values() if o != "User"}
NO_SETUP = (
    "Insufficient Privileges: this needs the View Setup and Configuration permission (PermissionsViewSetup)."
)
Records = list[dict[str, Any]]


class MetadataRoutes:
    """Describe, Tooling queries and the diagnosis's record queries; the rest to `jobs`."""

    def __init__(self, state: OrgState, jobs: QueryRoutes) -> None:
        self.state = state
        self.jobs = jobs
        self._names = {user_id(n): name for name, n, _ in INTEGRATION_USERS}

    def register(self, router: Router) -> None:
        """Add describe, tooling/query, query and queryAll (before the job queries)."""
        router.add("GET", r"/services/data/{ver}/sobjects/(?P<object>\w+)/describe/?", self.describe)
        router.add("GET", r"/services/data/{ver}/tooling/query/?", self.tooling)
        router.add("GET", r"/services/data/{ver}/query/?", lambda r: self.query(r, False))
        router.add("GET", r"/services/data/{ver}/queryAll/?", lambda r: self.query(r, True))

    def describe(self, request: Request) -> Response:
        found = metadata.describe(request.params["object"])
        if found is None:
            name = request.params["object"]
            return _error("NOT_FOUND", f"The requested resource does not exist: sObject type '{name}'", 404)
        return Response.json(found)

    def tooling(self, request: Request) -> Response:
        """Tooling `query?q=`: ValidationRule only."""
        return self._answer(request, lambda obj, fields, conds: self._rules(obj, fields, conds), tooling=True)

    def query(self, request: Request, include_deleted: bool) -> Response:
        obj = (_SELECT.match(request.query.get("q", "")) or {"object": ""})["object"] or ""
        mine = obj.lower() in (*_SETUP_OBJECTS, "user", "userrecordaccess", *_RECORD_OBJECTS)
        if not mine and not include_deleted:
            return self.jobs.query(request)
        return self._answer(request, lambda o, f, c: self._records(o, f, c, include_deleted), tooling=False)

    # -- answering -----------------------------------------------------------------------------
    def _answer(
        self, request: Request, run: Callable[[str, list[str], dict[str, list[str]]], Records], tooling: bool
    ) -> Response:
        try:
            match = _SELECT.match(request.query.get("q", ""))
            if match is None:
                raise SoqlError("MALFORMED_QUERY", "unexpected token: unable to parse the query")
            obj = match["object"]
            if obj.lower() in _SETUP_OBJECTS and not self._views_setup(request):
                return _error("INSUFFICIENT_ACCESS", NO_SETUP, 403)
            fields = [f.strip() for f in match["fields"].split(",")]
            records = run(obj, fields, _conditions(match["where"] or ""))
        except SoqlError as exc:
            return _error(exc.code, exc.message, 400)
        if match["limit"]:
            records = records[: int(match["limit"])]
        answer: dict[str, Any] = {"size": len(records), "totalSize": len(records), "done": True}
        if tooling:
            answer["entityTypeName"] = "ValidationFormula"
        answer["records"] = records
        return Response.json(answer)

    def _views_setup(self, request: Request) -> bool:
        key = self.state.sessions.user_of(request.bearer())
        user = self.state.users.get(key or "")
        return bool(user and user.admin)

    def _rules(self, obj: str, fields: list[str], conds: dict[str, list[str]]) -> Records:
        if obj.lower() != "validationrule":
            raise SoqlError("INVALID_TYPE", f"sObject type '{obj}' is not supported.")
        rules = [
            r
            for r in metadata.VALIDATION_RULES
            if _passes(conds, {"id": r.id, "entitydefinition.qualifiedapiname": r.object, "active": r.active})
        ]
        wants_metadata = any(f.lower() in ("metadata", "fullname") for f in fields)
        if wants_metadata and len(rules) > 1:
            raise SoqlError(
                "MALFORMED_QUERY",
                "When retrieving results with Metadata or FullName fields, the query qualifications "
                "must specify no more than one row for retrieval. Result size: " + str(len(rules)),
            )
        return [_pick("ValidationRule", _rule_values(r), fields) for r in rules]

    def _records(self, obj: str, fields: list[str], conds: dict[str, list[str]], deleted: bool) -> Records:
        low = obj.lower()
        if low == "user":
            return [_pick("User", self._user(i), fields) for i in conds.get("id", [])]
        if low == "userrecordaccess":
            return self._access(fields, conds)
        if low == "flowdefinitionview":
            rows = [_flow_values(*f) for f in metadata.FLOWS]
            return [_pick(obj, v, fields) for v in rows if _passes(conds, _lower(v))]
        if low == "duplicaterule":
            rows = [_duplicate_values(n, *r) for n, r in enumerate(metadata.DUPLICATE_RULES)]
            return [_pick(obj, v, fields) for v in rows if _passes(conds, _lower(v))]
        if low not in _RECORD_OBJECTS:
            raise SoqlError("INVALID_TYPE", f"sObject type '{obj}' is not supported.")
        out = []
        for record_id in conds.get("id", []):
            state = metadata.record_state(record_id)
            if state == "missing" or (state == "deleted" and not deleted) or record_id[:3] != _prefix(low):
                continue
            values = {
                "Id": _id18(record_id),
                "IsDeleted": state == "deleted",
                "Name": f"Demo {record_id[-6:]}",
            }
            out.append(_pick(_RECORD_OBJECTS[low], values, fields))
        return out

    def _user(self, wanted: str) -> dict[str, Any]:
        known = {u.user_id[:15]: u.display_name for u in self.state.users.values()}
        name = known.get(wanted[:15]) or self._names.get(_id18(wanted)) or "Former Employee"
        return {"Id": _id18(wanted), "Name": name, "IsActive": metadata.user_active(wanted)}

    def _access(self, fields: list[str], conds: dict[str, list[str]]) -> Records:
        user = (conds.get("userid") or [""])[0]
        ids = conds.get("recordid", [])
        if not user or len(ids) > 200:
            raise SoqlError("MALFORMED_QUERY", "UserRecordAccess needs one UserId and at most 200 RecordIds")
        interactive = any(u.user_id[:15] == user[:15] for u in self.state.users.values())
        out = []
        for record_id in ids:
            visible = interactive or metadata.record_state(record_id) != "hidden"
            values = {"RecordId": _id18(record_id), "HasReadAccess": visible, "HasEditAccess": visible}
            out.append(_pick("UserRecordAccess", values, fields))
        return out


def _error(code: str, message: str, status: int) -> Response:
    return Response.json([{"message": message, "errorCode": code}], status)


def _conditions(where: str) -> dict[str, list[str]]:
    """`A = 'x' AND B IN ('y', 'z')` -> {"a": ["x"], "b": ["y", "z"]} (field names lower case)."""
    out: dict[str, list[str]] = {}
    for part in re.split(r"\s+AND\s+", where.strip(), flags=re.IGNORECASE) if where.strip() else []:
        found = _CONDITION.match(part)
        if found is None:
            raise SoqlError("MALFORMED_QUERY", f"unexpected token: '{part.strip()[:40]}'")
        items = [found["one"]] if found["one"] else re.findall(r"'((?:[^'\\]|\\.)*)'", found["many"] or "")
        out[found["field"].lower()] = [i.strip("'").replace("\\'", "'") for i in items]
    return out


def _passes(conds: dict[str, list[str]], values: dict[str, Any]) -> bool:
    for name, wanted in conds.items():
        have = values.get(name)
        text = str(have).lower() if isinstance(have, bool) else str(have)
        if name == "id":
            if not any(w[:15] == text[:15] for w in wanted):
                return False
        elif text not in wanted:
            return False
    return True


def _lower(values: dict[str, Any]) -> dict[str, Any]:
    return {k.lower(): v for k, v in values.items()}


def _pick(sobject: str, values: dict[str, Any], fields: list[str]) -> dict[str, Any]:
    """A record with `attributes` and the asked fields (dotted ones nested), unknown ones refused."""
    record: dict[str, Any] = {
        "attributes": {"type": sobject, "url": f"/sobjects/{sobject}/{values.get('Id', '')}"}
    }
    lower = _lower(values)
    for name in fields:
        if name.lower() not in lower:
            raise SoqlError("INVALID_FIELD", f"No such column '{name}' on entity '{sobject}'.")
        head, _, tail = name.partition(".")
        value = lower[name.lower()]
        if tail:
            record.setdefault(head, {"attributes": {"type": head}})[tail] = value
        else:
            record[next(k for k in values if k.lower() == name.lower())] = value
    return record


def _rule_values(rule: metadata.ValidationRule) -> dict[str, Any]:
    return {
        "Id": rule.id,
        "ValidationName": rule.name,
        "Active": rule.active,
        "ErrorMessage": rule.message,
        "ErrorDisplayField": rule.display_field,
        "Description": rule.description,
        "EntityDefinition.QualifiedApiName": rule.object,
        "FullName": f"{rule.object}.{rule.name}",
        "Metadata": {
            "active": rule.active,
            "description": rule.description or None,
            "errorConditionFormula": rule.formula,
            "errorDisplayField": rule.display_field,
            "errorMessage": rule.message,
        },
    }


def _flow_values(api: str, label: str, active: int, latest: int, kind: str) -> dict[str, Any]:
    number = 300 + sum(map(ord, api))
    return {
        "Id": sf_id("300", number),
        "DurableId": sf_id("300", number),
        "ApiName": api,
        "Label": label,
        "IsActive": active > 0,
        "ActiveVersionId": sf_id("301", number * 10 + active) if active else None,
        "LatestVersionId": sf_id("301", number * 10 + latest),
        "ProcessType": kind,
        "VersionNumber": active or None,
    }


def _duplicate_values(n: int, name: str, label: str, sobject: str, active: bool) -> dict[str, Any]:
    return {
        "Id": sf_id("0Bm", 400 + n),
        "DeveloperName": name,
        "MasterLabel": label,
        "SobjectType": sobject,
        "IsActive": active,
    }


def _prefix(object_lower: str) -> str:
    return next(p for p, o in metadata.PREFIX_OBJECT.items() if o.lower() == object_lower)


def _id18(record_id: str) -> str:
    return record_id if len(record_id) == 18 else record_id[:15] + checksum(record_id[:15])
