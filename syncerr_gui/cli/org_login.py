"""How a command logs in: one way chosen from the options, then the org session it gives.

Shared by `export` and `retry` (the same login options), with the argparse that raises a
`UsageError` instead of printing usage and exiting (the commands print one line).
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from typing import Any, NoReturn

from syncerr_gui.cli import login_sources
from syncerr_gui.cli.failures import CliFailure, UsageError
from syncerr_gui.core.exceptions import failure_text


class CliParser(argparse.ArgumentParser):
    """argparse that raises instead of printing usage and exiting (we print one line)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def check_login_choice(args: argparse.Namespace) -> None:
    """Exactly one way to log in, with what it needs (UsageError in words otherwise)."""
    ways = [
        name
        for name, chosen in (
            ("--demo", args.demo),
            ("--instance-url", args.instance_url),
            ("--username", args.username and not args.remembered),
        )
        if chosen
    ] + login_sources.chosen_ways(args)
    if not ways:
        raise UsageError(
            "choose how to log in: --remembered, --target-org ALIAS, --demo, --instance-url with "
            "--access-token, or --username with --password"
        )
    login_sources.check(args)
    if len(ways) > 1:
        raise UsageError(f"choose one way to log in, not {' and '.join(ways)}")
    if args.instance_url and not args.access_token:
        raise UsageError("--instance-url needs --access-token (or SF_ACCESS_TOKEN)")
    if args.username and not args.password and not args.remembered:
        raise UsageError("--username needs --password (or SF_PASSWORD)")


@contextlib.contextmanager
def org_session(args: argparse.Namespace) -> Iterator[Any]:
    """The logged-in OrgSession (a demo org runs for the duration of the block)."""
    from syncerr_gui.core.auth.login import login_with_password, login_with_token
    from syncerr_gui.core.exceptions import LoginError

    login_sources.apply_proxy(args)
    try:
        session = login_sources.scheduled_session(args)
        if session is not None:
            pass
        elif args.demo:
            from syncerr_gui.demo_org import DemoOrg
            from syncerr_gui.demo_org.connect import demo_session

            with DemoOrg() as org:
                yield demo_session(org)
            return
        elif args.instance_url:
            session = login_with_token(args.instance_url, args.access_token, ca_bundle=args.ca_bundle)
        else:
            session = login_with_password(
                args.username,
                args.password,
                args.security_token or "",
                domain=args.domain or "login",
                ca_bundle=args.ca_bundle,
            )
    except LoginError as exc:
        raise CliFailure(f"login failed: {failure_text(exc, 'log in')}") from None
    yield session
