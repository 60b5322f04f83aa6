"""Hand-written Bulk API 2.0 fixtures of the independent org, byte-exact per SALESFORCE.md.

Why so tricky: every value a careless reader could bend is here — UTF-8 served as `text/csv`
without a charset (Müller, 東京, an emoji), commas, doubled quotes, embedded newlines, a
leading tab or CR, values and messages that a spreadsheet would run as formulas, messages
with colons inside, a quoted and an unquoted original header, a PIPE-delimited answer, job
states that must and must not give rows, and a job that finished before the test's window.
The expected export is NOT derived from here: the test writes it out by hand.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

logger = logging.getLogger(__name__)

ORG_ID = "00D5g00000IndPdEAB"
ADMIN_ID = "0055g00000AdmInAAA"
INTEGRATION_USER_ID = "0055g00000IntUsrAA"
ACCESS_TOKEN = "00D5g00000IndPd!AQ8AQ.independent-conformance-token"


@dataclass(frozen=True)
class Bulk2Job:
    """One ingest job as the org answers it: list entry, job info, failedResults body."""

    id: str
    job_type: str  # "V2Ingest" (this module) or "Classic" (fixtures_other)
    listing: str  # the entry of GET jobs/ingest (JSON object text)
    info: str  # GET jobs/ingest/{id} (JSON text); "" for Classic jobs
    failed_results: bytes = b""


def listing_entry(
    job_id: str,
    operation: str,
    sobject: str,
    created: str,
    stamp: str,
    state: str,
    api: str,
    job_type: str = "V2Ingest",
    delimiter: str = "COMMA",
) -> str:
    """A list entry: only the fields SALESFORCE.md says the list carries (no counts, no errorMessage)."""
    content_url = f'"services/data/v{api}/jobs/ingest/{job_id}/batches"' if job_type == "V2Ingest" else "null"
    return (
        f'{{"id":"{job_id}","operation":"{operation}","object":"{sobject}",'
        f'"createdById":"{INTEGRATION_USER_ID}","createdDate":"{created}","systemModstamp":"{stamp}",'
        f'"state":"{state}","concurrencyMode":"Parallel","contentType":"CSV","apiVersion":{api},'
        f'"jobType":"{job_type}","lineEnding":"LF","columnDelimiter":"{delimiter}",'
        f'"contentUrl":{content_url}}}'
    )


def _info(
    job_id: str,
    operation: str,
    sobject: str,
    created: str,
    stamp: str,
    state: str,
    *,
    failed: int | None,
    processed: int,
    external: str = "",
    error: str = "",
    delimiter: str = "COMMA",
) -> str:
    """Job info in Salesforce's key order; `failed=None` leaves numberRecordsFailed out."""
    parts = [
        f'"id":"{job_id}"',
        f'"operation":"{operation}"',
        f'"object":"{sobject}"',
        f'"createdById":"{INTEGRATION_USER_ID}"',
        f'"createdDate":"{created}"',
        f'"systemModstamp":"{stamp}"',
        f'"state":"{state}"',
    ]
    if external:
        parts.append(f'"externalIdFieldName":"{external}"')
    parts += [
        '"concurrencyMode":"Parallel"',
        '"contentType":"CSV"',
        '"apiVersion":66.0',
        '"jobType":"V2Ingest"',
        '"lineEnding":"LF"',
        f'"columnDelimiter":"{delimiter}"',
        f'"numberRecordsProcessed":{processed}',
    ]
    if failed is not None:
        parts.append(f'"numberRecordsFailed":{failed}')
    parts += [
        '"retries":0',
        '"totalProcessingTime":1520',
        '"apiActiveProcessingTime":1304',
        '"apexProcessingTime":211',
    ]
    if error:
        parts.append(f'"errorMessage":{error}')  # already JSON text
    return "{" + ",".join(parts) + "}"


def _job(
    job_id: str,
    operation: str,
    sobject: str,
    stamp: str,
    state: str,
    *,
    failed: int | None,
    processed: int,
    csv_text: str = "",
    external: str = "",
    error: str = "",
    delimiter: str = "COMMA",
) -> Bulk2Job:
    created = stamp[:11] + "08:00:00.000+0000"
    return Bulk2Job(
        id=job_id,
        job_type="V2Ingest",
        listing=listing_entry(job_id, operation, sobject, created, stamp, state, "66.0", delimiter=delimiter),
        info=_info(
            job_id,
            operation,
            sobject,
            created,
            stamp,
            state,
            failed=failed,
            processed=processed,
            external=external,
            error=error,
            delimiter=delimiter,
        ),
        failed_results=csv_text.encode("utf-8"),
    )


# J01: upsert on Lead by Legacy_Key__c (NOT one of the default source-ID columns, and the file
# also has External_Id__c: the external-ID field must win). Quoted original header.
J01 = "7505g00000IndJ01AA"
J01_CSV = (
    '"sf__Id","sf__Error","Legacy_Key__c","LastName","Company","City","External_Id__c"\n'
    '"00Q5g00000IndR01AA","FIELD_CUSTOM_VALIDATION_EXCEPTION:Bitte Firma für Müller angeben.\n'
    'Please enter a company.:Company --","LK-1 Müller","Müller","","München","EXT-1"\n'
    '"","REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --",'
    '"東京-0002","","東京商事","東京","EXT-2"\n'
    '"00Q5g00000IndR03AA","DUPLICATE_VALUE:duplicate value found: Email__c duplicates value on record '
    'with id: 00Q5g00000IndR09AA:Email__c --","LK-3 ""O\'Brien, Jr."" 🚀","O""Brien, Jr.",'
    '"Acme, Inc. 🚀","Cork","EXT-3"\n'
    '"","STRING_TOO_LONG:ShortTextField: data value too large: ££££ (max length=10):ShortTextField__c --",'
    '"LK-4\nzweite Zeile","Weiß","Globex","Paris","EXT-4"\n'
    '"","INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:--",'
    '"=HYPERLINK(""https://evil.example/?x=1"",""open"")","Doe","Initech","Austin","EXT-5"\n'
    '"","FIELD_CUSTOM_VALIDATION_EXCEPTION:=1+2 is not a valid score:Score__c --",'
    '"+49 30 1234567","Roe","Hooli","Berlin","EXT-6"\n'
    '"","@mention is not allowed here","-7","Poe","Stark","Boston","EXT-7"\n'
    '"","FIELD_CUSTOM_VALIDATION_EXCEPTION:Value ""Gold, Plus"" is not allowed:Tier__c --",'
    '"\tTAB-8","Tab","Wayne","Gotham","EXT-8"\n'
    '"","UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record --",'
    '"LK-9","Lock","Umbrella","Raccoon City","EXT-9"\n'
    '"","CANNOT_EXECUTE_FLOW_TRIGGER:-1 is not a valid discount: Lead_Discount_Flow:Discount__c --",'
    '"LK-10","Flow","Cyberdyne","Sunnyvale","EXT-10"\n'
    '"","DUPLICATES_DETECTED:Use one of these records?:--","\rCR-11","Dup","Soylent","Seattle","EXT-11"\n'
)

# J02: insert on Contact, UNQUOTED original header, empty sf__Id everywhere. Source_Id__c comes
# before External_Id__c in the file, but External_Id__c comes first in the default list.
J02 = "7505g00000IndJ02AA"
J02_CSV = (
    '"sf__Id","sf__Error",FirstName,LastName,Email,Source_Id__c,External_Id__c\n'
    '"","INVALID_EMAIL_ADDRESS:Email: invalid email address: jürgen@@example.com:Email --",'
    '"Jürgen","Groß","jürgen@@example.com","SRC-1","-42"\n'
    '"","REQUIRED_FIELD_MISSING:Required fields are missing: [LastName, AccountId]:LastName,AccountId --",'
    '"Zoë","","zoe@example.com","SRC-2","@ext-7"\n'
    '"","INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:--","Ana","Núñez","ana@example.com",'
    '"SRC-3",""\n'
)

# J03: update on Account created with columnDelimiter PIPE, answered with `|` (commas and a
# pipe inside values).
J03 = "7505g00000IndJ03AA"
J03_CSV = (
    '"sf__Id"|"sf__Error"|Id|Name|External_Id__c\n'
    '"0015g00000IndR20AA"|"ENTITY_IS_DELETED:entity is deleted:--"|"0015g00000IndR20AA"|'
    '"Pipe, Comma & Co"|"P-1"\n'
    '"0015g00000IndR21AA"|"INVALID_FIELD_FOR_INSERT_UPDATE:Unable to create/update fields: Name, Industry. '
    "Please check the security settings of this field and verify that it is read/write for your profile "
    'or permission set.:Name,Industry --"|"0015g00000IndR21AA"|"Straße | Söhne"|"P|2"\n'
)

# J10: created with columnDelimiter SEMICOLON but answered with commas (SALESFORCE.md: unconfirmed
# which one Salesforce uses, handle both); semicolons inside the values.
J10 = "7505g00000IndJ10AA"
J10_CSV = (
    '"sf__Id","sf__Error",LastName,Email,External_Id__c\n'
    '"","INVALID_EMAIL_ADDRESS:Email: invalid email address: a;b@example.com:Email --","Semi; Colon",'
    '"a;b@example.com","S;1"\n'
)

# J04: a Failed job that also has one failed record (Failed does not roll back what succeeded).
J04 = "7505g00000IndJ04AA"
J04_CSV = (
    '"sf__Id","sf__Error","LastName","Company","Marketo_Lead_ID__c","mkto71_Lead_Id__c"\n'
    '"","CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY:LeadTrigger: execution of BeforeInsert caused by: '
    "System.NullPointerException: Attempt to de-reference a null object: Trigger.LeadTrigger: line 12, "
    'column 1:--","Ito","伊藤商店","M-77","m71-77"\n'
)

# J07: still InProgress (must not be read); J08: finished before the window (must not appear).
J07, J08 = "7505g00000IndJ07AA", "7505g00000IndJ08AA"
UNREAD_CSV = (
    '"sf__Id","sf__Error","LastName","Company","External_Id__c"\n'
    '"","REQUIRED_FIELD_MISSING:Required fields are missing: [Company]:Company --","Never","","NOPE-1"\n'
)
J05, J06, J09 = "7505g00000IndJ05AA", "7505g00000IndJ06AA", "7505g00000IndJ09AA"

BULK2_JOBS: tuple[Bulk2Job, ...] = (
    _job(
        J01,
        "upsert",
        "Lead",
        "2026-11-25T10:00:00.000+0000",
        "JobComplete",
        failed=11,
        processed=20,
        csv_text=J01_CSV,
        external="Legacy_Key__c",
    ),
    _job(
        J08,
        "insert",
        "Lead",
        "2026-11-20T08:00:00.000+0000",
        "JobComplete",
        failed=1,
        processed=4,
        csv_text=UNREAD_CSV,
    ),
    _job(
        J02,
        "insert",
        "Contact",
        "2026-11-25T10:30:00.000+0000",
        "JobComplete",
        failed=3,
        processed=9,
        csv_text=J02_CSV,
    ),
    _job(
        J03,
        "update",
        "Account",
        "2026-11-25T11:00:00.000+0000",
        "JobComplete",
        failed=2,
        processed=6,
        csv_text=J03_CSV,
        delimiter="PIPE",
    ),
    _job(
        J07,
        "upsert",
        "Lead",
        "2026-11-25T13:30:00.000+0000",
        "InProgress",
        failed=1,
        processed=2,
        csv_text=UNREAD_CSV,
        external="External_Id__c",
    ),
    _job(
        J04,
        "insert",
        "Lead",
        "2026-11-25T12:00:00.000+0000",
        "Failed",
        failed=1,
        processed=3,
        csv_text=J04_CSV,
        error='"InvalidBatch : Field name not found : Foo__c"',
    ),
    _job(J05, "delete", "Opportunity", "2026-11-25T12:30:00.000+0000", "Aborted", failed=0, processed=0),
    _job(
        J06,
        "insert",
        "Case",
        "2026-11-25T13:00:00.000+0000",
        "JobComplete",
        failed=0,
        processed=5,
        csv_text='"sf__Id","sf__Error",Subject,Origin\n',
    ),
    _job(
        J09,
        "hardDelete",
        "Account",
        "2026-11-25T13:45:00.000+0000",
        "Failed",
        failed=0,
        processed=0,
        error='"Max CPU time exceeded"',
    ),
    _job(
        J10,
        "insert",
        "Contact",
        "2026-11-25T11:15:00.000+0000",
        "JobComplete",
        failed=1,
        processed=4,
        csv_text=J10_CSV,
        delimiter="SEMICOLON",
    ),
)
