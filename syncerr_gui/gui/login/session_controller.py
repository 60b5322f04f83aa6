"""The login session over the app's lifetime: start-up with a remembered login, log out.

The main window owns the session; this controller does what happens around it, so the
window stays a thin view:

- at start-up, a login kept with "Remember me" is resumed from the OS keyring (refresh
  token -> access token) off the GUI thread, before any login dialog; when that fails the
  reason is said in words and the login dialog opens;
- the login dialog is prepared (with `--demo`, the browser page points at the demo org);
- logging out revokes the tokens at Salesforce off the GUI thread, deletes the keyring copy
  and clears the remember flag.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStatusBar

from syncerr_gui.core.auth.session import OrgSession
from syncerr_gui.core.auth.token_store import TokenStore
from syncerr_gui.gui import settings_keys as keys
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.i18n import QT_TR_NOOP, shown, tr
from syncerr_gui.gui.login.browser_login_page import BrowserLoginPage, clear_remembered, remembered_login
from syncerr_gui.gui.login.login_dialog import LoginDialog
from syncerr_gui.gui.login.login_worker import AdminCheckCall, LoginOutcome, log_in_and_check, log_out_words
from syncerr_gui.gui.tasks import BackgroundTask, run_in_background

logger = logging.getLogger(__name__)

RESUMING = QT_TR_NOOP("Logging in with your saved login…")
RESUME_FAILED = QT_TR_NOOP("Logging in with your saved login did not work. {reason}")


class SessionHost(Protocol):
    """What the controller uses of the main window, and nothing more."""

    @property
    def session(self) -> OrgSession | None: ...

    @property
    def status(self) -> QStatusBar: ...

    @property
    def login_dialog(self) -> LoginDialog | None: ...

    def show_login(self) -> LoginDialog: ...

    def set_session(self, session: OrgSession, sync: bool = False) -> None: ...


class SessionController(QObject):
    """Resumes a remembered login, prepares the login dialog, logs out.

    `window` is the MainWindow, seen through `SessionHost`.
    `token_store` is for tests; by default the OS keyring (`keyring.get_keyring()`) is used.

    Signals:
        resume_finished(bool, str): the remembered login worked (True) or not (False, why).
        logged_out(str): the tokens were revoked and forgotten (or why revoking failed).
    """

    resume_finished = Signal(bool, str)
    logged_out = Signal(str)

    def __init__(
        self,
        window: SessionHost,
        settings: AppSettings,
        *,
        parent: QObject | None = None,
        ca_bundle: str | None = None,
        check_admin: AdminCheckCall | None = None,
        token_store: TokenStore | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = window
        self._settings = settings
        self._ca_bundle = ca_bundle
        self._check_admin = check_admin
        self._store = token_store if token_store is not None else TokenStore()
        self._resume: BackgroundTask[LoginOutcome] | None = None
        self.demo_org: Callable[[], Any] | None = None  # set with --demo: the browser page points there

    # --- start-up ---------------------------------------------------------------------------
    @property
    def is_resuming(self) -> bool:
        return self._resume is not None

    def start(self) -> bool:
        """At start-up: resume the remembered login (True), or open the login dialog (False)."""
        from syncerr_gui.core.auth.renewal import resume_remembered

        remembered = remembered_login(self._settings)
        if remembered is None:
            self._window.show_login()
            return False
        (config, key), store, ca_bundle, check = remembered, self._store, self._ca_bundle, self._check_admin
        self._window.status.showMessage(tr(RESUMING))
        logger.info("resuming the remembered login")
        self._resume = run_in_background(
            lambda: log_in_and_check(lambda: resume_remembered(config, key, store, ca_bundle), check),
            self._resumed,
            self._resume_failed,
            parent=self,
            doing=tr("log in with your saved login"),
        )
        return True

    def _resumed(self, outcome: LoginOutcome) -> None:
        if not outcome.is_admin:
            self._resume_failed(outcome.refusal())
            return
        self._resume = None
        session = outcome.session
        if self._window.session is not None:  # the user logged in another way meanwhile
            logger.info("remembered login finished after another login; not used")
            return
        self._window.status.showMessage(
            tr("Logged in as {username} with your saved login.").format(username=session.username), 10000
        )
        self._window.set_session(session, sync=True)
        self.resume_finished.emit(True, "")

    def _resume_failed(self, text: str) -> None:
        self._resume = None
        words = tr(RESUME_FAILED).format(reason=shown(text))
        logger.info("the remembered login could not be used")
        self._window.status.showMessage(words, 30000)
        if self._window.session is None:
            dialog = self._window.show_login()
            dialog.error_label.setText(words)
        self.resume_finished.emit(False, words)

    # --- the login dialog -------------------------------------------------------------------
    def prepare_login_dialog(self, dialog: LoginDialog) -> None:
        """Called once per new dialog: with `--demo`, point the browser page at the demo org."""
        page = dialog.page("browser")
        if not isinstance(page, BrowserLoginPage) or self.demo_org is None:
            return
        try:
            org = self.demo_org()
        except Exception as exc:  # noqa: BLE001 - the demo org failing must not stop the real ways to log in
            logger.warning("demo org unavailable for the browser login: %s", type(exc).__name__)
            return
        page.configure(org.instance_url, org.oauth_client_id, str(org.ca_path))
        port = getattr(getattr(org, "config", None), "oauth_callback_port", None)
        if port:  # this demo org's External Client App accepts one callback port only
            page.callback_port.setValue(int(port))

    # --- log out ----------------------------------------------------------------------------
    def log_out(self, session: OrgSession | None) -> None:
        """Revoke `session`'s tokens (off the GUI thread), delete the saved copy, clear remember.

        The window forgets the session itself; `logged_out` reports when Salesforce answered.
        """
        key = self._settings.get(keys.BROWSER_ORG_KEY) or ""
        clear_remembered(self._settings)
        dialog = self._window.login_dialog
        page = dialog.page("browser") if dialog is not None else None
        if isinstance(page, BrowserLoginPage):
            page.forget_remembered()
        if session is None and not key:
            return
        store = self._store
        self._window.status.showMessage(tr("Logging out…"))
        run_in_background(
            lambda: log_out_words(session, store, key),
            self._logged_out,
            self._logged_out,
            parent=self,
            doing=tr("log out"),
        )

    def _logged_out(self, text: str) -> None:
        self._window.status.showMessage(text, 15000)
        logger.info("log out finished")
        self.logged_out.emit(text)
