"""OAuth 2.0 web-server flow with PKCE, refresh, revoke and userinfo, as Salesforce answers them."""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import logging
import time
from urllib.parse import urlencode, urlsplit

from syncerr_gui.demo_org.httpkit import Request, Response, Router
from syncerr_gui.demo_org.state import OrgState, UserRecord

logger = logging.getLogger(__name__)

_LOOPBACK = ("localhost", "127.0.0.1", "::1")
_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Allow Access?</title></head>
<body style="font-family:sans-serif;max-width:32em;margin:3em auto">
<h1>Allow Access?</h1><p><b>{client}</b> is asking to access your Sync Errors Demo org:
access and manage your data (api) and perform requests at any time (refresh_token).</p>
<form method="post" action="/services/oauth2/authorize">
<input type="hidden" name="handle" value="{handle}">
<p><label><input type="radio" name="demo_user" value="admin" checked> {admin}</label><br>
<label><input type="radio" name="demo_user" value="non_admin"> {non_admin}</label></p>
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
            return Response.html(
                f"<!DOCTYPE html><html><body><h1>error={html.escape(problem)}</h1></body></html>", 400
            )
        if q.get("response_type") != "code":
            return _back(
                q, error="unsupported_response_type", error_description="response type not supported"
            )
        if not q.get("code_challenge") or q.get("code_challenge_method", "S256") != "S256":
            return _back(q, error="invalid_request", error_description="missing required code challenge")
        if q.get("auto") in ("allow", "deny"):
            return self._finish(q, q["auto"], q.get("demo_user", "admin"))
        handle = self.state.sessions.park(q)
        users = self.state.users
        return Response.html(
            _PAGE.format(
                client=html.escape(self.state.client_id),
                handle=handle,
                admin=html.escape(users["admin"].username),
                non_admin=html.escape(users["non_admin"].username),
            )
        )

    def decide(self, request: Request) -> Response:
        """The consent form was submitted."""
        form = request.form()
        parked = self.state.sessions.unpark(form.get("handle", ""))
        if parked is None:
            return Response.html(
                "<!DOCTYPE html><html><body><h1>error=invalid_request</h1>"
                "<p>This authorization request has expired.</p></body></html>",
                400,
            )
        return self._finish(parked, form.get("decision", "deny"), form.get("demo_user", "admin"))

    def _finish(self, q: dict[str, str], decision: str, user_key: str) -> Response:
        if decision != "allow":
            return _back(q, error="access_denied", error_description="end-user denied authorization")
        if user_key not in ("admin", "non_admin"):
            user_key = "admin"
        code = self.state.sessions.new_code(user_key, q["client_id"], q["redirect_uri"], q["code_challenge"])
        return _back(q, code=code)

    def _bad_client(self, q: dict[str, str]) -> str:
        if q.get("client_id") != self.state.client_id:
            return "invalid_client_id"
        parts = urlsplit(q.get("redirect_uri", ""))
        try:
            port = parts.port
        except ValueError:
            return "redirect_uri_mismatch"
        if parts.scheme not in ("http", "https") or parts.hostname not in _LOOPBACK:
            return "redirect_uri_mismatch"
        wanted = self.state.config.oauth_callback_port
        if wanted is not None and port != wanted:
            return "redirect_uri_mismatch"
        return ""

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


def _oauth_error(error: str, description: str) -> Response:
    return Response.json({"error": error, "error_description": description}, 400)
