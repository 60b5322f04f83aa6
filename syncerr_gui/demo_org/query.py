"""The REST query resource: `/query?q=` with 2000-record pages and `nextRecordsUrl`."""

from __future__ import annotations

import logging
import secrets
import threading
from typing import Any

from syncerr_gui.demo_org.httpkit import Request, Response, Router
from syncerr_gui.demo_org.soql import SoqlEngine, SoqlError
from syncerr_gui.demo_org.state import OrgState

logger = logging.getLogger(__name__)

PAGE = 2000


class QueryRoutes:
    """Runs SOQL through `SoqlEngine` and pages the answer like Salesforce."""

    def __init__(self, state: OrgState) -> None:
        self.engine = SoqlEngine(state)
        self._lock = threading.Lock()
        self._cursors: dict[str, list[dict[str, Any]]] = {}

    def register(self, router: Router) -> None:
        """Add `/query` and `/query/{locator}`."""
        router.add("GET", r"/services/data/{ver}/query/?", self.query)
        router.add("GET", r"/services/data/{ver}/query/(?P<cursor>01g\w+)-(?P<offset>\d+)", self.more)

    def query(self, request: Request) -> Response:
        """First page of a query."""
        soql = request.query.get("q", "")
        try:
            records = self.engine.run(soql, request.params["ver"])
        except SoqlError as exc:
            return Response.json([{"message": exc.message, "errorCode": exc.code}], 400)
        cursor = "01g5g" + secrets.token_hex(5).upper()
        with self._lock:
            self._cursors[cursor] = records
        return self._page(cursor, records, 0, request.params["ver"])

    def more(self, request: Request) -> Response:
        """A later page of an earlier query."""
        with self._lock:
            records = self._cursors.get(request.params["cursor"])
        if records is None:
            return Response.json(
                [{"message": "invalid query locator", "errorCode": "INVALID_QUERY_LOCATOR"}], 400
            )
        return self._page(
            request.params["cursor"], records, int(request.params["offset"]), request.params["ver"]
        )

    def _page(self, cursor: str, records: list[dict[str, Any]], offset: int, ver: str) -> Response:
        page = records[offset : offset + PAGE]
        done = offset + PAGE >= len(records)
        answer: dict[str, Any] = {"totalSize": len(records), "done": done, "records": page}
        if not done:
            answer["nextRecordsUrl"] = f"/services/data/v{ver}/query/{cursor}-{offset + PAGE}"
        else:
            with self._lock:
                self._cursors.pop(cursor, None)
        return Response.json(answer)
