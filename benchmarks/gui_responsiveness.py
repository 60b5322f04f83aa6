"""How long the GUI event loop stalls while the main window syncs a big demo org.

A 10 ms QTimer records the interval between its ticks; the longest gap is the worst freeze a
user could feel (goal: < 100 ms). The model's `set_frame` at the end of the sync is reported
on its own: the sync worker builds the filtered, sorted view, so it is an O(1) swap;
`--gui-thread-view` turns that off (the view is built in `set_frame`, as before) to compare.
`--archive` syncs through an error archive in a temporary data folder, as the app does.
Prints JSON.

By default the demo org runs in a separate process, as a real org is another machine; with
`--in-process` it shares this process (and its GIL), a harsher case.

    QT_QPA_PLATFORM=offscreen python benchmarks/gui_responsiveness.py --errors 200000
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

TICK_MS = 10


class GapMeter:
    """Records the intervals between ticks of a fast timer on the GUI thread."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self.slow: list[tuple[float, float]] = []  # (seconds since start, gap ms) of gaps > 50 ms
        self._last = self._start = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = self._start = time.perf_counter()
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = (now - self._last) * 1000
        self.gaps.append(gap)
        if gap > 50:
            self.slow.append((round(now - self._start, 2), round(gap, 1)))
        self._last = now

    def summary(self) -> dict[str, float]:
        gaps = sorted(self.gaps) or [0.0]
        return {
            "ticks": len(self.gaps),
            "max_gap_ms": round(gaps[-1], 1),
            "p99_gap_ms": round(gaps[int(len(gaps) * 0.99) - 1 if len(gaps) > 1 else 0], 1),
            "gaps_over_100ms": sum(g > 100 for g in gaps),
            "gaps_over_50ms_at_s_ms": self.slow,
        }


@contextlib.contextmanager
def org_session(errors: int, bulk2_jobs: int, in_process: bool) -> Iterator[tuple[Any, str]]:
    """(OrgSession, CA path) of a demo org admin; the org is stopped on exit."""
    from syncerr_gui.core.auth.login import login_with_token

    if in_process:
        from syncerr_gui.demo_org import DemoConfig, DemoOrg
        from syncerr_gui.demo_org.connect import demo_session

        with DemoOrg(DemoConfig(record_errors=errors, bulk2_jobs=bulk2_jobs)) as org:
            yield demo_session(org), str(org.ca_path)
        return
    cmd = [sys.executable, "-m", "syncerr_gui.demo_org", "--errors", str(errors), "--jobs", str(bulk2_jobs)]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parent.parent
    )
    try:
        info: dict[str, str] = {}
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("Serving"):
                break
            key, _, value = line.partition(":")
            info[key.strip()] = value.strip()
        ca = info["CA certificate"]
        yield login_with_token(info["Demo org"], info["Access token"], ca_bundle=ca), ca
    finally:
        proc.terminate()
        proc.wait(30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=200_000, help="record-level errors in the demo org")
    parser.add_argument("--bulk2-jobs", type=int, default=200)
    parser.add_argument("--timeout", type=float, default=900.0)
    parser.add_argument("--in-process", action="store_true", help="run the demo org in this process")
    parser.add_argument(
        "--gui-thread-view",
        action="store_true",
        help="build the table's view in set_frame on the GUI thread (the old way)",
    )
    parser.add_argument("--archive", action="store_true", help="sync through an archive (temporary folder)")
    args = parser.parse_args()

    from syncerr_gui.gui.app_settings import AppSettings
    from syncerr_gui.gui.main_window import MainWindow

    app = QApplication([])
    folder = tempfile.mkdtemp(prefix="gui-bench-")
    settings = AppSettings(QSettings(os.path.join(folder, "s.ini"), QSettings.Format.IniFormat))
    t0 = time.perf_counter()
    with org_session(args.errors, args.bulk2_jobs, args.in_process) as (session, ca_path):
        org_start_s = time.perf_counter() - t0
        window = MainWindow(settings, ca_bundle=ca_path)
        if args.archive:
            window.archive.open(os.path.join(folder, "data"))
        if args.gui_thread_view:
            window.archive._preparer = lambda org: lambda result: None  # type: ignore[method-assign]
        window.show()
        window.set_session(session)
        set_frame_ms: list[float] = []
        original = window.model.set_frame

        def timed_set_frame(frame: object, *args: object, **kwargs: object) -> None:
            start = time.perf_counter()
            original(frame, *args, **kwargs)
            set_frame_ms.append((time.perf_counter() - start) * 1000)

        window.model.set_frame = timed_set_frame  # type: ignore[method-assign]
        meter = GapMeter()
        ended_at: list[float] = []
        window.sync_ended.connect(lambda: ended_at.append(time.perf_counter()))
        grouped_at: list[float] = []
        # Keep measuring a moment after the sync has been grouped (the Groups view groups it in
        # the pool, then swaps its small table in): the table's background warm-up runs then.
        window.groups.grouped.connect(lambda: grouped_at.append(time.perf_counter()))
        window.groups.grouped.connect(lambda: QTimer.singleShot(1500, app.quit))
        QTimer.singleShot(int(args.timeout * 1000), app.quit)
        meter.start()
        started = time.perf_counter()
        window.sync_now()
        app.exec()
        sync_s = (ended_at[0] if ended_at else time.perf_counter()) - started
        meter.timer.stop()
        result = {
            "errors_in_org": args.errors,
            "demo_org": "in-process" if args.in_process else "subprocess",
            "view_built_in": "GUI thread" if args.gui_thread_view else "sync thread",
            "archive": args.archive,
            "cpus": os.cpu_count(),
            "rows_shown": window.model.rowCount(),
            "rows_total": window.model.total_count,
            "demo_org_start_s": round(org_start_s, 2),
            "sync_s": round(sync_s, 2),
            "set_frame_ms": [round(x, 1) for x in set_frame_ms],
            "groups": window.groups.model.total_groups,
            "grouped_after_sync_s": round(grouped_at[0] - ended_at[0], 2)
            if grouped_at and ended_at
            else None,
            **meter.summary(),
            "goal_max_gap_ms": 100,
        }
        window.close()
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
