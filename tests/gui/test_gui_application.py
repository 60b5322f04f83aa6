"""The app as a user starts it: `main.py --demo --screenshot FILE` in its own process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def _run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
    )
    return subprocess.run(  # noqa: PLW1510 - callers read the exit code
        [sys.executable, str(ROOT / "main.py"), *args],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=240,
    )


def test_demo_screenshot_shows_the_filled_window(tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    done = _run(["--demo", "--demo-errors", "400", "--screenshot", str(shot)], tmp_path)
    assert done.returncode == 0, done.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 800)
    log = next((tmp_path / "state").rglob("*.log"))
    assert "demo org started" in log.read_text(encoding="utf-8")


def test_screenshot_without_demo_is_refused_with_a_message(tmp_path: Path) -> None:
    done = _run(["--screenshot", str(tmp_path / "x.png")], tmp_path)
    assert done.returncode == 2
    assert "--screenshot needs --demo" in done.stderr
