"""Keep the French catalogue in step with the code, and build what the app loads.

Run from the repository root:

    python packaging/build_translations.py           # update syncerr_fr.ts, build syncerr_fr.qm
    python packaging/build_translations.py --check   # CI: fail on a string missing or unfinished
    python packaging/build_translations.py --todo todo.json    # the unfinished texts, to translate
    python packaging/build_translations.py --fill done.json    # put translations in, then build
    python packaging/build_translations.py --language en --fill plurals.json  # English "%n" forms

`pyside6-lupdate` collects every `tr("…")` of `syncerr_gui/` into `resources/i18n/syncerr_fr.ts`
(no line numbers: edits elsewhere in a file do not touch the catalogue); a translator fills
it in (Qt Linguist, any editor, or `--fill` with a JSON object of source → French, a list of
the two French forms for a "%n" text); `pyside6-lrelease` compiles it to the `.qm` the app loads.
Both tools come with the PySide6 wheel. The `.qm` is committed, so `python main.py` needs no
build step, and `--check` fails when it is not what the `.ts` compiles to.

The Qt-free core cannot call `tr()`: the sentences it makes with `say("…")` / `say_plural()`
(core/words.py) are collected here from the syntax tree and handed to lupdate as `tr()` calls,
so they land in the same catalogue. A translation must keep its `{fields}` and `%n`.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
I18N = REPO_ROOT / "resources" / "i18n"
SOURCES = REPO_ROOT / "syncerr_gui"
LANGUAGES = ("fr", "en")
PLURAL_ONLY = {"en"}  # English is the source: its catalogue holds only the "%n" texts' forms
TOOL_TIMEOUT_S = 120
SAYING = {"say": 1, "say_plural": 2}  # core/words.py: how many leading arguments are templates
FIELD = re.compile(r"\{(\w*)[^{}]*\}|%L?n")


def catalogue(language: str) -> Path:
    return I18N / f"syncerr_{language}.ts"


def compiled(language: str) -> Path:
    return I18N / f"syncerr_{language}.qm"


def update(ts_path: Path, language: str) -> None:
    """Bring `ts_path` up to the code: new strings added unfinished, vanished ones dropped."""
    with tempfile.TemporaryDirectory() as folder:
        said = Path(folder) / "core_sentences.py"
        said.write_text("".join(f"tr({text!r})\n" for text in sorted(said_templates())), encoding="utf-8")
        _lupdate(ts_path, language, said)


def said_templates() -> set[str]:
    """Every literal template the code passes to `say()` / `say_plural()`."""
    found: set[str] = set()
    for path in sorted(SOURCES.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Call) and _called_name(node) in SAYING:
                literal = node.args[: SAYING[_called_name(node)]]
                found.update(
                    a.value for a in literal if isinstance(a, ast.Constant) and isinstance(a.value, str)
                )
    return found


def unliteral_sayings() -> list[str]:
    """`say()` calls whose template is not a string literal (the catalogue cannot know them)."""
    found = []
    for path in sorted(SOURCES.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Call) and _called_name(node) in SAYING:
                literal = node.args[: SAYING[_called_name(node)]]
                if len(literal) < SAYING[_called_name(node)] or not all(
                    isinstance(a, ast.Constant) and isinstance(a.value, str) for a in literal
                ):
                    found.append(
                        f"{path.relative_to(REPO_ROOT)}:{node.lineno}: say() needs literal templates"
                    )
    return found


def _called_name(node: ast.Call) -> str:
    if isinstance(node.func, ast.Name):
        return node.func.id
    return node.func.attr if isinstance(node.func, ast.Attribute) else ""


def _lupdate(ts_path: Path, language: str, *extra: Path) -> None:
    _run(
        "pyside6-lupdate",
        *(["-pluralonly"] if language in PLURAL_ONLY else []),
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
        *(str(path) for path in extra),
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
        found += [f"{committed.name}: {problem}" for problem in misfits(committed)]
        found += unliteral_sayings()
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


def misfits(ts_path: Path) -> list[str]:
    """Translations whose `{fields}` or `%n` differ from their source's (they would not fill)."""
    found = []
    for message in ET.parse(ts_path).iter("message"):
        wanted = sorted(FIELD.findall(message.findtext("source") or ""))
        for form in _translated_forms(message):
            if form and sorted(FIELD.findall(form)) != wanted:
                found.append(f"fields differ in the translation of {_key(message)!r}: {form!r}")
    return found


def _translated_forms(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    if translation is None:
        return []
    forms = [form.text or "" for form in translation.iter("numerusform")]
    return forms or [translation.text or ""]


def todo(ts_path: Path) -> dict[str, object]:
    """The unfinished texts of `ts_path` as the JSON `--fill` takes ("%n" texts get two forms)."""
    left = set(unfinished(ts_path))
    wanted: dict[str, object] = {}
    for message in ET.parse(ts_path).iter("message"):
        if _key(message) in left:
            wanted[_key(message)] = ["", ""] if message.get("numerus") == "yes" else ""
    return wanted


def fill(ts_path: Path, translations: dict[str, object]) -> int:
    """Put `translations` (source → French, or a list of forms) into `ts_path`; how many."""
    tree = ET.parse(ts_path)
    filled = 0
    for message in tree.iter("message"):
        french = translations.get(_key(message))
        if not french:
            continue
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.attrib.pop("type", None)
        for child in list(translation):
            translation.remove(child)
        if isinstance(french, list):
            translation.text = None
            for form in french:
                ET.SubElement(translation, "numerusform").text = str(form)
        else:
            translation.text = str(french)
        filled += 1
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return filled


def _key(message: ET.Element) -> str:
    source = message.findtext("source") or ""
    comment = message.findtext("comment")
    return f"{source} [{comment}]" if comment else source


def _run(*command: str) -> None:
    subprocess.run(command, check=True, timeout=TOOL_TIMEOUT_S, capture_output=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report problems, change nothing")
    parser.add_argument("--todo", type=Path, help="write the unfinished texts to this JSON file")
    parser.add_argument("--fill", type=Path, nargs="+", default=[], help="JSON files of translations")
    parser.add_argument("--language", choices=LANGUAGES, default="fr", help="for --todo and --fill")
    args = parser.parse_args(argv)
    ts_path = catalogue(args.language)
    if args.todo:
        update(ts_path, args.language)
        args.todo.write_text(json.dumps(todo(ts_path), ensure_ascii=False, indent=1), encoding="utf-8")
        return 0
    for done in args.fill:
        update(ts_path, args.language)
        print(f"{done.name}: {fill(ts_path, json.loads(done.read_text(encoding='utf-8')))} filled")
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
