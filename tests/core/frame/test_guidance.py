"""Guidance text and the privacy-safe search query (no customer data leaves the machine)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from syncerr_gui.core.frame.guidance import GUIDANCE, guidance_for, search_explained, search_query, search_url

COMMON_CODES = [
    "REQUIRED_FIELD_MISSING",
    "FIELD_CUSTOM_VALIDATION_EXCEPTION",
    "DUPLICATES_DETECTED",
    "DUPLICATE_VALUE",
    "DUPLICATE_EXTERNAL_ID",
    "STRING_TOO_LONG",
    "INVALID_EMAIL_ADDRESS",
    "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
    "UNABLE_TO_LOCK_ROW",
    "INVALID_CROSS_REFERENCE_KEY",
    "ENTITY_IS_DELETED",
    "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY",
    "INSUFFICIENT_ACCESS_OR_READONLY",
    "CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY",
    "CANNOT_EXECUTE_FLOW_TRIGGER",
    "CANNOT_UPDATE_CONVERTED_LEAD",
    "INVALID_FIELD_FOR_INSERT_UPDATE",
    "INVALID_TYPE_ON_FIELD_IN_RECORD",
    "MALFORMED_ID",
    "NUMBER_OUTSIDE_VALID_RANGE",
    "INACTIVE_OWNER_OR_USER",
    "STORAGE_LIMIT_EXCEEDED",
    "TEXT_DATA_OUTSIDE_SUPPORTED_CHARSET",
    "UNKNOWN_EXCEPTION",
]


@pytest.mark.parametrize("code", COMMON_CODES)
def test_every_common_code_has_a_cause_and_a_place_to_fix(code: str) -> None:
    g = guidance_for(code)
    assert g is not None and g.cause and g.where_to_fix


def test_unknown_code_has_no_guidance_and_lookup_ignores_case() -> None:
    assert guidance_for("SOMETHING_NEW_IN_WINTER_27") is None
    assert guidance_for("") is None
    assert guidance_for(" unable_to_lock_row ") is GUIDANCE["UNABLE_TO_LOCK_ROW"]


PRIVATE = [
    (
        "DUPLICATE_VALUE",
        "duplicate value found: Email__c duplicates value on record with id: 0035g00000AbCdEAAZ",
        ["0035g00000AbCdEAAZ", "Email__c"],
    ),
    ("INVALID_EMAIL_ADDRESS", "invalid email address: jane.doe@acme.example", ["jane", "acme"]),
    (
        "FIELD_CUSTOM_VALIDATION_EXCEPTION",
        "Lead 'Müller GmbH' for \"Jane Roe\" needs 3 owners (00Q5g000004XyZa)",
        ["Müller", "Jane", "Roe", "3", "00Q5g000004XyZa"],
    ),
    (
        "STRING_TOO_LONG",
        "Company: data value too large: Acme Secret Holdings Ltd (max length=40)",
        ["Acme", "Secret", "40"],
    ),
    (
        "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
        "bad value for restricted picklist field: VIP Platinum",
        ["VIP", "Platinum"],
    ),
    (
        "UNKNOWN_EXCEPTION",
        "contact bob@example.com about order 12345 at https://x.example/a?b=1",
        ["bob", "12345", "x.example"],
    ),
]


@pytest.mark.parametrize(("code", "message", "secrets"), PRIVATE)
def test_query_keeps_the_code_and_drops_customer_data(code: str, message: str, secrets: list[str]) -> None:
    query = search_query(code, message)
    assert query.startswith(code)
    for secret in secrets:
        assert secret not in query
    assert "@" not in query
    assert not re.search(r"\d", query)


def test_query_keeps_the_generic_words_that_make_the_search_useful() -> None:
    query = search_query("REQUIRED_FIELD_MISSING", "Required fields are missing: [LastName]")
    assert query == "REQUIRED_FIELD_MISSING Required fields are missing: LastName"
    assert "data value too large" in search_query(
        "STRING_TOO_LONG", "Name: data value too large: Zed (max length=5)"
    )


def test_search_url_is_a_web_search_for_the_scrubbed_query() -> None:
    url = search_url("INVALID_EMAIL_ADDRESS", "invalid email address: a@b.example")
    parts = urlsplit(url)
    assert parts.scheme == "https"
    q = parse_qs(parts.query)["q"][0]
    assert q.startswith("Salesforce INVALID_EMAIL_ADDRESS")
    assert "a@b" not in url


def test_the_advice_is_data_a_translator_can_edit_and_a_missing_file_only_costs_the_advice(caplog) -> None:
    import json

    from syncerr_gui.core.frame.guidance import GUIDANCE_FILE, load_guidance
    from syncerr_gui.resources import resource_path

    data = json.loads(resource_path(GUIDANCE_FILE).read_text(encoding="utf-8"))
    assert data["language"] == "en" and set(data["codes"]) == set(GUIDANCE)
    assert all(g.cause and g.where_to_fix for g in GUIDANCE.values())
    assert load_guidance("guidance/xx.json") == {}
    assert "no error guidance" in caplog.text


def test_record_and_job_links_only_for_salesforce_ids() -> None:
    from syncerr_gui.core.frame.guidance import job_setup_url, record_url

    base = "https://acme.my.salesforce.com"
    assert record_url(base, "00Q5g00000AbCdEFGH") == f"{base}/00Q5g00000AbCdEFGH"
    assert record_url(base, "javascript:alert(1)") == "" and record_url(base, "") == ""
    assert job_setup_url(base, "Apex", "7075g00000AbCdEFGH").endswith("/AsyncApexJobs/home")
    assert job_setup_url(base, "Bulk API 2.0", "../../x") == ""


@pytest.mark.parametrize(
    ("code", "message", "query"),
    [
        (
            "FIELD_CUSTOM_VALIDATION_EXCEPTION",
            "Call Jane Roe of Acme before Friday",
            "FIELD_CUSTOM_VALIDATION_EXCEPTION",
        ),
        (
            "CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY",
            "LeadTrigger: execution of BeforeInsert caused by: VIP Acme",
            "CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY",
        ),
        (
            "INVALID_TYPE_ON_FIELD_IN_RECORD",
            "Close Date: value not of required type: 31/12/2026 for Acme Corp",
            "INVALID_TYPE_ON_FIELD_IN_RECORD Close Date: value not of required type",
        ),
        (
            "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
            "Stage: bad value for restricted picklist field: Closed Won – Acme deal",
            "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST Stage: bad value for restricted picklist field",
        ),
        (
            "UNABLE_TO_LOCK_ROW",
            "unable to obtain exclusive access to this record or 1 records: 0015g00000XyZaBAAV",
            "UNABLE_TO_LOCK_ROW unable to obtain exclusive access to this record or records",
        ),
    ],
)
def test_only_salesforce_wording_is_sent_and_free_text_sends_the_code_alone(
    code: str, message: str, query: str
) -> None:
    assert search_query(code, message) == query


def test_the_tooltip_says_what_is_sent() -> None:
    free = search_explained("FIELD_CUSTOM_VALIDATION_EXCEPTION", "Call Jane Roe")
    assert free.startswith("Searches the web for the error code only: FIELD_CUSTOM_VALIDATION_EXCEPTION.")
    assert "not sent" in free and "Jane" not in free
    standard = search_explained("REQUIRED_FIELD_MISSING", "Required fields are missing: [LastName]")
    assert standard.startswith(
        "Searches the web for: REQUIRED_FIELD_MISSING Required fields are missing: LastName."
    )
    assert search_explained("", "Call Jane Roe").startswith("Nothing to search for")


def test_french_advice_covers_every_code_and_keeps_codes_untranslated() -> None:
    import json

    from syncerr_gui.core.frame.guidance import guidance_table
    from syncerr_gui.resources import resource_path

    data = json.loads(resource_path("guidance/fr.json").read_text(encoding="utf-8"))
    assert data["language"] == "fr" and set(data["codes"]) == set(GUIDANCE)
    french = guidance_table("fr_FR")
    for code, english in GUIDANCE.items():
        assert french[code].cause and french[code].cause != english.cause, code
    assert guidance_for("unable_to_lock_row", "fr").where_to_fix.startswith("Rechargez")
    assert (
        "Configuration › Règles de validation"
        not in GUIDANCE["FIELD_CUSTOM_VALIDATION_EXCEPTION"].where_to_fix
    )
    assert guidance_table("de") is GUIDANCE  # no German file: the English source
