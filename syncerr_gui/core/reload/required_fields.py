"""Which fields a previous error said were missing, so the dialog can point at those cells.

Salesforce's REQUIRED_FIELD_MISSING reads "REQUIRED_FIELD_MISSING:Required fields are
missing: [LastName, Company]:LastName,Company --": the field names sit in the brackets and
again after the last colon. Either is enough; the brackets are read first.
"""

from __future__ import annotations

import re

REQUIRED_FIELD_MISSING = "REQUIRED_FIELD_MISSING"
_BRACKETS = re.compile(r"\[([^\]]*)\]")
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_.]*$")


def required_fields(error: str) -> tuple[str, ...]:
    """The fields `error` names as required and missing (() for any other error)."""
    if not error.lstrip().startswith(REQUIRED_FIELD_MISSING):
        return ()
    found = _BRACKETS.search(error)
    if found is not None:
        raw = found.group(1)
    else:
        raw = error.rsplit(":", 1)[-1].replace("--", "")
    names = (part.strip() for part in raw.split(","))
    return tuple(dict.fromkeys(name for name in names if _NAME.match(name)))
