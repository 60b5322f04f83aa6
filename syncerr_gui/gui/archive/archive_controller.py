"""The error archive in the app: instant start, syncs through the archive, "New", retention.

On launch, before any login or network call, the table shows the archive of the last org
used (its id is remembered in the settings; it is not a secret), after a purge to the
retention setting, all of it off the GUI thread. Each sync goes through the org's archive
(`ArchiveSync`: archived jobs are not downloaded again) and then shows every archived row;
the filter's time window decides what is visible. Rows whose error signature first failed
after the user's last visit are marked "New"; leaving the app records the visit.

An archive that cannot be used (damaged file, locked, disk full) is reported in words in
the status bar and the app carries on without it. The window calls three things: `open`
(application start-up), `make_worker` (each sync) and `close` (window close); the controller
sees the window only through `ArchiveHost`, and the window puts `action` in its File menu.
"""

from __future__ import annotations

import logging
import shutil
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

import pandas as pd
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStatusBar, QTableView, QWidget

from syncerr_gui.core.archive.data_dirs import archived_org_ids
from syncerr_gui.core.archive.store import DEFAULT_RETENTION_DAYS, ErrorArchive, MonthSize
from syncerr_gui.core.auth.session import OrgSession
from syncerr_gui.core.cancel import CancelToken
from syncerr_gui.core.exceptions import ArchiveError
from syncerr_gui.core.frame.filtering import ErrorFilter
from syncerr_gui.core.frame.schema import empty_frame
from syncerr_gui.core.reload.batch import ReloadRecord
from syncerr_gui.core.time_window import post_sync_filter
from syncerr_gui.core.words import say
from syncerr_gui.gui import settings_keys as keys
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.archive.archive_dialog import ArchiveDialog, ArchiveInfo
from syncerr_gui.gui.archive.archive_label import ArchiveStatusLabel
from syncerr_gui.gui.archive.archive_support import ArchiveView, valid_org
from syncerr_gui.gui.i18n import shown, tr
from syncerr_gui.gui.local_time import date_layout
from syncerr_gui.gui.panes.filter_dock import FilterDock
from syncerr_gui.gui.sync_worker import SyncWorker
from syncerr_gui.gui.table.columns import COL_NEW
from syncerr_gui.gui.table.error_table_model import ErrorTableModel
from syncerr_gui.gui.table.table_data import TableData, TableSort
from syncerr_gui.gui.tasks import BackgroundTask, run_in_background

logger = logging.getLogger(__name__)

NEW_COLUMN_WIDTH = 44
JOIN_TIMEOUT_S = 120.0


class ArchiveHost(Protocol):
    """What the controller uses of the main window, and nothing more."""

    @property
    def settings(self) -> AppSettings: ...

    @property
    def session(self) -> OrgSession | None: ...

    @property
    def is_syncing(self) -> bool: ...

    @property
    def model(self) -> ErrorTableModel: ...

    @property
    def filter_dock(self) -> FilterDock: ...

    @property
    def status(self) -> QStatusBar: ...

    @property
    def table(self) -> QTableView: ...

    def show_frame(self, frame: pd.DataFrame, prepared: TableData | None = None) -> None: ...


class ArchiveController(QObject):
    """Connects the main window to the per-org error archives in one data folder.

    Signals: shown() after archived rows were put in the table by a load or a purge (not a
    sync: that ends with the window's `sync_ended`); purged(int) after "Purge now" with the
    rows deleted; inputs_dropped(int) after "Drop input rows" with the rows concerned;
    shrink_progress(int, int) parts done / to do while either runs; failed(str) when the
    archive could not be used (the app goes on without).
    """

    shown = Signal()
    purged = Signal(int)
    inputs_dropped = Signal(int)
    shrink_progress = Signal(int, int)
    failed = Signal(object)  # a str; object keeps a core sentence's Words (translated where shown)
    _shrink_step = Signal(int, int)  # emitted on the worker thread, delivered queued

    def __init__(self, window: ArchiveHost, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = window
        self._parent_widget = parent
        self.settings = window.settings
        self.data_dir: Path | None = None
        self.temporary = False
        self.remember_org = True
        self.shown_org: str | None = None  # whose archive the table shows now
        self.error = ""  # the last failure, in words ('' when none)
        self._archives: dict[str, ErrorArchive] = {}
        self._archives_lock = threading.Lock()
        self._tasks: list[BackgroundTask[Any]] = []
        self._load_token = 0  # a load older than the latest sync is dropped
        self._sync_org: str | None = None
        self._seen_as_of: dict[str, datetime | None] = {}  # the sync each org's rows on screen came from
        self._shrink_cancel: CancelToken | None = None
        self._shrink_step.connect(self.shrink_progress, Qt.ConnectionType.QueuedConnection)
        self.dialog: ArchiveDialog | None = None
        # The reload list's source (the reload controller sets it); none until then.
        self.reload_history: Callable[[ErrorArchive], list[ReloadRecord]] = lambda _archive: []
        self.label = ArchiveStatusLabel(window.status)
        self.action = self._build_action()
        self._place_new_column()

    # ---- window hooks ----------------------------------------------------------------------
    def open(self, data_dir: str | Path, temporary: bool = False, remember_org: bool = True) -> None:
        """Use the archives in `data_dir`; show the last org's archive at once (off the GUI thread).

        `remember_org` False (the demo's folder): its org never becomes the one shown at the
        next ordinary start."""
        self.data_dir, self.temporary = Path(data_dir), temporary
        self.remember_org = remember_org and not temporary
        org = self._remembered_org()
        if org is not None and org in archived_org_ids(self.data_dir):
            self._start_load(org, retention_days=self.retention_days, first=True)

    def make_worker(
        self,
        session: OrgSession,
        options: Any,
        previous_frame: pd.DataFrame | None = None,
        engine_factory: Any = None,
        previous_details: Any = None,
    ) -> SyncWorker:
        """A SyncWorker for `session` that syncs through its org's archive (when there is a data
        folder; its last successful sync then sets the window) and builds the table's view in
        its own thread."""
        org = valid_org(session.org_id)
        self._load_token += 1  # a load started before this sync shows older rows: dropped
        if self.shown_org is not None and self.shown_org != org:
            self.window.show_frame(empty_frame())  # another org's archive is on screen
            previous_frame, self.shown_org = empty_frame(), None
        use_archive = self.data_dir is not None and org is not None
        if use_archive and org is not None and self.remember_org:
            self.settings.set(keys.ARCHIVE_LAST_ORG, org)
        if use_archive and org is not None and self.shown_org != org:
            self._show_while_syncing(org)
        opener = (lambda: self.archive_of(org)) if use_archive and org is not None else None
        self._sync_org, self.error = (org if use_archive else None), ""
        worker = SyncWorker(
            session,
            options,
            previous_frame,
            engine_factory,
            archive=opener,
            prepare=self._preparer(self._sync_org),
            previous_details=previous_details,
        )
        # Bound slots of this GUI-thread object: queued, and before the window's own handlers.
        worker.archive_failed.connect(self._show_failure)
        worker.finished.connect(self._sync_finished)
        return worker

    def close(self) -> None:
        """Record the visit of the archive on screen, close every archive, wait for loads."""
        for task in self._tasks:
            task.abandon()
            task.done.wait(JOIN_TIMEOUT_S)  # a load still reading must finish before its archive closes
        with self._archives_lock:
            archives, self._archives = self._archives, {}
        for org, archive in archives.items():
            try:
                if org == self.shown_org and not self.error:  # as of what was shown, not of a
                    archive.mark_visit(self._seen_as_of.get(org))  # headless sync since
            except ArchiveError as exc:
                logger.warning("could not record the visit: %s", exc)
            archive.close()
        if self.temporary and self.data_dir is not None:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    # ---- archives --------------------------------------------------------------------------
    def archive_of(self, org: str) -> ErrorArchive:
        """The open archive of `org` (opened once; any thread). Raises ArchiveError."""
        if self.data_dir is None:
            raise ArchiveError(say("No data folder is set for the error archive."))
        with self._archives_lock:
            archive = self._archives.get(org)
            if archive is None:
                try:
                    archive = ErrorArchive.for_org(org, self.data_dir)
                except OSError as exc:
                    raise ArchiveError(
                        say(
                            "The data folder {folder} cannot be used: {reason}.",
                            folder=str(self.data_dir),
                            reason=str(exc.strerror or exc),
                        )
                    ) from exc
                self._archives[org] = archive
            return archive

    def shown_archive(self, without: str) -> ErrorArchive | None:
        """The archive of `current_org`, or None when there is none (no data folder, no org,
        or it cannot be opened: the log says what goes `without` it)."""
        org = self.current_org()
        if self.data_dir is None or org is None:
            return None
        try:
            return self.archive_of(org)
        except ArchiveError as exc:
            logger.warning("%s: %s", without, exc)
            return None

    def current_org(self) -> str | None:
        """The org of the session, else the one whose archive is shown."""
        session = self.window.session
        return valid_org(session.org_id) if session is not None else self.shown_org

    def info(self) -> ArchiveInfo | None:
        """Location, size, rows and last sync of the current org's archive (None: none yet)."""
        org = self.current_org()
        if org is None or self.data_dir is None or org not in archived_org_ids(self.data_dir):
            return None
        archive = self.archive_of(org)
        return ArchiveInfo(
            org, archive.path, archive.disk_usage(), archive.error_count(), archive.last_success_start()
        )

    @property
    def retention_days(self) -> int:
        days = self.settings.get(keys.ARCHIVE_RETENTION_DAYS)
        return days if days is not None and days > 0 else DEFAULT_RETENTION_DAYS

    def set_retention_days(self, days: int) -> None:
        self.settings.set(keys.ARCHIVE_RETENTION_DAYS, int(days))

    def purge_now(self, days: int) -> bool:
        """Delete the current org's errors older than `days` (background, a part at a time,
        cancellable with `cancel_shrink`; `purged` follows, then the table reloads)."""
        org = self.current_org()
        if org is None or self.data_dir is None or self.window.is_syncing or self.shrinking:
            return False
        self._shrink_cancel = CancelToken()
        self._start_load(org, retention_days=days, first=False)
        return True

    def drop_inputs_now(self, days: int) -> bool:
        """Forget the input rows of errors older than `days`, keeping the errors (background,
        cancellable; `inputs_dropped` follows)."""
        org = self.current_org()
        if org is None or self.data_dir is None or self.window.is_syncing or self.shrinking:
            return False
        cancel = self._shrink_cancel = CancelToken()

        def work() -> int:
            return self.archive_of(org).drop_input_rows(days, cancel, self._shrink_step.emit)

        self._in_background(work, self._dropped)
        return True

    @property
    def shrinking(self) -> bool:
        """A purge or an input-row drop is running."""
        return self._shrink_cancel is not None

    def cancel_shrink(self) -> None:
        """Stop the running purge or drop after the part in hand (what was done stays done)."""
        if self._shrink_cancel is not None:
            self._shrink_cancel.cancel()

    def size_by_month(self) -> list[MonthSize]:
        """The current org's archive per month of failure (empty without an archive)."""
        org = self.current_org()
        if org is None or self.data_dir is None or org not in archived_org_ids(self.data_dir):
            return []
        return self.archive_of(org).size_by_month()

    def reload_records(self) -> list[ReloadRecord]:
        """The reloads this org's archive recorded (File → Archive… lists them); [] without one."""
        org = self.current_org()
        if self.data_dir is None or org is None:
            return []
        try:
            return self.reload_history(self.archive_of(org))
        except ArchiveError as exc:
            logger.warning("reload list not read: %s", exc)
            return []

    def show_dialog(self) -> ArchiveDialog:
        """The Archive… dialog (non-modal)."""
        if self.dialog is None:
            self.dialog = ArchiveDialog(self, self._parent_widget)
        self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    # ---- loading ---------------------------------------------------------------------------
    def _show_while_syncing(self, org: str) -> None:
        """The org's archived rows while its sync runs (the sync's result replaces them)."""
        if self.data_dir is not None and org in archived_org_ids(self.data_dir):
            self._start_load(org, retention_days=None, first=True)

    def _start_load(self, org: str, retention_days: int | None, first: bool) -> None:
        self._load_token += 1
        token, model = self._load_token, self.window.model
        flt, sort = model.current_filter, model.sort_spec

        def done(view: ArchiveView) -> None:
            self._loaded(token, view, first)

        self._in_background(lambda: self._load(org, flt, sort, retention_days), done)

    def _load(self, org: str, flt: ErrorFilter, sort: TableSort, retention_days: int | None) -> ArchiveView:
        """Worker thread: purge (when asked), load everything, mark "New", filter and sort."""
        archive = self.archive_of(org)
        purged = (
            archive.purge(retention_days, self._shrink_cancel, self._shrink_step.emit)
            if retention_days
            else 0
        )
        frame = archive.load()
        marks = archive.new_since_last_visit(frame)
        data = TableData.build(frame, flt, sort, marks, details=archive.details)
        return ArchiveView(org, data, archive.last_success_start(), int(marks.sum()), purged)

    def _loaded(self, token: int, view: ArchiveView, first: bool) -> None:
        if token != self._load_token or self.current_org() not in (None, view.org_id):
            logger.info("archive load of %s dropped: a sync or another org came first", view.org_id)
            return
        self._shrink_cancel = None
        self.shown_org, self.error = view.org_id, ""  # first: the Groups view reads its triage
        self._seen_as_of[view.org_id] = view.last_sync
        self.window.show_frame(view.data.frame, view.data)
        lead = ""
        if first and self.window.session is None:
            when = (
                view.last_sync.astimezone().strftime(date_layout(False))
                if view.last_sync
                else tr("an unfinished sync")
            )
            lead = tr("Showing the archive from {when}; log in to sync").format(when=when)
        self._set_label(lead, view.new_rows)
        archive = self._archives.get(view.org_id)
        if archive is not None and archive.recovery_note:  # it was damaged and recovered: said once
            self.window.status.showMessage(shown(archive.recovery_note), 120_000)
            archive.recovery_note = ""
        if not first:
            self.purged.emit(view.purged)
        self.shown.emit()

    def _dropped(self, count: int) -> None:
        self._shrink_cancel = None
        self.inputs_dropped.emit(count)

    def _in_background(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        task = run_in_background(
            work, done, self._show_failure, parent=self, doing=tr("read the error archive")
        )
        self._tasks = [t for t in self._tasks if not t.done.is_set()] + [task]

    # ---- syncing ---------------------------------------------------------------------------
    def _preparer(self, org: str | None) -> Callable[[Any], TableData]:
        """The worker-thread step after a sync: "New" marks and the table's filtered, sorted view,
        for the filter the window will apply (`post_sync_filter`: this sync's default window)."""
        model = self.window.model
        model_filter, sort = model.current_filter, model.sort_spec
        dock_filter = self.window.filter_dock.current_filter()
        own_window = self.window.filter_dock.own_window

        def prepare(result: Any) -> TableData:
            current = model_filter if result.cancelled else dock_filter
            flt = post_sync_filter(current, result, own_window=own_window)
            marks = None
            if org is not None:
                try:
                    marks = self.archive_of(org).new_since_last_visit(result.frame)
                except ArchiveError as exc:
                    logger.warning("no New marks: %s", exc)
            return TableData.build(result.frame, flt, sort, marks, details=result.details)

        return prepare

    @Slot(object, object)
    def _sync_finished(self, result: Any, data: TableData | None) -> None:
        """Runs before the window's own handler (connected first)."""
        self._load_token += 1  # a load still on its way shows older rows than this result
        if self._sync_org is None or self.error:
            return
        self.shown_org = self._sync_org
        self._seen_as_of[self._sync_org] = getattr(result, "started_at", None)
        self._set_label("", data.view.marked_count() if data is not None else 0)

    @Slot(object)
    def _show_failure(self, text: str) -> None:
        self._shrink_cancel = None
        self.error = text
        self.label.show_failure(text)
        self.failed.emit(text)

    def _set_label(self, lead: str, new_rows: int) -> None:
        self.label.show_state(lead, new_rows)

    # ---- building --------------------------------------------------------------------------
    def _build_action(self) -> QAction:
        """ "Archive…", for the window's File menu (after Export)."""
        action = QAction(tr("&Archive…"), self._parent_widget)
        action.setObjectName("archiveAction")
        action.setStatusTip(tr("Where the error archive is, how big, how long errors are kept; purge"))
        action.triggered.connect(lambda _checked=False: self.show_dialog())
        return action

    def _place_new_column(self) -> None:
        """Show "New" first, narrow, once; later the saved header layout is respected."""
        header = self.window.table.horizontalHeader()
        if not self.settings.get(keys.ARCHIVE_NEW_COLUMN_PLACED):
            header.moveSection(header.visualIndex(COL_NEW), 0)
            header.resizeSection(COL_NEW, NEW_COLUMN_WIDTH)
            self.settings.set(keys.ARCHIVE_NEW_COLUMN_PLACED, True)

    def _remembered_org(self) -> str | None:
        return valid_org(self.settings.get(keys.ARCHIVE_LAST_ORG) or "")
