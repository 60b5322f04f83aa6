"""Advice per Salesforce status code, links into the org, and a privacy-safe "search online" query.

The detail pane shows what usually causes an error and where an admin fixes it; the advice
is data (`resources/guidance/en.json`), so it can be edited and translated without code. The
record and job links are built here, from ids checked to be Salesforce ids. The search
query is built so that no customer data leaves the machine: record IDs, e-mail addresses,
numbers, quoted values and the data values Salesforce echoes back are removed.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from urllib.parse import quote_plus

from syncerr_gui.core.frame.schema import SOURCE_APEX
from syncerr_gui.resources import resource_path

logger = logging.getLogger(__name__)

SEARCH_ENGINE_URL = "https://duckduckgo.com/?q="
MAX_QUERY_CHARS = 200
_SF_ID = re.compile(r"^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$")


@dataclass(frozen=True)
class Guidance:
    """What usually causes an error code, and where in Salesforce (or the sender) to fix it."""

    code: str
    cause: str
    where_to_fix: str


GUIDANCE_FILE = "guidance/en.json"  # under resources/: one file per language, en is the source


def load_guidance(name: str = GUIDANCE_FILE) -> dict[str, Guidance]:
    """The advice table of a bundled guidance file; a missing or broken file gives no advice
    (the pane then shows the code and message alone) and a warning in the log."""
    path = resource_path(name)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["codes"]
        return {
            str(code).upper(): Guidance(str(code).upper(), str(entry["cause"]), str(entry["where_to_fix"]))
            for code, entry in entries.items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        logger.warning("no error guidance: %s cannot be read (%s)", path, type(exc).__name__)
        return {}


GUIDANCE: dict[str, Guidance] = load_guidance()


def guidance_for(code: str) -> Guidance | None:
    """The advice for `code`, or None for codes not (yet) described (shown as they are)."""
    return GUIDANCE.get((code or "").strip().upper())


def record_url(instance_url: str, salesforce_id: str) -> str:
    """The record's page, or '' when there is no (valid) id (ids come from the network)."""
    return f"{instance_url.rstrip('/')}/{salesforce_id}" if _SF_ID.match(salesforce_id or "") else ""


def job_setup_url(instance_url: str, source: str, job_id: str) -> str:
    """The job's page in Setup (Bulk Data Load Jobs, or Apex Jobs), '' without a valid id."""
    if not _SF_ID.match(job_id or ""):
        return ""
    base = instance_url.rstrip("/")
    if source == SOURCE_APEX:
        return f"{base}/lightning/setup/AsyncApexJobs/home"
    return f"{base}/lightning/setup/AsyncApiJobStatus/page?address=%2F{job_id}"


# Order matters: echoed data values first, then quoted text, e-mails, IDs and numbers.
_ECHOED_VALUES = (
    re.compile(r"(data value too large:).*?(\(max length|$)", re.IGNORECASE),
    re.compile(r"(bad value for restricted picklist field:).*$", re.IGNORECASE),
    re.compile(r"(invalid email address:).*$", re.IGNORECASE),
    re.compile(r"(id value of incorrect type:).*$", re.IGNORECASE),
    re.compile(r"(duplicate value found:).*$", re.IGNORECASE),
)
_SCRUBBERS = (
    re.compile(r"\"[^\"]*\"|“[^”]*”|‘[^’]*’|'[^']*'|«[^»]*»"),
    re.compile(r"\S*@\S*"),
    re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE),
    re.compile(r"\b(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?\b"),
    re.compile(r"[-+]?\d[\d.,:/_-]*"),
)
_LEFTOVER = re.compile(r"[\[\](){}<>#=|;]+|\s[:,.]+(?=\s|$)")


def search_query(code: str, message: str) -> str:
    """The error code plus the message with everything customer-specific removed."""
    text = message or ""
    for pattern in _ECHOED_VALUES:
        text = pattern.sub(lambda m: m.group(1) + (" " + m.group(2) if m.lastindex == 2 else ""), text)
    for pattern in _SCRUBBERS:
        text = pattern.sub(" ", text)
    text = _LEFTOVER.sub(" ", text)
    words = " ".join(text.split()).strip(" :,.-")
    code = re.sub(r"[^A-Za-z0-9_]", "", code or "")
    query = f"{code} {words}".strip() if words else code
    return query[:MAX_QUERY_CHARS].rstrip()


def search_url(code: str, message: str) -> str:
    """A web-search URL for the scrubbed query (Salesforce-specific, so results are relevant)."""
    return SEARCH_ENGINE_URL + quote_plus(f"Salesforce {search_query(code, message)}")
