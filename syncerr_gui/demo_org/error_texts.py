"""The error texts of the demo org's generated jobs, as Salesforce words them: record-level
`sf__Error` texts with the objects they fail on and their weights, causes that start or stop
mid-week, Bulk 1.0 batch and Bulk 2.0 job failures, Apex job failures, and how often a
record fails again."""

from __future__ import annotations

from syncerr_gui.demo_org.values import BOLD_PAYLOAD, IMG_PAYLOAD

# (sf__Error text, weight). Objects listed may see the error; "*" = any object.
ERRORS: tuple[tuple[str, str, int], ...] = (
    ("Lead", "REQUIRED_FIELD_MISSING:Required fields are missing: [Company]:Company --", 12),
    ("Lead,Contact", "REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --", 10),
    (
        "Opportunity",
        "REQUIRED_FIELD_MISSING:Required fields are missing: [Name, StageName, CloseDate]:Name,StageName,CloseDate --",
        6,
    ),
    ("Lead", "FIELD_CUSTOM_VALIDATION_EXCEPTION:Lead must have a Company, please fix:--", 8),
    (
        "Lead,Contact,Account",
        "FIELD_CUSTOM_VALIDATION_EXCEPTION:Phone must look like: +CC NNN NNN NNNN:Phone --",
        5,
    ),
    ("Lead,Contact,Account", "DUPLICATES_DETECTED:Use one of these records?:--", 9),
    (
        "Lead,Contact",
        "DUPLICATE_VALUE:duplicate value found: Marketo_Lead_ID__c duplicates value on record with id: {id}:--",
        3,
    ),
    (
        "Lead,Contact",
        "DUPLICATE_EXTERNAL_ID:Marketo Lead ID: more than one record found for external id field: [00Q5g00000AbCdEEAA, 00Q5g00000XyZaBEAA]:Marketo_Lead_ID__c --",
        2,
    ),
    (
        "Lead,Account",
        "STRING_TOO_LONG:Company: data value too large: Müller & Söhne Gesellschaft für Industrieautomation und Anlagenbau mbH (max length=40):Company --",
        4,
    ),
    ("Lead,Contact", "INVALID_EMAIL_ADDRESS:Email: invalid email address: jane@@example.com:Email --", 7),
    ("Lead,Contact", f"INVALID_EMAIL_ADDRESS:Email: invalid email address: {IMG_PAYLOAD}:Email --", 1),
    (
        "Lead,Account",
        f"STRING_TOO_LONG:Company: data value too large: {BOLD_PAYLOAD} (max length=40):Company --",
        1,
    ),
    (
        "Lead",
        "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST:Lead Source: bad value for restricted picklist field: Webinar – EMEA:LeadSource --",
        4,
    ),
    (
        "Opportunity",
        "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST:Stage: bad value for restricted picklist field: Invalid Stage:StageName --",
        3,
    ),
    (
        "*",
        "UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record or 1 records: 0015g00000XyZaBAAV:--",
        6,
    ),
    ("Contact,Opportunity,CampaignMember", "INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:--", 6),
    ("*", "ENTITY_IS_DELETED:entity is deleted:--", 2),
    (
        "Contact,Opportunity",
        "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY:insufficient access rights on cross-reference id: 0015g00000AbCdEAAV:--",
        3,
    ),
    ("*", "INSUFFICIENT_ACCESS_OR_READONLY:insufficient access rights on object id:--", 2),
    (
        "Lead",
        "CANNOT_EXECUTE_FLOW_TRIGGER:We can't save this record because the “Lead Assignment” process failed. Give your Salesforce admin these details. This error occurred when the flow tried to update records: FIELD_CUSTOM_VALIDATION_EXCEPTION: Country is required. You can look up ExceptionCode values in the SOAP API Developer Guide. Error ID: 1234567890-12345 (-987654321):--",
        3,
    ),
    ("Lead", "CANNOT_UPDATE_CONVERTED_LEAD:cannot reference converted lead:--", 3),
    (
        "Account,Contact",
        "CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY:AccountTrigger: execution of BeforeInsert\n\ncaused by: System.NullPointerException: Attempt to de-reference a null object\n\nTrigger.AccountTrigger: line 12, column 1:--",
        2,
    ),
    ("Contact,Opportunity", "MALFORMED_ID:Account ID: id value of incorrect type: 001XYZ:AccountId --", 2),
    (
        "Lead",
        "INVALID_FIELD_FOR_INSERT_UPDATE:Unable to create/update fields: IsConverted. Please check the security settings of this field and verify that it is read/write for your profile or permission set.:IsConverted --",
        1,
    ),
    (
        "Opportunity",
        "INVALID_TYPE_ON_FIELD_IN_RECORD:Close Date: value not of required type: 31/12/2026:CloseDate --",
        2,
    ),
    (
        "Opportunity",
        "NUMBER_OUTSIDE_VALID_RANGE:Amount: value outside of valid range on numeric field: 1.0E19:Amount --",
        1,
    ),
    (
        "Lead,Account",
        "INACTIVE_OWNER_OR_USER:operation performed with inactive user [0055g00000AbCdE] as owner of lead:--",
        1,
    ),
    (
        "Lead,Contact",
        "TEXT_DATA_OUTSIDE_SUPPORTED_CHARSET:Description: data contains characters outside the supported character set:Description --",
        1,
    ),
    ("*", "STORAGE_LIMIT_EXCEEDED:storage limit exceeded:--", 1),
    ("CampaignMember", "DUPLICATE_VALUE:Already a campaign member.:--", 4),
    (
        "*",
        "UNKNOWN_EXCEPTION:An unexpected error occurred. Please include this ErrorId if you contact support: 1392827374-83822 (-1127468291):--",
        1,
    ),
    ("*", "UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record --", 1),
)

BULK2_JOB_ERRORS: tuple[str, ...] = (
    "InvalidBatch : Failed to process query: INVALID_FIELD: No such column 'Marketo_Lead_Id__c' on entity 'Lead'",
    "ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is LF",
    "InvalidBatch : Field name not found : mkto71_Lead_Score__c",
    "ClientInputError : Unable to parse CSV: unterminated quoted field at line 12",
    "InternalServerError : Internal Server Error: please retry the job",
)

CLASSIC_BATCH_ERRORS: tuple[str, ...] = (
    "InvalidBatch : Records not found",
    "InvalidBatch : Field name not found : Foo__c",
    "InvalidBatch : Failed to process query: INVALID_FIELD: No such column 'Region__c' on entity 'Account'",
    "InvalidBatch : The 'upsert' batch must contain the external ID field",
)

# Causes that change during the week, so trends, New and Regressed show in `--demo`:
# (objects, sf__Error text, weight, phase, days). "until": only in jobs that finished more
# than `days` days before now (fixed mid-week); "since": only in jobs of the last `days` days.
PHASED_ERRORS: tuple[tuple[str, str, int, str, float], ...] = (
    (
        "Lead,Contact",
        "INVALID_FIELD_FOR_INSERT_UPDATE:Unable to create/update fields: mkto71_Lead_Score__c. Please check the "
        "security settings of this field and verify that it is read/write for your profile or permission set."
        ":mkto71_Lead_Score__c --",
        14,
        "until",
        3.5,
    ),
    (
        "Lead,Contact,Account",
        "CANNOT_EXECUTE_FLOW_TRIGGER:We can't save this record because the “Record Routing” process failed. Give "
        "your Salesforce admin these details. This error occurred when the flow tried to update records: "
        "UNABLE_TO_LOCK_ROW: unable to obtain exclusive access to this record. You can look up ExceptionCode "
        "values in the SOAP API Developer Guide. Error ID: 1912345678-54321 (-1234567890):--",
        24,
        "since",
        3.0,
    ),
)
# "{id}" in an error text is a record ID of each row's own.
ID_PLACEHOLDER = "{id}"
# A share of each job's rows are records that failed before: the same few per object, day
# after day (per-record recurrence, and groups whose records are fewer than their errors).
RECURRING_SHARE = 0.25
RECURRING_RECORDS = 120
RECURRING_BASE = 5_000_000_000

APEX_FAILURES: tuple[tuple[str, str | None], ...] = (
    (
        "Failed",
        "First error: Insert failed. First exception on row 0; first error: REQUIRED_FIELD_MISSING, "
        "Required fields are missing: [Company]: [Company]",
    ),
    (
        "Completed",
        "First error: Update failed. First exception on row 3 with id 00Q5g00000AbCdEEAA; first error: "
        "FIELD_CUSTOM_VALIDATION_EXCEPTION, Lead must have a Company, please fix: []",
    ),
    ("Failed", "First error: Apex CPU time limit exceeded"),
    ("Aborted", None),
    ("Completed", "First error: Attempt to de-reference a null object"),
    ("Failed", "First error: Too many SOQL queries: 201"),
    (
        "Completed",
        "First error: Insert failed. First exception on row 12; first error: DUPLICATES_DETECTED, "
        "Use one of these records?: []",
    ),
    ("Failed", "First error: System.CalloutException: Read timed out"),
    (
        "Completed",
        "First error: Update failed. First exception on row 0 with id 0015g00000XyZaBAAV; first error: "
        "UNABLE_TO_LOCK_ROW, unable to obtain exclusive access to this record or 1 records: "
        "0015g00000XyZaBAAV: []",
    ),
)

APEX_CLASSES: tuple[tuple[str, str], ...] = (
    ("LeadScoringBatch", "BatchApex"),
    ("MarketoSyncQueueable", "Queueable"),
    ("AccountDedupeBatch", "BatchApex"),
    ("NightlyCleanupScheduler", "ScheduledApex"),
    ("ContactEnrichmentFuture", "Future"),
    ("OpportunityRollupBatch", "BatchApex"),
)
