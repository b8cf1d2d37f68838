"""What the after-action report (总结报告) of a warning says, gathered for reports/alert_report.py.

The report is the committee's record and is printed for the street office, so it carries the
minimum a reader needs to check that everyone on the list was reached or why not: residents
appear as 张** with the place and building (no room, no phone, no reasons of health), the
volunteers and staff by name (their service is what the report accounts for).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from ...domain.weather import RollFacts, board_figures
from ...domain.weather_close import masked_name, unreached_reason
from ..admin import settings
from ..session import Session
from . import access, after_visits

_ROLL = (
    "SELECT o.id, o.position, o.resident_id, x.name, p.name AS place_name, x.building, o.added_at, "
    "o.reached_at, o.attempts, o.state, o.needs, o.need_note, o.need_done_at, o.escalated_at, "
    "o.door_volunteer_id, o.door_closed_at, o.unreached_reason, c.name AS caller_name, "
    "h.name AS handler_name, (SELECT count(*) FROM alert_attempts a WHERE a.roll_id = o.id "
    "AND a.result = '未接通') AS no_answer "
    "FROM alert_roll o JOIN residents x ON x.id = o.resident_id LEFT JOIN places p ON p.id = x.place_id "
    "LEFT JOIN volunteers c ON c.id = o.caller_id LEFT JOIN volunteers h ON h.id = o.need_handler_id "
    "WHERE o.alert_id = ? ORDER BY o.position, o.id"
)
_SHIFTS = (
    "SELECT t.title, p.name AS place_name, s.date, s.start_time, s.end_time, s.min_people, "
    "(SELECT count(*) FROM assignments a WHERE a.shift_id = s.id AND a.state NOT IN ('已谢绝', '缺席')) "
    "AS people, (SELECT group_concat(v.name, '、') FROM assignments a JOIN volunteers v ON v.id = a.volunteer_id "
    " WHERE a.shift_id = s.id AND a.state NOT IN ('已谢绝', '缺席')) AS names, "
    "(SELECT COALESCE(sum(r.hours), 0) FROM service_records r JOIN assignments a ON a.id = r.assignment_id "
    " WHERE a.shift_id = s.id AND r.status != '已更正') AS hours "
    "FROM tasks t JOIN shifts s ON s.task_id = t.id LEFT JOIN places p ON p.id = t.place_id "
    "WHERE t.alert_id = ? AND s.cancelled = 0 ORDER BY s.date, s.start_time, t.id, s.id"
)
_CALL_HOURS = (
    "SELECT v.name, r.date, r.hours, r.content, r.counts_for_stars FROM service_records r "
    "JOIN volunteers v ON v.id = r.volunteer_id WHERE r.alert_id = ? AND r.status != '已更正' "
    "ORDER BY r.date, v.name, r.id"
)


def report_data(session: Session, alert_id: int) -> dict[str, Any]:
    """Everything the report prints (supervisors may print it too)."""
    access.require_read(session)
    alert = access.alert(session, alert_id)
    end = access.parse_stamp(alert["closed_at"]) or access.now(session)
    roll = [dict(r) for r in session.db.query(_ROLL, [alert_id])]
    return {
        "alert": alert, "title": f"{alert['title']} 总结报告",
        "issuer": str(settings.get(session, "community.name")),
        "prepared_on": session.today().isoformat(), "until": end.isoformat(timespec="minutes"),
        "timeline": _timeline(session, alert_id), "figures": _figures(roll, end),
        "needs": [_need(r) for r in roll if json.loads(r["needs"] or "[]")],
        "shifts": [dict(r) for r in session.db.query(_SHIFTS, [alert_id])],
        "call_hours": [dict(r) for r in session.db.query(_CALL_HOURS, [alert_id])],
        "unreached": [_unreached(r) for r in roll if r["reached_at"] is None],
        "follow_ups": after_visits.report_rows(session, alert_id),
    }


def _timeline(session: Session, alert_id: int) -> list[dict[str, Any]]:
    return [dict(r) for r in session.db.query(
        "SELECT at, kind, detail, user_name FROM alert_events WHERE alert_id = ? ORDER BY at, id",
        [alert_id])]


def _figures(roll: list[dict[str, Any]], end: datetime) -> dict[str, Any]:
    facts = [RollFacts(r["resident_id"], access.parse_stamp(r["added_at"]),
                       access.parse_stamp(r["reached_at"]), r["attempts"], r["escalated_at"] is not None)
             for r in roll]
    board = board_figures(facts, end)
    return {"total": board.total, "reached": board.reached, "reached_share": board.reached_share,
            "within_2h": board.within_2h, "within_24h": board.within_24h,
            "median_minutes": board.median_minutes, "unreached": board.total - board.reached,
            "escalated": sum(f.escalated for f in facts),
            "needs_help": sum(1 for r in roll if json.loads(r["needs"] or "[]"))}


def _where(row: dict[str, Any]) -> str:
    return f"{row['place_name'] or ''}{row['building'] or ''}"


def _need(row: dict[str, Any]) -> dict[str, Any]:
    return {"line": row["position"] + 1, "name": masked_name(row["name"]), "where": _where(row),
            "needs": "、".join(json.loads(row["needs"] or "[]")), "note": row["need_note"] or "",
            "handler": row["handler_name"] or "", "done_at": row["need_done_at"] or ""}


def _unreached(row: dict[str, Any]) -> dict[str, Any]:
    reason = row["unreached_reason"] or unreached_reason(
        row["attempts"], row["no_answer"], row["escalated_at"] is not None,
        row["door_volunteer_id"] is not None, row["door_closed_at"] is not None)
    return {"line": row["position"] + 1, "name": masked_name(row["name"]), "where": _where(row),
            "caller": row["caller_name"] or "", "attempts": row["attempts"], "reason": reason}
