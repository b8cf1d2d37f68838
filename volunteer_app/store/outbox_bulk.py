"""The street outbox of a bulk insert written in one statement instead of one trigger run per row.

store/street_outbox.py enqueues every inserted row of a published table by an AFTER INSERT
trigger: for 50,000 imported residents that is 50,000 trigger runs, each working out the local
time and inserting into ``street_outbox`` (40 % of the inserts' time). A bulk import instead
drops the insert trigger inside its transaction, enqueues the new rows (``id`` above the
largest before) with one INSERT ... SELECT in ``id`` order, and creates the trigger again from
its own SQL: the same (tbl, uid, op) rows in the same order. A rollback (a cancel, a bad row
under all-or-nothing, a full disk) undoes the DROP with everything else, and leaves no rows.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .street_outbox import _NOW, _table_triggers

if TYPE_CHECKING:
    import sqlite_utils


def _insert_trigger(db: sqlite_utils.Database, table: str) -> tuple[str, str] | None:
    """The table's outbox insert trigger (name, SQL), if it is the plain one of street_outbox:
    one whose SQL enqueues more (a table a resident's fields are derived from) is left alone."""
    name = f"street_outbox_{table}_insert"
    found = db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                       [name]).fetchone()
    if found is None or found[0] != _table_triggers(table)[0]:
        return None
    return name, found[0]


@contextlib.contextmanager
def inserts_enqueued_at_end(db: sqlite_utils.Database, tables: tuple[str, ...]) -> Iterator[None]:
    """Inside one write transaction: the rows inserted into ``tables`` meanwhile are enqueued
    at the end, table by table, instead of row by row. Nothing is done when the body raises:
    the caller's rollback restores the triggers."""
    deferred = []
    for table in tables:
        trigger = _insert_trigger(db, table)
        if trigger is None:
            continue
        last = db.execute(f"SELECT coalesce(max(id), 0) FROM [{table}]").fetchone()[0]
        db.execute(f"DROP TRIGGER [{trigger[0]}]")
        deferred.append((table, trigger[1], last))
    yield
    for table, sql, last in deferred:
        db.execute(f"INSERT INTO street_outbox (tbl, uid, op, at) SELECT '{table}', uid, 'upsert', "
                   f"{_NOW} FROM [{table}] WHERE id > ? ORDER BY id", [last])
        db.execute(sql)
