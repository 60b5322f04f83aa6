"""The split of Salesforce error texts into the Error Type / Error Details / fields a user reads."""

from __future__ import annotations

import pandas as pd
import pytest

from syncerr_gui.core.salesforce.sf_error import (
    first_status_code,
    leading_identifier,
    leading_identifier_of,
    split_errors,
)

CASES = [
    (
        "REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --",
        ("REQUIRED_FIELD_MISSING", "Required fields are missing: [Name]", "Name"),
    ),
    (
        "INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:--",
        ("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", ""),
    ),
    (
        "STRING_TOO_LONG:ShortTextField: data value too large: ££££ (max length=10):ShortTextField__c --",
        (
            "STRING_TOO_LONG",
            "ShortTextField: data value too large: ££££ (max length=10)",
            "ShortTextField__c",
        ),
    ),
    (
        'FIELD_CUSTOM_VALIDATION_EXCEPTION:Company, "Müller": multi\nline: value:Company,LastName --',
        ("FIELD_CUSTOM_VALIDATION_EXCEPTION", 'Company, "Müller": multi\nline: value', "Company, LastName"),
    ),
    (
        "UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record --",
        ("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record", ""),
    ),
    ("something went wrong", ("", "something went wrong", "")),
    (
        " DUPLICATE_VALUE :duplicate value found: Email:Email,,Phone, --",
        ("DUPLICATE_VALUE", "duplicate value found: Email", "Email, Phone"),
    ),
    ("X:y:a - b --", ("X", "y", "a - b")),
    ("", ("", "", "")),
]


@pytest.mark.parametrize(("raw", "expected"), CASES)
def test_split_gives_code_message_and_fields(raw: str, expected: tuple[str, str, str]) -> None:
    split = split_errors(pd.Series([raw], dtype="str"))
    assert (split.error_type.iloc[0], split.message.iloc[0], split.fields.iloc[0]) == expected


def test_split_of_a_whole_column_keeps_alignment_and_index() -> None:
    raws = [raw for raw, _ in CASES] * 3
    values = pd.Series(raws, dtype="str", index=range(100, 100 + len(raws)))
    split = split_errors(values)
    assert list(split.message.index) == list(values.index)
    assert list(zip(split.error_type, split.message, split.fields)) == [exp for _, exp in CASES] * 3
    assert str(split.message.dtype) == "str"


def test_missing_values_are_empty_text() -> None:
    split = split_errors(pd.Series(["A:b:c", None], dtype="object"))
    assert split.message.tolist() == ["b", ""]
    assert split.error_type.tolist() == ["A", ""]


def test_job_level_code_is_the_leading_identifier_else_the_state() -> None:
    messages = pd.Series(
        [
            "InvalidBatch : Records not found",
            "ClientInputError : LineEnding is invalid",
            "the job was stopped",
            "",
        ],
        dtype="str",
    )
    states = pd.Series(["Failed", "Failed", "Aborted", "Failed"], dtype="str")
    assert leading_identifier(messages, states).tolist() == [
        "InvalidBatch",
        "ClientInputError",
        "Aborted",
        "Failed",
    ]


@pytest.mark.parametrize(
    "message", ["InvalidBatch : Records not found", "\u00a0X1_a:y", "1X: y", "\tX\n: y", "no colon here", ""]
)
def test_one_job_level_message_gets_the_code_a_column_would(message: str) -> None:
    column = leading_identifier(pd.Series([message], dtype="str"), "Failed").iloc[0]
    assert leading_identifier_of(message, "Failed") == column


def test_apex_code_is_the_first_status_code_token() -> None:
    texts = pd.Series(
        [
            "First error: Insert failed. First exception on row 0; first error: REQUIRED_FIELD_MISSING, "
            "Required fields are missing: [Company]: [Company]",
            "First error: Apex CPU time limit exceeded",
            "",
        ],
        dtype="str",
    )
    assert first_status_code(texts, "Failed").tolist() == ["REQUIRED_FIELD_MISSING", "Failed", "Failed"]


def test_split_agrees_with_the_demo_orgs_reference_rule_on_any_text() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from syncerr_gui.demo_org.truth_rows import split_sf_error

    texts = st.text(alphabet=st.sampled_from(list("ab_Z09 :,-\t\nü中")), max_size=30)

    @settings(max_examples=300, deadline=None)
    @given(st.lists(texts, min_size=1, max_size=8))
    def check(values: list[str]) -> None:
        # Repeated, so each distinct text is split once and spread back (the engine's case).
        split = split_errors(pd.Series(values * 3, dtype="str"))
        got = list(zip(split.error_type, split.message, split.fields))
        assert got == [split_sf_error(v) for v in values] * 3

    check()
