"""Each family of codes diagnosed from the demo org over real HTTPS: what the admin reads in
the Why section, and the fix steps the Fix and reload dialog is offered."""

from __future__ import annotations

import re

from diagnosis_helpers import lines

from syncerr_gui.core.diagnosis.model import FOUND, NOTHING
from syncerr_gui.core.reload.batch import (
    FillEmpty,
    MapValues,
    ReloadBatch,
    ReloadTarget,
    SetColumn,
    Truncate,
    apply_step,
)


def test_the_validation_rule_whose_message_fired_with_its_formula_and_setup_link(find, admin) -> None:
    rows = find("FIELD_CUSTOM_VALIDATION_EXCEPTION", "Lead", "Company")
    diagnosis = admin.diagnose(rows)
    assert diagnosis.status == FOUND and diagnosis.group_key == rows.key
    assert diagnosis.headline.startswith("Validation rule Company_Required on Lead fired: ISBLANK(Company)")
    text = lines(diagnosis)
    assert "(active)" in text and "Old_Company_Check" not in text  # the inactive look-alike is not it
    assert f"{rows.total:,} of these {rows.total:,} rows have Company empty" in text
    (link,) = diagnosis.links
    assert re.fullmatch(r"/lightning/setup/ObjectManager/Lead/ValidationRules/03d\w{15}/view", link.path)


def test_restricted_picklist_closest_valid_value_becomes_a_mapping(find, admin) -> None:
    rows = find("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "Lead")
    diagnosis = admin.diagnose(rows)
    assert "“Web”, “Webinar”, “Trade Show”" in lines(diagnosis)
    assert (
        f"“Webinar – EMEA” (an inactive value): {rows.total:,} rows → closest valid value “Webinar”"
        in lines(diagnosis)
    )
    (step,) = diagnosis.suggested_steps
    assert step == MapValues("LeadSource", {"Webinar – EMEA": "Webinar"})
    batch = ReloadBatch(ReloadTarget("Lead", "insert"), ("LeadSource",), (("Webinar – EMEA",), ("Web",)))
    assert apply_step(batch, step).rows == (("Webinar",), ("Web",))


def test_missing_required_fields_and_a_default_to_fill(find, admin) -> None:
    rows = find("REQUIRED_FIELD_MISSING", "Opportunity")
    diagnosis = admin.diagnose(rows)
    assert diagnosis.headline == "The failed rows lack required Name, StageName, CloseDate"
    assert "Required on create: Name (Name), Stage (StageName), Close Date (CloseDate)." in diagnosis.details
    assert FillEmpty("StageName", "Prospecting") in diagnosis.suggested_steps
    assert FillEmpty("Name", "[not provided]") in diagnosis.suggested_steps
    assert "CloseDate" in lines(diagnosis) and "no default can be suggested" in lines(diagnosis)


def test_field_limits_from_the_describe(find, admin) -> None:
    too_long = admin.diagnose(find("STRING_TOO_LONG", "Lead"))
    assert too_long.headline.startswith("Company is string, at most 40 characters: ")
    assert too_long.suggested_steps == (Truncate("Company", 40),)
    for code, obj, words in (
        ("NUMBER_OUTSIDE_VALID_RANGE", "Opportunity", "currency, 18 digits, 2 after the point"),
        ("INVALID_EMAIL_ADDRESS", "Lead", "are not e-mail addresses"),
        ("MALFORMED_ID", "Contact", "are not 15- or 18-character IDs of Account"),
        ("INVALID_TYPE_ON_FIELD_IN_RECORD", "Opportunity", "are not dates written YYYY-MM-DD"),
    ):
        rows = find(code, obj)
        diagnosis = admin.diagnose(rows)
        assert diagnosis.status == FOUND and words in diagnosis.headline, diagnosis.headline
        assert f"{rows.total:,} of these {rows.total:,} rows" in diagnosis.headline


def test_duplicates_name_the_unique_field_the_rule_and_the_existing_records(find, admin) -> None:
    external = admin.diagnose(find("DUPLICATE_EXTERNAL_ID", "Lead"))
    assert external.headline == "Marketo_Lead_ID__c matches more than one existing record"
    assert [link.path for link in external.links] == ["/00Q5g00000AbCdEEAA", "/00Q5g00000XyZaBEAA"]
    unique = admin.diagnose(find("DUPLICATE_VALUE", "Lead"))
    assert "Marketo_Lead_ID__c must be unique" in unique.headline and unique.links
    rule = admin.diagnose(find("DUPLICATES_DETECTED", "Lead"))
    assert rule.headline == "Duplicate rule Standard Lead Duplicate Rule blocks these rows"


def test_the_flow_named_in_the_message_and_the_rule_inside_it(find, admin) -> None:
    diagnosis = admin.diagnose(find("CANNOT_EXECUTE_FLOW_TRIGGER", "Lead", "Lead Assignment"))
    assert diagnosis.headline == "Flow Lead_Assignment failed while saving: FIELD_CUSTOM_VALIDATION_EXCEPTION"
    text = lines(diagnosis)
    assert "Active version: 301" in text and "Rule Country_Required (active)" in text
    assert diagnosis.links[0].path.startswith("/builder_platform_interaction/flowBuilder.app?flowId=301")


def test_referenced_records_deleted_missing_hidden_or_inactive(find, admin) -> None:
    deleted = admin.diagnose(find("ENTITY_IS_DELETED", "Contact"))
    assert re.search(r"^\d+ of \d+ referenced IDs are deleted", deleted.headline), deleted.headline
    cross = lines(admin.diagnose(find("INVALID_CROSS_REFERENCE_KEY", "Opportunity")))
    assert "do not exist" in cross and "are deleted (in the Recycle Bin" in cross
    hidden = admin.diagnose(find("INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY", "Opportunity"))
    assert "exist but the loading user may not read them" in hidden.headline
    inactive = admin.diagnose(find("INACTIVE_OWNER_OR_USER", "Lead"))
    assert inactive.headline == "1 of 1 referenced IDs are inactive users"
    (step,) = inactive.suggested_steps
    assert isinstance(step, SetColumn) and step.column == "OwnerId" and step.value.startswith("005")


def test_codes_without_a_diagnosis_say_so(find, admin) -> None:
    diagnosis = admin.diagnose(find("STORAGE_LIMIT_EXCEEDED", "Lead"))
    assert diagnosis.status == NOTHING and diagnosis.api_calls == 0
    assert diagnosis.headline.startswith("No diagnosis from the org for STORAGE_LIMIT_EXCEEDED")
