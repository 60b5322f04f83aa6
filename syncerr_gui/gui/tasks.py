"""The one way to leave the GUI thread for short work: `run_in_background`.

Logging in, logging out, exporting, the archive's loads and purges and the browser login's
wait each run a plain function in a thread pool; its value, or its failure in words
(`failure_text`), comes back on the GUI thread through one queued signal. The task is held
here until it has been delivered, and its delivery is dropped when its `parent` QObject is
gone (or the task was abandoned), so a closed dialog never hears from its old work.

The sync is the one exception: it is long, cancellable and reports progress, so it has its
own QThread worker (`gui/sync_worker.py`).

Tests that want the work done at once use `use_pool(InlinePool())`.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Generic, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal, Slot

from syncerr_gui.core.exceptions import failure_text
from syncerr_gui.gui.i18n import shown

logger = logging.getLogger(__name__)

T = TypeVar("T")
MIN_THREADS = 4  # the work is network- and disk-bound: a 2-core machine still runs a few at once


class Pool(Protocol):
    """What a task needs from a pool: QThreadPool, or an `InlinePool` in tests."""

    def start(self, work: Callable[[], None], /) -> None: ...


class InlinePool:
    """Runs each task at once in the calling thread (tests); delivery still waits for the event loop."""

    def start(self, work: Callable[[], None], /) -> None:
        work()


_pool: Pool | None = None


def use_pool(pool: Pool | None) -> Pool | None:
    """Run later tasks on `pool` (None: the global QThreadPool again); returns the previous one."""
    global _pool
    previous, _pool = _pool, pool
    return previous


@contextmanager
def inline_pool() -> Iterator[None]:
    """Within the block, tasks run inline (for tests)."""
    previous = use_pool(InlinePool())
    try:
        yield
    finally:
        use_pool(previous)


class BackgroundTask(Generic[T]):
    """One piece of work in flight; `abandon()` drops its delivery (e.g. the user pressed Cancel)."""

    def __init__(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_failed: Callable[[str], None],
        parent: QObject,
        doing: str,
    ) -> None:
        self._fn, self._on_done, self._on_failed, self._doing = fn, on_done, on_failed, doing
        self._parent = weakref.ref(parent)
        self._abandoned = False
        self.done = threading.Event()  # set when the work has finished (delivered or not)

    def abandon(self) -> None:
        """No callback will run for this task (its work still ends by itself)."""
        self._abandoned = True

    @property
    def abandoned(self) -> bool:
        return self._abandoned

    def run(self) -> None:
        """Pool-thread body: never raises; the outcome goes to the courier."""
        try:
            outcome: tuple[bool, Any] = (True, self._fn())
        except Exception as exc:  # noqa: BLE001 - every failure becomes words (the unexpected are logged)
            outcome = (False, failure_text(exc, self._doing))
        finally:
            self._fn = _spent  # the work's closure (a session, a frame) is not kept after it ran
        self.done.set()
        _courier().arrived.emit(self, outcome)

    def deliver(self, ok: bool, value: Any) -> None:
        """GUI thread: hand over the outcome unless abandoned or the parent is gone."""
        parent = self._parent()
        if self._abandoned or parent is None or not shiboken6.isValid(parent):
            logger.debug("background work to %s finished after its owner left", self._doing)
            return
        if ok:
            self._on_done(value)
        else:
            self._on_failed(shown(value))  # the core's words in the window's language


def run_in_background(
    fn: Callable[[], T],
    on_done: Callable[[T], None],
    on_failed: Callable[[str], None],
    *,
    parent: QObject,
    doing: str,
) -> BackgroundTask[T]:
    """Run `fn()` off the GUI thread; then `on_done(value)` or `on_failed(words)` on the GUI thread.

    `doing` names the work for the failure's words, in the window's language: pass
    `tr("log in")` ("Could not log in …", « Impossible de se connecter … »). Call
    from the GUI thread. Nothing is delivered once `parent` is destroyed or the task abandoned.
    """
    task = BackgroundTask(fn, on_done, on_failed, parent, doing)
    courier = _courier()
    courier.hold(task)
    _current_pool().start(task.run)
    return task


class _Courier(QObject):
    """Lives in the GUI thread; carries each outcome there (queued) and holds tasks until then."""

    arrived = Signal(object, object)  # (BackgroundTask, (ok, value))

    def __init__(self) -> None:
        super().__init__()
        self._held: set[BackgroundTask[Any]] = set()
        self.arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def hold(self, task: BackgroundTask[Any]) -> None:
        self._held.add(task)

    @property
    def in_flight(self) -> int:
        return len(self._held)

    @Slot(object, object)
    def _deliver(self, task: BackgroundTask[Any], outcome: tuple[bool, Any]) -> None:
        self._held.discard(task)
        task.deliver(*outcome)


_the_courier: _Courier | None = None


def _courier() -> _Courier:
    global _the_courier
    if _the_courier is None:
        _the_courier = _Courier()
        app = QCoreApplication.instance()
        if app is not None:
            _the_courier.moveToThread(app.thread())
    return _the_courier


def _current_pool() -> Pool:
    if _pool is not None:
        return _pool
    pool = QThreadPool.globalInstance()
    if pool.maxThreadCount() < MIN_THREADS:
        pool.setMaxThreadCount(MIN_THREADS)
    return pool


def _spent() -> Any:
    raise RuntimeError("this background task has already run")
