"""Shared by the browser-login tests: a demo org of their own and a browser that follows the flow."""

from __future__ import annotations

import re
import socket
from collections.abc import Callable
from contextlib import ExitStack
from typing import TYPE_CHECKING

from syncerr_gui.core.auth.oauth import OAuthConfig
from syncerr_gui.core.salesforce.http import make_session

if TYPE_CHECKING:
    from syncerr_gui.demo_org import DemoOrg


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_org(stack: ExitStack, expire_tokens_after: int | None = None) -> DemoOrg:
    from syncerr_gui.demo_org import DemoConfig, DemoOrg

    config = DemoConfig(
        record_errors=50,
        bulk2_jobs=4,
        classic_jobs=1,
        apex_jobs=1,
        oauth_callback_port=free_port(),
        expire_tokens_after=expire_tokens_after,
    )
    return stack.enter_context(DemoOrg(config))


def config_for(org: DemoOrg) -> OAuthConfig:
    return OAuthConfig(
        login_url=org.instance_url,
        client_id=org.oauth_client_id,
        callback_port=org.config.oauth_callback_port,
    )


class ScriptedBrowser:
    """Follows an authorize URL like a person would, then delivers the redirect to loopback."""

    def __init__(
        self,
        org: DemoOrg,
        decision: str = "allow",
        use_form: bool = False,
        tamper: Callable[[str], str] | None = None,
    ) -> None:
        self.org, self.decision, self.use_form, self.tamper = org, decision, use_form, tamper
        self.pages: list[str] = []

    def open(self, url: str) -> bool:
        with make_session(self.org.ca_path) as web:
            if self.use_form:
                consent = web.get(url, allow_redirects=False)
                handle = re.search(r'name="handle" value="([^"]+)"', consent.text).group(1)
                answer = web.post(
                    f"{self.org.instance_url}/services/oauth2/authorize",
                    allow_redirects=False,
                    data={"handle": handle, "decision": self.decision, "demo_user": "admin"},
                )
            else:
                answer = web.get(f"{url}&auto={self.decision}&demo_user=admin", allow_redirects=False)
            assert answer.status_code in (302, 303), answer.text
            location = answer.headers["Location"]
            if self.tamper is not None:
                location = self.tamper(location)
            self.pages.append(web.get(location).text)
        return True
