"""The status code of a job-level error, taken from its message where Salesforce gives one.

Bulk API messages lead with a code (`InvalidBatch : Field name not found : X`,
`ClientInputError : …`, `InternalServerError : …`); Apex's ExtendedStatus names a status
code inside ("… first error: REQUIRED_FIELD_MISSING, …"). Where neither does, the words
name the cause: a governor limit ("Too many SOQL queries: 201", "Apex CPU time limit
exceeded", Bulk 2.0's "Max CPU time exceeded") is `LIMIT_EXCEEDED`, "Attempt to de-reference
a null object" is `NULL_POINTER_EXCEPTION`, `System.CalloutException: …` is
`CALLOUT_EXCEPTION`. A job that failed or was aborted without words is `JOB_FAILED` /
`JOB_ABORTED`. The job's state itself is not a code: it stays the job's (the jobs listing,
`JobSummary.state`; the message when there is no other).
"""

from __future__ import annotations

import re

from syncerr_gui.core.salesforce.sf_error import LEADING_IDENTIFIER, STATUS_CODE_TOKEN

JOB_FAILED, JOB_ABORTED = "JOB_FAILED", "JOB_ABORTED"
LIMIT_EXCEEDED = "LIMIT_EXCEEDED"
NULL_POINTER_EXCEPTION = "NULL_POINTER_EXCEPTION"

_LEADING = re.compile(LEADING_IDENTIFIER)
_STATUS_CODE = re.compile(STATUS_CODE_TOKEN)
_LIMIT = re.compile(
    r"\bToo many [A-Za-z ]+?: [0-9]+|\bApex CPU time limit exceeded|\bMax(?:imum)? CPU time exceeded"
    r"|\bApex heap size too large|\bMaximum stack depth|\blimit exceeded\b",
    re.IGNORECASE,
)
_NULL = re.compile(r"de-reference a null object|\bNullPointerException\b", re.IGNORECASE)
_EXCEPTION = re.compile(r"\bSystem\.([A-Z][A-Za-z]*?)Exception\b")


def code_from_words(message: str) -> str | None:
    """The code a job-level message's words name (a limit, a null object, an Apex exception)."""
    if _LIMIT.search(message):
        return LIMIT_EXCEEDED
    if _NULL.search(message):
        return NULL_POINTER_EXCEPTION
    found = _EXCEPTION.search(message)
    if found:
        return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", found[1]).upper() + "_EXCEPTION"
    return None


def without_words(state: str) -> str:
    """The code of a job that failed (or was aborted) without saying why."""
    return JOB_ABORTED if state == "Aborted" else JOB_FAILED


def bulk_job_code(message: str | None, state: str) -> str:
    """A Bulk API job or batch message: its leading `Identifier :`, else its words, else the state's."""
    text = str(message or "")
    found = _LEADING.match(text)
    if found:
        return found[1]
    return code_from_words(text) or without_words(state)


def apex_job_code(extended_status: str | None, status: str) -> str:
    """An Apex job: the first status code in ExtendedStatus, else its words, else the status's."""
    text = str(extended_status or "")
    found = _STATUS_CODE.search(text)
    if found:
        return found[1]
    return code_from_words(text) or without_words(status)
