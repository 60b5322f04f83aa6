"""The main window's own sentences about copies and syncs, in the window's language."""

from __future__ import annotations

from syncerr_gui.gui.i18n import shown, tr


def copied_text(rows: int, note: str) -> str:
    """The status bar after Ctrl+C: how many rows, and the table's note on them if any."""
    if not rows:
        return tr("Select rows to copy first.")
    if note:
        text = tr(
            "Copied %Ln row(s) to the clipboard, ready to paste into a spreadsheet ({note}).", None, rows
        )
        return text.format(note=shown(note))
    return tr("Copied %Ln row(s) to the clipboard, ready to paste into a spreadsheet.", None, rows)


def sync_ended_text(cancelled: bool, errors: int, note: str) -> str:
    """The status bar after a sync: cancelled, or finished with its count and notes."""
    if cancelled:
        return tr("Sync cancelled: the rows read so far are shown.")
    done = tr("Sync finished: %Ln error(s).", None, errors)
    return f"{done} {note}" if note else done


def sync_notes(result: object, filter_note: str) -> str:
    """The notes on a whole sync (a clamped window, the daily API limit), then the filter's."""
    problems = getattr(result, "problems", [])
    reasons = [shown(p.reason) for p in problems if not p.source]
    return " ".join(reasons + ([filter_note] if filter_note else []))


def kept_text(salvaged: bool) -> str:
    """What a failed sync leaves on screen."""
    kept = tr("The rows already shown are kept.")
    if salvaged:
        kept += " " + tr("The rows this sync read before it stopped are shown too.")
    return kept
