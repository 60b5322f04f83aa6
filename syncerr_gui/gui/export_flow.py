"""File → Export CSV…: choose a file (and whether it is for Excel), write it off the GUI
thread, then offer to open it or show it in its folder.

"For Excel" is a file type in the save dialog (remembered): UTF-8 with a BOM, and the
locale's list separator (";" where the decimal separator is a comma, as Excel expects),
decided here from QLocale and handed to the Qt-free `core.frame.export` as parameters.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QLocale, QObject, QProcess, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from syncerr_gui.core.exceptions import ExportError, failure_words
from syncerr_gui.core.frame.export import excel_delimiter
from syncerr_gui.core.frame.long_cells import ExportedRows
from syncerr_gui.core.frame.out_target import ReadOnlyTarget, resolve_out
from syncerr_gui.gui import message_boxes
from syncerr_gui.gui import settings_keys as keys
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.i18n import QT_TR_NOOP, shown, tr
from syncerr_gui.gui.links import offer_path
from syncerr_gui.gui.local_time import local_zone
from syncerr_gui.gui.table.error_table_model import ErrorTableModel
from syncerr_gui.gui.tasks import run_in_background

logger = logging.getLogger(__name__)

# The save dialog's file types, shown with tr() (the chosen one is compared translated too).
PLAIN_FILTER = str(QT_TR_NOOP("CSV files (*.csv)"))
EXCEL_FILTER = str(QT_TR_NOOP("CSV for Excel: UTF-8 with BOM, your locale's separator (*.csv)"))
ALL_FILTER = str(QT_TR_NOOP("All files (*)"))


class ExportHost(Protocol):
    """What the export uses of the main window."""

    @property
    def settings(self) -> AppSettings: ...

    @property
    def model(self) -> ErrorTableModel: ...

    def show_status(self, text: str, timeout_ms: int = 0) -> None: ...


class CsvExport(QObject):
    """Runs exports for the window. Signals: ended(str) with the status-bar message.

    `done_box` is the last "Exported …" box (its Open / Show in folder buttons).
    """

    ended = Signal(str)

    def __init__(self, host: ExportHost, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = host
        self._parent = parent
        self.done_box: QMessageBox | None = None
        self.read_only_box: QMessageBox | None = None
        self.running = False  # a file is being written (watching waits for it)

    def start(self) -> None:
        """Ask where (and in which form), then write the rows shown, in the order shown."""
        model = self._host.model
        if model.shown_count == 0:
            message_boxes.show_info(self._parent, tr("Export CSV"), tr("There are no rows to export."))
            return
        chosen = self._ask_target()
        if chosen is None:
            return
        path, for_excel = chosen
        try:
            resolve_out(path)  # a stat, here: a read-only target is asked about, a pipe refused
        except ReadOnlyTarget:
            self._ask_read_only(path, for_excel)
            return
        except ExportError as exc:
            self._failed(shown(failure_words(exc)))
            return
        self._write(path, for_excel, replace_read_only=False)

    def _ask_read_only(self, path: str, for_excel: bool) -> None:
        self.read_only_box = message_boxes.show_with_actions(
            self._parent,
            tr("Replace a read-only file?"),
            tr("{path} is read-only. Replace it anyway? It stays read-only afterwards.").format(path=path),
            [(tr("Replace"), lambda: self._write(path, for_excel, replace_read_only=True))],
            QMessageBox.Icon.Question,
            names=["ReplaceButton"],
        )

    def _write(self, path: str, for_excel: bool, replace_read_only: bool) -> None:
        """Write the rows shown now, in the order shown, off the GUI thread."""
        model = self._host.model
        view = model.error_view  # snapshot now: the user may filter while it writes
        frame, visible, zone = view.frame, view.visible.copy(), local_zone()
        dialect = excel_dialect(QLocale()) if for_excel else {}
        dialect["replace_read_only"] = replace_read_only
        self._host.show_status(tr("Exporting to {path}…").format(path=path))
        self.running = True
        run_in_background(
            lambda: _write_csv(frame, visible, path, zone, dialect),
            lambda rows: self._finished(rows, path),
            self._failed,
            parent=self._parent,
            doing=tr("export the rows"),
        )

    def _ask_target(self) -> tuple[str, bool] | None:
        settings = self._host.settings
        folder = settings.last_export_dir() or os.path.expanduser("~")
        name = f"salesforce-sync-errors-{datetime.now():%Y-%m-%d-%H%M}.csv"
        plain, excel = tr(PLAIN_FILTER), tr(EXCEL_FILTER)
        remembered = excel if settings.get(keys.EXPORT_FOR_EXCEL) else plain
        path, chosen_filter = QFileDialog.getSaveFileName(
            self._parent,
            tr("Export CSV"),
            os.path.join(folder, name),
            f"{plain};;{excel};;{tr(ALL_FILTER)}",
            remembered,
        )
        if not path:
            return None
        if not os.path.splitext(path)[1]:
            path += ".csv"
        for_excel = chosen_filter == excel
        settings.set_last_export_dir(os.path.dirname(path))
        settings.set(keys.EXPORT_FOR_EXCEL, for_excel)
        return path, for_excel

    def _finished(self, rows: int, path: str) -> None:
        self.running = False
        note = shown(rows.note()) if isinstance(rows, ExportedRows) else ""
        message = tr("Exported %Ln error(s) to {path}", None, rows).format(path=path)
        message += f"; {note}" if note else ""
        self._host.show_status(message, 15000)
        notify = self._host.show_status
        self.done_box = message_boxes.show_with_actions(
            self._parent,
            tr("Export finished"),
            tr("Exported %Ln error(s) to\n{path}", None, rows).format(path=path)
            + (f"\n\n{note[0].upper()}{note[1:]}." if note else ""),
            [
                (tr("Open"), lambda: open_file(self._parent, path, notify)),
                (tr("Show in folder"), lambda: show_in_folder(self._parent, path, notify)),
            ],
            names=["OpenButton", "ShowinfolderButton"],
        )
        self.ended.emit(message)

    def _failed(self, text: str) -> None:
        self.running = False
        failed = tr("Export failed: {reason}").format(reason=text)
        self._host.show_status(failed, 15000)
        message_boxes.show_error(self._parent, tr("Export failed"), text)
        self.ended.emit(failed)


def excel_dialect(locale: QLocale) -> dict[str, Any]:
    """The export's parameters for Excel in `locale`: a BOM, its list separator, and cells
    cut (with a marker) to what an Excel cell holds."""
    return {"bom": True, "delimiter": excel_delimiter(locale.decimalPoint()), "excel_cells": True}


def open_file(parent: QWidget, path: str, notify: Callable[[str], None] | None = None) -> bool:
    """Open `path` in the program the system uses for it (a spreadsheet for .csv)."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(path)):
        return True
    offer_path(parent, path, tr("the file"), notify)
    return False


def show_in_folder(parent: QWidget, path: str, notify: Callable[[str], None] | None = None) -> bool:
    """The file's folder in the file manager (with the file selected where the system can)."""
    if sys.platform == "win32":
        started = QProcess.startDetached("explorer.exe", [f"/select,{os.path.normpath(path)}"])
    elif sys.platform == "darwin":
        started = QProcess.startDetached("open", ["-R", path])
    else:
        started = QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))
    ok = bool(started[0] if isinstance(started, tuple) else started)
    if not ok:
        offer_path(parent, str(Path(path).parent), tr("its folder"), notify)
    return ok


def _write_csv(frame: Any, rows: Any, path: str, zone: Any, dialect: dict[str, Any]) -> int:
    """Pool thread: the export itself (imported here: the CSV writer is not needed at start-up)."""
    from syncerr_gui.core.frame.export import export_csv

    return export_csv(frame, path, tz=zone, rows=rows, **dialect)
