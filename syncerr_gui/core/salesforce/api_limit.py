"""The org's daily API request allocation, used up: the one refusal no retry can help.

Salesforce counts every API request of the org (all its integrations) against a rolling
24-hour allocation; once used up it refuses each one with `403 REQUEST_LIMIT_EXCEEDED`
("TotalRequests Limit exceeded."; Bulk API 1.0: `ExceededQuota`). Retrying only spends
time and refusals (the issue measured 985 s and 6,004 refused requests), so `OrgClient`
stops at the first refusal and sends nothing more, and the engine counts the jobs it did
not read. The *concurrent* long-running request limit shares the code
("ConcurrentPerOrgLongTxn Limit exceeded") but clears in seconds: that one is still retried.
"""

from __future__ import annotations

from syncerr_gui.core.exceptions import RequestFailed
from syncerr_gui.core.words import say

LIMIT_CODE = "REQUEST_LIMIT_EXCEEDED"
BULK1_LIMIT_CODE = "ExceededQuota"


class DailyLimitExhausted(RequestFailed):
    """The org refused a request for its daily API limit; no request of this sync will pass."""

    def __init__(self) -> None:
        super().__init__(
            say("The org's daily API request limit is used up (403 REQUEST_LIMIT_EXCEEDED)."), 403, LIMIT_CODE
        )


def is_daily_limit(status: int, code: str, message: str) -> bool:
    """Whether an answer refuses the request for the org's daily allocation (not concurrency)."""
    if status != 403 or code not in (LIMIT_CODE, BULK1_LIMIT_CODE):
        return False
    words = message.lower()
    if "concurrent" in words:
        return False
    return code == LIMIT_CODE or "totalrequests" in words
