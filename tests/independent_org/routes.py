"""Request -> answer for the independent org: the wire rules of SALESFORCE.md, nothing more.

REST answers (`/services/data/…`, `/services/oauth2/userinfo`) take `Authorization: Bearer`
and carry `Sforce-Limit-Info`; a wrong token gets the 401 JSON array. Bulk 1.0 answers
(`/services/async/…`) take only `X-SFDC-Session` (Bearer is refused with the HTTP 400 XML
`InvalidSessionId`). Lists and queries page with `nextRecordsUrl`.
"""

from __future__ import annotations

import itertools
import logging
import re
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import parse_qs, urlsplit

from . import fixtures_bulk2 as b2
from . import fixtures_other as other

logger = logging.getLogger(__name__)

JSON, CSV, XML = "application/json;charset=UTF-8", "text/csv", "application/xml"
INVALID_SESSION = b'[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]'
NOT_FOUND = b'[{"errorCode":"NOT_FOUND","message":"The requested resource does not exist"}]'
LIST_PAGE = {"V2Ingest": 5, "Classic": 2, "": 5}
QUERY_PAGE = 2
_VERSION = r"(\d{2}\.\d)"
_DATA = re.compile(rf"^/services/data/v{_VERSION}/(.*)$")
_ASYNC = re.compile(rf"^/services/async/{_VERSION}/job/(\w+)(?:/batch(?:/(\w+)/(result|request))?)?/?$")
_SF_DATE = "%Y-%m-%dT%H:%M:%S.%f%z"


@dataclass(frozen=True)
class Answer:
    """One HTTP answer; `headers` are extra headers besides Content-Type and Content-Length."""

    status: int
    body: bytes
    content_type: str = JSON
    headers: Mapping[str, str] = field(default_factory=dict)


def _xml_error(code: str, message: str) -> Answer:
    body = (
        f'<?xml version="1.0" encoding="UTF-8"?><error\n   xmlns="{other.DATALOAD_NS}">\n'
        f" <exceptionCode>{code}</exceptionCode>\n <exceptionMessage>{message}</exceptionMessage>\n"
        "</error>"
    )
    return Answer(400, body.encode("utf-8"), XML)


class Router:
    """Answers requests from the fixed fixtures; safe to call from many handler threads."""

    def __init__(self, token: str, missing_failed_results: frozenset[str] = frozenset()) -> None:
        self._token = token
        self._missing = missing_failed_results
        self._lock = threading.Lock()
        self._usage = itertools.count(18)
        self._pages: dict[str, list[str]] = {}  # query locator -> records of the pages still to come
        self._locators = itertools.count(1)
        self._bulk2 = {job.id: job for job in b2.BULK2_JOBS}
        self._classic = {job.job.id: job for job in other.CLASSIC_JOBS}

    def answer(self, target: str, headers: Mapping[str, str]) -> Answer:
        """The answer to `GET target` with these request headers."""
        parts = urlsplit(target)
        path, params = parts.path, parse_qs(parts.query, keep_blank_values=True)
        if path.startswith("/services/async/"):
            return self._bulk1(path, headers)
        if not self._bearer_ok(headers):
            return Answer(401, INVALID_SESSION, headers=self._limits())
        if path == "/services/oauth2/userinfo":
            return Answer(200, other.USERINFO.encode("utf-8"))
        match = _DATA.match(path)
        if match is None:
            return Answer(404, NOT_FOUND)
        answer = self._rest(match.group(1), match.group(2).rstrip("/"), params)
        return Answer(answer.status, answer.body, answer.content_type, {**answer.headers, **self._limits()})

    def _bearer_ok(self, headers: Mapping[str, str]) -> bool:
        scheme, _, token = headers.get("Authorization", "").partition(" ")
        return scheme in ("Bearer", "OAuth") and token == self._token

    def _limits(self) -> dict[str, str]:
        with self._lock:
            return {"Sforce-Limit-Info": f"api-usage={next(self._usage)}/15000"}

    def _rest(self, ver: str, rest: str, params: Mapping[str, list[str]]) -> Answer:
        if rest == "jobs/ingest":
            return self._job_list(ver, params)
        if rest == "query":
            return self._query(ver, params.get("q", [""])[0])
        if rest.startswith("query/"):
            return self._query_more(ver, rest.removeprefix("query/"))
        pieces = rest.split("/")
        if len(pieces) >= 3 and pieces[:2] == ["jobs", "ingest"] and pieces[2] in self._bulk2:
            job = self._bulk2[pieces[2]]
            if len(pieces) == 3:
                return Answer(200, job.info.encode("utf-8"))
            if pieces[3:] == ["failedResults"]:
                if job.id in self._missing:
                    return Answer(404, NOT_FOUND)
                return Answer(200, job.failed_results or b'"sf__Id","sf__Error",Id\n', CSV)
            if pieces[3:] == ["unprocessedrecords"]:
                return Answer(200, b"Id\n", CSV)
        return Answer(404, NOT_FOUND)

    # ---- job list -------------------------------------------------------------------------

    def _job_list(self, ver: str, params: Mapping[str, list[str]]) -> Answer:
        """`?jobType=` starts a list, `?queryLocator=<type>-<offset>` continues it."""
        locator = params.get("queryLocator", [""])[0]
        if locator:
            job_type, _, offset_text = locator.removeprefix("0r8Ind").partition("-")
            if job_type not in ("V2Ingest", "Classic", "All") or not offset_text.isdigit():
                return Answer(400, b'[{"errorCode":"INVALID_QUERY_LOCATOR","message":"invalid locator"}]')
            offset = int(offset_text)
        else:
            job_type, offset = (params.get("jobType", ["All"])[0] or "All"), 0
        entries = [j.listing for j in self._all_jobs() if job_type in ("All", j.job_type)]
        size = LIST_PAGE.get("" if job_type == "All" else job_type, 5)
        page, end = entries[offset : offset + size], offset + size
        next_url = (
            f'"/services/data/v{ver}/jobs/ingest?queryLocator=0r8Ind{job_type}-{end}"'
            if end < len(entries)
            else "null"
        )
        done = "false" if end < len(entries) else "true"
        body = f'{{"done":{done},"records":[{",".join(page)}],"nextRecordsUrl":{next_url}}}'
        return Answer(200, body.encode("utf-8"))

    def _all_jobs(self) -> list[b2.Bulk2Job]:
        return [*b2.BULK2_JOBS, *(c.job for c in other.CLASSIC_JOBS)]

    # ---- SOQL -----------------------------------------------------------------------------

    def _query(self, ver: str, soql: str) -> Answer:
        if re.search(r"\bFROM\s+PermissionSetAssignment\b", soql, re.IGNORECASE):
            assignee = re.search(r"AssigneeId\s*=\s*'(\w+)'", soql)
            records = list(other.PERMISSION_RECORDS) if assignee and assignee.group(1) == b2.ADMIN_ID else []
            return self._query_page(ver, records, 0, len(records))
        if re.search(r"\bFROM\s+AsyncApexJob\b", soql, re.IGNORECASE):
            since = _soql_since(soql)
            if since is None:
                return Answer(400, b'[{"message":"unexpected token","errorCode":"MALFORMED_QUERY"}]')
            records = [
                record
                for record, status, errors, completed in other.APEX_JOBS
                if (status in ("Failed", "Aborted") or errors > 0)
                and datetime.strptime(completed, _SF_DATE) >= since
            ]
            return self._query_page(ver, records, 0, len(records))
        return Answer(400, b'[{"message":"sObject type is not supported.","errorCode":"INVALID_TYPE"}]')

    def _query_more(self, ver: str, locator: str) -> Answer:
        with self._lock:
            pending = self._pages.pop(locator, None)
        if pending is None:
            return Answer(400, b'[{"message":"invalid query locator","errorCode":"INVALID_QUERY_LOCATOR"}]')
        total = int(locator.rpartition("-")[2])
        return self._query_page(ver, pending, total - len(pending), total)

    def _query_page(self, ver: str, records: Sequence[str], start: int, total: int) -> Answer:
        """One page of QUERY_PAGE records; the rest waits under a fresh locator."""
        page, rest = records[:QUERY_PAGE], list(records[QUERY_PAGE:])
        texts = ",".join(r.replace("{ver}", ver) for r in page)
        if not rest:
            body = f'{{"totalSize":{total},"done":true,"records":[{texts}]}}'
            return Answer(200, body.encode("utf-8"))
        with self._lock:
            locator = f"01gInd{next(self._locators):09d}-{total}"
            self._pages[locator] = rest
        next_url = f"/services/data/v{ver}/query/{locator}"
        body = f'{{"totalSize":{total},"done":false,"nextRecordsUrl":"{next_url}","records":[{texts}]}}'
        return Answer(200, body.encode("utf-8"))

    # ---- Bulk API 1.0 ---------------------------------------------------------------------

    def _bulk1(self, path: str, headers: Mapping[str, str]) -> Answer:
        if headers.get("X-SFDC-Session", "") != self._token:
            return _xml_error("InvalidSessionId", "Invalid session id")
        match = _ASYNC.match(path)
        job = self._classic.get(match.group(2)) if match else None
        if match is None or job is None:
            return _xml_error("InvalidJob", "Unable to find object")
        batch_id, kind = match.group(3), match.group(4)
        if batch_id is None:
            text = other.batch_list_xml(job) if path.rstrip("/").endswith("/batch") else job.info_xml
            return Answer(200, text.encode("utf-8"), XML)
        batch = job.batches.get(batch_id)
        if batch is None:
            return _xml_error("InvalidBatch", "Unable to find batch")
        body = batch.result if kind == "result" else batch.request
        if not body:
            return _xml_error("InvalidBatch", "Records not found")
        return Answer(200, body, CSV)


def _soql_since(soql: str) -> datetime | None:
    """The datetime literal of `CompletedDate >= …` (SOQL: `2026-11-22T00:00:00Z` and the like)."""
    found = re.search(r"CompletedDate\s*>=\s*([0-9T:.+\-Z]+)", soql)
    if found is None:
        return None
    try:
        moment = datetime.fromisoformat(found.group(1))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None
