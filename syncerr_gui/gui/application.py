"""QApplication set-up and the command line: logging, exception hook, --demo and --screenshot.

`main(argv)` is called by `syncerr_gui.app.main` for everything but `export`.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QProcess, QSettings, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from syncerr_gui import APP_ID, APP_NAME, ORG_NAME, __version__
from syncerr_gui.core.file_modes import secure_folder
from syncerr_gui.gui import settings_keys as keys
from syncerr_gui.gui.app_logging import configure_logging
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.demo_launcher import DemoLauncher
from syncerr_gui.gui.exception_hook import ExceptionHook
from syncerr_gui.gui.i18n import (
    InstalledLanguage,
    app_name,
    chosen_language,
    install_language,
    remove_language,
)

logger = logging.getLogger(__name__)

DEFAULT_DEMO_ERRORS = 5000


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """The GUI's command line."""
    parser = argparse.ArgumentParser(
        prog="main.py",
        description=f"{APP_NAME}: see, filter and "
        "export every error of your Salesforce org's data-sync jobs.",
        epilog="Without a window: `main.py export --out errors.csv …` syncs and writes the errors "
        "as CSV (for scheduled jobs); `main.py export --help` lists its options.",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start the built-in demo org on this computer and open it, logged in",
    )
    parser.add_argument(
        "--demo-errors",
        type=int,
        default=DEFAULT_DEMO_ERRORS,
        metavar="N",
        help=f"record-level errors in the demo org (default {DEFAULT_DEMO_ERRORS})",
    )
    parser.add_argument(
        "--screenshot",
        metavar="FILE",
        help="with --demo: sync, show a row's details, save the window as FILE, exit",
    )
    parser.add_argument(
        "--size",
        type=_window_size,
        default=None,
        metavar="WxH",
        help="with --screenshot: the window's size in pixels (default 1280x800), e.g. 1440x900",
    )
    parser.add_argument(
        "--shoot",
        choices=("window", "fix-reload", "confirm-reload"),
        default="window",
        help="with --screenshot: what to save (default the window; or the Fix and reload dialog "
        "or its confirmation, on the biggest group)",
    )
    parser.add_argument("--ca-bundle", metavar="PEM", help="trust this CA bundle for the org's HTTPS")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="keep the error archive in DIR (default: the user's data folder; with --demo: "
        "the demo's own folder beside it, kept between runs; with --screenshot: a temporary one)",
    )
    parser.add_argument("--verbose", action="store_true", help="log debug details to stderr too")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    args = parser.parse_args(list(argv))
    if args.screenshot and not args.demo:
        parser.error("--screenshot needs --demo")
    if args.size and not args.screenshot:
        parser.error("--size needs --screenshot")
    return args


def _window_size(text: str) -> tuple[int, int]:
    """`1440x900` -> (1440, 900); argparse names a bad value."""
    match = re.fullmatch(r"\s*(\d{3,5})\s*[xX×]\s*(\d{3,5})\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1440x900, not {text!r}")
    return int(match.group(1)), int(match.group(2))


def app_icon() -> QIcon:
    """The app icon in every size that ships."""
    from syncerr_gui.resources import app_icon_paths

    icon = QIcon()
    for path in app_icon_paths():
        icon.addFile(str(path))
    return icon


def make_application(argv: Sequence[str]) -> QApplication:
    """The one QApplication, named so QSettings and log folders land in the right place."""
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_ID)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_ID, *argv])
    assert isinstance(app, QApplication)
    app.setApplicationDisplayName(APP_NAME)  # start_language puts it in the window's language
    app.setWindowIcon(app_icon())
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    return app


def start_language(app: QApplication, settings: AppSettings) -> InstalledLanguage:
    """The window's language, before any window is built: the admin's choice (View ›
    Language), else the system's; the app's display name (the end of every title) in it."""
    language = chosen_language(settings.get(keys.LANGUAGE), QLocale.system())
    installed = install_language(app, language)
    app.setApplicationDisplayName(app_name())
    logger.info("window language: %s", installed.language)
    return installed


def restart_command() -> tuple[str, list[str]]:
    """The program and arguments that started this app (for View › Language › Restart now)."""
    if getattr(sys, "frozen", False):  # the bundled app: its executable is the program
        return sys.executable, list(sys.argv[1:])
    return sys.executable, list(sys.orig_argv[1:])


def relaunch() -> bool:
    """Start the app again as it was started (this one has closed its window and archive)."""
    program, arguments = restart_command()
    started = QProcess.startDetached(program, arguments, os.getcwd())
    ok = bool(started[0] if isinstance(started, tuple) else started)
    if not ok:
        logger.warning("could not start the app again (%s)", program)
    return ok


def _qt_message(mode: QtMsgType, context: object, message: str) -> None:
    """Qt's own messages go to the log, at the matching level."""
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(mode, logging.ERROR)
    logging.getLogger("qt").log(level, "%s", message)


def main(argv: Sequence[str]) -> int:
    """Run the desktop app; returns the exit code."""
    args = parse_args(argv)
    configure_logging(verbose=args.verbose)
    qInstallMessageHandler(_qt_message)
    app = make_application([])
    settings_file = Path(QSettings().fileName())  # an older version left it 0644 in a 0755 folder
    if problem := secure_folder(settings_file.parent, settings_file.name):
        logger.warning("%s", problem)
    from syncerr_gui.gui.main_window import MainWindow

    settings = _settings_for(args)
    language = start_language(app, settings)
    demo = DemoLauncher(record_errors=args.demo_errors)
    app.aboutToQuit.connect(demo.stop)
    window = MainWindow(settings, demo_session=demo.session, ca_bundle=args.ca_bundle)
    from syncerr_gui.gui.archive.archive_support import archive_dir_for

    folder, temporary = archive_dir_for(args.data_dir, args.demo, screenshot=bool(args.screenshot))
    window.archive.open(folder, temporary, remember_org=not args.demo)  # shows the last org's archive
    hook = ExceptionHook(lambda: window)
    hook.install()
    try:
        code = _run(app, window, demo, args)
    finally:
        hook.uninstall()
        demo.stop()
        remove_language(app, language)
    if window.restart_requested and not args.screenshot:
        relaunch()
    return code


def _settings_for(args: argparse.Namespace) -> AppSettings:
    """The user's settings; a throw-away file for --screenshot, so the picture is the default
    layout and the user's remembered layout is left alone."""
    if not args.screenshot:
        return AppSettings()
    folder = tempfile.mkdtemp(prefix="syncerr-screenshot-")
    return AppSettings(QSettings(os.path.join(folder, "settings.ini"), QSettings.Format.IniFormat))


def _run(app: QApplication, window: object, demo: DemoLauncher, args: argparse.Namespace) -> int:
    from syncerr_gui.gui.main_window import MainWindow
    from syncerr_gui.gui.screenshot import Screenshotter

    assert isinstance(window, MainWindow)
    window.show()
    if not args.demo:
        # A login kept with "Remember me" is resumed first; otherwise the login dialog opens.
        window.session_controller.start()
        return app.exec()
    window.session_controller.demo_org = demo.get  # the browser login page points at it too
    try:
        window.set_session(demo.session())
    except Exception as exc:
        logger.exception("could not start the demo org")
        print(f"Could not start the demo org: {exc}", file=sys.stderr)
        return 1
    shooter = Screenshotter(window, args.screenshot, args.size, args.shoot) if args.screenshot else None
    if shooter is not None:
        shooter.watch()
    window.sync_now()
    code = app.exec()
    return shooter.exit_code if shooter is not None else code
