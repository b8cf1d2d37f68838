"""Helpers of the street office's outbox tests (tests/services/street/): what waits in a
file's outbox, and a file whose outbox starts empty."""

from __future__ import annotations

from datetime import datetime

from volunteer_app.services.street import outbox


def queued(session, table: str | None = None) -> list[tuple[str, str, str]]:
    """(table, uid, op) of every outbox row, oldest first (of ``table`` only, if given)."""
    rows = session.db.execute("SELECT tbl, uid, op FROM street_outbox ORDER BY seq").fetchall()
    return [tuple(r) for r in rows if table is None or r[0] == table]


def emptied(session):
    """The session, with everything so far acknowledged: the outbox starts empty."""
    outbox.set_acked(session, outbox.max_seq(session), datetime(2026, 11, 28, 9, 0))
    assert queued(session) == []
    return session


def uid_of(session, table: str, row_id: int) -> str:
    return session.db.execute(f"SELECT uid FROM [{table}] WHERE id = ?", [row_id]).fetchone()[0]
