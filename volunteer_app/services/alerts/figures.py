"""The weather warnings as the window lists them: the 工作台 card of the open warning, every
warning past and present with its roll-call counts (the page's choice and its history list),
and the service types whose tasks need insurance (the 发布预警 dialog asks for a policy then).

Counts only, one query each: the card is asked on every roll-call change, from any page.
"""

from __future__ import annotations

from typing import Any

from ..session import Session
from .access import require_read, title

# A need is open while it has words and nobody marked it done.
_NEED_OPEN = "r.needs NOT IN ('', '[]') AND r.need_done_at IS NULL"
_DOOR_OPEN = "r.escalated_at IS NOT NULL AND r.door_closed_at IS NULL"
_COUNTS = (f"COUNT(r.id) AS total, COUNT(r.reached_at) AS reached, "
           f"COALESCE(SUM({_NEED_OPEN}), 0) AS needs_open, COALESCE(SUM({_DOOR_OPEN}), 0) AS doors_open")


def card(session: Session) -> dict[str, Any] | None:
    """The open warning started last, for the 工作台: ``{"alert_id", "title", "started_at",
    "total", "reached", "needs_open", "doors_open", "open_count"}``; None when none is open."""
    require_read(session)
    rows = [dict(r) for r in session.db.query(
        f"SELECT a.id, a.type, a.level, a.started_at, {_COUNTS} FROM alerts a "
        "LEFT JOIN alert_roll r ON r.alert_id = a.id WHERE a.closed_at IS NULL "
        "GROUP BY a.id ORDER BY a.started_at DESC, a.id DESC")]
    if not rows:
        return None
    first = rows[0]
    return {"alert_id": first["id"], "title": title(first["type"], first["level"]),
            "started_at": first["started_at"], "total": first["total"], "reached": first["reached"],
            "needs_open": first["needs_open"], "doors_open": first["doors_open"],
            "open_count": len(rows)}


def warnings(session: Session) -> list[dict[str, Any]]:
    """Every warning, the open ones first, then the latest first: its row, ``title``,
    ``community_names`` and the roll-call's ``total``, ``reached``, ``needs_open``, ``doors_open``."""
    require_read(session)
    rows = [dict(r) for r in session.db.query(
        f"SELECT a.*, {_COUNTS} FROM alerts a LEFT JOIN alert_roll r ON r.alert_id = a.id "
        "GROUP BY a.id ORDER BY a.closed_at IS NOT NULL, a.started_at DESC, a.id DESC")]
    names = _community_names(session)
    for row in rows:
        row["title"] = title(row["type"], row["level"])
        row["community_names"] = names.get(row["id"], [])
    return rows


def _community_names(session: Session) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for row in session.db.query(
            "SELECT a.alert_id, c.name FROM alert_communities a JOIN communities c "
            "ON c.id = a.community_id ORDER BY a.alert_id, c.id"):
        found.setdefault(row["alert_id"], []).append(row["name"])
    return found


def insured_types(session: Session) -> set[str]:
    """The names of the service types whose tasks need insurance (《志愿服务条例》第十七条)."""
    require_read(session)
    return {r["name"] for r in session.db.query(
        "SELECT name FROM service_types WHERE needs_insurance = 1 AND archived_at IS NULL")}
