"""Secrets for the command line without putting them in the process list.

Every local user can read a process's arguments (`ps`), so a secret given as
`--password hunter2` is not secret. Each secret option therefore also takes `-` (read one
line from standard input) or `@FILE` (the first line of a file), and the environment
variables stay; a secret given literally still works but draws a warning.
"""

from __future__ import annotations

import argparse
import logging
import os
import stat
import sys
from collections.abc import Callable
from typing import TextIO

from syncerr_gui.cli.failures import UsageError

logger = logging.getLogger(__name__)

# (attribute, option, environment variable)
SECRET_OPTIONS = (
    ("access_token", "--access-token", "SF_ACCESS_TOKEN"),
    ("password", "--password", "SF_PASSWORD"),
    ("security_token", "--security-token", "SF_SECURITY_TOKEN"),
)
SECRET_HELP = "or set {env}; - reads it from standard input, @FILE from a file"


def resolve_secrets(
    args: argparse.Namespace, stdin: TextIO | None = None, warn: Callable[[str], None] | None = None
) -> None:
    """Replace `-` / `@FILE` by the secret they name, fill unset ones from the environment,
    and warn about secrets typed on the command line. Raises UsageError in words."""
    warn = warn or _stderr_warning
    from_stdin = [option for attr, option, _ in SECRET_OPTIONS if getattr(args, attr) == "-"]
    if len(from_stdin) > 1:
        raise UsageError(f"only one secret can come from standard input, not {' and '.join(from_stdin)}")
    for attr, option, env in SECRET_OPTIONS:
        given = getattr(args, attr)
        if given == "-":
            setattr(args, attr, _read_stdin(option, stdin if stdin is not None else sys.stdin))
        elif given and given.startswith("@"):
            setattr(args, attr, _read_file(option, given[1:], warn))
        elif given:
            warn(
                f"{option} on the command line can be read by other users of this computer; "
                f"use {env}, {option} - (standard input) or {option} @FILE instead"
            )
        else:
            setattr(args, attr, os.environ.get(env) or None)
        _register(getattr(args, attr))


def _read_stdin(option: str, stream: TextIO) -> str:
    line = stream.readline().rstrip("\r\n")
    if not line:
        raise UsageError(f"{option} -: nothing came on standard input")
    return line


def _read_file(option: str, path: str, warn: Callable[[str], None]) -> str:
    try:
        with open(path, encoding="utf-8") as handle:
            mode = os.fstat(handle.fileno()).st_mode
            line = handle.readline().rstrip("\r\n")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not a text file"
        raise UsageError(f"{option} @{path}: cannot read it ({reason})") from None
    if not line:
        raise UsageError(f"{option} @{path}: the file's first line is empty")
    if os.name == "posix" and stat.S_IMODE(mode) & 0o077:
        warn(f"{path} (for {option}) can be read by other users; chmod 600 it")
    return line


def _register(secret: str | None) -> None:
    """Keep the secret out of logs and messages from now on."""
    if secret:
        from syncerr_gui.core.redaction import register_secret

        register_secret(secret)


def _stderr_warning(text: str) -> None:
    from syncerr_gui.cli.terminal import write_line

    write_line(f"warning: {text}")
