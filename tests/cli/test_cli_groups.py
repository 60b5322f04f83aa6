"""`main.py export --groups`: one row per cause, most errors first, online (the demo org over real
HTTPS) and offline from the archive, with the triage state the archive keeps."""

from __future__ import annotations

import csv
import sqlite3
from contextlib import closing
from pathlib import Path

import pandas as pd
import pytest
from cli_helpers import online

from syncerr_gui.cli.export import main
from syncerr_gui.core.archive.store import ErrorArchive
from syncerr_gui.core.archive.triage import IGNORED
from syncerr_gui.core.frame.groups import ErrorGroups
from syncerr_gui.core.frame.patterns import message_pattern

HEADER = "State,Failed On,Error Type,Pattern,Object,Fields,Errors,Records,Jobs,First Seen,Last Seen"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0, capsys.readouterr().err
    return capsys.readouterr().out.strip()


def read(path: Path) -> tuple[str, list[dict[str, str]]]:
    text = path.read_text(encoding="utf-8")
    with open(path, encoding="utf-8", newline="") as fh:
        return text.splitlines()[0], list(csv.DictReader(fh))


def test_groups_of_the_demo_org_are_its_causes_most_errors_first(capsys, fresh_org, tmp_path: Path) -> None:
    out = tmp_path / "groups.csv"
    summary = run(capsys, *online(fresh_org), "--since", "2000-01-01", "--groups", "--out", str(out))
    header, rows = read(out)
    assert header.startswith(HEADER + ",")
    truth = fresh_org.truth.errors()
    assert summary.startswith(f"Wrote {len(rows)} error groups of {len(truth)} errors to ")
    errors = [int(r["Errors"]) for r in rows]
    assert errors == sorted(errors, reverse=True) and sum(errors) == len(truth)
    texts = truth[["failed_on", "error_type", "object", "fields"]].astype(str)
    texts["pattern"] = [message_pattern(m) for m in truth["message"].astype(str)]
    expected = texts.groupby(["failed_on", "error_type", "pattern", "object", "fields"]).size()
    got = {
        (r["Failed On"], r["Error Type"], r["Pattern"].removeprefix("'"), r["Object"], r["Fields"]): int(
            r["Errors"]
        )
        for r in rows
    }
    assert got == expected.to_dict()
    assert all(r["State"] == "" for r in rows)  # no archive: no triage to tell


def test_offline_groups_carry_the_archived_state_and_are_neutralised(
    capsys, fresh_org, tmp_path: Path
) -> None:
    data, out = tmp_path / "data", tmp_path / "groups.csv"
    run(
        capsys,
        *online(fresh_org),
        "--data-dir",
        str(data),
        "--since",
        "2000-01-01",
        "--out",
        str(tmp_path / "e.csv"),
    )
    with ErrorArchive.for_org(fresh_org.org_id, data) as archive:
        frame = archive.load()
        with closing(sqlite3.connect(archive.path)) as con:  # the sync kept every message's pattern
            kept = con.execute("SELECT SUM(count) FROM pattern_segments").fetchone()[0]
        assert kept == len(frame["message"].cat.categories)
        table = ErrorGroups(frame).summary().table
        archive.set_group_state(table.head(1), IGNORED)
        top_key = table["key"].iloc[0]
    run(capsys, "--offline", "--data-dir", str(data), "--all", "--groups", "--out", str(out))
    header, rows = read(out)
    assert header.startswith(HEADER)
    assert rows[0]["State"] == IGNORED and {r["State"] for r in rows[1:]} <= {"New", "Ongoing"}
    assert top_key and int(rows[0]["Errors"]) == int(table["errors"].iloc[0])
    assert pd.Timestamp(rows[0]["First Seen"]) <= pd.Timestamp(rows[0]["Last Seen"])
    for row in rows:
        for value in row.values():
            assert not value[:1] in ("=", "+", "@"), value  # neutralised like every export
