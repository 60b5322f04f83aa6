"""The main window: the errors table, filter dock, detail pane, status bar and menus.

It owns the session and drives login, sync and export; the heavy work runs in workers and
comes back as signals, so the window never blocks. The only heavy step on the GUI thread
is the model's `set_frame`.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import datetime
from importlib import metadata
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal, qVersion
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QMainWindow, QSplitter, QTableView, QWidget

from syncerr_gui import APP_NAME, __version__
from syncerr_gui.core.frame.schema import empty_frame
from syncerr_gui.gui import message_boxes
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.groups.groups_controller import GroupsController
from syncerr_gui.gui.local_time import local_zone
from syncerr_gui.gui.login.login_dialog import LoginDialog
from syncerr_gui.gui.login.session_controller import SessionController
from syncerr_gui.gui.main_actions import MainActions
from syncerr_gui.gui.panes.detail_pane import DetailPane
from syncerr_gui.gui.panes.problems_dialog import ProblemsDialog
from syncerr_gui.gui.panes.status_bar import StatusBar
from syncerr_gui.gui.sync_worker import EngineFactory, SyncWorker
from syncerr_gui.gui.table.columns import COL_FAILED_AT
from syncerr_gui.gui.table.elide_tooltip_delegate import ElideToolTipDelegate
from syncerr_gui.gui.table.table_data import TableData
from syncerr_gui.gui.tasks import run_in_background

logger = logging.getLogger(__name__)

# Default widths by header prefix; Error Details gets the room.
# At 1280x800 (filter dock at the left, details below) the first five fit: Error Details wide.
COLUMN_WIDTHS = {
    "Failed On": 90,
    "Failure Date/Time": 160,
    "Error Type": 210,
    "Error Details": 370,
    "Object": 110,
    "Operation": 80,
    "Salesforce ID": 150,
    "Source ID": 130,
    "Job ID": 150,
    "Source": 100,
}


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
        self.setWindowTitle(APP_NAME)
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
        self.table = self._build_table()
        self.filter_dock = FilterDock(self)
        self.detail_pane = DetailPane(self)
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.filter_dock)
        # Details below the table (full width but the filter dock's), so the table keeps its width.
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.detail_pane)
        self.actions_ = MainActions(self, self)
        self.session_controller = SessionController(
            self, self.settings, parent=self, ca_bundle=ca_bundle, check_admin=check_admin
        )
        self.actions_.build_menus([self.filter_dock.toggleViewAction(), self.detail_pane.toggleViewAction()])
        self._connect()
        self.resize(1280, 800)
        self.resizeDocks([self.filter_dock], [270], Qt.Orientation.Horizontal)
        self.resizeDocks([self.detail_pane], [270], Qt.Orientation.Vertical)
        self.settings.restore_window(self, self.table.horizontalHeader())
        self._restore_filter()
        self._update_actions()
        from syncerr_gui.gui.archive.archive_controller import ArchiveController

        self.archive = ArchiveController(self, self)  # inactive until archive.open(data_dir)
        self.actions_.add_file_action(self.archive.action)
        self.groups = GroupsController(self, self)
        self._build_centre()

    # --- building -----------------------------------------------------------------------------
    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("errorsTable")
        table.setModel(self.model)
        # Newest first by default; setSortingEnabled sorts by the indicator straight away.
        table.horizontalHeader().setSortIndicator(COL_FAILED_AT, Qt.SortOrder.DescendingOrder)
        table.setSortingEnabled(True)
        table.setAlternatingRowColors(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setItemDelegate(ElideToolTipDelegate(table))  # full text on hover when a cell elides
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        for col in range(self.model.columnCount()):
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal) or "")
            width = next((w for name, w in COLUMN_WIDTHS.items() if title.startswith(name)), 120)
            header.resizeSection(col, width)
        return table

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
        self.model.counts_changed.connect(self.status.set_counts)
        self.filter_dock.filter_applied.connect(self.apply_filter)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.table.doubleClicked.connect(self._row_double_clicked)
        self.status.cancel_requested.connect(self.cancel_sync)
        self.status.problems_requested.connect(self.show_problems)

    def _restore_filter(self) -> None:
        from syncerr_gui.core.frame.filtering import ErrorFilter

        saved = self.settings.last_filter()
        if saved is not None:
            flt = ErrorFilter.from_dict(saved)
            self.filter_dock.set_filter(flt)
            self.model.set_filter(flt)

    def _update_actions(self) -> None:
        self.actions_.set_logged_in(self.session is not None, self.is_syncing)
        self.actions_.export.setEnabled(self.model.total_count > 0)

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

    def apply_filter(self, flt: Any) -> None:
        """Show the rows `flt` lets through and remember it."""
        self.model.set_filter(flt)
        self.settings.save_filter(flt.to_dict())
        self._refresh_choices()
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
        """Use this logged-in session; clears rows of a previous org."""
        if self.session is not None and getattr(self.session, "org_id", None) != session.org_id:
            self.show_frame(empty_frame())
        self.session = session
        self.status.set_org(session)
        self.detail_pane.instance_url = session.instance_url
        self.settings.save_last_login(instance_url=session.instance_url, username=session.username)
        self.setWindowTitle(f"{APP_NAME} — {session.username}")
        self._update_actions()
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
        self.setWindowTitle(APP_NAME)
        self._update_actions()
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

        options = SyncOptions(last_success_start=self.settings.last_success_start(self.session.org_id))
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
        self.status.showMessage("Syncing…")
        self._update_actions()
        worker.start()

    def cancel_sync(self) -> None:
        """Stop the running sync; the rows read so far are kept."""
        if self.sync_worker is not None:
            self.sync_worker.cancel()
            self.status.cancel_button.setEnabled(False)
            self.status.showMessage("Cancelling…")

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
        if not result.cancelled:
            # Filter first (on the old rows, cheap) so set_frame filters and sorts only once.
            self.settings.set_last_success_start(self.session.org_id, result.started_at)
            self._set_default_window(result)
        self.show_frame(result.frame, prepared, result.details)
        note = "Cancelled" if result.cancelled else ""
        self.status.set_last_sync(result.finished_at, note)
        self.status.set_api_usage(result.api_usage)
        self.status.set_problems(len(result.problems))
        if self.problems_dialog is not None:
            self.problems_dialog.set_problems(result.problems)
        self.status.showMessage(
            "Sync cancelled: the rows read so far are shown."
            if result.cancelled
            else f"Sync finished: {len(result.frame):,} errors.",
            10000,
        )
        self.sync_ended.emit()

    def _sync_failed(self, text: str) -> None:
        worker = self.sync_worker
        expired = worker is not None and worker.session_expired
        salvaged = worker.salvaged if worker is not None else None
        self._end_sync()
        self.last_sync_error = text
        kept = "The rows already shown are kept."
        if salvaged is not None and worker is not None:
            self.show_frame(salvaged.frame, worker.salvaged_table, salvaged.details)
            kept += " The rows this sync read before it stopped are shown too."
        self.status.showMessage(f"Sync failed: {text}")
        self.status.set_last_sync(None, "Sync failed")
        message_boxes.show_error(self, "Sync failed", f"{text}\n\n{kept}")
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
        if hasattr(self, "groups"):  # not yet while the window is built
            self.groups.frame_changed()

    def _set_default_window(self, result: Any) -> None:
        """Seed rule: from (start of the latest successful sync − 5 days) to now."""
        from syncerr_gui.core.time_window import post_sync_filter

        flt = post_sync_filter(self.filter_dock.current_filter(), result)
        self.filter_dock.set_default_window(flt.start, None)
        self.filter_dock.set_filter(flt)
        self.model.set_filter(flt)
        self.settings.save_filter(flt.to_dict())

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
        if self.model.shown_count == 0:
            message_boxes.show_info(self, "Export CSV", "There are no rows to export.")
            return
        folder = self.settings.last_export_dir() or os.path.expanduser("~")
        name = f"salesforce-sync-errors-{datetime.now():%Y-%m-%d-%H%M}.csv"
        path, _ = QFileDialog.getSaveFileName(
            self, "Export CSV", os.path.join(folder, name), "CSV files (*.csv);;All files (*)"
        )
        if not path:
            return
        if not os.path.splitext(path)[1]:
            path += ".csv"
        self.settings.set_last_export_dir(os.path.dirname(path))
        view = self.model.error_view  # snapshot now: the user may filter while it writes
        frame, visible, zone = view.frame, view.visible.copy(), local_zone()
        self.status.showMessage(f"Exporting to {path}…")
        run_in_background(
            lambda: _write_csv(frame, visible, path, zone),
            lambda rows: self._export_finished(rows, path),
            self._export_failed,
            parent=self,
            doing="export the rows",
        )

    def _export_finished(self, rows: int, path: str) -> None:
        message = f"Exported {rows:,} errors to {path}"
        self.status.showMessage(message, 15000)
        self.export_ended.emit(message)

    def _export_failed(self, text: str) -> None:
        self.status.showMessage(f"Export failed: {text}", 15000)
        message_boxes.show_error(self, "Export failed", text)
        self.export_ended.emit(f"Export failed: {text}")

    # --- help / lifetime ---------------------------------------------------------------------
    def show_about(self) -> None:
        """App, Qt, PySide6, pandas and simple-salesforce versions."""
        message_boxes.show_info(self, f"About {APP_NAME}", about_text())

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop a running sync, remember the layout."""
        self.settings.save_window(self, self.table.horizontalHeader())
        if self.sync_worker is not None:
            self.sync_worker.cancel()
            self.sync_worker.wait(5000)
        for worker in self._old_workers:
            worker.wait(5000)
        self.archive.close()
        super().closeEvent(event)


def _write_csv(frame: Any, rows: Any, path: str, zone: Any) -> int:
    """Pool thread: the export of the frame positions `rows`, in that order, a chunk at a time
    (imported here: the CSV writer is not needed at start-up)."""
    from syncerr_gui.core.frame.export import export_csv

    return export_csv(frame, path, tz=zone, rows=rows)


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
