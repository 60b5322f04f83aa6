"""File → Export failed rows for reload…: reload files for the rows shown, the selected rows
or the selected groups, one CSV per object, operation and external-ID field, in a folder.

The files hold exactly the uploaded values (no formula neutralising: they go back to
Salesforce), which the dialog says. Writing runs off the GUI thread; the summary (files,
rows, rows left out because their input is unknown) comes back in words.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from syncerr_gui.gui import message_boxes
from syncerr_gui.gui.i18n import QT_TR_NOOP, shown, tr
from syncerr_gui.gui.plain_text import plain_label
from syncerr_gui.gui.reload.reload_services import ReloadServices
from syncerr_gui.gui.reload.reload_worker import progress_words
from syncerr_gui.gui.tasks import run_in_background

logger = logging.getLogger(__name__)

SHOWN, SELECTED, GROUPS = "shown", "selected", "groups"
Positions = Callable[[], np.ndarray]  # frame positions of the selected rows / groups' rows
NOTE = str(
    QT_TR_NOOP(
        "One CSV file per object, operation and external-ID field, with the job's input columns, "
        "then Error and Job ID. Values are exactly as uploaded: formulas are not neutralised, so "
        "open the files in a spreadsheet with care. UTF-8 with a byte-order mark, for Excel."
    )
)


class ReloadExportDialog(QDialog):
    """Which rows, which folder; accept() when both are chosen."""

    def __init__(self, counts: dict[str, int], folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reloadExportDialog")
        self.setWindowTitle(tr("Export failed rows for reload"))
        self.choice = QButtonGroup(self)
        self.scopes: dict[str, QRadioButton] = {}
        words = {
            SHOWN: tr("The errors shown ({count})"),
            SELECTED: tr("The selected errors ({count})"),
            GROUPS: tr("The selected groups' errors ({count})"),
        }
        layout = QVBoxLayout(self)
        for scope, text in words.items():
            button = QRadioButton(text.format(count=QLocale().toString(counts.get(scope, 0))), self)
            button.setObjectName(f"scope_{scope}")
            button.setEnabled(counts.get(scope, 0) > 0)
            self.choice.addButton(button)
            self.scopes[scope] = button
            layout.addWidget(button)
        first = next((s for s in (GROUPS, SELECTED, SHOWN) if counts.get(s, 0)), SHOWN)
        self.scopes[first].setChecked(True)
        self.folder = QLineEdit(folder, self)
        self.folder.setObjectName("reloadFolder")
        self.folder.setPlaceholderText(tr("Folder for the reload files"))
        browse = QPushButton(tr("Choose…"), self)
        browse.clicked.connect(lambda _checked=False: self._browse())
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        note = plain_label(tr(NOTE), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = QPushButton(tr("Cancel"), self)
        cancel.clicked.connect(lambda _checked=False: self.reject())
        self.export_button = QPushButton(tr("Export"), self)
        self.export_button.setObjectName("exportReloadButton")
        self.export_button.clicked.connect(lambda _checked=False: self._export())
        buttons.addWidget(cancel)
        buttons.addWidget(self.export_button)
        layout.addLayout(buttons)
        self.resize(520, 280)

    def scope(self) -> str:
        return next(scope for scope, button in self.scopes.items() if button.isChecked())

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, tr("Folder for the reload files"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def _export(self) -> None:
        if self.folder.text().strip():
            self.accept()


class ReloadExport(QObject):
    """The action and its flow. Signals: ended(str) with the words shown at the end."""

    ended = Signal(str)

    def __init__(
        self, window: Any, parent: QObject, services: ReloadServices, selected: Positions, groups: Positions
    ) -> None:
        super().__init__(parent)
        self.window, self.services = window, services
        self._selected, self._groups = selected, groups
        self.dialog: ReloadExportDialog | None = None
        self.action = QAction(tr("Export failed rows for &reload…"), window)
        self.action.setObjectName("exportReloadAction")
        self.action.triggered.connect(lambda _checked=False: self.start())

    def update_action(self) -> None:
        self.action.setEnabled(self.window.model.shown_count > 0)

    def _positions(self) -> dict[str, np.ndarray]:
        return {
            SHOWN: np.asarray(self.window.model.error_view.visible, dtype=np.int64),
            SELECTED: self._selected(),
            GROUPS: self._groups(),
        }

    def start(self) -> ReloadExportDialog:
        positions = self._positions()
        folder = str(Path.home())
        dialog = ReloadExportDialog({k: len(v) for k, v in positions.items()}, folder, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._write(positions[dialog.scope()], dialog.folder.text().strip()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _write(self, positions: np.ndarray, folder: str) -> None:
        frame, details, write = (
            self.window.model.error_view.frame,
            self.window.model.details,
            self.services.write_files,
        )
        row_ids = frame["row_id"].to_numpy(dtype=np.int64)[positions]
        self.window.show_status(tr("Writing the reload files…"))
        run_in_background(
            lambda: write(frame, details, row_ids, Path(folder)),
            lambda summary: self._done(progress_words(summary), folder),
            self._failed,
            parent=self,
            doing=tr("write the reload files"),
        )

    def _done(self, words: str, folder: str) -> None:
        self.window.show_status(
            tr("Reload files written to {folder}: {summary}").format(folder=folder, summary=words), 30000
        )
        self.ended.emit(words)

    def _failed(self, text: str) -> None:
        text = shown(text)
        self.window.show_status(text, 10000)
        message_boxes.show_error(self.window, tr("Export for reload failed"), text)
        self.ended.emit(text)
