"""Advice per Salesforce status code, links into the org, and a privacy-safe "search online" query.

The detail pane shows what usually causes an error and where an admin fixes it; the advice
is data (`resources/guidance/en.json`), so it can be edited and translated without code. The
record and job links are built here, from ids checked to be Salesforce ids. The search
query is built so that no customer data leaves the machine: the message is normalised by
`patterns.message_pattern` (record IDs, e-mail addresses, numbers, dates, URLs, quoted and
echoed values out), and only Salesforce's own texts are sent; free text sends the code alone.
"""

from __future__ import annotations

import functools
import json
import logging
import re
from dataclasses import dataclass
from urllib.parse import quote_plus

from syncerr_gui.core.frame.patterns import PLACEHOLDERS, is_known_template, message_pattern
from syncerr_gui.core.frame.schema import SOURCE_APEX
from syncerr_gui.core.words import Words, say
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
SOURCE_LANGUAGE = "en"
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")


@functools.lru_cache(maxsize=8)
def guidance_table(language: str = SOURCE_LANGUAGE) -> dict[str, Guidance]:
    """The advice in `language` ("fr"), code by code; a code the translation lacks, or a
    language without a file, falls back to the English source (advice in English beats none)."""
    language = (language or "").split("_")[0].lower()
    name = f"guidance/{language}.json"
    if language == SOURCE_LANGUAGE or not _LANGUAGE.match(language) or not resource_path(name).is_file():
        return GUIDANCE
    return {**GUIDANCE, **load_guidance(name)}


def guidance_for(code: str, language: str = SOURCE_LANGUAGE) -> Guidance | None:
    """The advice for `code`, or None for codes not (yet) described (shown as they are)."""
    return guidance_table(language).get((code or "").strip().upper())


def advice_headline(code: str, language: str = SOURCE_LANGUAGE) -> str:
    """The first sentence of the advice for `code` (a group's one-line advice), or ""."""
    found = guidance_for(code, language)
    if found is None:
        return ""
    sentence = _FIRST_SENTENCE.match(found.cause)
    return sentence.group(0).strip() if sentence else found.cause


_FIRST_SENTENCE = re.compile(r".*?[.!?](?=\s|$)", re.DOTALL)


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


def search_explained(code: str, message: str) -> Words:
    """What "Search online" sends, in words for its tooltip."""
    query = search_query(code, message)
    if not query:
        return say("Nothing to search for: this error has no code and no standard Salesforce wording.")
    if query == _query_code(code)[:MAX_QUERY_CHARS] and (message or "").strip():
        return say(
            "Searches the web for the error code only: {query}. The message is not one of "
            "Salesforce's standard texts (a validation rule, trigger or flow wrote it), so it "
            "may hold your data and is not sent.",
            query=query,
        )
    return say(
        "Searches the web for: {query}. IDs, e-mail addresses, numbers, dates and the values "
        "Salesforce echoes are left out.",
        query=query,
    )


def search_url(code: str, message: str) -> str:
    """A web-search URL for the scrubbed query (Salesforce-specific, so results are relevant)."""
    return SEARCH_ENGINE_URL + quote_plus(f"Salesforce {search_query(code, message)}")
