"""FIELD_CUSTOM_VALIDATION_EXCEPTION: the validation rule(s) whose error message is the
group's message (Tooling API `ValidationRule`), with the formula and a link to Setup."""

from __future__ import annotations

import re
from typing import Any

from syncerr_gui.core.diagnosis.group_rows import GroupRows
from syncerr_gui.core.diagnosis.model import Diagnosis, Link, found, nothing
from syncerr_gui.core.diagnosis.org_reader import OrgReader, soql_text
from syncerr_gui.core.words import Words, say

CODES = ("FIELD_CUSTOM_VALIDATION_EXCEPTION",)
_BLANK = re.compile(r"^\s*ISBLANK\(\s*(\w+)\s*\)\s*$", re.IGNORECASE)


def diagnose(rows: GroupRows, org: OrgReader) -> Diagnosis:
    rules = matching_rules(org, rows.object, rows.message)
    if not rules:
        return nothing(
            say(
                "No validation rule on {object} has the error message “{message}”.",
                object=rows.object,
                message=rows.message,
            ),
            [
                say(
                    "The rule may have been changed or deleted since, or the message comes from a trigger or flow."
                )
            ],
        )
    details: list[str] = []
    links = []
    for rule in rules:
        details += rule_lines(rule, rows)
        links.append(
            Link(
                say("Open rule {rule} in Setup", rule=str(rule["ValidationName"])),
                setup_path(rows.object, rule["Id"]),
            )
        )
    active = [r for r in rules if r.get("Active")]
    name = str((active or rules)[0]["ValidationName"])
    formula = _formula(rules[0]) or say("formula not readable")
    if active:
        head = say(
            "Validation rule {rule} on {object} fired: {formula}",
            rule=name,
            object=rows.object,
            formula=formula,
        )
    else:
        head = say(
            "Validation rule {rule} on {object} fired (it is inactive now): {formula}",
            rule=name,
            object=rows.object,
            formula=formula,
        )
    return found(head, details, links)


def matching_rules(org: OrgReader, object_name: str, message: str) -> list[dict[str, Any]]:
    """The object's rules whose error message the message carries (active first), each with
    its formula (one Metadata query per rule, as the Tooling API requires)."""
    rules = org.tooling(
        "SELECT Id, ValidationName, Active, ErrorMessage, ErrorDisplayField FROM ValidationRule "
        f"WHERE EntityDefinition.QualifiedApiName = '{soql_text(object_name)}'"
    )
    wanted = _norm(message)
    hits = [
        r
        for r in rules
        if _norm(str(r.get("ErrorMessage") or "")) and _norm(str(r["ErrorMessage"])) in wanted
    ]
    exact = [r for r in hits if _norm(str(r["ErrorMessage"])) == wanted]
    chosen = sorted(exact or hits, key=lambda r: not r.get("Active"))[:3]
    for rule in chosen:
        answer = org.tooling(
            f"SELECT Id, Metadata FROM ValidationRule WHERE Id = '{soql_text(str(rule['Id']))}'"
        )
        rule["Metadata"] = answer[0].get("Metadata") if answer else None
    return chosen


def rule_lines(rule: dict[str, Any], rows: GroupRows | None = None) -> list[str]:
    """The rule in words: name, state, message, where it shows, formula, rows it matches."""
    where: str = str(rule.get("ErrorDisplayField") or "") or say("the top of the page")
    state: Words = say("active") if rule.get("Active") else say("inactive")
    lines: list[str] = [
        say(
            "Rule {rule} ({state}): “{message}”, shown at {where}.",
            rule=str(rule.get("ValidationName")),
            state=state,
            message=str(rule.get("ErrorMessage")),
            where=where,
        ),
        say("Formula: {formula}", formula=_formula(rule) or say("(not readable)")),
    ]
    blank = _BLANK.match(_formula(rule))
    if rows is not None and blank:
        values = rows.column(blank[1])
        empty = len(rows.inputs) if values is None else sum(1 for v in values if not v.strip())
        lines.append(
            say(
                "{count:,} {rows} have {field} empty (what the formula rejects).",
                count=empty,
                rows=rows.of_rows(),
                field=blank[1],
            )
        )
    return lines


def setup_path(object_name: str, rule_id: str) -> str:
    return f"/lightning/setup/ObjectManager/{object_name}/ValidationRules/{rule_id}/view"


def _formula(rule: dict[str, Any]) -> str:
    meta = rule.get("Metadata")
    return str(meta.get("errorConditionFormula") or "") if isinstance(meta, dict) else ""


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().rstrip(".").casefold()
