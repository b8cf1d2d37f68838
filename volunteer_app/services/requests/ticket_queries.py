"""Reading tickets: one query with the names of who handles them, and what each row gets on
top of its columns (late, red, minutes left, the 风险 reasons)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from ...domain.requests import RiskFacts, Status, is_late, is_urgent, risk_reasons
from ..session import Session
from .access import month_bounds, parse_time, require_read, shape_ticket, stamp

# A caller who called about something else in this window counts as a repeated caller.
REPEAT_WINDOW = timedelta(days=30)
VIEWS = ("open", "late_or_risk", "closed", "all")

SELECT = """
SELECT r.*, v.name AS staff_name, t.name AS team_name, k.title AS task_name, p.name AS place_name,
    (SELECT count(*) FROM requests o WHERE r.caller_phone <> '' AND o.caller_phone = r.caller_phone
        AND o.id <> r.id AND o.received_at >= :since) AS repeat_calls
FROM requests r
LEFT JOIN volunteers v ON v.id = r.staff_id
LEFT JOIN teams t ON t.id = r.team_id
LEFT JOIN tasks k ON k.id = r.task_id
LEFT JOIN places p ON p.id = r.place_id
"""


def rows(session: Session, where: str, params: dict[str, Any], now: datetime) -> list[dict[str, Any]]:
    require_read(session)
    sql = f"{SELECT} WHERE {where} ORDER BY r.due_at, r.id"
    found = session.db.query(sql, {**params, "since": stamp(now - REPEAT_WINDOW)})
    return [shape_ticket(session, decorate(row, now)) for row in found]


def decorate(row: dict[str, Any], now: datetime) -> dict[str, Any]:
    """The row with 'late', 'urgent', 'minutes_left' (None once closed) and 'risk' (the
    reasons; none once closed or called back)."""
    due, closed = parse_time(row["due_at"]), parse_time(row["closed_at"])
    assert due is not None
    row["late"] = is_late(due, now, closed)
    row["urgent"] = is_urgent(due, now, closed)
    row["minutes_left"] = None if closed else int((due - now).total_seconds() // 60)
    row["risk"] = [] if closed or row["callback_at"] else risk_reasons(RiskFacts(
        received=parse_time(row["received_at"]), due=due,  # type: ignore[arg-type]
        contacted=parse_time(row["contacted_at"]), reopened=row["reopened"],
        calls_by_same_caller=row["repeat_calls"]), now)
    return row


def where_for(view: str, text: str, month: str | None) -> tuple[str, dict[str, Any]]:
    """The WHERE clause of a list view; the open views use the requests_open index."""
    if view not in VIEWS:
        raise ValueError(f"诉求列表“{view}”不认识，只能是：{'、'.join(VIEWS)}。")
    clauses, params = [], {}
    if view in ("open", "late_or_risk"):
        clauses.append(f"r.status <> '{Status.CLOSED.value}'")
    elif view == "closed":
        clauses.append(f"r.status = '{Status.CLOSED.value}'")
    if month:
        params["first"], params["following"] = month_bounds(month)
        clauses.append("r.received_at >= :first AND r.received_at < :following")
    if text.strip():
        params["text"] = f"%{text.strip()}%"
        clauses.append("(r.ticket_no LIKE :text OR r.caller_name LIKE :text OR r.caller_phone LIKE :text "
                       "OR r.address LIKE :text OR r.category LIKE :text OR r.content LIKE :text)")
    return " AND ".join(clauses) or "1", params


def history(session: Session, ticket_id: int) -> list[dict[str, Any]]:
    require_read(session)
    return list(session.db.query(
        "SELECT step, at, user_name, note FROM request_events WHERE request_id = ? ORDER BY at, id",
        [ticket_id]))
