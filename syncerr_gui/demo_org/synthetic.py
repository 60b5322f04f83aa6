"""Generated error frames for benchmarks and tests that need volume without a server.

Vectorised and lean: choices are built as categoricals and strings as pyarrow-backed
columns, so a million rows build in about a second without NumPy unicode arrays.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from syncerr_gui.core.frame.row_details import MemoryRowDetails
from syncerr_gui.core.frame.schema import JOB_LEVEL, RECORD_LEVEL, SOURCES, STR_DTYPE, make_frame

_CODES = [
    "REQUIRED_FIELD_MISSING",
    "FIELD_CUSTOM_VALIDATION_EXCEPTION",
    "DUPLICATES_DETECTED",
    "STRING_TOO_LONG",
    "INVALID_EMAIL_ADDRESS",
    "UNABLE_TO_LOCK_ROW",
    "INVALID_CROSS_REFERENCE_KEY",
    "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
]
_MESSAGES = [
    "Required fields are missing: [LastName]",
    "Lead must have a Company, please fix",
    "Use one of these records?",
    "Company: data value too large: Müller & Söhne GmbH (max length=40)",
    "invalid email address: jane@@example.com",
    "unable to obtain exclusive access to this record",
    "invalid cross reference id",
    'bad value for restricted picklist field: Hot, "very"',
]
_FIELDS = ["LastName", "", "", "Company", "Email", "", "OwnerId", "Rating"]
_OBJECTS = ["Lead", "Contact", "Account", "Opportunity", "CampaignMember"]
_OPERATIONS = ["insert", "update", "upsert", "delete"]


def synthetic_errors(rows: int, seed: int = 1, jobs: int = 1000) -> pd.DataFrame:
    """Return `rows` plausible errors spread over `jobs` jobs in the last 7 days."""
    rng = np.random.default_rng(seed)
    jobs = max(jobs, 1)
    idx = np.arange(rows)
    code_i = rng.integers(0, len(_CODES), rows)
    job_i = rng.integers(0, jobs, rows)
    now = pd.Timestamp("2026-11-27T12:00:00Z").value
    job_time = now - rng.integers(0, 7 * 86400, jobs) * 10**9
    numbers = pd.Series(idx).astype(STR_DTYPE)
    record_ids = ("00Q" + numbers.str.zfill(15)).where(idx % 3 != 0, "")
    return make_frame(
        {
            "failed_on": _pick([RECORD_LEVEL, JOB_LEVEL], (idx % 50 == 0).astype(np.int8)),
            "failed_at": pd.to_datetime(job_time[job_i], utc=True),
            "error_type": _pick(_CODES, code_i),
            "message": _pick(_MESSAGES, code_i).astype(STR_DTYPE) + " #" + numbers,
            "fields": _pick(_FIELDS, code_i).astype(STR_DTYPE),
            "object": _pick(_OBJECTS, job_i % len(_OBJECTS)),
            "operation": _pick(_OPERATIONS, job_i % len(_OPERATIONS)),
            "salesforce_id": record_ids,
            "source_id": numbers,
            "job_id": "750" + pd.Series(job_i).astype(STR_DTYPE).str.zfill(15),
            "source": _pick(list(SOURCES), job_i % 2),
            "created_by": "005000000000001AAA",
        },
        length=rows,
    )


def synthetic_details(rows: int) -> MemoryRowDetails:
    """The details of `synthetic_errors(rows)`: row key = the row's number, one input row."""
    keys = pc.cast(pa.array(np.arange(rows)), pa.large_string())
    inputs = pa.repeat(pa.scalar('{"LastName": "Nguyễn", "Company": "=cmd"}', pa.large_string()), rows)
    return MemoryRowDetails.of(keys, inputs)


def _pick(choices: list[str], codes: np.ndarray) -> pd.Series:
    """A categorical column of `choices[codes]`, without materialising the strings."""
    categories = list(dict.fromkeys(choices))
    remap = np.array([categories.index(c) for c in choices])
    return pd.Series(pd.Categorical.from_codes(remap[codes], categories=categories))
