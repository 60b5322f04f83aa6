"""Shared by the command-line tests, which run the export in this process."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator

import pytest
from cli_helpers import ExportRun

from syncerr_gui.cli.export import main


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


@pytest.fixture()
def export(capsys: pytest.CaptureFixture[str]) -> Callable[..., ExportRun]:
    """`export(*args)`: `main.py export ARGS` in this process, with what it printed."""

    def run(*args: str) -> ExportRun:
        code = main(list(args))
        captured = capsys.readouterr()
        return ExportRun(code, captured.out.strip(), captured.err.strip())

    return run
