"""Fix and reload: the failed rows as an editable table, fixes for all rows, a preview of what
changed, a confirmation that names the org, the reload in the background, the result per row.

The dialog edits `EditState`s (one per object / operation when the selection spans several);
the controller gives it the org's names, the permission check and a factory for the reload
worker, so the dialog itself never talks to Salesforce. Nothing is sent before the
confirmation (`ReloadConfirmation`) was accepted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from syncerr_gui.core.reload.batch import FixStep, ReloadBatch, ReloadOutcome, ReloadTarget, RowOutcome
from syncerr_gui.gui import message_boxes, style
from syncerr_gui.gui.i18n import shown, tr
from syncerr_gui.gui.plain_text import plain_label
from syncerr_gui.gui.reload.edit_state import EditState
from syncerr_gui.gui.reload.fix_step_dialog import FILL, MAP, SET, FixStepDialog, change_lines
from syncerr_gui.gui.reload.reload_confirmation import OrgNames, ReloadConfirmation
from syncerr_gui.gui.reload.reload_run_bar import ReloadRunBar
from syncerr_gui.gui.reload.reload_table_model import COL_ERROR, COL_RESULT, FIRST_INPUT, ReloadTableModel
from syncerr_gui.gui.reload.reload_worker import ReloadWorker
from syncerr_gui.gui.reload.suggested_fixes import SuggestedFixes
from syncerr_gui.gui.tasks import run_in_background

logger = logging.getLogger(__name__)

WorkerFactory = Callable[[ReloadBatch], ReloadWorker]
PermissionCheck = Callable[[ReloadTarget], list[str]]  # what is missing, in words ([] = fine)
ERROR_WIDTH = 300  # the previous error: wide enough to read its code and the start of its words
CHANGES_SHOWN = 500  # lines of the changes preview (the count says how many in all)


class FixReloadDialog(QDialog):
    """Signals: reloaded(object, object) with the batch as sent and its ReloadOutcome."""

    reloaded = Signal(object, object)

    def __init__(
        self,
        batches: Sequence[ReloadBatch],
        org: OrgNames,
        make_worker: WorkerFactory,
        *,
        check_permissions: PermissionCheck | None = None,
        suggestions: Sequence[FixStep] = (),
        left_out: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if not batches:
            raise ValueError("Fix and reload needs at least one row")
        self.setObjectName("fixReloadDialog")
        self.setWindowTitle(tr("Fix and reload"))
        self.org, self._make_worker, self._check = org, make_worker, check_permissions
        self.states = [EditState(batch) for batch in batches]
        self.state = self.states[0]
        self.left_out = left_out
        self.worker: ReloadWorker | None = None
        self._sending = self.state.current  # the batch the running reload sent
        self.confirmation: ReloadConfirmation | None = None
        self.step_dialog: FixStepDialog | None = None
        self._checked: set[ReloadTarget] = set()
        self.model = ReloadTableModel(self.state, self)
        self._build(suggestions)
        self._connect()
        self._refresh()
        self.resize(1100, 660)

    # ---- building ------------------------------------------------------------------------
    def _build(self, suggestions: Sequence[FixStep]) -> None:
        self.intro = style.selectable(plain_label(_intro(self.org, self.left_out), self))
        self.chooser = QComboBox(self)
        self.chooser.setObjectName("batchChooser")
        self.chooser.addItems([_batch_title(state.original) for state in self.states])
        self.chooser.setVisible(len(self.states) > 1)
        self.suggested = SuggestedFixes(suggestions, self)
        self.set_button = self._button(tr("Set column…"), "setColumnButton", lambda: self.open_step(SET))
        self.map_button = self._button(tr("Map values…"), "mapValuesButton", lambda: self.open_step(MAP))
        self.fill_button = self._button(tr("Fill empty…"), "fillEmptyButton", lambda: self.open_step(FILL))
        self.drop_button = self._button(tr("Drop selected rows"), "dropRowsButton", self.drop_selected)
        self.undo_button = self._button(tr("Undo"), "undoButton", self.undo)
        self.undo_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.table = self._build_table()
        self.changes = QPlainTextEdit(self)
        self.changes.setObjectName("changesPreview")
        self.changes.setReadOnly(True)
        self.changes.setPlaceholderText(tr("No cell changed yet: edit a cell or use a fix above."))
        self.summary = style.selectable(plain_label("", self))
        self.summary.setObjectName("reloadSummary")
        self.run_bar = ReloadRunBar(self)
        self.keep_button = self._button(
            tr("Keep failed rows for another round"), "keepFailedButton", self.keep_failed
        )
        self.reload_button = self._button(tr("Reload…"), "reloadButton", self.ask_to_reload)
        self.close_button = self._button(tr("Close"), "closeButton", self.reject)
        self._lay_out()

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)  # Enter in a cell editor must never start anything
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("reloadTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        table.setWordWrap(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setDefaultSectionSize(130)
        header.setStretchLastSection(True)
        header.resizeSection(COL_ERROR, ERROR_WIDTH)
        return table

    def _lay_out(self) -> None:
        tools = QHBoxLayout()
        for button in (
            self.set_button,
            self.map_button,
            self.fill_button,
            self.drop_button,
            self.undo_button,
        ):
            tools.addWidget(button)
        tools.addStretch(1)
        tools.addWidget(self.chooser)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        split.addWidget(self.table)
        split.addWidget(self.changes)
        split.setSizes([420, 110])
        bottom = QHBoxLayout()
        bottom.addWidget(self.keep_button)
        bottom.addStretch(1)
        bottom.addWidget(self.reload_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.suggested)
        layout.addLayout(tools)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.run_bar)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.chooser.currentIndexChanged.connect(self.choose_batch)
        self.model.edited.connect(self._refresh)
        self.suggested.chosen.connect(self.apply_step)
        self.run_bar.cancel_requested.connect(self.cancel_reload)

    # ---- editing -------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.worker is not None

    def choose_batch(self, number: int) -> None:
        if self.running or not 0 <= number < len(self.states):
            return
        self.state = self.states[number]
        self.model.set_state(self.state)
        self._refresh()

    def open_step(self, kind: str) -> FixStepDialog:
        """The dialog for one fix on every row (window-modal); Apply applies it."""
        current = self.table.currentIndex()
        column = self.model.column_name(current.column()) if current.isValid() else ""
        dialog = FixStepDialog(kind, self.state, self, column=column)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._step_chosen(dialog.step()))
        self.step_dialog = dialog
        dialog.open()
        return dialog

    def _step_chosen(self, step: FixStep | None) -> None:
        self.step_dialog = None
        if step is not None:
            self.apply_step(step)

    def apply_step(self, step: FixStep) -> None:
        if self.running:
            return
        self.state.apply(step)
        self.model.refresh()

    def drop_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedIndexes()})
        if self.running or not rows:
            return
        if len(rows) == len(self.state.current):
            message_boxes.show_info(
                self, tr("Fix and reload"), tr("Keep at least one row: use Close to reload nothing.")
            )
            return
        self.state.drop(rows)
        self.model.refresh()

    def undo(self) -> None:
        if not self.running and self.state.undo():
            self.model.refresh()

    def keep_failed(self) -> None:
        """Another round with only the rows that did not succeed (their new errors beside them)."""
        if not self.running and self.state.keep_failed():
            self.model.refresh()

    def _refresh(self) -> None:
        state, busy = self.state, self.running
        self.summary.setText(summary_text(state))
        self.changes.setPlainText(_changes_text(state))
        self.suggested.update_for(state, busy)
        for button in (self.set_button, self.map_button, self.fill_button, self.drop_button, self.chooser):
            button.setEnabled(not busy)
        self.undo_button.setEnabled(not busy and state.can_undo)
        self.reload_button.setEnabled(not busy and len(state.current) > 0 and state.outcome is None)
        self.keep_button.setVisible(bool(state.failed_rows()))
        self.keep_button.setEnabled(not busy)
        self.table.setColumnHidden(COL_RESULT, state.outcome is None)
        self.close_button.setText(tr("Close"))

    # ---- reloading -----------------------------------------------------------------------
    def ask_to_reload(self) -> None:
        """The permission check (once per object and operation), then the confirmation."""
        if self.running or self.state.outcome is not None or not len(self.state.current):
            return
        target = self.state.current.target
        if self._check is None or target in self._checked:
            self.confirm()
            return
        self.run_bar.show_busy(tr("Checking your permissions…"))
        self.reload_button.setEnabled(False)
        check = self._check
        run_in_background(
            lambda: check(target),
            lambda missing: self._checked_permissions(target, missing),
            self._check_failed,
            parent=self,
            doing=tr("check your permissions"),
        )

    def _checked_permissions(self, target: ReloadTarget, missing: list[str]) -> None:
        self.run_bar.show_idle("")
        self._refresh()
        if missing:
            lines = "\n".join(f"• {shown(line)}" for line in missing)
            text = tr("You cannot reload these rows yet:\n\n{missing}").format(missing=lines)
            message_boxes.show_error(self, tr("Missing permissions"), text)
            return
        self._checked.add(target)
        self.confirm()

    def _check_failed(self, text: str) -> None:
        self.run_bar.show_idle(text)
        self._refresh()

    def confirm(self) -> ReloadConfirmation:
        """The confirmation (the Reload… button opens it after the permission check)."""
        dialog = ReloadConfirmation(self.org, self.state.current.target, len(self.state.current), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.start_reload)
        dialog.finished.connect(lambda _code: setattr(self, "confirmation", None))
        self.confirmation = dialog
        dialog.open()
        return dialog

    def start_reload(self) -> None:
        """Only from the accepted confirmation: the reload runs in its own thread."""
        if self.running:
            return
        batch = self.state.current
        worker = self._make_worker(batch)
        # Bound methods of GUI-thread objects only: a lambda would run in the worker's thread.
        worker.progress.connect(self.run_bar.show_progress)
        worker.created.connect(self._created)
        worker.finished.connect(self._finished)
        worker.failed.connect(self._failed)
        self.worker, self._sending = worker, batch
        self.model.set_read_only(True)
        self.run_bar.start(tr("Reloading %Ln rows…", None, len(batch)))
        self._refresh()
        worker.start()

    def cancel_reload(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.run_bar.show_cancelling()

    def _end(self) -> None:
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.wait(5000)
        self.model.set_read_only(False)

    def _created(self, job_id: str) -> None:
        self.run_bar.show_progress(tr("Job {job} created: uploading the rows…").format(job=job_id))

    def _finished(self, outcome: ReloadOutcome) -> None:
        batch = self._sending
        self._end()
        self.state.set_outcome(outcome)
        self.model.refresh()
        self.run_bar.stop(outcome_words(outcome))
        self.reloaded.emit(batch, outcome)

    def _failed(self, text: str) -> None:
        self._end()
        self.run_bar.stop(text)
        self._refresh()

    def reject(self) -> None:
        """Close; while a reload runs, Close and Escape ask it to stop instead."""
        if self.running:
            self.cancel_reload()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            self.cancel_reload()
            event.ignore()
            return
        super().closeEvent(event)

    def input_column(self, name: str) -> int:
        """The table column showing batch column `name` (tests, and the step dialog's default)."""
        return FIRST_INPUT + self.state.current.column_index(name)


def outcome_words(outcome: ReloadOutcome) -> str:
    """ "Job 750…: 8 succeeded, 2 failed again." and the job's note."""
    succeeded, failed = outcome.count(RowOutcome.SUCCEEDED), outcome.count(RowOutcome.FAILED)
    unprocessed = outcome.count(RowOutcome.UNPROCESSED)
    parts = [
        tr("%Ln succeeded", None, succeeded) if succeeded else "",
        tr("%Ln failed again", None, failed) if failed else "",
        tr("%Ln were not processed", None, unprocessed) if unprocessed else "",
    ]
    said = ", ".join(part for part in parts if part) or tr("no row was processed")
    text = tr("Job {job} ({state}): {outcome}.").format(job=outcome.job_id, state=outcome.state, outcome=said)
    return f"{text} {shown(outcome.message)}" if outcome.message else text


def summary_text(state: EditState) -> str:
    """What will be sent, in one paragraph, in the window's language."""
    clauses, sentences = state.summary_parts()
    text = ", ".join(shown(clause) for clause in clauses) + "."
    return " ".join([text, *(shown(sentence) for sentence in sentences)])


def _intro(org: OrgNames, left_out: int) -> str:
    if org.is_production:
        text = tr(
            "Fix the rows, then reload them into {username} at {host} (production org). "
            "Double-click a cell to edit it; values are sent exactly as shown."
        )
    else:
        text = tr(
            "Fix the rows, then reload them into {username} at {host} (sandbox). "
            "Double-click a cell to edit it; values are sent exactly as shown."
        )
    text = text.format(username=org.username, host=org.host)
    if left_out:
        text += " " + tr(
            "%Ln selected errors are not here: their input rows are unknown (job-level or Apex).",
            None,
            left_out,
        )
    return text


def _batch_title(batch: ReloadBatch) -> str:
    target = batch.target
    if target.external_id:
        title = tr("{object} · {operation} on {external_id} (%Ln rows)", None, len(batch))
    else:
        title = tr("{object} · {operation} (%Ln rows)", None, len(batch))
    return title.format(object=target.object_name, operation=target.operation, external_id=target.external_id)


def _changes_text(state: EditState) -> str:
    changes = state.changes()
    if not changes:
        return ""
    header = tr("%Ln changed cells will be sent:", None, len(changes))
    return "\n".join([header, *change_lines(changes, CHANGES_SHOWN)])
