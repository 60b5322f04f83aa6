"""In-memory keyring back ends, so no test touches the machine's real keyring."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

import keyring
import keyring.backend
import keyring.errors

Backend = TypeVar("Backend", bound=keyring.backend.KeyringBackend)


@contextmanager
def installed(backend: Backend) -> Iterator[Backend]:
    """Make `backend` the keyring for the block, then put the previous one back."""
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


class MemoryKeyring(keyring.backend.KeyringBackend):
    """An in-memory keyring for tests (priority is irrelevant: it is set explicitly)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.entries:
            raise keyring.errors.PasswordDeleteError("not found")
        del self.entries[(service, username)]


class LockedKeyring(MemoryKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("locked")

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("locked")


class StuckKeyring(MemoryKeyring):
    """A keyring that does not answer (a locked store waiting on a prompt nobody sees) until
    `release()`: each call blocks on an event, for at most a minute."""

    def __init__(self) -> None:
        super().__init__()
        self.answer = threading.Event()

    def release(self) -> None:
        self.answer.set()

    def get_password(self, service: str, username: str) -> str | None:
        self.answer.wait(60)
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self.answer.wait(60)
        super().set_password(service, username, password)
