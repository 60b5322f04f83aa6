"""A job list whose last page names another host: the export keeps the listed jobs, warns, exits 0."""

from __future__ import annotations

import csv

from syncerr_gui.cli.export import main
from syncerr_gui.demo_org import DemoConfig, DemoOrg


def test_the_export_warns_about_the_job_list_and_writes_every_listed_job(
    tmp_path, monkeypatch, capsys
) -> None:
    config = DemoConfig(record_errors=300, bulk2_jobs=12, classic_jobs=2, apex_jobs=2, page_size=4)
    with (
        DemoOrg(config) as org,
        DemoOrg(DemoConfig(record_errors=5, bulk2_jobs=1, classic_jobs=0, apex_jobs=0)) as other,
    ):
        org.point_last_job_page_at("https://localhost:" + other.instance_url.rsplit(":", 1)[1])
        monkeypatch.setenv("SF_ACCESS_TOKEN", org.admin.access_token)
        out = tmp_path / "errors.csv"
        args = ["--instance-url", org.instance_url, "--ca-bundle", str(org.ca_path), "--out", str(out)]
        code = main([*args, "--since", "2000-01-01"])
        printed = capsys.readouterr()
        assert other.request_log == []  # the token never reached the other host
        expected = len(org.truth.errors())
    assert code == 0, printed.err
    warnings = [line for line in printed.err.splitlines() if line.startswith("warning:")]
    assert warnings == [line for line in printed.err.splitlines() if line.strip()]
    [warning] = warnings
    assert warning.startswith("warning: Bulk API 2.0 job list: Could not list every Bulk API 2.0 job")
    assert "another server (localhost)" in warning and "12 jobs listed" in warning
    with open(out, newline="", encoding="utf-8") as handle:
        assert sum(1 for _ in csv.reader(handle)) - 1 == expected
