"""Is the logged-in user an admin? The union of the permissions of all their assignments.

Profiles appear in `PermissionSetAssignment` as permission sets owned by the profile, so one
query covers both. Admin = Modify All Data, or all of Manage Data Integrations + API Enabled +
View Setup and Configuration (what Salesforce's own Bulk Data Load Jobs page needs). A user
Salesforce will not even let read their own assignments (INSUFFICIENT_ACCESS) is not an admin.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests
from simple_salesforce.exceptions import (
    SalesforceError,
    SalesforceExpiredSession,
    SalesforceRefusedRequest,
)

from syncerr_gui.core.auth.login import OrgSession, network_words
from syncerr_gui.core.exceptions import LoginError

logger = logging.getLogger(__name__)

MODIFY_ALL_DATA = "Modify All Data"
MANAGE_DATA_INTEGRATIONS = "Manage Data Integrations"
VIEW_SETUP = "View Setup and Configuration"
API_ENABLED = "API Enabled"
FIELDS = {
    "PermissionsModifyAllData": MODIFY_ALL_DATA,
    "PermissionsManageDataIntegrations": MANAGE_DATA_INTEGRATIONS,
    "PermissionsApiEnabled": API_ENABLED,
    "PermissionsViewSetup": VIEW_SETUP,
}
REQUIRED = (MANAGE_DATA_INTEGRATIONS, VIEW_SETUP, API_ENABLED)
MAX_PAGES = 20
_ID_RE = re.compile(r"^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$")


@dataclass(frozen=True)
class AdminCheck:
    """The verdict, what is missing and what was granted (permission names in words)."""

    is_admin: bool
    missing: tuple[str, ...]
    granted: tuple[str, ...]
    refused: bool = False  # Salesforce refused to show the user's permissions at all

    def message(self) -> str:
        """The sentence a refused user sees, naming what is missing."""
        if self.is_admin:
            return "You have the permissions this app needs."
        if self.refused:
            return (
                "This app is for Salesforce admins: Salesforce would not show this user's "
                "permissions (INSUFFICIENT_ACCESS). It needs Modify All Data, or " + _words(REQUIRED) + "."
            )
        return (
            "This app is for Salesforce admins. Your user is missing "
            + _words(self.missing)
            + ". Ask an admin for a permission set that grants "
            + ("it" if len(self.missing) == 1 else "them")
            + " (or Modify All Data), then log in again."
        )


def check_admin(session: OrgSession) -> AdminCheck:
    """Query the user's permission set assignments and decide; network failures raise LoginError.

    An expired session is renewed once when the session can log in again.
    """
    if not _ID_RE.match(session.user_id):
        raise LoginError("Salesforce gave an unusable user id: cannot check permissions.")
    try:
        return _verdict(_granted(session))
    except SalesforceExpiredSession:
        if session.reauthenticate is None:
            raise LoginError("The session expired while checking permissions: log in again.") from None
    session.reauthenticate()
    try:
        return _verdict(_granted(session))
    except SalesforceExpiredSession:
        raise LoginError("The session expired while checking permissions: log in again.") from None


def _granted(session: OrgSession) -> set[str] | None:
    """The union of the relevant permissions over all assignments; None when Salesforce refuses."""
    soql = (
        "SELECT PermissionSet.PermissionsViewSetup, PermissionSet.PermissionsManageDataIntegrations, "
        "PermissionSet.PermissionsModifyAllData, PermissionSet.PermissionsApiEnabled "
        f"FROM PermissionSetAssignment WHERE AssigneeId = '{session.user_id}'"
    )
    granted: set[str] = set()
    try:
        for record in _records(session, soql):
            permission_set = record.get("PermissionSet") or {}
            if isinstance(permission_set, dict):
                granted.update(name for field, name in FIELDS.items() if permission_set.get(field) is True)
    except SalesforceExpiredSession:
        raise
    except SalesforceRefusedRequest:
        return None
    except SalesforceError as exc:
        if _is_insufficient_access(exc):
            return None
        raise LoginError(f"Salesforce refused the permission check (HTTP {exc.status}).") from None
    except requests.RequestException as exc:
        host = urlsplit(session.instance_url).netloc
        raise LoginError(network_words(exc, host, session.sf.session)) from None
    except (ValueError, TypeError, KeyError, AttributeError):
        raise LoginError("Salesforce's answer to the permission check was unreadable.") from None
    return granted


def _records(session: OrgSession, soql: str) -> Iterator[dict[str, Any]]:
    """Query rows, following nextRecordsUrl only on the org's own data path, a bounded number of pages."""
    page = session.sf.query(soql)
    for _ in range(MAX_PAGES):
        for record in page.get("records") or []:
            if isinstance(record, dict):
                yield record
        next_url = page.get("nextRecordsUrl")
        if (
            page.get("done", True)
            or not isinstance(next_url, str)
            or not next_url.startswith("/services/data/")
        ):
            return
        page = session.sf.query_more(next_url, identifier_is_url=True)
    logger.warning("permission query stopped after %d pages", MAX_PAGES)


def _verdict(granted: set[str] | None) -> AdminCheck:
    if granted is None:
        return _refused()
    order = (MODIFY_ALL_DATA, *REQUIRED)
    granted_words = tuple(p for p in order if p in granted)
    if MODIFY_ALL_DATA in granted:
        return AdminCheck(True, (), granted_words)
    missing = tuple(p for p in REQUIRED if p not in granted)
    return AdminCheck(not missing, missing, granted_words)


def _refused() -> AdminCheck:
    logger.info("permission query refused: treating the user as not an admin")
    return AdminCheck(False, REQUIRED, (), refused=True)


def _is_insufficient_access(exc: SalesforceError) -> bool:
    content = exc.content if isinstance(exc.content, list) else [exc.content]
    return any(
        isinstance(item, dict) and str(item.get("errorCode", "")).startswith("INSUFFICIENT_ACCESS")
        for item in content
    )


def _words(names: tuple[str, ...]) -> str:
    quoted = [f"“{n}”" for n in names]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]
