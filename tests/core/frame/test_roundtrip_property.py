"""Any text Salesforce sends in a failedResults CSV comes out of our export as the same text.

Path: demo-org-style CSV bytes -> results_csv parser -> sf_error split -> error frame ->
export_csv -> Python's csv reader. Only the documented formula neutralisation may change a value.
"""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from syncerr_gui.core.frame.export import export_csv
from syncerr_gui.core.frame.schema import RECORD_LEVEL, make_frame
from syncerr_gui.core.salesforce.results_csv import read_result_csv
from syncerr_gui.core.salesforce.sf_error import split_errors

RISKY_START = ("=", "+", "-", "@", "\t", "\r")

# Any Unicode but surrogates and NUL, with the characters CSV cares about made frequent.
_alphabet = st.one_of(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    st.sampled_from([",", '"', "\n", "\r", "\r\n", "=", "-", "@", "\t", ";", "|", "é", "😀"]),
)
_text = st.lists(_alphabet, max_size=30).map("".join)
# The message sits between the first and last ':' and is stripped, so it has no edge whitespace;
# the field list after the last ':' has no ':'.
_message = _text.filter(lambda s: s == s.strip() and s != "")


def _quoted(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def _failed_results(rows: list[tuple[str, str, str]]) -> bytes:
    """Bytes as Salesforce (and the demo org) send them: every value quoted, LF line ends."""
    lines = ['"sf__Id","sf__Error","LastName","External_Id__c"']
    for sf_id, message, source_id in rows:
        error = f"REQUIRED_FIELD_MISSING:{message}:LastName --"
        lines.append(",".join(_quoted(v) for v in (sf_id, error, 'Nguyễn, "Ana"', source_id)))
    return ("\n".join(lines) + "\n").encode("utf-8")


def _expected(value: str) -> str:
    return "'" + value if value.startswith(RISKY_START) else value


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_text, _message, _text), min_size=1, max_size=8))
def test_text_survives_parse_and_export(rows: list[tuple[str, str, str]]) -> None:
    parsed = read_result_csv(_failed_results(rows))
    split = split_errors(parsed["sf__Error"])
    frame = make_frame(
        {
            "failed_on": RECORD_LEVEL,
            "failed_at": pd.Timestamp("2026-11-20T14:03:12Z"),
            "error_type": split.error_type,
            "message": split.message,
            "fields": split.fields,
            "salesforce_id": parsed["sf__Id"],
            "source_id": parsed["External_Id__c"],
            "job_id": "7505e000001AbCdAAK",
            "source": "Bulk API 2.0",
        },
        length=len(parsed),
    )
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "errors.csv"
        assert export_csv(frame, out) == len(rows)
        with open(out, encoding="utf-8", newline="") as fh:
            exported = list(csv.DictReader(fh))
    assert [r["Error Type"] for r in exported] == ["REQUIRED_FIELD_MISSING"] * len(rows)
    assert [r["Error Details"] for r in exported] == [_expected(m) for _, m, _ in rows]
    assert [r["Salesforce ID"] for r in exported] == [_expected(i) for i, _, _ in rows]
    assert [r["Source ID"] for r in exported] == [_expected(s) for _, _, s in rows]
    assert list(split.fields) == ["LastName"] * len(rows)
