"""Generated error frames for benchmarks and tests that need volume without a server.

Vectorised: a million rows build in about a second.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from syncerr_gui.core.schema import JOB_LEVEL, RECORD_LEVEL, SOURCES, make_frame

_CODES = np.array([
    "REQUIRED_FIELD_MISSING", "FIELD_CUSTOM_VALIDATION_EXCEPTION", "DUPLICATES_DETECTED",
    "STRING_TOO_LONG", "INVALID_EMAIL_ADDRESS", "UNABLE_TO_LOCK_ROW",
    "INVALID_CROSS_REFERENCE_KEY", "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
])
_MESSAGES = np.array([
    "Required fields are missing: [LastName]", "Lead must have a Company, please fix",
    "Use one of these records?", "Company: data value too large: Müller & Söhne GmbH (max length=40)",
    "invalid email address: jane@@example.com", "unable to obtain exclusive access to this record",
    "invalid cross reference id", "bad value for restricted picklist field: Hot, \"very\"",
])
_FIELDS = np.array(["LastName", "", "", "Company", "Email", "", "OwnerId", "Rating"])
_OBJECTS = np.array(["Lead", "Contact", "Account", "Opportunity", "CampaignMember"])
_OPERATIONS = np.array(["insert", "update", "upsert", "delete"])


def synthetic_errors(rows: int, seed: int = 1, jobs: int = 1000) -> pd.DataFrame:
    """Return `rows` plausible errors spread over `jobs` jobs in the last 7 days."""
    rng = np.random.default_rng(seed)
    idx = np.arange(rows)
    code_i = rng.integers(0, len(_CODES), rows)
    job_i = rng.integers(0, max(jobs, 1), rows)
    now = pd.Timestamp("2026-11-27T12:00:00Z").value
    job_time = now - (rng.integers(0, 7 * 86400, max(jobs, 1)) * 10**9)
    job_ids = "750" + pd.Series(job_i).astype("str").str.zfill(15)
    record_ids = "00Q" + pd.Series(idx).astype("str").str.zfill(15)
    return make_frame({
        "failed_on": np.where(idx % 50 == 0, JOB_LEVEL, RECORD_LEVEL),
        "failed_at": pd.to_datetime(job_time[job_i], utc=True),
        "error_type": _CODES[code_i],
        "message": pd.Series(_MESSAGES[code_i]) + " #" + pd.Series(idx).astype("str"),
        "fields": _FIELDS[code_i],
        "object": _OBJECTS[job_i % len(_OBJECTS)],
        "operation": _OPERATIONS[job_i % len(_OPERATIONS)],
        "salesforce_id": np.where(idx % 3 == 0, "", record_ids),
        "source_id": pd.Series(idx).astype("str"),
        "job_id": job_ids,
        "source": np.array(SOURCES)[job_i % 2],
        "created_by": "005000000000001AAA",
        "input_row": '{"LastName": "Nguyễn", "Company": "=cmd"}',
        "row_key": pd.Series(idx).astype("str"),
    }, length=rows)
