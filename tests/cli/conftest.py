"""Shared by the command-line tests, which run the export in this process."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _no_env_secrets_and_root_handlers_restored(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Secrets in the environment would change which login a run takes; each in-process run
    adds its logging handler to the root logger: take them off again."""
    for name in ("SF_ACCESS_TOKEN", "SF_PASSWORD", "SF_SECURITY_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
