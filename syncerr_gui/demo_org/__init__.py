"""A Salesforce-compatible HTTPS server on loopback: the demo org the app, tests and benchmarks use.

Qt-free. `DemoOrg(DemoConfig(...))` is a context manager; see docs/ARCHITECTURE.md.
"""

from __future__ import annotations

from syncerr_gui.demo_org.config import DemoConfig, DemoUser
from syncerr_gui.demo_org.server import DemoOrg
from syncerr_gui.demo_org.truth import DemoTruth

__all__ = ["DemoConfig", "DemoOrg", "DemoTruth", "DemoUser"]
