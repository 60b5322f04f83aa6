"""The window's language: the system's or the admin's choice, with Qt's own French buttons."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from cli_helpers import ROOT
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from syncerr_gui.core.exceptions import SyncError, failure_text
from syncerr_gui.core.words import say, say_plural
from syncerr_gui.gui.i18n import chosen_language, shown


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


def _translator_for(tmp_path: Path, pairs: dict[str, str]) -> QTranslator:
    """A translator of `pairs` (source → French), compiled by Qt's own lrelease."""
    messages = "".join(
        f"<message><source>{escape(source)}</source><translation>{escape(french)}</translation></message>"
        for source, french in pairs.items()
    )
    ts = tmp_path / "tiny_fr.ts"
    ts.write_text(f'<TS version="2.1" language="fr"><context><name></name>{messages}</context></TS>', "utf-8")
    qm = tmp_path / "tiny_fr.qm"
    subprocess.run(["pyside6-lrelease", "-silent", str(ts), "-qm", str(qm)], check=True, timeout=120)
    translator = QTranslator()
    assert translator.load(str(qm))
    return translator


@pytest.fixture
def tiny_french(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    translator = _translator_for(
        tmp_path,
        {
            "Read {count:,} errors from {org}.": "{count:,} erreurs lues dans {org}.",
            "{n} job could not be read.": "{n} tâche n’a pas pu être lue.",
            "{n} jobs could not be read.": "{n} tâches n’ont pas pu être lues.",
            "Broken {field}.": "Cassé {autre}.",
        },
    )
    qapp.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    yield
    qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.mark.usefixtures("tiny_french")
def test_a_core_sentence_is_shown_in_french_with_french_digits_and_its_values_untouched() -> None:
    sentence = say("Read {count:,} errors from {org}.", count=1234567, org="Acme {prod}")
    assert sentence == "Read 1,234,567 errors from Acme {prod}."  # the command line's English
    assert _spaces(shown(sentence)) == "1 234 567 erreurs lues dans Acme {prod}."


@pytest.mark.usefixtures("tiny_french")
def test_french_says_zero_in_the_singular_where_english_says_it_in_the_plural() -> None:
    none_read = say_plural("{n} job could not be read.", "{n} jobs could not be read.", n=0)
    assert none_read == "0 jobs could not be read."
    assert shown(none_read) == "0 tâche n’a pas pu être lue."
    assert shown(say_plural("{n} job could not be read.", "{n} jobs could not be read.", n=3)) == (
        "3 tâches n’ont pas pu être lues."
    )


@pytest.mark.usefixtures("tiny_french")
def test_a_translation_that_does_not_fit_its_values_falls_back_to_english(
    caplog: pytest.LogCaptureFixture,
) -> None:
    assert shown(say("Broken {field}.", field="Name")) == "Broken Name."
    assert "does not fit its values" in caplog.text
    assert shown("A plain message from Salesforce") == "A plain message from Salesforce"


@pytest.mark.usefixtures("tiny_french")
def test_a_raised_core_sentence_reaches_the_window_translated_and_scrubbed() -> None:
    failure = SyncError(say("Read {count:,} errors from {org}.", count=2, org="access_token=00Dxx!secret"))
    text = failure_text(failure, "sync")
    assert "secret" not in text
    assert shown(text).startswith("2 erreurs lues dans ")


def _spaces(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")
