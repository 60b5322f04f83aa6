"""A diagnosis of one error group: what the org's own metadata says about its cause.

Plain values, kept in the archive as JSON (`to_json` / `from_json`) so they show offline.
`suggested_steps` are the reload's own fix steps (`core/reload/batch.py`): the Fix and
reload dialog offers them and previews them row by row before anything is written.
"""

from __future__ import annotations

import json
import string
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from syncerr_gui.core.reload.batch import FillEmpty, FixStep, MapValues, SetColumn, Truncate
from syncerr_gui.core.words import Words

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
                "headline": text_json(self.headline),
                "details": [text_json(d) for d in self.details],
                "links": [[text_json(link.label), link.path] for link in self.links],
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
                text_of(data["headline"]),
                tuple(text_of(d) for d in data["details"]),
                tuple(Link(text_of(a), str(b)) for a, b in data["links"]),
                tuple(_step_of(s) for s in data["steps"]),
                datetime.fromisoformat(data["read_at"]),
                int(data.get("api_calls", 0)),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"not a stored diagnosis ({type(exc).__name__})") from None


def text_json(text: str) -> Any:
    """A sentence as the archive keeps it: a plain string, or for a `say()` sentence its English
    with its template and values, so the window still translates it when shown offline."""
    if not isinstance(text, Words):
        return str(text)
    values = {key: text_json(v) if isinstance(v, str) else v for key, v in text.values.items()}
    return {"text": str(text), "say": text.template, "values": values, "plural": text.plural}


def text_of(data: Any) -> str:
    """Back from `text_json`: the `Words` again, or its English when the stored form does not
    rebuild to it (only plain `{name}` fields are accepted from the file)."""
    if not isinstance(data, dict):
        return str(data)
    english = str(data.get("text", ""))
    try:
        template = str(data["say"])
        if not all(
            name is None or name.isidentifier() for _, name, _, _ in string.Formatter().parse(template)
        ):
            return english
        values = {
            str(k): text_of(v) if isinstance(v, str | dict) else v for k, v in dict(data["values"]).items()
        }
        plural = data.get("plural")
        made = Words(template, values, (str(plural[0]), str(plural[1]), str(plural[2])) if plural else None)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        return english
    return made if str(made) == english else english


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
