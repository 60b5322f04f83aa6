"""A diagnosis of one error group: what the org's own metadata says about its cause.

Plain values, kept in the archive as JSON (`to_json` / `from_json`) so they show offline.
`suggested_steps` are the reload's own fix steps (`core/reload/batch.py`): the Fix and
reload dialog offers them and previews them row by row before anything is written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from syncerr_gui.core.reload.batch import FillEmpty, FixStep, MapValues, SetColumn, Truncate

FOUND = "found"  # the org explained the cause
NOTHING = "nothing"  # no diagnosis applies (said so, never guessed)
SKIPPED = "skipped"  # not read: the user lacks a permission, or cancelled
FAILED = "failed"  # the org could not be read

_STEP_TYPES: dict[str, type] = {t.__name__: t for t in (SetColumn, MapValues, Truncate, FillEmpty)}


@dataclass(frozen=True)
class Link:
    """A link into the org: `path` is relative to its instance URL (Setup page or record)."""

    label: str
    path: str


@dataclass(frozen=True)
class Diagnosis:
    """`headline` is one line (the CSV's Diagnosis column); `details` the lines under it."""

    group_key: str
    code: str
    status: str
    headline: str
    details: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    suggested_steps: tuple[FixStep, ...] = ()
    read_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    api_calls: int = 0

    def stamped(self, group_key: str, code: str, read_at: datetime, api_calls: int) -> Diagnosis:
        """The same findings, named for the group and timed."""
        return replace(self, group_key=group_key, code=code, read_at=read_at, api_calls=api_calls)

    def to_json(self) -> str:
        """The archive's form of this diagnosis."""
        return json.dumps(
            {
                "group_key": self.group_key,
                "code": self.code,
                "status": self.status,
                "headline": self.headline,
                "details": list(self.details),
                "links": [[link.label, link.path] for link in self.links],
                "steps": [_step_json(s) for s in self.suggested_steps],
                "read_at": self.read_at.isoformat(),
                "api_calls": self.api_calls,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> Diagnosis:
        """Back from `to_json` (ValueError in words when the text is not one)."""
        try:
            data = json.loads(text)
            return cls(
                str(data["group_key"]),
                str(data["code"]),
                str(data["status"]),
                str(data["headline"]),
                tuple(str(d) for d in data["details"]),
                tuple(Link(str(a), str(b)) for a, b in data["links"]),
                tuple(_step_of(s) for s in data["steps"]),
                datetime.fromisoformat(data["read_at"]),
                int(data.get("api_calls", 0)),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"not a stored diagnosis ({type(exc).__name__})") from None


def found(
    headline: str, details: list[str], links: list[Link] | None = None, steps: list[FixStep] | None = None
) -> Diagnosis:
    """A diagnosis the org explained (group key, code and time are stamped by the diagnoser)."""
    return Diagnosis("", "", FOUND, headline, tuple(details), tuple(links or ()), tuple(steps or ()))


def nothing(headline: str, details: list[str] | None = None) -> Diagnosis:
    """No diagnosis applies: say why."""
    return Diagnosis("", "", NOTHING, headline, tuple(details or ()))


def _step_json(step: FixStep) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": type(step).__name__, "column": step.column}
    if isinstance(step, MapValues):
        data["mapping"] = dict(step.mapping)
    elif isinstance(step, Truncate):
        data["length"] = step.length
    else:
        data["value"] = step.value
    return data


def _step_of(data: dict[str, Any]) -> FixStep:
    kind = _STEP_TYPES[data["kind"]]
    if kind is MapValues:
        return MapValues(str(data["column"]), {str(k): str(v) for k, v in data["mapping"].items()})
    if kind is Truncate:
        return Truncate(str(data["column"]), int(data["length"]))
    step: FixStep = kind(str(data["column"]), str(data["value"]))
    return step
