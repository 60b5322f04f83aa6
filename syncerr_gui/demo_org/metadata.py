"""The demo org's metadata: object describes, validation rules, flows, duplicate rules, and
which referenced records exist, are in the Recycle Bin or are hidden from the loading users.

All of it agrees with the errors the demo org produces (`error_texts.py`): the rule whose
message a FIELD_CUSTOM_VALIDATION_EXCEPTION carries exists on its object, a restricted
picklist's bad value is not among its valid values, a STRING_TOO_LONG field has the length
the message names, and the IDs `records.py` writes into failed rows fall in the ranges below.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from syncerr_gui.demo_org.ids import sf_id

logger = logging.getLogger(__name__)

# Record numbers (the digits of a demo ID) by what the org knows of them. `records.py` puts
# IDs of these ranges into the rows that fail for a reference reason.
DELETED_BASE = 9_100_000_000  # in the Recycle Bin (queryAll finds them, IsDeleted = true)
MISSING_BASE = 9_200_000_000  # never existed here (or purged)
HIDDEN_BASE = 9_300_000_000  # exist, but the integration users may not read them
HOT_BASE = 9_400_000_000  # the few parent Accounts that lock errors pile on
RANGE = 100_000_000
HOT_PARENTS = 3
HIDDEN_IDS = frozenset({"0015g00000AbCdEAAV"})  # named by the INSUFFICIENT_ACCESS… message
INACTIVE_USERS = frozenset({"0055g00000AbCdE"})  # named by the INACTIVE_OWNER_OR_USER message
PREFIX_OBJECT = {
    "001": "Account",
    "003": "Contact",
    "00Q": "Lead",
    "006": "Opportunity",
    "701": "Campaign",
    "00v": "CampaignMember",
    "005": "User",
}

# (name, label, type, length or (precision, scale), flags, picklist / reference)
# flags: r = required (not nillable, no default), d = defaulted on create, u = unique,
# x = external ID, n = neither createable nor updateable, R = restricted picklist.
_F = tuple[str, str, str, Any, str, tuple[str, ...]]
_COMMON: tuple[_F, ...] = (
    ("Id", "Record ID", "id", 18, "nd", ()),
    ("OwnerId", "Owner ID", "reference", 18, "d", ("User",)),
)
_LEAD_SOURCES = ("Web", "Webinar", "Trade Show", "Partner Referral", "Marketo", "Other")
_STAGES = (
    "Prospecting",
    "Qualification",
    "Needs Analysis",
    "Negotiation/Review",
    "Closed Won",
    "Closed Lost",
)
_LEAD_STATUS = ("Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted")
FIELDS: dict[str, tuple[_F, ...]] = {
    "Lead": (
        ("FirstName", "First Name", "string", 40, "", ()),
        ("LastName", "Last Name", "string", 80, "r", ()),
        ("Company", "Company", "string", 40, "r", ()),
        ("Email", "Email", "email", 80, "", ()),
        ("Phone", "Phone", "phone", 40, "", ()),
        ("City", "City", "string", 40, "", ()),
        ("Country", "Country", "string", 80, "", ()),
        ("LeadSource", "Lead Source", "picklist", 255, "R", _LEAD_SOURCES),
        ("Status", "Lead Status", "picklist", 255, "dR", (*_LEAD_STATUS, "Nurture")),
        ("Description", "Description", "textarea", 32000, "", ()),
        ("IsConverted", "Converted", "boolean", 0, "dn", ()),
        ("Marketo_Lead_ID__c", "Marketo Lead ID", "string", 50, "ux", ()),
        ("mkto71_Lead_Id__c", "Marketo Lead Id (legacy)", "string", 50, "", ()),
        ("mkto71_Lead_Score__c", "Lead Score", "double", (18, 0), "n", ()),
    ),
    "Contact": (
        ("FirstName", "First Name", "string", 40, "", ()),
        ("LastName", "Last Name", "string", 80, "r", ()),
        ("Email", "Email", "email", 80, "", ()),
        ("Phone", "Business Phone", "phone", 40, "", ()),
        ("Title", "Title", "string", 128, "", ()),
        ("MailingCity", "Mailing City", "string", 40, "", ()),
        ("AccountId", "Account ID", "reference", 18, "", ("Account",)),
        ("Description", "Description", "textarea", 32000, "", ()),
        ("Marketo_Lead_ID__c", "Marketo Lead ID", "string", 50, "ux", ()),
        ("mkto71_Lead_Id__c", "Marketo Lead Id (legacy)", "string", 50, "", ()),
        ("mkto71_Lead_Score__c", "Lead Score", "double", (18, 0), "n", ()),
    ),
    "Account": (
        ("Name", "Account Name", "string", 255, "r", ()),
        ("BillingCity", "Billing City", "string", 40, "", ()),
        ("BillingCountry", "Billing Country", "string", 80, "", ()),
        ("Website", "Website", "url", 255, "", ()),
        ("Phone", "Account Phone", "phone", 40, "", ()),
        (
            "Industry",
            "Industry",
            "picklist",
            255,
            "",
            ("Technology", "Manufacturing", "Retail", "Healthcare"),
        ),
        ("External_Id__c", "ERP ID", "string", 40, "ux", ()),
    ),
    "Opportunity": (
        ("Name", "Name", "string", 120, "r", ()),
        ("AccountId", "Account ID", "reference", 18, "", ("Account",)),
        ("StageName", "Stage", "picklist", 255, "rR", _STAGES),
        ("CloseDate", "Close Date", "date", 0, "r", ()),
        ("Amount", "Amount", "currency", (18, 2), "", ()),
        ("Source_Id__c", "Source ID", "string", 40, "x", ()),
    ),
    "CampaignMember": (
        ("CampaignId", "Campaign ID", "reference", 18, "r", ("Campaign",)),
        ("LeadId", "Lead ID", "reference", 18, "", ("Lead",)),
        ("Status", "Status", "picklist", 255, "d", ("Sent", "Responded", "Registered", "Attended")),
    ),
}
_INACTIVE_VALUES = {("Lead", "LeadSource"): ("Webinar – EMEA",)}  # once valid, now inactive


def describe(object_name: str) -> dict[str, Any] | None:
    """The `/sobjects/{object}/describe` answer (the parts the app reads), or None if unknown."""
    real = next((o for o in FIELDS if o.lower() == object_name.lower()), None)
    if real is None:
        return None
    specs = (_COMMON[0], *FIELDS[real], *(_COMMON[1:] if real != "CampaignMember" else ()))
    prefix = next(p for p, o in PREFIX_OBJECT.items() if o == real)
    return {
        "name": real,
        "label": real,
        "keyPrefix": prefix,
        "createable": True,
        "updateable": True,
        "queryable": True,
        "fields": [_field(real, spec) for spec in specs],
    }


def _field(object_name: str, spec: _F) -> dict[str, Any]:
    name, label, kind, size, flags, extra = spec
    precision, scale = size if isinstance(size, tuple) else (0, 0)
    inactive = _INACTIVE_VALUES.get((object_name, name), ())
    values = [_value(v, True) for v in extra] + [_value(v, False) for v in inactive]
    return {
        "name": name,
        "label": label,
        "type": kind,
        "length": 0 if isinstance(size, tuple) else size,
        "precision": precision,
        "scale": scale,
        "digits": 0,
        "nillable": "r" not in flags and kind != "boolean",
        "createable": "n" not in flags,
        "updateable": "n" not in flags and name != "Id",
        "defaultedOnCreate": "d" in flags or kind == "boolean",
        "unique": "u" in flags,
        "externalId": "x" in flags,
        "idLookup": name == "Id" or "x" in flags,
        "calculated": False,
        "restrictedPicklist": "R" in flags,
        "picklistValues": values if kind == "picklist" else [],
        "referenceTo": list(extra) if kind == "reference" else [],
        "relationshipName": name[:-2] if kind == "reference" and name.endswith("Id") else None,
    }


def _value(value: str, active: bool) -> dict[str, Any]:
    return {"active": active, "defaultValue": False, "label": value, "validFor": None, "value": value}


@dataclass(frozen=True)
class ValidationRule:
    """A Tooling API `ValidationRule` of the demo org."""

    id: str
    object: str
    name: str
    active: bool
    message: str
    display_field: str | None
    formula: str
    description: str = ""


VALIDATION_RULES: tuple[ValidationRule, ...] = (
    ValidationRule(
        sf_id("03d", 101),
        "Lead",
        "Company_Required",
        True,
        "Lead must have a Company, please fix",
        None,
        "ISBLANK(Company)",
        "Sales cannot route a lead without a company.",
    ),
    ValidationRule(
        sf_id("03d", 102),
        "Lead",
        "Phone_Format",
        True,
        "Phone must look like: +CC NNN NNN NNNN",
        "Phone",
        'AND(NOT(ISBLANK(Phone)), NOT(REGEX(Phone, "\\\\+[0-9]{1,3} [0-9]{3} [0-9]{3} [0-9]{4}")))',
    ),
    ValidationRule(
        sf_id("03d", 103),
        "Contact",
        "Phone_Format",
        True,
        "Phone must look like: +CC NNN NNN NNNN",
        "Phone",
        'AND(NOT(ISBLANK(Phone)), NOT(REGEX(Phone, "\\\\+[0-9]{1,3} [0-9]{3} [0-9]{3} [0-9]{4}")))',
    ),
    ValidationRule(
        sf_id("03d", 104),
        "Account",
        "Phone_Format",
        True,
        "Phone must look like: +CC NNN NNN NNNN",
        "Phone",
        'AND(NOT(ISBLANK(Phone)), NOT(REGEX(Phone, "\\\\+[0-9]{1,3} [0-9]{3} [0-9]{3} [0-9]{4}")))',
    ),
    ValidationRule(
        sf_id("03d", 105),
        "Lead",
        "Country_Required",
        True,
        "Country is required",
        "Country",
        "ISBLANK(Country)",
    ),
    ValidationRule(
        sf_id("03d", 106),
        "Lead",
        "Old_Company_Check",
        False,
        "Lead must have a Company",
        None,
        "LEN(Company) = 0",
    ),
)

# (ApiName, Label, active version number, latest version number, process type)
FLOWS: tuple[tuple[str, str, int, int, str], ...] = (
    ("Lead_Assignment", "Lead Assignment", 3, 4, "AutoLaunchedFlow"),
    ("Record_Routing", "Record Routing", 7, 7, "AutoLaunchedFlow"),
    ("Welcome_Email", "Welcome Email", 0, 2, "AutoLaunchedFlow"),
)

# (DeveloperName, MasterLabel, SobjectType, IsActive)
DUPLICATE_RULES: tuple[tuple[str, str, str, bool], ...] = (
    ("Standard_Lead_Duplicate_Rule", "Standard Lead Duplicate Rule", "Lead", True),
    ("Standard_Contact_Duplicate_Rule", "Standard Contact Duplicate Rule", "Contact", True),
    ("Standard_Account_Duplicate_Rule", "Standard Account Duplicate Rule", "Account", True),
)


def record_state(record_id: str) -> str:
    """ "live", "deleted" (Recycle Bin), "missing" or "hidden" (live, not readable by the loaders)."""
    if record_id[:15] in {i[:15] for i in HIDDEN_IDS}:
        return "hidden"
    digits = record_id[5:15]
    if not digits.isdigit():
        return "live"
    number = int(digits)
    for base, state in ((DELETED_BASE, "deleted"), (MISSING_BASE, "missing"), (HIDDEN_BASE, "hidden")):
        if base <= number < base + RANGE:
            return state
    return "live"


def user_active(user_id: str) -> bool:
    """Every demo user is active except the one the INACTIVE_OWNER_OR_USER message names."""
    return user_id[:15] not in INACTIVE_USERS
