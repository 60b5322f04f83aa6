"""Remembered logins: OAuth tokens in the operating system's keyring, and nowhere else.

"Remember me" keeps the refresh token so the next start needs no browser. The only place a
token may rest is the OS keyring (macOS Keychain, Windows Credential Manager, Secret Service
on Linux). When no such store is usable — none installed, locked, or only a plain-file
"keyring" — the user is told why and remembering is off: nothing ever falls back to a file.
Every keyring call is wrapped, because back ends fail in many ways (D-Bus errors, a locked
keychain, a user pressing Deny on a prompt), and bounded by a timeout, because some never
answer (`keyring_calls`); without an importable keyring module remembering is simply off.
"""

from __future__ import annotations

import json
import logging
import secrets
from dataclasses import asdict, dataclass
from typing import Any

from syncerr_gui.core.auth import keyring_calls
from syncerr_gui.core.auth.keyring_calls import (
    KeyringLocked,
    KeyringTimeout,
    KeyringUnloadable,
    NoKeyringError,
    PasswordDeleteError,
    bounded,
    current_backend,
)
from syncerr_gui.core.auth.oauth import OAuthTokens
from syncerr_gui.core.exceptions import TokenStoreError
from syncerr_gui.core.redaction import register_secret
from syncerr_gui.core.words import say

logger = logging.getLogger(__name__)

SERVICE = "SalesforceSyncErrors"
_MAX_STORED = 8_000
# Not a secret: which logins are remembered and how to renew them (login host, client id), so
# a scheduled export (`export --remembered`) finds them without the desktop app's settings.
INDEX_ENTRY = "remembered-logins"
_MAX_INDEXED = 20

NO_KEYRING = say(
    "No secure password store (keyring) is available on this computer, so \u201cRemember "
    "me\u201d is off and you will log in each time. On Linux, install and unlock a Secret "
    "Service keyring such as GNOME Keyring or KWallet."
)
# Back ends that are not the OS keyring: they store nothing, or store secrets in a file.
_NO_STORE_MODULES = ("keyring.backends.fail", "keyring.backends.null")
_FILE_MODULES = ("keyrings.alt",)


def org_key(login_url: str, username: str) -> str:
    """The keyring entry name of one user's login on one login host (not a secret)."""
    host = login_url.split("://", 1)[-1].rstrip("/").lower()
    return f"{username.strip().lower()}@{host}"


@dataclass(frozen=True)
class RememberedLogin:
    """One remembered login as the index lists it (nothing secret)."""

    key: str
    username: str
    login_url: str
    client_id: str
    callback_port: int = 1717


class TokenStore:
    """Saves, loads and deletes `OAuthTokens` under `service` in the OS keyring.

    `backend` is for tests; by default the keyring module's current back end is used at
    each call, so the user's choice (or a test's `keyring.set_keyring`) is honoured.
    Each call gives up after `timeout` seconds (TokenStoreError / a reason, in words).
    """

    def __init__(self, service: str = SERVICE, backend: Any = None, timeout: float | None = None) -> None:
        self.service = service
        self._backend = backend
        self.timeout = timeout if timeout is not None else keyring_calls.DEFAULT_TIMEOUT_S

    def backend(self) -> Any:
        return self._backend if self._backend is not None else bounded(current_backend, self.timeout)

    def available(self) -> tuple[bool, str]:
        """(True, "") when tokens can be kept, else (False, a reason to show the user)."""
        try:
            backend = self.backend()
        except Exception as exc:  # noqa: BLE001 - broken keyring configuration
            logger.warning("keyring back end could not be loaded: %s", type(exc).__name__)
            return False, _failure_text(exc, "use")
        if _refused(backend):
            return False, NO_KEYRING
        return self._probe(backend)

    def _probe(self, backend: Any) -> tuple[bool, str]:
        """Writes, reads back and deletes a random value: a locked store fails here."""
        name, value = "probe", secrets.token_hex(8)

        def probe() -> bool:
            backend.set_password(self.service, name, value)
            readable = backend.get_password(self.service, name) == value
            backend.delete_password(self.service, name)
            return bool(readable)

        try:
            readable = bounded(probe, self.timeout)
        except Exception as exc:  # noqa: BLE001 - a keyring back end may raise anything
            logger.warning("keyring probe failed: %s", type(exc).__name__)
            return False, _failure_text(exc, "use")
        if not readable:
            return False, NO_KEYRING
        return True, ""

    def save(self, key: str, tokens: OAuthTokens) -> None:
        """Stores the tokens; TokenStoreError (in words) when the keyring refuses."""
        backend = self._usable_backend()
        text = json.dumps(tokens.to_dict(), separators=(",", ":"))
        try:
            bounded(lambda: backend.set_password(self.service, key, text), self.timeout)
        except Exception as exc:  # noqa: BLE001 - a keyring back end may raise anything
            logger.warning("saving the login to the keyring failed: %s", type(exc).__name__)
            raise TokenStoreError(_failure_text(exc, "save your login in")) from None

    def load(self, key: str) -> OAuthTokens | None:
        """The remembered tokens, or None when none are stored (or the entry is unreadable)."""
        backend = self._usable_backend()
        try:
            text = bounded(lambda: backend.get_password(self.service, key), self.timeout)
        except Exception as exc:  # noqa: BLE001 - a keyring back end may raise anything
            logger.warning("reading the login from the keyring failed: %s", type(exc).__name__)
            raise TokenStoreError(_failure_text(exc, "read your saved login from")) from None
        if not text or len(text) > _MAX_STORED:
            return None
        return _decode(text)

    def delete(self, key: str) -> None:
        """Forgets the tokens; deleting what is not there is fine."""
        backend = self._usable_backend()
        try:
            bounded(lambda: backend.delete_password(self.service, key), self.timeout)
        except PasswordDeleteError:
            pass
        except Exception as exc:  # noqa: BLE001 - a keyring back end may raise anything
            logger.warning("deleting the login from the keyring failed: %s", type(exc).__name__)
            raise TokenStoreError(_failure_text(exc, "remove your saved login from")) from None
        self._unnote(key)

    def remembered(self) -> list[RememberedLogin]:
        """The logins kept with "Remember me" (from the index; an unreadable index is empty)."""
        text = self._read(INDEX_ENTRY)
        try:
            data: Any = json.loads(text) if text else []
            return [RememberedLogin(**entry) for entry in data if isinstance(entry, dict)][:_MAX_INDEXED]
        except (ValueError, TypeError):
            logger.warning("the keyring's list of remembered logins was unreadable; ignoring it")
            return []

    def note(self, login: RememberedLogin) -> None:
        """Add (or update) `login` in the index; TokenStoreError when the keyring refuses."""
        others = [entry for entry in self.remembered() if entry.key != login.key]
        self._write_index([login, *others][:_MAX_INDEXED])

    def _unnote(self, key: str) -> None:
        logins = self.remembered()
        kept = [entry for entry in logins if entry.key != key]
        if len(kept) != len(logins):
            self._write_index(kept)

    def _write_index(self, logins: list[RememberedLogin]) -> None:
        text = json.dumps([asdict(entry) for entry in logins], separators=(",", ":"))
        backend = self._usable_backend()
        try:
            if logins:
                bounded(lambda: backend.set_password(self.service, INDEX_ENTRY, text), self.timeout)
            else:  # nothing remembered: nothing left behind
                bounded(lambda: backend.delete_password(self.service, INDEX_ENTRY), self.timeout)
        except PasswordDeleteError:
            return
        except Exception as exc:  # noqa: BLE001 - a keyring back end may raise anything
            logger.warning("saving the list of remembered logins failed: %s", type(exc).__name__)
            raise TokenStoreError(_failure_text(exc, "save your login in")) from None

    def _read(self, key: str) -> str | None:
        backend = self._usable_backend()
        try:
            text: str | None = bounded(lambda: backend.get_password(self.service, key), self.timeout)
        except Exception as exc:  # noqa: BLE001 - a keyring back end may raise anything
            logger.warning("reading the keyring failed: %s", type(exc).__name__)
            raise TokenStoreError(_failure_text(exc, "read your saved login from")) from None
        return text

    def _usable_backend(self) -> Any:
        try:
            backend = self.backend()
        except Exception as exc:  # noqa: BLE001 - a keyring back end may raise anything
            raise TokenStoreError(_failure_text(exc, "use")) from None
        if _refused(backend):
            raise TokenStoreError(NO_KEYRING)
        return backend


def _refused(backend: Any) -> bool:
    """True for back ends that would store nothing, or store secrets in a plain file."""
    chained = list(getattr(backend, "backends", ())) if hasattr(backend, "backends") else [backend]
    if not chained:
        return True  # a chainer with nothing to chain
    modules = [type(b).__module__ for b in [backend, *chained]]
    if any(m.startswith(_FILE_MODULES) for m in modules):
        return True
    return all(type(b).__module__.startswith(_NO_STORE_MODULES) for b in chained)


def _failure_text(exc: Exception, doing: str) -> str:
    if isinstance(exc, KeyringTimeout):
        return say(
            "The keyring did not answer within {seconds} seconds (it may be waiting for you to "
            "unlock it), so \u201cRemember me\u201d is off for now.",
            seconds=f"{exc.seconds:g}",
        )
    if isinstance(exc, KeyringUnloadable):
        return say(
            "The keyring module could not be loaded ({reason}), so \u201cRemember me\u201d is off and "
            "you will log in each time.",
            reason=str(exc),
        )
    if isinstance(exc, KeyringLocked):
        return _locked_words(doing)
    if isinstance(exc, NoKeyringError):
        return NO_KEYRING
    return _failed_words(doing, type(exc).__name__)


# One whole sentence per thing the keyring was asked to do (the window translates each).
_LOCKED = {
    "save your login in": lambda: say(
        "Could not save your login in the keyring because it is locked. Unlock it (or allow access "
        "when asked) and try again; until then \u201cRemember me\u201d is off."
    ),
    "read your saved login from": lambda: say(
        "Could not read your saved login from the keyring because it is locked. Unlock it (or allow "
        "access when asked) and try again; until then \u201cRemember me\u201d is off."
    ),
    "remove your saved login from": lambda: say(
        "Could not remove your saved login from the keyring because it is locked. Unlock it (or allow "
        "access when asked) and try again; until then \u201cRemember me\u201d is off."
    ),
    "use": lambda: say(
        "Could not use the keyring because it is locked. Unlock it (or allow access when asked) and "
        "try again; until then \u201cRemember me\u201d is off."
    ),
}
_FAILED = {
    "save your login in": lambda kind: say(
        "Could not save your login in the keyring ({kind}); \u201cRemember me\u201d is off for now.",
        kind=kind,
    ),
    "read your saved login from": lambda kind: say(
        "Could not read your saved login from the keyring ({kind}); \u201cRemember me\u201d is off for now.",
        kind=kind,
    ),
    "remove your saved login from": lambda kind: say(
        "Could not remove your saved login from the keyring ({kind}); \u201cRemember me\u201d is off for now.",
        kind=kind,
    ),
    "use": lambda kind: say(
        "Could not use the keyring ({kind}); \u201cRemember me\u201d is off for now.", kind=kind
    ),
}


def _locked_words(doing: str) -> str:
    return _LOCKED[doing]()


def _failed_words(doing: str, kind: str) -> str:
    return _FAILED[doing](kind)


def _decode(text: str) -> OAuthTokens | None:
    try:
        data: Any = json.loads(text)
        tokens = OAuthTokens.from_dict(data) if isinstance(data, dict) else None
    except (ValueError, KeyError, TypeError):
        tokens = None
    if tokens is None:
        logger.warning("the remembered login in the keyring was unreadable; ignoring it")
        return None
    register_secret(tokens.access_token)
    register_secret(tokens.refresh_token)
    return tokens
