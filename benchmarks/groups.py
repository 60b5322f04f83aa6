"""Benchmark: error groups of a frame (the Groups view and `export --groups`).

    python benchmarks/groups.py --rows 1000000 --json

A frame of `rows` errors of the realistic mix (`demo_org/scale_data.py`: 180 days, a few
dozen causes whose messages embed record IDs, e-mails and values) is grouped by cause
(`core/frame/groups.ErrorGroups`). Medians of `--repeats`:
  group_s         frame -> groups, the first time, as the app does it: with the patterns the
                  archive keeps (`ErrorArchive.message_patterns`), each row's group, first and
                  last seen, distinct records and jobs, then the summary of every row;
  group_unkept_s  the same when no pattern is kept yet (an archive's first grouping, or a
                  frame without an archive): the patterns of every distinct message first;
  patterns_s      those patterns alone (`PatternMap.of_messages` over the message dictionary);
  kept_read_s     reading the kept patterns back (`pattern_store.read_patterns`, one segment per
                  sync of 250,000 rows), what an archive's grouping pays instead;
  regroup_s       the summary again after a filter change (the last 7 days);
  regroup_wide_s  the same for a wide filter (object = Lead, about 40 % of the rows);
  peer_group_rows_s  in the same run, `grouping.group_rows` by error type + object + message
                  (the plain grouping of issue 15, no patterns, no distinct counts);
  extra_rss_mb    what the process holds more once the groups are built and summarised (RSS
                  after - before, measured first, in a fresh process);
  traced_peak_mb  the most NumPy and Python allocated while building and summarising
                  (tracemalloc; Arrow's own pool is not traced).
The last line printed is JSON.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def realistic_frame(rows: int) -> Any:
    from scale import generated_result

    from syncerr_gui.core.frame.schema import concat_frames
    from syncerr_gui.demo_org.scale_data import ScaleData

    data = ScaleData(rows, datetime(2026, 11, 27, tzinfo=UTC))
    return concat_frames([generated_result(sync).frame for sync in data.syncs(250_000)])


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    import os

    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _trimmed() -> None:
    """Give freed heap pages back to the system (glibc), so an RSS difference is what is held."""
    gc.collect()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _median(step: Any, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def tracemalloc_held(frame: Any, kept: Any) -> float:
    """MB of NumPy arrays an `ErrorGroups` keeps once built (tracemalloc, current)."""
    from syncerr_gui.core.frame.groups import ErrorGroups

    tracemalloc.start()
    groups = ErrorGroups(frame, kept)
    held = tracemalloc.get_traced_memory()[0] / 2**20
    tracemalloc.stop()
    del groups
    return held


def _kept_reader(kept: Any, segments: int) -> Any:
    """A step reading `kept` back from an archive table written in `segments` parts."""
    import sqlite3

    from syncerr_gui.core.archive.pattern_store import read_patterns, write_patterns
    from syncerr_gui.core.archive.schema import V4
    from syncerr_gui.core.frame.groups import PatternMap

    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    for statement in V4.split(";"):
        if statement.strip():
            con.execute(statement)
    step = -(-len(kept.codes) // segments)
    for start in range(0, len(kept.codes), step):
        write_patterns(con, start, PatternMap(kept.codes[: start + step], kept.values))
    assert len(read_patterns(con).codes) == len(kept.codes)
    return lambda: read_patterns(con)


def measure(frame: Any, repeats: int) -> dict[str, Any]:
    from syncerr_gui.core.frame.filtering import ErrorFilter, ErrorView
    from syncerr_gui.core.frame.grouping import group_rows
    from syncerr_gui.core.frame.groups import ErrorGroups, PatternMap
    from syncerr_gui.core.frame.schema import codes_and_values

    messages = codes_and_values(frame["message"])[1]
    figures: dict[str, Any] = {"rows": len(frame), "distinct_messages": len(messages)}
    kept = PatternMap.of_messages(messages)
    _trimmed()
    before = _rss_mb()
    groups = ErrorGroups(frame, kept)
    summary = groups.summary()
    _trimmed()
    figures["extra_rss_mb"] = round(_rss_mb() - before, 1)
    figures["held_mb"] = round(tracemalloc_held(frame, kept), 1)
    del groups, summary
    gc.collect()
    tracemalloc.start()
    ErrorGroups(frame, kept).summary()
    figures["traced_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
    tracemalloc.stop()
    figures["patterns_s"] = _median(lambda: PatternMap.of_messages(messages), repeats)
    figures["kept_read_s"] = _median(_kept_reader(kept, len(frame) // 250_000 + 1), repeats)
    figures["group_s"] = _median(lambda: ErrorGroups(frame, kept).summary(), repeats)
    figures["group_unkept_s"] = _median(lambda: ErrorGroups(frame).summary(), repeats)
    groups = ErrorGroups(frame, kept)
    figures["groups"] = len(groups.summary().table)
    view = ErrorView(frame)
    latest = frame["failed_at"].max().to_pydatetime()
    view.apply(ErrorFilter(start=latest - timedelta(days=7)))
    figures["regroup_rows"] = len(view.visible)
    figures["regroup_s"] = _median(lambda: groups.summary(view.visible), max(repeats, 5))
    view.apply(ErrorFilter(objects=frozenset({"Lead"})))
    figures["regroup_wide_rows"] = len(view.visible)
    figures["regroup_wide_s"] = _median(lambda: groups.summary(view.visible), max(repeats, 5))
    figures["peer_group_rows_s"] = _median(
        lambda: group_rows(frame, ("error_type", "object", "message")), repeats
    )
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in figures.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    args = parser.parse_args(argv)
    frame = realistic_frame(args.rows)
    figures = measure(frame, args.repeats)
    if not args.json:
        for name, value in figures.items():
            print(f"{name:20} {value}")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
