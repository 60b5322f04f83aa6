"""The words of a watch notification: the cause and its count, never the customer's data.

"New: INVALID_EMAIL_ADDRESS on Lead.Email — 214 errors". A notification names a group by its
error type, object and fields: texts of the org's metadata, not of its records. The message
pattern is added only when it is one of Salesforce's own texts (`is_known_template`), whose
placeholders stand where the data was; free text an admin wrote (a validation rule, an
`addError`) can hold anything and is left out. Several changes of one sync become one
notification (their sum as the title, the first few as lines); the click target is the group
with the most errors.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from syncerr_gui.core.frame.patterns import is_known_template
from syncerr_gui.core.watch.changes import GroupChange, GroupFacts, WatchReport

logger = logging.getLogger(__name__)

MAX_LINES = 4
MAX_PATTERN = 120
APP_TITLE = "Salesforce sync errors"


@dataclass(frozen=True)
class Notification:
    """What the desktop shows: a title, a body, and the group a click opens ('' for none)."""

    title: str
    body: str
    group_key: str = ""


def cause(group: GroupFacts) -> str:
    """ "INVALID_EMAIL_ADDRESS on Lead.Email" (the code, the object and its fields)."""
    code = group.error_type or "Error"
    fields = [f.strip() for f in group.fields.split(",") if f.strip()]
    if not group.object:
        where = ""
    elif len(fields) == 1:
        where = f" on {group.object}.{fields[0]}"
    elif fields:
        where = f" on {group.object} ({', '.join(fields)})"
    else:
        where = f" on {group.object}"
    return f"{code}{where}"


def errors_text(count: int, noun: str = "error") -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


def headline(change: GroupChange) -> str:
    """ "New: INVALID_EMAIL_ADDRESS on Lead.Email — 214 errors"."""
    return f"{change.kind}: {cause(change.group)} — {errors_text(change.errors)}"


def safe_pattern(group: GroupFacts) -> str:
    """The group's pattern when it is Salesforce's own wording ('' otherwise), shortened."""
    pattern = " ".join(group.pattern.split())
    if not is_known_template(pattern):
        return ""
    return pattern if len(pattern) <= MAX_PATTERN else pattern[: MAX_PATTERN - 1] + "…"


def notification_for(report: WatchReport) -> Notification | None:
    """The one notification of a sync (None: nothing worth telling)."""
    changes = report.changes
    if not changes and not report.burst:
        return None
    burst = (
        f"This sync brought {errors_text(report.new_errors)} (more than {report.threshold:,})."
        if report.burst
        else ""
    )
    if not changes:
        return Notification(f"{errors_text(report.new_errors)} in one sync", burst)
    first = changes[0]
    if len(changes) == 1:
        lines = [safe_pattern(first.group), burst]
        return Notification(headline(first), "\n".join(x for x in lines if x), first.group.key)
    total = sum(c.errors for c in changes)
    title = f"{len(changes)} changed causes — {errors_text(total)}"
    lines = [headline(c) for c in changes[:MAX_LINES]]
    if len(changes) > MAX_LINES:
        lines.append(f"and {len(changes) - MAX_LINES} more")
    if burst:
        lines.append(burst)
    return Notification(title, "\n".join(lines), first.group.key)
