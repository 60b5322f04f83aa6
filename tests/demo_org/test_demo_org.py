"""The demo org over real HTTPS: logins, job list paging, result bytes, faults, Bulk 1.0, OAuth."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import secrets
import time
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest
import requests
from frame_helpers import with_details
from simple_salesforce import SalesforceLogin
from simple_salesforce.exceptions import SalesforceAuthenticationFailed

from syncerr_gui.core.salesforce.http import make_session
from syncerr_gui.demo_org import DemoConfig, DemoOrg

API = "/services/data/v59.0"


def _get(org: DemoOrg, path: str, token: str | None = None, **kwargs: object) -> requests.Response:
    session = make_session(org.ca_path)
    headers = {"Authorization": f"Bearer {token or org.admin.access_token}"}
    return session.get(org.instance_url + path, headers=headers, **kwargs)  # type: ignore[arg-type]


def _list_all(org: DemoOrg, job_type: str) -> tuple[list[dict[str, object]], int]:
    """Follow nextRecordsUrl to the end; returns (jobs, pages)."""
    session = make_session(org.ca_path)
    headers = {"Authorization": f"Bearer {org.admin.access_token}"}
    url, jobs, pages = f"{org.instance_url}{API}/jobs/ingest?jobType={job_type}", [], 0
    while url and pages < 100:
        body = session.get(url, headers=headers).json()
        jobs += body["records"]
        pages += 1
        url = org.instance_url + body["nextRecordsUrl"] if not body["done"] else ""
    return jobs, pages


@pytest.fixture(scope="module")
def paged_org() -> Iterator[DemoOrg]:
    """More jobs than one page holds."""
    with DemoOrg(DemoConfig(record_errors=600, bulk2_jobs=45, classic_jobs=5, page_size=20)) as org:
        yield org


def test_starts_fast_even_with_a_million_errors() -> None:
    started = time.perf_counter()
    with DemoOrg(DemoConfig(record_errors=1_000_000, bulk2_jobs=1200)) as org:
        elapsed = time.perf_counter() - started
        assert org.instance_url.startswith("https://127.0.0.1:")
        assert _get(org, f"{API}/jobs/ingest").status_code == 200
    # Generous bound: start-up builds metadata only (measured ~0.05 s).
    assert elapsed < 10


def test_soap_login_with_password_and_security_token(demo_org: DemoOrg) -> None:
    user = demo_org.admin
    session_id, instance = SalesforceLogin(
        username=user.username,
        password=user.password,
        security_token=user.security_token,
        scratch_url=demo_org.instance_url,
        session=make_session(demo_org.ca_path),
    )
    assert instance == demo_org.instance_url.removeprefix("https://")
    info = _get(demo_org, "/services/oauth2/userinfo", token=session_id).json()
    assert info["user_id"] == user.user_id and info["organization_id"] == demo_org.org_id


def test_soap_login_refuses_wrong_password_with_salesforce_words(demo_org: DemoOrg) -> None:
    with pytest.raises(SalesforceAuthenticationFailed) as caught:
        SalesforceLogin(
            username=demo_org.admin.username,
            password="wrong",
            security_token="nope",
            scratch_url=demo_org.instance_url,
            session=make_session(demo_org.ca_path),
        )
    assert caught.value.code == "INVALID_LOGIN"
    assert "Invalid username, password, security token; or user locked out." in caught.value.auth_message


def test_locked_user_gets_a_lockout_code(demo_org: DemoOrg) -> None:
    user = demo_org.locked
    with pytest.raises(SalesforceAuthenticationFailed) as caught:
        SalesforceLogin(
            username=user.username,
            password=user.password,
            security_token=user.security_token,
            scratch_url=demo_org.instance_url,
            session=make_session(demo_org.ca_path),
        )
    assert caught.value.code == "PASSWORD_LOCKOUT"


def test_job_list_pages_with_next_records_url(paged_org: DemoOrg) -> None:
    jobs, pages = _list_all(paged_org, "V2Ingest")
    assert len(jobs) == 45 and pages == 3
    assert len({j["id"] for j in jobs}) == 45
    assert set(jobs[0]) == {
        "id",
        "operation",
        "object",
        "createdById",
        "createdDate",
        "systemModstamp",
        "state",
        "concurrencyMode",
        "contentType",
        "apiVersion",
        "jobType",
        "lineEnding",
        "columnDelimiter",
        "contentUrl",
    }
    classic, _ = _list_all(paged_org, "Classic")
    assert len(classic) == 5 and {j["jobType"] for j in classic} == {"Classic"}


def test_failed_results_are_utf8_csv_without_charset(demo_org: DemoOrg) -> None:
    jobs, _ = _list_all(demo_org, "V2Ingest")
    infos = [_get(demo_org, f"{API}/jobs/ingest/{j['id']}").json() for j in jobs]
    failing = [i for i in infos if i.get("numberRecordsFailed", 0) > 0]
    bodies = []
    for info in failing:
        answer = _get(demo_org, f"{API}/jobs/ingest/{info['id']}/failedResults/")
        assert answer.headers["Content-Type"] == "text/csv"
        assert answer.content.count(b"\n") >= info["numberRecordsFailed"] + 1
        bodies.append(answer.content)
    text = b"".join(bodies).decode("utf-8")
    assert all(b.startswith(b'"sf__Id"') for b in bodies)
    assert any(ch in text for ch in "üöäé") and any("\u4e00" <= ch <= "\u9fff" for ch in text)
    assert any(b.startswith(b'"sf__Id"|"sf__Error"|') for b in bodies)


def test_failed_results_match_the_truth(demo_org: DemoOrg) -> None:
    truth = demo_org.truth.errors()
    records = truth[(truth.source == "Bulk API 2.0") & (truth.failed_on == "Record Level")]
    job_id = records.job_id.value_counts().index[0]
    body = _get(demo_org, f"{API}/jobs/ingest/{job_id}/failedResults").content
    sep = "|" if body.startswith(b'"sf__Id"|') else ","
    frame = pd.read_csv(io.BytesIO(body), dtype=str, keep_default_na=False, sep=sep)
    expected = records[records.job_id == job_id]
    assert len(frame) == len(expected)
    assert sorted(frame["sf__Id"]) == sorted(expected.salesforce_id)


def test_deleted_job_answers_not_found(fresh_org: DemoOrg) -> None:
    job = next(j for j in _list_all(fresh_org, "V2Ingest")[0] if j["state"] == "JobComplete")
    fresh_org.delete_job(str(job["id"]))
    answer = _get(fresh_org, f"{API}/jobs/ingest/{job['id']}/failedResults/")
    assert answer.status_code == 404
    assert answer.json() == [{"errorCode": "NOT_FOUND", "message": "The requested resource does not exist"}]
    assert job["id"] not in set(fresh_org.truth.errors().job_id)


def test_fail_next_answers_503_then_recovers(fresh_org: DemoOrg) -> None:
    fresh_org.fail_next("jobs/ingest", 503, times=2)
    first = _get(fresh_org, f"{API}/jobs/ingest")
    second = _get(fresh_org, f"{API}/jobs/ingest")
    third = _get(fresh_org, f"{API}/jobs/ingest")
    assert (first.status_code, second.status_code, third.status_code) == (503, 503, 200)
    assert first.json()[0]["errorCode"] == "SERVER_UNAVAILABLE"
    assert ("GET", f"{API}/jobs/ingest") in fresh_org.request_log


def test_expired_sessions_get_invalid_session_id(fresh_org: DemoOrg) -> None:
    fresh_org.expire_sessions()
    answer = _get(fresh_org, f"{API}/jobs/ingest")
    assert answer.status_code == 401
    assert answer.json() == [{"message": "Session expired or invalid", "errorCode": "INVALID_SESSION_ID"}]


def test_bulk1_answers_xml_with_x_sfdc_session(demo_org: DemoOrg) -> None:
    job = _list_all(demo_org, "Classic")[0][0]
    session = make_session(demo_org.ca_path)
    base = f"{demo_org.instance_url}/services/async/{job['apiVersion']}/job/{job['id']}"
    answer = session.get(base, headers={"X-SFDC-Session": demo_org.admin.access_token})
    assert answer.status_code == 200
    assert b'xmlns="http://www.force.com/2009/06/asyncapi/dataload"' in answer.content
    assert f"<id>{job['id']}</id>".encode() in answer.content
    batches = session.get(base + "/batch", headers={"X-SFDC-Session": demo_org.admin.access_token})
    assert b"<batchInfoList" in batches.content
    refused = session.get(base, headers={"X-SFDC-Session": "00Dbogus!token"})
    assert (
        refused.status_code == 400 and b"<exceptionCode>InvalidSessionId</exceptionCode>" in refused.content
    )
    bearer_only = session.get(base, headers={"Authorization": f"Bearer {demo_org.admin.access_token}"})
    assert bearer_only.status_code == 400


def test_client_that_does_not_trust_the_ca_is_refused(demo_org: DemoOrg) -> None:
    with pytest.raises(requests.exceptions.SSLError):
        make_session(None).get(demo_org.instance_url + "/services/data/", timeout=5)


def _pkce() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode()).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _authorize(
    org: DemoOrg, challenge: str, redirect: str = "http://localhost:1717/OauthRedirect", **extra: str
) -> requests.Response:
    params = {
        "response_type": "code",
        "client_id": org.oauth_client_id,
        "redirect_uri": redirect,
        "code_challenge": challenge,
        "code_challenge_method": "S256",
        "state": "xyz",
        "scope": "api refresh_token",
        **extra,
    }
    if "auto" in params and "auto_key" not in params:
        params["auto_key"] = org.oauth_auto_key  # the per-run secret of the process that started it
    return make_session(org.ca_path).get(
        org.instance_url + "/services/oauth2/authorize", params=params, allow_redirects=False
    )


def test_oauth_code_with_pkce_round_trip(fresh_org: DemoOrg) -> None:
    verifier, challenge = _pkce()
    redirect = _authorize(fresh_org, challenge, auto="allow")
    assert redirect.status_code == 302
    query = parse_qs(urlsplit(redirect.headers["Location"]).query)
    assert query["state"] == ["xyz"]
    session = make_session(fresh_org.ca_path)
    token = session.post(
        fresh_org.instance_url + "/services/oauth2/token",
        data={
            "grant_type": "authorization_code",
            "code": query["code"][0],
            "client_id": fresh_org.oauth_client_id,
            "redirect_uri": "http://localhost:1717/OauthRedirect",
            "code_verifier": verifier,
        },
    ).json()
    assert token["instance_url"] == fresh_org.instance_url and token["token_type"] == "Bearer"
    assert token["id"].endswith(f"/id/{fresh_org.org_id}/{fresh_org.admin.user_id}")
    assert _get(fresh_org, f"{API}/jobs/ingest", token=token["access_token"]).status_code == 200
    refreshed = session.post(
        fresh_org.instance_url + "/services/oauth2/token",
        data={
            "grant_type": "refresh_token",
            "refresh_token": token["refresh_token"],
            "client_id": fresh_org.oauth_client_id,
        },
    ).json()
    assert _get(fresh_org, f"{API}/jobs/ingest", token=refreshed["access_token"]).status_code == 200


def test_oauth_wrong_verifier_is_refused(fresh_org: DemoOrg) -> None:
    _, challenge = _pkce()
    redirect = _authorize(fresh_org, challenge, auto="allow")
    code = parse_qs(urlsplit(redirect.headers["Location"]).query)["code"][0]
    answer = make_session(fresh_org.ca_path).post(
        fresh_org.instance_url + "/services/oauth2/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "client_id": fresh_org.oauth_client_id,
            "redirect_uri": "http://localhost:1717/OauthRedirect",
            "code_verifier": "not-the-verifier",
        },
    )
    assert answer.status_code == 400
    assert answer.json()["error"] == "invalid_grant"


def test_oauth_deny_and_bad_redirect(fresh_org: DemoOrg) -> None:
    _, challenge = _pkce()
    denied = _authorize(fresh_org, challenge, auto="deny")
    assert parse_qs(urlsplit(denied.headers["Location"]).query)["error"] == ["access_denied"]
    foreign = _authorize(fresh_org, challenge, redirect="http://evil.example/cb")
    assert foreign.status_code == 400


@pytest.mark.parametrize(
    "redirect",
    [
        "http://localhost:5555/OauthRedirect",  # another local program's port
        "http://127.0.0.1:1717/OauthRedirect",
        "http://localhost:1717/elsewhere",
        "https://localhost:1717/OauthRedirect",
    ],
)
def test_oauth_sends_codes_only_to_the_apps_registered_callback(fresh_org: DemoOrg, redirect: str) -> None:
    _, challenge = _pkce()
    answer = _authorize(fresh_org, challenge, redirect=redirect, auto="allow")
    assert answer.status_code == 400 and "redirect_uri_mismatch" in answer.text
    assert "Location" not in answer.headers


@pytest.mark.parametrize("key", ["", "guessed"])
def test_oauth_auto_allow_needs_the_per_run_key(fresh_org: DemoOrg, key: str) -> None:
    _, challenge = _pkce()
    answer = _authorize(fresh_org, challenge, auto="allow", auto_key=key)
    assert answer.status_code == 403 and "Location" not in answer.headers


def test_oauth_consent_needs_a_demo_users_password(fresh_org: DemoOrg) -> None:
    _, challenge = _pkce()
    page = _authorize(fresh_org, challenge)
    handle = re.search(r'name="handle" value="([^"]+)"', page.text)[1]
    session = make_session(fresh_org.ca_path)
    url = fresh_org.instance_url + "/services/oauth2/authorize"
    wrong = session.post(
        url,
        allow_redirects=False,
        data={"handle": handle, "decision": "allow", "username": fresh_org.admin.username, "password": "x"},
    )
    assert wrong.status_code == 401 and "check your username and password" in wrong.text
    assert "Location" not in wrong.headers
    retry = re.search(r'name="handle" value="([^"]+)"', wrong.text)[1]
    locked = session.post(
        url,
        allow_redirects=False,
        data={
            "handle": retry,
            "decision": "allow",
            "username": fresh_org.locked.username,
            "password": fresh_org.locked.password,
        },
    )
    assert locked.status_code == 401


def _read_csv(body: bytes) -> pd.DataFrame:
    sep = "|" if body.split(b"\n", 1)[0].count(b"|") else ","
    return pd.read_csv(io.BytesIO(body), dtype=str, keep_default_na=False, sep=sep)


def _inputs(frame: pd.DataFrame, columns: list[str]) -> list[str]:
    return [
        json.dumps(dict(zip(columns, row)), ensure_ascii=False)
        for row in frame[columns].itertuples(index=False, name=None)
    ]


def test_every_served_bulk2_body_matches_the_truth(demo_org: DemoOrg) -> None:
    truth = with_details(*demo_org.truth.errors_with_details())
    records = truth[(truth.source == "Bulk API 2.0") & (truth.failed_on == "Record Level")]
    delimiters, headers = set(), set()
    for job_id, expected in records.groupby("job_id", observed=True):
        body = _get(demo_org, f"{API}/jobs/ingest/{job_id}/failedResults/").content
        frame = _read_csv(body)
        delimiters.add(body[8:9])
        headers.add(body.split(b"\n", 1)[0].endswith(b'"'))
        served = sorted(
            zip(
                frame["sf__Id"],
                frame["sf__Error"].str.split(":").str[0],
                _inputs(frame, list(frame.columns[2:])),
            )
        )
        assert served == sorted(zip(expected.salesforce_id, expected.error_type, expected.input_row))
    assert delimiters == {b",", b"|"} and headers == {True, False}
    assert records.input_row.str.contains("\\n", regex=False).any()
    assert records.message.str.contains(":").any() and (records.fields == "").any()


def test_every_served_bulk1_batch_pairs_with_the_truth(demo_org: DemoOrg) -> None:
    truth = with_details(*demo_org.truth.errors_with_details())
    records = truth[(truth.source == "Bulk API 1.0") & (truth.failed_on == "Record Level")]
    session = make_session(demo_org.ca_path)
    auth = {"X-SFDC-Session": demo_org.admin.access_token}
    for (job_id, batch_id), expected in records.groupby(["job_id", "batch_id"], observed=True):
        base = f"{demo_org.instance_url}/services/async/59.0/job/{job_id}/batch/{batch_id}"
        result = _read_csv(session.get(base + "/result", headers=auth).content)
        request = _read_csv(session.get(base + "/request", headers=auth).content)
        assert list(result.columns) == ["Id", "Success", "Created", "Error"] and len(result) == len(request)
        failed = result.Success == "false"
        assert sorted(_inputs(request[failed], list(request.columns))) == sorted(expected.input_row)
    assert (truth[truth.source == "Bulk API 1.0"].failed_on == "Job Level").any()


def test_consent_page_allow_for_the_non_admin(fresh_org: DemoOrg) -> None:
    verifier, challenge = _pkce()
    page = _authorize(fresh_org, challenge)
    assert page.status_code == 200 and "Allow" in page.text and "Deny" in page.text
    handle = re.search(r'name="handle" value="([^"]+)"', page.text)
    assert handle is not None
    session = make_session(fresh_org.ca_path)
    allowed = session.post(
        fresh_org.instance_url + "/services/oauth2/authorize",
        allow_redirects=False,
        data={
            "handle": handle[1],
            "decision": "allow",
            "username": fresh_org.non_admin.username.upper(),  # usernames ignore case
            "password": fresh_org.non_admin.password,
        },
    )
    assert allowed.headers["Location"].startswith("http://localhost:1717/OauthRedirect?code=")
    code = parse_qs(urlsplit(allowed.headers["Location"]).query)["code"][0]
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "client_id": fresh_org.oauth_client_id,
        "redirect_uri": "http://localhost:1717/OauthRedirect",
        "code_verifier": verifier,
    }
    token = session.post(fresh_org.instance_url + "/services/oauth2/token", data=form).json()
    assert token["id"].endswith(fresh_org.non_admin.user_id)
    replay = session.post(fresh_org.instance_url + "/services/oauth2/token", data=form)
    assert replay.status_code == 400 and replay.json()["error"] == "invalid_grant"


def test_revoked_refresh_token_kills_its_access_tokens(fresh_org: DemoOrg) -> None:
    verifier, challenge = _pkce()
    location = _authorize(fresh_org, challenge, auto="allow").headers["Location"]
    session = make_session(fresh_org.ca_path)
    token = session.post(
        fresh_org.instance_url + "/services/oauth2/token",
        data={
            "grant_type": "authorization_code",
            "code": parse_qs(urlsplit(location).query)["code"][0],
            "client_id": fresh_org.oauth_client_id,
            "redirect_uri": "http://localhost:1717/OauthRedirect",
            "code_verifier": verifier,
        },
    ).json()
    revoked = session.post(
        fresh_org.instance_url + "/services/oauth2/revoke", data={"token": token["refresh_token"]}
    )
    assert revoked.status_code == 200
    assert _get(fresh_org, f"{API}/jobs/ingest", token=token["access_token"]).status_code == 401
    again = session.post(
        fresh_org.instance_url + "/services/oauth2/revoke", data={"token": token["refresh_token"]}
    )
    assert again.status_code == 400 and again.json()["error"] == "invalid_token"
    userinfo = _get(fresh_org, "/services/oauth2/userinfo", token=token["access_token"])
    assert userinfo.status_code == 403 and userinfo.text == "Bad_OAuth_Token"


def test_tokens_expire_after_n_requests_and_refresh_works() -> None:
    with DemoOrg(
        DemoConfig(
            record_errors=50,
            bulk2_jobs=5,
            classic_jobs=1,
            apex_jobs=1,
            expire_tokens_after=2,
            oauth_callback_port=1717,
        )
    ) as org:
        verifier, challenge = _pkce()
        assert (
            _authorize(org, challenge, redirect="http://localhost:9999/cb", auto="allow").status_code == 400
        )
        location = _authorize(org, challenge, auto="allow").headers["Location"]
        session = make_session(org.ca_path)
        token = session.post(
            org.instance_url + "/services/oauth2/token",
            data={
                "grant_type": "authorization_code",
                "code": parse_qs(urlsplit(location).query)["code"][0],
                "client_id": org.oauth_client_id,
                "redirect_uri": "http://localhost:1717/OauthRedirect",
                "code_verifier": verifier,
            },
        ).json()
        codes = [_get(org, f"{API}/jobs/ingest", token=token["access_token"]).status_code for _ in range(3)]
        assert codes == [200, 200, 401]
        renewed = session.post(
            org.instance_url + "/services/oauth2/token",
            data={
                "grant_type": "refresh_token",
                "refresh_token": token["refresh_token"],
                "client_id": org.oauth_client_id,
            },
        ).json()
        assert _get(org, f"{API}/jobs/ingest", token=renewed["access_token"]).status_code == 200


def test_permission_query_tells_admin_from_non_admin(demo_org: DemoOrg) -> None:
    soql = (
        "SELECT PermissionSet.PermissionsViewSetup, PermissionSet.PermissionsManageDataIntegrations, "
        "PermissionSet.PermissionsModifyAllData, PermissionSet.PermissionsApiEnabled, "
        "PermissionSet.IsOwnedByProfile FROM PermissionSetAssignment WHERE AssigneeId = '{}'"
    )
    granted = {}
    for user in (demo_org.admin, demo_org.non_admin):
        body = _get(demo_org, f"{API}/query/", params={"q": soql.format(user.user_id)}).json()
        assert body["done"] and body["totalSize"] == len(body["records"]) >= 2
        assert any(r["PermissionSet"]["IsOwnedByProfile"] for r in body["records"])
        granted[user.username] = any(r["PermissionSet"]["PermissionsModifyAllData"] for r in body["records"])
    assert granted == {demo_org.admin.username: True, demo_org.non_admin.username: False}
    bad = _get(demo_org, f"{API}/query/", params={"q": "SELEKT Id FROM Lead"})
    assert bad.status_code == 400 and bad.json()[0]["errorCode"] == "MALFORMED_QUERY"


def test_apex_query_filters_by_completed_date_and_pages_at_2000() -> None:
    with DemoOrg(DemoConfig(record_errors=20, bulk2_jobs=3, classic_jobs=0, apex_jobs=2100)) as org:
        soql = (
            "SELECT Id, ApexClass.Name, JobType, Status, ExtendedStatus, NumberOfErrors, JobItemsProcessed, "
            "TotalJobItems, CreatedDate, CompletedDate, CreatedById FROM AsyncApexJob WHERE "
            "(Status IN ('Failed','Aborted') OR NumberOfErrors > 0) AND CompletedDate >= 2000-01-01T00:00:00Z"
        )
        first = _get(org, f"{API}/query", params={"q": soql}).json()
        assert first["totalSize"] == 2100 and len(first["records"]) == 2000 and not first["done"]
        assert first["nextRecordsUrl"].endswith("-2000")
        second = _get(org, first["nextRecordsUrl"]).json()
        assert second["done"] and len(second["records"]) == 100
        assert "Name" in first["records"][0]["ApexClass"]
        future = _get(org, f"{API}/query", params={"q": soql.replace("2000-01-01", "2999-01-01")}).json()
        assert future["totalSize"] == 0


def test_unfinished_jobs_have_no_results_and_aborted_ones_have_unprocessed_rows(demo_org: DemoOrg) -> None:
    jobs, _ = _list_all(demo_org, "V2Ingest")
    unfinished = next(j for j in jobs if j["state"] in ("Open", "UploadComplete", "InProgress"))
    assert _get(demo_org, f"{API}/jobs/ingest/{unfinished['id']}/failedResults/").status_code == 409
    aborted = next(j for j in jobs if j["state"] == "Aborted")
    body = _get(demo_org, f"{API}/jobs/ingest/{aborted['id']}/unprocessedrecords/").content
    assert len(_read_csv(body)) >= 1
    info = _get(demo_org, f"{API}/jobs/ingest/{aborted['id']}")
    assert info.json()["state"] == "Aborted" and info.headers["Sforce-Limit-Info"].startswith("api-usage=")


def test_a_stalled_request_times_out_the_client(fresh_org: DemoOrg) -> None:
    fresh_org.stall_next("jobs/ingest", 30)
    with pytest.raises(requests.exceptions.ReadTimeout):
        _get(fresh_org, f"{API}/jobs/ingest", timeout=(5, 0.5))
    assert _get(fresh_org, f"{API}/jobs/ingest").status_code == 200


def test_fail_next_can_answer_request_limit_exceeded(fresh_org: DemoOrg) -> None:
    fresh_org.fail_next("query", 403)
    answer = _get(fresh_org, f"{API}/query", params={"q": "SELECT Id FROM AsyncApexJob"})
    assert answer.status_code == 403 and answer.json()[0]["errorCode"] == "REQUEST_LIMIT_EXCEEDED"


_APEX_SOQL = (
    "SELECT Id, ApexClass.Name, JobType, Status, ExtendedStatus, NumberOfErrors, JobItemsProcessed, "
    "TotalJobItems, CreatedDate, CompletedDate, CreatedById FROM AsyncApexJob WHERE "
    "(Status IN ('Failed','Aborted') OR NumberOfErrors > 0) AND CompletedDate >= 2000-01-01T00:00:00Z"
)


def test_aged_out_jobs_vanish_like_salesforce_retention(fresh_org: DemoOrg) -> None:
    before = fresh_org.truth.errors()
    was = {kind: {str(j["id"]) for j in _list_all(fresh_org, kind)[0]} for kind in ("V2Ingest", "Classic")}
    aged = set(fresh_org.age_out_jobs(3))
    listed = {str(j["id"]) for kind in ("V2Ingest", "Classic") for j in _list_all(fresh_org, kind)[0]}
    apex = {r["Id"] for r in _get(fresh_org, f"{API}/query", params={"q": _APEX_SOQL}).json()["records"]}
    assert aged and listed and apex and not aged & (listed | apex)
    bulk2, classic = min(aged & was["V2Ingest"]), min(aged & was["Classic"])
    assert any(j.startswith("707") for j in aged)
    assert _get(fresh_org, f"{API}/jobs/ingest/{bulk2}").status_code == 404
    classic_url = f"{fresh_org.instance_url}/services/async/59.0/job/{classic}"
    answer = make_session(fresh_org.ca_path).get(
        classic_url, headers={"X-SFDC-Session": fresh_org.admin.access_token}
    )
    assert answer.status_code == 400 and b"<exceptionCode>InvalidJob</exceptionCode>" in answer.content
    after = fresh_org.truth.errors()
    assert not set(after["job_id"]) & aged
    assert len(after) == int((~before["job_id"].isin(aged)).sum()) < len(before)


def test_delete_job_keeps_it_listed_unless_asked_to_unlist(fresh_org: DemoOrg) -> None:
    first, second = [str(j["id"]) for j in _list_all(fresh_org, "V2Ingest")[0][:2]]
    fresh_org.delete_job(first)
    fresh_org.delete_job(second, unlist=True)
    listed = {str(j["id"]) for j in _list_all(fresh_org, "V2Ingest")[0]}
    assert first in listed and second not in listed
    assert _get(fresh_org, f"{API}/jobs/ingest/{second}").status_code == 404
