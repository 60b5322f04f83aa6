"""Table benchmark: load, filter, sort and search a synthetic error frame in a real QTableView.

    python benchmarks/table.py --rows 1000000 --json
    python benchmarks/table.py --peer [PATH]       # also the textbook Qt peer, both at 200,000 rows
    python benchmarks/table.py --archive-open      # also: open the rows from an error archive

Each figure includes the view's layout and repaint of a 1280x800 table (like the peer's). Sorts and searches are
reported twice: the first time a column/search is used in a frame (`*_cold_s`, it builds
the cached keys / search buffer; the app builds them in a background thread right after
load) and once cached (`sort_s`, `search_s`). `peak_rss_mb` is the whole process, incl.
generating the synthetic frame; on Linux `peak_rss_table_mb` is the peak from
the moment the frame exists (what loading, filtering, sorting and searching add).
`--archive-open` stores the frame in an error archive (temporary folder) and times what the
app's instant start does: open the archive and load it (its parts; `archive_load_s`),
filter and sort it in that thread (`archive_view_s`), and swap it into the model on the GUI
thread (`archive_install_s`, incl. the repaint); `archive_open_s` is the sum.
The last line printed is JSON.
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import UTC

import pyarrow as pa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView

from syncerr_gui.core.frame.filtering import ErrorFilter, ErrorView
from syncerr_gui.core.frame.schema import JOB_LEVEL
from syncerr_gui.demo_org.synthetic import synthetic_details, synthetic_errors
from syncerr_gui.gui.table.columns import TABLE_COLUMNS
from syncerr_gui.gui.table.error_table_model import ErrorTableModel

logger = logging.getLogger(__name__)
PEER_ROWS = 200_000
DEFAULT_PEER = REPO.parent / "shared" / "bench" / "naive_qt_peer.py"
SEARCH_WORD = "#12"  # in ~1.1% of synthetic rows at 1M ("… #12", "#120…", "#12xxxx")
COLD_SEARCH_WORD = "#34"


class TableBench:
    """One table in one offscreen window; every step timed up to its repaint."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.model = ErrorTableModel(warm_up=False, zone=None)  # no background work skews timings
        self.view = QTableView()  # set up as the main window does
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.view.resize(1280, 800)
        self.view.setModel(self.model)
        self.view.show()
        self.app.processEvents()

    def timed(self, step: Any) -> float:
        """Seconds for `step` plus the event processing that lays out and repaints the view."""
        start = time.perf_counter()
        step()
        self.app.processEvents()  # delivers the update request: one synchronous paint
        return time.perf_counter() - start

    def sort_all(self) -> tuple[float, str]:
        """Sort by every column once (ascending); the slowest and its header."""
        times = {
            c.header: self.timed(lambda i=i: self.model.sort(i, Qt.SortOrder.AscendingOrder))
            for i, c in enumerate(TABLE_COLUMNS)
        }
        slowest = max(times, key=times.__getitem__)
        return times[slowest], slowest


def measure(rows: int) -> dict[str, Any]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    start = time.perf_counter()
    frame = synthetic_errors(rows)
    synth_s = time.perf_counter() - start
    gc.collect()
    pa.default_memory_pool().release_unused()
    generator_peak = _peak_rss_mb()
    rss_before_table = _reset_peak_rss()
    bench = TableBench(app)
    result: dict[str, Any] = {"rows": rows, "synthetic_s": synth_s}
    result["load_s"] = bench.timed(lambda: bench.model.set_frame(frame))
    job_level_only = ErrorFilter(levels=frozenset({JOB_LEVEL}))
    result["filter_s"] = bench.timed(lambda: bench.model.set_filter(job_level_only))
    result["filtered_rows"] = bench.model.shown_count
    bench.timed(lambda: bench.model.set_filter(ErrorFilter()))
    result["sort_cold_s"], result["sort_cold_slowest_column"] = bench.sort_all()
    result["sort_s"], result["sort_slowest_column"] = bench.sort_all()
    bench.timed(lambda: bench.model.sort(-1, Qt.SortOrder.AscendingOrder))
    result["search_cold_s"] = bench.timed(lambda: bench.model.set_filter(ErrorFilter(text=COLD_SEARCH_WORD)))
    result["search_s"] = bench.timed(lambda: bench.model.set_filter(ErrorFilter(text=SEARCH_WORD)))
    result["search_rows"] = bench.model.shown_count
    result["scroll_s"] = bench.timed(lambda: _scroll(bench))
    table_peak = _peak_rss_mb()
    result["peak_rss_mb"] = max(generator_peak, table_peak)
    if rss_before_table is not None:  # peak since the frame existed: the table's own share
        result["rss_with_frame_mb"] = rss_before_table
        result["peak_rss_table_mb"] = table_peak
    start = time.perf_counter()
    ErrorView(frame).warm_up()
    result["background_warm_up_s"] = time.perf_counter() - start
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in result.items()}


def measure_archive_open(frame: Any, app: QApplication) -> dict[str, float]:
    """Store `frame` in a fresh archive, then time the instant start's three steps."""
    import tempfile
    from datetime import datetime, timedelta

    from syncerr_gui.core.archive.store import ErrorArchive
    from syncerr_gui.core.sync.values import SyncResult
    from syncerr_gui.gui.table.table_data import TableData

    now = datetime.now(UTC)
    result = SyncResult(
        frame=frame,
        problems=[],
        jobs=[],
        since=now - timedelta(days=7),
        until=None,
        started_at=now,
        finished_at=now,
        cancelled=False,
        api_usage=None,
        requests_made=0,
        details=synthetic_details(len(frame)),
    )
    org = "00D000000000001EAA"
    with tempfile.TemporaryDirectory(prefix="table-bench-") as folder:
        start = time.perf_counter()
        with ErrorArchive.for_org(org, folder) as archive:
            archive.store(result)
        store_s = time.perf_counter() - start
        bench = TableBench(app)
        start = time.perf_counter()
        with ErrorArchive.for_org(org, folder) as archive:
            loaded = archive.load()
            marks = archive.new_since_last_visit(loaded)
        load_s = time.perf_counter() - start
        start = time.perf_counter()
        data = TableData.build(loaded, ErrorFilter(), (1, False), marks)  # newest first
        view_s = time.perf_counter() - start
        install_s = bench.timed(lambda: bench.model.set_view(data))
    return {
        "archive_store_s": store_s,
        "archive_load_s": load_s,
        "archive_view_s": view_s,
        "archive_install_s": install_s,
        "archive_open_s": load_s + view_s + install_s,
    }


def _status_mb(key: str) -> float | None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(key + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _peak_rss_mb() -> float:
    """This process's peak RSS (VmHWM where the OS has it: it honours `_reset_peak_rss`)."""
    peak = _status_mb("VmHWM")
    return peak if peak is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _reset_peak_rss() -> float | None:
    """Linux: restart the peak-RSS count (VmHWM), so the generator's own peak is left out."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as clear:
            clear.write("5")
    except OSError:
        return None
    return _status_mb("VmRSS")


def _scroll(bench: TableBench) -> None:
    """Page down 50 times (new rows formatted on each page)."""
    bar = bench.view.verticalScrollBar()
    for _ in range(50):
        bar.setValue(bar.value() + bar.pageStep())
        bench.app.processEvents()


def run_json(command: list[str]) -> dict[str, Any]:
    """Run a benchmark process and return its last line as JSON."""
    done = subprocess.run(  # noqa: PLW1510 - callers read the exit code
        command,
        capture_output=True,
        text=True,
        timeout=1800,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    if done.returncode != 0:
        raise RuntimeError(f"{command[1]} failed ({done.returncode}): {done.stderr[-1500:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def compare_with_peer(peer: Path) -> dict[str, Any] | None:
    """Peer and ours at PEER_ROWS, each in its own process; ratios peer / ours."""
    if not peer.is_file():
        print(f"note: peer benchmark not found at {peer}; skipped", file=sys.stderr)
        return None
    theirs = run_json([sys.executable, str(peer), str(PEER_ROWS)])
    ours = run_json([sys.executable, str(Path(__file__).resolve()), "--rows", str(PEER_ROWS), "--json"])
    ratios = {
        "load": theirs["build_s"] / ours["load_s"],
        "filter": theirs["filter_s"] / ours["filter_s"],
        "sort": theirs["sort_s"] / ours["sort_s"],
        "sort_vs_our_cold": theirs["sort_s"] / ours["sort_cold_s"],
    }
    return {
        "rows": PEER_ROWS,
        "peer": theirs,
        "ours": ours,
        "speedup": {k: round(v, 1) for k, v in ratios.items()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    parser.add_argument(
        "--archive-open",
        action="store_true",
        help="also time opening the rows from an error archive (stores them first)",
    )
    parser.add_argument(
        "--peer",
        nargs="?",
        const=str(DEFAULT_PEER),
        default=None,
        metavar="PATH",
        help="also run the peer benchmark at 200,000 rows (default path: %(const)s)",
    )
    args = parser.parse_args(argv)
    result = measure(args.rows)
    if args.archive_open:
        app = QApplication.instance() or QApplication(sys.argv[:1])
        opened = measure_archive_open(synthetic_errors(args.rows), app)
        result.update({k: round(v, 4) for k, v in opened.items()})
    if args.peer:
        result["peer_comparison"] = compare_with_peer(Path(args.peer))
    if not args.json:
        for key, value in result.items():
            if key != "peer_comparison":
                print(f"{key:>26}: {value}")
        if result.get("peer_comparison"):
            print(f"{'speedup vs peer':>26}: {result['peer_comparison']['speedup']}")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
