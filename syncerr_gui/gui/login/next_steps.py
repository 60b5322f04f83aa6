"""What the login dialog does after a failed login: a next step in words, and the field to fix.

A failure's words come from the core (`LoginError`, in words that also suit the command
line); its `code` says what kind it is. Here each kind gets the dialog's part: the field the
admin must change (the dialog focuses it, opening Advanced for the certificate or the
proxy) and, where the core's sentence does not already say what to do, one more sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from syncerr_gui.gui.i18n import QT_TR_NOOP, tr

# Fields a step can point at: a page's own (`LoginPage.focus_field`) or Advanced's.
ADDRESS, SECRET, USER = "address", "secret", "user"
CERTIFICATE, PROXY = "certificate", "proxy"
NOT_ADMIN = "NOT_ADMIN"  # the code the dialog gives a refusal of the admin check

# The advice is English source text, translated when it is added to the words.
CHECK_ADDRESS = QT_TR_NOOP(
    "Check the address and that this computer is online; behind a company proxy, set the "
    "proxy under Advanced."
)
CHECK_ORG_ADDRESS = QT_TR_NOOP(
    "Check the address: it is your org's, like https://yourcompany.my.salesforce.com."
)
UNEXPECTED = QT_TR_NOOP("Try again; if it happens again, the app's log file has the details: {log}")
NO_LOG_FILE = QT_TR_NOOP("see Help › About for the version")


@dataclass(frozen=True)
class NextStep:
    """`field` to focus ('' for none) and `advice` to add to the failure's words ('' for none):
    English source text with `{log}` filled from `log` when it has one."""

    field: str = ""
    advice: str = ""
    log: str = ""

    def advice_text(self) -> str:
        """The advice in the window's language."""
        if not self.advice:
            return ""
        if "{log}" not in self.advice:
            return tr(self.advice)
        return tr(self.advice).format(log=self.log or tr(NO_LOG_FILE))


_STEPS: dict[str, NextStep] = {
    "TLS_unknown": NextStep(CERTIFICATE),  # the words name Advanced → "Trust this certificate"
    "TLS_wrong-host": NextStep(ADDRESS),
    "TLS_expired": NextStep(),
    "TLS_other": NextStep(PROXY),
    "NETWORK": NextStep(ADDRESS, CHECK_ADDRESS),
    "HTTP": NextStep(ADDRESS, CHECK_ORG_ADDRESS),
    "BAD_ANSWER": NextStep(ADDRESS, CHECK_ORG_ADDRESS),
    "UNSAFE_INSTANCE": NextStep(ADDRESS, QT_TR_NOOP("Check the address, or log in another way.")),
    "INVALID_SESSION_ID": NextStep(SECRET),
    "FORBIDDEN": NextStep(SECRET),
    "INVALID_LOGIN": NextStep(SECRET),
    "LOGIN_MUST_USE_SECURITY_TOKEN": NextStep(SECRET),
    "INVALID_OPERATION_WITH_EXPIRED_PASSWORD": NextStep(SECRET),
    "LOGIN_DURING_RESTRICTED_TIME": NextStep(
        USER, QT_TR_NOOP("Try again within the login hours, or ask an admin.")
    ),
    "LOGIN_DURING_RESTRICTED_DOMAIN": NextStep(
        USER, QT_TR_NOOP("Log in from the company network, or ask an admin.")
    ),
    "API_CURRENTLY_DISABLED": NextStep(
        USER, QT_TR_NOOP("Log in as a user who has it, or ask an admin to grant it.")
    ),
    "API_DISABLED_FOR_ORG": NextStep(ADDRESS, QT_TR_NOOP("Log in to an org of one of these editions.")),
    "ORG_LOCKED": NextStep(),
    NOT_ADMIN: NextStep(USER),  # the words name the missing permissions and whom to ask
}


def next_step(code: str, text: str, log_file: str = "") -> NextStep:
    """The step for a failure of kind `code` whose words are `text` (in English: as the core
    made them, before they are shown)."""
    step = _STEPS.get(code)
    if step is not None:
        return step
    if "unexpected error" in text:
        return NextStep("", UNEXPECTED, log_file)
    return NextStep()


def with_advice(text: str, step: NextStep) -> str:
    """The failure's words (as shown) followed by the step's advice, once."""
    advice = step.advice_text()
    if not advice or advice in text:
        return text
    return f"{text} {advice}"
