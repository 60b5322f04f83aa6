"""The admin's triage of error groups, kept per org in the archive (table `group_triage`).

Only what the admin decides is stored: Resolved (fixed; a reload whose every record
succeeded may say so too) and Ignored (muted). The other states follow from the rows and
the last visit, so they are always true of what the archive holds:

- Regressed: Resolved, and the group failed again after it was resolved (last seen later);
- New: first seen after the last visit (a Regressed group also counts as new for the mark);
- Ongoing: everything else.

A state is keyed by the group's key (a hash of its texts), so it survives syncs, restarts,
purges (a group whose rows are all purged keeps its state for when it comes back) and
migrations.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

import numpy as np
import pandas as pd

from syncerr_gui.core.frame.groups import GROUP_COLUMNS

NEW, ONGOING, RESOLVED, IGNORED, REGRESSED = "New", "Ongoing", "Resolved", "Ignored", "Regressed"
TRIAGE_STATES = (NEW, ONGOING, RESOLVED, IGNORED, REGRESSED)
STORED_STATES = (RESOLVED, IGNORED)  # what the admin sets; None reopens a group


@dataclass(frozen=True)
class GroupMark:
    """A stored decision about one group."""

    key: str
    state: str  # RESOLVED or IGNORED
    changed_at_ns: int


def read_marks(con: sqlite3.Connection) -> dict[str, GroupMark]:
    rows = con.execute("SELECT group_key, state, changed_at FROM group_triage").fetchall()
    return {key: GroupMark(key, state, int(at)) for key, state, at in rows}


def write_marks(con: sqlite3.Connection, groups: pd.DataFrame, state: str | None, at_ns: int) -> int:
    """Set `state` (RESOLVED, IGNORED, or None to reopen) for the rows of `groups` (a
    `GroupSummary.table` or any frame with `key` and the group texts); returns how many."""
    if state is not None and state not in STORED_STATES:
        raise ValueError(f"a group's stored state is one of {STORED_STATES}, not {state!r}")
    keys = [str(k) for k in groups["key"]]
    if state is None:
        con.executemany("DELETE FROM group_triage WHERE group_key = ?", [(k,) for k in keys])
        return len(keys)
    texts = zip(keys, *(groups[c].astype(str) for c in GROUP_COLUMNS))
    con.executemany(
        "INSERT INTO group_triage (group_key, state, changed_at, failed_on, error_type, pattern, object, fields) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (group_key) DO UPDATE SET "
        "state = excluded.state, changed_at = excluded.changed_at",
        [(key, state, at_ns, *rest) for key, *rest in texts],
    )
    return len(keys)


def group_states(groups: pd.DataFrame, marks: dict[str, GroupMark], last_visit: datetime | None) -> pd.Series:
    """Each group's state (see the module docstring), aligned with `groups` (needs `key`,
    `first_seen`, `last_seen` over the whole archive)."""
    first = _ns(groups["first_seen"])
    last = _ns(groups["last_seen"])
    visit = pd.Timestamp(last_visit).value if last_visit is not None else None
    states = np.full(len(groups), ONGOING, dtype=object)
    if visit is not None:
        states[first > visit] = NEW
    for i, key in enumerate(groups["key"]):
        mark = marks.get(str(key))
        if mark is None:
            continue
        if mark.state == IGNORED:
            states[i] = IGNORED
        else:
            states[i] = REGRESSED if last[i] > mark.changed_at_ns else RESOLVED
    return pd.Series(states, index=groups.index, name="state", dtype="str")


def counts_as_new(states: pd.Series) -> np.ndarray:
    """The groups the "New" mark flags: New and Regressed."""
    return np.asarray(states.isin((NEW, REGRESSED)), dtype=bool)


def _ns(times: pd.Series) -> np.ndarray:
    values = times.dt.as_unit("ns").array.asi8
    return np.asarray(values, dtype=np.int64)
