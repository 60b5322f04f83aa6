"""The diagnosis is polite to the org: a user without View Setup is told, not failed; one
describe per object per reader; IN lists within limits; GETs only; and kept in the archive
so it shows offline. Lock hot spots need a bigger org than the shared one."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from diagnosis_helpers import diagnoser_for, group_finder

from syncerr_gui.core.archive.diagnosis_cache import DiagnosisCache, diagnosis_of
from syncerr_gui.core.archive.store import ErrorArchive
from syncerr_gui.core.cancel import CancelToken, SyncCancelled
from syncerr_gui.core.diagnosis.diagnoser import NO_SETUP_NOTE, Diagnoser
from syncerr_gui.core.diagnosis.model import FOUND, SKIPPED, Diagnosis, Link
from syncerr_gui.core.diagnosis.org_reader import MAX_IN_IDS, MAX_QUERY_CHARS, OrgReader, id_batches
from syncerr_gui.core.reload.batch import FillEmpty, MapValues, SetColumn, Truncate
from syncerr_gui.core.salesforce.client import OrgClient
from syncerr_gui.demo_org import DemoConfig, DemoOrg
from syncerr_gui.demo_org.connect import demo_session


def test_a_user_without_view_setup_is_told_why_and_describe_based_codes_still_work(find, analyst) -> None:
    rule = analyst.diagnose(find("FIELD_CUSTOM_VALIDATION_EXCEPTION", "Lead", "Company"))
    assert rule.status == SKIPPED and rule.headline == NO_SETUP_NOTE
    assert "View Setup and Configuration" in rule.headline
    flow = analyst.diagnose(find("CANNOT_EXECUTE_FLOW_TRIGGER", "Lead", "Lead Assignment"))
    assert flow.status == SKIPPED
    picklist = analyst.diagnose(find("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "Lead"))
    assert picklist.status == FOUND and picklist.suggested_steps  # a describe needs no Setup rights


def test_one_describe_per_object_and_only_gets(demo_org, find) -> None:
    diagnoser = diagnoser_for(demo_org)
    before = len(demo_org.request_log)
    for code in ("REQUIRED_FIELD_MISSING", "STRING_TOO_LONG", "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"):
        diagnoser.diagnose(find(code, "Lead"))
    asked = demo_org.request_log[before:]
    assert [path for _, path in asked if "/sobjects/Lead/describe" in path] == [asked[0][1]]
    assert {method for method, _ in asked} == {"GET"}
    assert diagnoser.reader.calls == len(asked)  # every call through the one guarded client


def test_in_lists_stay_within_the_limits() -> None:
    ids = [f"0015g{n:010d}AAA" for n in range(1_000)] + ["x' OR Id != '"]
    batches = list(id_batches(ids, overhead=60))
    assert sum(len(b) for b in batches) == 1_000  # the hostile text is not an ID: dropped
    assert all(len(b) <= MAX_IN_IDS and 60 + 21 * len(b) <= MAX_QUERY_CHARS for b in batches)


def test_lock_hot_spots_most_shared_first() -> None:
    with DemoOrg(DemoConfig(record_errors=40_000, bulk2_jobs=40, classic_jobs=4, apex_jobs=2)) as org:
        rows = group_finder(org)("UNABLE_TO_LOCK_ROW", "Contact", "or 1 records")
        diagnosis = diagnoser_for(org).diagnose(rows)
    assert rows.total > 300
    assert diagnosis.headline.endswith(" rows with AccountId filled point to 3 Accounts")
    share = int(diagnosis.headline.split(" %")[0])
    assert 55 <= share <= 70, diagnosis.headline
    shares = [int(line.rsplit("(", 1)[1].split(" %")[0]) for line in diagnosis.details[:3]]
    assert shares == sorted(shares, reverse=True)
    assert "serial mode" in diagnosis.details[-1] and len(diagnosis.links) == 3


def test_kept_in_the_archive_per_sync_and_read_offline(demo_org, find, tmp_path) -> None:
    rows = find("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "Lead")
    with ErrorArchive.for_org(demo_org.org_id, tmp_path) as archive:
        cache = DiagnosisCache(archive)
        diagnoser = diagnoser_for(demo_org)
        first = diagnosis_of(rows, diagnoser, cache)
        calls = diagnoser.reader.calls
        again = diagnosis_of(rows, diagnoser, cache)
        assert diagnoser.reader.calls == calls  # this sync's diagnosis is not read twice
        assert again == first
    with ErrorArchive.for_org(demo_org.org_id, tmp_path) as archive:
        offline = DiagnosisCache(archive, reading_only=True).latest(rows.key)
    assert offline == first and offline.read_at == first.read_at
    assert offline.suggested_steps == (MapValues("LeadSource", {"Webinar – EMEA": "Webinar"}),)


def test_every_step_type_survives_the_archive() -> None:
    steps = (
        SetColumn("OwnerId", "005"),
        MapValues("A", {"x": "y"}),
        Truncate("B", 40),
        FillEmpty("C", "[n]"),
    )
    diagnosis = Diagnosis(
        "k", "CODE", FOUND, "line", ("a",), (Link("Open", "/001"),), steps, datetime.now(UTC)
    )
    assert Diagnosis.from_json(diagnosis.to_json()) == diagnosis


def test_a_cancelled_read_stops_before_asking_and_keeps_nothing(demo_org, find, tmp_path) -> None:
    cancel = CancelToken()
    cancel.cancel()
    diagnoser = Diagnoser(OrgReader(OrgClient(demo_session(demo_org), cancel=cancel)))
    rows = find("REQUIRED_FIELD_MISSING", "Contact")
    before = len(demo_org.request_log)
    with ErrorArchive.for_org(demo_org.org_id, tmp_path) as archive:
        cache = DiagnosisCache(archive)
        with pytest.raises(SyncCancelled):
            diagnosis_of(rows, diagnoser, cache)
        assert cache.latest(rows.key) is None
    assert len(demo_org.request_log) == before
