"""The diagnosis of an error group: picks the family of its code and reads the org for it.

Never guesses: a code with no family, a job-level group, a refusal of Setup metadata, or
a failed read each give a diagnosis that says so. Cancelling (the client's token) stops
between requests and raises `Cancelled` like a sync.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime
from types import ModuleType

from syncerr_gui.core.diagnosis import (
    duplicates,
    field_limits,
    flows,
    locks,
    picklist,
    references,
    required,
    validation,
)
from syncerr_gui.core.diagnosis.group_rows import GroupRows
from syncerr_gui.core.diagnosis.model import FAILED, NOTHING, SKIPPED, Diagnosis
from syncerr_gui.core.diagnosis.org_reader import VIEW_SETUP, NoSetupAccess, OrgReader
from syncerr_gui.core.exceptions import RequestFailed, SessionExpired, failure_words
from syncerr_gui.core.frame.schema import RECORD_LEVEL
from syncerr_gui.core.words import say

logger = logging.getLogger(__name__)

FAMILIES: tuple[ModuleType, ...] = (
    validation,
    picklist,
    required,
    field_limits,
    duplicates,
    flows,
    locks,
    references,
)
FAMILY_OF: dict[str, Callable[[GroupRows, OrgReader], Diagnosis]] = {
    code: family.diagnose for family in FAMILIES for code in family.CODES
}
NO_SETUP_NOTE = say(
    "Not read: this needs the “{permission}” permission, which your user lacks "
    "(Salesforce refuses its Setup metadata without it).",
    permission=VIEW_SETUP,
)


def diagnosable(code: str) -> bool:
    """Whether the app can read a diagnosis for this error code."""
    return code in FAMILY_OF


class Diagnoser:
    """`diagnose(rows)` for any group; one per sync (its reader caches the describes)."""

    def __init__(self, reader: OrgReader) -> None:
        self.reader = reader

    def diagnose(self, rows: GroupRows) -> Diagnosis:
        """The group's diagnosis, stamped with its key, code, time and API calls."""
        started, calls = time.perf_counter(), self.reader.calls
        try:
            result = self._run(rows)
        except NoSetupAccess:
            result = Diagnosis("", "", SKIPPED, NO_SETUP_NOTE)
        except SessionExpired:
            raise
        except RequestFailed as exc:
            result = Diagnosis(
                "", "", FAILED, say("Could not read the org: {reason}", reason=failure_words(exc))
            )
        logger.info("diagnosed %s in %.2f s", rows.code, time.perf_counter() - started)
        return result.stamped(rows.key, rows.code, datetime.now(UTC), self.reader.calls - calls)

    def _run(self, rows: GroupRows) -> Diagnosis:
        family = FAMILY_OF.get(rows.code)
        if rows.failed_on != RECORD_LEVEL:
            return Diagnosis(
                "", "", NOTHING, say("No diagnosis for job-level failures: the job's message is the cause.")
            )
        if family is None:
            if not rows.code:
                return Diagnosis(
                    "", "", NOTHING, say("No diagnosis from the org for this error: see the advice.")
                )
            return Diagnosis(
                "", "", NOTHING, say("No diagnosis from the org for {code}: see the advice.", code=rows.code)
            )
        return family(rows, self.reader)
