"""Benchmark: the error archive — storing a big sync, the instant start, an incremental no-op sync.

    python benchmarks/archive.py --rows 1000000 --json

Measures, on `rows` synthetic errors (`demo_org/synthetic.py`: every message distinct, the
worst case for the archive's dictionaries; `--realistic`: `demo_org/scale_data.py`'s mix) in
a fresh archive:
  store_s          first store of the sync (one transaction, every row new);
  restore_s        storing the same sync again (idempotent: no row added);
  load_s           a new ErrorArchive opening the file and `load()` to the error frame (median);
  db_mb            everything the archive holds on disk (database + WAL);
  cancel_s         the longest wait from Cancel to the store's return, cancelled at 0.2 s steps
                   (the archive is checked to be unchanged each time);
  input_row_ms     one archived row's input row read back (the detail pane; median);
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
sys.path.insert(0, str(Path(__file__).resolve().parent))

logger = logging.getLogger(__name__)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--realistic", action="store_true", help="the realistic mix (scale_data.py)")
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

    result = make_result(args.rows, args.realistic)
    path = folder / "bench.sqlite3"
    cancel_s = measure_cancel(folder / "cancel.sqlite3", result)
    with ErrorArchive(path) as archive:
        store_s, stats = timed(partial(archive.store, result))
        restore_s, again = timed(partial(archive.store, result))
        db_mb = archive.disk_usage() / 1e6
    assert stats.rows_new == args.rows and again.rows_new == 0, (stats, again)
    del result
    loads = [timed(lambda: load_fresh(path))[0] for _ in range(args.repeats)]
    return {
        "store_s": round(store_s, 3),
        "restore_s": round(restore_s, 3),
        "load_s": round(statistics.median(loads), 3),
        "db_mb": round(db_mb, 1),
        "cancel_s": round(cancel_s, 3),
        "input_row_ms": round(measure_input_row(path) * 1000, 1),
    }


def make_result(rows: int, realistic: bool):  # type: ignore[no-untyped-def]
    """One sync of `rows` new errors (synthetic or the realistic mix) with its details."""
    if realistic:
        from scale import generated_result

        from syncerr_gui.demo_org.scale_data import ScaleData

        data = ScaleData(rows, datetime.now(UTC), days=7)
        return generated_result(next(data.syncs(rows)))
    from syncerr_gui.demo_org.synthetic import synthetic_details, synthetic_errors

    frame = synthetic_errors(rows, jobs=max(1000, rows // 1000))
    return sync_result(frame, synthetic_details(rows))


def measure_cancel(path: Path, result) -> float:  # type: ignore[no-untyped-def]
    """Cancel stores at 0.2 s, 0.4 s, … until one completes; the longest Cancel-to-return wait.

    Each cancelled store must leave the archive empty (as before it).
    """
    import threading

    from syncerr_gui.core.archive.store import ErrorArchive
    from syncerr_gui.core.cancel import CancelToken, SyncCancelled

    longest, delay = 0.0, 0.2
    with ErrorArchive(path) as archive:
        while True:
            token, outcome = CancelToken(), {}

            def run(token: CancelToken = token, outcome: dict = outcome) -> None:
                try:
                    outcome["stats"] = archive.store(result, cancel=token)
                except SyncCancelled:
                    outcome["cancelled"] = True

            worker = threading.Thread(target=run)
            worker.start()
            worker.join(delay)
            cancelled_at = time.perf_counter()
            token.cancel()
            worker.join()
            if "stats" in outcome:
                return longest
            assert archive.error_count() == 0, "a cancelled store left rows behind"
            longest = max(longest, time.perf_counter() - cancelled_at)
            delay += 0.2


def measure_input_row(path: Path) -> float:
    """Median time of reading one row's input row (what a click in the table costs)."""
    import numpy as np

    from syncerr_gui.core.archive.store import ErrorArchive
    from syncerr_gui.core.frame.row_details import read_one

    with ErrorArchive(path) as archive:
        ids = archive.load()["row_id"].to_numpy()
        picks = np.random.default_rng(1).choice(ids, 9)
        times = []
        for row_id in picks:
            start = time.perf_counter()
            assert read_one(archive.details, int(row_id))
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def load_fresh(path: Path) -> int:
    """What the GUI does at start: open the archive, load every row into the error frame."""
    from syncerr_gui.core.archive.store import ErrorArchive

    with ErrorArchive(path) as archive:
        return len(archive.load())


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
        "noop_new_rows": second.stats.rows_new if second.stats else 0,
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


def sync_result(frame, details):  # type: ignore[no-untyped-def]
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
        details=details,
    )


def timed(fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    sys.exit(main())
