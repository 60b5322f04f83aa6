"""The keyring module, loaded safely, and keyring calls that cannot hang their caller.

`keyring` is optional at run time: a build or a Python without it (or with a back end that
raises while loading) must still start; "Remember me" is then off with the reason. Back ends
can also block for a long time (a Secret Service waiting on an unlock prompt nobody sees, a
D-Bus call that never returns), so each call runs on a daemon thread and the caller waits at
most a timeout: a thread that never returns is left behind, never joined, and cannot keep
the app from quitting.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

logger = logging.getLogger(__name__)

T = TypeVar("T")
DEFAULT_TIMEOUT_S = 10.0

try:
    import keyring as keyring_module
    import keyring.backend
    import keyring.errors

    LOAD_PROBLEM = ""
    PasswordDeleteError: type[Exception] = keyring.errors.PasswordDeleteError
    KeyringLocked: type[Exception] = keyring.errors.KeyringLocked
    NoKeyringError: type[Exception] = keyring.errors.NoKeyringError
except Exception as exc:  # noqa: BLE001 - missing, or a back end that fails while loading
    keyring_module = None  # type: ignore[assignment]
    LOAD_PROBLEM = type(exc).__name__
    logger.warning("the keyring module could not be loaded: %s", LOAD_PROBLEM)

    class _Never(Exception):
        """Stands in for keyring's exception types: nothing raises it."""

    PasswordDeleteError = KeyringLocked = NoKeyringError = _Never


class KeyringUnloadable(Exception):
    """The keyring module is not installed or failed while loading."""


class KeyringTimeout(Exception):
    """The keyring did not answer within the timeout (the call is left running)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"no answer within {seconds:g} s")
        self.seconds = seconds


def current_backend() -> Any:
    """keyring's current back end; KeyringUnloadable when the module could not be loaded."""
    if keyring_module is None:
        raise KeyringUnloadable(LOAD_PROBLEM)
    return keyring_module.get_keyring()


class Pending(Generic[T]):
    """`fn()` running on a daemon thread from now on; `wait` for it, then `result`."""

    def __init__(self, fn: Callable[[], T]) -> None:
        self._fn = fn
        self._done = threading.Event()
        self._value: Any = None
        self._error: BaseException | None = None
        threading.Thread(target=self._run, name="keyring-call", daemon=True).start()

    def _run(self) -> None:
        try:
            self._value = self._fn()
        except BaseException as exc:  # noqa: BLE001 - handed to whoever waits
            self._error = exc
        finally:
            self._done.set()

    def wait(self, seconds: float | None) -> bool:
        """True when `fn` has finished (within `seconds`; None: however long it takes)."""
        return self._done.wait(seconds)

    def result(self) -> T:
        """`fn`'s value (or its exception raised here); call after `wait` said True."""
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[no-any-return]


def bounded(fn: Callable[[], T], seconds: float) -> T:
    """`fn()`, or KeyringTimeout when it has not returned within `seconds`."""
    pending = Pending(fn)
    if not pending.wait(seconds):
        logger.warning("a keyring call did not answer within %g s; giving up on it", seconds)
        raise KeyringTimeout(seconds)
    return pending.result()
