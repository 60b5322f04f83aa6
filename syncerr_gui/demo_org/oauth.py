"""OAuth 2.0 web-server flow with PKCE, refresh, revoke and userinfo, as Salesforce answers them.

The demo runs on real machines, where other users may reach its port, so it hands out a code
only to someone who proves they started it: the authorize page asks for a demo user's
username and password (made afresh at every start), and the `auto=allow|deny` shortcut for
scripted browsers needs `auto_key`, a secret only the process that started the org knows.
The code goes only to the app's registered callback URL (`http://localhost:<port>/OauthRedirect`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import logging
import time
from urllib.parse import urlencode

from syncerr_gui.demo_org.httpkit import Request, Response, Router
from syncerr_gui.demo_org.state import OrgState, UserRecord

logger = logging.getLogger(__name__)

DEFAULT_CALLBACK_PORT = 1717  # the app's default callback port (OAuthConfig.callback_port)
CALLBACK_PATH = "/OauthRedirect"
_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Allow Access?</title></head>
<body style="font-family:sans-serif;max-width:32em;margin:3em auto">
<h1>Allow Access?</h1><p><b>{client}</b> is asking to access your Sync Errors Demo org:
access and manage your data (api) and perform requests at any time (refresh_token).</p>
<form method="post" action="/services/oauth2/authorize">
<input type="hidden" name="handle" value="{handle}">
<p>{problem}Log in as a demo user (the demo prints their usernames and passwords when it starts):</p>
<p><label>Username <input name="username" autocomplete="username"></label><br>
<label>Password <input name="password" type="password" autocomplete="current-password"></label></p>
<button type="submit" name="decision" value="deny">Deny</button>
<button type="submit" name="decision" value="allow">Allow</button>
</form></body></html>"""


class OAuthRoutes:
    """`/services/oauth2/{authorize,token,revoke,userinfo}` and the identity URL."""

    def __init__(self, state: OrgState) -> None:
        self.state = state

    def register(self, router: Router) -> None:
        """Add the OAuth routes."""
        router.add("GET", r"/services/oauth2/authorize", self.authorize)
        router.add("POST", r"/services/oauth2/authorize", self.decide)
        router.add("POST", r"/services/oauth2/token", self.token)
        router.add("GET POST", r"/services/oauth2/revoke", self.revoke)
        router.add("GET POST", r"/services/oauth2/userinfo", self.userinfo)
        router.add("GET", r"/id/(?P<org>00D\w{12,15})/(?P<user>005\w{12,15})", self.userinfo)

    def authorize(self, request: Request) -> Response:
        """Validate client and redirect URI, then show the consent page (or decide at once)."""
        q = request.query
        problem = self._bad_client(q)
        if problem:
            return _error_page(problem, "The client or its callback URL is not the registered one.", 400)
        if q.get("response_type") != "code":
            return _back(
                q, error="unsupported_response_type", error_description="response type not supported"
            )
        if not q.get("code_challenge") or q.get("code_challenge_method", "S256") != "S256":
            return _back(q, error="invalid_request", error_description="missing required code challenge")
        if "auto" in q:
            if not hmac.compare_digest(q.get("auto_key", "").encode(), self.state.auto_key.encode()):
                return _error_page("invalid_request", "auto needs the demo org's auto_key", 403)
            user = self.state.users.get(q.get("demo_user", "admin"))
            return self._finish(q, q["auto"], user)
        return self._consent_page(self.state.sessions.park(q))

    def _consent_page(self, handle: str, problem: str = "") -> Response:
        return Response.html(
            _PAGE.format(
                client=html.escape(self.state.client_id),
                handle=html.escape(handle),
                problem=f"<b>{html.escape(problem)}</b> " if problem else "",
            ),
            401 if problem else 200,
        )

    def decide(self, request: Request) -> Response:
        """The consent form was submitted: Deny, or Allow with a demo user's username and password."""
        form = request.form()
        parked = self.state.sessions.unpark(form.get("handle", ""))
        if parked is None:
            return _error_page("invalid_request", "This authorization request has expired.", 400)
        if form.get("decision") != "allow":
            return self._finish(parked, "deny", None)
        user = self._check_login(form.get("username", ""), form.get("password", ""))
        if user is None:
            return self._consent_page(
                self.state.sessions.park(parked), "Please check your username and password."
            )
        return self._finish(parked, "allow", user)

    def _check_login(self, username: str, password: str) -> UserRecord | None:
        user = self.state.by_username(username)
        if user is None or user.locked or user.key not in ("admin", "non_admin"):
            return None
        return user if hmac.compare_digest(password.encode(), user.password.encode()) else None

    def _finish(self, q: dict[str, str], decision: str, user: UserRecord | None) -> Response:
        if decision != "allow" or user is None:
            return _back(q, error="access_denied", error_description="end-user denied authorization")
        code = self.state.sessions.new_code(user.key, q["client_id"], q["redirect_uri"], q["code_challenge"])
        return _back(q, code=code)

    def _bad_client(self, q: dict[str, str]) -> str:
        if q.get("client_id") != self.state.client_id:
            return "invalid_client_id"
        if q.get("redirect_uri", "") != self.registered_redirect:
            return "redirect_uri_mismatch"
        return ""

    @property
    def registered_redirect(self) -> str:
        """The one callback URL of the demo's External Client App, as the app builds it."""
        port = self.state.config.oauth_callback_port or DEFAULT_CALLBACK_PORT
        return f"http://localhost:{port}{CALLBACK_PATH}"

    def token(self, request: Request) -> Response:
        """authorization_code (PKCE S256) and refresh_token grants."""
        form = request.form()
        grant = form.get("grant_type", "")
        if grant == "authorization_code":
            if form.get("client_id") != self.state.client_id:
                return _oauth_error("invalid_client_id", "client identifier invalid")
            user_key, problem = self.state.sessions.redeem(
                form.get("code", ""),
                form.get("client_id", ""),
                form.get("redirect_uri", ""),
                form.get("code_verifier", ""),
            )
            if user_key is None:
                return _oauth_error("invalid_grant", problem)
            refresh = self.state.sessions.issue_refresh(user_key, self.state.client_id)
            access = self.state.sessions.issue(user_key, refresh)
            return Response.json(self._grant(self.state.users[user_key], access, refresh))
        if grant == "refresh_token":
            refresh = form.get("refresh_token", "")
            renewed = self.state.sessions.refresh(refresh, form.get("client_id"))
            if renewed is None:
                return _oauth_error("invalid_grant", "expired access/refresh token")
            access, user_key = renewed
            return Response.json(self._grant(self.state.users[user_key], access, None))
        return _oauth_error("unsupported_grant_type", "grant type not supported")

    def _grant(self, user: UserRecord, access: str, refresh: str | None) -> dict[str, str]:
        issued = str(int(time.time() * 1000))
        identity = f"{self.state.instance_url}/id/{self.state.org_id}/{user.user_id}"
        mac = hmac.new(self.state.signing_key, (identity + issued).encode(), hashlib.sha256).digest()
        answer = {"access_token": access}
        if refresh is not None:
            answer["refresh_token"] = refresh
        answer.update(
            {
                "signature": base64.b64encode(mac).decode("ascii"),
                "scope": "refresh_token api",
                "instance_url": self.state.instance_url,
                "id": identity,
                "token_type": "Bearer",
                "issued_at": issued,
            }
        )
        return answer

    def revoke(self, request: Request) -> Response:
        """Revoke an access or refresh token."""
        if self.state.sessions.revoke(request.form().get("token", "")):
            return Response(200, b"", "text/plain")
        return _oauth_error("invalid_token", "invalid token")

    def userinfo(self, request: Request) -> Response:
        """Who the Bearer token belongs to (no permission flags, as in Salesforce)."""
        user_key = self.state.sessions.check(request.bearer())
        if user_key is None:
            return Response(403, b"Bad_OAuth_Token", "text/plain;charset=UTF-8")
        user = self.state.users[user_key]
        identity = f"{self.state.instance_url}/id/{self.state.org_id}/{user.user_id}"
        given, _, family = user.display_name.partition(" ")
        return Response.json(
            {
                "sub": identity,
                "user_id": user.user_id,
                "organization_id": self.state.org_id,
                "preferred_username": user.username,
                "nickname": user.username.split("@")[0],
                "name": user.display_name,
                "given_name": given,
                "family_name": family,
                "email": user.email,
                "email_verified": True,
                "zoneinfo": "Europe/Berlin",
                "locale": "en_US",
                "user_type": "STANDARD",
                "active": True,
                "username": user.username,
                "display_name": user.display_name,
                "urls": {"rest": f"{self.state.instance_url}/services/data/v{{version}}/"},
            }
        )


def _back(q: dict[str, str], **params: str) -> Response:
    """Redirect to the client's redirect URI with `params` and the client's state."""
    if "state" in q:
        params["state"] = q["state"]
    uri = q.get("redirect_uri", "")
    return Response.redirect(uri + ("&" if "?" in uri else "?") + urlencode(params))


def _error_page(error: str, text: str, status: int) -> Response:
    return Response.html(
        f"<!DOCTYPE html><html><body><h1>error={html.escape(error)}</h1>"
        f"<p>{html.escape(text)}</p></body></html>",
        status,
    )


def _oauth_error(error: str, description: str) -> Response:
    return Response.json({"error": error, "error_description": description}, 400)
