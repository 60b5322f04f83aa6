"""Benchmark: message patterns for a whole column (the normaliser behind grouping and "Search online").

    python benchmarks/patterns.py --rows 1000000 --json

Two columns of `rows` messages:
  synthetic  `demo_org.synthetic` messages: every one distinct ("… #123456"), the worst case;
  echoed     the demo org's Salesforce texts with a record ID or a number of each row's own
             (what a real org's "duplicate value … id: 00Q…" rows look like).
For each: `column_s`, the median of `message_patterns` over the column (Arrow, once per
distinct message and digit shape), and the peer in the same run, `python_s`: the one-message
function `message_pattern` over the column's distinct messages (timed on a sample of
`--sample` of them and scaled). The last line printed is JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--sample", type=int, default=20_000)
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    args = parser.parse_args(argv)
    figures: dict[str, object] = {"rows": args.rows}
    for name, column in (("synthetic", _synthetic(args.rows)), ("echoed", _echoed(args.rows))):
        figures[name] = measure(column, args.repeats, args.sample)
    if not args.json:
        for name in ("synthetic", "echoed"):
            print(name, figures[name])
    print(json.dumps(figures))
    return 0


def measure(column: object, repeats: int, sample: int) -> dict[str, object]:
    import pandas as pd

    from syncerr_gui.core.frame.patterns import message_pattern, message_patterns

    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        patterns = message_patterns(column)
        times.append(time.perf_counter() - started)
    distinct = pd.Series(column).drop_duplicates().tolist()
    chosen = distinct[:sample]
    started = time.perf_counter()
    for message in chosen:
        message_pattern(message)
    python_s = (time.perf_counter() - started) / max(len(chosen), 1) * len(distinct)
    column_s = statistics.median(times)
    return {
        "distinct_messages": len(distinct),
        "patterns": len(patterns.dictionary),
        "column_s": round(column_s, 3),
        "python_s": round(python_s, 2),
        "faster_by": round(python_s / column_s, 1),
    }


def _synthetic(rows: int) -> object:
    from syncerr_gui.demo_org.synthetic import synthetic_errors

    return synthetic_errors(rows)["message"]


def _echoed(rows: int) -> object:
    """The demo org's texts, each row's own record ID or number in it."""
    import numpy as np
    import pandas as pd

    from syncerr_gui.core.salesforce.sf_error import split_errors
    from syncerr_gui.demo_org.error_texts import ERRORS

    texts = split_errors(pd.Series([text for _, text, _ in ERRORS], dtype="str")).message.tolist()
    rng = np.random.default_rng(7)
    picks = pd.Series(np.array(texts, dtype=object)[rng.integers(0, len(texts), rows)], dtype="str")
    numbers = pd.Series(np.arange(rows) + 10**9, dtype="str")
    ids = "00Q5g" + numbers.str.zfill(10)
    return picks + " " + ids.where(np.arange(rows) % 2 == 0, numbers)


if __name__ == "__main__":
    sys.exit(main())
