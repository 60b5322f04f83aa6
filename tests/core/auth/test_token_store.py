"""Remembered logins live only in the OS keyring; without one, remembering is off and no file appears."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import keyring
import keyring.backend
import keyring.backends.fail
import keyring.errors
import pytest
from memory_keyring import LockedKeyring, MemoryKeyring

from syncerr_gui.core.auth.oauth import OAuthTokens
from syncerr_gui.core.auth.token_store import TokenStore, org_key
from syncerr_gui.core.exceptions import TokenStoreError

TOKENS = OAuthTokens(
    access_token="00D000000000001!AQ.access",
    refresh_token="5Aep861refreshtokenvalue0123456789",
    instance_url="https://acme.my.salesforce.com",
    id_url="https://login.salesforce.com/id/00D000000000001AAA/005000000000001AAA",
    issued_at=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
)


@pytest.fixture()
def swapped_keyring() -> Iterator[None]:
    """Lets a test call keyring.set_keyring and restores the previous back end after."""
    previous = keyring.get_keyring()
    try:
        yield
    finally:
        keyring.set_keyring(previous)


def _files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def test_round_trip_in_memory_keyring(swapped_keyring: None) -> None:
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    store = TokenStore()
    key = org_key("https://login.salesforce.com", "Admin@Acme.com")
    assert store.available() == (True, "")
    store.save(key, TOKENS)
    assert store.load(key) == TOKENS
    assert list(memory.entries) == [("SalesforceSyncErrors", "admin@acme.com@login.salesforce.com")]
    store.delete(key)
    assert store.load(key) is None
    store.delete(key)  # deleting twice is fine
    assert memory.entries == {}


def test_no_keyring_means_remembering_off_and_no_file(
    swapped_keyring: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "APPDATA", "LOCALAPPDATA"):
        monkeypatch.setenv(name, str(tmp_path))
    monkeypatch.chdir(tmp_path)
    keyring.set_keyring(keyring.backends.fail.Keyring())
    store = TokenStore()
    ok, reason = store.available()
    assert not ok
    assert "Remember me" in reason and "off" in reason
    with pytest.raises(TokenStoreError, match="Remember me"):
        store.save("admin@login.salesforce.com", TOKENS)
    with pytest.raises(TokenStoreError):
        store.load("admin@login.salesforce.com")
    assert _files_under(tmp_path) == []
    assert os.listdir(tmp_path) == []


def test_locked_keyring_is_explained_without_the_token() -> None:
    store = TokenStore(backend=LockedKeyring())
    ok, reason = store.available()
    assert not ok and "locked" in reason
    with pytest.raises(TokenStoreError, match="locked") as caught:
        store.save("k", TOKENS)
    assert TOKENS.access_token not in str(caught.value)


def test_unreadable_entry_is_ignored() -> None:
    memory = MemoryKeyring()
    memory.set_password("SalesforceSyncErrors", "k", "{not json")
    assert TokenStore(backend=memory).load("k") is None


def test_tokens_repr_hides_secrets() -> None:
    text = repr(TOKENS) + str(TOKENS)
    assert TOKENS.access_token not in text and TOKENS.refresh_token not in text
    assert "acme.my.salesforce.com" in text
    assert TOKENS.org_id == "00D000000000001AAA" and TOKENS.user_id == "005000000000001AAA"


def test_a_keyring_that_does_not_answer_is_given_up_on_in_words() -> None:
    from memory_keyring import StuckKeyring

    stuck = StuckKeyring()
    try:
        store = TokenStore(backend=stuck, timeout=0.3)
        ok, reason = store.available()
        assert not ok
        assert "did not answer" in reason and "Remember me" in reason
        with pytest.raises(TokenStoreError, match="did not answer"):
            store.save("a@login.salesforce.com", TOKENS)
    finally:
        stuck.release()
