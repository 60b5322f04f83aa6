"""Benchmark: reload files of a million failed rows (`export --reload-dir`, File → Export failed
rows for reload…).

    python benchmarks/reload_files.py --rows 1000000 --json

A frame of `rows` errors of the realistic mix (`demo_org/scale_data.py`), its input rows in
a sync's compressed `MemoryRowDetails`, is written as reload files
(`core/reload/reload_files.write_reload_files`: one CSV per object, operation and header,
the input rows parsed back into their columns a chunk at a time). Medians of `--repeats`:
  reload_s       frame + details -> the reload files;
  peer_export_s  in the same run, the error CSV with the "Input Row" column
                 (`core/frame/export.export_csv`, what `export --input-rows` writes): the same
                 rows and input rows read, written as one JSON text per row instead of columns;
  reload_archive_s  with `--archive`: the same rows stored in an archive first (four syncs),
                 then `archive.load()` + the reload files read from the archive's own details
                 (what `export --offline --reload-dir` does; the load included);
  files, rows_written, rows_left_out  what the reload files hold.
The last line printed is JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def frame_and_details(rows: int) -> tuple[Any, Any]:
    from datetime import UTC, datetime

    from scale import generated_result

    from syncerr_gui.core.frame.row_details import OffsetDetails
    from syncerr_gui.core.frame.schema import concat_frames
    from syncerr_gui.demo_org.scale_data import ScaleData

    data = ScaleData(rows, datetime(2026, 11, 27, tzinfo=UTC))
    results = [generated_result(sync) for sync in data.syncs(250_000)]
    frames, ranges, start = [], [], 0
    for result in results:
        frame = result.frame.copy(deep=False)
        frame["row_id"] = frame["row_id"].to_numpy() + start
        ranges.append((start, start + len(frame), start, result.details))
        frames.append(frame)
        start += len(frame)
    return concat_frames(frames), OffsetDetails(ranges)


def _from_archive(rows: int, folder: Path, repeats: int) -> list[float]:
    from datetime import UTC, datetime

    from scale import ORG, generated_result

    from syncerr_gui.core.archive.store import ErrorArchive
    from syncerr_gui.core.reload.reload_files import write_reload_files
    from syncerr_gui.demo_org.scale_data import ScaleData

    times = []
    with ErrorArchive.for_org(ORG, folder / "data") as archive:
        for sync in ScaleData(rows, datetime(2026, 11, 27, tzinfo=UTC)).syncs(250_000):
            archive.store(generated_result(sync))
        archive.compact()
        for n in range(repeats):
            started = time.perf_counter()
            write_reload_files(archive.load(), archive.details, None, folder / f"archived{n}")
            times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--archive", action="store_true")
    args = parser.parse_args()

    from syncerr_gui.core.frame.export import EXPORT_COLUMNS_WITH_INPUT, export_csv
    from syncerr_gui.core.reload.reload_files import write_reload_files

    frame, details = frame_and_details(args.rows)
    reload_s, peer_s = [], []
    summary = None
    with tempfile.TemporaryDirectory() as folder:
        for n in range(args.repeats):
            started = time.perf_counter()
            summary = write_reload_files(frame, details, None, Path(folder) / f"reload{n}")
            reload_s.append(time.perf_counter() - started)
            started = time.perf_counter()
            export_csv(
                frame, Path(folder) / f"errors{n}.csv", columns=EXPORT_COLUMNS_WITH_INPUT, details=details
            )
            peer_s.append(time.perf_counter() - started)
        archive_s = _from_archive(args.rows, Path(folder), args.repeats) if args.archive else []
    assert summary is not None
    result = {
        "rows": len(frame),
        "reload_s": round(statistics.median(reload_s), 3),
        "peer_export_s": round(statistics.median(peer_s), 3),
        "ratio": round(statistics.median(reload_s) / statistics.median(peer_s), 2),
        **({"reload_archive_s": round(statistics.median(archive_s), 3)} if archive_s else {}),
        "files": len(summary.files),
        "rows_written": summary.rows_written,
        "rows_left_out": summary.rows_left_out,
    }
    print(json.dumps(result) if args.json else result)


if __name__ == "__main__":
    main()
