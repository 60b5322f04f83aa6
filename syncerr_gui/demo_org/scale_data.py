"""Archive-scale test data: N errors over 180 days as a large org's integrations produce them.

`synthetic.py` makes one frame fast with every message distinct (the worst case for a text
sort); this makes the realistic mix the archive has to hold: a few dozen error patterns
whose messages embed record IDs, e-mails or values (so some repeat and many do not), a
handful of objects and integration users, a job every half hour or so with 1 to 5,000
failed rows, records that fail again and again (the same source ID in many jobs), update
rows with a Salesforce ID, and an input row per record-level error with its object's
columns. Everything is built a column at a time with Arrow kernels (10M rows in chunks of
a sync each), deterministic for a seed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from syncerr_gui.core.frame.schema import JOB_LEVEL, RECORD_LEVEL, SOURCE_APEX, SOURCE_BULK1, SOURCE_BULK2
from syncerr_gui.core.salesforce.input_json import json_objects
from syncerr_gui.core.salesforce.parts import JobSummary
from syncerr_gui.core.sync.row_keys import hash_texts, row_keys

logger = logging.getLogger(__name__)

TEXT = pa.large_string()
DAY_NS = 86_400 * 10**9

# (error_type, message pattern, fields); {id} {email} {value} {number} are filled per row.
PATTERNS: tuple[tuple[str, str, str], ...] = (
    ("REQUIRED_FIELD_MISSING", "Required fields are missing: [LastName]", "LastName"),
    ("REQUIRED_FIELD_MISSING", "Required fields are missing: [Company]", "Company"),
    (
        "DUPLICATE_VALUE",
        "duplicate value found: Email__c duplicates value on record with id: {id}",
        "Email__c",
    ),
    ("DUPLICATES_DETECTED", "Use one of these records?", ""),
    ("INVALID_EMAIL_ADDRESS", "invalid email address: {email}", "Email"),
    ("STRING_TOO_LONG", "Company: data value too large: {value} (max length=40)", "Company"),
    ("FIELD_CUSTOM_VALIDATION_EXCEPTION", "Lead must have a Company, please fix", ""),
    ("FIELD_CUSTOM_VALIDATION_EXCEPTION", "Postal code {number} does not match the country", "PostalCode"),
    ("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", "OwnerId"),
    ("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record or 1 records: {id}", ""),
    ("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "bad value for restricted picklist field: {value}", "Rating"),
    ("ENTITY_IS_DELETED", "entity is deleted", ""),
    (
        "INVALID_FIELD_FOR_INSERT_UPDATE",
        "Unable to create/update fields: OwnerId. Please check the security",
        "OwnerId",
    ),
    ("CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY", "LeadTrigger: execution of AfterInsert caused by: {value}", ""),
    ("MALFORMED_ID", "Account ID: id value of incorrect type: {id}", "AccountId"),
    (
        "NUMBER_OUTSIDE_VALID_RANGE",
        "Annual Revenue: value outside of valid range on numeric field: {number}",
        "AnnualRevenue",
    ),
    (
        "INVALID_TYPE_ON_FIELD_IN_RECORD",
        "Number Of Employees: value not of required type: {value}",
        "NumberOfEmployees",
    ),
    ("STORAGE_LIMIT_EXCEEDED", "storage limit exceeded", ""),
)
# How often each pattern occurs (relative).
PATTERN_WEIGHTS = (14, 6, 12, 9, 8, 7, 10, 4, 5, 6, 4, 3, 2, 3, 2, 2, 2, 1)
JOB_FAILURES = (  # (code, message, the job's or batch's state)
    ("InvalidBatch", "InvalidBatch : Records not found", "Failed"),
    ("JOB_FAILED", "Failed", "Failed"),
    ("LIMIT_EXCEEDED", "Apex CPU time limit exceeded", "Failed"),
    ("JOB_ABORTED", "Aborted", "Aborted"),
)
OBJECTS: dict[str, tuple[str, ...]] = {
    "Lead": ("FirstName", "LastName", "Company", "Email", "PostalCode", "Rating", "Marketo_Lead_ID__c"),
    "Contact": ("FirstName", "LastName", "Email", "AccountId", "MailingPostalCode", "External_Id__c"),
    "Account": ("Name", "BillingCity", "BillingPostalCode", "AnnualRevenue", "OwnerId", "External_Id__c"),
    "Opportunity": ("Name", "StageName", "CloseDate", "Amount", "AccountId", "External_Id__c"),
    "CampaignMember": ("CampaignId", "LeadId", "Status", "External_Id__c"),
    "Case": ("Subject", "Status", "Priority", "ContactId", "External_Id__c"),
}
OBJECT_WEIGHTS = (40, 25, 14, 10, 6, 5)
OPERATIONS = ("insert", "update", "upsert", "delete")
USERS = tuple(f"0055g00000Integ{n:02d}AA"[:18] for n in range(8))
FIRST_NAMES = (
    "Anna",
    "Björn",
    "Chen",
    "Dana",
    "Émile",
    "Farah",
    "Gustav",
    "Hana",
    "Ivan",
    "Jun",
    "Nguyễn",
    "Zoë",
)
LAST_NAMES = (
    "Meyer",
    "Okafor",
    "Smith",
    "Lind",
    "Rossi",
    "Kowalski",
    "Tanaka",
    "O'Brien",
    "García",
    "Dubois",
)
COMPANIES = ("Acme Corp", "Müller & Söhne GmbH", "Globex", "Initech", "Umbrella plc", '"Quoted" Ltd', "Hooli")


@dataclass
class _Jobs:
    """The jobs of one generated sync, one array entry per job."""

    sizes: np.ndarray
    times: np.ndarray
    objects: np.ndarray
    operations: np.ndarray
    ids: np.ndarray
    sources: np.ndarray
    users: np.ndarray
    batches: np.ndarray
    job_level: np.ndarray

    def summaries(self, tz: tzinfo | None) -> list[JobSummary]:
        """What the engine lists for these jobs (all finished and read)."""
        stamps = pd.to_datetime(self.times, utc=True).strftime("%Y-%m-%dT%H:%M:%S.%f").str[:-3] + "+0000"
        return [
            JobSummary(
                job_id=str(job_id),
                source=str(source),
                state="Failed" if level and source != SOURCE_APEX else "JobComplete",
                system_modstamp=str(stamp),
                finished=True,
                object=str(obj),
                operation=str(operation),
                error_rows=int(size),
                read=True,
            )
            for job_id, source, level, stamp, obj, operation, size in zip(
                self.ids, self.sources, self.job_level, stamps, self.objects, self.operations, self.sizes
            )
        ]


@dataclass
class GeneratedSync:
    """One sync's worth of errors: every per-row column (Arrow), and the jobs it read."""

    columns: dict[str, pa.Array]
    jobs: list[JobSummary]
    started_at: datetime

    @property
    def rows(self) -> int:
        return len(self.columns["job_id"])


class ScaleData:
    """Generates `rows` errors over `days` days ending at `end`, one sync of `sync_rows` at a time.

    Jobs finish at random moments of those days; each sync holds the jobs of consecutive
    days, so syncs come in time order like a daily scheduled export.
    """

    def __init__(self, rows: int, end: datetime, days: int = 180, seed: int = 15) -> None:
        self.rows = rows
        self.end = end
        self.days = days
        self.rng = np.random.default_rng(seed)
        self.records = max(1000, rows // 4)  # each record fails 4 times on average
        self._job_serial = 0

    def syncs(self, sync_rows: int) -> Iterator[GeneratedSync]:
        """Syncs of about `sync_rows` rows each, oldest first, `rows` in all."""
        count = max(1, -(-self.rows // sync_rows))
        start_ns = int((self.end - timedelta(days=self.days)).timestamp() * 1e9)
        span = self.days * DAY_NS // count
        done = 0
        for n in range(count):
            rows = min(sync_rows, self.rows - done)
            lo = start_ns + n * span
            yield self.sync(rows, lo, lo + span)
            done += rows

    def sync(self, rows: int, lo_ns: int, hi_ns: int) -> GeneratedSync:
        """`rows` errors of jobs that finished between `lo_ns` and `hi_ns`."""
        jobs = self._jobs(rows, lo_ns, hi_ns)
        owner = np.repeat(np.arange(len(jobs.sizes)), jobs.sizes)
        columns = self._rows(jobs, owner)
        for name, values in (
            ("object", jobs.objects),
            ("operation", jobs.operations),
            ("job_id", jobs.ids),
            ("source", jobs.sources),
            ("created_by", jobs.users),
            ("batch_id", jobs.batches),
        ):
            columns[name] = pa.array(values, TEXT).take(pa.array(owner))
        columns["failed_at"] = pa.array((jobs.times[owner] // 10**6 * 10**6).astype("datetime64[ns]"))
        started = datetime.fromtimestamp(hi_ns / 1e9, self.end.tzinfo)
        return GeneratedSync(columns, jobs.summaries(self.end.tzinfo), started)

    def _jobs(self, rows: int, lo_ns: int, hi_ns: int) -> _Jobs:
        """The sync's jobs: mostly small, a few big (log-normal failed rows, 1..5000)."""
        rng = self.rng
        guess = rows // 50 + 10
        serial = self._job_serial + 1 + np.arange(guess)
        apex = serial % 40 == 0
        job_level = apex | (serial % 50 == 0)
        sizes = np.minimum(5000, np.maximum(1, rng.lognormal(5.0, 1.6, guess))).astype(np.int64)
        sizes[job_level] = 1  # a failed job is one row
        ends = np.cumsum(sizes)
        count = int(np.searchsorted(ends, rows)) + 1
        sizes, serial, apex, job_level = sizes[:count], serial[:count], apex[:count], job_level[:count]
        sizes[-1] -= int(ends[count - 1]) - rows
        self._job_serial += count
        objects = np.array(list(OBJECTS), dtype=object)[
            rng.choice(len(OBJECTS), count, p=_weights(OBJECT_WEIGHTS))
        ]
        sources = np.where(apex, SOURCE_APEX, np.where(serial % 9 == 0, SOURCE_BULK1, SOURCE_BULK2)).astype(
            object
        )
        ids = np.array(
            [("707" if a else "750") + f"5g{n:010d}AAA" for n, a in zip(serial, apex)], dtype=object
        )
        return _Jobs(
            sizes=sizes,
            times=np.sort(rng.integers(lo_ns, hi_ns, count)),
            objects=np.where(apex, "LeadScoring", objects).astype(object),
            operations=np.where(apex, "BatchApex", np.array(OPERATIONS, dtype=object)[serial % 4]).astype(
                object
            ),
            ids=ids,
            sources=sources,
            users=np.array(USERS, dtype=object)[serial % len(USERS)],
            batches=np.where(sources == SOURCE_BULK1, ["751" + i[3:] for i in ids], "").astype(object),
            job_level=job_level,
        )

    def _rows(self, jobs: _Jobs, owner: np.ndarray) -> dict[str, pa.Array]:
        """The per-row columns: record-level errors of each job, or its one job-level row."""
        rng, size = self.rng, len(owner)
        pattern = rng.choice(len(PATTERNS), size=size, p=_weights(PATTERN_WEIGHTS))
        record = rng.integers(0, self.records, size)
        values = self._values(record)
        job_level = jobs.job_level[owner]
        failure = np.where(jobs.sources[owner] == SOURCE_APEX, 2, record % 2)
        codes = _pick(tuple(p[0] for p in PATTERNS), pattern)
        message = self._messages(pattern, record, values)
        fields = _pick(tuple(p[2] for p in PATTERNS), pattern)
        objects = jobs.objects[owner]
        inputs = _repeat("", size)
        for obj, names in OBJECTS.items():
            mask = pa.array((objects == obj) & ~job_level)
            rows = json_objects(names, [pc.filter(values[n], mask) for n in names], pc.sum(mask).as_py() or 0)
            inputs = pc.replace_with_mask(inputs, mask, rows) if len(rows) else inputs
        operations = jobs.operations[owner]
        sf_ids = _ids("00Q", record)
        sf_ids = pc.if_else(pa.array(operations != "insert"), sf_ids, _repeat("", size))
        source_ids = pc.if_else(
            pa.array(objects == "Lead"), values["Marketo_Lead_ID__c"], values["External_Id__c"]
        )
        error_text = pc.binary_join_element_wise(codes, message, fields, _text(":"))
        keys = row_keys(hash_texts(error_text), inputs, group=owner)
        starts = np.cumsum(jobs.sizes) - jobs.sizes
        positions = pc.cast(pa.array(np.arange(size) - starts[owner]), TEXT)
        keys = pc.if_else(pa.array(jobs.sources[owner] == SOURCE_BULK1), positions, keys)
        level = pa.array(job_level)
        empty = _repeat("", size)
        job_key = pa.array(np.where(jobs.sources[owner] == SOURCE_BULK1, "batch", "job"), TEXT)
        return {
            "failed_on": pc.if_else(level, _repeat(JOB_LEVEL, size), _repeat(RECORD_LEVEL, size)),
            "error_type": pc.if_else(level, _pick(tuple(f[0] for f in JOB_FAILURES), failure), codes),
            "message": pc.if_else(level, _pick(tuple(f[1] for f in JOB_FAILURES), failure), message),
            "job_state": pc.if_else(level, _pick(tuple(f[2] for f in JOB_FAILURES), failure), empty),
            "fields": pc.if_else(level, empty, fields),
            "salesforce_id": pc.if_else(level, empty, sf_ids),
            "source_id": pc.if_else(level, empty, source_ids),
            "input_row": inputs,
            "row_key": pc.if_else(level, job_key, keys),
        }

    def _values(self, record: np.ndarray) -> dict[str, pa.Array]:
        """Every input column for these records (a record always has the same values)."""
        first = _pick(FIRST_NAMES, record % len(FIRST_NAMES))
        last = _pick(LAST_NAMES, (record // 7) % len(LAST_NAMES))
        number = pc.cast(pa.array(record), TEXT)
        email = _join(pc.utf8_lower(first), number, "@example.com")
        values = {
            "FirstName": first,
            "LastName": last,
            "Name": _join(_pick(COMPANIES, record % len(COMPANIES)), " ", number),
            "Company": _pick(COMPANIES, record % len(COMPANIES)),
            "Email": email,
            "PostalCode": pc.cast(pa.array(10000 + record % 89999), TEXT),
            "Rating": _pick(("Hot", "Warm", "Cold", "Very hot"), record % 4),
            "Marketo_Lead_ID__c": number,
            "External_Id__c": _join("EXT-", number),
            "AccountId": _ids("001", record // 3),
            "MailingPostalCode": pc.cast(pa.array(20000 + record % 79999), TEXT),
            "BillingCity": _pick(("Berlin", "Lyon", "Osaka", "Austin", "Zürich"), record % 5),
            "BillingPostalCode": pc.cast(pa.array(30000 + record % 69999), TEXT),
            "AnnualRevenue": pc.cast(pa.array(record * 1000 % 9_999_999), TEXT),
            "OwnerId": _ids("005", record % 50),
            "StageName": _pick(("Prospecting", "Closed Won", "Negotiation"), record % 3),
            "CloseDate": _pick(("2026-12-31", "2027-01-15", "2027-03-01"), record % 3),
            "Amount": pc.cast(pa.array(record % 100_000), TEXT),
            "CampaignId": _ids("701", record % 200),
            "LeadId": _ids("00Q", record),
            "Status": _pick(("Sent", "Responded", "New", "Working"), record % 4),
            "Subject": _pick(("Login fails", "Invoice missing", "Upgrade"), record % 3),
            "Priority": _pick(("High", "Medium", "Low"), record % 3),
            "ContactId": _ids("003", record),
        }
        return values

    def _messages(self, pattern: np.ndarray, record: np.ndarray, values: dict[str, pa.Array]) -> pa.Array:
        """Each row's message: its pattern with the placeholders filled from the record."""
        texts = pa.array([p[1] for p in PATTERNS], TEXT).take(pa.array(pattern))
        fills = {
            "{id}": _ids("00Q", (record * 7919) % max(self.records, 1)),
            "{email}": pc.replace_substring(values["Email"], "@", "@@"),
            "{value}": _join(values["Company"], " ", pc.cast(pa.array(record % 97), TEXT)),
            "{number}": pc.cast(pa.array(record % 100_000), TEXT),
        }
        for placeholder, fill in fills.items():
            uses = np.array([placeholder in p[1] for p in PATTERNS])[pattern]
            if not uses.any():
                continue
            where = pa.array(uses)
            parts = pc.split_pattern(pc.filter(texts, where), placeholder, max_splits=1)
            filled = _join(pc.list_element(parts, 0), pc.filter(fill, where), pc.list_element(parts, 1))
            texts = pc.replace_with_mask(texts, where, filled.cast(TEXT))
        return texts


def _weights(weights: tuple[int, ...]) -> np.ndarray:
    array = np.asarray(weights, dtype=float)
    shares: np.ndarray = array / array.sum()
    return shares


def _join(*parts: pa.Array | str) -> pa.Array:
    """Concatenate arrays and constant texts element-wise."""
    return pc.binary_join_element_wise(*(_text(p) if isinstance(p, str) else p for p in parts), _text(""))


def _text(value: str) -> pa.Scalar:
    return pa.scalar(value, TEXT)


def _repeat(value: str, length: int) -> pa.Array:
    return pa.repeat(pa.scalar(value, TEXT), length)


def _pick(choices: tuple[str, ...], index: np.ndarray) -> pa.Array:
    return pa.array(choices, TEXT).take(pa.array(index))


def _ids(prefix: str, numbers: np.ndarray) -> pa.Array:
    """18-character Salesforce-like IDs: prefix, '5g', zero-padded number, 'AAA'."""
    digits = pc.utf8_lpad(pc.cast(pa.array(numbers), TEXT), 10, "0")
    return _join(prefix + "5g", digits, "AAA")
