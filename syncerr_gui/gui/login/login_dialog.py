"""The login dialog: a list of ways to log in, one page each, with the login run off the GUI thread.

After a successful login the admin check runs too; a non-admin is refused in the dialog with
the permission that is missing. The result is `dialog.session` (an OrgSession).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from syncerr_gui.core.salesforce.http import set_app_proxy
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.i18n import shown, tr
from syncerr_gui.gui.login.login_pages import DemoLoginPage, LoginPage, PasswordLoginPage, TokenLoginPage
from syncerr_gui.gui.login.login_worker import AdminCheckCall, LoginFailure, LoginOutcome, try_log_in
from syncerr_gui.gui.login.network_options import NetworkOptions
from syncerr_gui.gui.login.next_steps import (
    CERTIFICATE,
    NOT_ADMIN,
    PROXY,
    NextStep,
    next_step,
    with_advice,
)
from syncerr_gui.gui.plain_text import plain_label
from syncerr_gui.gui.tasks import BackgroundTask, run_in_background

logger = logging.getLogger(__name__)


class LoginDialog(QDialog):
    """Asks how to log in, logs in in the background, checks admin rights; `session` on accept.

    Signals: login_failed(str) with the words shown in the dialog.
    """

    login_failed = Signal(str)

    def __init__(
        self,
        settings: AppSettings,
        parent: QWidget | None = None,
        *,
        demo_session: Callable[[], Any] | None = None,
        ca_bundle: str | None = None,
        check_admin: AdminCheckCall | None = None,
        token_store: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self._token_store = token_store  # the browser page's keyring (tests); default: the OS one
        self.setWindowTitle(tr("Log in — {app}").format(app=tr("Salesforce Sync Errors")))
        self.session: Any = None
        self._settings = settings
        self._ca_bundle = ca_bundle
        self._check_admin = check_admin
        self._attempt: BackgroundTask[Any] | None = None
        self._build()
        self._add_browser_page()
        self.add_page(TokenLoginPage(self))
        self.add_page(PasswordLoginPage(self))
        if demo_session is not None:
            self.add_page(DemoLoginPage(demo_session, self))
        self._restore()

    # --- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.ways = QListWidget(self)
        self.ways.setObjectName("waysList")
        self.ways.setMaximumWidth(190)
        self.pages = QStackedWidget(self)
        self.ways.currentRowChanged.connect(self._way_changed)
        self.error_label = plain_label(parent=self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy = QProgressBar(self)
        self.busy.setObjectName("busyIndicator")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy.hide()
        self.network = NetworkOptions(self)
        self.buttons = QDialogButtonBox(self)
        self.login_button = QPushButton(tr("Log in"), self)
        self.login_button.setObjectName("loginButton")
        self.login_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.login_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.login_button.clicked.connect(self.start_login)
        self.cancel_button.clicked.connect(self._cancel_clicked)
        top = QHBoxLayout()
        top.addWidget(self.ways)
        top.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.network)
        layout.addWidget(self.error_label)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.resize(760, 480)

    def _add_browser_page(self) -> None:
        """OAuth with PKCE in the system browser: the way that outlives password login."""
        try:
            from syncerr_gui.gui.login.browser_login_page import BrowserLoginPage
        except ImportError as exc:  # a build without the OAuth parts still logs in other ways
            logger.warning("browser login unavailable: %s", exc)
            return
        page = BrowserLoginPage(
            self, ca_bundle=self._ca_bundle, settings=self._settings, token_store=self._token_store
        )
        page.host_login = self.start_login  # its own button then logs in through this dialog
        self.add_page(page)

    def add_page(self, page: LoginPage) -> None:
        """Add a way to log in (the browser/OAuth page plugs in here)."""
        self.pages.addWidget(page)
        self.ways.addItem(page.shown_title())
        if self.ways.currentRow() < 0:
            self.ways.setCurrentRow(0)

    def page(self, way: str) -> LoginPage | None:
        """The page for `way` ("demo", "token", "password", …), if present."""
        for i in range(self.pages.count()):
            widget = self.pages.widget(i)
            if isinstance(widget, LoginPage) and widget.way == way:
                return widget
        return None

    def select_way(self, way: str) -> None:
        """Show the page for `way` (no-op when absent)."""
        page = self.page(way)
        if page is not None:
            self.ways.setCurrentRow(self.pages.indexOf(page))

    def current_page(self) -> LoginPage:
        page = self.pages.currentWidget()
        assert isinstance(page, LoginPage)
        return page

    def _way_changed(self, row: int) -> None:
        self.pages.setCurrentIndex(row)
        self.error_label.clear()

    # --- login ----------------------------------------------------------------------------
    @property
    def is_busy(self) -> bool:
        return self._attempt is not None

    def start_login(self) -> None:
        """Validate the current page and run its login in the background."""
        if self.is_busy:
            return
        page = self.current_page()
        problem = page.validate() or self.network.validate()
        if problem:
            self.error_label.setText(shown(problem))
            return
        set_app_proxy(self.network.proxy())  # sessions made by this login go through it
        ca_bundle = self.network.ca_bundle() or self._ca_bundle
        login, check_admin = page.login_call(ca_bundle), self._check_admin
        self._set_busy(True)
        self.error_label.setText(tr("Logging in…"))
        self._attempt = run_in_background(
            lambda: try_log_in(login, check_admin),
            self._logged_in,
            self._login_failed,
            parent=self,
            doing=tr("log in"),
        )

    def _set_busy(self, busy: bool) -> None:
        """While a login runs, no other way can be started; a page that needs to stay usable
        meanwhile (the browser page's URL, Copy and Cancel) keeps itself enabled and disables
        its own inputs."""
        self.busy.setVisible(busy)
        self.login_button.setEnabled(not busy)
        self.ways.setEnabled(not busy)
        current = self.pages.currentWidget()
        keep = busy and isinstance(current, LoginPage) and current.usable_while_busy
        for i in range(self.pages.count()):
            page = self.pages.widget(i)
            if page is not None:
                page.setEnabled(not busy or (keep and page is current))

    def _finish_attempt(self) -> None:
        self._attempt = None
        self._set_busy(False)

    def _logged_in(self, outcome: LoginOutcome | LoginFailure) -> None:
        if isinstance(outcome, LoginFailure):
            self._login_failed(outcome.text, outcome.code)
            return
        self.current_page().login_finished(outcome.session, "")
        if outcome.is_admin:
            self._succeeded(outcome.session)
        else:
            step = next_step(NOT_ADMIN, "")
            self._failed(with_advice(shown(outcome.refusal()), step), step)

    def _succeeded(self, session: Any) -> None:
        self._finish_attempt()
        self.error_label.clear()  # no stale "Logging in…" when the dialog opens again after log out
        self.session = session
        page = self.current_page()
        self._settings.save_last_login(way=page.way, **page.remembered())
        self.network.save(self._settings, str(getattr(session, "org_id", "") or ""))
        logger.info("logged in as %s", getattr(session, "username", "?"))
        self.accept()

    def _login_failed(self, text: str, code: str = "") -> None:
        step = next_step(code, text, self._log_file())  # on the English words (a Words is English)
        text = with_advice(shown(text), step)
        self.current_page().login_finished(None, text)  # the browser page shows the same words
        self._failed(text, step)

    def _failed(self, text: str, step: NextStep) -> None:
        """Say what failed and what to do next, and put the cursor where the fix goes."""
        self._finish_attempt()
        self.error_label.setText(text)
        if step.field in (CERTIFICATE, PROXY):
            self.network.focus_field(step.field)
        elif step.field:
            self.current_page().focus_field(step.field)
        self.login_failed.emit(text)

    @staticmethod
    def _log_file() -> str:
        from syncerr_gui.gui.app_logging import log_dir

        return str(log_dir() / "app.log")

    def _cancel_clicked(self) -> None:
        if self._attempt is not None:
            self._abandon_attempt()
            self.error_label.setText(tr("Login cancelled."))
        else:
            self.reject()

    def _abandon_attempt(self) -> None:
        if self._attempt is not None:
            self._attempt.abandon()  # an abandoned attempt delivers nothing
            self.current_page().cancel_login()
            self._finish_attempt()

    def reject(self) -> None:
        """Escape / Cancel: also stop listening to an attempt in flight."""
        self._abandon_attempt()
        super().reject()

    def clear_secrets(self) -> None:
        """Empty the password, security token and access token fields of every page."""
        for i in range(self.pages.count()):
            page = self.pages.widget(i)
            if isinstance(page, LoginPage):
                page.clear_secrets()
        self.error_label.clear()

    def _restore(self) -> None:
        self.network.restore(self._settings)
        remembered = self._settings.last_login()
        for i in range(self.pages.count()):
            page = self.pages.widget(i)
            if isinstance(page, LoginPage):
                page.restore(remembered)
        if remembered.get("way"):
            self.select_way(remembered["way"])
