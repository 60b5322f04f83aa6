"""Is the logged-in user an admin? The union of the permissions of all their assignments.

Profiles appear in `PermissionSetAssignment` as permission sets owned by the profile, so one
query covers both. Admin = Modify All Data, or all of Manage Data Integrations + API Enabled +
View Setup and Configuration (what Salesforce's own Bulk Data Load Jobs page needs). A user
Salesforce will not even let read their own assignments (INSUFFICIENT_ACCESS) is not an admin.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from syncerr_gui.core.auth.session import OrgSession
from syncerr_gui.core.exceptions import LoginError, RequestFailed, SessionExpired
from syncerr_gui.core.salesforce.client import OrgClient, RetryPolicy
from syncerr_gui.core.words import say

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
CHECK_RETRY = RetryPolicy(tries=3)  # a login should not wait as long as a sync would
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
            return say("You have the permissions this app needs.")
        if self.refused:
            first, second, third = _quoted(REQUIRED)
            return say(
                "This app is for Salesforce admins: Salesforce would not show this user's "
                "permissions (INSUFFICIENT_ACCESS). It needs Modify All Data, or {first}, {second} and "
                "{third}. Log in as an admin, or ask one to grant these permissions.",
                first=first,
                second=second,
                third=third,
            )
        return _missing_words(_quoted(self.missing))


def check_admin(session: OrgSession, retry: RetryPolicy | None = None) -> AdminCheck:
    """Query the user's permission set assignments and decide; failures raise LoginError in words.

    The query goes through `OrgClient`, the sync's own request path (same origin only, bounded
    answers, retries); an expired session is renewed through the session when it can be.
    """
    if not _ID_RE.match(session.user_id):
        raise LoginError(say("Salesforce gave an unusable user id: cannot check permissions."))
    client = OrgClient(session, retry=retry or CHECK_RETRY)
    try:
        return _verdict(_granted(client, session.user_id))
    except SessionExpired:
        raise LoginError(say("The session expired while checking permissions: log in again.")) from None


def _granted(client: OrgClient, user_id: str) -> set[str] | None:
    """The union of the relevant permissions over all assignments; None when Salesforce refuses."""
    soql = (
        "SELECT PermissionSet.PermissionsViewSetup, PermissionSet.PermissionsManageDataIntegrations, "
        "PermissionSet.PermissionsModifyAllData, PermissionSet.PermissionsApiEnabled "
        f"FROM PermissionSetAssignment WHERE AssigneeId = '{user_id}'"
    )
    granted: set[str] = set()
    try:
        for page in client.query_pages(soql, MAX_PAGES):
            for record in page.get("records") or []:
                permission_set = record.get("PermissionSet") if isinstance(record, dict) else None
                if isinstance(permission_set, dict):
                    granted.update(n for field, n in FIELDS.items() if permission_set.get(field) is True)
    except RequestFailed as exc:
        if _is_refusal(exc):
            return None
        raise LoginError(say("The permission check failed: {reason}", reason=str(exc))) from None
    return granted


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


def _is_refusal(exc: RequestFailed) -> bool:
    """Salesforce will not show this user their own permissions (a 403, or INSUFFICIENT_ACCESS)."""
    if exc.error_code.startswith("INSUFFICIENT_ACCESS"):
        return True
    return exc.status == 403 and exc.error_code != "REQUEST_LIMIT_EXCEEDED"


def _quoted(names: tuple[str, ...]) -> list[str]:
    return [f"“{n}”" for n in names]


def _missing_words(quoted: list[str]) -> str:
    """What a user lacks, one whole sentence per count (the window translates it whole)."""
    end = " (or Modify All Data), then log in again."
    if len(quoted) == 1:
        return say(
            "This app is for Salesforce admins. Your user is missing {first}. Ask an admin for a "
            "permission set that grants it (or Modify All Data), then log in again.",
            first=quoted[0],
        )
    if len(quoted) == 2:
        return say(
            "This app is for Salesforce admins. Your user is missing {first} and {second}. Ask an admin "
            "for a permission set that grants them (or Modify All Data), then log in again.",
            first=quoted[0],
            second=quoted[1],
        )
    if len(quoted) == 3:
        return say(
            "This app is for Salesforce admins. Your user is missing {first}, {second} and {third}. Ask an "
            "admin for a permission set that grants them (or Modify All Data), then log in again.",
            first=quoted[0],
            second=quoted[1],
            third=quoted[2],
        )
    listed = ", ".join(quoted[:-1]) + " and " + quoted[-1] if quoted else ""
    return (
        f"This app is for Salesforce admins. Your user is missing {listed}. Ask an admin for a "
        f"permission set that grants them{end}"
    )
