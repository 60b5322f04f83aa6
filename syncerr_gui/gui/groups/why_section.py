"""The Why section beside the groups table: the selected group's diagnosis from the org —
its one line, the lines under it, the suggested fixes, links to Setup or records, and when
it was read. Salesforce's words are shown as plain text only."""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFrame, QGroupBox, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from syncerr_gui.core.diagnosis.model import FOUND, Diagnosis, Link
from syncerr_gui.gui import style
from syncerr_gui.gui.i18n import QT_TR_NOOP, shown, tr
from syncerr_gui.gui.links import offer_link
from syncerr_gui.gui.local_time import format_local
from syncerr_gui.gui.plain_text import plain_label, tooltip

logger = logging.getLogger(__name__)

EMPTY = QT_TR_NOOP("Select one group to see why it failed, read from the org's own metadata.")
_SAFE_PATH = re.compile(r"^/[A-Za-z0-9/_?=.%&-]*$")


def safe_url(instance_url: str, path: str) -> str:
    """The link's URL on the org, or "" when the path is not one the app made (IDs come from
    the network, so only ID and path characters may pass)."""
    if not instance_url.startswith("https://") or not _SAFE_PATH.match(path) or "//" in path:
        return ""
    return instance_url.rstrip("/") + path


class WhySection(QGroupBox):
    """`show_note(text)` for a state (reading, offline, several groups), `show_diagnosis(diagnosis, where)`."""

    notice = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Why"), parent)
        self.setObjectName("whySection")
        self.instance_url = ""
        self.status = style.mute(plain_label(tr(EMPTY), self))
        self.status.setObjectName("whyStatus")
        self.status.setWordWrap(True)
        self.headline = style.selectable(plain_label("", self))
        self.headline.setObjectName("whyHeadline")
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.body = QWidget()
        self.lines = QVBoxLayout(self.body)
        self.lines.setContentsMargins(0, 0, 0, 0)
        self.lines.setSpacing(2)
        scroll = QScrollArea(self)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 4)
        layout.addWidget(self.status)
        layout.addWidget(self.headline)
        layout.addWidget(scroll, 1)
        self.diagnosis: Diagnosis | None = None
        self.show_note(tr(EMPTY))

    def show_note(self, text: str) -> None:
        """Only a note (no diagnosis shown)."""
        self.diagnosis = None
        self.status.setText(text)
        self.headline.hide()
        self._clear()

    def show_diagnosis(self, diagnosis: Diagnosis, where: str) -> None:
        """`diagnosis`, with `where` it came from ("from the org", "from the archive (offline)"),
        in the window's language; the diagnosis's own sentences are the core's (`shown`)."""
        self.diagnosis = diagnosis
        self.status.setText(
            tr("Read {where} at {time}").format(where=where, time=format_local(diagnosis.read_at))
        )
        headline = shown(diagnosis.headline)
        self.headline.setText(style.breakable(headline))
        self.headline.setToolTip(tooltip(headline))
        self.headline.show()
        self._clear()
        for line in diagnosis.details:
            self._add(style.selectable(plain_label(style.breakable(shown(line)), self.body)), "whyDetail")
        for step in diagnosis.suggested_steps:
            fix = plain_label(tr("Suggested fix: {fix}").format(fix=shown(step.describe())), self.body)
            fix.setWordWrap(True)
            self._add(fix, "whyFix")
        if diagnosis.status == FOUND and not diagnosis.suggested_steps:
            self._add(
                style.mute(plain_label(tr("No fix to suggest: see the lines above."), self.body)), "whyNoFix"
            )
        for link in diagnosis.links:
            self._add(self._link_button(link), "whyLink")
        self.lines.addStretch(1)

    def _link_button(self, link: Link) -> QPushButton:
        label = shown(link.label)
        button = QPushButton(label, self.body)
        button.setFlat(True)
        url = safe_url(self.instance_url, link.path)
        button.setEnabled(bool(url))
        button.setToolTip(tooltip(url or tr("Log in to open it in the org")))
        button.clicked.connect(lambda: self._open(url, label))
        return button

    def _open(self, url: str, what: str) -> None:
        if url and not QDesktopServices.openUrl(QUrl(url)):
            offer_link(self, url, what.lower(), self.notice.emit)

    def _add(self, widget: QWidget, name: str) -> None:
        widget.setObjectName(name)
        if isinstance(widget, QLabel):
            widget.setWordWrap(True)
        self.lines.addWidget(widget)
        widget.show()  # added to a shown section: shown now, not after the next event loop turn

    def _clear(self) -> None:
        while self.lines.count():
            item = self.lines.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def texts(self) -> list[str]:
        """Every line shown, top to bottom (tests read what the admin reads)."""
        shown = [self.status.text()] + ([self.headline.text()] if self.headline.isVisibleTo(self) else [])
        for index in range(self.lines.count()):
            item = self.lines.itemAt(index)
            widget = item.widget() if item is not None else None
            if isinstance(widget, (QLabel, QPushButton)):
                shown.append(widget.text())
        return shown
