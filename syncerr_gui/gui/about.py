"""The About box's words: what the app does, the versions support asks for, the licences."""

from __future__ import annotations

from importlib import metadata

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QWidget

from syncerr_gui import __version__
from syncerr_gui.gui.i18n import app_name, tr


def about_text() -> str:
    """The About box's text (versions help support)."""
    import pandas
    import PySide6

    def version(dist: str) -> str:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return tr("not installed")

    does = tr(
        "Reads every error of your org's data-sync jobs (Bulk API 2.0, Bulk API 1.0, Apex) "
        "so you can filter, inspect and export them."
    )
    licences = tr(
        "MIT licence. Qt and PySide6 are used under the LGPL v3 (Help › About Qt); "
        "the licences of every bundled package are in THIRD-PARTY-NOTICES.md."
    )
    versions = (
        f"Qt {qVersion()}\nPySide6 {PySide6.__version__}\npandas {pandas.__version__}\n"
        f"simple-salesforce {version('simple-salesforce')}"
    )
    return f"{app_name()} {__version__}\n\n{does}\n\n{versions}\n\n{licences}"


def show_about(parent: QWidget) -> None:
    """Help › About: app, Qt, PySide6, pandas and simple-salesforce versions."""
    from syncerr_gui.gui import message_boxes

    message_boxes.show_info(parent, tr("About {app}").format(app=app_name()), about_text())
