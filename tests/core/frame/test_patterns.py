"""Message patterns: Salesforce's words kept, the customer's data replaced, free text told apart.

Table-driven with messages as Salesforce writes them (sf__Error middles, Bulk job and batch
messages, Apex ExtendedStatus): the pattern each one must have, and whether it is one of
Salesforce's own texts (safe to search for) or free text an admin or developer wrote.
"""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pytest

from syncerr_gui.core.frame.patterns import is_known_template, message_pattern, message_patterns

# (message, pattern, Salesforce's own text?)
REAL_MESSAGES = [
    ("Required fields are missing: [LastName]", "Required fields are missing: [LastName]", True),
    (
        "Required fields are missing: [Name, StageName, CloseDate]",
        "Required fields are missing: [Name, StageName, CloseDate]",
        True,
    ),
    (
        "duplicate value found: Email duplicates value on record with id: 00Q5g00000AbCdE",
        "duplicate value found: Email duplicates value on record with id: <id>",
        True,
    ),
    (
        "Marketo Lead ID: more than one record found for external id field: [00Q5g00000AbCdEEAA, 00Q5g00000XyZaBEAA]",
        "Marketo Lead ID: more than one record found for external id field: [<id>, <id>]",
        True,
    ),
    (
        "Company: data value too large: Müller & Söhne Gesellschaft für Industrieautomation mbH (max length=40)",
        "Company: data value too large: <value> (max length=<number>)",
        True,
    ),
    (
        "ShortTextField: data value too large: ££££ (max length=10)",
        "ShortTextField: data value too large: <value> (max length=<number>)",
        True,
    ),
    ("Email: invalid email address: jane@@example.com", "Email: invalid email address: <value>", True),
    (
        "Lead Source: bad value for restricted picklist field: Webinar – EMEA",
        "Lead Source: bad value for restricted picklist field: <value>",
        True,
    ),
    (
        "Account ID: id value of incorrect type: 001XYZ",
        "Account ID: id value of incorrect type: <value>",
        True,
    ),
    (
        "Close Date: value not of required type: 31/12/2026",
        "Close Date: value not of required type: <value>",
        True,
    ),
    (
        "Amount: value outside of valid range on numeric field: 1.0E19",
        "Amount: value outside of valid range on numeric field: <value>",
        True,
    ),
    (
        "unable to obtain exclusive access to this record or 1 records: 0015g00000XyZaBAAV",
        "unable to obtain exclusive access to this record or <number> records: <id>",
        True,
    ),
    ("invalid cross reference id", "invalid cross reference id", True),
    (
        "insufficient access rights on cross-reference id: 0015g00000AbCdEAAV",
        "insufficient access rights on cross-reference id: <id>",
        True,
    ),
    (
        "operation performed with inactive user [0055g00000AbCdE] as owner of lead",
        "operation performed with inactive user [<id>] as owner of lead",
        True,
    ),
    (
        "An unexpected error occurred. Please include this ErrorId if you contact support: 1392827374-83822 (-1127468291)",
        "An unexpected error occurred. Please include this ErrorId if you contact support: <number>-<number> (<number>)",
        True,
    ),
    ("Use one of these records?", "Use one of these records?", True),
    ("InvalidBatch : Records not found", "InvalidBatch : Records not found", True),
    (
        "InvalidBatch : Field name not found : mkto71_Lead_Score__c",
        "InvalidBatch : Field name not found : mkto71_Lead_Score__c",
        True,
    ),
    (
        "InvalidBatch : Failed to process query: INVALID_FIELD: No such column 'Region__c' on entity 'Account'",
        'InvalidBatch : Failed to process query: INVALID_FIELD: No such column "<value>" on entity "<value>"',
        True,
    ),
    ("First error: Too many SOQL queries: 201", "First error: Too many SOQL queries: <number>", True),
    ("Max CPU time exceeded", "Max CPU time exceeded", True),  # a Bulk API 2.0 job's errorMessage
    (
        "ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is LF",
        "ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is LF",
        True,
    ),
    (
        "First error: Update failed. First exception on row 0 with id 0015g00000XyZaBAAV; first error: "
        "UNABLE_TO_LOCK_ROW, unable to obtain exclusive access to this record or 1 records: 0015g00000XyZaBAAV: []",
        "First error: Update failed. First exception on row <number> with id <id>; first error: "
        "UNABLE_TO_LOCK_ROW, unable to obtain exclusive access to this record or <number> records: <id>: []",
        True,
    ),
    # free text: validation rules, addError, flows and triggers wrote these
    ("Lead must have a Company, please fix", "Lead must have a Company, please fix", False),
    (
        "Lead 'Müller GmbH' for \"Jane Roe\" needs 3 owners (00Q5g000004XyZa)",
        'Lead "<value>" for "<value>" needs <number> owners (<id>)',
        False,
    ),
    (
        "First error: Update failed. First exception on row 3 with id 00Q5g00000AbCdEEAA; first error: "
        "FIELD_CUSTOM_VALIDATION_EXCEPTION, Call jane.roe@acme.example before 2026-11-20: []",
        "First error: Update failed. First exception on row <number> with id <id>; first error: "
        "FIELD_CUSTOM_VALIDATION_EXCEPTION, Call <email> before <date>: []",
        False,
    ),
    (
        "We can't save this record because the “Lead Assignment” process failed. Error ID: 1234567890-12345 (-987654321)",
        'We can\'t save this record because the "<value>" process failed. Error ID: <number>-<number> (<number>)',
        False,
    ),
    (
        "AccountTrigger: execution of BeforeInsert\n\ncaused by: System.NullPointerException: "
        "Attempt to de-reference a null object\n\nTrigger.AccountTrigger: line 12, column 1",
        "AccountTrigger: execution of BeforeInsert caused by: System.NullPointerException: "
        "Attempt to de-reference a null object Trigger.AccountTrigger: line <number>, column <number>",
        False,
    ),
    (
        "contact bob@example.com about order 12345 at https://x.example/a?b=1, since 2026-11-20T14:00:00Z",
        "contact <email> about order <number> at <url>, since <date>",
        False,
    ),
    ("", "", False),
]


@pytest.mark.parametrize(("message", "pattern", "known"), REAL_MESSAGES)
def test_each_real_message_has_its_pattern(message: str, pattern: str, known: bool) -> None:
    assert message_pattern(message) == pattern
    assert is_known_template(pattern) is known
    assert message_pattern(pattern) == pattern  # a pattern is its own pattern


@pytest.mark.parametrize(
    "variants",
    [
        [
            "duplicate value found: Email duplicates value on record with id: 00Q5g00000AbCdE",
            "duplicate value found: Email duplicates value on record with id: 00Q5g00000ZzYyXAAQ",
        ],
        [
            "Email: invalid email address: jane@@example.com",
            "Email: invalid email address: x <img src=/dev/zero>",
        ],
        [
            "Company: data value too large: Acme (max length=40)",
            'Company: data value too large: <b style="font-size:26px">Hi: there</b> (max length=255)',
        ],
    ],
)
def test_the_same_cause_with_other_data_is_one_pattern(variants: list[str]) -> None:
    assert len({message_pattern(v) for v in variants}) == 1


def test_words_with_digits_and_field_names_are_not_taken_for_data() -> None:
    assert (
        message_pattern("No such column mkto71_Lead_Id__c in v59.0")
        == "No such column mkto71_Lead_Id__c in v59.0"
    )
    assert message_pattern("We can't, won't and don't") == "We can't, won't and don't"


def test_a_column_is_mapped_once_per_distinct_message_and_back_by_index() -> None:
    distinct = [m for m, _, _ in REAL_MESSAGES]
    column = pd.Series([distinct[i % len(distinct)] for i in range(50_000)] + [None], dtype="str")
    patterns = message_patterns(column)
    assert isinstance(patterns, pa.DictionaryArray) and len(patterns) == len(column)
    assert len(patterns.dictionary) == len({p for _, p, _ in REAL_MESSAGES})
    expected = [message_pattern(m) for m in column.iloc[: len(distinct)]]
    assert patterns.slice(0, len(distinct)).to_pylist() == expected
    assert patterns[-1].as_py() == ""  # a missing message is an empty pattern


@pytest.mark.parametrize(
    "messages",
    [
        pa.chunked_array([["a 1", "a 2"], ["b 00Q5g00000AbCdE"]]),
        pa.array(["a 1", "a 2", "b 00Q5g00000AbCdE"]).dictionary_encode(),
        ["a 1", "a 2", "b 00Q5g00000AbCdE"],
        pd.Series(["a 1", "a 2", "b 00Q5g00000AbCdE"], dtype="category"),
    ],
    ids=["chunked", "dictionary", "list", "categorical"],
)
def test_every_column_form_gives_the_same_patterns(messages) -> None:
    assert message_patterns(messages).to_pylist() == ["a <number>", "a <number>", "b <id>"]


def test_an_empty_column_gives_no_patterns() -> None:
    assert len(message_patterns(pa.chunked_array([], pa.string()))) == 0
    assert len(message_patterns([])) == 0


FRAGMENTS = [
    "Required fields are missing: [LastName]",
    "duplicate value found: Email duplicates value on record with id: 00Q5g00000AbCdE",
    "id 0015g00000XyZaBAAV and 001000000000001",
    "Company: data value too large: Acme 12 (max length=40)",
    "invalid email address: Jane.Roe+1@acme.example",
    "mkto71_Lead_Score__c",
    "v59.0",
    "row 3,",
    "-42",
    "(−7)",
    "1392827374-83822 (-1127468291)",
    "since 2026-11-20T14:00:00.000+0000",
    "on 31.12.2026",
    "'quoted 5' and 'more'",
    "“Lead Assignment” 2",
    "«x»",
    "see https://acme.my.salesforce.com/00Q5g00000AbCdE?x=1.",
    "www.example.com/a,",
    "bob@x.org;",
    "x <img src=/dev/zero>",
    '<b style="font-size:26px">Hi: there</b>',
    "Müller & Söhne 😀",
    "line\n\ntwo\tthree",
    "1.0E19",
    "12,500.00",
    "can't",
]


def test_the_column_path_gives_exactly_the_one_message_path() -> None:
    import random

    rng = random.Random(7)
    messages = [
        " ".join(rng.choice(FRAGMENTS).replace("5", str(rng.randint(0, 9))) for _ in range(rng.randint(1, 4)))
        for _ in range(3000)
    ]
    messages += ["mkto71_Score__c failed 3", "mkto72_Score__c failed 3", "mkto72_Score__c failed 4"]
    assert message_patterns(messages).to_pylist() == [message_pattern(m) for m in messages]
