"""Starts the loopback demo org on first use and stops it when the app quits.

The demo org is a Qt-free HTTPS server; the app owns one instance at most, shared by
`--demo` and the login dialog's "Demo org" page. `get()` is safe to call from a worker thread.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

logger = logging.getLogger(__name__)


class DemoLauncher:
    """Lazily started demo org (`get()`), stopped by `stop()`."""

    def __init__(self, record_errors: int | None = None) -> None:
        self._record_errors = record_errors
        self._org: Any = None
        self._lock = threading.Lock()

    def get(self) -> Any:
        """The running DemoOrg, started on the first call (well under a second at default size)."""
        with self._lock:
            if self._org is None:
                from syncerr_gui.demo_org import DemoConfig, DemoOrg

                config = (
                    DemoConfig()
                    if self._record_errors is None
                    else DemoConfig(record_errors=self._record_errors)
                )
                org = DemoOrg(config)
                org.start()
                self._org = org
                logger.info("demo org started at %s", org.instance_url)
            return self._org

    def session(self, admin: bool = True) -> Any:
        """An OrgSession on the demo org, logged in like any other org."""
        from syncerr_gui.demo_org.connect import demo_session

        return demo_session(self.get(), admin=admin)

    @property
    def running(self) -> bool:
        return self._org is not None

    def stop(self) -> None:
        """Stop the demo org if it was started (idempotent)."""
        with self._lock:
            org, self._org = self._org, None
        if org is not None:
            org.stop()
            logger.info("demo org stopped")
