"""What one sync brought that is worth telling the admin, found by comparing the error groups
of the archive before the sync with those after it.

A `GroupCensus` is the groups of an archive at one moment: per group key its texts, its
errors and its triage state (`core/archive/triage.py`). `compare(before, after)` gives the
changes, at most one per group, most errors first:

- New: a group the archive did not hold before (the first sync of an empty archive: every
  group is new);
- Regressed: a Resolved group that failed again (it was not Regressed before);
- Job failed: a job-level group that was known but got new rows (another job failed as a whole);
- and, over the whole sync, more than `threshold` new errors (`WatchReport.burst`).

Ignored groups are muted: never a change. A change is told once: the next comparison starts
from this sync's census, so a sync that brings nothing new tells nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import pandas as pd

from syncerr_gui.core.archive.store import ErrorArchive
from syncerr_gui.core.archive.triage import IGNORED, REGRESSED
from syncerr_gui.core.frame.groups import ErrorGroups, PatternMap
from syncerr_gui.core.frame.schema import JOB_LEVEL

logger = logging.getLogger(__name__)

NEW, REGRESSED_CHANGE, JOB_FAILED = "New", "Regressed", "Job failed"
CHANGE_KINDS = (NEW, REGRESSED_CHANGE, JOB_FAILED)


@dataclass(frozen=True)
class GroupFacts:
    """One group of a census: its texts, its errors, its triage state ('' when unknown)."""

    key: str
    failed_on: str
    error_type: str
    pattern: str
    object: str
    fields: str
    errors: int
    state: str = ""


@dataclass(frozen=True)
class GroupCensus:
    """The groups of an archive (or of any frame) at one moment, by key."""

    groups: dict[str, GroupFacts] = field(default_factory=dict)

    @property
    def errors(self) -> int:
        return sum(g.errors for g in self.groups.values())

    @classmethod
    def of_frame(
        cls, frame: pd.DataFrame, patterns: PatternMap | None = None, archive: ErrorArchive | None = None
    ) -> GroupCensus:
        """The census of `frame` (every archived row, for an archive); with `archive`, each
        group's triage state from it."""
        if not len(frame):
            return cls()
        table = ErrorGroups(frame, patterns).summary().table
        states = archive.group_states(table) if archive is not None else pd.Series([""] * len(table))
        groups = {
            str(row.key): GroupFacts(
                str(row.key),
                str(row.failed_on),
                str(row.error_type),
                str(row.pattern),
                str(row.object),
                str(row.fields),
                int(row.errors),
                str(state),
            )
            for row, state in zip(table.itertuples(index=False), states.tolist(), strict=True)
        }
        return cls(groups)

    @classmethod
    def of_archive(cls, archive: ErrorArchive, keep_patterns: bool = True) -> GroupCensus:
        """The census of everything `archive` holds (reads it all: call off the GUI thread)."""
        frame = archive.load()
        return cls.of_frame(frame, archive.message_patterns(keep=keep_patterns), archive)


@dataclass(frozen=True)
class GroupChange:
    """One group worth telling: how it changed and the errors this sync brought to it."""

    kind: str  # NEW, REGRESSED_CHANGE or JOB_FAILED
    group: GroupFacts
    errors: int


@dataclass(frozen=True)
class WatchReport:
    """What a sync brought: the changes (most errors first), its new errors, and whether they
    were more than the admin's threshold (`burst`)."""

    changes: tuple[GroupChange, ...]
    new_errors: int
    burst: bool = False
    threshold: int = 0

    @property
    def new_groups(self) -> tuple[GroupChange, ...]:
        return tuple(c for c in self.changes if c.kind == NEW)

    @property
    def regressed_groups(self) -> tuple[GroupChange, ...]:
        return tuple(c for c in self.changes if c.kind == REGRESSED_CHANGE)

    @property
    def worth_telling(self) -> bool:
        return bool(self.changes) or self.burst


def compare(before: GroupCensus, after: GroupCensus, threshold: int = 0) -> WatchReport:
    """The changes from `before` to `after` (see the module docstring); `threshold` > 0: a
    sync that brings more new errors than that is a burst."""
    changes = []
    new_errors = 0
    for key, group in after.groups.items():
        old = before.groups.get(key)
        grown = group.errors - (old.errors if old is not None else 0)
        new_errors += max(grown, 0)
        change = _change(old, group, grown)
        if change is not None:
            changes.append(change)
    changes.sort(key=lambda c: (-c.errors, CHANGE_KINDS.index(c.kind), c.group.key))
    burst = threshold > 0 and new_errors > threshold
    return WatchReport(tuple(changes), new_errors, burst, threshold)


def _change(old: GroupFacts | None, group: GroupFacts, grown: int) -> GroupChange | None:
    """The one change of a group, if any: New before Regressed before Job failed."""
    if group.state == IGNORED:
        return None
    if old is None:
        return GroupChange(NEW, group, group.errors)
    if group.state == REGRESSED and old.state != REGRESSED:
        return GroupChange(REGRESSED_CHANGE, group, max(grown, 0))
    if group.failed_on == JOB_LEVEL and grown > 0:
        return GroupChange(JOB_FAILED, group, grown)
    return None
