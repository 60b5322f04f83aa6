"""The question asked before anything is written to an org: which org, what, how many rows.

It names the org (username and host) and says "production" in plain words when it is one.
No button writes by default (Enter does nothing, Escape cancels), and for production the
Reload button stays disabled until the admin ticks "I understand this changes production
data": two deliberate acts, never one stray key.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from syncerr_gui.core.reload.batch import DESTRUCTIVE_OPERATIONS, ReloadTarget
from syncerr_gui.gui import style
from syncerr_gui.gui.i18n import tr
from syncerr_gui.gui.plain_text import plain_label


@dataclass(frozen=True)
class OrgNames:
    """What the confirmation says about the org it writes to."""

    username: str
    host: str
    is_production: bool


class ReloadConfirmation(QDialog):
    """accept() only through the Reload button; for production only after the tick."""

    def __init__(self, org: OrgNames, target: ReloadTarget, rows: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reloadConfirmation")
        self.setWindowTitle(
            tr("Production org: confirm the reload") if org.is_production else tr("Confirm the reload")
        )
        self.org = org
        self.heading = style.heading(_heading(org), self, 1.15)
        self.heading.setObjectName("confirmHeading")
        self.body = style.selectable(plain_label(confirmation_text(org, target, rows), self))
        self.body.setObjectName("confirmBody")
        self.understand = QCheckBox(tr("I understand this changes production data"), self)
        self.understand.setObjectName("understandProduction")
        self.understand.setVisible(org.is_production)
        # Plain buttons, not a QDialogButtonBox: that makes its first accept button the default.
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.setObjectName("cancelConfirmButton")
        label = tr("Reload into production") if org.is_production else tr("Reload %Ln rows", None, rows)
        self.reload_button = QPushButton(label, self)
        self.reload_button.setObjectName("confirmReloadButton")
        self.buttons = (self.cancel_button, self.reload_button)
        for button in self.buttons:
            button.setAutoDefault(False)
            button.setDefault(False)
        self.reload_button.setEnabled(not org.is_production)
        self.understand.toggled.connect(self.reload_button.setEnabled)
        self.reload_button.clicked.connect(lambda _checked=False: self._confirm())
        self.cancel_button.clicked.connect(lambda _checked=False: self.reject())
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.reload_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.body)
        layout.addWidget(self.understand)
        layout.addSpacing(8)
        layout.addLayout(row)
        self.setMinimumWidth(540)
        self.adjustSize()

    def _confirm(self) -> None:
        if self.org.is_production and not self.understand.isChecked():
            return  # the button is disabled; this guards a programmatic click too
        self.accept()


def _heading(org: OrgNames) -> str:
    if org.is_production:
        return tr("This is a production org: the reload changes live data.")
    return tr("This is a sandbox.")


def confirmation_text(org: OrgNames, target: ReloadTarget, rows: int) -> str:
    """What will happen, in words (also what a test reads)."""
    if target.external_id:
        send = tr("Send %Ln rows to {object} as {operation} matched on {external_id}.", None, rows)
    else:
        send = tr("Send %Ln rows to {object} as {operation}.", None, rows)
    if org.is_production:
        where = tr("Org: {username} at {host} (production).")
    else:
        where = tr("Org: {username} at {host} (sandbox).")
    lines = [
        send.format(object=target.object_name, operation=target.operation, external_id=target.external_id),
        where.format(username=org.username, host=org.host),
        "",
        tr(
            "A Bulk API 2.0 job is created in your name and the values are sent exactly as shown. "
            "Salesforce may change records right away; rows it refuses come back with their errors."
        ),
    ]
    if target.operation in DESTRUCTIVE_OPERATIONS:
        removes = tr("The {operation} operation removes records: this app cannot undo it.")
        lines.append(removes.format(operation=target.operation))
    return "\n".join(lines)
