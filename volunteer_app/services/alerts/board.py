"""The live board (实时看板) of a warning, and ``alert status --json``.

Reached of total and the share, reached within 2 h and 24 h of being put on the list, the
median minutes to reach (domain/weather.board_figures), then the unreached (the longest
waiting first), the residents needing help with who is on it, and the open door visits.
The figures come from one query over the roll-call's running columns (no joins); full rows
are built only for what the board lists (the longest waiting, needs, door visits), both
reads in one snapshot so they agree. A refresh after each attempt stays under 50 ms at
10,000 residents, where building every row of a 2,600-row roll-call took ~130 ms.

The board's rows carry masked phones and write no audit entry (it refreshes after every
attempt, on every page): the full numbers are on the roll-call and the callers' lists.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any, NamedTuple

from ...domain.weather import RollFacts, board_figures
from ..session import Session
from . import access
from .roll_view import fetch, roll_row, roll_rows

__all__ = ["board", "roll_row", "roll_rows", "status_json"]


UNREACHED_SHOWN = 100              # full rows for the longest waiting; the count is of all
class Lean(NamedTuple):
    id: int
    resident_id: int
    added_at: str
    reached_at: str | None
    attempts: int
    escalated_at: str | None
    door_closed_at: str | None
    has_needs: int
    need_done_at: str | None


LEAN_SQL = ("SELECT id, resident_id, added_at, reached_at, attempts, escalated_at, door_closed_at, "
            "needs != '[]' AS has_needs, need_done_at FROM alert_roll WHERE alert_id = ?")


def board(session: Session, alert_id: int, at: datetime | None = None) -> dict[str, Any]:
    """The figures over the whole roll-call, with full rows (as :func:`roll_rows` gives them,
    phones masked) for the ``UNREACHED_SHOWN`` longest waiting (``unreached_count`` counts all),
    every resident needing help (open needs first) and every open door visit (oldest first)."""
    alert = access.alert(session, alert_id)          # checks the read permission
    now = at or access.now(session)
    with _snapshot(session):
        return _board(session, alert, now)


def _board(session: Session, alert: dict[str, Any], now: datetime) -> dict[str, Any]:
    lean = _lean(session, alert["id"], now)
    figures = lean["figures"]
    roll_of = {r.resident_id: r.id for r in lean["rows"]}
    unreached = [roll_of[resident] for resident, _ in figures.unreached[:UNREACHED_SHOWN]]
    needing = [r.id for r in lean["rows"] if r.has_needs]
    doors = [r.id for r in lean["rows"] if r.escalated_at and r.door_closed_at is None]
    full = {r["id"]: r for r in fetch(session, alert, "r.id IN (SELECT value FROM json_each(?))",
                                      [json.dumps(sorted({*unreached, *needing, *doors}))], False, now)}
    return {
        "alert": alert, "at": now,
        "total": figures.total, "reached": figures.reached, "reached_share": figures.reached_share,
        "within_2h": figures.within_2h, "within_24h": figures.within_24h,
        "median_minutes": figures.median_minutes,
        "needs_help": len(needing), "needs_open": sum(r.has_needs and r.need_done_at is None
                                                       for r in lean["rows"]),
        "escalated": sum(r.escalated_at is not None for r in lean["rows"]),
        "unreached_count": len(figures.unreached),
        "unreached": [full[i] for i in unreached],
        "needs_help_rows": sorted((full[i] for i in needing),
                                  key=lambda r: (r["need_done_at"] is not None, r["position"])),
        "door_visits": sorted((full[i] for i in doors), key=lambda r: r["escalated_at"]),
    }


@contextlib.contextmanager
def _snapshot(session: Session) -> Iterator[None]:
    """One read transaction around the board's two queries (a write committed between them
    would make a list disagree with its figure); inside a caller's transaction, that one."""
    conn = session.db.conn
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("COMMIT")


def _lean(session: Session, alert_id: int, now: datetime) -> dict[str, Any]:
    """The one query the figures come from: the roll-call's running columns, no joins (plain
    tuples: this loop is most of a refresh's time at 2,600 rows)."""
    rows = session.db.execute(LEAN_SQL, [alert_id]).fetchall()
    stamp_of = datetime.fromisoformat
    facts = [RollFacts(resident, stamp_of(added), stamp_of(reached) if reached else None)
             for _, resident, added, reached, *_ in rows]
    return {"rows": [Lean(*row) for row in rows], "figures": board_figures(facts, now)}


def status_json(session: Session) -> dict[str, Any]:
    """The issue's ``alert status --json`` object, for the open warning started last;
    ``{"alert": null, ...}`` with zeros when none is open."""
    access.require_read(session)
    found = access.open_alerts(session)
    if not found:
        return {"alert": None, "total": 0, "reached": 0, "needs_help": 0, "median_minutes": None,
                "unreached": []}
    alert = found[0]
    lean = _lean(session, alert["id"], access.now(session))
    figures, by_resident = lean["figures"], {r.resident_id: r for r in lean["rows"]}
    return {
        "alert": {"type": alert["type"], "level": alert["level"], "started": alert["started_at"]},
        "total": figures.total, "reached": figures.reached,
        "needs_help": sum(bool(r.has_needs) for r in lean["rows"]),
        "median_minutes": figures.median_minutes,
        "unreached": [{"resident_id": resident, "waiting_minutes": waiting,
                       "attempts": by_resident[resident].attempts,
                       "escalated": by_resident[resident].escalated_at is not None}
                      for resident, waiting in figures.unreached],
    }
