"""Fills the Why section for the selected group, off the GUI thread.

Logged in: the diagnosis this sync already kept in the archive, else read from the org
through the session's guarded client (one reader per shown frame, so one describe per
object per sync) and kept. A new selection cancels the read in flight. Logged out: the
diagnosis the archive kept, said to be offline, or a note that none was read yet.
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QObject, Signal

from syncerr_gui.core.archive.diagnosis_cache import DiagnosisCache, diagnosis_of
from syncerr_gui.core.cancel import CancelToken
from syncerr_gui.core.diagnosis.diagnoser import Diagnoser
from syncerr_gui.core.diagnosis.group_rows import GroupRows
from syncerr_gui.core.diagnosis.model import Diagnosis
from syncerr_gui.core.diagnosis.org_reader import OrgReader
from syncerr_gui.core.frame.row_details import NoDetails
from syncerr_gui.core.salesforce.client import OrgClient
from syncerr_gui.gui.groups.why_section import EMPTY, WhySection
from syncerr_gui.gui.i18n import QT_TR_NOOP, shown, tr
from syncerr_gui.gui.tasks import run_in_background

logger = logging.getLogger(__name__)

# English sources, translated where shown (the section's `show_note` / `show_diagnosis`).
READING = QT_TR_NOOP("Reading the cause from the org…")
SEVERAL = QT_TR_NOOP("Select one group to see why it failed.")
NOT_READ = QT_TR_NOOP("No diagnosis was read for this group yet: log in to read it from the org.")
FROM_ORG = QT_TR_NOOP("from the org")
OFFLINE = QT_TR_NOOP("from the archive (offline)")


class WhyController(QObject):
    """Signals: shown() once the section shows a diagnosis or a final note (tests wait on it)."""

    shown = Signal()

    def __init__(self, window: Any, section: WhySection, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.section = section
        self._token = 0
        self._cancel: CancelToken | None = None
        self._reader: OrgReader | None = None
        self._reader_of: tuple[Any, Any] | None = None  # (session, frame) the reader is for
        self._asked: tuple[str, Any, Any] | None = None  # (key, frame, session) last asked for
        section.notice.connect(lambda text: window.status.showMessage(text, 4000))

    def group_selected(self, groups: Any, frame: pd.DataFrame, chosen: pd.DataFrame, archive: Any) -> None:
        """Show the diagnosis of the one selected group (a note for none or several); the same
        group of the same frame again (a filter change) is not read again."""
        key = str(chosen["key"].iloc[0]) if len(chosen) == 1 else ""
        asked = (key, frame, self.window.session)
        last = self._asked
        if key and last is not None and last[0] == key and last[1] is frame and last[2] is asked[2]:
            return
        self._stop()
        self._asked = asked if key else None
        if not key:
            self.section.show_note(tr(SEVERAL) if len(chosen) else tr(EMPTY))
            return
        positions = groups.rows_of([int(chosen["group"].iloc[0])])
        details = self.window.model.details or NoDetails()
        cache = DiagnosisCache(archive) if archive is not None else None
        session = self.window.session
        self._token += 1
        token = self._token
        if session is None:
            work = lambda: _offline(cache, key)
        else:
            diagnoser = Diagnoser(self._reader_for(session, frame))
            work = lambda: _online(frame, positions, details, key, diagnoser, cache)
            self.section.show_note(tr(READING))
        self.section.instance_url = getattr(session, "instance_url", "") or ""
        run_in_background(
            work,
            lambda found: self._show(token, found),
            lambda text: self._failed(token, text),
            parent=self,
            doing=tr("read the diagnosis"),
        )

    def _reader_for(self, session: Any, frame: pd.DataFrame) -> OrgReader:
        """A reader with its own cancel; the describes are shared while the session and frame stay."""
        self._cancel = CancelToken()
        client = OrgClient(session, cancel=self._cancel)
        if (
            self._reader is None
            or self._reader_of is None
            or self._reader_of[0] is not session
            or self._reader_of[1] is not frame
        ):
            self._reader, self._reader_of = OrgReader(client), (session, frame)
            return self._reader
        return self._reader.with_client(client)

    def _show(self, token: int, found: tuple[Diagnosis | None, str, Any]) -> None:
        if token != self._token:
            return
        diagnosis, where, usage = found
        if diagnosis is None:
            self.section.show_note(tr(NOT_READ))
        else:
            self.section.show_diagnosis(diagnosis, tr(where))
        if usage is not None:
            self.window.status.set_api_usage(usage)
        self.shown.emit()

    def _failed(self, token: int, text: str) -> None:
        if token != self._token:
            return  # a read cancelled by a newer selection
        self._asked = None  # a later selection of the group tries again
        self.section.show_note(tr("Could not read the diagnosis: {reason}").format(reason=shown(text)))
        self.shown.emit()

    def _stop(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()
            self._cancel = None


def _online(
    frame: pd.DataFrame, positions: np.ndarray, details: Any, key: str, diagnoser: Diagnoser, cache: Any
) -> tuple[Diagnosis | None, str, Any]:
    rows = GroupRows.of(frame, positions, details, key)
    diagnosis = diagnosis_of(rows, diagnoser, cache)
    return diagnosis, FROM_ORG, diagnoser.reader.client.api_usage


def _offline(cache: DiagnosisCache | None, key: str) -> tuple[Diagnosis | None, str, Any]:
    return (cache.latest(key) if cache is not None else None), OFFLINE, None
