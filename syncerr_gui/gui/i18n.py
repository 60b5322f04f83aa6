"""The window's language: English (the source) or French, following the system unless chosen.

Every text a person reads goes through `tr()`, Qt's translation with one shared context: the
same English words mean the same French words everywhere, so each is translated once in
`resources/i18n/syncerr_fr.ts` (built to `.qm` by `packaging/build_translations.py`). Qt's
own `qtbase_fr.qm` translates the standard buttons and dialogs. Salesforce's codes and
messages never pass through `tr()`: they are what the admin searches for.
"""

from __future__ import annotations

import logging
import re
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from syncerr_gui.core.words import Words
from syncerr_gui.resources import resource_path

logger = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
LANGUAGES: dict[str, str] = {"en": "English", "fr": "Français"}  # each in its own words
APP_CATALOGUE = "i18n/syncerr_{language}.qm"  # under resources/
QT_CATALOGUES = ("qtbase",)


def QT_TR_NOOP(text: str) -> str:
    """Mark a constant label for the catalogue; `tr(label)` translates it where it is shown."""
    return text


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the window's language (`n` picks the plural form of "%n …" / "%Ln …")."""
    return QCoreApplication.translate("", text, disambiguation, n)


def shown(text: object) -> str:
    """Text from the core in the window's language.

    A `Words` (made by the core's `say()`) has its template translated and its values filled
    in with the locale's number formats; anything else is shown as it is (a Salesforce
    message, a name, or a core sentence not yet made with `say()`). A translation that does
    not fit its values (a catalogue bug) falls back to the English sentence, logged.
    """
    if not isinstance(text, Words):
        return str(text)
    template = tr(_source_template(text))
    values = {key: shown(v) if isinstance(v, Words) else v for key, v in text.values.items()}
    try:
        return _LocaleFormatter().vformat(template, (), values)
    except (KeyError, IndexError, ValueError):
        logger.warning("the translation of %r does not fit its values; shown in English", text.template)
        return str(text)


def _source_template(text: Words) -> str:
    """The English template to translate: for a plural, the form the window's language needs
    for this count (French says "0 tâche", English "0 tasks")."""
    if text.plural is None:
        return text.template
    one, many, count_key = text.plural
    value = text.values.get(count_key, 0)
    count = value if isinstance(value, int | float) else 0
    singular = abs(count) < 2 if QLocale().language() == QLocale.Language.French else count == 1
    return one if singular else many


class _LocaleFormatter(string.Formatter):
    """`str.format` with the window locale's digits for whole and decimal numbers."""

    _DECIMALS = re.compile(r",?\.(\d+)f")

    def format_field(self, value: Any, format_spec: str) -> str:
        locale = QLocale()
        if isinstance(value, int) and not isinstance(value, bool) and format_spec in ("", ","):
            return locale.toString(value)
        decimals = self._DECIMALS.fullmatch(format_spec)
        if isinstance(value, float) and decimals:
            return locale.toString(value, "f", int(decimals.group(1)))
        return super().format_field(value, format_spec)


def app_name() -> str:
    """The app's name in the window's language (titles, the About box)."""
    return tr("Salesforce Sync Errors")


def current_language() -> str:
    """The language the window is in now (the default locale `install_language` set)."""
    return "fr" if QLocale().language() == QLocale.Language.French else SOURCE_LANGUAGE


def chosen_language(saved: object, system: QLocale | None = None) -> str:
    """The language to use: the admin's choice when it is a known one, else the system's
    when we have it, else English. A saved value is untrusted (settings are user-editable)."""
    if isinstance(saved, str) and saved in LANGUAGES:
        return saved
    locale = system if system is not None else QLocale.system()
    for name in locale.uiLanguages():
        language = name.replace("-", "_").split("_")[0].lower()
        if language in LANGUAGES:
            return language
    return SOURCE_LANGUAGE


@dataclass
class InstalledLanguage:
    """The translators in use (kept alive: Qt does not own them) and the language they give."""

    language: str
    translators: list[QTranslator] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def install_language(app: QCoreApplication, language: str) -> InstalledLanguage:
    """Translate `app` into `language` and make its locale the default (dates, numbers).

    A catalogue that cannot be loaded leaves those texts in English and is named in the log;
    the window still opens.
    """
    installed = InstalledLanguage(language if language in LANGUAGES else SOURCE_LANGUAGE)
    QLocale.setDefault(QLocale(installed.language))
    for path in catalogue_paths(installed.language):
        translator = QTranslator(app)
        if translator.load(str(path)) and app.installTranslator(translator):
            installed.translators.append(translator)
        else:
            installed.missing.append(path.name)
            logger.warning("translation %s could not be loaded; those texts stay in English", path.name)
    logger.info("window language %s (%d catalogues loaded)", installed.language, len(installed.translators))
    return installed


def remove_language(app: QCoreApplication, installed: InstalledLanguage) -> None:
    """Take the translators of `installed` out (before installing another language)."""
    for translator in installed.translators:
        app.removeTranslator(translator)
    installed.translators.clear()


def catalogue_paths(language: str) -> list[Path]:
    """The app's catalogue for `language`, then Qt's own (English, the source, needs only the
    app's: its plural forms of the "%n" texts)."""
    if language == SOURCE_LANGUAGE:
        return [resource_path(APP_CATALOGUE.format(language=language))]
    qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    bundled = resource_path("i18n")
    qt_paths = []
    for name in QT_CATALOGUES:
        file_name = f"{name}_{language}.qm"
        # the frozen app carries Qt's catalogue beside ours (only the ones it uses)
        qt_paths.append(bundled / file_name if (bundled / file_name).is_file() else qt_folder / file_name)
    return [resource_path(APP_CATALOGUE.format(language=language)), *qt_paths]
