"""Fix and reload in the window: the actions, when they apply, and what happens around the dialog.

"Fix and reload…" acts on the selected errors (the table's context menu, Actions menu) or the
selected groups (the groups' context menu); it is disabled, with the reason as its tooltip,
when nobody is logged in or the selection has no reloadable row (job-level errors and Apex
jobs have no input row). The selection's rows become batches off the GUI thread; the dialog
edits them; each reload is recorded in the org's archive as soon as Salesforce gave its job
an id (so a crash leaves no doubt), and its outcome marks the originals. At each login the
reloads a crash left pending are looked up and their outcome said in words.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import numpy as np
from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from syncerr_gui.core.exceptions import ArchiveError, UserFacingError, failure_text
from syncerr_gui.core.frame.schema import RECORD_LEVEL, SOURCE_APEX
from syncerr_gui.core.reload.batch import FixStep, ReloadBatch, ReloadOutcome, ReloadRecord
from syncerr_gui.gui import message_boxes
from syncerr_gui.gui.i18n import QT_TR_NOOP, shown, tr
from syncerr_gui.gui.plain_text import tooltip
from syncerr_gui.gui.reload.fix_reload_dialog import FixReloadDialog, outcome_words
from syncerr_gui.gui.reload.reload_confirmation import OrgNames
from syncerr_gui.gui.reload.reload_export import ReloadExport
from syncerr_gui.gui.reload.reload_services import Batches, ReloadServices, default_services
from syncerr_gui.gui.reload.reload_worker import ReloadWorker
from syncerr_gui.gui.tasks import run_in_background

logger = logging.getLogger(__name__)

NO_SESSION = str(QT_TR_NOOP("Log in first: a reload writes to the org."))
NO_SELECTION = str(QT_TR_NOOP("Select the errors to fix first."))
NO_GROUPS = str(QT_TR_NOOP("Select the groups to fix first."))
NOT_RELOADABLE = str(
    QT_TR_NOOP(
        "None of the selected errors can be reloaded: their input rows are unknown (job-level errors and Apex jobs)."
    )
)


@dataclass(frozen=True)
class Opened:
    """What the dialog opens with (built off the GUI thread)."""

    batches: Batches
    suggestions: tuple[FixStep, ...]
    org: OrgNames


class ReloadController(QObject):
    """Signals: dialog_opened(object) with the FixReloadDialog; reload_recorded(object, object)
    with the batch and outcome once the archive holds them; recovered(list) with the words
    said about reloads a crash had left pending."""

    dialog_opened = Signal(object)
    reload_recorded = Signal(object, object)
    recovered = Signal(list)

    def __init__(
        self, window: Any, parent: QObject | None = None, services: ReloadServices | None = None
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.services = services or default_services()
        self.dialog: FixReloadDialog | None = None
        self._recover_pending = False
        self.fix_rows = self._action(tr("&Fix and reload…"), "fixReloadAction", self.fix_selected_rows)
        self.fix_groups = self._action(
            tr("&Fix and reload these groups…"), "fixReloadGroupsAction", self.fix_selected_groups
        )
        self.export = ReloadExport(window, self, self.services, self.selected_positions, self.group_positions)
        self._wire()
        self.update_actions()

    def _action(self, text: str, name: str, slot: Any) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _wire(self) -> None:
        window = self.window
        window.actions_.add_file_action(self.export.action)
        menu = QMenu(tr("&Actions"), window)
        menu.setObjectName("actionsMenu")
        menu.setToolTipsVisible(True)
        menu.addAction(self.fix_rows)
        menu.addAction(self.fix_groups)
        bar = window.menuBar()
        help_menu = bar.actions()[-1] if bar.actions() else None
        bar.insertMenu(help_menu, menu) if help_menu is not None else bar.addMenu(menu)
        self.menu = menu
        window.groups.panel.add_action(self.fix_groups)
        table = window.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._table_menu)
        table.selectionModel().selectionChanged.connect(self.update_actions)
        window.model.modelReset.connect(self.update_actions)
        window.groups.panel.table.selectionModel().selectionChanged.connect(self.update_actions)
        window.groups.grouped.connect(self.update_actions)
        window.archive.reload_history = self._history
        window.sync_ended.connect(self._sync_ended)

    # ---- what is selected, and whether it can be reloaded ----------------------------------
    def selected_positions(self) -> np.ndarray:
        """Frame positions of the selected error rows."""
        rows = self.window.table.selected_rows()
        return self.window.model.error_view.visible[rows] if len(rows) else np.empty(0, np.int64)

    def group_positions(self) -> np.ndarray:
        """Frame positions of the selected groups' rows (under the filter)."""
        groups, current = self.window.groups, self.window.groups.current
        chosen = groups.selected_groups() if groups.model.rowCount() else None
        view = self.window.model.error_view
        if current is None or chosen is None or chosen.empty or current.frame is not view.frame:
            return np.empty(0, np.int64)  # not grouped yet (a new frame is being grouped)
        ids = [int(g) for g in chosen["group"]]
        return current.groups.rows_of(ids, view.filtered())

    def reason(self, positions: np.ndarray, nothing: str) -> str:
        """Why these rows cannot be fixed and reloaded ("" when they can)."""
        if self.window.session is None:
            return tr(NO_SESSION)
        if not len(positions):
            return tr(nothing)
        frame = self.window.model.error_view.frame
        level = frame["failed_on"].to_numpy()[positions] == RECORD_LEVEL
        bulk = frame["source"].to_numpy()[positions] != SOURCE_APEX
        return "" if bool(np.any(level & bulk)) else tr(NOT_RELOADABLE)

    def update_actions(self, *_args: object) -> None:
        for action, positions, nothing, what in (
            (
                self.fix_rows,
                self.selected_positions(),
                NO_SELECTION,
                tr("Edit the selected errors and load them into Salesforce again"),
            ),
            (
                self.fix_groups,
                self.group_positions(),
                NO_GROUPS,
                tr("Edit the selected groups' errors and load them into Salesforce again"),
            ),
        ):
            why = self.reason(positions, nothing)
            action.setEnabled(not why)
            action.setToolTip(tooltip(why or what))
            action.setStatusTip(why)
        self.export.update_action()

    def _table_menu(self, pos: QPoint) -> None:
        menu = QMenu(self.window.table)
        menu.setToolTipsVisible(True)
        menu.addAction(self.fix_rows)
        menu.addAction(self.export.action)
        menu.popup(self.window.table.viewport().mapToGlobal(pos))

    # ---- opening the dialog ----------------------------------------------------------------
    def fix_selected_rows(self) -> None:
        self.open_for(self.selected_positions(), NO_SELECTION)

    def fix_selected_groups(self) -> None:
        self.open_for(self.group_positions(), NO_GROUPS, self._diagnosed_steps())

    def _diagnosed_steps(self) -> tuple[FixStep, ...]:
        """The fixes the Why section suggests for the one selected group (its diagnosis)."""
        diagnosis = self.window.groups.panel.why.diagnosis
        keys = self.window.groups.selected_keys()
        if diagnosis is None or keys != [diagnosis.group_key]:
            return ()
        return tuple(diagnosis.suggested_steps)

    def open_for(
        self, positions: np.ndarray, nothing: str = NO_SELECTION, suggested: tuple[FixStep, ...] = ()
    ) -> None:
        """Read the rows' input (off the GUI thread), then open the dialog on them."""
        why = self.reason(positions, nothing)
        if why:
            self.window.show_status(why, 8000)
            return
        session, services = self.window.session, self.services
        frame, details = self.window.model.error_view.frame, self.window.model.details

        def work() -> Opened:
            batches = services.batches_for(frame, details, positions)
            suggestions = suggested or tuple(services.suggest(frame, positions))
            return Opened(batches, suggestions, org_names(session, services.is_production(session)))

        self.window.show_status(tr("Reading the failed rows…"))
        run_in_background(
            work, self._show_dialog, self._failed, parent=self, doing=tr("read the failed rows")
        )

    def _show_dialog(self, opened: Opened) -> None:
        session = self.window.session
        if session is None:
            return
        found = opened.batches
        if not found.batches:
            self.window.show_status(tr(NOT_RELOADABLE), 10000)
            message_boxes.show_info(self.window, tr("Fix and reload"), tr(NOT_RELOADABLE))
            return
        services, archive = self.services, self._archive()
        dialog = FixReloadDialog(
            found.batches,
            opened.org,
            lambda batch: self._make_worker(session, batch, archive, opened.org),
            check_permissions=lambda target: services.missing_permissions(session, target),
            suggestions=opened.suggestions,
            left_out=found.left_out,
            parent=self.window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.reloaded.connect(self._reloaded)
        dialog.destroyed.connect(lambda *_: setattr(self, "dialog", None))
        self.dialog = dialog
        self.window.show_status("")
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _failed(self, text: str) -> None:
        self.window.show_status(shown(text), 10000)
        message_boxes.show_error(self.window, tr("Fix and reload"), shown(text))

    # ---- a reload and its record -----------------------------------------------------------
    def _make_worker(self, session: Any, batch: ReloadBatch, archive: Any, org: OrgNames) -> ReloadWorker:
        services = self.services

        def created(job_id: str) -> None:  # the worker's thread, before the upload
            if archive is None:
                return
            record = ReloadRecord(
                job_id, datetime.now(UTC), session.username, session.org_id, org.host,
                org.is_production, batch.target, len(batch), origins=batch.origins,
            )  # fmt: skip
            try:
                services.record(archive, record)
            except (UserFacingError, ArchiveError) as exc:
                logger.warning("reload %s not recorded: %s", job_id, exc)

        return ReloadWorker(services.run, services.client_for, session, batch, created)

    def _reloaded(self, batch: ReloadBatch, outcome: ReloadOutcome) -> None:
        """The outcome into the archive (the record, the originals marked), off the GUI thread."""
        archive, services = self._archive(), self.services
        words = outcome_words(outcome)

        def work() -> ReloadOutcome:
            if archive is not None:
                services.finish(archive, outcome.job_id, outcome)
                services.apply_outcome(archive, batch, outcome)
            return outcome

        def done(_outcome: ReloadOutcome) -> None:
            see = tr("Sync (F5) to see the reload job's rows.")
            self.window.show_status(f"{words} {see}", 30000)
            self.reload_recorded.emit(batch, outcome)

        def failed(text: str) -> None:
            self.window.show_status(f"{words} {shown(text)}", 30000)
            self.reload_recorded.emit(batch, outcome)

        run_in_background(work, done, failed, parent=self, doing=tr("record the reload in the archive"))

    # ---- reloads a crash left pending ------------------------------------------------------
    def session_changed(self, session: Any) -> None:
        """A login (or logout): the actions now; after this login's first sync (the archive is
        open and up to date by then), the reloads a crash left pending in the org's archive."""
        self.update_actions()
        self._recover_pending = session is not None

    def _sync_ended(self) -> None:
        session = self.window.session
        if not self._recover_pending or session is None or self.window.last_sync_error:
            return
        self._recover_pending = False
        services, archive = self.services, self._archive()
        if archive is None:
            return

        def work() -> list[str]:
            return [
                self._recover_one(services, session, archive, record) for record in services.pending(archive)
            ]

        run_in_background(
            work, self._report_recovered, lambda text: None, parent=self, doing=tr("look up reloads")
        )

    @staticmethod
    def _recover_one(services: ReloadServices, session: Any, archive: Any, record: ReloadRecord) -> str:
        values = {"object": record.target.object_name, "job": record.job_id}
        try:
            outcome = services.recover(services.client_for(session), record)
            services.finish(archive, record.job_id, outcome)
        except Exception as exc:  # noqa: BLE001 - one record's failure must not hide the others
            text = tr(
                "The reload of %Ln {object} rows (job {job}) could not be looked up: {reason}",
                None,
                record.rows,
            )
            return text.format(reason=shown(failure_text(exc, tr("look up the job"))), **values)
        text = tr(
            "The reload of %Ln {object} rows (job {job}), interrupted earlier, has ended. {outcome}",
            None,
            record.rows,
        )
        return text.format(outcome=outcome_words(outcome), **values)

    def _report_recovered(self, lines: list[str]) -> None:
        if lines:
            message_boxes.show_info(self.window, tr("Interrupted reloads"), "\n\n".join(lines))
        self.recovered.emit(lines)

    def close(self) -> None:
        """Window closing: a running reload is asked to stop and waited for (its job is recorded)."""
        dialog = self.dialog
        if dialog is not None and dialog.worker is not None:
            dialog.worker.cancel()
            dialog.worker.wait(30_000)

    # ---- the archive -----------------------------------------------------------------------
    def _archive(self) -> Any:
        """The shown org's archive, or None (no data folder: reloads are not recorded)."""
        return self.window.archive.shown_archive("reloads without the archive")

    def _history(self, archive: Any) -> list[ReloadRecord]:
        return self.services.history(archive)


def org_names(session: Any, is_production: bool) -> OrgNames:
    host = urlsplit(session.instance_url).hostname or session.instance_url
    return OrgNames(session.username, host, is_production)
