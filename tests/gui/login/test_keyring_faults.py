"""A keyring that hangs or is missing must not freeze or kill the GUI: "Remember me" is off
with the reason shown."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from memory_keyring import StuckKeyring
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from syncerr_gui.core.auth.token_store import TokenStore
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.login.login_dialog import LoginDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture()
def stuck() -> Iterator[StuckKeyring]:
    backend = StuckKeyring()
    yield backend
    backend.release()


def test_a_stuck_keyring_leaves_the_login_dialog_usable_and_says_it_timed_out(
    qtbot: QtBot, tmp_path: Path, stuck: StuckKeyring
) -> None:
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    dialog = LoginDialog(settings, token_store=TokenStore(backend=stuck, timeout=1.0))
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.page("browser")
    # The keyring has not answered (it answers only at release), yet the dialog is built and takes typing.
    assert not stuck.answer.is_set()
    assert not page.remember.isEnabled()
    assert "Checking" in page.status_label.text()
    qtbot.keyClicks(page.client_id, "3MVG9client")
    assert page.client_id.text() == "3MVG9client"
    qtbot.waitUntil(lambda: "did not answer" in page.status_label.text(), timeout=15000)
    assert not page.remember.isEnabled() and not page.remember.isChecked()
    assert "did not answer" in page.remember.toolTip()


_NO_KEYRING = """
import sys
{block}
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.login.login_dialog import LoginDialog
from syncerr_gui.gui.main_window import MainWindow  # the window's imports must not need keyring
dialog = LoginDialog(AppSettings(QSettings(sys.argv[1], QSettings.Format.IniFormat)))
page = dialog.page("browser")
print("enabled=" + str(page.remember.isEnabled()))
print("status=" + page.status_label.text())
"""

_BLOCKS = {
    "missing": "sys.modules['keyring'] = None  # import keyring -> ImportError",
    "broken": textwrap.dedent(
        """
        class Broken:
            def find_spec(self, name, path=None, target=None):
                if name == 'keyring' or name.startswith('keyring.'):
                    raise OSError('a broken keyring back end')
        sys.meta_path.insert(0, Broken())
        """
    ),
}


@pytest.mark.parametrize("fault", sorted(_BLOCKS))
def test_without_an_importable_keyring_the_gui_starts_with_remember_me_off(
    fault: str, tmp_path: Path
) -> None:
    script = _NO_KEYRING.format(block=_BLOCKS[fault])
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "s.ini")],
        check=False,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "enabled=False" in done.stdout
    assert "Remember me" in done.stdout and "keyring" in done.stdout
    assert "Traceback" not in done.stderr
