"""CANNOT_EXECUTE_FLOW_TRIGGER: the flow the message names (`FlowDefinitionView`), its active
and latest versions, a link, and what failed inside it (a validation rule is looked up)."""

from __future__ import annotations

import re

from syncerr_gui.core.diagnosis.group_rows import GroupRows
from syncerr_gui.core.diagnosis.model import Diagnosis, Link, found, nothing
from syncerr_gui.core.diagnosis.org_reader import OrgReader, soql_text
from syncerr_gui.core.diagnosis.validation import matching_rules, rule_lines, setup_path

CODES = ("CANNOT_EXECUTE_FLOW_TRIGGER",)
_NAME = re.compile(r"[“\"]([^”\"]+)[”\"] process failed")
_INNER = re.compile(r"flow tried to \w+ records: ([A-Z_]+): (.+?)\. You can look up", re.DOTALL)


def diagnose(rows: GroupRows, org: OrgReader) -> Diagnosis:
    name = _NAME.search(rows.message)
    if name is None:
        return nothing("The message does not name the flow that failed.")
    label = name[1]
    flows = org.query(
        "SELECT ApiName, Label, IsActive, ActiveVersionId, LatestVersionId, ProcessType FROM FlowDefinitionView "
        f"WHERE Label = '{soql_text(label)}'",
        setup=True,
    )
    if not flows:
        return nothing(f"No flow labelled “{label}” was found in the org (renamed or deleted since?).")
    flow = flows[0]
    version = flow.get("ActiveVersionId") or flow.get("LatestVersionId")
    details = [
        f"Flow {flow.get('Label')} ({flow.get('ApiName')}, {flow.get('ProcessType')}): "
        + ("active" if flow.get("IsActive") else "not active"),
        "Active version: "
        + str(flow.get("ActiveVersionId") or "none")
        + "; latest: "
        + str(flow.get("LatestVersionId")),
    ]
    links = [
        Link(
            f"Open flow {flow.get('Label')}",
            f"/builder_platform_interaction/flowBuilder.app?flowId={version}",
        )
    ]
    inner = _INNER.search(rows.message)
    if inner:
        details.append(f"Inside the flow: {inner[1]}: {inner[2]}")
        if inner[1] == "FIELD_CUSTOM_VALIDATION_EXCEPTION":
            for rule in matching_rules(org, rows.object, inner[2]):
                details += rule_lines(rule)
                links.append(Link(f"Open rule {rule['ValidationName']}", setup_path(rows.object, rule["Id"])))
    cause = f": {inner[1]}" if inner else ""
    return found(f"Flow {flow.get('ApiName')} failed while saving{cause}", details, links)
