"""File › Export CSV… over a read-only file asks first, and a file that cannot be written is
said before anything is written. Driven against the loopback demo org (real HTTPS)."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from unittest.mock import patch

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.export_flow import PLAIN_FILTER
from syncerr_gui.gui.main_window import MainWindow

pytestmark = [
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)"),
    pytest.mark.skipif(os.name != "posix", reason="POSIX modes"),
]


@pytest.fixture()
def synced(qtbot, tmp_path: Path, demo_org) -> MainWindow:
    from syncerr_gui.demo_org.connect import demo_session

    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(
        settings, demo_session=lambda: demo_session(demo_org), ca_bundle=str(demo_org.ca_path)
    )
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.sync_ended, timeout=60_000):
        window.set_session(demo_session(demo_org), sync=True)
    return window


def _visible_box(window: MainWindow, words: str) -> QMessageBox:
    boxes = [b for b in window.findChildren(QMessageBox) if words in b.text() and b.isVisible()]
    assert boxes, f"no box says {words!r}"
    return boxes[-1]


def _export_to(window: MainWindow, target: Path) -> None:
    with patch(
        "syncerr_gui.gui.export_flow.QFileDialog.getSaveFileName", return_value=(str(target), PLAIN_FILTER)
    ):
        window.actions_.export.trigger()


def test_a_read_only_file_is_replaced_only_when_the_user_says_so_and_stays_read_only(
    qtbot, synced: MainWindow, tmp_path: Path
) -> None:
    target = tmp_path / "errors.csv"
    target.write_text("keep me\n")
    target.chmod(0o444)
    _export_to(synced, target)
    box = _visible_box(synced, "read-only")
    assert target.read_text() == "keep me\n"  # nothing written before the answer
    with qtbot.waitSignal(synced.export_ended, timeout=30_000) as ended:
        qtbot.mouseClick(box.findChild(QPushButton, "ReplaceButton"), Qt.MouseButton.LeftButton)
    assert ended.args[0].startswith("Exported")
    assert target.read_text().startswith('"Failed On"') and stat.S_IMODE(target.stat().st_mode) == 0o444


def test_a_pipe_is_refused_in_words_before_writing(qtbot, synced: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "errors.csv"
    os.mkfifo(target)
    with qtbot.waitSignal(synced.export_ended, timeout=30_000) as ended:
        _export_to(synced, target)
    assert "not a regular file" in ended.args[0]
    assert "not a regular file" in _visible_box(synced, "not a regular file").text()
    assert stat.S_ISFIFO(target.lstat().st_mode)
