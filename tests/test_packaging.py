"""The app installs like a package: a wheel with its resources and commands, and `--version`."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from syncerr_gui import APP_NAME, __version__

ROOT = Path(__file__).resolve().parents[1]

REPO = Path(__file__).resolve().parent.parent


def _run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )


def test_version_is_printed_by_the_package_the_entry_and_the_export() -> None:
    expected = f"{APP_NAME} {__version__}"
    for args in (
        ("-m", "syncerr_gui", "--version"),
        ("main.py", "--version"),
        ("main.py", "export", "--version"),
    ):
        done = _run(*args)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == expected


def test_the_version_needs_no_qt() -> None:
    done = _run(
        "-c",
        "import sys; from syncerr_gui.app import main; main(['--version']); print('PySide6' in sys.modules)",
    )
    assert done.stdout.splitlines()[-1] == "False"


def test_a_wheel_carries_the_code_the_icons_the_licences_and_both_commands(tmp_path: Path) -> None:
    done = _run("-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO))
    assert done.returncode == 0, done.stderr[-2000:]
    (wheel,) = tmp_path.glob("salesforce_sync_errors-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = archive.read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
        metadata = archive.read(next(n for n in names if n.endswith("/METADATA"))).decode()
    assert "syncerr_gui/cli/export.py" in names and "syncerr_gui/core/frame/schema.py" in names
    assert "syncerr_gui/bundled/icons/app-256.png" in names  # the top-level resources/ ride along
    assert any(n.endswith("licenses/LICENSE") for n in names)
    assert any(n.endswith("licenses/THIRD-PARTY-NOTICES.md") for n in names)
    assert "salesforce-sync-errors = syncerr_gui.app:main" in entry_points
    assert "salesforce-sync-errors-export = syncerr_gui.cli.export:console_main" in entry_points
    assert f"Version: {__version__}" in metadata and "Requires-Dist: PySide6==6.11.3" in metadata
    assert not any(n.startswith(("tests/", "benchmarks/")) for n in names)


def _pins(path: Path) -> dict[str, str]:
    """name -> version of every `name==version` line (lower-case, `_` as `-`)."""
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        head = line.split(";")[0].split("\\")[0].strip()
        if "==" in head and not head.startswith("#"):
            name, version = head.split("==", 1)
            pins[name.strip().lower().replace("_", "-")] = version.strip()
    return pins


def test_the_build_lock_holds_every_runtime_pin_with_hashes() -> None:
    lock_path = ROOT / "requirements.lock"
    lock = _pins(lock_path)
    wanted = _pins(ROOT / "requirements.txt") | {
        "pyinstaller": _pins(ROOT / "requirements-dev.txt")["pyinstaller"]
    }
    assert {name: lock.get(name) for name in wanted} == wanted  # regenerate it: packaging/BUILDING.md
    entries: list[str] = []
    for line in lock_path.read_text(encoding="utf-8").splitlines():
        if line[:1].isalnum():
            entries.append(line)
        elif entries:
            entries[-1] += line
    assert len(entries) == len(lock) and all("--hash=sha256:" in entry for entry in entries)


def test_no_known_vulnerable_pin_is_back() -> None:
    pins = _pins(ROOT / "requirements.txt")
    assert tuple(int(p) for p in pins["cryptography"].split(".")) >= (48, 0, 1)  # GHSA-537c-gmf6-5ccf
    assert "certifi" in pins
