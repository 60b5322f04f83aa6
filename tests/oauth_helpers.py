"""Shared by the browser-login tests: a demo org of their own and a browser that follows the flow."""

from __future__ import annotations

import re
import socket
from collections.abc import Callable
from contextlib import ExitStack
from typing import TYPE_CHECKING

import requests

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
    """Follows the app's URL like a person would, then delivers the redirect to loopback.

    The app's loopback start page sends it on to the authorize page; there it allows or
    denies as the demo admin, by the login form (`use_form`) or by the demo's `auto` shortcut
    with the per-run `auto_key`. `tamper` changes the redirect before it is delivered;
    `forge_first` delivers a forged copy (another `state`, as another local process would)
    before the real one.
    """

    def __init__(
        self,
        org: DemoOrg,
        decision: str = "allow",
        use_form: bool = False,
        tamper: Callable[[str], str] | None = None,
        forge_first: Callable[[str], str] | None = None,
    ) -> None:
        self.org, self.decision, self.use_form, self.tamper = org, decision, use_form, tamper
        self.forge_first = forge_first
        self.pages: list[str] = []
        self.statuses: list[int] = []

    def open(self, url: str) -> bool:
        with make_session(self.org.ca_path) as web:
            if url.startswith("http://localhost:"):  # the app's start page: on to Salesforce
                start = web.get(url, allow_redirects=False)
                assert start.status_code == 303, start.text
                url = start.headers["Location"]
            location = self._decide(web, url)
            if self.tamper is not None:
                location = self.tamper(location)
            deliveries = [self.forge_first(location), location] if self.forge_first else [location]
            for target in deliveries:
                page = web.get(target)
                self.pages.append(page.text)
                self.statuses.append(page.status_code)
        return True

    def _decide(self, web: requests.Session, url: str) -> str:
        if self.use_form:
            consent = web.get(url, allow_redirects=False)
            handle = re.search(r'name="handle" value="([^"]+)"', consent.text).group(1)
            answer = web.post(
                f"{self.org.instance_url}/services/oauth2/authorize",
                allow_redirects=False,
                data={
                    "handle": handle,
                    "decision": self.decision,
                    "username": self.org.admin.username,
                    "password": self.org.admin.password,
                },
            )
        else:
            answer = web.get(
                f"{url}&auto={self.decision}&auto_key={self.org.oauth_auto_key}&demo_user=admin",
                allow_redirects=False,
            )
        assert answer.status_code in (302, 303), answer.text
        return answer.headers["Location"]
