"""The fields a REQUIRED_FIELD_MISSING error names, read from Salesforce's own wording."""

from __future__ import annotations

from syncerr_gui.core.reload.required_fields import required_fields


def test_the_bracketed_fields_of_a_required_field_error() -> None:
    error = "REQUIRED_FIELD_MISSING:Required fields are missing: [LastName, Company]:LastName,Company --"
    assert required_fields(error) == ("LastName", "Company")


def test_the_trailing_fields_when_there_are_no_brackets() -> None:
    assert required_fields("REQUIRED_FIELD_MISSING:Required fields are missing:Email__c --") == ("Email__c",)


def test_other_errors_name_no_required_field() -> None:
    assert required_fields("INVALID_EMAIL_ADDRESS:Email: invalid email address: x:Email --") == ()
    assert required_fields("") == ()
