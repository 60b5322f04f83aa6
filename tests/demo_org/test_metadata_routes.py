"""The demo org answers the diagnosis's calls as Salesforce documents them: describe, Tooling
`ValidationRule` (Metadata only for one record), queryAll with IsDeleted, and Setup objects
refused to a user without View Setup and Configuration."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from syncerr_gui.core.exceptions import RequestFailed
from syncerr_gui.core.salesforce.client import OrgClient
from syncerr_gui.demo_org import metadata
from syncerr_gui.demo_org.connect import demo_session


def client(org, admin: bool = True) -> OrgClient:
    return OrgClient(demo_session(org, admin=admin))


def ask(c: OrgClient, resource: str, soql: str) -> dict:
    return c.get_json(c.data_path(f"{resource}?q={quote(soql, safe='')}"))


def test_describe_has_the_fields_the_errors_name(demo_org) -> None:
    c = client(demo_org)
    lead = c.get_json(c.data_path("sobjects/Lead/describe"))
    fields = {f["name"]: f for f in lead["fields"]}
    assert lead["keyPrefix"] == "00Q" and fields["Company"]["length"] == 40
    assert not fields["Company"]["nillable"] and not fields["Company"]["defaultedOnCreate"]
    source = fields["LeadSource"]
    assert (
        source["restrictedPicklist"]
        and {"active": False, "value": "Webinar – EMEA"}.items()
        <= next(v for v in source["picklistValues"] if not v["active"]).items()
    )
    with pytest.raises(RequestFailed) as refused:
        c.get_json(c.data_path("sobjects/Nope__c/describe"))
    assert refused.value.status == 404


def test_tooling_validation_rules_and_their_metadata_one_at_a_time(demo_org) -> None:
    c = client(demo_org)
    where = "FROM ValidationRule WHERE EntityDefinition.QualifiedApiName = 'Lead'"
    rules = ask(c, "tooling/query", f"SELECT Id, ValidationName, Active, ErrorMessage {where}")["records"]
    assert {r["ValidationName"] for r in rules} >= {"Company_Required", "Phone_Format", "Old_Company_Check"}
    with pytest.raises(RequestFailed) as many:
        ask(c, "tooling/query", f"SELECT Id, Metadata {where}")
    assert many.value.error_code == "MALFORMED_QUERY"
    one = ask(c, "tooling/query", f"SELECT Id, Metadata FROM ValidationRule WHERE Id = '{rules[0]['Id']}'")
    assert one["records"][0]["Metadata"]["errorConditionFormula"]


def test_query_all_finds_the_recycle_bin_and_users_can_be_inactive(demo_org) -> None:
    c = client(demo_org)
    deleted, missing = (f"0015g{base:010d}AAA" for base in (metadata.DELETED_BASE, metadata.MISSING_BASE))
    soql = f"SELECT Id, IsDeleted FROM Account WHERE Id IN ('{deleted}', '{missing}', '0015g00000XyZaBAAV')"
    found = {r["Id"][:15]: r["IsDeleted"] for r in ask(c, "queryAll", soql)["records"]}
    assert found == {deleted[:15]: True, "0015g00000XyZaB": False}
    assert [r["Id"][:15] for r in ask(c, "query", soql)["records"]] == ["0015g00000XyZaB"]  # no deleted ones
    users = ask(c, "query", "SELECT Id, IsActive FROM User WHERE Id IN ('0055g00000AbCdE')")["records"]
    assert users[0]["IsActive"] is False


def test_setup_objects_need_view_setup(demo_org) -> None:
    analyst = client(demo_org, admin=False)
    for resource, soql in (
        ("tooling/query", "SELECT Id FROM ValidationRule WHERE EntityDefinition.QualifiedApiName = 'Lead'"),
        ("query", "SELECT ApiName FROM FlowDefinitionView WHERE Label = 'Lead Assignment'"),
    ):
        with pytest.raises(RequestFailed) as refused:
            ask(analyst, resource, soql)
        assert refused.value.status == 403 and refused.value.error_code == "INSUFFICIENT_ACCESS"
