"""The About box's words: what the app does, the versions support asks for, the licences."""

from __future__ import annotations

from importlib import metadata

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QWidget

from syncerr_gui import APP_NAME, __version__


def about_text() -> str:
    """The About box's text (versions help support)."""
    import pandas
    import PySide6

    def version(dist: str) -> str:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return "not installed"

    return (
        f"{APP_NAME} {__version__}\n\nReads every error of your org's data-sync jobs "
        "(Bulk API 2.0, Bulk API 1.0, Apex) so you can filter, inspect and export them.\n\n"
        f"Qt {qVersion()}\nPySide6 {PySide6.__version__}\npandas {pandas.__version__}\n"
        f"simple-salesforce {version('simple-salesforce')}\n\n"
        "MIT licence. Qt and PySide6 are used under the LGPL v3 (Help › About Qt); "
        "the licences of every bundled package are in THIRD-PARTY-NOTICES.md."
    )


def show_about(parent: QWidget) -> None:
    """Help › About: app, Qt, PySide6, pandas and simple-salesforce versions."""
    from syncerr_gui.gui import message_boxes

    message_boxes.show_info(parent, f"About {APP_NAME}", about_text())
