"""Before Qt starts, the app names every system library it lacks; the README lists them all.

A library is made "missing" the way a real gap looks to the loader: an unloadable file of
that name first on LD_LIBRARY_PATH, so the app runs for real in a child process.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from syncerr_gui.gui.system_libraries import (
    INSTALLED_WITH_THOSE,
    QT_GUI_LIBRARIES,
    XCB_GL_LIBRARIES,
    XCB_LIBRARIES,
    uses_xcb,
)

ROOT = Path(__file__).resolve().parents[2]
HIDDEN = {"libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4"}
HIDDEN |= {"libxcb-keysyms.so.1": "libxcb-keysyms1"}

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's system libraries: Linux")


def _run_without(tmp_path: Path, sonames: dict[str, str], args: list[str], platform: str):
    for soname in sonames:
        (tmp_path / soname).write_bytes(b"")  # the loader refuses it: "file too short"
    env = {**os.environ, "QT_QPA_PLATFORM": platform, "LD_LIBRARY_PATH": str(tmp_path)}
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        check=False,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@linux_only
def test_missing_xcb_libraries_are_all_named_with_the_command_that_installs_them(tmp_path: Path) -> None:
    result = _run_without(tmp_path, HIDDEN, ["--demo"], platform="xcb")
    assert result.returncode == 1
    for soname in HIDDEN:
        assert soname in result.stderr
    install = re.search(r"sudo apt-get install (.+)", result.stderr)
    assert install is not None and set(HIDDEN.values()) <= set(install.group(1).split())
    assert "qt.qpa.plugin" not in result.stderr  # said before Qt, not Qt's one-library abort


@linux_only
def test_the_offscreen_platform_does_not_ask_for_xcb_libraries(tmp_path: Path) -> None:
    code = "from syncerr_gui.gui.system_libraries import startup_problem; print(repr(startup_problem()))"
    for soname in HIDDEN:
        (tmp_path / soname).write_bytes(b"")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LD_LIBRARY_PATH": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", code],
        check=False,
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "''"


def test_qt_chooses_xcb_unless_asked_otherwise_or_in_a_wayland_session() -> None:
    assert uses_xcb({}) and uses_xcb({"QT_QPA_PLATFORM": "xcb:nograb"})
    assert not uses_xcb({"QT_QPA_PLATFORM": "offscreen"})
    assert not uses_xcb({"QT_QPA_PLATFORM": "wayland;xcb"})
    assert not uses_xcb({"WAYLAND_DISPLAY": "wayland-0"})


def _ldd_names(library: Path, qt: Path) -> set[str]:
    out = subprocess.run(["ldd", str(library)], check=True, capture_output=True, text=True, timeout=60).stdout
    names = set()
    for line in out.splitlines():
        name, _, where = line.strip().partition(" => ")
        if str(qt) not in where:  # Qt's own libraries (and ICU) come with the wheel
            names.add(Path(name.split(" ")[0]).name)
    return names


@linux_only
@pytest.mark.skipif(shutil.which("ldd") is None, reason="needs ldd")
def test_every_library_the_xcb_plugin_links_is_checked_and_listed_in_the_readme() -> None:
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    libraries = [
        qt / "plugins" / "platforms" / "libqxcb.so",
        *(qt / "plugins" / "xcbglintegrations").glob("*.so"),
    ]
    libraries += [qt / "lib" / f"libQt6{name}.so.6" for name in ("Core", "Gui", "Widgets", "DBus", "XcbQpa")]
    needed = set().union(*(_ldd_names(lib, qt) for lib in libraries))
    known = {**QT_GUI_LIBRARIES, **XCB_LIBRARIES, **XCB_GL_LIBRARIES}
    assert needed - set(known) - INSTALLED_WITH_THOSE == set()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"sudo apt-get install ((?:[^\n]*\\\n)*[^\n]*)", readme)
    assert command is not None
    listed = set(command.group(1).replace("\\", " ").split())
    assert set(known.values()) - listed == set()
