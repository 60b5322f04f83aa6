"""What the app writes for itself is private to the user on a shared machine; exports are theirs.

The real app in its own process, started with the everyday umask 022 (which would make every
new file readable by all): the archive, its -wal and -shm, the log and the
settings must be 0600 in 0700 folders while it runs. Exports follow the user's own umask.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from syncerr_gui.core.archive.data_dirs import ARCHIVE_PREFIX
from syncerr_gui.core.file_modes import secure_folder

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SF_")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_DATA_HOME=str(home / "data"),
    )
    return env


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _wait_for(paths: list[Path], process: subprocess.Popen[bytes], seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while not all(p.exists() for p in paths):
        assert process.poll() is None, "the app ended early"
        assert time.monotonic() < deadline, [str(p) for p in paths if not p.exists()]
        time.sleep(0.2)


def _first_archive(data: Path, process: subprocess.Popen[bytes], seconds: float = 90) -> Path:
    deadline = time.monotonic() + seconds
    while not (found := sorted(data.glob(f"{ARCHIVE_PREFIX}*.sqlite3"))):
        assert process.poll() is None and time.monotonic() < deadline, "no archive was written"
        time.sleep(0.2)
    return found[0]


def test_the_running_app_keeps_archive_wal_shm_log_and_settings_private(tmp_path: Path) -> None:
    data = tmp_path / "archive"
    app = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--demo", "--demo-errors", "400", "--data-dir", str(data)],
        cwd=ROOT,
        env=_env(tmp_path),
        umask=0o022,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for([data], app)
        archive = _first_archive(data, app)
        files = [
            archive,
            Path(f"{archive}-wal"),
            Path(f"{archive}-shm"),
            tmp_path / "state" / "SalesforceSyncErrors" / "log" / "app.log",
            tmp_path / "config" / "SyncErrors" / "SalesforceSyncErrors.ini",
        ]
        _wait_for(files, app)
        modes = {str(p.relative_to(tmp_path)): oct(_mode(p)) for p in files}
        folders = {str(p.relative_to(tmp_path)): oct(_mode(p)) for p in {f.parent for f in files}}
    finally:
        app.terminate()  # the process this test started, by its handle
        app.wait(timeout=30)
    assert set(modes.values()) == {"0o600"}, modes
    assert set(folders.values()) == {"0o700"}, folders


def _export(tmp_path: Path, umask: int, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: PLW1510 - callers read the exit code
        [sys.executable, str(ROOT / "main.py"), "export", "--demo", *args],
        cwd=ROOT,
        env=_env(tmp_path),
        umask=umask,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize(("umask", "expected"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_an_export_follows_the_users_own_umask(tmp_path: Path, umask: int, expected: int) -> None:
    out = tmp_path / "errors.csv"
    done = _export(tmp_path, umask, "--out", str(out), "--data-dir", str(tmp_path / "data"))
    assert done.returncode == 0, done.stderr
    assert _mode(out) == expected
    archive = next((tmp_path / "data").glob(f"{ARCHIVE_PREFIX}*.sqlite3"))
    assert _mode(archive) == 0o600 and _mode(archive.parent) == 0o700  # the app's own, whatever the umask


def test_a_data_folder_left_open_by_an_earlier_version_is_made_private(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = _export(tmp_path, 0o022, "--out", str(tmp_path / "a.csv"), "--data-dir", str(data))
    assert first.returncode == 0, first.stderr
    archive = next(data.glob(f"{ARCHIVE_PREFIX}*.sqlite3"))
    data.chmod(0o755)
    archive.chmod(0o644)
    (data / "notes.txt").write_text("the user's own file", encoding="utf-8")
    (data / "notes.txt").chmod(0o644)
    again = _export(tmp_path, 0o022, "--out", str(tmp_path / "b.csv"), "--data-dir", str(data))
    assert again.returncode == 0, again.stderr
    assert _mode(data) == 0o700 and _mode(archive) == 0o600
    assert _mode(data / "notes.txt") == 0o644  # not the app's: left alone


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to give a folder away"
)
def test_a_data_folder_of_another_user_is_named_in_a_warning_and_left_alone(tmp_path: Path) -> None:
    data = tmp_path / "theirs"
    data.mkdir(mode=0o755)
    os.chown(data, 65534, 65534)
    assert "belongs to another user" in secure_folder(data, ARCHIVE_PREFIX + "*")
    done = _export(tmp_path, 0o022, "--out", str(tmp_path / "x.csv"), "--data-dir", str(data))
    assert f"warning: The data folder {data} belongs to another user of this computer" in done.stderr
    assert _mode(data) == 0o755 and data.stat().st_uid == 65534


def test_a_screenshot_is_the_users_file_too(tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    done = subprocess.run(  # noqa: PLW1510 - the exit code is read
        [sys.executable, str(ROOT / "main.py"), "--demo", "--demo-errors", "200", "--screenshot", str(shot)],
        cwd=ROOT,
        env=_env(tmp_path),
        umask=0o022,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert _mode(shot) == 0o644
