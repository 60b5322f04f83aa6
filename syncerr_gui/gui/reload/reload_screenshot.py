"""`--screenshot FILE --shoot fix-reload|confirm-reload`: the Fix and reload dialog (or its
confirmation) on the demo org's biggest group of record-level errors, a "set column" fix
applied, saved as FILE. For the README and to look at the dialog as a user sees it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from syncerr_gui.core.frame.schema import RECORD_LEVEL
from syncerr_gui.core.reload.batch import SetColumn
from syncerr_gui.gui.reload.fix_reload_dialog import FixReloadDialog

logger = logging.getLogger(__name__)

FIX, CONFIRM = "fix-reload", "confirm-reload"
SHOTS = (FIX, CONFIRM)


def shoot_dialog(
    window: Any, kind: str, save: Callable[[QWidget], None], fail: Callable[[str], None]
) -> None:
    """Open the dialog on the top record-level group, then `save(widget)` (or `fail(words)`)."""
    groups = window.groups
    table = groups.model.group_rows(list(range(groups.model.rowCount())))
    record = [row for row, level in enumerate(table["failed_on"]) if level == RECORD_LEVEL]
    # A picklist group reads best: the common fix is a "set column" on the field it names.
    picklist = [row for row in record if "PICKLIST" in str(table["error_type"].iat[row])]
    rows = picklist or record
    if not rows:
        fail("the demo org has no record-level group")
        return
    groups.select_rows([rows[0]])

    def opened(dialog: FixReloadDialog) -> None:
        batch = dialog.state.current
        named = str(groups.selected_groups()["fields"].iat[0]).split(",")[0].strip()
        column = named if named in batch.columns else batch.columns[-1]
        dialog.apply_step(SetColumn(column, "Web"))
        dialog.table.selectRow(0)
        target: QWidget = dialog.confirm() if kind == CONFIRM else dialog
        if kind == CONFIRM:
            target.findChild(QWidget, "understandProduction").setFocus()  # type: ignore[union-attr]
        QTimer.singleShot(100, lambda: _grab(target, save))

    window.reload.dialog_opened.connect(opened, Qt.ConnectionType.SingleShotConnection)
    window.reload.fix_selected_groups()


def _grab(widget: QWidget, save: Callable[[QWidget], None]) -> None:
    QApplication.processEvents()
    save(widget)
