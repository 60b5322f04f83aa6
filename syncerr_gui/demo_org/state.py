"""Shared state of one running demo org, handed to every route module."""

from __future__ import annotations

import logging
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from syncerr_gui.demo_org.config import DemoConfig
from syncerr_gui.demo_org.data import JobCatalog
from syncerr_gui.demo_org.faults import FaultInjector
from syncerr_gui.demo_org.ids import sf_id
from syncerr_gui.demo_org.jobs import Bulk2Job
from syncerr_gui.demo_org.records import JobRows, RecordFactory
from syncerr_gui.demo_org.sessions import SessionStore

logger = logging.getLogger(__name__)

API_LIMIT = 15000


@dataclass(frozen=True)
class UserRecord:
    """A user the demo org knows (credentials are random per start)."""

    key: str
    username: str
    password: str
    security_token: str
    user_id: str
    display_name: str
    email: str
    admin: bool
    locked: bool = False

    def __repr__(self) -> str:  # keep secrets out of logs and tracebacks
        return f"UserRecord(key={self.key!r}, username={self.username!r})"


def _user(key: str, number: int, username: str, name: str, admin: bool, locked: bool = False) -> UserRecord:
    token = "".join(
        secrets.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789") for _ in range(24)
    )
    return UserRecord(
        key,
        username,
        "Demo-" + secrets.token_urlsafe(9),
        token,
        sf_id("005", number),
        name,
        username,
        admin,
        locked,
    )


@dataclass
class OrgState:
    """Everything the routes read or change, with the locks that guard it."""

    config: DemoConfig
    org_id: str
    instance_url: str
    catalog: JobCatalog
    factory: RecordFactory
    sessions: SessionStore
    faults: FaultInjector
    client_id: str = "SyncErrorsDemo"
    users: dict[str, UserRecord] = field(default_factory=dict)
    deleted: set[str] = field(default_factory=set)
    unlisted: set[str] = field(default_factory=set)  # deleted jobs also gone from the job list
    added: list[Bulk2Job] = field(default_factory=list)  # jobs a test added while the org runs
    request_log: list[tuple[str, str]] = field(default_factory=list)
    api_used: int = 0
    stop_event: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    signing_key: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    auto_key: str = field(default_factory=lambda: secrets.token_urlsafe(24))  # authorize?auto=… needs it
    # the finished jobs created through the API and their failed rows (`ingest.IngestStore`)
    reload_rows: Callable[[], list[tuple[Bulk2Job, JobRows]]] = field(default=list)

    @staticmethod
    def make_users(domain: str = "syncerrors-demo.example") -> dict[str, UserRecord]:
        """The three interactive users: an admin, a non-admin and a locked-out one."""
        users = (
            _user("admin", 1, f"admin@{domain}", "Ada Admin", True),
            _user("non_admin", 2, f"analyst@{domain}", "Nico Analyst", False),
            _user("locked", 3, f"locked@{domain}", "Lou Locked", False, locked=True),
        )
        return {u.key: u for u in users}

    def by_username(self, username: str) -> UserRecord | None:
        """Usernames are case-insensitive in Salesforce."""
        wanted = username.strip().lower()
        return next((u for u in self.users.values() if u.username == wanted), None)

    def count_request(self, method: str, target: str) -> int:
        """Log a request and count it against the API limit; returns the usage so far."""
        with self.lock:
            self.request_log.append((method, target))
            self.api_used += 1
            return self.api_used

    def is_deleted(self, job_id: str) -> bool:
        """Whether a test deleted this job (or it aged out)."""
        with self.lock:
            return job_id in self.deleted

    def unlisted_ids(self) -> frozenset[str]:
        """Jobs also gone from the job list (aged out, or deleted with `unlist`): one lock per page."""
        with self.lock:
            return frozenset(self.unlisted)

    def added_jobs(self) -> list[Bulk2Job]:
        """The jobs added at run time, oldest first (a copy)."""
        with self.lock:
            return list(self.added)
