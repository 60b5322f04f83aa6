"""What a new admin reads on the first run: --help, the demo org's users, the demo's history."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from syncerr_gui.core.archive.data_dirs import default_data_dir
from syncerr_gui.gui.archive.archive_support import archive_dir_for

ROOT = Path(__file__).resolve().parents[2]


def test_help_names_the_headless_export() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--help"],
        check=False,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0
    assert "main.py export --out errors.csv" in result.stdout and "export --help" in result.stdout
    assert "--size" in result.stdout  # the screenshot's size, e.g. 1440x900


def test_the_demo_org_prints_its_three_users_with_their_roles() -> None:
    command = [sys.executable, "-m", "syncerr_gui.demo_org", "--errors", "40", "--jobs", "2"]
    lines: list[str] = []
    with subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True) as child:
        try:
            assert child.stdout is not None
            for line in child.stdout:
                lines.append(line.rstrip("\n"))
                if line.startswith("Serving until"):
                    break
        finally:
            child.send_signal(signal.SIGTERM)
            child.wait(30)
    users = {line.split(":", 1)[0]: line for line in lines if " user:" in line}
    assert set(users) == {"Admin user", "Non-admin user", "Locked user"}
    assert "admin: may use the app" in users["Admin user"]
    assert "not an admin" in users["Non-admin user"] and "locked out" in users["Locked user"]
    assert all("password " in line and "security token " in line for line in users.values())


def test_the_demo_keeps_its_archive_in_its_own_folder_between_runs_but_a_screenshot_does_not() -> None:
    folder, temporary = archive_dir_for(None, demo=True)
    assert folder == default_data_dir() / "demo" and not temporary  # the second run shows history
    shot, shot_temporary = archive_dir_for(None, demo=True, screenshot=True)
    assert shot_temporary and shot != folder
    assert archive_dir_for("/some/dir", demo=True) == (Path("/some/dir"), False)
