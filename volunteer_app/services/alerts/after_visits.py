"""The visits owed after a warning: a high-tier resident on a closed warning's roll-call is
visited within ``alerts.after_visit_hours`` of its closing (closing.py wrote ``visit_due_by``),
and stays on the late list (services/care/visit_list.py) until a visit after the closing is
logged.
"""

from __future__ import annotations

from typing import Any

from ...domain.weather_close import masked_name
from ..session import Session
from . import access

# The earliest visit still owed by resident {r} (a table alias): due after a closed warning,
# and no visit logged since the warning closed (a visit without a start time counts for the
# whole of its day).
OWED_SQL = (
    "(SELECT min(o.visit_due_by) FROM alert_roll o JOIN alerts w ON w.id = o.alert_id "
    "WHERE o.resident_id = {r}.id AND o.visit_due_by IS NOT NULL AND w.closed_at IS NOT NULL "
    "AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.resident_id = {r}.id "
    "AND v.visited_on || 'T' || COALESCE(v.start_time, '23:59') >= substr(w.closed_at, 1, 16)))"
)


def owed_sql(alias: str = "r") -> str:
    return OWED_SQL.format(r=alias)


_ROWS = (
    "SELECT * FROM (SELECT x.id AS resident_id, x.name AS resident_name, p.name AS place_name, "
    "x.building, x.unit, x.room, x.responsible_volunteer_id, s.name AS staff_name, "
    "{owed} AS visit_due_by FROM residents x LEFT JOIN places p ON p.id = x.place_id "
    "LEFT JOIN volunteers s ON s.id = x.responsible_volunteer_id WHERE x.archived_at IS NULL "
    "AND x.id IN (SELECT resident_id FROM alert_roll WHERE visit_due_by IS NOT NULL)) "
    "WHERE visit_due_by IS NOT NULL ORDER BY visit_due_by, place_name, building, resident_id"
)


def after_visits(session: Session) -> list[dict[str, Any]]:
    """High-tier residents owed a visit after a closed warning and not visited since, the
    earliest due first: resident, where they live, due by, whether it is late now."""
    access.require_read(session)
    now = access.stamp(access.now(session))
    rows = [dict(r) for r in session.db.query(_ROWS.format(owed=owed_sql("x")))]
    for row in rows:
        row["late"] = row["visit_due_by"] < now
    return rows


def report_rows(session: Session, alert_id: int) -> list[dict[str, Any]]:
    """The follow-up visits of one closed warning for its report: each high-tier resident,
    due by, the first visit after the closing (or none yet); names masked."""
    access.require_read(session)
    rows = session.db.query(
        "SELECT o.resident_id, x.name, p.name AS place_name, x.building, o.visit_due_by, "
        "(SELECT min(v.visited_on || ' ' || COALESCE(v.start_time, '')) FROM visits v "
        " WHERE v.resident_id = o.resident_id AND v.visited_on || 'T' || COALESCE(v.start_time, '23:59') "
        " >= substr(w.closed_at, 1, 16)) AS visited "
        "FROM alert_roll o JOIN alerts w ON w.id = o.alert_id JOIN residents x ON x.id = o.resident_id "
        "LEFT JOIN places p ON p.id = x.place_id WHERE o.alert_id = ? AND o.visit_due_by IS NOT NULL "
        "ORDER BY o.position", [alert_id])
    return [{"resident_id": r["resident_id"], "name": masked_name(r["name"]),
             "where": f"{r['place_name'] or ''}{r['building'] or ''}", "due_by": r["visit_due_by"],
             "visited": (r["visited"] or "").strip(),
             "on_time": bool(r["visited"]) and r["visited"].strip().replace(" ", "T") <= r["visit_due_by"]}
            for r in rows]
