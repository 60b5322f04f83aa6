"""How long the GUI event loop stalls while the main window syncs a big demo org.

A 10 ms QTimer records the interval between its ticks; the longest gap is the worst freeze a
user could feel (goal: < 100 ms). The model's `set_frame` at the end of the sync is the one
heavy GUI-thread step, reported on its own. Prints JSON.

    QT_QPA_PLATFORM=offscreen python benchmarks/gui_responsiveness.py --errors 200000
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

TICK_MS = 10


class GapMeter:
    """Records the intervals between ticks of a fast timer on the GUI thread."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self._last) * 1000)
        self._last = now

    def summary(self) -> dict[str, float]:
        gaps = sorted(self.gaps) or [0.0]
        return {"ticks": len(self.gaps), "max_gap_ms": round(gaps[-1], 1),
                "p99_gap_ms": round(gaps[int(len(gaps) * 0.99) - 1 if len(gaps) > 1 else 0], 1),
                "gaps_over_100ms": sum(g > 100 for g in gaps)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=200_000, help="record-level errors in the demo org")
    parser.add_argument("--bulk2-jobs", type=int, default=200)
    parser.add_argument("--timeout", type=float, default=900.0)
    args = parser.parse_args()

    from syncerr_gui.demo_org import DemoConfig, DemoOrg
    from syncerr_gui.demo_org.connect import demo_session
    from syncerr_gui.gui.app_settings import AppSettings
    from syncerr_gui.gui.main_window import MainWindow

    app = QApplication([])
    folder = tempfile.mkdtemp(prefix="gui-bench-")
    settings = AppSettings(QSettings(os.path.join(folder, "s.ini"), QSettings.Format.IniFormat))
    t0 = time.perf_counter()
    with DemoOrg(DemoConfig(record_errors=args.errors, bulk2_jobs=args.bulk2_jobs)) as org:
        org_start_s = time.perf_counter() - t0
        window = MainWindow(settings, ca_bundle=str(org.ca_path))
        window.show()
        window.set_session(demo_session(org))
        set_frame_ms: list[float] = []
        original = window.model.set_frame

        def timed_set_frame(frame: object) -> None:
            start = time.perf_counter()
            original(frame)
            set_frame_ms.append((time.perf_counter() - start) * 1000)

        window.model.set_frame = timed_set_frame  # type: ignore[method-assign]
        meter = GapMeter()
        window.sync_ended.connect(app.quit)
        QTimer.singleShot(int(args.timeout * 1000), app.quit)
        meter.start()
        started = time.perf_counter()
        window.sync_now()
        app.exec()
        sync_s = time.perf_counter() - started
        meter.timer.stop()
        result = {"errors_in_org": args.errors, "rows_shown": window.model.rowCount(),
                  "rows_total": window.model.total_count, "demo_org_start_s": round(org_start_s, 2),
                  "sync_s": round(sync_s, 2), "set_frame_ms": [round(x, 1) for x in set_frame_ms],
                  **meter.summary(), "goal_max_gap_ms": 100}
        window.close()
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
