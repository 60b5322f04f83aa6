"""The main window's status bar: counts, org and user, last sync, API usage, sync progress.

Signals: cancel_requested() when Cancel is pressed during a sync; problems_requested() when
the "View" link of the "N jobs could not be read" note is clicked.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from syncerr_gui.gui.plain_text import plain_label, rich_label, tooltip

logger = logging.getLogger(__name__)


class StatusBar(QStatusBar):
    """Permanent labels plus a progress bar and Cancel button shown only while syncing."""

    cancel_requested = Signal()
    problems_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.counts_label = self._label("countsLabel")
        self.problems_label = self._label("problemsLabel", rich=True)  # its "View" link
        self.problems_label.linkActivated.connect(lambda _link: self.problems_requested.emit())
        self.progress = QProgressBar(self)
        self.progress.setObjectName("syncProgress")
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setObjectName("cancelSyncButton")
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.cancel_button.hide()
        self.org_label = self._label("orgLabel")
        self.sync_label = self._label("lastSyncLabel")
        self.api_label = self._label("apiUsageLabel")
        # All permanent: showMessage() hides normal widgets, and the counts and Cancel must stay.
        # A thin rule before each label keeps the facts apart; it hides with its label.
        self._rules: dict[QLabel, QFrame] = {}
        for widget in (
            self.counts_label,
            self.problems_label,
            self.progress,
            self.cancel_button,
            self.org_label,
            self.sync_label,
            self.api_label,
        ):
            if isinstance(widget, QLabel) and widget is not self.counts_label:
                self._rules[widget] = self._rule()
                self.addPermanentWidget(self._rules[widget])
            self.addPermanentWidget(widget)
        for label in self._rules:
            self._set_text(label, "")
        self.set_counts(0, 0)

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
        """'N of M errors shown'."""
        self.counts_label.setText(f"{shown:,} of {total:,} errors shown")

    def set_org(self, session: Any | None) -> None:
        """'admin@demo.example · 00D…' (empty when logged out)."""
        if session is None:
            self._set_text(self.org_label, "")
            return
        self._set_text(self.org_label, f"{session.username} · {session.org_id}")
        self.org_label.setToolTip(tooltip(getattr(session, "instance_url", "")))

    def set_last_sync(self, when: datetime | None, note: str = "") -> None:
        """'Last sync 14:02' in local time, plus a note such as 'Cancelled'."""
        if when is None:
            self._set_text(self.sync_label, note)
            return
        local = when.astimezone()
        text = f"Last sync {local:%Y-%m-%d %H:%M}"
        self._set_text(self.sync_label, f"{note} · {text}" if note else text)

    def set_api_usage(self, usage: tuple[int, int] | None) -> None:
        """'API 1,234 / 15,000' (the org's daily REST API requests)."""
        if usage is None:
            self._set_text(self.api_label, "")
            return
        used, limit = usage
        self._set_text(self.api_label, f"API {used:,} / {limit:,}")
        self.api_label.setToolTip("API requests used in the last 24 hours / the org's daily limit")

    def set_problems(self, count: int) -> None:
        """'3 jobs could not be read — View' (hidden when 0)."""
        if count <= 0:
            self._set_text(self.problems_label, "")
            return
        noun = "job" if count == 1 else "jobs"
        link = '<a href="#problems">View</a>'
        self._set_text(self.problems_label, f"{count} {noun} could not be read — {link}")

    def start_progress(self) -> None:
        """Show the (busy) progress bar and Cancel."""
        self.progress.setRange(0, 0)
        self.progress.setFormat("Listing jobs…")
        self.progress.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()

    def update_progress(self, progress: Any) -> None:
        """Jobs done / total and rows so far, from a SyncProgress ("of at least" while the
        job lists are still arriving and the total can grow)."""
        total = int(progress.jobs_total)
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(int(progress.jobs_done), total))
            self.progress.setFormat(f"{progress.jobs_text()} · {progress.rows:,} rows")
        self.progress.setToolTip(tooltip(progress.phase))

    def stop_progress(self) -> None:
        """Hide the progress bar and Cancel."""
        self.progress.hide()
        self.cancel_button.hide()
