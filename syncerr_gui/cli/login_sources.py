"""The logins a scheduled export can use for years: `--remembered` and `--target-org`.

An access token expires within hours and password (SOAP) login retires in Summer '27, so a
Task Scheduler or cron job needs a login that renews itself:
  --remembered [--username U]  the browser login the desktop app keeps in the OS keyring
                               ("Remember me"): its refresh token gets a fresh access token,
                               and the keyring copy follows
  --target-org ALIAS           a Salesforce CLI login (`sf org login web --alias ALIAS`): the CLI
                               keeps and refreshes it; `sf org display` is asked for a token
Neither puts a token on a command line or in a log line. `--proxy` sets the proxy for every
request of the run (else the system's; NO_PROXY is honoured either way).
"""

from __future__ import annotations

import argparse
from typing import Any

from syncerr_gui.cli.failures import UsageError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The scheduled-login options and --proxy."""
    parser.add_argument(
        "--remembered",
        action="store_true",
        help="use the browser login the app remembers in this computer's keyring (--username picks one)",
    )
    parser.add_argument(
        "--target-org", metavar="ALIAS", help="use a Salesforce CLI login (`sf org login web --alias ALIAS`)"
    )
    parser.add_argument(
        "--proxy",
        metavar="URL",
        help="HTTPS proxy, e.g. http://proxy.example.com:8080 (default: the system's)",
    )


def chosen_ways(args: argparse.Namespace) -> list[str]:
    """The scheduled logins asked for (for the one-way-to-log-in check)."""
    return [
        name
        for name, chosen in (("--remembered", args.remembered), ("--target-org", args.target_org))
        if chosen
    ]


def check(args: argparse.Namespace) -> None:
    """Cross-checks in words: these logins need no secret on the command line, so none is allowed."""
    from syncerr_gui.core.salesforce.proxies import check_proxy_url

    if (args.remembered or args.target_org) and (args.password or args.access_token):
        raise UsageError("--remembered and --target-org log in without a password or access token; drop it")
    if args.target_org and args.username:
        raise UsageError("--username goes with --remembered or --password, not --target-org")
    if args.proxy:
        try:
            args.proxy = check_proxy_url(args.proxy)
        except ValueError as exc:
            raise UsageError(f"--proxy: {exc}") from None


def apply_proxy(args: argparse.Namespace) -> None:
    """Every session of this run goes through --proxy (when given)."""
    from syncerr_gui.core.salesforce.http import set_app_proxy

    if getattr(args, "proxy", None):
        set_app_proxy(args.proxy)


def scheduled_session(args: argparse.Namespace) -> Any:
    """The OrgSession of --remembered or --target-org; None when neither was chosen."""
    if args.remembered:
        from syncerr_gui.core.auth.renewal import resume_for_schedule
        from syncerr_gui.core.auth.token_store import TokenStore

        return resume_for_schedule(TokenStore(), args.username, ca_bundle=args.ca_bundle)
    if args.target_org:
        from syncerr_gui.core.auth.sf_cli import login_with_sf_cli

        return login_with_sf_cli(args.target_org, ca_bundle=args.ca_bundle)
    return None
