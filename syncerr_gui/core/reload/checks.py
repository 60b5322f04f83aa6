"""What a reload refuses before anything is sent: no rows, a key column missing or empty, a
delete nobody asked for by name. Each refusal says what to fix, in words."""

from __future__ import annotations

from syncerr_gui.core.exceptions import UserFacingError
from syncerr_gui.core.reload.batch import DESTRUCTIVE_OPERATIONS, ID_FIELD, OPERATIONS, UPSERT, ReloadBatch
from syncerr_gui.core.words import Words, say

MAX_ROWS_NAMED = 5


class ReloadRefused(UserFacingError):
    """A reload that will not be sent as it is; the message says why and what to do."""


def check_batch(batch: ReloadBatch, *, explicit_operation: bool = False) -> None:
    """Raise `ReloadRefused` when `batch` cannot be loaded safely as it is.

    `explicit_operation`: the admin named the operation themselves (e.g. `--operation
    delete`); a delete or hard delete taken from a file name alone is refused.
    """
    target = batch.target
    if target.operation not in OPERATIONS:
        raise ReloadRefused(
            say(
                "“{operation}” is not an operation Salesforce can load ({operations}).",
                operation=target.operation,
                operations=", ".join(OPERATIONS),
            )
        )
    if not target.object_name.strip():
        raise ReloadRefused(say("The reload names no object; say which one (e.g. --object Contact)."))
    if target.operation in DESTRUCTIVE_OPERATIONS and not explicit_operation:
        raise ReloadRefused(
            say(
                "This reload would {operation} {n} {object} records. Deleting is never taken from a "
                "file name: give the operation explicitly (--operation {operation}).",
                operation=target.operation,
                n=len(batch),
                object=target.object_name,
            )
        )
    if target.operation == UPSERT and not target.external_id:
        raise ReloadRefused(say("An upsert needs its external-ID field (e.g. --external-id Email__c)."))
    if not len(batch):
        raise ReloadRefused(say("There are no rows to reload."))
    _check_key(batch)


def _check_key(batch: ReloadBatch) -> None:
    key = batch.target.key_column()
    if not key:
        return
    what: Words = say("Salesforce ID") if key == ID_FIELD else say("external ID ({key})", key=key)
    if key not in batch.columns:
        raise ReloadRefused(
            say(
                "A {operation} needs each row's {what}, but there is no {key} column.",
                operation=batch.target.operation,
                what=what,
                key=key,
            )
        )
    at = batch.column_index(key)
    empty = [i + 1 for i, row in enumerate(batch.rows) if not row[at].strip()]
    if empty:
        named = ", ".join(str(n) for n in empty[:MAX_ROWS_NAMED]) + (
            " …" if len(empty) > MAX_ROWS_NAMED else ""
        )
        raise ReloadRefused(
            say(
                "{empty} of {n} rows have an empty {key} (rows {named}); a {operation} needs each "
                "row's {what}. Fill them in or drop those rows.",
                empty=len(empty),
                n=len(batch),
                key=key,
                named=named,
                operation=batch.target.operation,
                what=what,
            )
        )
