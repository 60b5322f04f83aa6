"""A message's *pattern*: Salesforce's wording with the customer's data replaced by placeholders.

"duplicate value found: Email duplicates value on record with id: 00Q5g00000AbCdE" and the same
text with another id are one cause; the record id, like e-mail addresses, URLs, dates, numbers,
quoted values and the values Salesforce echoes after "invalid email address:" and its kin, is
data, not cause. `message_pattern` turns a message into its pattern, `message_patterns` does it
for a whole column (once per distinct message, mapped back by index), and `is_known_template`
says whether a pattern is one of Salesforce's own texts, as opposed to free text an admin or a
developer wrote (validation rules, `addError`, flows), which can hold anything.

The same normaliser serves the privacy-safe "Search online" query (guidance.py) and grouping
errors by cause, so the two always agree on what is data.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

logger = logging.getLogger(__name__)

ID, EMAIL, NUMBER, DATE, URL, VALUE = "<id>", "<email>", "<number>", "<date>", "<url>", "<value>"
QUOTED = f'"{VALUE}"'
PLACEHOLDERS = (QUOTED, ID, EMAIL, NUMBER, DATE, URL, VALUE)

# Salesforce echoes the offending value after these words: everything after them is data
# (up to "(max length=…)" for a too-long value).
_ECHO_MARKERS = (
    "bad value for restricted picklist field:",
    "invalid email address:",
    "id value of incorrect type:",
    "value not of required type:",
    "value outside of valid range on numeric field:",
    "invalid id field:",
)
_W = "A-Za-z0-9_"  # word characters (ASCII, as RE2 and re.ASCII read \b)
_NUM = r"[0-9]+(?:[.,][0-9]+)*(?:[eE][-+]?[0-9]+)?"
_DATE_TEXT = (
    r"(?:[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?"
    r"(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?|[0-9]{1,2}[/.][0-9]{1,2}[/.][0-9]{2,4})"
)


def _record_id() -> str:
    """15 or 18 letters and digits with at least one digit (RE2 has no lookahead: one
    alternative per position of the first digit)."""
    lengths = []
    for length in (18, 15):
        firsts = [f"[A-Za-z]{{{k}}}[0-9][A-Za-z0-9]{{{length - 1 - k}}}" for k in range(length)]
        lengths.append("(?:" + "|".join(firsts) + ")")
    return r"\b(?:" + "|".join(lengths) + r")\b"


# The normaliser, one (regex, replacement) step after another. Written for RE2 (no
# lookaround; a boundary character is captured and put back), so the same steps run in
# Python (`re`, ASCII) on one message and in Arrow's C++ on a whole column, identically.
# Record IDs go first (what an echoed value or a space run does is the same with or without
# them), and no step tells one digit from another: `message_patterns` relies on both.
_STEPS: tuple[tuple[str, str], ...] = (
    (_record_id(), ID),
    (r"[ \t\n\r\f\v]*[\t\n\r\f\v][ \t\n\r\f\v]*| {2,}", " "),
    (r"(?i)(data value too large:) ?.*?( ?\(max length=|$)", rf"\1 {VALUE}\2"),
    ("(?i)(" + "|".join(re.escape(m) for m in _ECHO_MARKERS) + r") ?[^ ].*$", rf"\1 {VALUE}"),
    (r"(?i)\b(?:https?://|www\.)[^ ]*[^ .,;:!?)\]\"']", URL),
    (r'"[^"]{0,300}"|“[^”]{0,300}”|«[^»]{0,300}»', QUOTED),
    (rf"(^|[^{_W}])['‘][^'‘’]{{0,300}}['’]($|[^{_W}])", rf"\1{QUOTED}\2"),
    (rf"(^|[^{_W}])['‘][^'‘’]{{0,300}}['’]($|[^{_W}])", rf"\1{QUOTED}\2"),  # neighbours of the first
    (r"[^ \"'<>()\[\],;:]*@[^ \"'<>()\[\],;]*[^ \"'<>()\[\],;.:!?]", EMAIL),
    (rf"(^|[^{_W}.]){_DATE_TEXT}\b", rf"\1{DATE}"),
    (rf"(^|[ (\[=:,;])-{_NUM}\b", rf"\1{NUMBER}"),
    (rf"(^|[^{_W}.]){_NUM}\b", rf"\1{NUMBER}"),
    (r"^ | $", ""),
)
# Names this normaliser: patterns kept by the archive are recomputed when a step changes.
NORMALISER_VERSION = hashlib.sha256(repr(_STEPS).encode("utf-8")).hexdigest()[:16]
_COMPILED = tuple((re.compile(pattern, re.ASCII), replacement) for pattern, replacement in _STEPS)


def message_pattern(message: str | None) -> str:
    """The message with data replaced: `<id>`, `<email>`, `<number>`, `<date>`, `<url>`,
    `"<value>"` for quoted text and `<value>` for a value Salesforce echoes. One line."""
    text = message or ""
    for regex, replacement in _COMPILED:
        text = regex.sub(replacement, text)
    return text


def message_patterns(messages: pd.Series | pa.Array | pa.ChunkedArray | Iterable[str]) -> pa.DictionaryArray:
    """`message_pattern` of every row, computed by Arrow (C++, RE2) on as few strings as it can.

    The distinct messages get their record IDs replaced, and those that differ only in their
    digits ("… row 3", "… row 12") share one *digit shape* (every digit a 0): since no step
    tells digits apart, a shape whose pattern keeps no digit is the pattern of all its
    messages. Only messages whose pattern keeps digits (a field named mkto71_Score__c) are
    normalised one by one. The answer is dictionary-encoded by pattern (each pattern once).
    """
    encoded = _as_arrow(messages)
    patterns = _by_digit_shape(_run(encoded.dictionary, _STEPS[:1]))
    by_pattern = pc.dictionary_encode(patterns)
    indices = pc.take(by_pattern.indices, encoded.indices)
    return pa.DictionaryArray.from_arrays(indices, by_pattern.dictionary.cast(pa.string()))


def _run(texts: pa.Array, steps: tuple[tuple[str, str], ...]) -> pa.Array:
    for pattern, replacement in steps:
        texts = pc.replace_substring_regex(texts, pattern=pattern, replacement=replacement)
    return texts


def _by_digit_shape(texts: pa.Array) -> pa.Array:
    """The remaining steps for `texts` (distinct, IDs done), once per digit shape where exact."""
    texts = texts.cast(pa.large_string())
    shapes = pc.dictionary_encode(_digit_shapes(texts))
    shape_patterns = _run(shapes.dictionary, _STEPS[1:])
    keeps_digits = pc.take(pc.match_substring_regex(shape_patterns, pattern="[0-9]"), shapes.indices)
    result = pc.take(shape_patterns, shapes.indices)
    if pc.any(keeps_digits).as_py():
        own = _run(pc.filter(texts, keeps_digits), _STEPS[1:])
        result = pc.replace_with_mask(result, keeps_digits, own)
    return result


def _digit_shapes(texts: pa.Array) -> pa.Array:
    """Every ASCII digit made 0, on the UTF-8 bytes at once (continuation bytes are >= 0x80)."""
    if len(texts) == 0:
        return texts
    validity, offsets, data = texts.buffers()
    raw = np.frombuffer(data, dtype=np.uint8) if data is not None else np.zeros(0, np.uint8)
    shaped = np.where((raw > 0x30) & (raw <= 0x39), np.uint8(0x30), raw)
    return pa.LargeStringArray.from_buffers(
        len(texts), offsets, pa.py_buffer(shaped.tobytes()), validity, texts.null_count, texts.offset
    )


def _as_arrow(messages: pd.Series | pa.Array | pa.ChunkedArray | Iterable[str]) -> pa.DictionaryArray:
    """The messages as one dictionary array of strings (missing = "")."""
    if isinstance(messages, pd.Series):
        array = pa.array(messages.astype(str) if messages.dtype == object else messages)
    elif isinstance(messages, pa.Array | pa.ChunkedArray):
        array = messages
    else:
        array = pa.array(list(messages), pa.string())
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks() if array.num_chunks else pa.array([], array.type)
    if pa.types.is_dictionary(array.type):
        array = array.cast(array.type.value_type)
    encoded = pc.dictionary_encode(pc.fill_null(array.cast(pa.string()), ""))
    return encoded


# --- Salesforce's own texts ------------------------------------------------------------------
# Patterns (after message_pattern) of messages Salesforce writes itself: their words are the
# same in every org, so they may leave the machine; anything else may be an admin's free text.
_LABEL = r"(?:[^:<>\"]{1,80}: )?"  # a field label before the text ("Company: …")
_FIELDS = r"[\w ,.]{0,400}"  # field names in a list
_JOB = r"(?:\w+ ?: )?"  # a job-level code before the text ("InvalidBatch : …")
_TEMPLATES = tuple(
    re.compile(rf"(?:{p})", re.IGNORECASE)
    for p in (
        rf"Required fields are missing: \[{_FIELDS}\](?:: \[{_FIELDS}\])?",
        rf"{_LABEL}data value too large: <value> \(max length=<number>\)",
        rf"{_LABEL}bad value for restricted picklist field: <value>",
        rf"{_LABEL}invalid email address: <value>",
        rf"{_LABEL}id value of incorrect type: <value>",
        rf"{_LABEL}value not of required type: <value>",
        rf"{_LABEL}value outside of valid range on numeric field: <value>",
        rf"{_LABEL}invalid id field: <value>",
        r"duplicate value found: \w+ duplicates value on record with id: <id>",
        rf"{_LABEL}more than one record found for external id field: \[<id>(?:, <id>)*\]",
        r"unable to obtain exclusive access to this record(?: or <number> records: <id>(?:, <id>)*)?",
        r"invalid cross reference id",
        r"entity is deleted",
        r"insufficient access rights on cross-reference id(?:: <id>)?",
        r"insufficient access rights on object id",
        r"cannot reference converted lead",
        rf"Unable to create/update fields: {_FIELDS}\. Please check the security settings of this "
        r"field and verify that it is read/write for your profile or permission set\.",
        rf"{_LABEL}data contains characters outside the supported character set",
        r"storage limit exceeded",
        r"Already a campaign member\.",
        r"An unexpected error occurred\. Please include this ErrorId if you contact support: "
        r"<number>-<number> \(<number>\)",
        r"operation performed with inactive user \[<id>\] as owner of \w+",
        r"Use one of these records\?",
        # job level: Bulk API job and batch messages, Apex job limits
        rf"{_JOB}Records not found",
        rf"{_JOB}Field name not found : \w+",
        rf"{_JOB}Failed to process query: INVALID_FIELD: No such column \"<value>\" on entity \"<value>\"",
        rf"{_JOB}LineEnding is invalid on user data\. Current LineEnding setting is (?:LF|CRLF)",
        rf"{_JOB}The \"<value>\" batch must contain the external ID field",
        r"Apex CPU time limit exceeded",
        r"Max CPU time exceeded",
        r"Too many (?:SOQL queries|DML statements|DML rows|query rows|callouts): <number>",
        r"Attempt to de-reference a null object",
        r"System\.CalloutException: Read timed out",
        r"Aborted|Failed|Completed",
    )
)
# "First error: Insert failed. First exception on row 0; first error: CODE, <text>: [fields]"
_APEX_WRAPPER = re.compile(
    r"^First error: (?:(?:Insert|Update|Upsert|Delete|Undelete) failed\. First exception on row "
    r"<number>(?: with id <id>)?; first error: [A-Z_]+, )?(?P<inner>.*?)(?:: \[[\w ,]*\])?$"
)


def is_known_template(pattern: str) -> bool:
    """Is `pattern` (a `message_pattern`) one of Salesforce's own texts?"""
    text = pattern.strip()
    if not text:
        return False
    wrapped = _APEX_WRAPPER.match(text)
    candidates = [text, wrapped.group("inner")] if wrapped else [text]
    return any(t.fullmatch(c) for t in _TEMPLATES for c in candidates if c)
