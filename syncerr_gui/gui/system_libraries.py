"""The system libraries Qt needs on Linux, checked before Qt is loaded (no Qt import here).

PySide6's wheels bring Qt itself (and ICU) but not the X11 and graphics libraries of the
system. When one is missing, Qt names only the first (often just xcb-cursor) or aborts on
import, so an admin installs one package per attempt. `startup_problem()` names every
missing library and the packages that bring them, before the window is made.

The lists are the libraries PySide6 6.11.3 links against (`ldd` on libQt6Core/Gui/Widgets/
DBus/OpenGL, platforms/libqxcb.so and the libQt6XcbQpa.so.6 it loads), each with its Debian
12 package (Ubuntu's are the same); `INSTALLED_WITH_THOSE` are the rest `ldd` lists, which
every Debian system has or those packages depend on. Installing README.md's list in a
minimal Debian 12 root (`debootstrap --variant=minbase bookworm`) leaves `ldd` nothing
"not found". tests/gui/test_system_libraries.py checks the lists against `ldd` and README.md.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

from syncerr_gui import APP_NAME

# Needed by QtGui on any platform (the window, and the offscreen platform of the tests).
QT_GUI_LIBRARIES: dict[str, str] = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11.so.6": "libx11-6",
}

# Needed by the xcb platform plugin (an X11 session, or XWayland when Qt chooses xcb).
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}


# The GLX integration plugin of xcb: without it Qt warns and draws without GLX (no abort).
XCB_GL_LIBRARIES: dict[str, str] = {"libxcb-glx.so.0": "libxcb-glx0"}

# What `ldd` also lists: the C/C++ runtime and libraries the packages above depend on.
INSTALLED_WITH_THOSE = frozenset(
    {
        *("linux-vdso.so.1", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1", "libc.so.6", "libm.so.6"),
        *("libdl.so.2", "libpthread.so.0", "librt.so.1", "libstdc++.so.6", "libgcc_s.so.1"),
        *("libz.so.1", "libzstd.so.1", "liblzma.so.5", "liblz4.so.1", "libpcre2-8.so.0"),
        *("libsystemd.so.0", "libcap.so.2", "libgcrypt.so.20", "libgpg-error.so.0", "libffi.so.8"),
        *("libXau.so.6", "libXdmcp.so.6", "libbsd.so.0", "libmd.so.0", "libexpat.so.1"),
        *("libpng16.so.16", "libbrotlidec.so.1", "libbrotlicommon.so.1", "libGLdispatch.so.0"),
        *("libGLX.so.0", "libmount.so.1", "libblkid.so.1", "libselinux.so.1"),
    }
)


def loadable(soname: str) -> bool:
    """Whether the dynamic loader finds `soname` (as Qt's own loading would)."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_libraries(libraries: Mapping[str, str], load: Callable[[str], bool] = loadable) -> dict[str, str]:
    """The libraries of `libraries` (soname -> package) that cannot be loaded."""
    return {soname: package for soname, package in libraries.items() if not load(soname)}


def uses_xcb(env: Mapping[str, str]) -> bool:
    """Whether Qt will use its xcb plugin: asked for, or not asked and no Wayland session."""
    asked = env.get("QT_QPA_PLATFORM", "").split(":", 1)[0].split(";", 1)[0].strip().lower()
    if asked:
        return asked == "xcb"
    return not env.get("WAYLAND_DISPLAY")


def startup_problem(env: Mapping[str, str] | None = None, platform: str = sys.platform) -> str:
    """'' when Qt can start; else what is missing and the command that installs it."""
    if not platform.startswith("linux"):
        return ""
    env = os.environ if env is None else env
    wanted = {**QT_GUI_LIBRARIES, **(XCB_LIBRARIES if uses_xcb(env) else {})}
    missing = missing_libraries(wanted)
    if not missing:
        return ""
    packages = sorted(set(missing.values()))
    return (
        f"{APP_NAME} cannot open its window: Qt needs system libraries this "
        f"computer does not have: {', '.join(missing)}.\n"
        "On Debian or Ubuntu, install them with:\n"
        f"    sudo apt-get install {' '.join(packages)}\n"
        "(on other systems, the packages that provide these files). "
        "The headless export (main.py export …) works without them."
    )
