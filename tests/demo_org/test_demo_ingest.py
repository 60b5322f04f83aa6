"""The demo org accepts Bulk API 2.0 ingest over real HTTPS and judges rows by its own errors."""

from __future__ import annotations

import csv
import io
from typing import Any

import requests
from reload_helpers import code_and_message, failed_rows

from syncerr_gui.core.salesforce.http import make_session
from syncerr_gui.demo_org import DemoOrg

API = "/services/data/v59.0"


def _call(org: DemoOrg, method: str, path: str, **kwargs: Any) -> requests.Response:
    session = make_session(org.ca_path)
    headers = {"Authorization": f"Bearer {org.admin.access_token}", **kwargs.pop("headers", {})}
    return session.request(method, org.instance_url + API + path, headers=headers, timeout=30, **kwargs)


def _run_job(org: DemoOrg, spec: dict[str, str], body: bytes) -> tuple[str, dict[str, Any]]:
    created = _call(org, "POST", "/jobs/ingest", json=spec)
    assert created.status_code == 200, created.text
    job = created.json()
    assert job["state"] == "Open" and job["contentUrl"].endswith(f"/jobs/ingest/{job['id']}/batches")
    upload = _call(
        org, "PUT", f"/jobs/ingest/{job['id']}/batches", data=body, headers={"Content-Type": "text/csv"}
    )
    assert upload.status_code == 201
    closed = _call(org, "PATCH", f"/jobs/ingest/{job['id']}", json={"state": "UploadComplete"})
    assert closed.json()["state"] == "UploadComplete"
    states = [_call(org, "GET", f"/jobs/ingest/{job['id']}").json() for _ in range(3)]
    assert [s["state"] for s in states[:2]] == ["InProgress", "JobComplete"]
    return job["id"], states[-1]


def _results(org: DemoOrg, job_id: str, part: str, delimiter: str = ",") -> list[list[str]]:
    answer = _call(org, "GET", f"/jobs/ingest/{job_id}/{part}/")
    assert answer.status_code == 200
    return list(csv.reader(io.StringIO(answer.content.decode("utf-8")), delimiter=delimiter))


def test_an_insert_with_tab_and_crlf_round_trips_and_is_listed(fresh_org: DemoOrg) -> None:
    spec = {
        "object": "Account",
        "operation": "insert",
        "contentType": "CSV",
        "columnDelimiter": "TAB",
        "lineEnding": "CRLF",
    }
    body = b'Name\tBillingCity\r\nNew Corp\tBerlin\r\n"Tab\tName, Inc."\tParis\r\n'
    job_id, info = _run_job(fresh_org, spec, body)
    assert (info["numberRecordsProcessed"], info["numberRecordsFailed"]) == (2, 0)
    succeeded = _results(fresh_org, job_id, "successfulResults", "\t")
    assert succeeded[0] == ["sf__Id", "sf__Created", "Name", "BillingCity"]
    assert [row[2:] for row in succeeded[1:]] == [["New Corp", "Berlin"], ["Tab\tName, Inc.", "Paris"]]
    assert all(row[0].startswith("001") and row[1] == "true" for row in succeeded[1:])
    assert _results(fresh_org, job_id, "failedResults", "\t") == [
        ["sf__Id", "sf__Error", "Name", "BillingCity"]
    ]
    assert _results(fresh_org, job_id, "unprocessedrecords", "\t") == [["Name", "BillingCity"]]
    listed = _call(fresh_org, "GET", "/jobs/ingest").json()["records"]
    assert [j["state"] for j in listed if j["id"] == job_id] == ["JobComplete"]


def test_a_line_ending_that_does_not_match_the_job_fails_it_in_words(fresh_org: DemoOrg) -> None:
    spec = {"object": "Account", "operation": "insert", "contentType": "CSV", "lineEnding": "LF"}
    created = _call(fresh_org, "POST", "/jobs/ingest", json=spec).json()
    _call(fresh_org, "PUT", f"/jobs/ingest/{created['id']}/batches", data=b"Name\r\nA\r\n")
    _call(fresh_org, "PATCH", f"/jobs/ingest/{created['id']}", json={"state": "UploadComplete"})
    info = _call(fresh_org, "GET", f"/jobs/ingest/{created['id']}").json()
    assert info["state"] == "Failed"
    assert "LineEnding is invalid" in info["errorMessage"]
    assert _results(fresh_org, created["id"], "unprocessedrecords") == [["Name"], ["A"]]


def test_failed_rows_sent_again_fail_with_the_same_code_and_message_but_transient_ones_succeed(
    fresh_org: DemoOrg,
) -> None:
    batch, truth = failed_rows(fresh_org, "Lead", "upsert", at_least=5)
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows([batch.columns, *batch.rows])
    spec = {"object": "Lead", "operation": "upsert", "externalIdFieldName": "Marketo_Lead_ID__c"}
    job_id, info = _run_job(fresh_org, spec, out.getvalue().encode())
    failed = _results(fresh_org, job_id, "failedResults")
    again = {tuple(row[2:]): code_and_message(row[1]) for row in failed[1:]}
    transient = truth["error_type"].isin(["UNABLE_TO_LOCK_ROW", "UNKNOWN_EXCEPTION"]).to_numpy()
    assert transient.any() and not transient.all()
    for i, row in enumerate(batch.rows):
        if transient[i]:
            assert row not in again
        else:
            assert again[row] == (truth["error_type"][i], truth["message"][i])
    assert info["numberRecordsFailed"] == int((~transient).sum())


def test_an_abort_leaves_every_row_unprocessed(fresh_org: DemoOrg) -> None:
    fresh_org.hold_reloads()
    created = _call(fresh_org, "POST", "/jobs/ingest", json={"object": "Lead", "operation": "insert"}).json()
    _call(fresh_org, "PUT", f"/jobs/ingest/{created['id']}/batches", data=b"LastName,Company\nA,B\n")
    _call(fresh_org, "PATCH", f"/jobs/ingest/{created['id']}", json={"state": "UploadComplete"})
    assert _call(fresh_org, "GET", f"/jobs/ingest/{created['id']}").json()["state"] == "InProgress"
    aborted = _call(fresh_org, "PATCH", f"/jobs/ingest/{created['id']}", json={"state": "Aborted"})
    assert aborted.json()["state"] == "Aborted"
    assert _results(fresh_org, created["id"], "unprocessedrecords") == [["LastName", "Company"], ["A", "B"]]
    again = _call(fresh_org, "PATCH", f"/jobs/ingest/{created['id']}", json={"state": "UploadComplete"})
    assert again.status_code == 409


def test_the_non_admin_may_read_but_not_edit_leads(fresh_org: DemoOrg) -> None:
    soql = (
        "SELECT SobjectType, PermissionsEdit FROM ObjectPermissions WHERE SobjectType = 'Lead' AND ParentId IN "
        f"(SELECT PermissionSetId FROM PermissionSetAssignment WHERE AssigneeId = '{fresh_org.non_admin.user_id}')"
    )
    records = _call(fresh_org, "GET", "/query", params={"q": soql}).json()["records"]
    assert records and not any(r["PermissionsEdit"] for r in records)
    org = _call(fresh_org, "GET", "/query", params={"q": "SELECT IsSandbox FROM Organization"}).json()
    assert org["records"][0]["IsSandbox"] is False
