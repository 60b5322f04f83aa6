"""A non-modal list of the jobs a sync could not read, and why (source, job, reason)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from syncerr_gui.gui import style
from syncerr_gui.gui.i18n import QT_TR_NOOP, shown, tr
from syncerr_gui.gui.plain_text import plain_label, tooltip

logger = logging.getLogger(__name__)


class ProblemsDialog(QDialog):
    """Shows `SyncProblem`s; stays open beside the main window (non-modal)."""

    HEADERS = (QT_TR_NOOP("Source"), QT_TR_NOOP("Job ID"), QT_TR_NOOP("Reason"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsDialog")
        self.setWindowTitle(tr("Sync problems"))
        self.setModal(False)
        self.summary = plain_label(parent=self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(self.HEADERS), self)
        self.table.setObjectName("problemsTable")
        self.table.setHorizontalHeaderLabels([tr(header) for header in self.HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)  # reasons are sentences: show them whole
        self.table.setAlternatingRowColors(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(760, 320)
        self.set_problems([])

    def set_problems(self, problems: Sequence[Any]) -> None:
        """Replace the list with these SyncProblem(source, job_id, reason)."""
        self.table.setRowCount(len(problems))
        for row, problem in enumerate(problems):
            job = problem.job_id or (tr("(job list)") if problem.source else "")
            source = problem.source or tr("(whole sync)")  # a note: a clamped window, the API limit
            for col, value in enumerate((source, job, shown(problem.reason))):
                item = QTableWidgetItem(str(value))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setToolTip(tooltip(value))
                if col == 1:
                    item.setFont(style.monospace_font())
                self.table.setItem(row, col, item)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.table.resizeRowsToContents()
        self.summary.setText(
            tr(
                "The last sync read every other job. These could not be read; their errors are "
                "missing from the table until a later sync reads them:"
            )
            if problems
            else tr("The last sync read every job.")
        )
