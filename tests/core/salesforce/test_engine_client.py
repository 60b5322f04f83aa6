"""OrgClient, the one authenticated request path: the token stays with the org, failures in words."""

from __future__ import annotations

import pytest

from syncerr_gui.core.auth.session import OrgSession
from syncerr_gui.core.exceptions import RequestFailed, SessionExpired
from syncerr_gui.core.salesforce.client import OrgClient, RetryPolicy
from syncerr_gui.core.salesforce.http import make_session


def client_for(org, ca_path: str | None = None, **kwargs) -> OrgClient:
    session = OrgSession(org.instance_url, org.admin.access_token, make_session(ca_path or org.ca_path))
    return OrgClient(session, retry=RetryPolicy(tries=2, base_delay=0.01, max_delay=0.02), **kwargs)


def test_a_link_to_another_server_is_refused_and_no_token_reaches_it(fresh_org) -> None:
    from syncerr_gui.demo_org import DemoConfig, DemoOrg

    with DemoOrg(DemoConfig(record_errors=10, bulk2_jobs=2, classic_jobs=1, apex_jobs=1)) as other:
        client = client_for(fresh_org)
        for link in (
            f"{other.instance_url}/services/data/v59.0/jobs/ingest",
            "//evil.example/services/data/v59.0/jobs/ingest",
            "http://" + fresh_org.instance_url.removeprefix("https://") + "/services/data/",
        ):
            with pytest.raises(RequestFailed, match="did not follow"):
                client.get_json(link)
        assert other.request_log == []
    assert client.requests_made == 0


def test_a_same_origin_absolute_link_is_followed(fresh_org) -> None:
    client = client_for(fresh_org)
    page = client.get_json(f"{fresh_org.instance_url}/services/data/v59.0/jobs/ingest?jobType=V2Ingest")
    assert isinstance(page["records"], list) and page["records"]
    assert client.api_usage is not None


def test_an_untrusted_certificate_is_refused_in_words(fresh_org, tmp_path) -> None:
    import trustme

    stranger = tmp_path / "other-ca.pem"
    trustme.CA().cert_pem.write_to_path(str(stranger))
    client = client_for(fresh_org, ca_path=str(stranger))
    with pytest.raises(RequestFailed, match="authority this computer does not trust"):
        client.get_json("/services/data/v59.0/jobs/ingest")


def test_a_malformed_json_answer_is_named(fresh_org) -> None:
    fresh_org.fail_next("jobs/ingest", status=200, body=b"{not json")
    with pytest.raises(RequestFailed, match="malformed answer"):
        client_for(fresh_org).get_json("/services/data/v59.0/jobs/ingest")


def test_the_concurrent_request_limit_is_retried_and_the_daily_one_is_not(fresh_org) -> None:
    concurrent = (
        b'[{"message": "ConcurrentPerOrgLongTxn Limit exceeded.", "errorCode": "REQUEST_LIMIT_EXCEEDED"}]'
    )
    fresh_org.fail_next("jobs/ingest", status=403, times=1, body=concurrent)
    client = client_for(fresh_org)
    assert "records" in client.get_json("/services/data/v59.0/jobs/ingest")
    assert client.requests_made == 2
    fresh_org.fail_next("jobs/ingest", status=403, times=1)  # "TotalRequests Limit exceeded."
    with pytest.raises(RequestFailed, match="daily API request limit is used up"):
        client.get_json("/services/data/v59.0/jobs/ingest")
    with pytest.raises(RequestFailed, match="daily API request limit is used up"):
        client.get_json("/services/data/v59.0/jobs/ingest")  # not asked again in this sync
    assert client.requests_made == 3


def test_bulk1_expired_session_without_renewal_says_log_in_again(fresh_org) -> None:
    client = client_for(fresh_org)
    job = client.get_json("/services/data/v59.0/jobs/ingest?jobType=Classic")["records"][0]
    fresh_org.expire_sessions()
    with pytest.raises(SessionExpired, match="Log in again"):
        client.get(f"/services/async/{float(job['apiVersion']):.1f}/job/{job['id']}", bulk1=True)


def test_an_answer_larger_than_the_bound_is_refused(fresh_org) -> None:
    client = client_for(fresh_org, max_body=1000)
    with pytest.raises(RequestFailed, match="too large"):
        client.get("/services/data/v59.0/jobs/ingest?jobType=V2Ingest")
