"""Fixtures of the diagnosis tests: the shared demo org's groups and its two users' diagnosers."""

from __future__ import annotations

import pytest
from diagnosis_helpers import Find, diagnoser_for, group_finder

from syncerr_gui.core.diagnosis.diagnoser import Diagnoser
from syncerr_gui.demo_org import DemoOrg


@pytest.fixture(scope="module")
def find(demo_org: DemoOrg) -> Find:
    return group_finder(demo_org)


@pytest.fixture()
def admin(demo_org: DemoOrg) -> Diagnoser:
    return diagnoser_for(demo_org)


@pytest.fixture()
def analyst(demo_org: DemoOrg) -> Diagnoser:
    """The demo org's non-admin: API Enabled, but no View Setup and Configuration."""
    return diagnoser_for(demo_org, admin=False)
