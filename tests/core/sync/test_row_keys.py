"""Row keys are the archive's identity of a record-level error: these fixed rows must keep these
exact keys. If this test fails, the algorithm changed: every archived row would look new on the
next sync. Raise ROW_KEY_VERSION and migrate the archive's keys instead of editing the values."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

from syncerr_gui.core.sync.row_keys import ROW_KEY_VERSION, hash_strings, occurrence_keys

ERRORS = [
    "REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --",
    "DUPLICATES_DETECTED:Use one of these records?:",
    "REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --",
    "STRING_TOO_LONG:Company: data value too large: Müller & Söhne GmbH (max length=40):Company",
    "",
]
INPUTS = [
    '{"LastName": "", "Email": "a@example.com"}',
    '{"LastName": "Nguyễn"}',
    '{"LastName": "", "Email": "a@example.com"}',
    '{"Company": "Müller & Söhne GmbH", "LastName": "Smith", "Marketo_Lead_ID__c": "91000001"}',
    "",
]


def test_fixed_rows_keep_their_keys_in_version_1() -> None:
    assert ROW_KEY_VERSION == 1
    keys = occurrence_keys(pd.Series(ERRORS), pd.Series(INPUTS)).tolist()
    assert keys == [
        "5683ac885a2bead7:0",
        "aac2bb030828bed4:0",
        "5683ac885a2bead7:1",  # the same row again in the job: the counter tells them apart
        "4b15c3a451092405:0",
        "e8d28143bb104f15:0",
    ]


def test_the_string_hash_is_fixed_across_word_boundaries_and_unicode() -> None:
    values = pa.array(["", "a", "abcdefgh", "abcdefghi", "Ünïcødé ✓"], pa.large_string())
    assert [f"{int(h):016x}" for h in hash_strings(values)] == [
        "b800bd6c02472607",
        "7eb957a7f838175f",
        "c005ce0160c64d9c",
        "4c9e1ca10ea4d5c2",
        "98d59a1c4825e41f",
    ]


def test_keys_do_not_depend_on_row_order_or_on_other_rows() -> None:
    alone = occurrence_keys(pd.Series(ERRORS[3:4]), pd.Series(INPUTS[3:4])).tolist()
    assert alone == ["4b15c3a451092405:0"]
    reversed_keys = occurrence_keys(pd.Series(ERRORS[::-1]), pd.Series(INPUTS[::-1])).tolist()
    assert sorted(reversed_keys) == sorted(occurrence_keys(pd.Series(ERRORS), pd.Series(INPUTS)).tolist())
