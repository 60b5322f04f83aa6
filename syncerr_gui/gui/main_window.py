"""The main window: the errors table, filter dock, detail pane, status bar and menus.

It owns the session and drives login, sync and export; the heavy work runs in workers and
comes back as signals, so the window never blocks. The only heavy step on the GUI thread
is the model's `set_frame`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal, qVersion
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QMainWindow, QSplitter, QWidget

from syncerr_gui.core.frame.schema import empty_frame
from syncerr_gui.gui import message_boxes, window_words
from syncerr_gui.gui import settings_keys as keys
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.export_flow import CsvExport
from syncerr_gui.gui.filter_memory import FilterMemory
from syncerr_gui.gui.groups.groups_controller import GroupsController
from syncerr_gui.gui.i18n import app_name, tr
from syncerr_gui.gui.language_menu import LanguageMenu
from syncerr_gui.gui.local_time import local_zone
from syncerr_gui.gui.login.login_dialog import LoginDialog
from syncerr_gui.gui.login.session_controller import SessionController
from syncerr_gui.gui.main_actions import MainActions
from syncerr_gui.gui.panes.detail_pane import DetailPane
from syncerr_gui.gui.panes.empty_filter_note import EmptyFilterNote
from syncerr_gui.gui.panes.problems_dialog import ProblemsDialog
from syncerr_gui.gui.panes.status_bar import StatusBar
from syncerr_gui.gui.reload.reload_controller import ReloadController
from syncerr_gui.gui.sync_worker import EngineFactory, SyncWorker
from syncerr_gui.gui.table.errors_table import ErrorsTable
from syncerr_gui.gui.table.table_data import TableData
from syncerr_gui.gui.watch.watch_controller import WatchController

logger = logging.getLogger(__name__)

DOCK_WIDTH = 270  # the filter dock's width before the first rows (then it fits its names)
DOCK_SHARE = 0.2  # at most this share of the window when fitted to the longest name


class MainWindow(QMainWindow):
    """The app's one window. Collaborators are injected so tests can use the demo org.

    Signals: sync_ended() after a sync finished, was cancelled or failed (the table and the
    status bar are up to date by then); export_ended(str) with the status-bar message.
    """

    sync_ended = Signal()
    export_ended = Signal(str)

    def __init__(
        self,
        settings: AppSettings | None = None,
        *,
        demo_session: Callable[[], Any] | None = None,
        ca_bundle: str | None = None,
        engine_factory: EngineFactory | None = None,
        check_admin: Callable[[Any], Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from syncerr_gui.gui.panes.filter_dock import FilterDock
        from syncerr_gui.gui.table.error_table_model import ErrorTableModel

        self.setObjectName("mainWindow")
        self._set_title(None)
        self.settings = settings if settings is not None else AppSettings()
        self._demo_session = demo_session
        self._ca_bundle = ca_bundle
        self._engine_factory = engine_factory
        self._check_admin = check_admin
        self.session: Any = None
        self.last_result: Any = None
        self.last_sync_error = ""  # words of the last sync's failure ('' when it did not fail)
        self.frame = empty_frame()  # the rows in the model (kept here for a cancelled sync's merge)
        self.sync_worker: SyncWorker | None = None
        self._old_workers: list[SyncWorker] = []
        self.login_dialog: LoginDialog | None = None
        self.problems_dialog: ProblemsDialog | None = None
        self.model = ErrorTableModel(self)
        self.table = ErrorsTable(self.model, self)
        self.empty_note = EmptyFilterNote(self.table.viewport())
        self.filter_dock = FilterDock(self)
        self.detail_pane = DetailPane(self)
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.filter_dock)
        # Details below the table (full width but the filter dock's), so the table keeps its width.
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.detail_pane)
        self.csv_export = CsvExport(self, self)
        self.filter_memory = FilterMemory(self)
        self.actions_ = MainActions(self, self)
        self.session_controller = SessionController(
            self, self.settings, parent=self, ca_bundle=ca_bundle, check_admin=check_admin
        )
        self.actions_.build_menus([self.filter_dock.toggleViewAction(), self.detail_pane.toggleViewAction()])
        self.restart_requested = False  # set by View › Language › Restart now (application.main relaunches)
        self.language_menu = LanguageMenu(
            self.settings, self, self.restart, lambda text: self.show_status(text, 10000)
        )
        self.actions_.add_view_menu(self.language_menu.menu)
        self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.cancel_sync)
        self._connect()
        self.resize(1280, 800)
        self.resizeDocks([self.filter_dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
        self.resizeDocks([self.detail_pane], [270], Qt.Orientation.Vertical)
        self.settings.restore_window(self, self.table.horizontalHeader())
        # No remembered layout: columns and the dock fit the first rows that arrive.
        self._fit_pending = self.settings.get(keys.LAYOUT_HEADER, qt=qVersion()) is None
        self.filter_memory.restore_at_start()
        self._update_actions()
        from syncerr_gui.gui.archive.archive_controller import ArchiveController

        self.archive = ArchiveController(self, self)  # inactive until archive.open(data_dir)
        self.actions_.add_file_action(self.archive.action)
        self.groups = GroupsController(self, self)
        self._build_centre()
        self.reload = ReloadController(self, self)  # Fix and reload, Export for reload
        self.watch = WatchController(self, self)  # background syncs, tray, notifications

    # --- building -----------------------------------------------------------------------------
    def _build_centre(self) -> None:
        """The Groups view (chart and groups) above the errors table; the groups get the focus."""
        centre = QSplitter(Qt.Orientation.Vertical, self)
        centre.setObjectName("centreSplit")
        centre.setChildrenCollapsible(False)
        centre.addWidget(self.groups.panel)
        centre.addWidget(self.table)
        centre.setSizes([360, 240])
        self.setCentralWidget(centre)
        self.groups.panel.table.setFocus()

    def _connect(self) -> None:
        self.model.counts_changed.connect(self._counts_changed)
        self.filter_dock.filter_applied.connect(self.apply_filter)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.table.doubleClicked.connect(self._row_double_clicked)
        self.table.copied.connect(self._rows_copied)
        self.empty_note.reset_requested.connect(self.filter_dock.reset)
        self.detail_pane.notice.connect(lambda text: self.show_status(text, 5000))
        self.status.cancel_requested.connect(self.cancel_sync)
        self.status.problems_requested.connect(self.show_problems)
        self.status.older_requested.connect(self.read_older_jobs)
        self.csv_export.ended.connect(self.export_ended)

    def _set_title(self, username: str | None) -> None:
        """ "admin@acme.com — Salesforce Sync Errors": ending in the app's name, so Qt does not
        add it a second time (it appends the display name to titles that do not end in it)."""
        self.setWindowTitle(f"{username} — {app_name()}" if username else app_name())

    def _update_actions(self) -> None:
        self.actions_.set_logged_in(self.session is not None, self.is_syncing)
        self.actions_.export.setEnabled(self.model.total_count > 0)
        self._escape.setEnabled(self.is_syncing)  # Esc elsewhere is the widgets' own

    def show_status(self, text: str, timeout_ms: int = 0) -> None:
        """A message in the status bar (0: until the next one)."""
        self.status.showMessage(text, timeout_ms)

    def focus_search(self) -> None:
        """Ctrl+F: the filter dock's search box, its text selected."""
        self.filter_dock.show()
        self.filter_dock.raise_()
        self.filter_dock.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_dock.search.selectAll()

    def _counts_changed(self, shown: int, total: int) -> None:
        self.status.set_counts(shown, total)
        self.empty_note.update_for(shown, total, self.model.current_filter)

    def _rows_copied(self, rows: int, note: str) -> None:
        self.show_status(window_words.copied_text(rows, note), 8000 if rows else 5000)

    # --- selection / details ------------------------------------------------------------------
    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.detail_pane.show_record(self._record(current.row()))

    def _row_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.detail_pane.show_record(self._record(index.row()))
        self.detail_pane.show()
        self.detail_pane.raise_()

    def _record(self, row: int) -> dict[str, Any]:
        """The row for the detail pane, with how often its record failed in the rows loaded."""
        from syncerr_gui.core.frame.recurrence import record_recurrence

        record = self.model.row_record(row)
        frame = self.model.error_view.frame
        record["recurrence"] = record_recurrence(frame, self.model.frame_position(row)).words(local_zone())
        return record

    def select_row(self, row: int) -> None:
        """Select view row `row` (and show it in the detail pane)."""
        index = self.model.index(row, 0)
        self.table.selectRow(row)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _current_position(self) -> int | None:
        """The frame position of the row the detail pane shows (None: no row)."""
        current = self.table.currentIndex()
        if not current.isValid() or self.detail_pane.record is None:
            return None
        return self.model.frame_position(current.row())

    def _follow(self, position: int | None) -> None:
        """After a filter: the pane keeps its row if still shown, else nothing is selected."""
        row = self.model.view_row_of(position) if position is not None else -1
        if row >= 0:
            self.select_row(row)
        else:
            self.table.clearSelection()
            self.detail_pane.show_record(None)

    def apply_filter(self, flt: Any) -> None:
        """Show the rows `flt` lets through and remember it (for this org)."""
        position = self._current_position()
        self.model.set_filter(flt)
        self.filter_memory.save(flt)
        self._refresh_choices()
        self._follow(position)
        self._update_actions()
        self.groups.filter_changed()

    def _refresh_choices(self) -> None:
        """Counts beside each error type / object, under every other part of the filter."""
        self.filter_dock.set_choices(self.model.counts("error_type"), self.model.counts("object"))

    # --- login / logout -------------------------------------------------------------------------
    def show_login(self) -> LoginDialog:
        """Open the (application-modal) login dialog; a successful login syncs."""
        if self.login_dialog is None:
            self.login_dialog = LoginDialog(
                self.settings,
                self,
                demo_session=self._demo_session,
                ca_bundle=self._ca_bundle,
                check_admin=self._check_admin,
            )
            self.login_dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
            self.login_dialog.accepted.connect(lambda: self.set_session(self.login_dialog.session, sync=True))
            self.session_controller.prepare_login_dialog(self.login_dialog)
        self.login_dialog.open()
        return self.login_dialog

    def set_session(self, session: Any, sync: bool = False) -> None:
        """Use this logged-in session; clears rows of a previous org and shows its own filter."""
        if self.session is not None and getattr(self.session, "org_id", None) != session.org_id:
            self.show_frame(empty_frame())
        self.session = session
        self.filter_memory.follow(session.org_id)
        self.status.set_org(session)
        self.detail_pane.instance_url = session.instance_url
        self.settings.save_last_login(instance_url=session.instance_url, username=session.username)
        self._set_title(session.username)
        self._update_actions()
        self.reload.session_changed(session)
        if sync:
            self.sync_now()

    def log_out(self) -> None:
        """Forget the session and the rows (its tokens are revoked); show the login dialog."""
        self.cancel_sync()
        self.session_controller.log_out(self.session)
        self.session = None
        self.last_result = None
        self.show_frame(empty_frame())
        self.detail_pane.show_record(None)
        self.status.set_org(None)
        self.status.set_api_usage(None)
        self.status.set_last_sync(None)
        self.status.set_problems(0)
        self.status.set_older_jobs(0, None)
        self._set_title(None)
        self._update_actions()
        self.reload.session_changed(None)
        if self.login_dialog is not None:
            self.login_dialog.clear_secrets()  # the next person at this screen types their own
        self.show_login()

    # --- sync -----------------------------------------------------------------------------------
    @property
    def is_syncing(self) -> bool:
        return self.sync_worker is not None

    def sync_now(self) -> None:
        """Read every error of the org in the background (F5)."""
        if self.session is None:
            self.show_login()
            return
        if self.is_syncing:
            return
        from syncerr_gui.core.sync.values import SyncOptions

        options = SyncOptions(
            since=self.filter_memory.sync_since(),
            last_success_start=self.settings.last_success_start(self.session.org_id),
        )
        worker = self.archive.make_worker(
            self.session,
            options,
            previous_frame=self.frame,
            engine_factory=self._engine_factory,
            previous_details=self.model.details,
        )
        worker.progress.connect(self.status.update_progress)
        worker.finished.connect(self._sync_finished)
        worker.failed.connect(self._sync_failed)
        self.sync_worker = worker
        self.status.start_progress()
        self.status.showMessage(tr("Syncing… (Esc cancels)"))
        self._update_actions()
        worker.start()

    def cancel_sync(self) -> None:
        """Stop the running sync (Cancel, Esc); the rows read so far are kept."""
        if self.sync_worker is not None:
            self.sync_worker.cancel()
            self.status.show_cancelling()
            self.status.showMessage(tr("Cancelling…"))

    def read_older_jobs(self) -> None:
        """The older-jobs note's "Read them": no From limit (the admin's window), then sync."""
        import dataclasses

        dock = self.filter_dock
        dock.set_filter(dataclasses.replace(dock.current_filter(), start=None), own_window=True)
        dock.apply()
        self.sync_now()

    def _end_sync(self) -> None:
        worker, self.sync_worker = self.sync_worker, None
        if worker is not None:
            self._old_workers = [w for w in self._old_workers if not w.wait(0)] + [worker]
        self.status.stop_progress()
        self._update_actions()

    def _sync_finished(self, result: Any, prepared: Any) -> None:
        self._end_sync()
        self.last_sync_error = ""
        self.last_result = result
        note = ""
        if not result.cancelled:
            # Filter first (on the old rows, cheap) so set_frame filters and sorts only once.
            if result.complete:  # cut short by the API limit: the next sync starts where this one did
                self.settings.set_last_success_start(self.session.org_id, result.started_at)
            note = self.filter_memory.after_sync(result)
            self.status.set_older_jobs(result.older_jobs, result.since)
            # notes on the whole sync (a clamped window, the daily API limit) lead the message
            note = window_words.sync_notes(result, note)
        self.show_frame(result.frame, prepared, result.details)
        self.status.set_last_sync(result.finished_at, tr("Cancelled") if result.cancelled else "")
        self.status.set_api_usage(result.api_usage)
        self.status.set_problems(len(result.problems))
        if self.problems_dialog is not None:
            self.problems_dialog.set_problems(result.problems)
        ended = window_words.sync_ended_text(result.cancelled, len(result.frame), note)
        self.show_status(ended, 30000 if note else 10000)
        self.sync_ended.emit()

    def _sync_failed(self, text: str) -> None:
        worker = self.sync_worker
        expired = worker is not None and worker.session_expired
        salvaged = worker.salvaged if worker is not None else None
        self._end_sync()
        self.last_sync_error = text
        kept = window_words.kept_text(salvaged is not None and worker is not None)
        if salvaged is not None and worker is not None:
            self.show_frame(salvaged.frame, worker.salvaged_table, salvaged.details)
        self.status.showMessage(tr("Sync failed: {reason}").format(reason=text))
        self.status.set_last_sync(None, tr("Sync failed"))
        message_boxes.show_error(self, tr("Sync failed"), f"{text}\n\n{kept}")
        if expired:
            self.show_login()
        self.sync_ended.emit()

    def show_frame(self, frame: Any, prepared: TableData | None = None, details: Any = None) -> None:
        """Put `frame` in the table (with the view a worker `prepared` for it, if any);
        `details` read its rows' input rows (default: those of `prepared`, else none)."""
        self.frame = frame
        self.model.set_frame(frame, prepared=prepared, details=details)
        self._refresh_choices()
        self.detail_pane.show_record(None)
        self._update_actions()
        if self._fit_pending and len(frame) and self.isVisible():
            self._fit_first_layout()
        if hasattr(self, "groups"):  # not yet while the window is built
            self.groups.frame_changed()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_pending and self.model.total_count:
            self._fit_first_layout()

    def _fit_first_layout(self) -> None:
        """Once, without a remembered layout: the dock as wide as its longest name (within a
        share of the window), then the columns to their content."""
        self._fit_pending = False
        wanted = self.filter_dock.fitting_width()
        width = max(DOCK_WIDTH, min(wanted, int(self.width() * DOCK_SHARE)))
        self.resizeDocks([self.filter_dock], [width], Qt.Orientation.Horizontal)
        layout = self.layout()
        if layout is not None:
            layout.activate()  # the table's new width, before its columns share it
        self.table.fit_columns()

    def show_problems(self) -> None:
        """The non-modal list of jobs the last sync could not read."""
        if self.problems_dialog is None:
            self.problems_dialog = ProblemsDialog(self)
        self.problems_dialog.set_problems(self.last_result.problems if self.last_result else [])
        self.problems_dialog.show()
        self.problems_dialog.raise_()

    # --- export ---------------------------------------------------------------------------------
    def export_csv(self) -> None:
        """Save the rows shown, in the order shown, to a CSV file chosen by the user (Ctrl+E)."""
        self.csv_export.start()

    # --- help / lifetime ---------------------------------------------------------------------
    def restart(self) -> None:
        """View › Language's "Restart now": quit as File › Quit does; the app then starts again."""
        self.restart_requested = True
        self.actions_.quit.trigger()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop a running sync, remember the layout (unless watching goes on in the tray)."""
        if self.watch.hide_instead_of_close(event):
            return
        self.settings.save_window(self, self.table.horizontalHeader())
        if self.sync_worker is not None:
            self.sync_worker.cancel()
            self.sync_worker.wait(5000)
        for worker in self._old_workers:
            worker.wait(5000)
        self.reload.close()
        self.archive.close()
        super().closeEvent(event)
