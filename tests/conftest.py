"""Shared fixtures: an offscreen Qt platform and the loopback demo org over real HTTPS."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from memory_keyring import MemoryKeyring
    from PySide6.QtWidgets import QApplication

    from syncerr_gui.demo_org import DemoOrg

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Every test starts with an empty in-memory keyring instead of the machine's real one."""
    from memory_keyring import MemoryKeyring, installed

    with installed(MemoryKeyring()) as memory:
        yield memory


_ENGLISH: list[object] = []  # the English catalogue, installed once per session (kept alive)


@pytest.fixture(autouse=True)
def english_window() -> None:
    """The window in English as the app sets it up: the locale's numbers ("1,234"; a bare
    test process is in the C locale) and the English "%n" forms ("3 jobs"); the `french`
    fixture overrides both for its test."""
    if "PySide6.QtCore" not in sys.modules:
        return  # a test without Qt
    from PySide6.QtCore import QCoreApplication, QLocale

    app = QCoreApplication.instance()
    if app is not None and not _ENGLISH:
        from syncerr_gui.gui.i18n import install_language

        _ENGLISH.append(install_language(app, "en"))
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture(scope="session")
def demo_org() -> Iterator[DemoOrg]:
    """A demo org shared by tests that only read from it (do not inject faults here)."""
    from syncerr_gui.demo_org import DemoConfig, DemoOrg

    with DemoOrg(DemoConfig()) as org:
        yield org


@pytest.fixture()
def fresh_org() -> Iterator[DemoOrg]:
    """A small demo org of the test's own, safe to inject faults into, delete jobs from, etc."""
    from syncerr_gui.demo_org import DemoConfig, DemoOrg

    with DemoOrg(DemoConfig(record_errors=400, bulk2_jobs=20, classic_jobs=4, apex_jobs=4)) as org:
        yield org


@pytest.fixture()
def french(qapp: QApplication) -> Iterator[None]:
    """The window in French (as under LANG=fr_FR), back to English afterwards."""
    from PySide6.QtCore import QLocale

    from syncerr_gui.gui.i18n import install_language, remove_language

    installed = install_language(qapp, "fr")
    yield
    remove_language(qapp, installed)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
