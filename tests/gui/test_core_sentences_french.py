"""The core's sentences (sync problems, notes, progress, export failures) shown in French."""

from __future__ import annotations

import errno
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QLocale

from syncerr_gui.core.exceptions import RequestFailed, SessionExpired, failure_text
from syncerr_gui.core.frame.export import describe_os_error
from syncerr_gui.core.salesforce.client import RENEWAL_FAILED
from syncerr_gui.core.sync.notes import api_limit_note
from syncerr_gui.core.sync.values import SyncProgress
from syncerr_gui.core.time_window import sync_start
from syncerr_gui.core.words import say
from syncerr_gui.gui.i18n import shown


def test_a_wrapped_failure_is_french_inside_and_out(french) -> None:
    inner = say(
        "Salesforce is unavailable right now ({status} {code})", status=503, code="SERVER_UNAVAILABLE"
    )
    words = failure_text(RequestFailed(say("{reason} (tried {tries} times)", reason=inner, tries=4)), "sync")
    assert (
        shown(words)
        == "Salesforce est indisponible pour le moment (503 SERVER_UNAVAILABLE) (4\u00a0tentatives)"
    )


def test_counts_follow_the_french_locale_and_its_plural(french) -> None:
    thousands = QLocale().toString(1234)
    assert shown(api_limit_note(1234)) == (
        "La limite quotidienne d\u2019API de l\u2019organisation est épuisée\u00a0: "
        f"{thousands}\u00a0tâches non lues\u00a0; la prochaine synchronisation les lira."
    )
    assert "0\u00a0tâche non lue" in shown(api_limit_note(0))  # French says "0 tâche"
    progress = SyncProgress(12, 4000, 0, "Reading jobs", total_final=False)
    assert shown(progress.jobs_text()) == f"12 sur au moins {QLocale().toString(4000)}\u00a0tâches"


def test_session_window_and_export_sentences_are_french(french, tmp_path: Path) -> None:
    assert shown(failure_text(SessionExpired(RENEWAL_FAILED), "sync")).startswith(
        "Votre session Salesforce a expiré"
    )
    _, note = sync_start(None, datetime(2027, 1, 1, tzinfo=UTC), datetime(2026, 12, 2, tzinfo=UTC))
    assert shown(note).startswith("Le début de la dernière synchronisation réussie (2027-01-01 00:00 UTC)")
    full = describe_os_error(OSError(errno.ENOSPC, "No space left on device"), tmp_path / "errors.csv")
    assert shown(full).startswith("Le disque est plein\u00a0: impossible d\u2019écrire ")
