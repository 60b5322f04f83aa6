"""Build the frozen app with PyInstaller and run it once, like an admin would; print JSON.

    python packaging/smoke_test.py [--no-build] [--dist DIR] [--work DIR]

Checks that the one-folder build really carries what the app loads at run time (TLS with the
demo CA, pandas/pyarrow, Qt platform plugins, keyring back ends): it runs
`SalesforceSyncErrors export --demo --out F` and `SalesforceSyncErrors --demo --screenshot F`
on the frozen binary with a timeout, validates the CSV and the PNG, inspects the bundle, and
prints one JSON object with the figures (folder size, build time, run times). Exit code 0
when every check passed, 1 otherwise.

About "time to window": the app has no hook that reports when its window is first shown, so
three figures are printed. `startup_lower_bound_s` is `SalesforceSyncErrors --help` (the
bootloader starts Python, PySide6 and the GUI entry module are imported, argparse exits).
`window_created_s` is the time from launch until Qt's offscreen plugin reports the first
top-level window being created (its "propagateSizeHints" message, which the app routes to
stderr at debug level, so this run passes --verbose); null when that line does not appear. `window_upper_bound_s` is the whole
`--demo --screenshot` run (start the demo org, show the window, sync every demo job, render,
save, quit).
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import os
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parent.parent
APP_ID = "SalesforceSyncErrors"
CLI_NAME = "salesforce-sync-errors-cli"
IS_WIN, IS_MAC = sys.platform.startswith("win"), sys.platform == "darwin"
EXPORT_TIMEOUT_S = 240
SCREENSHOT_TIMEOUT_S = 300
BUILD_TIMEOUT_S = 1800
SCREENSHOT_SIZE = (1280, 800)
MAX_BUNDLE_BYTES = 250_000_000  # the one-folder app, measured as the sum of its files
MIN_PNG_BYTES = 20_000  # a blank 1280x800 window compresses to a few kB
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Qt's offscreen platform plugin says this once a top-level window is created by show();
# the app routes Qt's warnings to stderr, so its arrival time marks "window shown".
WINDOW_CREATED_MARKER = "propagateSizeHints"
# Modules that are only imported at run time (lazily or through entry points): if one is
# missing from the frozen archive, the build is broken even when the runs below pass.
REQUIRED_MODULES = (
    "syncerr_gui.gui.application",
    "syncerr_gui.cli.export",
    "syncerr_gui.demo_org",
    "keyring.backends.SecretService",
    "keyring.backends.Windows",
    "keyring.backends.macOS",
    "keyring.backends.libsecret",
    "keyring.backends.kwallet",
)
LINUX_KEYRING_MODULES = ("secretstorage", "jeepney")
FORBIDDEN_MODULE_PREFIXES = (
    "pytest",
    "_pytest",
    "hypothesis",
    "tests.",
    "benchmarks.",
    "PySide6.QtWebEngineCore",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "tkinter",
)


@dataclass
class RunResult:
    """One run of the frozen binary."""

    ok: bool = False
    seconds: float = 0.0
    exit_code: int | None = None
    detail: str = ""
    facts: dict[str, Any] = field(default_factory=dict)


def _pump(stream: Any, sink: list[tuple[float, str]]) -> None:
    """Collect a pipe's lines with the time each arrived (runs in a thread)."""
    for line in stream:
        sink.append((time.perf_counter(), line))


def run_binary(
    args: list[str], timeout: float, env: dict[str, str], marker: str | None = None
) -> tuple[RunResult, str]:
    """Run the frozen app; its result (exit code, wall time; in `facts["marker_s"]` the time
    from launch to the first stderr line holding `marker`) and its output's tail."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        args,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
    )
    out: list[tuple[float, str]] = []
    err: list[tuple[float, str]] = []
    pumps = [
        threading.Thread(target=_pump, args=(proc.stdout, out), daemon=True),
        threading.Thread(target=_pump, args=(proc.stderr, err), daemon=True),
    ]
    for pump in pumps:
        pump.start()
    result = RunResult()
    try:
        result.exit_code = proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        result.detail = f"timed out after {timeout:.0f} s"
    result.seconds = round(time.perf_counter() - started, 2)
    for pump in pumps:
        pump.join(timeout=5)
    result.ok = result.exit_code == 0
    hits = [at for at, line in err if marker and marker in line]
    result.facts["marker_s"] = round(hits[0] - started, 2) if hits else None
    text = "".join(line for _, line in err)[-2000:] + "".join(line for _, line in out)[-500:]
    return result, text


def check_csv(path: Path) -> tuple[bool, str, dict[str, Any]]:
    """Does the exported CSV have the export header and both job- and record-level rows?"""
    sys.path.insert(0, str(REPO_ROOT))
    from syncerr_gui.core.frame.schema import EXPORT_COLUMNS, JOB_LEVEL, RECORD_LEVEL

    if not path.is_file():
        return False, "no CSV was written", {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        level_at = header.index("Failed On") if "Failed On" in header else 0
        levels: dict[str, int] = {}
        for row in reader:
            level = row[level_at] if len(row) > level_at else ""
            levels[level] = levels.get(level, 0) + 1
    facts = {"rows": sum(levels.values()), "levels": levels}
    if header != list(EXPORT_COLUMNS):
        return False, f"unexpected header {header!r}", facts
    if not levels.get(JOB_LEVEL) or not levels.get(RECORD_LEVEL):
        return False, "the CSV lacks job-level or record-level rows", facts
    return True, "", facts


def png_facts(data: bytes) -> dict[str, Any]:
    """Width, height and a crude "is there a picture" measure of PNG `data`; raises ValueError."""
    if not data.startswith(PNG_SIGNATURE):
        raise ValueError("not a PNG file")
    chunks, pos, idat = {}, len(PNG_SIGNATURE), b""
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if zlib.crc32(kind + body) != struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])[0]:
            raise ValueError(f"bad CRC in chunk {kind!r}")
        chunks.setdefault(kind, body)
        idat += body if kind == b"IDAT" else b""
        pos += 12 + length
    if b"IHDR" not in chunks or b"IEND" not in chunks:
        raise ValueError("PNG without IHDR or IEND")
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    raw = zlib.decompress(idat)  # raises zlib.error (a ValueError) on truncated data
    return {
        "width": width,
        "height": height,
        "bit_depth": depth,
        "colour_type": colour,
        "bytes": len(data),
        "distinct_byte_values": len(set(raw)),
    }


def check_png(path: Path, expected: tuple[int, int]) -> tuple[bool, str, dict[str, Any]]:
    """Is the screenshot a valid PNG of the expected size with real content?"""
    if not path.is_file():
        return False, "no PNG was written", {}
    try:
        facts = png_facts(path.read_bytes())
    except (ValueError, zlib.error) as exc:
        return False, f"invalid PNG: {exc}", {}
    if (facts["width"], facts["height"]) != expected:
        return False, f"size {facts['width']}x{facts['height']}, expected {expected[0]}x{expected[1]}", facts
    if facts["bytes"] < MIN_PNG_BYTES or facts["distinct_byte_values"] < 32:
        return False, "the PNG looks blank", facts
    return True, "", facts


def folder_size(folder: Path) -> int:
    """Bytes of every regular file under `folder` (symlinks not followed, as on disk)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def archived_modules(executable: Path) -> set[str]:
    """Names of the Python modules inside the frozen executable's PYZ archive."""
    from PyInstaller.archive.readers import CArchiveReader

    package = CArchiveReader(str(executable))
    return set(package.open_embedded_archive("PYZ.pyz").toc)


def bundle_problems(folder: Path, executable: Path) -> list[str]:
    """What the bundle lacks or should not hold (empty when it is right)."""
    problems: list[str] = []
    modules = archived_modules(executable)
    required = REQUIRED_MODULES + (LINUX_KEYRING_MODULES if sys.platform.startswith("linux") else ())
    problems += [f"module missing: {name}" for name in required if name not in modules]
    problems += [
        f"module should not ship: {name}"
        for name in sorted(modules)
        if name.startswith(FORBIDDEN_MODULE_PREFIXES)
    ]
    internal = folder / "_internal"
    if not list(internal.glob("keyring-*.dist-info/entry_points.txt")):
        problems.append("keyring metadata missing (back ends are found through its entry points)")
    if not (internal / "certifi" / "cacert.pem").is_file():
        problems.append("certifi/cacert.pem missing (HTTPS to real orgs)")
    if not (internal / "resources" / "icons" / "app-256.png").is_file():
        problems.append("resources/icons/app-256.png missing")
    plugins = list(internal.glob("PySide6/**/plugins/platforms/*"))
    native = "qwindows" if IS_WIN else "qcocoa" if IS_MAC else "qxcb"
    for plugin in ("qoffscreen", native):
        if not any(plugin in p.name for p in plugins):
            problems.append(f"Qt platform plugin missing: {plugin}")
    if list(internal.glob("PySide6/**/translations/*.qm")):
        problems.append("Qt translations were not dropped")
    problems += translation_problems(internal / "resources" / "i18n")
    return problems


def translation_problems(folder: Path) -> list[str]:
    """The bundle carries the app's French and English catalogues and Qt's French one, no
    catalogue sources, and no other language."""
    wanted = {"syncerr_fr.qm", "syncerr_en.qm", "qtbase_fr.qm"}
    present = {path.name for path in folder.glob("*")} if folder.is_dir() else set()
    problems = [f"translation missing: resources/i18n/{name}" for name in sorted(wanted - present)]
    return problems + [f"should not ship: resources/i18n/{name}" for name in sorted(present - wanted)]


FRENCH_LOADED = "window language fr (2 catalogues loaded)"  # gui/i18n.install_language's log line


class FrozenSmokeTest:
    """Builds (optionally) and exercises the frozen app; `run()` returns the JSON report."""

    def __init__(self, dist: Path, work: Path, build: bool) -> None:
        self.dist, self.work, self.build = dist, work, build
        self.folder = dist / APP_ID
        suffix = ".exe" if IS_WIN else ""
        self.gui_binary = self.folder / f"{APP_ID}{suffix}"
        # A windowed .exe has no stdout/stderr: the console twin is the Windows CLI.
        self.cli_binary = self.folder / f"{CLI_NAME}.exe" if IS_WIN else self.gui_binary

    def run(self) -> dict[str, Any]:
        """Every step; a step that cannot run is reported, never skipped silently."""
        report: dict[str, Any] = {"platform": sys.platform, "build_s": None}
        if self.build:
            report["build_s"], report["build_ok"] = self._build()
            if not report["build_ok"]:
                return self._finish(report, ["the PyInstaller build failed"])
        if not self.gui_binary.is_file():
            return self._finish(report, [f"no frozen binary at {self.gui_binary}"])
        size = folder_size(self.folder)
        report.update(bundle_mb=round(size / 1e6, 1), bundle_mib=round(size / 2**20, 1))
        problems = bundle_problems(self.folder, self.gui_binary)
        if size > MAX_BUNDLE_BYTES:
            problems.append(f"the bundle is {size / 1e6:.1f} MB, more than {MAX_BUNDLE_BYTES / 1e6:.0f} MB")
        with tempfile.TemporaryDirectory(prefix="syncerr-smoke-") as scratch:
            env = self._environment(Path(scratch))
            report["startup_lower_bound_s"] = self._help_run(env, problems)
            report["export"] = asdict(self._export_run(Path(scratch), env, problems))
            report["screenshot"] = asdict(self._screenshot_run(Path(scratch), env, problems))
            report["french"] = asdict(self._french_run(Path(scratch), env, problems))
        report["window_created_s"] = report["screenshot"]["facts"].get("window_created_s")
        report["window_upper_bound_s"] = report["screenshot"]["seconds"]
        return self._finish(report, problems)

    def _build(self) -> tuple[float, bool]:
        started = time.perf_counter()
        command = [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--distpath",
            str(self.dist),
            "--workpath",
            str(self.work),
            str(REPO_ROOT / "build.spec"),
        ]
        proc = subprocess.run(
            command, cwd=REPO_ROOT, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S, check=False
        )
        if proc.returncode != 0:
            print(proc.stderr[-4000:], file=sys.stderr)
        return round(time.perf_counter() - started, 1), proc.returncode == 0

    def _environment(self, scratch: Path) -> dict[str, str]:
        """Offscreen Qt, and settings/archive/keyring files kept out of the user's own folders."""
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
        home = scratch / "home"
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            env[name] = str(home / name.lower())
        env["HOME" if not IS_WIN else "USERPROFILE"] = str(home)
        if IS_WIN:
            env.update(APPDATA=str(home / "roaming"), LOCALAPPDATA=str(home / "local"))
        home.mkdir()
        return env

    def _help_run(self, env: dict[str, str], problems: list[str]) -> float:
        result, output = run_binary([str(self.cli_binary), "--help"], 60, env)
        if not result.ok:
            problems.append(f"--help failed ({result.exit_code}): {output.strip()[-500:]}")
        return result.seconds

    def _export_run(self, scratch: Path, env: dict[str, str], problems: list[str]) -> RunResult:
        out = scratch / "errors.csv"
        result, output = run_binary(
            [str(self.cli_binary), "export", "--demo", "--out", str(out)], EXPORT_TIMEOUT_S, env
        )
        valid, why, result.facts = check_csv(out) if result.ok else (False, "", {})
        result.detail = result.detail or why or ("" if result.ok else output.strip()[-800:])
        result.ok = result.ok and valid
        if not result.ok:
            problems.append(f"export --demo: {result.detail}")
        return result

    def _screenshot_run(self, scratch: Path, env: dict[str, str], problems: list[str]) -> RunResult:
        out = scratch / "window.png"
        result, output = run_binary(
            [str(self.gui_binary), "--verbose", "--demo", "--screenshot", str(out)],
            SCREENSHOT_TIMEOUT_S,
            env,
            marker=WINDOW_CREATED_MARKER,
        )
        marker_s = result.facts["marker_s"]
        valid, why, result.facts = check_png(out, SCREENSHOT_SIZE) if result.ok else (False, "", {})
        result.facts["window_created_s"] = marker_s
        result.detail = result.detail or why or ("" if result.ok else output.strip()[-800:])
        result.ok = result.ok and valid
        if not result.ok:
            problems.append(f"--demo --screenshot: {result.detail}")
        return result

    def _french_run(self, scratch: Path, env: dict[str, str], problems: list[str]) -> RunResult:
        """The window under a French system locale loads the app's and Qt's French catalogues."""
        out = scratch / "window-fr.png"
        french = {key: value for key, value in env.items() if not key.startswith("LC_")}
        french.update(LANG="fr_FR.UTF-8", LANGUAGE="fr_FR")
        result, output = run_binary(
            [str(self.gui_binary), "--verbose", "--demo", "--screenshot", str(out)],
            SCREENSHOT_TIMEOUT_S,
            french,
            marker=FRENCH_LOADED,
        )
        if result.ok and result.facts["marker_s"] is None:
            result.ok, result.detail = False, f"no {FRENCH_LOADED!r} in the log"
        if not result.ok:
            problems.append(f"French --demo --screenshot: {result.detail or output.strip()[-800:]}")
        return result

    @staticmethod
    def _finish(report: dict[str, Any], problems: list[str]) -> dict[str, Any]:
        report["problems"] = problems
        report["ok"] = not problems
        return report


def main(argv: list[str] | None = None) -> int:
    """Command line; prints the JSON report and returns 0 when every check passed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="test the existing build in --dist")
    parser.add_argument("--dist", type=Path, default=REPO_ROOT / "dist", help="PyInstaller --distpath")
    parser.add_argument("--work", type=Path, default=REPO_ROOT / "build", help="PyInstaller --workpath")
    args = parser.parse_args(argv)
    report = FrozenSmokeTest(args.dist.resolve(), args.work.resolve(), build=not args.no_build).run()
    print(json.dumps(report, indent=2))
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
