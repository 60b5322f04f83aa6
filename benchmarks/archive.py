"""Benchmark: the error archive — storing a big sync, the instant start, an incremental no-op sync.

    python benchmarks/archive.py --rows 1000000 --json

Measures, on `rows` synthetic errors (`core/synthetic.py`) in a fresh archive:
  store_s          first store of the sync (one transaction, every row new, snapshot written);
  restore_s        storing the same sync again (idempotent: no row added);
  load_s           a new ErrorArchive opening the file and `load()` to the error frame (median);
  rebuild_s        `load()` when the snapshot is missing: frame rebuilt from SQLite (and saved);
  read_sql_s       (with --compare) plain `pandas.read_sql_query` of the errors table, for reference;
then, against a demo org over HTTPS, two `ArchiveSync` runs: the requests of the second one
(`noop_requests`, by kind) — it must download no result of an archived job.
The last line printed is JSON.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import resource
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

logger = logging.getLogger(__name__)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--compare", action="store_true", help="also time pandas.read_sql_query")
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="archive-bench-") as folder:
        figures = {
            "rows": args.rows,
            **measure_archive(Path(folder), args),
            **measure_incremental(Path(folder)),
        }
    figures["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    if not args.json:
        for key, value in figures.items():
            print(f"{key:>24}: {value}")
    print(json.dumps(figures))
    return 0


def measure_archive(folder: Path, args: argparse.Namespace) -> dict[str, object]:
    from syncerr_gui.core.archive.store import ErrorArchive
    from syncerr_gui.demo_org.synthetic import synthetic_errors

    frame = synthetic_errors(args.rows, jobs=max(1000, args.rows // 1000))
    result = sync_result(frame)
    path = folder / "bench.sqlite3"
    with ErrorArchive(path) as archive:
        store_s, stats = timed(partial(archive.store, result))
        restore_s, again = timed(partial(archive.store, result))
    assert stats.rows_new == args.rows and again.rows_new == 0
    del frame, result
    loads = [timed(lambda: load_fresh(path))[0] for _ in range(args.repeats)]
    snapshot = next(folder.glob("*.arrow"))
    figures: dict[str, object] = {
        "store_s": round(store_s, 3),
        "restore_s": round(restore_s, 3),
        "load_s": round(statistics.median(loads), 3),
        "db_mb": round(path.stat().st_size / 1e6, 1),
        "snapshot_mb": round(snapshot.stat().st_size / 1e6, 1),
    }
    snapshot.unlink()
    figures["rebuild_s"] = round(timed(lambda: load_fresh(path))[0], 3)
    if args.compare:
        figures["read_sql_s"] = round(timed(lambda: read_sql(path))[0], 3)
    return figures


def load_fresh(path: Path) -> int:
    """What the GUI does at start: open the archive, load every row into the error frame."""
    from syncerr_gui.core.archive.store import ErrorArchive

    with ErrorArchive(path) as archive:
        return len(archive.load())


def read_sql(path: Path) -> int:
    import sqlite3

    import pandas as pd

    from syncerr_gui.core.archive.rows import ROW_COLUMNS

    con = sqlite3.connect(path)
    try:
        return len(pd.read_sql_query(f"SELECT {', '.join(ROW_COLUMNS)} FROM errors", con))
    finally:
        con.close()


def measure_incremental(folder: Path) -> dict[str, object]:
    """Two archive syncs against a demo org; what the second (nothing new) still asks for."""
    from syncerr_gui.core.archive.incremental import ArchiveSync
    from syncerr_gui.core.archive.store import ErrorArchive
    from syncerr_gui.core.auth.session import OrgSession
    from syncerr_gui.core.salesforce.http import make_session
    from syncerr_gui.core.sync.engine import SyncEngine
    from syncerr_gui.demo_org import DemoConfig, DemoOrg

    with DemoOrg(DemoConfig()) as org:
        session = OrgSession(org.instance_url, org.admin.access_token, make_session(org.ca_path))
        with ErrorArchive.for_org(org.org_id, folder) as archive:
            syncer = ArchiveSync(archive, SyncEngine(session))
            first_s, first = timed(syncer.run)
            before = len(org.request_log)
            noop_s, second = timed(syncer.run)
            asked = Counter(request_kind(path) for _, path in org.request_log[before:])
    return {
        "first_sync_requests": first.sync.requests_made,
        "first_sync_rows": len(first.frame),
        "first_sync_s": round(first_s, 3),
        "noop_requests": sum(asked.values()),
        "noop_requests_by_kind": dict(asked),
        "noop_new_rows": second.stats.rows_new,
        "noop_s": round(noop_s, 3),
    }


def request_kind(path: str) -> str:
    for kind, pattern in (
        ("list page", r"/jobs/ingest\?"),
        ("apex query", r"/query"),
        ("failedResults", r"/failedResults"),
        ("batch result/request", r"/batch/\w+/"),
        ("batch list", r"/batch$"),
        ("job info", r"/job(s/ingest)?/\w+$"),
    ):
        if re.search(pattern, path):
            return kind
    return "other"


def sync_result(frame):  # type: ignore[no-untyped-def]
    from syncerr_gui.core.salesforce.parts import JobSummary
    from syncerr_gui.core.sync.values import SyncResult

    firsts = frame.drop_duplicates("job_id")
    jobs = [
        JobSummary(
            job_id=j,
            source=str(s),
            state="JobComplete",
            system_modstamp=t.strftime("%Y-%m-%dT%H:%M:%S.000+0000"),
            finished=True,
            object=str(o),
            operation=str(op),
            error_rows=1,
            read=True,
        )
        for j, s, t, o, op in zip(
            firsts["job_id"], firsts["source"], firsts["failed_at"], firsts["object"], firsts["operation"]
        )
    ]
    now = datetime.now(UTC)
    return SyncResult(
        frame=frame,
        problems=[],
        jobs=jobs,
        since=now - timedelta(days=7),
        until=None,
        started_at=now,
        finished_at=now,
        cancelled=False,
        api_usage=None,
        requests_made=0,
    )


def timed(fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    sys.exit(main())
