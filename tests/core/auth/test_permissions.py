"""The admin check against the demo org's admin and non-admin users."""

from __future__ import annotations

from syncerr_gui.core.auth.permissions import (
    API_ENABLED,
    MANAGE_DATA_INTEGRATIONS,
    VIEW_SETUP,
    AdminCheck,
    check_admin,
)
from syncerr_gui.demo_org.connect import demo_session


def test_admin_is_admin(demo_org) -> None:
    check = check_admin(demo_session(demo_org))
    assert check.is_admin
    assert check.missing == ()
    assert check.granted


def test_non_admin_is_refused_naming_what_is_missing(demo_org) -> None:
    check = check_admin(demo_session(demo_org, admin=False))
    assert not check.is_admin
    assert check.missing
    assert set(check.missing) <= {MANAGE_DATA_INTEGRATIONS, VIEW_SETUP, API_ENABLED}
    message = check.message()
    assert message.startswith("This app is for Salesforce admins.")
    for name in check.missing:
        assert name in message


def test_union_over_assignments_decides() -> None:
    from syncerr_gui.core.auth.permissions import _verdict

    assert _verdict({MANAGE_DATA_INTEGRATIONS, VIEW_SETUP, API_ENABLED}).is_admin
    assert _verdict({"Modify All Data"}) == AdminCheck(True, (), ("Modify All Data",))
    partial = _verdict({API_ENABLED})
    assert partial.missing == (MANAGE_DATA_INTEGRATIONS, VIEW_SETUP)
    assert "“Manage Data Integrations” and “View Setup and Configuration”" in partial.message()


def test_refused_query_means_not_admin() -> None:
    from syncerr_gui.core.auth.permissions import _refused

    check = _refused()
    assert not check.is_admin
    assert "INSUFFICIENT_ACCESS" in check.message()
    assert "Modify All Data" in check.message()


def test_expired_session_is_renewed_for_the_check_when_it_can_be(fresh_org) -> None:
    import pytest

    from syncerr_gui.core.auth.login import login_with_token
    from syncerr_gui.core.exceptions import LoginError

    renewable = demo_session(fresh_org)
    token_only = login_with_token(
        fresh_org.instance_url, fresh_org.admin.access_token, ca_bundle=str(fresh_org.ca_path)
    )
    fresh_org.expire_sessions()
    assert check_admin(renewable).is_admin
    with pytest.raises(LoginError, match="The session expired while checking permissions: log in again."):
        check_admin(token_only)
