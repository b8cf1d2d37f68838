"""Closing a weather warning (解除预警): everything the end of a warning settles, in one
transaction, so a crash leaves the warning either open as it was or closed with all of it.

- the warning is closed (closed_at, closed_by) and its communities free for the next one;
- each resident never reached gets the reason, from their attempts (未拨打, 3次未接通,
  已转上门查看，未回报结果 …), which the report prints;
- each high-tier resident on the list is owed a visit within ``alerts.after_visit_hours``
  (the visit rule's "major change"): ``visit_due_by``, which the late list shows until a
  visit is logged (after_visits.py);
- the calls and door visits become service records: one per volunteer and day, calls at
  ``alerts.call_hours`` and door visits at ``alerts.door_visit_hours`` each, the day capped at
  ``alerts.day_cap_hours``, then saved the way every record is (records.py: rounded, the
  daily cap of all records, a community worker's office hours kept apart as duty hours).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from ...domain.weather import Result
from ...domain.weather_close import HourRates, day_content, day_hours, unreached_reason
from ...store.rows import new_uid
from ..admin import settings
from ..hours import records
from ..scope import volunteer_team_ids
from ..session import Session
from . import access
from .access import AlertError, stamp

SERVICE_TYPE = "极端天气风险防控"
TABLES = ("alerts", "alert_communities", "alert_events", "alert_roll", "service_records")

# Who made an attempt: the caller it names, else the one the list gave it to (the door
# volunteer for a door visit, the caller for a call): a sheet typed back names nobody.
_DAYS = (
    "SELECT COALESCE(a.caller_id, CASE WHEN a.result = '已上门' OR a.via = '上门' "
    "THEN r.door_volunteer_id ELSE r.caller_id END) AS volunteer_id, substr(a.at, 1, 10) AS day, "
    "sum(a.result = '已上门' OR a.via = '上门') AS doors, "
    "sum(NOT (a.result = '已上门' OR a.via = '上门')) AS calls, min(substr(a.at, 12, 5)) AS first "
    "FROM alert_attempts a JOIN alert_roll r ON r.id = a.roll_id WHERE a.alert_id = ? "
    "GROUP BY 1, 2 HAVING volunteer_id IS NOT NULL ORDER BY 2, 1"
)
_UNREACHED = (
    "SELECT r.id, r.attempts, r.escalated_at, r.door_volunteer_id, r.door_closed_at, "
    "(SELECT count(*) FROM alert_attempts a WHERE a.roll_id = r.id) AS tried, "
    "(SELECT count(*) FROM alert_attempts a WHERE a.roll_id = r.id AND a.result = ?) AS no_answer "
    "FROM alert_roll r WHERE r.alert_id = ? AND r.reached_at IS NULL"
)


def close(session: Session, alert_id: int, at: datetime | None = None) -> dict[str, Any]:
    """Close the warning; returns {"alert_id", "records", "hours", "unreached"}."""
    access.require_run(session)
    at = (at or access.now(session)).replace(microsecond=0)
    rates = hour_rates(session)
    after = float(settings.get(session, "alerts.after_visit_hours"))
    with session.write(*TABLES):
        alert = access.alert(session, alert_id)
        _refuse(alert, at)
        change = {"closed_at": stamp(at), "closed_by": session.actor.user_id, "updated_at": stamp(at)}
        session.db.table("alerts").update(alert_id, change)
        session.db.execute("UPDATE alert_communities SET open = 0 WHERE alert_id = ?", [alert_id])
        unreached = _write_reasons(session, alert_id)
        owed = _write_visits_due(session, alert_id, at + timedelta(hours=after))
        record_ids = _write_records(session, alert, rates)
        hours = _hours(session, record_ids)
        detail = (f"未联系上{unreached}人，{owed}位高风险居民须在{after:g}小时内探访；"
                  f"生成服务记录{len(record_ids)}条，共{hours:g}小时")
        write_event(session, alert_id, "关闭", at, detail)
        session.audit("解除预警", "alerts", alert_id, {"closed_at": None}, change, detail)
    return {"alert_id": alert_id, "records": len(record_ids), "hours": hours, "unreached": unreached}


def _refuse(alert: dict[str, Any], at: datetime) -> None:
    if alert["closed_at"]:
        raise AlertError(f"{alert['title']}已于{alert['closed_at'][:16].replace('T', ' ')}解除，"
                         "不能再次解除。")
    started = access.parse_stamp(alert["started_at"])
    if started and at < started:
        raise AlertError(f"解除时间{at:%Y-%m-%d %H:%M}早于预警发布时间{started:%Y-%m-%d %H:%M}。")


def hour_rates(session: Session) -> HourRates:
    return HourRates(call_hours=float(settings.get(session, "alerts.call_hours")),
                     door_visit_hours=float(settings.get(session, "alerts.door_visit_hours")),
                     day_cap_hours=float(settings.get(session, "alerts.day_cap_hours")),
                     round_to_hours=float(settings.get(session, "records.round_to_hours")))


def write_event(session: Session, alert_id: int, kind: str, at: datetime, detail: str = "") -> None:
    """A line of the warning's timeline (call inside a write)."""
    session.db.table("alert_events").insert({
        "uid": new_uid(), "alert_id": alert_id, "at": stamp(at), "kind": kind, "detail": detail,
        "user_id": session.actor.user_id, "user_name": session.actor.name})


def _write_reasons(session: Session, alert_id: int) -> int:
    rows = list(session.db.query(_UNREACHED, [Result.NO_ANSWER.value, alert_id]))
    session.db.conn.executemany("UPDATE alert_roll SET unreached_reason = ? WHERE id = ?", [
        (unreached_reason(max(r["attempts"], r["tried"]), r["no_answer"], r["escalated_at"] is not None,
                          r["door_volunteer_id"] is not None, r["door_closed_at"] is not None), r["id"])
        for r in rows])
    return len(rows)


def _write_visits_due(session: Session, alert_id: int, due: datetime) -> int:
    cursor = session.db.execute("UPDATE alert_roll SET visit_due_by = ? WHERE alert_id = ? AND risk_level = '高'",
                                [stamp(due), alert_id])
    return cursor.rowcount


def _write_records(session: Session, alert: dict[str, Any], rates: HourRates) -> list[int]:
    """One service record per volunteer and day of the warning's attempts."""
    type_row = session.db.execute("SELECT id FROM service_types WHERE name = ?", [SERVICE_TYPE]).fetchone()
    place = "、".join(alert["community_names"])
    ids = []
    for day in session.db.query(_DAYS, [alert["id"]]):
        already = _other_warnings_hours(session, day["volunteer_id"], day["day"])
        hours = day_hours(day["calls"], day["doors"], rates, already)
        if hours <= 0:
            continue
        teams = volunteer_team_ids(session, day["volunteer_id"])
        row = {"volunteer_id": day["volunteer_id"], "team_id": teams[0] if teams else None,
               "service_type_id": type_row[0] if type_row else None, "date": day["day"],
               "start_time": day["first"], "end_time": _end(day["first"], hours), "hours": hours,
               "source": "探访", "place": place, "activity": f"{alert['title']}点名",
               "content": day_content(day["calls"], day["doors"]), "alert_id": alert["id"]}
        # records._insert rounds, applies the daily cap of all records and the duty-hours
        # rule of community workers, and audits: the same as every other service record.
        ids.append(records._insert(session, row))
    return ids


def _other_warnings_hours(session: Session, volunteer_id: int, day: str) -> float:
    found = session.db.execute(
        "SELECT COALESCE(sum(hours), 0) FROM service_records WHERE volunteer_id = ? AND date = ? "
        "AND alert_id IS NOT NULL AND status != '已更正'", [volunteer_id, day]).fetchone()
    return float(found[0])


def _end(start: str, hours: float) -> str:
    minutes = min(int(start[:2]) * 60 + int(start[3:5]) + round(hours * 60), 23 * 60 + 59)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _hours(session: Session, record_ids: list[int]) -> float:
    if not record_ids:
        return 0.0
    marks = ",".join("?" * len(record_ids))
    total = session.db.execute(f"SELECT COALESCE(sum(hours), 0) FROM service_records WHERE id IN ({marks})",
                               record_ids).fetchone()[0]
    return round(float(total), 2)
