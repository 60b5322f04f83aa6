"""Job-level errors get a real code from their message, and every such code has advice."""

from __future__ import annotations

import pytest

from syncerr_gui.core.frame.guidance import guidance_for
from syncerr_gui.core.frame.schema import JOB_LEVEL
from syncerr_gui.core.salesforce.job_codes import apex_job_code, bulk_job_code
from syncerr_gui.demo_org import error_texts

BULK = [  # (message as Salesforce sends it, the job's or batch's state, code)
    ("InvalidBatch : Field name not found : mkto71_Lead_Score__c", "Failed", "InvalidBatch"),
    ("InvalidBatch : Records not found", "Failed", "InvalidBatch"),
    (
        "ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is LF",
        "Failed",
        "ClientInputError",
    ),
    ("InternalServerError : Internal Server Error: please retry the job", "Failed", "InternalServerError"),
    ("Max CPU time exceeded", "Failed", "LIMIT_EXCEEDED"),
    (None, "Aborted", "JOB_ABORTED"),
    ("", "Failed", "JOB_FAILED"),
    ("Something nobody has seen before", "Failed", "JOB_FAILED"),
]
APEX = [  # (ExtendedStatus, Status, code)
    ("First error: Too many SOQL queries: 201", "Failed", "LIMIT_EXCEEDED"),
    ("First error: Too many DML statements: 151", "Failed", "LIMIT_EXCEEDED"),
    ("First error: Apex CPU time limit exceeded", "Failed", "LIMIT_EXCEEDED"),
    ("First error: Attempt to de-reference a null object", "Completed", "NULL_POINTER_EXCEPTION"),
    ("First error: System.CalloutException: Read timed out", "Failed", "CALLOUT_EXCEPTION"),
    (
        "First error: Insert failed. First exception on row 0; first error: REQUIRED_FIELD_MISSING, "
        "Required fields are missing: [Company]: [Company]",
        "Failed",
        "REQUIRED_FIELD_MISSING",
    ),
    (None, "Aborted", "JOB_ABORTED"),
]


@pytest.mark.parametrize(("message", "state", "code"), BULK)
def test_a_bulk_job_message_names_its_code(message: str | None, state: str, code: str) -> None:
    assert bulk_job_code(message, state) == code


@pytest.mark.parametrize(("extended", "status", "code"), APEX)
def test_an_apex_job_status_names_its_code(extended: str | None, status: str, code: str) -> None:
    assert apex_job_code(extended, status) == code


def test_no_job_level_code_is_a_job_state() -> None:
    for message, state, _ in BULK:
        assert bulk_job_code(message, state) not in ("Failed", "Aborted", "Completed")
    for extended, status, _ in APEX:
        assert apex_job_code(extended, status) not in ("Failed", "Aborted", "Completed")


def test_every_job_level_code_the_demo_org_and_the_wire_notes_produce_has_advice(demo_org) -> None:
    truth = demo_org.truth.errors()
    codes = set(truth.loc[truth["failed_on"] == JOB_LEVEL, "error_type"].astype(str))
    codes |= {
        bulk_job_code(m, "Failed") for m in error_texts.BULK2_JOB_ERRORS + error_texts.CLASSIC_BATCH_ERRORS
    }
    codes |= {apex_job_code(e, s) for s, e in error_texts.APEX_FAILURES}
    codes |= {code for *_, code in BULK + APEX}
    assert {"InvalidBatch", "LIMIT_EXCEEDED", "JOB_ABORTED"} <= codes
    assert [c for c in sorted(codes) if guidance_for(c) is None] == []
