"""An independent Salesforce-compatible HTTPS server for conformance tests.

Written from the wire formats in the shared SALESFORCE.md only (never from the demo org's
code), so that a misreading the engine and the demo org share shows up as a failing test.
It serves a small, fixed, hand-written org: see `fixtures_bulk2` and `fixtures_other`.
"""

from __future__ import annotations

from tests.independent_org.server import IndependentOrg

__all__ = ["IndependentOrg"]
