"""Benchmark: a whole headless export over a real-world link, beside the round-trip floor.

    python benchmarks/latency.py --rtt-ms 150 --jobs 1000 --errors 50000 --json [--repeats 3]

A demo org (its own process) sits behind `latency_proxy.py` (a copy of the team's shared
proxy: every byte delayed by half the round trip each way, TLS passed through). Timed end to
end, alternating, `--repeats` times:
  app    `main.py export --instance-url <proxy> ...`: login, admin check, Bulk 2.0, Bulk 1.0
         and Apex, parsing, the CSV written
  floor  the shared floor: list the Bulk 2.0 jobs, then each finished job's info and (when it
         has failures) its failedResults, 16 at a time over kept-alive connections, bodies read
         and dropped: no login, no Bulk 1.0 or Apex, no parsing
The app is also run once without the proxy (loopback) to check it exports the same rows.
The last line is JSON: medians of app_s and floor_s, ratio = app_s / floor_s, the floor's
requests, the rows through the proxy and on loopback.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

import requests

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FINISHED = ("JobComplete", "Failed", "Aborted")


def start_demo(errors: int, jobs: int) -> tuple[subprocess.Popen, dict[str, str]]:
    command = [sys.executable, "-m", "syncerr_gui.demo_org", "--errors", str(errors), "--jobs", str(jobs)]
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    info: dict[str, str] = {}
    for line in process.stdout or ():
        if ":" in line:
            key, value = line.split(":", 1)
            info[key.strip()] = value.strip()
        if line.startswith("Serving"):
            break
    return process, info


def start_proxy(target: str, rtt_ms: float, mbit: float) -> tuple[subprocess.Popen, int]:
    command = [sys.executable, os.path.join(HERE, "latency_proxy.py"), "--target", target]
    command += ["--rtt-ms", str(rtt_ms), "--mbit", str(mbit)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    return process, json.loads(process.stdout.readline())["port"]


def floor_session(ca: str, token: str) -> requests.Session:
    session = requests.Session()
    session.trust_env = False
    session.verify = ca
    session.headers["Authorization"] = f"Bearer {token}"
    session.mount("https://", requests.adapters.HTTPAdapter(pool_connections=4, pool_maxsize=32))
    return session


def floor(base: str, ca: str, token: str, workers: int = 16) -> tuple[float, int]:
    """The shared floor (../shared/bench/latency_sync.py `plain`): seconds and requests."""
    started = time.perf_counter()
    session = floor_session(ca, token)
    url: str | None = base + "/services/data/v59.0/jobs/ingest?jobType=V2Ingest"
    jobs: list[dict] = []
    requests_made = 0
    while url:
        page = session.get(url, timeout=60).json()
        requests_made += 1
        jobs += page.get("records", [])
        url = base + page["nextRecordsUrl"] if page.get("nextRecordsUrl") and not page.get("done") else None

    def read(job_id: str) -> int:
        info = session.get(f"{base}/services/data/v59.0/jobs/ingest/{job_id}", timeout=60).json()
        if float(info.get("numberRecordsFailed") or 0) > 0:
            url = f"{base}/services/data/v59.0/jobs/ingest/{job_id}/failedResults/"
            session.get(url, timeout=120).close()  # the body is read (not streamed) and dropped
            return 2
        return 1

    done = [job["id"] for job in jobs if job.get("state") in FINISHED]
    with ThreadPoolExecutor(workers) as pool:
        requests_made += sum(pool.map(read, done))
    return time.perf_counter() - started, requests_made


def app(base: str, ca: str, token: str, out: str) -> tuple[float, int, str]:
    """`main.py export` end to end (a fresh process, as a scheduled export runs)."""
    env = dict(os.environ, SF_ACCESS_TOKEN=token, QT_QPA_PLATFORM="offscreen", HOME=os.path.dirname(out))
    env.pop("REQUESTS_CA_BUNDLE", None)
    command = [sys.executable, "main.py", "export", "--out", out, "--instance-url", base, "--ca-bundle", ca]
    command += ["--since", "2000-01-01T00:00:00Z"]
    started = time.perf_counter()
    done = subprocess.run(
        command, check=False, cwd=ROOT, env=env, capture_output=True, text=True, timeout=3000
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        return seconds, -1, (done.stderr or "")[-400:]
    with open(out, encoding="utf-8") as handle:
        rows = sum(1 for _ in handle) - 1
    return seconds, rows, ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=50_000)
    parser.add_argument("--jobs", type=int, default=1000)
    parser.add_argument("--rtt-ms", type=float, default=150.0)
    parser.add_argument("--mbit", type=float, default=0.0, help="downstream cap in Mbit/s (0: none)")
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    args = parser.parse_args()
    demo, info = start_demo(args.errors, args.jobs)
    target = info["Demo org"].split("//", 1)[1]
    proxy, port = start_proxy(target, args.rtt_ms, args.mbit)
    ca, token = info["CA certificate"], info["Access token"]
    base = f"https://127.0.0.1:{port}"
    tmp = tempfile.mkdtemp(prefix="latency-")
    apps: list[float] = []
    floors: list[float] = []
    try:
        _, loop_rows, loop_error = app(
            f"https://{target}", ca, token, os.path.join(tmp, "loop.csv")
        )  # warms bodies
        for repeat in range(args.repeats):
            seconds, rows, error = app(base, ca, token, os.path.join(tmp, f"app{repeat}.csv"))
            apps.append(seconds)
            floor_s, floor_requests = floor(base, ca, token)
            floors.append(floor_s)
            if not args.json:
                print(
                    f"repeat {repeat + 1}: app {seconds:.2f} s ({rows} rows), floor {floor_s:.2f} s",
                    flush=True,
                )
    finally:
        proxy.terminate()
        demo.terminate()
    app_s, floor_s = statistics.median(apps), statistics.median(floors)
    report = {
        "errors": args.errors,
        "jobs": args.jobs,
        "rtt_ms": args.rtt_ms,
        "mbit": args.mbit,
        "repeats": args.repeats,
        "app_s": round(app_s, 2),
        "floor_s": round(floor_s, 2),
        "ratio": round(app_s / floor_s, 2),
        "requests": floor_requests,
        "app_runs_s": [round(s, 2) for s in apps],
        "floor_runs_s": [round(s, 2) for s in floors],
        "rows": rows,
        "loopback_rows": loop_rows,
        "same_rows": rows == loop_rows and rows > 0,
    }
    if error or loop_error:
        report["app_error"] = error or loop_error
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
