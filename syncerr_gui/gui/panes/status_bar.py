"""The main window's status bar: counts, org and user, last sync, API usage, sync progress.

While a sync runs, its progress sits at the right end: what it is doing in words (a label
of fixed width, the full text in its tooltip), a bar, and Cancel, fixed in size and last,
so no other fact's text can move it between two clicks. Each phase has its own progress:
listing (busy), reading jobs (jobs done of the total, "of at least" while lists still
arrive) and saving to the archive (busy, with the rows and the seconds it has taken). After
Cancel the bar stays where it was and says so.

Signals: cancel_requested() when Cancel is pressed during a sync; problems_requested() when
the "View" link of the "N jobs could not be read" note is clicked; older_requested() when
the "Read them" link of the older-jobs note is clicked.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime
from typing import Any

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from syncerr_gui.core.archive.incremental import PHASE_ARCHIVING
from syncerr_gui.gui.i18n import shown, tr
from syncerr_gui.gui.local_time import date_layout
from syncerr_gui.gui.plain_text import escape, plain_label, rich_label, tooltip

logger = logging.getLogger(__name__)

PROGRESS_BAR_WIDTH = 120


def progress_text_sample() -> str:
    """The longest usual progress text, in the window's language: the room its label gets."""
    return tr("12,345 of at least 12,345 jobs · 9,999,999 rows", "a sample: it sizes the progress text")


class StatusBar(QStatusBar):
    """Permanent labels plus a progress bar and Cancel button shown only while syncing."""

    cancel_requested = Signal()
    problems_requested = Signal()
    older_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.counts_label = self._label("countsLabel")
        self.problems_label = self._label("problemsLabel", rich=True)  # its "View" link
        self.problems_label.linkActivated.connect(lambda _link: self.problems_requested.emit())
        self.older_label = self._label("olderJobsLabel", rich=True)  # its "Read them" link
        self.older_label.linkActivated.connect(lambda _link: self.older_requested.emit())
        self.org_label = self._label("orgLabel")
        self.sync_label = self._label("lastSyncLabel")
        self.api_label = self._label("apiUsageLabel")
        self._build_progress()
        # All permanent: showMessage() hides normal widgets, and the counts and Cancel must stay.
        # A thin rule before each label keeps the facts apart; it hides with its label.
        self._rules: dict[QLabel, QFrame] = {}
        for widget in (
            self.counts_label,
            self.problems_label,
            self.older_label,
            self.org_label,
            self.sync_label,
            self.api_label,
            self.progress_label,
            self.progress,
            self.cancel_button,  # last: nothing to its right can move it
        ):
            if isinstance(widget, QLabel) and widget not in (self.counts_label, self.progress_label):
                self._rules[widget] = self._rule()
                self.addPermanentWidget(self._rules[widget])
            self.addPermanentWidget(widget)
        for label in self._rules:
            self._set_text(label, "")
        self.set_counts(0, 0)

    def _build_progress(self) -> None:
        """The sync's words, bar and Cancel, each of a fixed width (hidden until a sync)."""
        self.progress_label = self._label("syncProgressText")
        self.progress_label.setFixedWidth(self.fontMetrics().horizontalAdvance(progress_text_sample()) + 12)
        self.progress_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("syncProgress")
        self.progress.setTextVisible(False)  # the words are beside it: they never overflow it
        self.progress.setFixedWidth(PROGRESS_BAR_WIDTH)
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.setObjectName("cancelSyncButton")
        self.cancel_button.setToolTip(tr("Stop the sync (Esc); what was read so far is kept"))
        self.cancel_button.setFixedWidth(self.cancel_button.sizeHint().width())
        self.cancel_button.clicked.connect(self.cancel_requested)
        self._phase = ""
        self.progress_text = ""  # the full words beside the bar
        self._phase_started = 0.0
        self._saving_rows = 0
        self._cancelling = False
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._show_saving)
        for widget in (self.progress_label, self.progress, self.cancel_button):
            widget.hide()

    def _label(self, name: str, rich: bool = False) -> QLabel:
        label = rich_label(self) if rich else plain_label(parent=self)
        label.setObjectName(name)
        label.setContentsMargins(6, 0, 6, 0)
        return label

    def _rule(self) -> QFrame:
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.VLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        return rule

    def _set_text(self, label: QLabel, text: str) -> None:
        """Set a label's text; an empty label and its rule are hidden (no stray separators)."""
        label.setText(text)
        label.setVisible(bool(text))
        if label in self._rules:
            self._rules[label].setVisible(bool(text))

    def set_counts(self, shown: int, total: int) -> None:
        """'N of M errors shown' (in the locale's digits: '1 234' in French)."""
        text = tr("%Ln of {total} errors shown", None, shown)  # the form agrees with what is shown
        self.counts_label.setText(text.format(total=QLocale().toString(total)))

    def set_org(self, session: Any | None) -> None:
        """'admin@demo.example · 00D…' (empty when logged out)."""
        if session is None:
            self._set_text(self.org_label, "")
            return
        self._set_text(self.org_label, f"{session.username} · {session.org_id}")
        self.org_label.setToolTip(tooltip(getattr(session, "instance_url", "")))

    def set_last_sync(self, when: datetime | None, note: str = "") -> None:
        """'Last sync 2026-12-01 14:02' in local time, plus a note such as 'Cancelled' (in the
        window's language: the caller's)."""
        if when is None:
            self._set_text(self.sync_label, note)
            return
        local = when.astimezone()
        text = tr("Last sync {when}").format(when=local.strftime(date_layout(with_seconds=False)))
        self._set_text(self.sync_label, f"{note} · {text}" if note else text)

    def set_api_usage(self, usage: tuple[int, int] | None) -> None:
        """'API 1,234 / 15,000' (the org's daily REST API requests)."""
        if usage is None:
            self._set_text(self.api_label, "")
            return
        used, limit = usage
        locale = QLocale()
        self._set_text(
            self.api_label,
            tr("API {used} / {limit}").format(used=locale.toString(used), limit=locale.toString(limit)),
        )
        self.api_label.setToolTip(tr("API requests used in the last 24 hours / the org's daily limit"))

    def set_problems(self, count: int) -> None:
        """'3 jobs could not be read — View' (hidden when 0)."""
        if count <= 0:
            self._set_text(self.problems_label, "")
            return
        said = escape(tr("%Ln job(s) could not be read", None, count))
        self._set_text(self.problems_label, f'{said} — <a href="#problems">{escape(tr("View"))}</a>')

    def set_older_jobs(self, count: int, since: datetime | None) -> None:
        """'37 older jobs not read — Read them' (hidden when 0): the jobs before the window."""
        if count <= 0 or since is None:
            self._set_text(self.older_label, "")
            return
        when = since.astimezone().strftime(date_layout(with_seconds=False))
        said, link = escape(tr("%Ln older job(s) not read", None, count)), escape(tr("Read them"))
        self._set_text(self.older_label, f'{said} — <a href="#older">{link}</a>')
        self.older_label.setToolTip(
            tooltip(
                tr(
                    "The org still holds %Ln job(s) last changed before {when}, where the time "
                    "window starts; their errors are not shown. To read them, untick From (or set it "
                    "earlier) under Filters and press F5; 'Read them' does that.",
                    None,
                    count,
                ).format(when=when)
            )
        )

    def start_progress(self) -> None:
        """Show the (busy) progress bar and Cancel."""
        self._phase, self._cancelling = "", False
        self.progress.setRange(0, 0)
        self._set_progress_text(tr("Listing jobs…"))
        for widget in (self.progress_label, self.progress, self.cancel_button):
            widget.show()
        self.cancel_button.setEnabled(True)

    def update_progress(self, progress: Any) -> None:
        """Show one SyncProgress: its phase, and within it jobs done / total and rows so far
        ("of at least" while the job lists still arrive and the total can grow)."""
        if progress.phase == PHASE_ARCHIVING:
            self._start_saving(int(progress.rows))
            return
        if self._cancelling or self._phase == PHASE_ARCHIVING:
            return  # the bar stays where the sync stopped
        self._phase = progress.phase
        total = int(progress.jobs_total)
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(int(progress.jobs_done), total))
            rows = tr("{jobs} · %Ln row(s)", None, int(progress.rows))
            self._set_progress_text(rows.format(jobs=shown(progress.jobs_text())))

    def show_cancelling(self) -> None:
        """Cancel was pressed: the bar stays put, the words say what happens now."""
        self._cancelling = True
        self.cancel_button.setEnabled(False)
        self._ticker.stop()
        self._set_progress_text(
            tr("Cancelling the save…")
            if self._phase == PHASE_ARCHIVING
            else tr("Cancelling… (what was read is kept)")
        )

    def _start_saving(self, rows: int) -> None:
        """The archive's own phase: busy, with the rows and the seconds it has taken."""
        if self._phase != PHASE_ARCHIVING:
            self._phase, self._phase_started = PHASE_ARCHIVING, time.monotonic()
            self._ticker.start()
        self._saving_rows = rows
        self.progress.setRange(0, 0)
        self._show_saving()

    def _show_saving(self) -> None:
        seconds = int(time.monotonic() - self._phase_started)
        saving = tr("Saving %Ln row(s) to the archive…", None, self._saving_rows)
        took = tr("{saving} · {seconds} s").format(saving=saving, seconds=QLocale().toString(seconds))
        self._set_progress_text(took if seconds else saving)

    def _set_progress_text(self, text: str) -> None:
        """The words beside the bar, elided to their fixed room (all of them in the tooltip)."""
        room = self.progress_label.width() - 12
        self.progress_label.setText(self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, room))
        self.progress_label.setToolTip(tooltip(text))
        self.progress_text = text

    def stop_progress(self) -> None:
        """Hide the progress bar and Cancel."""
        self._ticker.stop()
        self._phase, self._cancelling = "", False
        for widget in (self.progress_label, self.progress, self.cancel_button):
            widget.hide()
