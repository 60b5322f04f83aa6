"""Result CSV bytes as Salesforce sends them -> the rows and input JSON a user sees."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from syncerr_gui.core.results_csv import input_rows_json, occurrence_keys, read_result_csv


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
    assert frame.to_dict("records") == [{"sf__Id": "", "sf__Error": "E:a,b|c;d:--", "Name": "x",
                                         "Note": f"has {delimiter} inside"}]


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


@pytest.mark.parametrize("body", [b'"a","b"\n"unterminated,2\n', b'"a","b"\n"1","2"\n"1","2","3"\n',
                                  b'"a","b"\n"1","2","3"\n'])
def test_malformed_body_is_a_clear_value_error(body: bytes) -> None:
    with pytest.raises(ValueError, match="Salesforce sent a result file"):
        read_result_csv(body)


def test_input_row_json_matches_json_dumps_key_order_and_unicode() -> None:
    frame = pd.DataFrame({"LastName": ["Müller", 'q"uote\\', "a\nb\r\tc\b\f", "\x00\x1b\x7f", "=1+2"],
                          "Company, Inc": ["中文", "😀", "", "/", "\u2028"]}, dtype="str")
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
