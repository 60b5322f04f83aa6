"""Log in to a running demo org the way the app logs in to any org (through simple-salesforce).

The demo org's certificate comes from a CA made at its start-up, so the session trusts
exactly that CA (`org.ca_path`) and nothing else.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from syncerr_gui.core.auth.login import login_with_password, login_with_token
from syncerr_gui.core.auth.session import OrgSession, Renewer

if TYPE_CHECKING:
    from syncerr_gui.demo_org import DemoOrg

logger = logging.getLogger(__name__)


def demo_session(org: DemoOrg, *, admin: bool = True, via_password: bool = False) -> OrgSession:
    """An OrgSession (kind "demo") for the demo org's admin or non-admin user.

    By default it logs in with the user's access token; `via_password` uses SOAP login through
    the org's own URL (simple-salesforce's `scratch_url`). Either way the session can log in
    again by password when the demo org expires its sessions.
    """
    user = org.admin if admin else org.non_admin
    ca_bundle = str(org.ca_path)
    if via_password:
        session = login_with_password(
            user.username, user.password, user.security_token, domain=org.instance_url, ca_bundle=ca_bundle
        )
    else:
        session = login_with_token(org.instance_url, user.access_token, ca_bundle=ca_bundle)
        session.renewer = _password_relogin(org, admin)
    session.kind = "demo"
    logger.info("logged in to the demo org as %s", "admin" if admin else "non-admin")
    return session


def _password_relogin(org: DemoOrg, admin: bool) -> Renewer:
    """The renewer of a token session: a fresh password login's token."""

    def log_in_again() -> str:
        return demo_session(org, admin=admin, via_password=True).token()

    return log_in_again
