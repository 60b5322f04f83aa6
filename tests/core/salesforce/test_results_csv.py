"""Result CSV bytes as Salesforce sends them -> the rows and input JSON a user sees."""

from __future__ import annotations

import json

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from syncerr_gui.core.salesforce.input_json import input_rows_json
from syncerr_gui.core.salesforce.results_csv import (
    _read_pandas,
    detect_delimiter,
    read_result_csv,
    read_result_table,
)
from syncerr_gui.core.sync.row_keys import hash_strings, occurrence_keys


def test_utf8_without_charset_and_bom_keeps_accents_and_cjk() -> None:
    body = '\ufeff"sf__Id","sf__Error","LastName","City"\n"","E:m:--","Müller","東京 😀"\n'.encode()
    frame = read_result_csv(body)
    assert list(frame.columns) == ["sf__Id", "sf__Error", "LastName", "City"]
    assert frame.iloc[0].tolist() == ["", "E:m:--", "Müller", "東京 😀"]


@pytest.mark.parametrize("delimiter", [",", "|", ";", "\t", "^", "`"])
def test_every_salesforce_column_delimiter_is_detected(delimiter: str) -> None:
    header = delimiter.join(['"sf__Id"', '"sf__Error"', "Name", "Note"])
    row = delimiter.join(['""', '"E:a,b|c;d:--"', '"x"', f'"has {delimiter} inside"'])
    frame = read_result_csv(f"{header}\n{row}\n".encode())
    assert frame.to_dict("records") == [
        {"sf__Id": "", "sf__Error": "E:a,b|c;d:--", "Name": "x", "Note": f"has {delimiter} inside"}
    ]


def test_quotes_newlines_and_crlf_inside_values_survive() -> None:
    body = b'sf__Id,sf__Error,Company\r\n"001","E:x:--","say ""hi""\nsecond line, still"\r\n'
    frame = read_result_csv(body)
    assert frame["Company"].tolist() == ['say "hi"\nsecond line, still']
    assert frame["sf__Id"].tolist() == ["001"]


def test_values_are_text_never_numbers_or_missing() -> None:
    body = b'"sf__Id","sf__Error","Zip","Flag"\n"","E:m:--","00123","NA"\n"","E:m:--","",""\n'
    frame = read_result_csv(body)
    assert frame["Zip"].tolist() == ["00123", ""]
    assert frame["Flag"].tolist() == ["NA", ""]
    assert all(str(dtype) == "str" for dtype in frame.dtypes)


@pytest.mark.parametrize("body", [b"", b"\n", b"\xef\xbb\xbf"])
def test_empty_body_gives_no_rows(body: bytes) -> None:
    assert len(read_result_csv(body)) == 0


def test_header_alone_gives_no_rows_but_the_columns() -> None:
    frame = read_result_csv(b'"sf__Id","sf__Error","Name"\n')
    assert len(frame) == 0 and list(frame.columns) == ["sf__Id", "sf__Error", "Name"]


@pytest.mark.parametrize(
    "body", [b'"a","b"\n"unterminated,2\n', b'"a","b"\n"1","2"\n"1","2","3"\n', b'"a","b"\n"1","2","3"\n']
)
def test_malformed_body_is_a_clear_value_error(body: bytes) -> None:
    with pytest.raises(ValueError, match="Salesforce sent a result file"):
        read_result_csv(body)


def test_input_row_json_matches_json_dumps_key_order_and_unicode() -> None:
    frame = pd.DataFrame(
        {
            "LastName": ["Müller", 'q"uote\\', "a\nb\r\tc\b\f", "\x00\x1b\x7f", "=1+2"],
            "Company, Inc": ["中文", "😀", "", "/", "\u2028"],
        },
        dtype="str",
    )
    texts = input_rows_json(frame, ["LastName", "Company, Inc"])
    expected = [json.dumps(row, ensure_ascii=False) for row in frame.to_dict("records")]
    assert texts.tolist() == expected
    assert list(json.loads(texts.iloc[0])) == ["LastName", "Company, Inc"]


def test_input_row_without_columns_is_an_empty_object() -> None:
    assert input_rows_json(pd.DataFrame(index=range(2)), []).tolist() == ["{}", "{}"]


def test_identical_failed_rows_get_distinct_stable_keys() -> None:
    errors = pd.Series(["E:m:--", "E:m:--", "F:m:--"], dtype="str")
    inputs = pd.Series(['{"a": "1"}'] * 3, dtype="str")
    keys = occurrence_keys(errors, inputs)
    assert keys.nunique() == 3
    assert keys.tolist() == occurrence_keys(errors, inputs).tolist()


def test_keys_do_not_depend_on_row_order() -> None:
    errors = pd.Series(["E:m:--", "F:x:A", "E:m:--", "G:y:--"], dtype="str")
    inputs = pd.Series(['{"a": "1"}', '{"a": "2"}', '{"a": "1"}', '{"a": "3"}'], dtype="str")
    keys = dict(zip(zip(errors, inputs), occurrence_keys(errors, inputs)))
    order = [3, 1, 0, 2]
    shuffled = occurrence_keys(errors[order].reset_index(drop=True), inputs[order].reset_index(drop=True))
    assert set(shuffled) == set(occurrence_keys(errors, inputs))
    assert (
        dict(zip(zip(errors[order], inputs[order]), shuffled))[("F:x:A", '{"a": "2"}')]
        == keys[("F:x:A", '{"a": "2"}')]
    )


def test_texts_that_differ_in_one_byte_or_in_length_hash_apart() -> None:
    texts = [
        "",
        "a",
        "a\x00",
        "ab",
        "ba",
        "abcdefgh",
        "abcdefgh\x00",
        "abcdefghi",
        "ihgfedcba",
        "é",
        "😀" * 9,
        "😀" * 9 + " ",
    ]
    hashes = hash_strings(pa.array(texts, pa.large_string()))
    assert len(set(hashes.tolist())) == len(texts)
    # a slice of an array hashes like the same texts on their own
    sliced = hash_strings(pa.array(texts, pa.large_string()).slice(3, 5))
    assert sliced.tolist() == hashes[3:8].tolist()


# Values with what CSV and JSON care about made frequent.
_cell = st.lists(
    st.one_of(
        st.characters(blacklist_categories=("Cs",)),
        st.sampled_from([",", '"', "\n", "\r", " ", "|", "\\", "é", "\x00"]),
    ),
    max_size=8,
).map("".join)


def _csv(rows: list[list[str]], quote_all: bool, line_end: str) -> bytes:
    def cell(value: str) -> str:
        needs = quote_all or any(ch in value for ch in ',"\r\n') or value.strip() != value or not value
        return '"' + value.replace('"', '""') + '"' if needs else value

    lines = ['"sf__Id","sf__Error","Name"'] + [",".join(cell(v) for v in row) for row in rows]
    return (line_end.join(lines) + line_end).encode("utf-8")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(_cell, min_size=3, max_size=3), max_size=6),
    st.booleans(),
    st.sampled_from(["\n", "\r\n"]),
)
def test_fast_reader_reads_every_body_like_the_pandas_reader(
    rows: list[list[str]], quote_all: bool, line_end: str
) -> None:
    body = _csv(rows, quote_all, line_end)
    fast = read_result_table(body).to_pydict()
    reference = _read_pandas(body, detect_delimiter(body.split(b"\n")[0].decode())).to_dict("list")
    assert fast == reference


@pytest.mark.parametrize("body", [b"Id\n \n001\n", b"a,b\n1\n", b"a,a\n1,2\n", b"a,b\n1,\xff\n"])
def test_bodies_arrow_declines_are_read_by_the_forgiving_rules(body: bytes) -> None:
    frame = read_result_csv(body)
    assert frame.to_dict("list") == _read_pandas(body, ",").to_dict("list")
    assert not frame.isna().any().any()


def test_a_row_of_megabytes_is_read_whole() -> None:
    note = 'Lorem ipsum, "dolor"\n' * 150_000  # a long text area of ~3 MB in one value
    body = (
        '"sf__Id","sf__Error","Note"\n"","E:m:--","short"\n"","E:m:--","' + note.replace('"', '""') + '"\n'
    ).encode()
    frame = read_result_csv(body)
    assert frame["Note"].tolist() == ["short", note]
