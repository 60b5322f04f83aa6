"""The window's language: the system's or the admin's choice, with Qt's own French buttons."""

from __future__ import annotations

import subprocess
import sys

import pytest
from cli_helpers import ROOT
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialogButtonBox

from syncerr_gui.gui.i18n import chosen_language


@pytest.mark.parametrize(
    ("saved", "system", "expected"),
    [
        (None, "fr_FR", "fr"),
        (None, "fr_CA", "fr"),
        (None, "de_DE", "en"),
        ("en", "fr_FR", "en"),  # the admin's choice wins over the system
        ("fr", "en_US", "fr"),
        ("xx", "fr_BE", "fr"),  # an unknown saved value is not trusted
        (42, "en_GB", "en"),
    ],
)
def test_the_language_follows_the_system_unless_chosen(saved: object, system: str, expected: str) -> None:
    assert chosen_language(saved, QLocale(system)) == expected


@pytest.mark.usefixtures("french")
def test_french_gives_french_standard_buttons_and_number_formats() -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Save)
    texts = {button.text().replace("&", "") for button in buttons.buttons()}
    assert texts == {"Annuler", "Enregistrer"}
    assert QLocale().toString(1234567).replace("\u202f", " ").replace("\xa0", " ") == "1 234 567"


def test_the_french_catalogue_is_complete_and_built() -> None:
    """The CI check: every text of the code is in the .ts, translated, and compiled to the .qm."""
    check = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build_translations.py"), "--check"],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert check.returncode == 0, check.stderr
