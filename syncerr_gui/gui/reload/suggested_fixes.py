"""Suggested fixes (a diagnosis supplies them): each a one-click step with its preview.

Each row says what the step does and how many cells it would change now; its tooltip lists
the first changes. Applying one is the same as applying it by hand: it can be undone.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from syncerr_gui.core.reload.batch import FixStep
from syncerr_gui.gui.i18n import shown, tr
from syncerr_gui.gui.plain_text import plain_label, tooltip
from syncerr_gui.gui.reload.edit_state import EditState
from syncerr_gui.gui.reload.fix_step_dialog import preview_text


class SuggestedFixes(QGroupBox):
    """Signals: chosen(object) with the FixStep whose Apply was clicked."""

    chosen = Signal(object)

    def __init__(self, steps: Sequence[FixStep], parent: QWidget | None = None) -> None:
        super().__init__(tr("Suggested fixes"), parent)
        self.setObjectName("suggestedFixes")
        self.steps = tuple(steps)
        self.labels = []
        self.buttons: list[QPushButton] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        for number, step in enumerate(self.steps):
            label = plain_label(shown(step.describe()), self)
            button = QPushButton(tr("Apply"), self)
            button.setObjectName(f"applySuggestion{number}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, chosen=step: self.chosen.emit(chosen))
            row = QHBoxLayout()
            row.addWidget(label, 1)
            row.addWidget(button)
            layout.addLayout(row)
            self.labels.append(label)
            self.buttons.append(button)
        self.setVisible(bool(self.steps))

    def update_for(self, state: EditState, busy: bool = False) -> None:
        """Each step's preview against the rows as they are now."""
        for step, label, button in zip(self.steps, self.labels, self.buttons, strict=True):
            changes = state.preview(step)
            count = len(changes)
            label.setText(tr("{fix} — changes %Ln cells", None, count).format(fix=shown(step.describe())))
            label.setToolTip(tooltip(preview_text(changes)))
            button.setEnabled(bool(changes) and not busy)
