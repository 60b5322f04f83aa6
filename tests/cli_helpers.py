"""Shared by the command-line tests: the export run as its own process, and a token login."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def run_export(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`main.py export ARGS` in a fresh process, without the caller's SF_* secrets; `stdin`
    is what it reads (none: an empty, closed stdin)."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("SF_")}
    full_env.update(env or {})
    feed: dict[str, Any] = {"stdin": subprocess.DEVNULL} if stdin is None else {"input": stdin}
    return subprocess.run(  # noqa: PLW1510 - callers read the exit code
        [sys.executable, str(ROOT / "main.py"), "export", *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=300,
        **feed,
    )


def online(org: Any) -> list[str]:
    """The options of an access-token login to the demo org `org`."""
    return [
        "--instance-url",
        org.instance_url,
        "--access-token",
        org.admin.access_token,
        "--ca-bundle",
        str(org.ca_path),
    ]


@dataclass
class ExportRun:
    """What an in-process export returned and printed (the `export` fixture of tests/cli)."""

    code: int
    stdout: str
    stderr: str
