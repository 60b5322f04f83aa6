"""The "Log in with browser" page: OAuth 2.0 web-server flow with PKCE, tokens in the keyring.

The user picks the environment and the External Client App's client id, presses "Log in
with browser", and logs in on Salesforce's own page in the system browser. The page shows
the URL with a Copy button (for when no browser opens), waits for the loopback redirect off
the GUI thread, and emits the logged-in `OrgSession`. Cancel stops the loopback server at
once. Settings keep only non-secret fields and the "remember" flag; tokens go to the OS
keyring only, and "Remember me" is off when no keyring is usable.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QHideEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from syncerr_gui.core.auth.keyring_calls import Pending
from syncerr_gui.core.auth.oauth import (
    PRODUCTION_LOGIN_URL,
    SANDBOX_LOGIN_URL,
    BrowserLogin,
    OAuthConfig,
    normalise_login_url,
)
from syncerr_gui.core.auth.renewal import login_with_oauth_tokens, resume_remembered
from syncerr_gui.core.auth.session import OrgSession
from syncerr_gui.core.auth.token_store import TokenStore, org_key
from syncerr_gui.core.exceptions import LoginError, OAuthError, failure_text
from syncerr_gui.gui import settings_keys as keys
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.i18n import QT_TR_NOOP, shown, tr
from syncerr_gui.gui.login.browser_remembered import DEFAULT_PORT, clear_remembered, remembered_login
from syncerr_gui.gui.login.login_pages import LoginCall, LoginPage
from syncerr_gui.gui.plain_text import plain_label, tooltip
from syncerr_gui.gui.tasks import run_in_background

logger = logging.getLogger(__name__)

ENVIRONMENTS = (  # labels translated where shown
    (QT_TR_NOOP("Production (login.salesforce.com)"), PRODUCTION_LOGIN_URL),
    (QT_TR_NOOP("Sandbox (test.salesforce.com)"), SANDBOX_LOGIN_URL),
    (QT_TR_NOOP("My Domain URL"), "custom"),
)
WAIT_SECONDS = 300.0
# A working keyring answers in milliseconds; one that hangs is left to its own thread.
KEYRING_GLANCE_S = 0.25
CHECKING_KEYRING = QT_TR_NOOP("Checking this computer's keyring for \u201cRemember me\u201d\u2026")


class BrowserLoginPage(LoginPage):
    """A way to log in: the system browser, a loopback redirect, tokens kept in the keyring.

    Signals:
        logged_in(object): the OrgSession (kind "oauth") after a successful browser login.
        failed(str): why the login failed, in words (not emitted when the user cancels).
    """

    title = QT_TR_NOOP("Log in with browser")
    way = "browser"
    usable_while_busy = True  # the URL, Copy and Cancel are what the user needs while waiting
    logged_in = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        ca_bundle: str | None = None,
        token_store: TokenStore | None = None,
        settings: AppSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("browserPage")
        self.ca_bundle = ca_bundle
        self.wait_seconds = WAIT_SECONDS
        self._store = token_store if token_store is not None else TokenStore()
        self._settings = settings
        self._attempt: BrowserLogin | None = None
        self._keyring_problem = ""
        self.host_login: Callable[[], None] | None = None  # set by a login dialog that hosts the page
        self._build()
        self._check_keyring()
        self._restore_settings()

    # --- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        form = self._form(
            tr(
                "Log in on Salesforce's own page in your browser. This is the way that "
                "keeps working after Salesforce retires password login. Your admin "
                "sets up an External Client App with the callback URL "
                "http://localhost:<port>/OauthRedirect and gives you its client id."
            )
        )
        self.environment = QComboBox(self)
        self.environment.setObjectName("oauthEnvironmentCombo")
        for label, value in ENVIRONMENTS:
            self.environment.addItem(tr(label), value)
        self.my_domain = _edit(self, "myDomainEdit", "https://yourcompany.my.salesforce.com")
        self.client_id = _edit(self, "clientIdEdit", tr("Consumer Key of your External Client App"))
        self.callback_port = QSpinBox(self)
        self.callback_port.setObjectName("callbackPortSpin")
        self.callback_port.setRange(1024, 65535)
        self.callback_port.setValue(DEFAULT_PORT)
        self.remember = QCheckBox(tr("Remember me (keeps the login in this computer's keyring)"), self)
        self.remember.setObjectName("rememberCheck")
        self.environment.currentIndexChanged.connect(self._environment_changed)
        form.addRow(tr("Environment:"), self.environment)
        form.addRow(tr("My Domain URL:"), self.my_domain)
        form.addRow(tr("Client id:"), self.client_id)
        form.addRow(tr("Callback port:"), self.callback_port)
        form.addRow(self.remember)
        self._build_actions(form)
        self._environment_changed()

    def _build_actions(self, form: Any) -> None:
        self.login_button = QPushButton(tr("Log in with browser"), self)
        self.login_button.setObjectName("browserLoginButton")
        self.login_button.clicked.connect(self.begin_login)
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.setObjectName("browserCancelButton")
        self.cancel_button.clicked.connect(self.cancel_login)
        self.url_edit = QLineEdit(self)
        self.url_edit.setObjectName("authorizeUrlEdit")
        self.url_edit.setReadOnly(True)
        self.copy_button = QPushButton(tr("Copy"), self)
        self.copy_button.setObjectName("copyUrlButton")
        self.copy_button.clicked.connect(self._copy_url)
        url_row = QHBoxLayout()
        url_row.addWidget(self.url_edit, 1)
        url_row.addWidget(self.copy_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.login_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        self.status_label = plain_label(parent=self)
        self.status_label.setObjectName("browserStatusLabel")
        self.status_label.setWordWrap(True)
        form.addRow(buttons)
        form.addRow(tr("Browser URL:"), url_row)
        self._url_row = form.rowCount() - 1
        self._form_layout = form
        form.addRow(self.status_label)
        self._show_waiting(False)

    def _environment_changed(self) -> None:
        self.my_domain.setEnabled(self.environment.currentData() == "custom")

    def _check_keyring(self) -> None:
        """Probes the keyring off the GUI thread (bounded by the store's timeout): the page shows
        at once, "Remember me" off until the keyring answers."""
        pending = Pending(self._store.available)
        if pending.wait(KEYRING_GLANCE_S):
            self._keyring_checked(pending.result())
            return
        self._keyring_checked((False, tr(CHECKING_KEYRING)))
        run_in_background(
            lambda: pending.result() if pending.wait(None) else (False, ""),
            self._keyring_answered,
            lambda text: self._keyring_answered((False, text)),
            parent=self,
            doing=tr("check the keyring"),
        )

    def _keyring_answered(self, answer: tuple[bool, str]) -> None:
        self._keyring_checked(answer)
        if answer[0] and self._attempt is None:
            self.status_label.setText("")
            self._restore_remember()

    def _keyring_checked(self, answer: tuple[bool, str]) -> None:
        ok, reason = answer[0], shown(answer[1])
        self._keyring_problem = "" if ok else reason
        self.remember.setEnabled(ok and self._attempt is None)
        self.remember.setToolTip(tooltip("" if ok else reason))
        if not ok:
            self.remember.setChecked(False)
            self.status_label.setText(reason)

    # --- configuration ---------------------------------------------------------------------
    def configure(self, login_url: str, client_id: str, ca_bundle: str | None = None) -> None:
        """Prefill a login host and client id (the demo org: its URL, client id and CA)."""
        index = self.environment.findData(login_url)
        if index < 0:
            index = self.environment.findData("custom")
            self.my_domain.setText(login_url)
        self.environment.setCurrentIndex(index)
        self.client_id.setText(client_id)
        if ca_bundle is not None:
            self.ca_bundle = ca_bundle

    def login_url(self) -> str:
        value = self.environment.currentData()
        return self.my_domain.text().strip() if value == "custom" else str(value)

    def config(self) -> OAuthConfig:
        return OAuthConfig(
            login_url=normalise_login_url(self.login_url()),
            client_id=self.client_id.text().strip(),
            callback_port=self.callback_port.value(),
        )

    @property
    def fields(self) -> dict[str, QLineEdit]:
        fields = {"secret": self.client_id, "user": self.client_id}
        if self.environment.currentData() == "custom":  # else the address is Salesforce's own
            fields["address"] = self.my_domain
        return fields

    def validate(self) -> str:
        if self.environment.currentData() == "custom" and not self.my_domain.text().strip():
            return tr("Enter your My Domain URL (e.g. https://yourcompany.my.salesforce.com).")
        if not self.client_id.text().strip():
            return tr("Enter the client id (Consumer Key) of your External Client App.")
        try:
            normalise_login_url(self.login_url())
        except OAuthError as exc:
            return shown(failure_text(exc, tr("log in with the browser")))
        return ""

    @property
    def is_waiting(self) -> bool:
        return self._attempt is not None

    # --- the flow ------------------------------------------------------------------------------
    def begin_login(self) -> None:
        """Starts the loopback server, opens the browser, and waits off the GUI thread.

        Inside a login dialog (which set `host_login`) the dialog runs the login through
        `login_call`, so its admin check and accept happen as for any way.
        """
        if self.host_login is not None:
            self.host_login()
            return
        attempt = self._open_browser()
        if attempt is None:
            return
        store = self._store if self.remember.isChecked() else None
        run_in_background(
            lambda: self._complete(attempt, store),
            lambda session: self._attempt_succeeded(attempt, session),
            lambda text: self._attempt_failed(attempt, text),
            parent=self,
            doing=tr("log in with the browser"),
        )

    def _open_browser(self) -> BrowserLogin | None:
        """Starts an attempt and shows its URL; on a problem shows it, emits `failed`, and returns None."""
        self.cancel_login()
        problem = self.validate()
        if problem:
            self._fail(problem)
            return None
        attempt = BrowserLogin(self.config(), self.ca_bundle)
        try:
            attempt.start()
        except OAuthError as exc:
            self._fail(failure_text(exc, tr("log in with the browser")))
            return None
        self._attempt = attempt
        url = attempt.launch_url  # loopback: redirects to Salesforce, keeps `state` off argv
        self.url_edit.setText(url)
        self._show_waiting(True)
        if not QDesktopServices.openUrl(QUrl(url)):
            # The URL goes to the clipboard too: a dialog may have disabled this page meanwhile.
            QGuiApplication.clipboard().setText(url)
            self.status_label.setText(
                tr(
                    "No browser opened: the login URL is on the clipboard. Paste it "
                    "into your browser's address bar and log in there."
                )
            )
        return attempt

    def _complete(self, attempt: BrowserLogin, store: TokenStore | None) -> OrgSession:
        """Pool thread: wait for the browser's redirect, then log in with its tokens."""
        tokens = attempt.wait(self.wait_seconds)
        return login_with_oauth_tokens(tokens, attempt.config, self.ca_bundle, store=store)

    def cancel_login(self) -> None:
        """Stops waiting and frees the callback port (safe when nothing is running)."""
        attempt, self._attempt = self._attempt, None
        if attempt is not None:
            attempt.cancel()
            self._show_waiting(False)
            self.status_label.setText(tr("Login cancelled."))

    def _attempt_succeeded(self, attempt: object, session: object) -> None:
        if attempt is not self._attempt:
            return  # cancelled meanwhile
        self._attempt = None
        self._show_waiting(False)
        self.status_label.setText(
            tr("Logged in as {username}.").format(username=getattr(session, "username", ""))
        )
        self._save_settings(getattr(session, "username", ""))
        self.logged_in.emit(session)

    def _attempt_failed(self, attempt: object, text: str) -> None:
        if attempt is not self._attempt:
            return
        self._attempt = None
        self._fail(text)

    def _fail(self, text: str) -> None:
        text = shown(text)  # a core sentence in the window's language (other text as it is)
        self._show_waiting(False)
        self.status_label.setText(text)
        self.failed.emit(text)

    def _show_waiting(self, waiting: bool) -> None:
        for widget in (
            self.environment,
            self.my_domain,
            self.client_id,
            self.callback_port,
            self.login_button,
        ):
            widget.setEnabled(not waiting)
        if not waiting:
            self._environment_changed()
        self.remember.setEnabled(not waiting and not self._keyring_problem)
        self.cancel_button.setVisible(waiting)
        self._form_layout.setRowVisible(self._url_row, waiting)  # the label too, not just the field
        self.url_edit.setVisible(waiting)
        self.copy_button.setVisible(waiting)
        if waiting:
            self.status_label.setText(
                tr(
                    "Waiting for you to log in in your browser… If Salesforce shows "
                    "redirect_uri_mismatch, the callback port differs from your "
                    "External Client App's callback URL."
                )
            )
        elif self._keyring_problem:
            self.status_label.setText(self._keyring_problem)

    def _copy_url(self) -> None:
        QGuiApplication.clipboard().setText(self.url_edit.text())
        self.status_label.setText(tr("URL copied: paste it into your browser's address bar."))

    def hideEvent(self, event: QHideEvent) -> None:
        """A closed dialog must not keep the callback port open."""
        self.cancel_login()
        super().hideEvent(event)

    # --- the login dialog's own "Log in" button ----------------------------------------------
    def login_call(self, ca_bundle: str | None) -> LoginCall:
        """For `LoginDialog`: opens the browser now; the returned call waits (off the GUI thread)."""
        if ca_bundle is not None:
            self.ca_bundle = ca_bundle
        attempt = self._open_browser()
        if attempt is None:
            text = self.status_label.text()
            return lambda: _raise(text)
        store = self._store if self.remember.isChecked() else None
        return lambda: self._complete(attempt, store)

    def login_finished(self, session: Any, failure: str) -> None:
        """The dialog's run of the login call ended: show it like a login started here."""
        if self._attempt is None:
            return  # cancelled meanwhile
        if session is not None:
            self._attempt_succeeded(self._attempt, session)
        else:
            self._attempt_failed(self._attempt, failure)

    def resume_call(self) -> LoginCall | None:
        """A login call from the remembered keyring copy (no browser), or None when nothing is
        remembered. Run it off the GUI thread, like any `login_call`."""
        if self._settings is None or self._keyring_problem:
            return None
        remembered = remembered_login(self._settings)
        if remembered is None:
            return None
        (config, key), store, ca_bundle = remembered, self._store, self.ca_bundle
        return lambda: resume_remembered(config, key, store, ca_bundle)

    def forget_remembered(self) -> None:
        """After logging out: the box is unticked, so the next login is not kept unless asked,
        and the last login's "Logged in as …" is gone."""
        self.remember.setChecked(False)
        self.status_label.setText(self._keyring_problem)

    # --- settings (never a token) ---------------------------------------------------------------
    def _restore_settings(self) -> None:
        if self._settings is None:
            return
        settings = self._settings
        login_url = settings.get(keys.BROWSER_LOGIN_URL)
        if login_url:
            self.configure(login_url, settings.get(keys.BROWSER_CLIENT_ID) or "")
        port = settings.get(keys.BROWSER_CALLBACK_PORT)
        if port is not None and port > 0:
            self.callback_port.setValue(port)
        self._restore_remember()

    def _restore_remember(self) -> None:
        if self._settings is not None and self.remember.isEnabled():
            self.remember.setChecked(bool(self._settings.get(keys.BROWSER_REMEMBER)))

    def _save_settings(self, username: str) -> None:
        if self._settings is None:
            return
        remember, settings = self.remember.isChecked(), self._settings
        settings.set(keys.BROWSER_LOGIN_URL, self.login_url())
        settings.set(keys.BROWSER_CLIENT_ID, self.client_id.text().strip())
        settings.set(keys.BROWSER_CALLBACK_PORT, self.callback_port.value())
        settings.set(keys.BROWSER_REMEMBER, remember)
        settings.set(
            keys.BROWSER_ORG_KEY, org_key(normalise_login_url(self.login_url()), username) if remember else ""
        )


def _edit(parent: QWidget, name: str, placeholder: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    return edit


def _raise(text: str) -> Any:
    raise LoginError(text)


__all__ = ["DEFAULT_PORT", "BrowserLoginPage", "clear_remembered", "remembered_login"]
