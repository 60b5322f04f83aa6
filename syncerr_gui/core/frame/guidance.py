"""Advice per Salesforce status code, and a privacy-safe "search online" query.

The detail pane shows what usually causes an error and where an admin fixes it. The search
query is built so that no customer data leaves the machine: the message is normalised by
`patterns.message_pattern` (record IDs, e-mail addresses, numbers, dates, URLs, quoted and
echoed values out), and only Salesforce's own texts are sent; free text sends the code alone.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from urllib.parse import quote_plus

from syncerr_gui.core.frame.patterns import PLACEHOLDERS, is_known_template, message_pattern

logger = logging.getLogger(__name__)

SEARCH_ENGINE_URL = "https://duckduckgo.com/?q="
MAX_QUERY_CHARS = 200


@dataclass(frozen=True)
class Guidance:
    """What usually causes an error code, and where in Salesforce (or the sender) to fix it."""

    code: str
    cause: str
    where_to_fix: str


_G: dict[str, tuple[str, str]] = {
    "REQUIRED_FIELD_MISSING": (
        "A required field was empty. Often the field is hidden from the sync user by field-level "
        "security, or a lead arrives without Company or Last Name.",
        "Setup › Object Manager › the object › Fields: check the field's security for the sync "
        "user's profile; or fill the value in the sending system.",
    ),
    "FIELD_CUSTOM_VALIDATION_EXCEPTION": (
        "A validation rule rejected the record, or an Apex trigger called addError().",
        "Setup › Object Manager › the object › Validation Rules (the message is the rule's error "
        "text); or the object's Triggers.",
    ),
    "DUPLICATES_DETECTED": (
        "A duplicate rule blocked the record because a matching record already exists.",
        "Setup › Duplicate Rules: allow the sync user, or change the action to Alert.",
    ),
    "DUPLICATE_VALUE": (
        "A unique field (or unique external ID) already holds this value on another record.",
        "Find the other record by that value and merge, or make the sending system send an update.",
    ),
    "DUPLICATE_EXTERNAL_ID": (
        "An upsert matched more than one record on the external ID field.",
        "Search the object for the external ID value and remove the duplicates; mark the field Unique.",
    ),
    "STRING_TOO_LONG": (
        "A text value is longer than the field allows.",
        "Setup › Object Manager › the object › Fields: raise the field length, or shorten or "
        "truncate it in the sending system's field mapping.",
    ),
    "INVALID_EMAIL_ADDRESS": (
        "An e-mail value is not a valid address (typo, spaces, double @).",
        "Correct the address in the sending system; add a validation there.",
    ),
    "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST": (
        "A value is not one of the picklist's allowed values (or the record type's).",
        "Setup › Object Manager › the object › Fields › the picklist: add the value, or map the "
        "sender's values to existing ones.",
    ),
    "UNABLE_TO_LOCK_ROW": (
        "Record-lock contention: another job or user held the record (or its parent). Usually transient.",
        "Retry the failed rows; run big jobs serially or group child records by parent.",
    ),
    "INVALID_CROSS_REFERENCE_KEY": (
        "A lookup or ID points to a record that does not exist or is of the wrong type.",
        "Check the referenced ID (owner, parent, record type) in the sending system's mapping.",
    ),
    "ENTITY_IS_DELETED": (
        "The record, or a record it refers to, is in the Recycle Bin or was deleted.",
        "Restore it from the Recycle Bin, or make the sender stop referencing it.",
    ),
    "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY": (
        "The sync user cannot see or reference the related record (owner, parent, campaign).",
        "Setup › Sharing Settings or the sync user's profile / permission sets.",
    ),
    "INSUFFICIENT_ACCESS_OR_READONLY": (
        "The sync user may not edit this record or object.",
        "The sync user's profile / permission sets (object Edit) and sharing rules.",
    ),
    "CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY": (
        "An Apex trigger on the object failed; the message names the trigger and its error.",
        "Setup › Apex Triggers (or the object's Triggers): ask the trigger's owner; check "
        "Setup › Apex Jobs and debug logs.",
    ),
    "CANNOT_EXECUTE_FLOW_TRIGGER": (
        "A record-triggered flow or process failed while saving the record.",
        "Setup › Flows: open the named flow; the flow's fault e-mail has details.",
    ),
    "CANNOT_UPDATE_CONVERTED_LEAD": (
        "The lead was converted and can no longer be updated.",
        "Update the converted contact instead, or stop syncing converted leads.",
    ),
    "INVALID_FIELD_FOR_INSERT_UPDATE": (
        "A field cannot be set by this operation (read-only, formula, or not creatable/updatable).",
        "Remove the field from the sending system's mapping or check its field-level security.",
    ),
    "INVALID_TYPE_ON_FIELD_IN_RECORD": (
        "A value is of the wrong type for the field (text in a number, a bad date or boolean).",
        "Fix the value format in the sending system's mapping.",
    ),
    "MALFORMED_ID": (
        "A value in an ID or lookup field is not a valid 15/18-character Salesforce ID.",
        "Check the ID column in the sending system's mapping.",
    ),
    "NUMBER_OUTSIDE_VALID_RANGE": (
        "A number is larger than the field's precision allows.",
        "Setup › Object Manager › the object › Fields: widen the field, or fix the value at the source.",
    ),
    "INACTIVE_OWNER_OR_USER": (
        "The record's owner (or another user it names) is inactive.",
        "Setup › Users: reactivate, or map to an active owner / queue in the sending system.",
    ),
    "STORAGE_LIMIT_EXCEEDED": (
        "The org is out of data or file storage.",
        "Setup › Storage Usage: delete old data or buy more storage.",
    ),
    "TEXT_DATA_OUTSIDE_SUPPORTED_CHARSET": (
        "A text value holds characters Salesforce does not store (e.g. control characters).",
        "Clean the value in the sending system.",
    ),
    "UNKNOWN_EXCEPTION": (
        "An internal Salesforce error; often transient, sometimes a trigger or flow problem.",
        "Retry; if it persists, check Setup › Apex Jobs and debug logs, then contact Salesforce "
        "support with the job ID.",
    ),
}

GUIDANCE: dict[str, Guidance] = {code: Guidance(code, c, w) for code, (c, w) in _G.items()}


def guidance_for(code: str) -> Guidance | None:
    """The advice for `code`, or None for codes not (yet) described (shown as they are)."""
    return GUIDANCE.get((code or "").strip().upper())


_PLACEHOLDER_WORDS = re.compile("|".join(re.escape(p) for p in PLACEHOLDERS))
_LEFTOVER = re.compile(r"[\[\](){}<>#=|;]+|\s[:,.-]+(?=\s|$)")
# Custom API names (Project_X__c) are the org's own schema and no help to a web search.
_CUSTOM_NAME = re.compile(r"\b\w+__(?:c|r|x|e|b|mdt|kav|pc)\b", re.IGNORECASE)


def _query_code(code: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "", code or "")


def search_query(code: str, message: str) -> str:
    """The error code, plus the message's words when it is one of Salesforce's own texts.

    The message goes through `message_pattern` (IDs, e-mails, numbers, dates, URLs, quoted and
    echoed values out) and then only if `is_known_template` says Salesforce wrote it: a
    validation rule's or an `addError` text is the admin's own and may name customers.
    """
    code = _query_code(code)
    pattern = message_pattern(message)
    if not is_known_template(pattern):
        return code[:MAX_QUERY_CHARS]
    text = _LEFTOVER.sub(" ", _CUSTOM_NAME.sub(" ", _PLACEHOLDER_WORDS.sub(" ", pattern)))
    words = " ".join(text.split()).strip(" :,.-")
    query = f"{code} {words}".strip()
    return query[:MAX_QUERY_CHARS].rstrip()


def search_explained(code: str, message: str) -> str:
    """What "Search online" sends, in words for its tooltip."""
    query = search_query(code, message)
    if not query:
        return "Nothing to search for: this error has no code and no standard Salesforce wording."
    if query == _query_code(code)[:MAX_QUERY_CHARS] and (message or "").strip():
        return (
            f"Searches the web for the error code only: {query}. The message is not one of "
            "Salesforce's standard texts (a validation rule, trigger or flow wrote it), so it "
            "may hold your data and is not sent."
        )
    return (
        f"Searches the web for: {query}. IDs, e-mail addresses, numbers, dates and the values "
        "Salesforce echoes are left out."
    )


def search_url(code: str, message: str) -> str:
    """A web-search URL for the scrubbed query (Salesforce-specific, so results are relevant)."""
    return SEARCH_ENGINE_URL + quote_plus(f"Salesforce {search_query(code, message)}")
