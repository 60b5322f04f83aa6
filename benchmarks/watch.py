"""Benchmark: what watching pays after each sync (the census of the groups, and the comparison).

    python benchmarks/watch.py --rows 1000000 --json

A frame of `rows` errors of the realistic mix (as `groups.py`) is counted by cause the way the
watcher does after every sync (`core/watch/changes.GroupCensus.of_frame` with kept patterns),
then a second frame with one more job of a new cause (214 errors) is counted and compared
(`compare` + `notification_for`). Medians of `--repeats`:
  census_s        frame -> GroupCensus (groups, their texts and errors, one dict entry each);
  compare_s       two censuses -> WatchReport -> the notification's words;
  peer_groups_s   in the same run, `ErrorGroups(frame, kept).summary()`, what the Groups view
                  already pays for the same frame (the census's floor);
The last line printed is JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

NEW_CAUSE = "Secondary Email: invalid email address: ann@@acme.example"


def with_new_cause(frame: Any, count: int = 214) -> Any:
    """`frame` plus one job of `count` errors of a cause it does not hold."""
    from syncerr_gui.core.frame.schema import RECORD_LEVEL, concat_frames, make_frame

    extra = make_frame(
        {
            "failed_on": [RECORD_LEVEL] * count,
            "failed_at": [frame["failed_at"].max().isoformat()] * count,
            "error_type": ["INVALID_EMAIL_ADDRESS"] * count,
            "message": [NEW_CAUSE] * count,
            "fields": ["Secondary_Email__c"] * count,
            "object": ["Lead"] * count,
            "source_id": [f"S{i}" for i in range(count)],
            "job_id": ["750000000000NEW"] * count,
        }
    )
    extra = extra.assign(row_id=extra["row_id"] + int(frame["row_id"].max()) + 1)
    return concat_frames([frame, extra])


def measure(frame: Any, repeats: int) -> dict[str, Any]:
    from groups import _median

    from syncerr_gui.core.frame.groups import ErrorGroups, PatternMap
    from syncerr_gui.core.frame.schema import codes_and_values
    from syncerr_gui.core.watch.changes import GroupCensus, compare
    from syncerr_gui.core.watch.notification import notification_for

    grown = with_new_cause(frame)
    kept = PatternMap.of_messages(codes_and_values(grown["message"])[1])
    figures: dict[str, Any] = {"rows": len(frame)}
    figures["census_s"] = _median(lambda: GroupCensus.of_frame(frame, kept), repeats)
    figures["peer_groups_s"] = _median(lambda: ErrorGroups(frame, kept).summary(), repeats)
    before, after = GroupCensus.of_frame(frame, kept), GroupCensus.of_frame(grown, kept)
    figures["groups"] = len(before.groups)
    figures["compare_s"] = _median(lambda: notification_for(compare(before, after)), max(repeats, 5))
    told = notification_for(compare(before, after))
    figures["notification"] = told.title if told is not None else ""
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in figures.items()}


def main(argv: list[str] | None = None) -> int:
    from groups import realistic_frame

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    args = parser.parse_args(argv)
    figures = measure(realistic_frame(args.rows), args.repeats)
    if not args.json:
        for name, value in figures.items():
            print(f"{name:16} {value}")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
