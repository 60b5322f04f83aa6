"""Configuration and users of the demo org (plain frozen dataclasses, no behaviour)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DemoConfig:
    """What the demo org holds; everything is deterministic from `seed` (and `now`)."""

    record_errors: int = 3000  # record-level errors over all Bulk 2.0 + 1.0 jobs
    bulk2_jobs: int = 60  # Bulk 2.0 jobs listed (clean, failed, aborted, unfinished)
    classic_jobs: int = 12  # Bulk 1.0 jobs
    apex_jobs: int = 8  # AsyncApexJob rows with errors
    seed: int = 7
    days: int = 7  # jobs spread over the last `days` days before `now`
    now: datetime | None = None  # default: current UTC time at start
    page_size: int = 1000  # job-list page size
    expire_tokens_after: int | None = None  # an access token dies after N authenticated requests
    oauth_callback_port: int | None = None  # if set, redirect_uri must use exactly this port
    sandbox: bool = False  # what `SELECT IsSandbox FROM Organization` answers


@dataclass(frozen=True)
class DemoUser:
    """A user of the demo org and the access token issued to it at start-up.

    The token stops working after `DemoOrg.expire_sessions()`; log in again for a new one.
    """

    username: str
    password: str
    security_token: str
    user_id: str
    access_token: str
    display_name: str
    email: str
