"""Benchmark: a full sync (SyncEngine.run) against the plain download-and-parse limit.

    python benchmarks/fetch.py --rows 1000000 --json

Starts a demo org holding `rows` record errors, generates every result body up front
(`prewarm`), then alternates, `--repeats` times each:
  fetch_s  SyncEngine.run over every error (listing, job info, downloads, parsing, mapping,
           the final error frame);
  limit_s  the same Bulk 2.0 `failedResults` bodies downloaded with plain `requests` at the
           same concurrency and trust, each parsed with `pandas.read_csv` and nothing more
           (no job info, no Bulk 1.0 or Apex, no mapping: a floor, not a rival).
Both run in a child process (the server keeps this one), so the client does not share a
GIL with the server, as with a real org; each child reports its own peak RSS. The last
line printed is JSON with the medians.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import resource
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

logger = logging.getLogger(__name__)

EVERYTHING = datetime(2000, 1, 1, tzinfo=UTC)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--workers", type=int, default=4, help="the limit's download threads")
    parser.add_argument(
        "--engine-workers", type=int, default=0, help="the engine's in-flight ceiling (0: its default)"
    )
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    parser.add_argument("--child", choices=("fetch", "limit"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args.child, args.workers)
    return parent(args)


def parent(args: argparse.Namespace) -> int:
    from syncerr_gui.demo_org import DemoConfig, DemoOrg

    config = DemoConfig(
        record_errors=args.rows,
        bulk2_jobs=max(1000, args.rows // 800),
        classic_jobs=max(12, args.rows // 50_000),
        apex_jobs=max(8, args.rows // 100_000),
    )
    say = (lambda *a: None) if args.json else print
    with DemoOrg(config) as org:
        started = time.perf_counter()
        org.prewarm()
        say(f"prewarm {time.perf_counter() - started:.1f} s")
        fetches, limits = [], []
        for i in range(args.repeats):
            fetches.append(run_child(org, "fetch", args.engine_workers))
            say(f"fetch #{i + 1}: {fetches[-1]}")
            limits.append(run_child(org, "limit", args.workers))
            say(f"limit #{i + 1}: {limits[-1]}")
    fetch_s = statistics.median(r["seconds"] for r in fetches)
    limit_s = statistics.median(r["seconds"] for r in limits)
    summary = {
        "rows": fetches[0]["rows"],
        "jobs": fetches[0]["jobs"],
        "fetch_s": round(fetch_s, 2),
        "limit_s": round(limit_s, 2),
        "ratio": round(fetch_s / limit_s, 2),
        "peak_rss_mb": max(r["peak_rss_mb"] for r in fetches),
        "limit_peak_rss_mb": max(r["peak_rss_mb"] for r in limits),
        "limit_rows": limits[0]["rows"],
        "problems": fetches[0]["problems"],
        "fetch_cpu_s": statistics.median(r["cpu_s"] for r in fetches),
        "limit_cpu_s": statistics.median(r["cpu_s"] for r in limits),
        "fetch_requests": fetches[0]["requests"],
        "limit_requests": limits[0]["requests"],
        "workers": args.workers,
        "engine_workers": args.engine_workers or "default",
        "repeats": args.repeats,
        "cpus": os.cpu_count(),
        "load_avg_1m": round(os.getloadavg()[0], 2),
    }
    print(json.dumps(summary))
    return 0


def run_child(org, mode: str, workers: int) -> dict:
    """Run one measurement in a fresh process; the token travels on stdin, never in argv."""
    secret = json.dumps({"url": org.instance_url, "ca": str(org.ca_path), "token": org.admin.access_token})
    done = subprocess.run(  # noqa: PLW1510 - callers read the exit code
        [sys.executable, __file__, "--child", mode, "--workers", str(workers)],
        input=secret,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise SystemExit(f"{mode} child failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def child(mode: str, workers: int) -> int:
    import pandas as pd  # noqa: F401  (import cost outside the timing)
    from simple_salesforce import Salesforce

    from syncerr_gui.core.salesforce.http import make_session

    info = json.loads(sys.stdin.read())
    sf = Salesforce(instance_url=info["url"], session_id=info["token"], session=make_session(info["ca"]))
    job_ids = list_finished_bulk2(sf) if mode == "limit" else []  # listing is not part of the limit
    started, cpu = time.perf_counter(), _cpu_seconds()
    report = run_fetch(sf, workers) if mode == "fetch" else run_limit(sf, job_ids, workers)
    report["seconds"] = round(time.perf_counter() - started, 3)
    report["cpu_s"] = round(_cpu_seconds() - cpu, 2)
    report["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(report))
    return 0


def _cpu_seconds() -> float:
    """User + system CPU time of this process (all threads) so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_fetch(sf, workers: int) -> dict:
    from syncerr_gui.core.auth.session import OrgSession
    from syncerr_gui.core.sync.engine import SyncEngine, SyncOptions

    session = OrgSession(f"https://{sf.sf_instance}", sf.session_id, sf.session)
    options = SyncOptions(since=EVERYTHING, max_workers=workers) if workers else SyncOptions(since=EVERYTHING)
    result = SyncEngine(session).run(options)
    return {
        "rows": len(result.frame),
        "jobs": len(result.jobs),
        "problems": len(result.problems),
        "requests": result.requests_made,
    }


def list_finished_bulk2(sf) -> list[str]:
    """Ids of every finished Bulk 2.0 job (plain requests, no safety checks: a benchmark)."""
    base = f"https://{sf.sf_instance}/services/data/v{sf.sf_version}/jobs/ingest"
    headers = {"Authorization": f"Bearer {sf.session_id}"}
    ids, target = [], f"{base}?jobType=V2Ingest"
    while target:
        page = sf.session.get(target, headers=headers, timeout=(10, 60)).json()
        ids += [j["id"] for j in page["records"] if j["state"] in ("JobComplete", "Failed", "Aborted")]
        target = f"https://{sf.sf_instance}{page['nextRecordsUrl']}" if not page.get("done") else None
    return ids


def run_limit(sf, ids: list[str], workers: int) -> dict:
    """Download and parse every listed job's failedResults: the floor for the engine."""
    import pandas as pd

    session, base = sf.session, f"https://{sf.sf_instance}/services/data/v{sf.sf_version}/jobs/ingest"
    headers = {"Authorization": f"Bearer {sf.session_id}"}

    def one(job_id: str) -> int:
        body = session.get(f"{base}/{job_id}/failedResults/", headers=headers, timeout=(10, 60)).content
        if not body.strip():
            return 0
        header = body[: body.find(b"\n")]
        sep = "|" if header.count(b"|") > header.count(b",") else ","  # some PIPE jobs answer with "|"
        return len(pd.read_csv(io.BytesIO(body), sep=sep, dtype="str", keep_default_na=False))

    with ThreadPoolExecutor(workers) as pool:
        total = sum(pool.map(one, ids))
    return {"rows": total, "jobs": len(ids), "problems": 0, "requests": len(ids)}


if __name__ == "__main__":
    sys.exit(main())
