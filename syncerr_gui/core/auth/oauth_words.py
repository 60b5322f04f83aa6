"""The browser login's sentences an admin reads: each a whole `say()` sentence, so the window
can show it in its own language (the command line prints the English)."""

from __future__ import annotations

from collections.abc import Callable

from syncerr_gui.core.redaction import scrub
from syncerr_gui.core.words import Words, say

STATE_MISMATCH = say(
    "The answer did not come from the login you started in this app, so it was "
    "refused. Start the login again."
)
ACCESS_DENIED = say(
    "You (or your admin) denied access: Salesforce did not allow this app to "
    "connect. Choose Allow on the Salesforce page, or ask your admin to approve "
    "the External Client App for your user."
)
# What failed, one whole sentence per step and kind of failure (the window translates each).
_COULD_NOT: dict[tuple[str, str], Callable[..., Words]] = {
    ("finish the login", "network"): lambda **v: say("Could not finish the login: {reason}", **v),
    ("renew your login", "network"): lambda **v: say("Could not renew your login: {reason}", **v),
    ("log out", "network"): lambda **v: say("Could not log out: {reason}", **v),
    ("finish the login", "unclear"): lambda **v: say(
        "Could not finish the login: Salesforce's answer was not understood.", **v
    ),
    ("renew your login", "unclear"): lambda **v: say(
        "Could not renew your login: Salesforce's answer was not understood.", **v
    ),
    ("log out", "unclear"): lambda **v: say(
        "Could not log out: Salesforce's answer was not understood.", **v
    ),
    ("finish the login", "refused"): lambda **v: say(
        "Salesforce refused to finish the login: {detail} ({error}).", **v
    ),
    ("renew your login", "refused"): lambda **v: say(
        "Salesforce refused to renew your login: {detail} ({error}).", **v
    ),
    ("log out", "refused"): lambda **v: say("Salesforce refused to log out: {detail} ({error}).", **v),
    ("finish the login", "status"): lambda **v: say(
        "Could not finish the login: Salesforce answered HTTP {status}.", **v
    ),
    ("renew your login", "status"): lambda **v: say(
        "Could not renew your login: Salesforce answered HTTP {status}.", **v
    ),
    ("log out", "status"): lambda **v: say("Could not log out: Salesforce answered HTTP {status}.", **v),
}
_ENGLISH_ONLY = {
    "network": "Could not {what}: {reason}",
    "unclear": "Could not {what}: Salesforce's answer was not understood.",
    "refused": "Salesforce refused to {what}: {detail} ({error}).",
    "status": "Could not {what}: Salesforce answered HTTP {status}.",
}


def could_not(what: str, kind: str, **values: str) -> str:
    """The sentence for `what` failing in this `kind` of way (a step without its own sentences
    stays English)."""
    made = _COULD_NOT.get((what, kind))
    if made is not None:
        return made(**values)
    return _ENGLISH_ONLY[kind].format(what=what, **values)


def refusal_message(status: int, error: str, description: str, what: str, grant_type: str) -> str:
    """Why Salesforce's token endpoint said no, in words (`error` is its OAuth error name)."""
    if error == "invalid_grant" and grant_type == "refresh_token":
        return say("Your saved login has expired or was revoked, so it could not be renewed. Log in again.")
    if error == "invalid_grant":
        return say(
            "Salesforce refused the login code (it expired, was already used, or did not match "
            "this login). Start the login again."
        )
    if error == "invalid_client_id" or error == "invalid_client":
        return say(
            "Salesforce does not know this client id. Check the Consumer Key of your External "
            "Client App in the login settings."
        )
    if error:
        detail = scrub(description or error)[:300]
        return could_not(what, "refused", detail=detail, error=scrub(error)[:60])
    return could_not(what, "status", status=str(status))
