"""Where the app's bundled files (icons, …) live: from source, installed, or in a PyInstaller build.

Qt-free on purpose: the headless exporter and the packaging scripts use it too. In a frozen
one-folder build PyInstaller unpacks data next to the code under `sys._MEIPASS`; from a
source checkout the files sit in the repository's `resources/` folder; an installed wheel
carries the same folder as `syncerr_gui/bundled/` (pyproject.toml maps it).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

logger = logging.getLogger(__name__)

RESOURCES_DIR_NAME = "resources"
INSTALLED_DIR_NAME = "bundled"
ICON_SIZES: tuple[int, ...] = (16, 24, 32, 48, 64, 128, 256, 512)
"""Pixel sizes of `icons/app-<size>.png`, rendered by `packaging/make_icons.py`."""


def resources_root() -> Path:
    """The folder holding the app's resources, frozen (`sys._MEIPASS`) or from source."""
    bundle_dir = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle_dir:
        return Path(bundle_dir) / RESOURCES_DIR_NAME
    installed = Path(__file__).resolve().parent / INSTALLED_DIR_NAME
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / RESOURCES_DIR_NAME


def resource_path(name: str) -> Path:
    """The path of resource `name` (e.g. "icons/app.png"); it may not exist.

    `name` is relative and may not climb out of the resources folder, so a value read from
    settings can never point this at an arbitrary file.
    """
    relative = Path(name)
    if relative.is_absolute() or ".." in relative.parts:
        raise ValueError(f"resource name must be relative and inside the resources folder: {name!r}")
    return resources_root() / relative


def app_icon_paths() -> list[Path]:
    """Every existing size of the application icon, smallest first (for a multi-size QIcon)."""
    paths = [resource_path(f"icons/app-{size}.png") for size in ICON_SIZES]
    found = [path for path in paths if path.is_file()]
    if not found:
        logger.warning("no application icon found under %s", resources_root() / "icons")
    return found
