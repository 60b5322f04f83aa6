"""Benchmark: the whole path at archive scale — N errors over 180 days, what the admin waits for.

    python benchmarks/scale.py --rows 10000000 --json
    python benchmarks/scale.py --rows 1000000 --json

Builds an archive of `rows` errors with `demo_org/scale_data.py` (a realistic mix: a few
dozen patterns whose messages embed IDs and values, six objects, a job every few minutes
with 1–5,000 failed rows, records that fail again and again, input rows per object) as a
daily scheduled export would: one sync per day for 180 days, the last 1M rows stored as
one timed sync (`store_1m_s`; the archive's tidy-up after it is `compact_s`). Then, in a
fresh process (`--measure`), what the admin waits for, each step up to the repaint of a
1280x800 table:

  open_s     start (archive opened) -> the table shown from it, every row ("all archived"),
             newest first; `launch_s` adds the Python/Qt start-up before that;
  rss_mb     the process right after open; `peak_rss_mb` the most it took in the whole run;
  filter_s   Job Level only, then back to all rows (slower of the two);
  sort_s     the slowest column once sort keys are built (the app builds them in the
             background after open: `warm_up_s`); `sort_cold_s` the slowest first sort;
  search_s   a word in ~1 % of the rows (search buffer built; `search_cold_s` the first);
  group_s    rows, first and last failure per group of error type + object + message;
  export_s   every row to CSV in display order (the Export CSV path).

`db_mb` is everything on disk. The last line printed is JSON.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ORG = "00D000000000001EAA"
TIMED_ROWS = 1_000_000
DAYS = 180
SEARCH_WORD = "ext-12"  # the source IDs EXT-12…: a few % of the rows


def generated_result(sync: Any) -> Any:
    """A generated sync (`scale_data.GeneratedSync`) as the engine would return it."""
    from syncerr_gui.core.frame.row_details import MemoryRowDetails
    from syncerr_gui.core.frame.schema import make_frame
    from syncerr_gui.core.sync.values import SyncResult

    columns = dict(sync.columns)
    details = MemoryRowDetails.of(columns.pop("row_key"), columns.pop("input_row"))
    columns = {
        name: (values.dictionary_encode() if name != "failed_at" and name != "salesforce_id" else values)
        for name, values in columns.items()
    }
    columns["failed_at"] = columns["failed_at"].to_pandas().dt.tz_localize("UTC")
    frame = make_frame(columns, length=sync.rows)
    return SyncResult(
        frame=frame,
        problems=[],
        jobs=sync.jobs,
        since=sync.started_at - timedelta(days=7),
        until=None,
        started_at=sync.started_at,
        finished_at=sync.started_at + timedelta(minutes=2),
        cancelled=False,
        api_usage=None,
        requests_made=0,
        details=details,
    )


def build(folder: Path, rows: int) -> dict[str, float]:
    """The archive of `rows` errors: daily syncs, then one timed sync of the last 1M."""
    from syncerr_gui.core.archive.store import ErrorArchive
    from syncerr_gui.demo_org.scale_data import ScaleData

    end = datetime.now(UTC).replace(microsecond=0)
    timed_rows = min(TIMED_ROWS, rows)
    history = rows - timed_rows
    figures: dict[str, float] = {}
    start = time.perf_counter()
    with ErrorArchive.for_org(ORG, folder) as archive:
        if history:
            data = ScaleData(history, end - timedelta(days=1), days=DAYS - 1, seed=15)
            for sync in data.syncs(max(1, history // (DAYS - 1))):
                archive.store(generated_result(sync))
                archive.compact()
        archive.mark_visit()
        figures["build_s"] = time.perf_counter() - start
        last = ScaleData(timed_rows, end, days=1, seed=16)
        last._job_serial = 10**8  # new jobs
        result = generated_result(next(last.syncs(timed_rows)))
        gc.collect()
        start = time.perf_counter()
        stats = archive.store(result)
        figures["store_1m_s"] = time.perf_counter() - start
        assert stats.rows_new == timed_rows, stats
        start = time.perf_counter()
        archive.compact()
        figures["compact_s"] = time.perf_counter() - start
        figures["db_mb"] = archive.disk_usage() / 1e6
        figures["rows"] = archive.error_count()
    return figures


def timed_store_on_copy(folder: Path, scratch: Path) -> dict[str, float]:
    """`store_1m_s` and `compact_s` of a kept archive, on a copy of it (the kept one stays as it is)."""
    import shutil

    from syncerr_gui.core.archive.store import ErrorArchive
    from syncerr_gui.demo_org.scale_data import ScaleData

    copy = scratch / "copy"
    shutil.copytree(folder, copy)
    with ErrorArchive.for_org(ORG, copy) as archive:
        figures: dict[str, float] = {"rows": archive.error_count(), "db_mb": archive.disk_usage() / 1e6}
        archive.load()  # as the app does at start: the archive is open and loaded when a sync ends
        start = time.perf_counter()
        archive.prepare_store()  # what ArchiveSync does on a thread while the sync downloads
        figures["prepare_store_s"] = time.perf_counter() - start
        last = ScaleData(TIMED_ROWS, datetime.now(UTC), days=1, seed=17)
        last._job_serial = 2 * 10**8
        result = generated_result(next(last.syncs(TIMED_ROWS)))
        gc.collect()
        start = time.perf_counter()
        stats = archive.store(result)
        figures["store_1m_s"] = time.perf_counter() - start
        assert stats.rows_new == TIMED_ROWS, stats
        start = time.perf_counter()
        archive.compact()
        figures["compact_s"] = time.perf_counter() - start
    shutil.rmtree(copy)
    return figures


def measure(folder: Path, launched: float) -> dict[str, Any]:
    """In this (fresh) process: open to a shown table, then filter, sort, search, group, export."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QTableView

    from syncerr_gui.core.archive.store import ErrorArchive
    from syncerr_gui.core.frame.filtering import ErrorFilter
    from syncerr_gui.core.frame.grouping import group_rows
    from syncerr_gui.core.frame.schema import JOB_LEVEL
    from syncerr_gui.gui.table.columns import TABLE_COLUMNS
    from syncerr_gui.gui.table.error_table_model import ErrorTableModel
    from syncerr_gui.gui.table.table_data import TableData

    app = QApplication.instance() or QApplication(sys.argv[:1])
    model = ErrorTableModel(warm_up=False, zone=None)
    view = QTableView()
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.resize(1280, 800)
    view.setModel(model)
    model.sort(1, Qt.SortOrder.DescendingOrder)  # newest first, as the app shows an archive
    view.show()
    app.processEvents()
    figures: dict[str, Any] = {}

    def timed(step: Any) -> float:
        start = time.perf_counter()
        step()
        app.processEvents()
        return time.perf_counter() - start

    start = time.perf_counter()
    archive = ErrorArchive.for_org(ORG, folder)
    frame = archive.load()
    marks = archive.new_since_last_visit(frame)
    loaded = time.perf_counter()
    data = TableData.build(frame, ErrorFilter(), model.sort_spec, marks, details=archive.details)
    built = time.perf_counter()
    model.set_view(data)
    app.processEvents()
    figures["open_s"] = time.perf_counter() - start
    figures["open_load_s"], figures["open_view_s"] = loaded - start, built - loaded
    figures["open_install_s"] = figures["open_s"] - (built - start)
    figures["launch_s"] = time.time() - launched
    figures["rss_mb"] = _rss_mb()
    figures["shown_rows"] = model.shown_count
    job_level = ErrorFilter(levels=frozenset({JOB_LEVEL}))
    figures["filter_s"] = max(
        timed(lambda: model.set_filter(job_level)), timed(lambda: model.set_filter(ErrorFilter()))
    )
    cold = {
        c.header: timed(lambda i=i: model.sort(i, Qt.SortOrder.AscendingOrder))
        for i, c in enumerate(TABLE_COLUMNS)
    }
    figures["sort_cold_s"] = max(cold.values())
    figures["sort_cold_column"] = max(cold, key=cold.__getitem__)
    start = time.perf_counter()
    model.error_view.warm_up()
    figures["warm_up_s"] = time.perf_counter() - start
    warm = {
        c.header: timed(lambda i=i: model.sort(i, Qt.SortOrder.AscendingOrder))
        for i, c in enumerate(TABLE_COLUMNS)
    }
    figures["sort_s"] = max(warm.values())
    figures["sort_column"] = max(warm, key=warm.__getitem__)
    timed(lambda: model.sort(1, Qt.SortOrder.DescendingOrder))
    figures["search_cold_s"] = timed(lambda: model.set_filter(ErrorFilter(text="ext-9876")))
    figures["search_s"] = timed(lambda: model.set_filter(ErrorFilter(text=SEARCH_WORD)))
    figures["search_rows"] = model.shown_count
    model.set_filter(ErrorFilter())
    start = time.perf_counter()
    groups = group_rows(frame, ("error_type", "object", "message"))
    figures["group_s"] = time.perf_counter() - start
    figures["groups"] = len(groups)
    figures["export_s"] = _export(model, folder)
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    archive.close()
    return figures


def _measured_in_fresh_processes(folder: Path, repeats: int) -> dict[str, Any]:
    """`measure` in `repeats` fresh processes one after another: the median of each figure,
    and the range of `open_s` (first-touch memory costs vary a lot on a virtual machine)."""
    runs = []
    for _ in range(max(1, repeats)):
        launched = time.time()
        child = subprocess.run(
            [sys.executable, __file__, "--measure", str(folder), "--launched", str(launched)],
            capture_output=True,
            text=True,
            check=True,
        )
        runs.append(json.loads(child.stdout.strip().splitlines()[-1]))
    merged: dict[str, Any] = {}
    for key, value in runs[0].items():
        values = [run[key] for run in runs]
        merged[key] = statistics.median(values) if isinstance(value, int | float) else value
    merged["open_s_range"] = [min(r["open_s"] for r in runs), max(r["open_s"] for r in runs)]
    merged["first_touch_gb_s"] = _first_touch_gb_s()
    return merged


def _first_touch_gb_s() -> float:
    """Seconds a fresh process takes to first write 1 GB (a calibration: ~0.1 s on a laptop)."""
    code = "import numpy, time; s = time.perf_counter(); numpy.ones(10**9, numpy.uint8); print(time.perf_counter() - s)"
    child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(child.stdout.strip())


def _export(model: Any, folder: Path) -> float:
    from syncerr_gui.core.frame.export import export_csv

    view = model.error_view
    out = folder / "all.csv"
    start = time.perf_counter()
    export_csv(view.frame, out, rows=view.visible)
    elapsed = time.perf_counter() - start
    out.unlink()
    return elapsed


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    parser.add_argument("--keep", metavar="DIR", help="build the archive in DIR and keep it")
    parser.add_argument(
        "--reuse", metavar="DIR", help="measure an archive kept with --keep (the timed store runs on a copy)"
    )
    parser.add_argument("--repeats", type=int, default=3, help="fresh processes measuring (medians)")
    parser.add_argument("--measure", metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument("--launched", type=float, default=0.0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(Path(args.measure), args.launched)))
        return 0
    with tempfile.TemporaryDirectory(prefix="scale-bench-") as scratch:
        folder = Path(args.reuse or args.keep or scratch)
        folder.mkdir(parents=True, exist_ok=True)
        figures: dict[str, Any] = (
            timed_store_on_copy(folder, Path(scratch)) if args.reuse else build(folder, args.rows)
        )
        figures["build_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        figures.update(_measured_in_fresh_processes(folder, args.repeats))
    rounded = {k: round(v, 3) if isinstance(v, float) else v for k, v in figures.items()}
    if not args.json:
        for key, value in rounded.items():
            print(f"{key:>20}: {value}")
    print(json.dumps(rounded))
    return 0


if __name__ == "__main__":
    sys.exit(main())
