"""Realistic input values and error texts for the demo org's generated jobs.

Values come in many scripts and carry everything that breaks naive CSV or spreadsheet
handling: commas, double quotes, embedded newlines, and leading `=`, `+`, `-`, `@`.
"""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

# Values that look like HTML: Salesforce echoes record values into its messages, so the app
# must show these as the characters they are (an <img> that Qt loads can even kill it).
IMG_PAYLOAD = "x <img src=/dev/zero>"
BOLD_PAYLOAD = '<b style="font-size:26px;color:#c00">Your Salesforce session expired - call IT</b>'

POOLS: dict[str, tuple[str, ...]] = {
    "first": (
        "Zoë",
        "José",
        "Łukasz",
        "Søren",
        "Иван",
        "Αλέξανδρος",
        "太郎",
        "أحمد",
        "יעל",
        "प्रिया",
        "Nguyễn",
        "Ömer",
        "François",
        "😀 Joy",
        "Anne-Marie",
        "O'Brien",
        "Chloé",
        "Mia",
        "Liam",
        "Sofía",
        "=Bob",
        "",
        "Ji-woo",
        "Björn",
    ),
    "last": (
        "Müller",
        "Ødegård",
        "Петрова",
        "Παπαδόπουλος",
        "山田",
        "محمد",
        "כהן",
        "शर्मा",
        "Nguyễn Văn",
        "Smith, Jr.",
        'Say "Hi"',
        "García Márquez",
        "",
        "Dubois",
        "Kowalski",
        "Tanaka",
        "Ólafsdóttir",
        "-Minus",
        "Brown\nSecond line",
        "Schäfer",
        "Ivanova",
        "李",
        "Kim",
        "O'Connor",
    ),
    "company": (
        "Müller & Söhne GmbH",
        "ООО «Ромашка»",
        "株式会社テスト",
        "شركة الاتصالات",
        "Acme, Inc.",
        '"Quoted" Corp',
        "=cmd|' /C calc'!A0",
        "Café Zürich AG",
        "🚀 Rocket Labs",
        "Δέλτα Α.Ε.",
        'טבע בע"מ',
        "टाटा मोटर्स",
        "Line\nBreak Ltd",
        "@Sum Holdings",
        "+Plus Partners",
        "",
        "Globex Corporation",
        "Initech",
        "Société Générale des Eaux",
        "Straße & Co. KG",
        "北京科技有限公司",
        "Umbrella, Corp, and Sons",
        "-Dash Ventures",
        "Ærø Fisk A/S",
    ),
    "email": (
        "zoe.mueller@example.com",
        "jose@exämple.com",
        "jane@@example.com",
        "ivan.petrov@пример.рф",
        "taro.yamada@example.jp",
        "a.b+sync@example.org",
        "not-an-email",
        "=1+1@example.com",
        "",
        "soren@example.dk",
        "liam.o'brien@example.ie",
        "ceo@müller-söhne.de",
    ),
    "phone": (
        "+49 30 1234567",
        "+1 (415) 555-0100",
        "-555-0100",
        "+7 495 123-45-67",
        "03-1234-5678",
        "",
        "+81 3 1234 5678",
        "(0)20 7946 0958",
        "+972 3-123-4567",
        "+91 98765 43210",
    ),
    "city": (
        "München",
        "Москва",
        "東京",
        "القاهرة",
        "תל אביב",
        "मुंबई",
        "Αθήνα",
        "São Paulo",
        "Zürich",
        "Kraków",
        "Reykjavík",
        "New York, NY",
        "Montréal",
        "Hà Nội",
        "",
        "Seoul",
    ),
    "country": (
        "Germany",
        "Россия",
        "日本",
        "مصر",
        "ישראל",
        "भारत",
        "Ελλάδα",
        "Brasil",
        "Schweiz",
        "Polska",
        "Ísland",
        "United States",
        "Canada",
        "Việt Nam",
        "",
        "대한민국",
    ),
    "title": (
        "CEO",
        "Head of Marketing, EMEA",
        "Директор по продажам",
        "営業部長",
        'VP "Growth"',
        "=Manager",
        "",
        "Ingénieur",
        "مدير المبيعات",
        "Data Steward\n(interim)",
    ),
    "lead_source": ("Web", "Webinar – EMEA", "Trade Show", "Partner Referral", "Marketo", 'Hot, "very"', ""),
    "lead_status": ("Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Nurture", ""),
    "description": (
        "Met at Dreamforce; follow up in Q3",
        "Prefers e-mail: no calls",
        '=HYPERLINK("http://evil.example","click")',
        "Multi-line note\nsecond line\nthird, with comma",
        "Kunde wünscht Rückruf",
        "请尽快联系",
        "",
        "@mention the owner",
        "+1 for upsell",
        'Says: "not now"',
        "⚠️ VIP 🎉",
        IMG_PAYLOAD,
        BOLD_PAYLOAD,
    ),
    "industry": ("Technology", "Manufacturing", "Retail", "Финансы", "製造業", "Healthcare", "", "Energy"),
    "website": (
        "https://example.com",
        "www.müller-söhne.de",
        "http://пример.рф",
        "example.jp",
        "",
        "=evil.example",
    ),
    "stage": (
        "Prospecting",
        "Qualification",
        "Closed Won",
        "Closed Lost",
        "Negotiation/Review",
        "Invalid Stage",
    ),
    "close_date": ("2026-12-31", "31/12/2026", "2027-01-15", "", "2026-02-30"),
    "amount": ("15000", "1.0E19", "-250", "12,500.00", "", "99999999999999"),
    "member_status": ("Sent", "Responded", "Registered", "Attended", ""),
    "campaign_id": ("7015g000000AbCdAAK", "7015g000000XyZaAAK", "701INVALID", ""),
}

# Input columns per object: (column, pool or id kind). "#id:<prefix>" = a record id.
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "Lead": (
        ("FirstName", "first"),
        ("LastName", "last"),
        ("Company", "company"),
        ("Email", "email"),
        ("Phone", "phone"),
        ("City", "city"),
        ("Country", "country"),
        ("LeadSource", "lead_source"),
        ("Status", "lead_status"),
        ("Description", "description"),
    ),
    "Contact": (
        ("FirstName", "first"),
        ("LastName", "last"),
        ("Email", "email"),
        ("Phone", "phone"),
        ("Title", "title"),
        ("MailingCity", "city"),
        ("AccountId", "#id:001"),
    ),
    "Account": (
        ("Name", "company"),
        ("BillingCity", "city"),
        ("BillingCountry", "country"),
        ("Website", "website"),
        ("Phone", "phone"),
        ("Industry", "industry"),
    ),
    "Opportunity": (
        ("Name", "company"),
        ("AccountId", "#id:001"),
        ("StageName", "stage"),
        ("CloseDate", "close_date"),
        ("Amount", "amount"),
    ),
    "CampaignMember": (("CampaignId", "campaign_id"), ("LeadId", "#id:00Q"), ("Status", "member_status")),
}

KEY_PREFIX = {
    "Lead": "00Q",
    "Contact": "003",
    "Account": "001",
    "Opportunity": "006",
    "CampaignMember": "00v",
}

UPSERT_KEY = "Marketo_Lead_ID__c"
# Source-ID column carried by non-upsert jobs, per object (the engine's fallback list).
SOURCE_COLUMN = {
    "Lead": "mkto71_Lead_Id__c",
    "Contact": "mkto71_Lead_Id__c",
    "Account": "External_Id__c",
    "Opportunity": "Source_Id__c",
}

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
