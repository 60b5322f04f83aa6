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
from syncerr_gui.core.watch.changes import (
    JOB_FAILED,
    NEW,
    REGRESSED_CHANGE,
    GroupChange,
    GroupFacts,
    WatchReport,
)
from syncerr_gui.core.words import say, say_plural

logger = logging.getLogger(__name__)

MAX_LINES = 4
MAX_PATTERN = 120
APP_TITLE = "Salesforce sync errors"


@dataclass(frozen=True)
class Notification:
    """What the desktop shows: a title, a body, and the group a click opens ('' for none).

    `lines` are the body's lines as made (sentences made with `say()`, so the window can
    show them in its own language); `body` is them joined, in English.
    """

    title: str
    body: str
    group_key: str = ""
    lines: tuple[str, ...] = ()


def cause(group: GroupFacts) -> str:
    """ "INVALID_EMAIL_ADDRESS on Lead.Email" (the code, the object and its fields)."""
    code: str = group.error_type or say("Error")
    fields = [f.strip() for f in group.fields.split(",") if f.strip()]
    if not group.object:
        return code
    if len(fields) == 1:
        return say("{code} on {object}.{field}", code=code, object=group.object, field=fields[0])
    if fields:
        return say("{code} on {object} ({fields})", code=code, object=group.object, fields=", ".join(fields))
    return say("{code} on {object}", code=code, object=group.object)


def errors_text(count: int, noun: str = "error") -> str:
    if noun != "error":
        return f"{count:,} {noun}" + ("" if count == 1 else "s")
    return say_plural("{n:,} error", "{n:,} errors", n=count)


def headline(change: GroupChange) -> str:
    """ "New: INVALID_EMAIL_ADDRESS on Lead.Email — 214 errors"."""
    what, n = cause(change.group), change.errors
    if change.kind == NEW:
        return say_plural("New: {cause} — {n:,} error", "New: {cause} — {n:,} errors", n=n, cause=what)
    if change.kind == REGRESSED_CHANGE:
        return say_plural(
            "Regressed: {cause} — {n:,} error", "Regressed: {cause} — {n:,} errors", n=n, cause=what
        )
    if change.kind == JOB_FAILED:
        return say_plural(
            "Job failed: {cause} — {n:,} error", "Job failed: {cause} — {n:,} errors", n=n, cause=what
        )
    return f"{change.kind}: {what} — {errors_text(n)}"


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
    burst = _burst(report) if report.burst else ""
    if not changes:
        title = say_plural("{n:,} error in one sync", "{n:,} errors in one sync", n=report.new_errors)
        return _notification(title, [burst])
    first = changes[0]
    if len(changes) == 1:
        return _notification(headline(first), [safe_pattern(first.group), burst], first.group.key)
    title = say_plural(
        "{changes} changed causes — {n:,} error",
        "{changes} changed causes — {n:,} errors",
        n=sum(c.errors for c in changes),
        changes=len(changes),
    )
    lines = [headline(c) for c in changes[:MAX_LINES]]
    if len(changes) > MAX_LINES:
        lines.append(say("and {n} more", n=len(changes) - MAX_LINES))
    return _notification(title, [*lines, burst], first.group.key)


def _burst(report: WatchReport) -> str:
    return say_plural(
        "This sync brought {n:,} error (more than {threshold:,}).",
        "This sync brought {n:,} errors (more than {threshold:,}).",
        n=report.new_errors,
        threshold=report.threshold,
    )


def _notification(title: str, lines: list[str], group_key: str = "") -> Notification:
    kept = tuple(line for line in lines if line)
    return Notification(title, "\n".join(kept), group_key, kept)
