"""`python -m syncerr_gui.demo_org [--errors N] [--port P]`: run a demo org until Ctrl+C."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from collections.abc import Sequence

from syncerr_gui.demo_org.config import DemoConfig, DemoUser
from syncerr_gui.demo_org.server import DemoOrg

logger = logging.getLogger(__name__)


def main(argv: Sequence[str] | None = None) -> int:
    """Start a demo org, print how to reach it, serve until interrupted."""
    parser = argparse.ArgumentParser(
        prog="python -m syncerr_gui.demo_org", description="Run the loopback Salesforce demo org."
    )
    parser.add_argument("--errors", type=int, default=3000, help="record-level errors (default 3000)")
    parser.add_argument("--jobs", type=int, default=None, help="Bulk API 2.0 jobs (default: scaled)")
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: any free port)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    jobs = args.jobs if args.jobs is not None else max(60, args.errors // 800)
    org = DemoOrg(DemoConfig(record_errors=args.errors, bulk2_jobs=jobs, seed=args.seed), port=args.port)
    try:
        org.start()
    except OSError as exc:
        print(f"error: cannot listen on 127.0.0.1:{args.port}: {exc.strerror}", file=sys.stderr)
        return 1
    print(f"Demo org:        {org.instance_url}")
    print(f"CA certificate:  {org.ca_path}")
    print(f"Access token:    {org.admin.access_token}")
    print(f"Username:        {org.admin.username}")
    print(f"Password:        {org.admin.password}")
    print(f"Security token:  {org.admin.security_token}")
    print(f"OAuth client id: {org.oauth_client_id}")
    print("OAuth callback:  http://localhost:1717/OauthRedirect (log in there as a user below)")
    for key, (user, role) in _users_and_roles(org).items():
        print(
            f"{key + ':':<16} {user.username} · {role} · password {user.password} · "
            f"security token {user.security_token} · access token {user.access_token}"
        )
    print("Serving until Ctrl+C.", flush=True)
    signal.signal(signal.SIGTERM, _interrupt)  # stop cleanly (TLS keys deleted) when terminated
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        org.stop()
    return 0


def _users_and_roles(org: DemoOrg) -> dict[str, tuple[DemoUser, str]]:
    """The three demo users by line key (each key unique: scripts read `key: value` lines)."""
    return {
        "Admin user": (org.admin, "admin: may use the app (the user above)"),
        "Non-admin user": (org.non_admin, "not an admin: the app refuses it and names what is missing"),
        "Locked user": (org.locked, "locked out: password and browser logins are refused"),
    }


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    sys.exit(main())
