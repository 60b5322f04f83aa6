"""Keep the French catalogue in step with the code, and build what the app loads.

Run from the repository root:

    python packaging/build_translations.py           # update syncerr_fr.ts, build syncerr_fr.qm
    python packaging/build_translations.py --check   # CI: fail on a string missing or unfinished

`pyside6-lupdate` collects every `tr("…")` of `syncerr_gui/` into `resources/i18n/syncerr_fr.ts`
(no line numbers: edits elsewhere in a file do not touch the catalogue); a translator fills
it in (Qt Linguist, or any editor); `pyside6-lrelease` compiles it to the `.qm` the app loads.
Both tools come with the PySide6 wheel. The `.qm` is committed, so `python main.py` needs no
build step, and `--check` fails when it is not what the `.ts` compiles to.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
I18N = REPO_ROOT / "resources" / "i18n"
SOURCES = REPO_ROOT / "syncerr_gui"
LANGUAGES = ("fr",)
TOOL_TIMEOUT_S = 120


def catalogue(language: str) -> Path:
    return I18N / f"syncerr_{language}.ts"


def compiled(language: str) -> Path:
    return I18N / f"syncerr_{language}.qm"


def update(ts_path: Path, language: str) -> None:
    """Bring `ts_path` up to the code: new strings added unfinished, vanished ones dropped."""
    _run(
        "pyside6-lupdate",
        "-extensions",
        "py",
        "-locations",
        "none",
        "-no-obsolete",
        "-source-language",
        "en",
        "-target-language",
        language,
        str(SOURCES),
        "-ts",
        str(ts_path),
    )


def release(ts_path: Path, qm_path: Path) -> None:
    _run("pyside6-lrelease", "-silent", str(ts_path), "-qm", str(qm_path))


def problems(language: str) -> list[str]:
    """What is wrong with the committed catalogue of `language`, in words (empty: all good)."""
    committed = catalogue(language)
    if not committed.is_file():
        return [f"{committed.name} is missing: run python packaging/build_translations.py"]
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / committed.name
        shutil.copyfile(committed, fresh)
        update(fresh, language)
        found = [f"not in {committed.name}: {text!r}" for text in sorted(sources(fresh) - sources(committed))]
        found += [
            f"gone from the code but still in {committed.name}: {text!r}"
            for text in sorted(sources(committed) - sources(fresh))
        ]
        found += [f"unfinished in {committed.name}: {text!r}" for text in unfinished(committed)]
        qm = Path(folder) / "fresh.qm"
        release(committed, qm)
        if not compiled(language).is_file() or compiled(language).read_bytes() != qm.read_bytes():
            found.append(f"{compiled(language).name} is not built from {committed.name}: run the script")
    return found


def sources(ts_path: Path) -> set[str]:
    """The source texts (with their disambiguation) a catalogue holds."""
    return {_key(message) for message in ET.parse(ts_path).iter("message")}


def unfinished(ts_path: Path) -> list[str]:
    """Source texts whose translation is missing, empty or marked unfinished."""
    found = []
    for message in ET.parse(ts_path).iter("message"):
        translation = message.find("translation")
        forms = [] if translation is None else [f.text or "" for f in translation.iter("numerusform")]
        text = "" if translation is None else (translation.text or "")
        empty = not any(form.strip() for form in forms) if forms else not text.strip()
        if translation is None or translation.get("type") == "unfinished" or empty:
            found.append(_key(message))
    return found


def _key(message: ET.Element) -> str:
    source = message.findtext("source") or ""
    comment = message.findtext("comment")
    return f"{source} [{comment}]" if comment else source


def _run(*command: str) -> None:
    subprocess.run(command, check=True, timeout=TOOL_TIMEOUT_S, capture_output=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report problems, change nothing")
    args = parser.parse_args(argv)
    if args.check:
        found = [problem for language in LANGUAGES for problem in problems(language)]
        for problem in found:
            print(problem, file=sys.stderr)
        return 1 if found else 0
    I18N.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        update(catalogue(language), language)
        release(catalogue(language), compiled(language))
        left = unfinished(catalogue(language))
        print(
            f"{catalogue(language).name}: {len(sources(catalogue(language)))} texts, {len(left)} unfinished"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
