"""The "ways to log in" shown by the login dialog, one page each.

A page is a QWidget with a `title`, a `note`, `validate()` (a problem in words, or "") and
`login_call(ca_bundle)` returning a function that logs in and returns an OrgSession (run off
the GUI thread). Another way (e.g. "Log in with browser") plugs in with
`LoginDialog.add_page(page)`. Pages remember only non-secret fields.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from syncerr_gui.gui.i18n import QT_TR_NOOP, tr
from syncerr_gui.gui.plain_text import plain_label

logger = logging.getLogger(__name__)

LoginCall = Callable[[], Any]

DOMAINS = (  # labels translated where shown
    (QT_TR_NOOP("Production (login.salesforce.com)"), "login"),
    (QT_TR_NOOP("Sandbox (test.salesforce.com)"), "test"),
    (QT_TR_NOOP("Custom domain (My Domain)"), "custom"),
)


class LoginPage(QWidget):
    """Base of a way to log in (see module docstring)."""

    title = ""  # the English source (QT_TR_NOOP); `shown_title()` is what the list shows
    way = ""
    # True when the page must stay usable while its login runs (e.g. to copy a URL or cancel);
    # the dialog then disables only the other ways and its own Log in button.
    usable_while_busy = False

    @classmethod
    def shown_title(cls) -> str:
        """The page's title in the window's language."""
        return tr(cls.title)

    def validate(self) -> str:
        """What is missing before a login can be tried, in words ('' when ready)."""
        return ""

    def login_call(self, ca_bundle: str | None) -> LoginCall:
        """A function that logs in (run off the GUI thread) and returns an OrgSession."""
        raise NotImplementedError

    def cancel_login(self) -> None:
        """The user cancelled while the call runs: stop what can be stopped (e.g. a listener)."""

    def login_finished(self, session: Any, failure: str) -> None:
        """The dialog's run of `login_call` ended (GUI thread): the session, or None and why."""

    def restore(self, remembered: dict[str, str]) -> None:
        """Fill non-secret fields from the settings."""

    def focus_field(self, field: str) -> None:
        """Put the cursor in the page's `field` ("address", "secret", "user"), its text selected,
        so the admin can correct it at once (a page without that field ignores it)."""
        edit = self.fields.get(field)
        if edit is not None and edit.isEnabled():
            edit.setFocus()
            edit.selectAll()

    @property
    def fields(self) -> dict[str, QLineEdit]:
        """The page's fields a failed login can point at."""
        return {}

    def clear_secrets(self) -> None:
        """Empty every secret field (after Log out, the next person types their own)."""
        for edit in self.findChildren(QLineEdit):
            if edit.echoMode() == QLineEdit.EchoMode.Password:
                edit.clear()

    def remembered(self) -> dict[str, str]:
        """Non-secret fields to remember (never a password or token)."""
        return {}

    def _form(self, note: str = "") -> QFormLayout:
        form = QFormLayout(self)
        if note:
            label = plain_label(note, self)
            label.setWordWrap(True)
            label.setObjectName("noteLabel")
            form.addRow(label)
        return form


def _secret_edit(parent: QWidget, name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _edit(parent: QWidget, name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    return edit


class DemoLoginPage(LoginPage):
    """Logs in to the built-in loopback demo org as its admin (no real org needed)."""

    title = QT_TR_NOOP("Demo org")
    way = "demo"

    def __init__(self, session_factory: Callable[[], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoPage")
        self._session_factory = session_factory
        self._form(
            tr(
                "Try the app without a Salesforce org: a Salesforce-compatible server starts "
                "on this computer (loopback only) with realistic sample errors, and you are "
                "logged in as its admin."
            )
        )

    def login_call(self, ca_bundle: str | None) -> LoginCall:
        return self._session_factory


class TokenLoginPage(LoginPage):
    """An access token and instance URL, e.g. from `sf org display --verbose` (Salesforce CLI)."""

    title = QT_TR_NOOP("Access token")
    way = "token"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tokenPage")
        form = self._form(
            tr(
                "Paste the instance URL and an access token, e.g. from the Salesforce "
                "CLI: sf org display --target-org <alias> --verbose. The token is "
                "used for this session only and is never saved."
            )
        )
        self.instance_url = _edit(self, "instanceUrlEdit", "https://yourcompany.my.salesforce.com")
        self.access_token = _secret_edit(self, "accessTokenEdit")
        form.addRow(tr("Instance URL:"), self.instance_url)
        form.addRow(tr("Access token:"), self.access_token)

    @property
    def fields(self) -> dict[str, QLineEdit]:
        return {"address": self.instance_url, "secret": self.access_token, "user": self.access_token}

    def validate(self) -> str:
        if not self.instance_url.text().strip():
            return tr("Enter the instance URL.")
        if not self.access_token.text().strip():
            return tr("Enter the access token.")
        return ""

    def login_call(self, ca_bundle: str | None) -> LoginCall:
        from syncerr_gui.core.auth.login import login_with_token

        url, token = self.instance_url.text().strip(), self.access_token.text().strip()
        return lambda: login_with_token(url, token, ca_bundle=ca_bundle)

    def restore(self, remembered: dict[str, str]) -> None:
        self.instance_url.setText(remembered.get("instance_url", ""))

    def remembered(self) -> dict[str, str]:
        return {"instance_url": self.instance_url.text().strip()}


class PasswordLoginPage(LoginPage):
    """Username + password + security token through SOAP login (legacy, retired in 2027)."""

    title = QT_TR_NOOP("Username and password")
    way = "password"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passwordPage")
        form = self._form(
            tr(
                "Legacy: Salesforce retires password login in 2027, and new orgs have "
                "it turned off. Prefer logging in with the browser or a token."
            )
        )
        self.username = _edit(self, "usernameEdit", "admin@yourcompany.com")
        self.password = _secret_edit(self, "passwordEdit")
        self.security_token = _secret_edit(self, "securityTokenEdit")
        self.security_token.setPlaceholderText(tr("optional when your IP is trusted"))
        self.environment = QComboBox(self)
        self.environment.setObjectName("environmentCombo")
        for label, value in DOMAINS:
            self.environment.addItem(tr(label), value)
        self.custom_domain = _edit(
            self, "customDomainEdit", tr("yourcompany.my  or  https://yourcompany.my.salesforce.com")
        )
        self.environment.currentIndexChanged.connect(self._environment_changed)
        form.addRow(tr("Username:"), self.username)
        form.addRow(tr("Password:"), self.password)
        form.addRow(tr("Security token:"), self.security_token)
        form.addRow(tr("Environment:"), self.environment)
        form.addRow(tr("My Domain:"), self.custom_domain)
        self._environment_changed()

    def _environment_changed(self) -> None:
        self.custom_domain.setEnabled(self.environment.currentData() == "custom")

    def domain(self) -> str:
        """The `domain` argument of login_with_password: login, test, or the custom domain."""
        value = self.environment.currentData()
        return self.custom_domain.text().strip() if value == "custom" else str(value)

    @property
    def fields(self) -> dict[str, QLineEdit]:
        fields = {"secret": self.password, "user": self.username}
        if self.environment.currentData() == "custom":  # else the address is Salesforce's own
            fields["address"] = self.custom_domain
        return fields

    def validate(self) -> str:
        if not self.username.text().strip():
            return tr("Enter the username.")
        if not self.password.text():
            return tr("Enter the password.")
        if self.environment.currentData() == "custom" and not self.custom_domain.text().strip():
            return tr("Enter your My Domain (e.g. yourcompany.my).")
        return ""

    def login_call(self, ca_bundle: str | None) -> LoginCall:
        from syncerr_gui.core.auth.login import login_with_password

        args = (self.username.text().strip(), self.password.text(), self.security_token.text().strip())
        domain = self.domain()
        return lambda: login_with_password(*args, domain=domain, ca_bundle=ca_bundle)

    def restore(self, remembered: dict[str, str]) -> None:
        self.username.setText(remembered.get("username", ""))
        domain = remembered.get("domain", "")
        index = (
            self.environment.findData(domain)
            if domain in ("login", "test")
            else (self.environment.findData("custom") if domain else 0)
        )
        self.environment.setCurrentIndex(max(index, 0))
        if domain not in ("", "login", "test"):
            self.custom_domain.setText(domain)

    def remembered(self) -> dict[str, str]:
        return {"username": self.username.text().strip(), "domain": self.domain()}
