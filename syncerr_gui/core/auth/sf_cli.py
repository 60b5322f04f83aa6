"""Log in with the Salesforce CLI's login: `sf org display --target-org ALIAS --json`.

An admin who logged in once with `sf org login web --alias acme` can schedule exports with
`export --target-org acme`: the CLI keeps (and refreshes) its own login, this module asks it
for the org's address and a current access token. The alias is the only thing on the
command line; the token is read from the CLI's standard output, registered as a secret at
once and never logged. Newer CLIs leave the token out of `org display`; then it is asked of
`sf org auth show-access-token --json`. A renewal asks the CLI again.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Sequence
from typing import Any

from syncerr_gui.core.auth.login import login_with_token
from syncerr_gui.core.auth.session import OrgSession
from syncerr_gui.core.exceptions import LoginError
from syncerr_gui.core.redaction import register_secret, scrub
from syncerr_gui.core.words import say

logger = logging.getLogger(__name__)

SF_TIMEOUT_S = 120.0
_ALIAS = re.compile(r"^[A-Za-z0-9_.@+-]{1,120}$")
_MAX_OUTPUT = 1_000_000

Runner = Callable[[Sequence[str]], "subprocess.CompletedProcess[str]"]


def login_with_sf_cli(
    alias: str, *, ca_bundle: str | None = None, runner: Runner | None = None
) -> OrgSession:
    """An `OrgSession` on the Salesforce CLI's login `alias` (a username or an alias)."""
    if not _ALIAS.match(alias or ""):
        raise LoginError(
            say("--target-org must be a Salesforce CLI alias or username (letters, digits, . _ - @ +).")
        )
    run = runner or _run_sf
    instance_url, token = org_display(alias, run)
    session = login_with_token(instance_url, token, ca_bundle=ca_bundle)
    session.kind = "sf-cli"
    session.renewer = lambda: org_display(alias, run)[1]
    return session


def org_display(alias: str, run: Runner) -> tuple[str, str]:
    """(instance URL, access token) of the CLI's login `alias`; LoginError in words otherwise."""
    result = _result(run(["org", "display", "--target-org", alias, "--json"]), alias)
    instance_url = str(result.get("instanceUrl") or "")
    token = _usable_token(result.get("accessToken"))
    if not token:  # newer CLIs redact it here and reveal it only through a dedicated command
        shown = _result(run(["org", "auth", "show-access-token", "--target-org", alias, "--json"]), alias)
        token = _usable_token(shown.get("accessToken") or shown.get("token"))
    if not instance_url or not token:
        raise LoginError(
            say(
                "The Salesforce CLI did not give an instance URL and access token for \u201c{alias}\u201d. "
                "Log in again with `sf org login web --alias {alias}`.",
                alias=alias,
            )
        )
    return instance_url, token


def _run_sf(arguments: Sequence[str]) -> subprocess.CompletedProcess[str]:
    """Run `sf` (found on PATH; `sf.cmd` on Windows) without a shell, bounded in time."""
    program = shutil.which("sf")
    if program is None:
        raise LoginError(
            say(
                "The Salesforce CLI (`sf`) was not found on this computer's PATH. Install it "
                "(https://developer.salesforce.com/tools/salesforcecli) or give its folder in PATH."
            )
        )
    env = dict(os.environ, SF_AUTOUPDATE_DISABLE="true", SF_DISABLE_TELEMETRY="true", NO_COLOR="1")
    try:
        return subprocess.run(
            [program, *arguments],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=SF_TIMEOUT_S,
            stdin=subprocess.DEVNULL,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise LoginError(
            say("The Salesforce CLI did not answer within {seconds} s.", seconds=f"{SF_TIMEOUT_S:g}")
        ) from None
    except OSError as exc:
        raise LoginError(
            say("The Salesforce CLI could not be started ({kind}).", kind=type(exc).__name__)
        ) from None


def _result(done: subprocess.CompletedProcess[str], alias: str) -> dict[str, Any]:
    """The `result` object of the CLI's JSON answer; its own error message when it failed."""
    answer = _json_object(done.stdout or "")
    if answer is None:
        raise LoginError(
            say(
                "The Salesforce CLI's answer for \u201c{alias}\u201d was not the JSON the app expects "
                "(exit code {code}). Update the CLI and try again.",
                alias=alias,
                code=str(done.returncode),
            )
        )
    _register_tokens(answer)
    status = answer.get("status", done.returncode)
    result = answer.get("result")
    if status not in (0, "0") or done.returncode != 0 or not isinstance(result, dict):
        message = scrub(str(answer.get("message") or answer.get("name") or "it failed"))[:300]
        raise LoginError(
            say(
                "The Salesforce CLI could not use \u201c{alias}\u201d: {message}",
                alias=alias,
                message=message,
            ),
            "SF_CLI",
        )
    return result


def _json_object(text: str) -> dict[str, Any] | None:
    """The JSON object in the CLI's output (a warning line may come before it)."""
    text = text[:_MAX_OUTPUT]
    start = text.find("{")
    if start < 0:
        return None
    try:
        value = json.loads(text[start:])
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _register_tokens(answer: dict[str, Any]) -> None:
    """Every token-looking value of the answer is a secret from now on (before any message)."""
    result = answer.get("result")
    if isinstance(result, dict):
        for key in ("accessToken", "token", "refreshToken", "sfdxAuthUrl", "password"):
            value = result.get(key)
            if isinstance(value, str) and value:
                register_secret(value)


def _usable_token(value: Any) -> str:
    """A real access token: not empty, not a redaction placeholder."""
    text = str(value or "").strip()
    if not text or " " in text or "redacted" in text.lower() or "truncated" in text.lower():
        return ""
    return text
