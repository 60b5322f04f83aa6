"""The archive's words in the status bar: what is shown, how many rows are new, or why it is not used."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar

from syncerr_gui.gui.i18n import QT_TR_NOOP, shown, tr
from syncerr_gui.gui.plain_text import make_plain, tooltip

NEW_TIP = QT_TR_NOOP(
    "Rows marked ● in the New column: their error type, object and source ID first failed after your last visit"
)


class ArchiveStatusLabel(QLabel):
    """A permanent status-bar label, hidden while it has nothing to say (plain text only)."""

    def __init__(self, status: QStatusBar) -> None:
        super().__init__(status)
        self.setObjectName("archiveLabel")
        make_plain(self)
        self.hide()
        status.insertPermanentWidget(1, self)

    def show_state(self, lead: str, new_rows: int) -> None:
        """`lead` (may be empty) and the count of rows new since the last visit."""
        parts = [lead] if lead else []
        if new_rows:
            parts.append(tr("%Ln new since your last visit", None, new_rows))
        self.setText(" · ".join(parts))
        self.setToolTip(tooltip(tr(NEW_TIP) if new_rows else ""))
        self.setVisible(bool(parts))

    def show_failure(self, text: str) -> None:
        words = shown(text)
        self.setText(tr("Archive not used: {reason}").format(reason=words))
        self.setToolTip(
            tooltip(
                words
                + "\n"
                + tr("The app works without the archive: syncs show what Salesforce still holds.")
            )
        )
        self.show()
