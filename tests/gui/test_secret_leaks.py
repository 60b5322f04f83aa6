"""No secret leaves the app: a whole session with verbose logging, then every file and record.

A password login (distinctive password and security token) and a browser login (its tokens
captured from the keyring, renewed during the sync), each followed by a sync with DEBUG
logging to the app's log file, stderr and a capturing handler; an unexpected error whose
message carries the secrets is shown by the exception hook; a CSV is exported through the
menu; the user logs out. Then every file written under the test's folders (settings, logs,
the exports, the error archive) and every log record are searched for every secret, as are
the repr()s of sessions and tokens.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from unittest.mock import patch
from urllib.parse import quote

import pytest
from memory_keyring import MemoryKeyring, installed
from oauth_helpers import ScriptedBrowser, free_port
from PySide6.QtCore import QSettings, QStandardPaths, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from syncerr_gui.core.auth.token_store import TokenStore, _decode
from syncerr_gui.gui import app_logging
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.exception_hook import ExceptionDialog, ExceptionHook
from syncerr_gui.gui.main_window import MainWindow

if TYPE_CHECKING:
    from syncerr_gui.demo_org import DemoOrg

SYNC_MS = 60_000


class RecordingKeyring(MemoryKeyring):
    """An in-memory keyring that keeps every value ever stored: each token the app held."""

    def __init__(self) -> None:
        super().__init__()
        self.history: list[str] = []

    def set_password(self, service: str, username: str, password: str) -> None:
        self.history.append(password)
        super().set_password(service, username, password)


class RawRecords(logging.Handler):
    """Sees each record before any redacting handler: what the app's code itself logged."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.texts: list[str] = []
        self.stderr = io.StringIO()  # what the app's own stderr handler wrote
        self._formatter = logging.Formatter("%(name)s %(message)s")

    def emit(self, record: logging.LogRecord) -> None:
        self.texts.append(self._formatter.format(record))


@pytest.fixture()
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every per-user folder the app could write to points into the test's folder."""
    root = tmp_path / "user"
    for name in ("CONFIG", "STATE", "DATA", "CACHE"):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(root / name.lower()))
    QStandardPaths.setTestModeEnabled(True)
    try:
        yield root
    finally:
        QStandardPaths.setTestModeEnabled(False)


@pytest.fixture()
def verbose_logging(folders: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[RawRecords]:
    """The app's own logging set-up at DEBUG (file + stderr), plus a raw capturing handler.

    The app's stderr handler is pointed at a buffer (`raw.stderr`) so the test reads what it wrote.
    """
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    urllib3_level = logging.getLogger("urllib3").level
    raw = RawRecords()
    root.handlers.insert(0, raw)
    monkeypatch.setattr(app_logging, "_configured", False)
    log_file = app_logging.configure_logging(verbose=True)
    assert log_file is not None and folders in log_file.parents
    for handler in root.handlers:
        if type(handler) is logging.StreamHandler and handler not in handlers:
            handler.setStream(raw.stderr)
    try:
        yield raw
    finally:
        for handler in [h for h in root.handlers if h not in handlers]:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)
        logging.getLogger("urllib3").setLevel(urllib3_level)


@pytest.fixture()
def recording_keyring() -> Iterator[RecordingKeyring]:
    with installed(RecordingKeyring()) as memory:
        yield memory


@pytest.fixture()
def org() -> Iterator[DemoOrg]:
    """Tokens die after twenty requests, so the tokens are renewed during each sync (of about
    fifty requests) while four workers never get twenty requests ahead of a retry."""
    from syncerr_gui.demo_org import DemoConfig, DemoOrg

    config = DemoConfig(
        record_errors=300,
        bulk2_jobs=20,
        classic_jobs=4,
        apex_jobs=4,
        oauth_callback_port=free_port(),
        expire_tokens_after=20,
    )
    with DemoOrg(config) as demo:
        yield demo


def _password_login(qtbot: QtBot, window: MainWindow, org: DemoOrg) -> None:
    dialog = window.show_login()
    dialog.select_way("password")
    page = dialog.current_page()
    qtbot.keyClicks(page.username, org.admin.username)
    qtbot.keyClicks(page.password, org.admin.password)
    qtbot.keyClicks(page.security_token, org.admin.security_token)
    page.environment.setCurrentIndex(page.environment.findData("custom"))
    qtbot.keyClicks(page.custom_domain, org.instance_url)
    with qtbot.waitSignal(window.sync_ended, timeout=SYNC_MS):
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert window.session.kind == "password" and not window.last_sync_error


def _browser_login(qtbot: QtBot, window: MainWindow, org: DemoOrg, monkeypatch: pytest.MonkeyPatch) -> None:
    browser = ScriptedBrowser(org, use_form=True)
    monkeypatch.setattr(
        QDesktopServices,
        "openUrl",
        staticmethod(lambda url: browser.open(bytes(QUrl(url).toEncoded().data()).decode())),
    )
    dialog = window.show_login()
    dialog.select_way("browser")
    page = dialog.current_page()
    page.remember.setChecked(True)
    with qtbot.waitSignal(window.sync_ended, timeout=SYNC_MS):
        qtbot.mouseClick(page.login_button, Qt.MouseButton.LeftButton)
    assert window.session.kind == "oauth" and not window.last_sync_error


def _raise_in_a_slot(qtbot: QtBot, window: MainWindow, secrets: list[str]) -> str:
    """A bug that puts secrets into an exception, raised inside a slot: the hook's dialog text."""
    hook = ExceptionHook(lambda: window)
    hook.install()
    try:

        def buggy_slot() -> None:
            raise RuntimeError(f"bug while using {window.session!r}: " + " / ".join(secrets))

        QTimer.singleShot(0, buggy_slot)
        qtbot.waitUntil(lambda: bool(hook.shown), timeout=10000)
    finally:
        hook.uninstall()
    dialog = hook.shown[-1]
    assert isinstance(dialog, ExceptionDialog) and "RuntimeError: bug while using" in dialog.report
    shown = dialog.findChild(QPlainTextEdit).toPlainText()
    dialog.copy_report()
    dialog.close()
    return shown


def _export(qtbot: QtBot, window: MainWindow, target: Path) -> None:
    with (
        patch(
            "syncerr_gui.gui.export_flow.QFileDialog.getSaveFileName",
            return_value=(str(target), "CSV files (*.csv)"),
        ),
        qtbot.waitSignal(window.export_ended, timeout=SYNC_MS) as done,
    ):
        window.actions_.export.trigger()
    assert done.args[0].startswith("Exported ")


def _tokens_of(recorded: RecordingKeyring) -> list[str]:
    found: list[str] = []
    for text in recorded.history:
        if not text.startswith("{"):
            continue  # the keyring probe's random value
        tokens = _decode(text)
        if tokens is not None:
            found += [tokens.access_token, tokens.refresh_token]
    return found


def _forms(secret: str) -> set[str]:
    """A secret as it could appear in a file: as is, URL-encoded, in a form body."""
    return {secret, quote(secret, safe=""), quote(secret)}


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


@pytest.mark.qt_no_exception_capture
def test_no_secret_reaches_files_logs_dialogs_or_reprs(
    qtbot: QtBot,
    folders: Path,
    verbose_logging: RawRecords,
    recording_keyring: RecordingKeyring,
    org: DemoOrg,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = AppSettings(QSettings(str(folders / "config" / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, ca_bundle=str(org.ca_path))
    window.session_controller.demo_org = lambda: org  # as with --demo: the browser page points there
    window.archive.open(folders / "data" / "archive")  # as with --data-dir: each sync is archived
    qtbot.addWidget(window)
    window.show()
    shown: list[str] = []
    reprs: list[str] = []
    exports = folders / "exports"
    exports.mkdir(parents=True)

    _password_login(qtbot, window, org)
    password_token = window.session.sf.session_id
    reprs += [repr(window.session), str(window.session)]
    shown.append(
        _raise_in_a_slot(qtbot, window, [org.admin.password, org.admin.security_token, password_token])
    )
    _export(qtbot, window, exports / "password-export.csv")
    window.actions_.logout.trigger()

    _browser_login(qtbot, window, org, monkeypatch)
    org.expire_sessions()  # the next sync meets a dead access token and renews it
    with qtbot.waitSignal(window.sync_ended, timeout=SYNC_MS):
        window.actions_.sync.trigger()
    assert not window.last_sync_error
    session = window.session
    reprs += [repr(session), str(session), repr(session.renewer)]
    oauth_tokens = _tokens_of(recording_keyring)
    assert len(set(oauth_tokens)) >= 3  # first access token, refresh token, a renewed access token
    saved = TokenStore().load(session.renewer.remembered_key)
    reprs += [repr(saved), str(saved)]
    shown.append(_raise_in_a_slot(qtbot, window, [oauth_tokens[0], oauth_tokens[1], session.sf.session_id]))
    _export(qtbot, window, exports / "oauth-export.csv")
    with qtbot.waitSignal(window.session_controller.logged_out, timeout=SYNC_MS):
        window.actions_.logout.trigger()
    window.close()
    settings.qsettings.sync()

    secrets = {
        "password": org.admin.password,
        "security token": org.admin.security_token,
        "password session id": password_token,
        "current access token": session.sf.session_id,
    }
    secrets.update({f"OAuth token #{i}": token for i, token in enumerate(oauth_tokens) if token})
    written = _files(folders)
    names = {p.name for p in written}
    assert {"settings.ini", "app.log", "password-export.csv", "oauth-export.csv"} <= names
    assert any(name.startswith("archive-") for name in names)
    assert any(
        "DEBUG" in p.read_text(encoding="utf-8", errors="replace") for p in written if p.suffix == ".log"
    )
    err = verbose_logging.stderr.getvalue()
    assert "DEBUG" in err  # the verbose stderr log ran too
    places = {str(p): p.read_bytes().decode("utf-8", errors="replace") for p in written}
    places.update(
        {
            "stderr": err,
            "raw log records": "\n".join(verbose_logging.texts),
            "error dialogs": "\n".join(shown),
            "reprs": "\n".join(reprs),
        }
    )
    assert len(verbose_logging.texts) > 50
    leaks = [
        f"{what} in {where}"
        for what, secret in secrets.items()
        for where, text in places.items()
        if any(form in text for form in _forms(secret))
    ]
    assert leaks == []
