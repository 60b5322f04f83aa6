"""Benchmark: the Why section's diagnosis per code on the 1M-error demo org.

    python benchmarks/diagnosis.py --errors 1000000 --bulk2-jobs 1280 --json

The demo org (real HTTPS on loopback) holds `errors` record-level errors; its ground truth
(frame and input rows, what a sync gives the window) is grouped by cause. For the largest
group of each code the app diagnoses, timed as the Why section does it (a new reader per
run, so the object's describe is read cold):
  rows_s        `GroupRows.of`: the group's rows, messages and (up to 20,000) input rows parsed;
  diagnose_s    the diagnosis itself, org reads included;
  total_s       both; calls: the org requests it made.
In the same run, the floor: one describe GET (`floor_describe_s`, median) and the group's
rows alone (`ErrorGroups.rows_of`). Medians of `--repeats`. The last line printed is JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

CODES = (
    "FIELD_CUSTOM_VALIDATION_EXCEPTION",
    "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
    "REQUIRED_FIELD_MISSING",
    "STRING_TOO_LONG",
    "NUMBER_OUTSIDE_VALID_RANGE",
    "INVALID_EMAIL_ADDRESS",
    "MALFORMED_ID",
    "INVALID_TYPE_ON_FIELD_IN_RECORD",
    "DUPLICATE_VALUE",
    "DUPLICATES_DETECTED",
    "DUPLICATE_EXTERNAL_ID",
    "CANNOT_EXECUTE_FLOW_TRIGGER",
    "UNABLE_TO_LOCK_ROW",
    "ENTITY_IS_DELETED",
    "INVALID_CROSS_REFERENCE_KEY",
    "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY",
    "INACTIVE_OWNER_OR_USER",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", type=int, default=1_000_000)
    parser.add_argument("--bulk2-jobs", type=int, default=1280)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    print(json.dumps(run(args.errors, args.bulk2_jobs, args.repeats)))


def run(errors: int, bulk2_jobs: int, repeats: int) -> dict[str, Any]:
    from syncerr_gui.core.diagnosis.org_reader import OrgReader
    from syncerr_gui.core.frame.groups import ErrorGroups
    from syncerr_gui.core.frame.schema import RECORD_LEVEL
    from syncerr_gui.core.salesforce.client import OrgClient
    from syncerr_gui.demo_org import DemoConfig, DemoOrg
    from syncerr_gui.demo_org.connect import demo_session

    config = DemoConfig(record_errors=errors, bulk2_jobs=bulk2_jobs, classic_jobs=40, apex_jobs=20)
    with DemoOrg(config) as org:
        started = time.perf_counter()
        frame, details = org.truth.errors_with_details()
        groups = ErrorGroups(frame)
        table = groups.summary().table
        setup_s = time.perf_counter() - started
        session = demo_session(org)
        records = table[table["failed_on"] == RECORD_LEVEL]
        per_code: dict[str, Any] = {}
        for code in CODES:
            chosen = records[records["error_type"] == code]
            if chosen.empty:
                continue
            top = chosen.iloc[0]
            per_code[code] = _time_code(top, frame, details, groups, session, repeats)
        floor = []
        for _ in range(repeats):
            reader = OrgReader(OrgClient(session))
            tick = time.perf_counter()
            reader.describe("Lead")
            floor.append(time.perf_counter() - tick)
    slowest = max(per_code.items(), key=lambda item: item[1]["total_s"])
    return {
        "errors": len(frame),
        "groups": len(table),
        "setup_s": round(setup_s, 2),
        "floor_describe_s": round(statistics.median(floor), 4),
        "slowest_code": slowest[0],
        "slowest_total_s": slowest[1]["total_s"],
        "codes": per_code,
    }


def _time_code(top: Any, frame: Any, details: Any, groups: Any, session: Any, repeats: int) -> dict[str, Any]:
    from syncerr_gui.core.diagnosis.diagnoser import Diagnoser
    from syncerr_gui.core.diagnosis.group_rows import GroupRows
    from syncerr_gui.core.diagnosis.org_reader import OrgReader
    from syncerr_gui.core.salesforce.client import OrgClient

    rows_times, diagnose_times, positions_times, calls, status = [], [], [], 0, ""
    for _ in range(repeats):
        tick = time.perf_counter()
        positions = groups.rows_of([int(top["group"])])
        positions_times.append(time.perf_counter() - tick)
        rows = GroupRows.of(frame, positions, details, str(top["key"]))
        rows_times.append(time.perf_counter() - tick)
        diagnoser = Diagnoser(OrgReader(OrgClient(session)))
        tick = time.perf_counter()
        diagnosis = diagnoser.diagnose(rows)
        diagnose_times.append(time.perf_counter() - tick)
        calls, status = diagnosis.api_calls, diagnosis.status
    rows_s, diagnose_s = statistics.median(rows_times), statistics.median(diagnose_times)
    return {
        "object": str(top["object"]),
        "group_rows": int(top["errors"]),
        "status": status,
        "calls": calls,
        "rows_of_s": round(statistics.median(positions_times), 4),
        "rows_s": round(rows_s, 3),
        "diagnose_s": round(diagnose_s, 3),
        "total_s": round(rows_s + diagnose_s, 3),
    }


if __name__ == "__main__":
    main()
