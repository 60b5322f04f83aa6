"""Every reload, kept per org in the archive (table `reloads`): when, who, where, what, outcome.

A reload is written PENDING, by its job id, right after Salesforce created the job and
before the rows are uploaded, then finished with the job's outcome. A PENDING row left by a
crash or a lost network is how the next start knows which job to look up
(`core.reload.ingest.recover_outcome`). No token, password or session id is ever stored:
the user's name, the org's id and host, and whether it is production.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import UTC, datetime, timedelta

from syncerr_gui.core.reload.batch import PENDING, ReloadOutcome, ReloadRecord, ReloadTarget, RowOutcome

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_COLUMNS = (
    "job_id, started_at, username, org_id, org_host, is_production, object, operation, "
    "external_id, rows, state, succeeded, failed, unprocessed, note, origins"
)
Guard = Callable[[], AbstractContextManager[None]]


class ReloadLedger:
    """The `reloads` table of one archive, behind the archive's lock and transactions."""

    def __init__(
        self,
        con: sqlite3.Connection,
        lock: threading.RLock,
        errors: Callable[[str], AbstractContextManager[None]],
        transaction: Guard,
    ) -> None:
        self._con, self._lock, self._errors, self._transaction = con, lock, errors, transaction

    def record_reload(self, record: ReloadRecord) -> None:
        """Keep `record` (normally PENDING, before the upload); the same job id replaces its row."""
        values = (
            record.job_id,
            _ns(record.started_at),
            record.username,
            record.org_id,
            record.org_host,
            int(record.is_production),
            record.target.object_name,
            record.target.operation,
            record.target.external_id,
            record.rows,
            record.state,
            record.succeeded,
            record.failed,
            record.unprocessed,
            record.note,
            json.dumps(list(record.origins)),
        )
        with self._lock, self._errors("write to"), self._transaction():
            self._con.execute(
                f"INSERT OR REPLACE INTO reloads ({_COLUMNS}) VALUES ({', '.join('?' * 16)})", values
            )

    def finish_reload(self, job_id: str, outcome: ReloadOutcome) -> None:
        """Replace a reload's PENDING state with its job's outcome (state, counts, words)."""
        counts = (
            outcome.count(RowOutcome.SUCCEEDED),
            outcome.count(RowOutcome.FAILED),
            outcome.count(RowOutcome.UNPROCESSED),
        )
        with self._lock, self._errors("write to"), self._transaction():
            self._con.execute(
                "UPDATE reloads SET state = ?, succeeded = ?, failed = ?, unprocessed = ?, note = ?, "
                "finished_at = ? WHERE job_id = ?",
                (outcome.state, *counts, outcome.message, _ns(datetime.now(UTC)), job_id),
            )

    def reloads(self) -> list[ReloadRecord]:
        """Every reload, newest first."""
        return self._select("")

    def pending_reloads(self) -> list[ReloadRecord]:
        """The reloads whose outcome was never recorded (interrupted), newest first."""
        return self._select(f"WHERE state = '{PENDING}'")

    def _select(self, where: str) -> list[ReloadRecord]:
        with self._lock, self._errors("read"):
            rows = self._con.execute(
                f"SELECT {_COLUMNS} FROM reloads {where} ORDER BY started_at DESC, job_id DESC"
            ).fetchall()
        return [_record(row) for row in rows]


def _record(row: tuple[object, ...]) -> ReloadRecord:
    (
        job_id,
        started,
        username,
        org_id,
        host,
        production,
        obj,
        operation,
        external,
        rows,
        state,
        succeeded,
        failed,
        unprocessed,
        note,
        origins,
    ) = row
    return ReloadRecord(
        job_id=str(job_id),
        started_at=_EPOCH + timedelta(microseconds=int(str(started)) // 1000),
        username=str(username),
        org_id=str(org_id),
        org_host=str(host),
        is_production=bool(production),
        target=ReloadTarget(str(obj), str(operation), str(external)),
        rows=int(str(rows)),
        state=str(state),
        succeeded=int(str(succeeded)),
        failed=int(str(failed)),
        unprocessed=int(str(unprocessed)),
        note=str(note),
        origins=tuple(json.loads(str(origins) or "[]")),
    )


def _ns(moment: datetime) -> int:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    delta = moment - _EPOCH
    return (delta.days * 86400 + delta.seconds) * 1_000_000_000 + delta.microseconds * 1000
