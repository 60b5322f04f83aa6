"""CANNOT_EXECUTE_FLOW_TRIGGER: the flow the message names (`FlowDefinitionView`), its active
and latest versions, a link, and what failed inside it (a validation rule is looked up)."""

from __future__ import annotations

import re

from syncerr_gui.core.diagnosis.group_rows import GroupRows
from syncerr_gui.core.diagnosis.model import Diagnosis, Link, found, nothing
from syncerr_gui.core.diagnosis.org_reader import OrgReader, soql_text
from syncerr_gui.core.diagnosis.validation import matching_rules, rule_lines, setup_path
from syncerr_gui.core.words import say

CODES = ("CANNOT_EXECUTE_FLOW_TRIGGER",)
_NAME = re.compile(r"[“\"]([^”\"]+)[”\"] process failed")
_INNER = re.compile(r"flow tried to \w+ records: ([A-Z_]+): (.+?)\. You can look up", re.DOTALL)


def diagnose(rows: GroupRows, org: OrgReader) -> Diagnosis:
    name = _NAME.search(rows.message)
    if name is None:
        return nothing(say("The message does not name the flow that failed."))
    label = name[1]
    flows = org.query(
        "SELECT ApiName, Label, IsActive, ActiveVersionId, LatestVersionId, ProcessType FROM FlowDefinitionView "
        f"WHERE Label = '{soql_text(label)}'",
        setup=True,
    )
    if not flows:
        return nothing(
            say("No flow labelled “{label}” was found in the org (renamed or deleted since?).", label=label)
        )
    flow = flows[0]
    version = flow.get("ActiveVersionId") or flow.get("LatestVersionId")
    names = {
        "label": str(flow.get("Label")),
        "name": str(flow.get("ApiName")),
        "kind": str(flow.get("ProcessType")),
    }
    details: list[str] = [
        say("Flow {label} ({name}, {kind}): active", **names)
        if flow.get("IsActive")
        else say("Flow {label} ({name}, {kind}): not active", **names),
        say(
            "Active version: {active}; latest: {latest}",
            active=str(flow.get("ActiveVersionId") or "") or say("none"),
            latest=str(flow.get("LatestVersionId")),
        ),
    ]
    links = [
        Link(
            say("Open flow {flow}", flow=names["label"]),
            f"/builder_platform_interaction/flowBuilder.app?flowId={version}",
        )
    ]
    inner = _INNER.search(rows.message)
    if inner:
        details.append(say("Inside the flow: {code}: {message}", code=inner[1], message=inner[2]))
        if inner[1] == "FIELD_CUSTOM_VALIDATION_EXCEPTION":
            for rule in matching_rules(org, rows.object, inner[2]):
                details += rule_lines(rule)
                links.append(
                    Link(
                        say("Open rule {rule}", rule=str(rule["ValidationName"])),
                        setup_path(rows.object, rule["Id"]),
                    )
                )
    if inner:
        head = say("Flow {flow} failed while saving: {code}", flow=names["name"], code=inner[1])
    else:
        head = say("Flow {flow} failed while saving", flow=names["name"])
    return found(head, details, links)
