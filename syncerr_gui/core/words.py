"""Sentences from the Qt-free core that the window can show in its own language.

The core speaks English: the command line prints its sentences as they are, the log keeps
them. A sentence the window may show is built with `say()` (or `say_plural()`): it *is* the
English `str` (so every caller that formats, compares or logs it keeps working), and it also
keeps its template and values, so the window translates the template and fills the values in
with the locale's number formats (`gui/i18n.shown`). Anything else (a plain `str`, or a
`Words` glued to other text) simply stays English: nothing breaks, it is only untranslated.

`packaging/build_translations.py` collects every literal template passed to `say()` and
`say_plural()` into the French catalogue, so the first argument must be a string literal.
Values are inserted as they are (never re-parsed as templates), so a `{` in a Salesforce
message is harmless.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["Value", "Words", "say", "say_plural"]

Value = str | int | float


class Words(str):
    """An English sentence that remembers how it was made (template, values, plural forms)."""

    template: str
    values: Mapping[str, Value]
    plural: tuple[str, str, str] | None  # (one, many, count key) for say_plural

    def __new__(
        cls,
        template: str,
        values: Mapping[str, Value],
        plural: tuple[str, str, str] | None = None,
    ) -> Words:
        made = super().__new__(cls, template.format_map(dict(values)))
        made.template = template
        made.values = dict(values)
        made.plural = plural
        return made

    def __reduce__(self) -> tuple[object, ...]:
        """Keep the template when a sentence crosses a process or is copied."""
        return (Words, (self.template, dict(self.values), self.plural))


def say(template: str, **values: Value) -> Words:
    """The sentence `template` (English, `{name}` fields, a string literal) with `values`."""
    return Words(template, values)


def say_plural(one: str, many: str, **values: Value) -> Words:
    """The English singular or plural form by `values["n"]` (an int); the window picks its own
    language's form for the same count."""
    chosen = one if values["n"] == 1 else many
    return Words(chosen, values, (one, many, "n"))
