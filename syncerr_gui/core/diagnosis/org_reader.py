"""Every read the diagnosis makes of the org, through the sync's guarded `OrgClient`.

Polite by construction: GETs only; one describe per object for the reader's life (one
reader per sync); `IN` lists split so each query stays far inside Salesforce's URL and
SOQL length limits; a bounded number of pages; the client's timeouts, retries, cancel and
API usage count apply to every call. A refusal of Setup metadata becomes `NoSetupAccess`,
which the diagnoser turns into a note instead of an error.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any
from urllib.parse import quote

from syncerr_gui.core.diagnosis.describe import Describe
from syncerr_gui.core.exceptions import RequestFailed
from syncerr_gui.core.salesforce.client import OrgClient
from syncerr_gui.core.words import say

logger = logging.getLogger(__name__)

MAX_QUERY_CHARS = 8_000  # the GET's URL stays under 16 KB even fully percent-encoded
MAX_IN_IDS = 200  # UserRecordAccess allows at most 200 RecordIds; the rest use the same
MAX_PAGES = 20
VIEW_SETUP = "View Setup and Configuration"


class NoSetupAccess(Exception):
    """The org refused Setup metadata: the user lacks "View Setup and Configuration"."""


class OrgReader:
    """Describes (cached), Tooling queries, queries and queryAll for the diagnosis."""

    def __init__(self, client: OrgClient, describes: dict[str, Describe | None] | None = None) -> None:
        self.client = client
        self._describes: dict[str, Describe | None] = {} if describes is None else describes
        self._lock = threading.Lock()
        self.calls = 0

    def with_client(self, client: OrgClient) -> OrgReader:
        """A reader through another client (its own cancel) sharing this one's describes."""
        return OrgReader(client, self._describes)

    @property
    def instance_url(self) -> str:
        return self.client.base_url

    def describe(self, object_name: str) -> Describe | None:
        """The object's describe, read once (None when the org does not know the object)."""
        key = object_name.lower()
        with self._lock:
            if key in self._describes:
                return self._describes[key]
        try:
            found: Describe | None = Describe.of(
                self._get(f"sobjects/{quote(object_name, safe='')}/describe")
            )
        except RequestFailed as exc:
            if exc.status != 404:
                raise
            found = None
        except ValueError:
            raise RequestFailed(
                say("Salesforce sent a malformed describe of {object}.", object=object_name)
            ) from None
        with self._lock:
            self._describes[key] = found
        return found

    def tooling(self, soql: str) -> list[dict[str, Any]]:
        """Records of a Tooling API query (Setup metadata)."""
        return self._records("tooling/query", soql, setup=True)

    def query(self, soql: str, *, setup: bool = False) -> list[dict[str, Any]]:
        """Records of a query; `setup`: a refusal means the user cannot view Setup."""
        return self._records("query", soql, setup=setup)

    def query_all(self, soql: str) -> list[dict[str, Any]]:
        """Records of a queryAll: deleted (Recycle Bin) records too, with IsDeleted."""
        return self._records("queryAll", soql, setup=False)

    def in_batches(
        self,
        ids: Sequence[str],
        soql_for: Callable[[str], str],
        run: Callable[[str], list[dict[str, Any]]] | None = None,
    ) -> list[dict[str, Any]]:
        """Run `soql_for("'id1','id2',…")` over `ids` in batches that fit the limits."""
        out: list[dict[str, Any]] = []
        for batch in id_batches(ids, len(soql_for(""))):
            out.extend((run or self.query)(soql_for(",".join(f"'{i}'" for i in batch))))
        return out

    def _records(self, resource: str, soql: str, *, setup: bool) -> list[dict[str, Any]]:
        target: str | None = self.client.data_path(f"{resource}?q={quote(soql, safe='')}")
        records: list[dict[str, Any]] = []
        for _ in range(MAX_PAGES):
            if target is None:
                break
            try:
                page = self._get_target(target)
            except RequestFailed as exc:
                if setup and _refused(exc):
                    raise NoSetupAccess(str(exc)) from None
                raise
            if not isinstance(page, dict) or not isinstance(page.get("records"), list):
                raise RequestFailed(say("Salesforce sent a malformed query answer (no records)."))
            records.extend(r for r in page["records"] if isinstance(r, dict))
            following = page.get("nextRecordsUrl")
            target = following if isinstance(following, str) and following and not page.get("done") else None
        return records

    def _get(self, rest: str) -> Any:
        return self._get_target(self.client.data_path(rest))

    def _get_target(self, target: str) -> Any:
        with self._lock:
            self.calls += 1
        return self.client.get_json(target)


def id_batches(ids: Sequence[str], overhead: int) -> Iterator[list[str]]:
    """Split IDs (only ID characters are kept) so each batch's query fits the limits."""
    clean = [i for i in dict.fromkeys(ids) if i.isalnum() and len(i) in (15, 18)]
    batch: list[str] = []
    size = overhead
    for record_id in clean:
        if batch and (len(batch) >= MAX_IN_IDS or size + len(record_id) + 3 > MAX_QUERY_CHARS):
            yield batch
            batch, size = [], overhead
        batch.append(record_id)
        size += len(record_id) + 3
    if batch:
        yield batch


def _refused(exc: RequestFailed) -> bool:
    """Salesforce refuses Setup objects to users without View Setup: 403 / INSUFFICIENT_ACCESS,
    or INVALID_TYPE (the object is not even visible to them)."""
    code = exc.error_code or ""
    return (
        code.startswith("INSUFFICIENT_ACCESS")
        or code == "INVALID_TYPE"
        or (exc.status == 403 and code != "REQUEST_LIMIT_EXCEEDED")
    )


def soql_text(value: str) -> str:
    """A SOQL string literal's body: quotes and backslashes escaped."""
    return value.replace("\\", "\\\\").replace("'", "\\'")


def record_path(record_id: str) -> str:
    """The org's page of a record (relative to the instance URL)."""
    return f"/{record_id}"
