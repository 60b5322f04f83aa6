"""An object's describe (`/sobjects/{object}/describe`), reduced to what the diagnosis reads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from syncerr_gui.core.words import say


@dataclass(frozen=True)
class FieldInfo:
    """One field of a describe: its type, size, and the rules the save applies to it."""

    name: str
    label: str
    type: str
    length: int
    precision: int
    scale: int
    nillable: bool
    createable: bool
    updateable: bool
    defaulted: bool
    unique: bool
    external_id: bool
    restricted: bool
    active_values: tuple[str, ...]
    inactive_values: tuple[str, ...]
    reference_to: tuple[str, ...]

    @property
    def required_on_create(self) -> bool:
        """What Salesforce requires on insert: not nillable, createable, no default."""
        return not self.nillable and self.createable and not self.defaulted and self.type != "boolean"

    def size_words(self) -> str:
        """ "text, at most 40 characters" / "currency, 18 digits, 2 after the point"."""
        if self.type in ("double", "currency", "percent", "int", "long"):
            return say(
                "{type}, {precision} digits, {scale} after the point",
                type=self.type,
                precision=self.precision,
                scale=self.scale,
            )
        if self.type in ("reference",):
            if self.reference_to:
                return say("a lookup to {objects}", objects=", ".join(self.reference_to))
            return say("a lookup to another object")
        if self.length:
            return say("{type}, at most {length:,} characters", type=self.type, length=self.length)
        return self.type

    @classmethod
    def of(cls, data: dict[str, Any]) -> FieldInfo:
        values = [v for v in data.get("picklistValues") or [] if isinstance(v, dict)]
        return cls(
            name=str(data.get("name", "")),
            label=str(data.get("label", "")),
            type=str(data.get("type", "")),
            length=int(data.get("length") or 0),
            precision=int(data.get("precision") or 0),
            scale=int(data.get("scale") or 0),
            nillable=bool(data.get("nillable", True)),
            createable=bool(data.get("createable", False)),
            updateable=bool(data.get("updateable", False)),
            defaulted=bool(data.get("defaultedOnCreate", False)),
            unique=bool(data.get("unique", False)),
            external_id=bool(data.get("externalId", False)),
            restricted=bool(data.get("restrictedPicklist", False)),
            active_values=tuple(str(v.get("value", "")) for v in values if v.get("active")),
            inactive_values=tuple(str(v.get("value", "")) for v in values if not v.get("active")),
            reference_to=tuple(str(r) for r in data.get("referenceTo") or []),
        )


@dataclass(frozen=True)
class Describe:
    """An object's fields by API name (case-insensitive look-up)."""

    name: str
    key_prefix: str
    fields: dict[str, FieldInfo]

    def field(self, name: str) -> FieldInfo | None:
        found = self.fields.get(name)
        if found is None:
            found = next((f for n, f in self.fields.items() if n.lower() == name.lower()), None)
        return found

    def required_on_create(self) -> list[FieldInfo]:
        return [f for f in self.fields.values() if f.required_on_create]

    @classmethod
    def of(cls, data: Any) -> Describe:
        if not isinstance(data, dict) or not isinstance(data.get("fields"), list):
            raise ValueError("not a describe answer")
        fields = [FieldInfo.of(f) for f in data["fields"] if isinstance(f, dict)]
        return cls(str(data.get("name", "")), str(data.get("keyPrefix") or ""), {f.name: f for f in fields})
