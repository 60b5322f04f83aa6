"""run_in_background: the value or the words come back on the GUI thread, or not at all."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread
from pytestqt.qtbot import QtBot

from syncerr_gui.core.exceptions import ExportError
from syncerr_gui.gui.tasks import inline_pool, run_in_background


def test_the_value_arrives_on_the_gui_thread_after_work_done_elsewhere(qtbot: QtBot) -> None:
    owner = QObject()
    worked_in: list[threading.Thread] = []
    got: list[tuple[int, QThread]] = []

    def work() -> int:
        worked_in.append(threading.current_thread())
        return 42

    run_in_background(
        work, lambda v: got.append((v, QThread.currentThread())), got.append, parent=owner, doing="count"
    )
    qtbot.waitUntil(lambda: bool(got))
    assert got == [(42, owner.thread())]
    assert worked_in and worked_in[0] is not threading.main_thread()


def test_a_failure_arrives_as_words(qtbot: QtBot) -> None:
    owner = QObject()
    failed: list[str] = []

    def no_disk() -> None:
        raise ExportError("The disk is full: no file was written.")

    def bug() -> None:
        raise KeyError("secret")

    run_in_background(no_disk, lambda _v: None, failed.append, parent=owner, doing="export the rows")
    run_in_background(bug, lambda _v: None, failed.append, parent=owner, doing="export the rows")
    qtbot.waitUntil(lambda: len(failed) == 2)
    assert sorted(failed) == [
        "Could not export the rows because of an unexpected error (KeyError).",
        "The disk is full: no file was written.",
    ]


def test_nothing_is_delivered_once_the_owner_is_gone_or_the_task_abandoned(qtbot: QtBot) -> None:
    gone, stays = QObject(), QObject()
    release = threading.Event()
    got: list[str] = []
    task_gone = run_in_background(
        lambda: release.wait(5) and "late", got.append, got.append, parent=gone, doing="wait"
    )
    abandoned = run_in_background(
        lambda: release.wait(5) and "cancelled", got.append, got.append, parent=stays, doing="wait"
    )
    kept = run_in_background(
        lambda: release.wait(5) and "kept", got.append, got.append, parent=stays, doing="wait"
    )
    gone.deleteLater()
    qtbot.waitUntil(lambda: not _alive(gone))
    abandoned.abandon()
    release.set()
    qtbot.waitUntil(lambda: bool(got))
    qtbot.wait(50)
    assert got == ["kept"]
    assert task_gone.done.is_set() and abandoned.done.is_set() and kept.done.is_set()


def test_an_inline_pool_runs_the_work_at_once_and_delivers_through_the_event_loop(qtbot: QtBot) -> None:
    owner = QObject()
    got: list[str] = []
    with inline_pool():
        task = run_in_background(
            lambda: threading.current_thread().name, got.append, got.append, parent=owner, doing="x"
        )
    assert task.done.is_set() and got == []  # ran, not yet delivered
    qtbot.waitUntil(lambda: bool(got))
    assert got == [threading.current_thread().name]


def _alive(obj: QObject) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)
