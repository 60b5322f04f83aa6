"""Hand-written Bulk API 1.0, Apex and login fixtures of the independent org (per SALESFORCE.md).

Bulk 1.0 answers job and batch info in XML with the dataload namespace and `…Z` dates, result
and request CSVs paired by position; Apex answers `/query` with nested `ApexClass` and
`attributes`. The expected export is NOT derived from here: the test writes it out by hand.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from .fixtures_bulk2 import ADMIN_ID, INTEGRATION_USER_ID, ORG_ID, Bulk2Job, listing_entry

logger = logging.getLogger(__name__)

DATALOAD_NS = "http://www.force.com/2009/06/asyncapi/dataload"


@dataclass(frozen=True)
class ClassicBatch:
    """One Bulk 1.0 batch: its <batchInfo> and, when it has failed rows, result + request CSVs."""

    info: str
    result: bytes = b""
    request: bytes = b""


@dataclass(frozen=True)
class ClassicJob:
    """A Bulk 1.0 job: its list entry, XML job info and batches by id."""

    job: Bulk2Job
    api: str
    info_xml: str
    batches: dict[str, ClassicBatch] = field(default_factory=dict)


def _job_info(
    job_id: str,
    operation: str,
    sobject: str,
    stamp_z: str,
    api: str,
    *,
    external: str = "",
    batches_failed: int,
    batches_completed: int,
    processed: int,
    failed: int,
) -> str:
    ext = f"\n <externalIdFieldName>{external}</externalIdFieldName>" if external else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><jobInfo\n   xmlns="{DATALOAD_NS}">\n'
        f" <id>{job_id}</id>\n <operation>{operation}</operation>\n <object>{sobject}</object>\n"
        f" <createdById>{INTEGRATION_USER_ID}</createdById>\n"
        f" <createdDate>{stamp_z[:11]}08:00:00.000Z</createdDate>\n"
        f" <systemModstamp>{stamp_z}</systemModstamp>\n <state>Closed</state>{ext}\n"
        " <concurrencyMode>Parallel</concurrencyMode>\n <contentType>CSV</contentType>\n"
        " <numberBatchesQueued>0</numberBatchesQueued>\n"
        " <numberBatchesInProgress>0</numberBatchesInProgress>\n"
        f" <numberBatchesCompleted>{batches_completed}</numberBatchesCompleted>\n"
        f" <numberBatchesFailed>{batches_failed}</numberBatchesFailed>\n"
        f" <numberBatchesTotal>{batches_completed + batches_failed}</numberBatchesTotal>\n"
        f" <numberRecordsProcessed>{processed}</numberRecordsProcessed>\n"
        f" <numberRetries>0</numberRetries>\n <apiVersion>{api}</apiVersion>\n"
        f" <numberRecordsFailed>{failed}</numberRecordsFailed>\n"
        " <totalProcessingTime>2087</totalProcessingTime>\n"
        " <apiActiveProcessingTime>1900</apiActiveProcessingTime>\n"
        " <apexProcessingTime>0</apexProcessingTime>\n</jobInfo>"
    )


def _batch_info(
    batch_id: str, job_id: str, state: str, stamp_z: str, processed: int, failed: int, message: str = ""
) -> str:
    state_message = f"\n  <stateMessage>{message}</stateMessage>" if message else ""
    return (
        f" <batchInfo>\n  <id>{batch_id}</id>\n  <jobId>{job_id}</jobId>\n  <state>{state}</state>"
        f"{state_message}\n  <createdDate>{stamp_z[:11]}08:00:01.000Z</createdDate>\n"
        f"  <systemModstamp>{stamp_z}</systemModstamp>\n"
        f"  <numberRecordsProcessed>{processed}</numberRecordsProcessed>\n"
        f"  <numberRecordsFailed>{failed}</numberRecordsFailed>\n"
        "  <totalProcessingTime>900</totalProcessingTime>\n"
        "  <apiActiveProcessingTime>800</apiActiveProcessingTime>\n"
        "  <apexProcessingTime>0</apexProcessingTime>\n </batchInfo>\n"
    )


def batch_list_xml(job: ClassicJob) -> str:
    """The <batchInfoList> answer of GET …/job/{id}/batch."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><batchInfoList\n   xmlns="{DATALOAD_NS}">\n'
        + "".join(b.info for b in job.batches.values())
        + "</batchInfoList>"
    )


def _classic(
    job_id: str,
    operation: str,
    sobject: str,
    stamp_z: str,
    api: str,
    batches: dict[str, ClassicBatch],
    **counts: int | str,
) -> ClassicJob:
    stamp = stamp_z[:-1] + "+0000"
    created = stamp[:11] + "08:00:00.000+0000"
    listing = listing_entry(job_id, operation, sobject, created, stamp, "Closed", api, job_type="Classic")
    external = str(counts.pop("external", ""))
    info = _job_info(
        job_id, operation, sobject, stamp_z, api, external=external, **{k: int(v) for k, v in counts.items()}
    )
    return ClassicJob(Bulk2Job(job_id, "Classic", listing, ""), api, info, batches)


# C01: insert on Lead: one Failed batch, one Completed batch with two failed rows among successes.
C01, B01, B02 = "7505g00000IndC01AA", "7515g00000IndB01AA", "7515g00000IndB02AA"
C01_STAMP = "2026-11-25T14:00:00.000Z"
B02_RESULT = (
    '"Id","Success","Created","Error"\n'
    '"00Q5g00000IndR31AA","true","true",""\n'
    '"","false","false","REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --"\n'
    '"00Q5g00000IndR33AA","true","true",""\n'
    '"","false","false","INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST:+Premium: bad value for restricted '
    'picklist field: +Premium:Tier__c --"\n'
    '"00Q5g00000IndR35AA","true","true",""\n'
)
B02_REQUEST = (
    "LastName,Company,Tier__c,Marketo_Lead_ID__c\n"
    "Smith,Acme,Gold,1001\n"
    ",Initech,Gold,1002\n"
    "Ng,東京 Trading,Silver,1003\n"
    'Kowalski,"Umbrella, Ltd.",+Premium,=1004\n'
    "Dupont,Ørsted,Gold,1005\n"
)

# C02: upsert on Contact by Legacy_Key__c (the request also has External_Id__c: the job's
# external-ID field must win).
C02, B03, B04 = "7505g00000IndC02AA", "7515g00000IndB03AA", "7515g00000IndB04AA"
C02_STAMP = "2026-11-25T14:30:00.000Z"
B03_RESULT = (
    '"Id","Success","Created","Error"\n'
    '"0035g00000IndR41AA","true","false",""\n'
    '"","false","false","DUPLICATE_EXTERNAL_ID:Legacy Key: more than one record found for external id '
    'field: [0035g00000IndR41AA, 0035g00000IndR42AA]:Legacy_Key__c --"\n'
)
B03_REQUEST = (
    '"Legacy_Key__c","LastName","Email","External_Id__c"\n'
    '"K-1","Ødegaard","o@example.com","E-1"\n'
    '"K-2 €","Nguyễn","n@example.com","E-2"\n'
)

# B04: all rows succeeded (nothing to read, but answered like Salesforce would if asked).
B04_RESULT = (
    '"Id","Success","Created","Error"\n'
    '"0035g00000IndR51AA","true","true",""\n'
    '"0035g00000IndR52AA","true","false",""\n'
    '"0035g00000IndR53AA","true","true",""\n'
)
B04_REQUEST = (
    '"Legacy_Key__c","LastName","Email","External_Id__c"\n'
    '"K-3","Lund","l@example.com","E-3"\n'
    '"K-4","Berg","b@example.com","E-4"\n'
    '"K-5","Holm","h@example.com","E-5"\n'
)

# C03: finished before the window, with a failed batch: must not appear.
C03, B05 = "7505g00000IndC03AA", "7515g00000IndB05AA"
C03_STAMP = "2026-11-19T09:00:00.000Z"

NOT_FOUND_MESSAGE = "InvalidBatch : Records not found"

CLASSIC_JOBS: tuple[ClassicJob, ...] = (
    _classic(
        C01,
        "insert",
        "Lead",
        C01_STAMP,
        "58.0",
        {
            B01: ClassicBatch(_batch_info(B01, C01, "Failed", C01_STAMP, 0, 0, NOT_FOUND_MESSAGE)),
            B02: ClassicBatch(
                _batch_info(B02, C01, "Completed", C01_STAMP, 5, 2),
                B02_RESULT.encode("utf-8"),
                B02_REQUEST.encode("utf-8"),
            ),
        },
        batches_failed=1,
        batches_completed=1,
        processed=5,
        failed=2,
    ),
    _classic(
        C03,
        "insert",
        "Account",
        C03_STAMP,
        "58.0",
        {
            B05: ClassicBatch(_batch_info(B05, C03, "Failed", C03_STAMP, 0, 0, NOT_FOUND_MESSAGE)),
        },
        batches_failed=1,
        batches_completed=0,
        processed=0,
        failed=0,
    ),
    _classic(
        C02,
        "upsert",
        "Contact",
        C02_STAMP,
        "62.0",
        {
            B03: ClassicBatch(
                _batch_info(B03, C02, "Completed", C02_STAMP, 2, 1),
                B03_RESULT.encode("utf-8"),
                B03_REQUEST.encode("utf-8"),
            ),
            B04: ClassicBatch(
                _batch_info(B04, C02, "Completed", C02_STAMP, 3, 0),
                B04_RESULT.encode("utf-8"),
                B04_REQUEST.encode("utf-8"),
            ),
        },
        batches_failed=0,
        batches_completed=2,
        processed=5,
        failed=1,
        external="Legacy_Key__c",
    ),
)


def _apex(
    job_id: str,
    class_id: str,
    class_name: str,
    job_type: str,
    status: str,
    extended: str | None,
    errors: int,
    completed: str,
) -> tuple[str, str, int, str]:
    """(record JSON text with `{ver}` for the API version, Status, NumberOfErrors, CompletedDate)."""
    ext = "null" if extended is None else f'"{extended}"'
    record = (
        f'{{"attributes":{{"type":"AsyncApexJob","url":"/services/data/v{{ver}}/sobjects/AsyncApexJob/'
        f'{job_id}"}},"Id":"{job_id}","ApexClass":{{"attributes":{{"type":"ApexClass",'
        f'"url":"/services/data/v{{ver}}/sobjects/ApexClass/{class_id}"}},"Name":"{class_name}"}},'
        f'"JobType":"{job_type}","Status":"{status}","ExtendedStatus":{ext},"NumberOfErrors":{errors},'
        f'"JobItemsProcessed":10,"TotalJobItems":10,"CreatedDate":"{completed[:11]}06:00:00.000+0000",'
        f'"CompletedDate":"{completed}","CreatedById":"{ADMIN_ID}"}}'
    )
    return record, status, errors, completed


A01, A02, A03 = "7075g00000IndA01AA", "7075g00000IndA02AA", "7075g00000IndA03AA"
A04, A05 = "7075g00000IndA04AA", "7075g00000IndA05AA"
A01_STATUS = (
    "First error: Update failed. First exception on row 0 with id 00Q5g00000IndR01AA; first error: "
    "UNABLE_TO_LOCK_ROW, unable to obtain exclusive access to this record: []"
)
APEX_JOBS: tuple[tuple[str, str, int, str], ...] = (
    _apex(
        A01,
        "01p5g00000IndX1AAA",
        "LeadScoringBatch",
        "BatchApex",
        "Failed",
        A01_STATUS,
        1,
        "2026-11-25T15:00:00.000+0000",
    ),
    _apex(
        A02,
        "01p5g00000IndX2AAA",
        "NightlyDedupe",
        "BatchApex",
        "Completed",
        "First error: Attempt to de-reference a null object",
        3,
        "2026-11-25T15:30:00.000+0000",
    ),
    _apex(
        A03,
        "01p5g00000IndX3AAA",
        "SyncQueueable",
        "Queueable",
        "Aborted",
        None,
        0,
        "2026-11-25T16:00:00.000+0000",
    ),
    # One second before the window: the query's `CompletedDate >= since` leaves it out.
    _apex(
        A04,
        "01p5g00000IndX1AAA",
        "LeadScoringBatch",
        "BatchApex",
        "Failed",
        "First error: TOO_EARLY",
        1,
        "2026-11-21T23:59:59.000+0000",
    ),
    # Completed without errors: the query's status condition leaves it out.
    _apex(
        A05,
        "01p5g00000IndX2AAA",
        "NightlyDedupe",
        "BatchApex",
        "Completed",
        None,
        0,
        "2026-11-25T17:00:00.000+0000",
    ),
)

USERINFO = (
    f'{{"sub":"https://login.salesforce.com/id/{ORG_ID}/{ADMIN_ID}","user_id":"{ADMIN_ID}",'
    f'"organization_id":"{ORG_ID}","preferred_username":"admin@independent.example",'
    '"nickname":"admin","name":"Indie Admin","email":"admin@independent.example",'
    '"email_verified":true,"zoneinfo":"Europe/Berlin","locale":"de_DE","user_type":"STANDARD",'
    '"active":true,"is_app_installed":true}'
)


def _assignment(pa_id: str, ps_id: str, view_setup: str, integrations: str, modify_all: str, api: str) -> str:
    return (
        f'{{"attributes":{{"type":"PermissionSetAssignment","url":"/services/data/v{{ver}}/sobjects/'
        f'PermissionSetAssignment/{pa_id}"}},"PermissionSet":{{"attributes":{{"type":"PermissionSet",'
        f'"url":"/services/data/v{{ver}}/sobjects/PermissionSet/{ps_id}"}},'
        f'"PermissionsViewSetup":{view_setup},"PermissionsManageDataIntegrations":{integrations},'
        f'"PermissionsModifyAllData":{modify_all},"PermissionsApiEnabled":{api}}}}}'
    )


# The admin is an admin only through the union: the profile's set grants View Setup + API
# Enabled, a permission set grants Manage Data Integrations (no Modify All Data anywhere).
PERMISSION_RECORDS = (
    _assignment("0Pa5g00000IndP1AAA", "0PS5g00000IndS1AAA", "true", "false", "false", "true"),
    _assignment("0Pa5g00000IndP2AAA", "0PS5g00000IndS2AAA", "false", "true", "false", "false"),
)
