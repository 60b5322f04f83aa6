"""What the Linux frozen build leaves out is safe to leave out: the Arrow libraries nothing calls,
and the ICU data Qt does not read (checked on the installed libraries, without a build)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "packaging"))

from elf_needed import needed, unused_symbols_check, without_needed
from icu_data import dropped_items, trimmed_library

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF libraries")
ARROW_UNUSED = ("libparquet.so", "libarrow_dataset.so", "libarrow_acero.so", "libarrow_substrait.so")


def _pyarrow_file(prefix: str) -> Path:
    import pyarrow

    folder = Path(pyarrow.__file__).parent
    return min(folder.glob(prefix + "*"), key=lambda p: len(p.name))


@linux_only
def test_pyarrow_names_four_libraries_it_takes_no_symbol_from(tmp_path: Path) -> None:
    user = _pyarrow_file("libarrow_python.so")
    named = [n for n in needed(user) if n.startswith(ARROW_UNUSED)]
    assert len(named) == 4
    for name in named:
        assert unused_symbols_check(user, user.parent / name), name
    assert not unused_symbols_check(user, _pyarrow_file("libarrow.so"))  # it does use libarrow
    copy = tmp_path / user.name
    assert sorted(without_needed(user, copy, set(named))) == sorted(named)
    assert not [n for n in needed(copy) if n.startswith(ARROW_UNUSED)]
    assert [n for n in needed(copy) if not n.startswith(ARROW_UNUSED)] == [
        n for n in needed(user) if not n.startswith(ARROW_UNUSED)
    ]


def test_the_icu_trim_keeps_core_data_root_english_and_french_and_drops_display_names() -> None:
    items = [
        "root.res",
        "en.res",
        "fr.res",
        "fr_FR.res",
        "coll/fr.res",
        "de.res",
        "res_index.res",
        "supplementalData.res",
        "pool.res",
        "coll/root.res",
        "coll/ucadata.icu",
        "coll/de.res",
        "curr/de.res",
        "zone/root.res",
        "brkitr/line.brk",
        "brkitr/thaidict.dict",
        "uts46.nrm",
        "ibm-943_P15A-2003.cnv",
        "cnvalias.icu",
    ]
    assert dropped_items(items) == ["de.res", "coll/de.res", "curr/de.res", "ibm-943_P15A-2003.cnv"]


@linux_only
@pytest.mark.skipif(not (shutil.which("icupkg") and shutil.which("gcc")), reason="needs icupkg and gcc")
def test_qt_still_maps_case_collates_breaks_words_and_encodes_idna_with_the_trimmed_icu(
    tmp_path: Path,
) -> None:
    import PySide6

    original = Path(PySide6.__file__).parent / "Qt" / "lib" / "libicudata.so.73"
    if not original.exists():
        pytest.skip("this PySide6 carries another ICU")
    trimmed = trimmed_library(original, tmp_path)
    assert trimmed is not None and trimmed.stat().st_size < original.stat().st_size / 3
    script = (
        "from PySide6.QtCore import QLocale, QCollator, QTextBoundaryFinder, QUrl\n"
        "print(QLocale('tr_TR').toUpper('istanbul'), QLocale('de_DE').toUpper('straße'))\n"
        "c = QCollator(QLocale('de_DE'))\n"
        "print(sorted(['Zebra', 'Äpfel', 'apfel', 'Müller', 'Muller'], key=c.sortKey))\n"
        "f = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Word, 'สวัสดีครับ ภาษาไทย hello')\n"
        "print([f.toNextBoundary() for _ in range(4)])\n"
        "print(QUrl.toAce('münchen.de').data().decode())\n"
    )
    env = dict(os.environ, LD_PRELOAD=str(trimmed))
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    full = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0 and "collator" not in done.stderr.lower(), done.stderr
    assert done.stdout == full.stdout
    assert (
        "['apfel', 'Äpfel', 'Muller', 'Müller', 'Zebra']" in done.stdout
        and "xn--mnchen-3ya.de" in done.stdout
    )


def test_the_bundle_check_wants_the_french_catalogues_and_no_other_language(tmp_path: Path) -> None:
    from smoke_test import translation_problems

    for name in ("syncerr_fr.qm", "syncerr_en.qm", "qtbase_fr.qm"):
        (tmp_path / name).write_bytes(b"qm")
    assert translation_problems(tmp_path) == []
    (tmp_path / "qtbase_de.qm").write_bytes(b"qm")
    (tmp_path / "syncerr_fr.qm").unlink()
    assert translation_problems(tmp_path) == [
        "translation missing: resources/i18n/syncerr_fr.qm",
        "should not ship: resources/i18n/qtbase_de.qm",
    ]
