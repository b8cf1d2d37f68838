"""The live board (实时看板) of a warning, and ``alert status --json``.

Reached of total and the share, reached within 2 h and 24 h of being put on the list, the
median minutes to reach (domain/weather.board_figures), then the unreached (the longest
waiting first), the residents needing help with who is on it, and the open door visits.
One query reads the whole roll-call, so the figures and the lists agree and a refresh after
each attempt stays well under 50 ms at 10,000 residents (README's performance section).

The board's rows carry masked phones and write no audit entry (it refreshes after every
attempt, on every page): the full numbers are on the roll-call and the callers' lists.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ...domain.weather import RollFacts, board_figures
from ..session import Session
from . import access
from .access import parse_stamp
from .roll_view import fetch, roll_row, roll_rows

__all__ = ["board", "roll_row", "roll_rows", "status_json"]


def board(session: Session, alert_id: int, at: datetime | None = None) -> dict[str, Any]:
    alert = access.alert(session, alert_id)          # checks the read permission
    now = at or access.now(session)
    rows = fetch(session, alert, "1", [], full_phones=False, at=now)
    figures = board_figures((_facts(r) for r in rows), now)
    by_resident = {r["resident_id"]: r for r in rows}
    needing = [r for r in rows if r["needs"]]
    return {
        "alert": alert, "at": now,
        "total": figures.total, "reached": figures.reached, "reached_share": figures.reached_share,
        "within_2h": figures.within_2h, "within_24h": figures.within_24h,
        "median_minutes": figures.median_minutes,
        "needs_help": len(needing), "needs_open": sum(r["need_done_at"] is None for r in needing),
        "escalated": sum(r["escalated"] for r in rows),
        "unreached": [by_resident[resident_id] for resident_id, _ in figures.unreached],
        "needs_help_rows": sorted(needing, key=lambda r: (r["need_done_at"] is not None, r["position"])),
        "door_visits": sorted((r for r in rows if r["escalated"] and r["door_closed_at"] is None),
                              key=lambda r: r["escalated_at"]),
    }


def status_json(session: Session) -> dict[str, Any]:
    """The issue's ``alert status --json`` object, for the open warning started last;
    ``{"alert": null, ...}`` with zeros when none is open."""
    access.require_read(session)
    found = access.open_alerts(session)
    if not found:
        return {"alert": None, "total": 0, "reached": 0, "needs_help": 0, "median_minutes": None,
                "unreached": []}
    figures = board(session, found[0]["id"])
    return {
        "alert": {"type": found[0]["type"], "level": found[0]["level"], "started": found[0]["started_at"]},
        "total": figures["total"], "reached": figures["reached"], "needs_help": figures["needs_help"],
        "median_minutes": figures["median_minutes"],
        "unreached": [{"resident_id": r["resident_id"], "waiting_minutes": r["waiting_minutes"],
                       "attempts": r["attempts"], "escalated": r["escalated"]} for r in figures["unreached"]],
    }


def _facts(row: dict[str, Any]) -> RollFacts:
    return RollFacts(row["resident_id"], parse_stamp(row["added_at"]), parse_stamp(row["reached_at"]),
                     row["attempts"], row["escalated"])
