"""Escalation to a door visit (上门查看): when a resident never reached has too many 未接通 too
quickly (settings: alerts.escalate_attempts within alerts.escalate_minutes), they turn red and
the nearest available helper or community worker is sent to the door.

Available: a volunteer 在册 and not archived who is an active 80后帮90后 helper or a community
worker (is_staff); the choice itself is domain/weather_roll.choose_door_visitor. Called
inside the attempt's transaction (services/alerts/attempts.py).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ...domain.weather_roll import DoorCandidate, choose_door_visitor
from ...store.rows import new_uid
from ..admin import settings
from ..session import Session
from . import access
from .access import AlertError, parse_stamp, stamp
from .roll_view import address

CANDIDATES_SQL = """
SELECT v.id, v.community_id, v.place_id, v.building,
       (SELECT COUNT(*) FROM alert_roll d WHERE d.alert_id = :alert AND d.door_volunteer_id = v.id) AS doors
FROM volunteers v
WHERE v.status = '在册' AND v.archived_at IS NULL
  AND (v.is_staff = 1 OR EXISTS (SELECT 1 FROM pairings pa WHERE pa.volunteer_id = v.id AND pa.state = '结对中'))
  AND (v.community_id = :community OR v.place_id = :place)
"""


def escalate_if_due(session: Session, alert: dict[str, Any], entry: dict[str, Any],
                    moment: datetime) -> dict[str, Any]:
    """The roll entry's escalation columns if its 未接通 times (the one just inserted among
    them) trip the rule, with the event 转上门; {} when they do not."""
    times = [parse_stamp(t) for (t,) in session.db.execute(
        "SELECT at FROM alert_attempts WHERE roll_id = ? AND result = '未接通'", [entry["id"]])]
    rule = settings.escalation_rule(session)
    if not rule.escalates(times):
        return {}
    resident = session.row("residents", entry["resident_id"]) or {}
    visitor = door_visitor(session, alert["id"], resident, entry["caller_id"])
    where = _address(session, resident)
    if visitor is None:
        detail = (f"{surname(session, entry)}（{where}）{len(times)}次未接通，需上门查看；"
                  "附近没有可派的结对帮手或社区工作者，请值班人员安排。")
    else:
        name = session.row("volunteers", visitor)["name"]
        detail = f"{surname(session, entry)}（{where}）{len(times)}次未接通，转上门查看：{name}"
    event(session, alert["id"], moment, "转上门", detail)
    return {"escalated_at": stamp(moment), "door_volunteer_id": visitor}


def assign_door(session: Session, roll_id: int, volunteer_id: int) -> None:
    """Send ``volunteer_id`` to the resident's door by hand: when nobody near was found, when
    the one chosen cannot go, or before the rule trips (the resident turns red now)."""
    access.require_run(session)
    person = access.volunteer_on_roll(session, volunteer_id)
    if person is None:
        raise AlertError(f"编号为{volunteer_id}的志愿者不在册，请从在册的结对帮手或社区工作者中选择上门的人。")
    with session.write("alert_roll", "alert_events", "audit_log"):
        entry = session.row("alert_roll", roll_id)
        if entry is None:
            raise AlertError(f"找不到编号为{roll_id}的点名记录，可能名单已更新，请刷新。")
        alert = access.alert(session, entry["alert_id"])
        if alert["closed_at"]:
            raise AlertError(f"{alert['title']}已解除，不能再安排上门查看。")
        if entry["door_closed_at"]:
            raise AlertError(f"{surname(session, entry)}的上门查看已于"
                             f"{entry['door_closed_at'][5:16].replace('T', ' ')}完成。")
        moment = access.now(session)
        changes = {"door_volunteer_id": volunteer_id, "escalated_at": entry["escalated_at"] or stamp(moment)}
        session.db.table("alert_roll").update(roll_id, changes)
        resident = session.row("residents", entry["resident_id"]) or {}
        event(session, alert["id"], moment, "转上门",
              f"{surname(session, entry)}（{_address(session, resident)}）安排上门查看：{person}")
        session.audit("安排上门", "alert_roll", roll_id,
                      {k: entry[k] for k in changes}, changes, detail=f"{alert['title']}：{person}上门查看")


def door_visitor(session: Session, alert_id: int, resident: dict[str, Any],
                 unanswered_caller: int | None) -> int | None:
    """Who goes to the door of ``resident`` (a residents row); None when nobody is near."""
    rows = session.db.execute(CANDIDATES_SQL, {"alert": alert_id, "community": resident.get("community_id"),
                                               "place": resident.get("place_id")})
    candidates = [DoorCandidate(vid, community, place, building or "", doors)
                  for vid, community, place, building, doors in rows]
    return choose_door_visitor(candidates, resident.get("community_id"), resident.get("place_id"),
                               resident.get("building") or "", unanswered_caller)


def event(session: Session, alert_id: int, moment: datetime, kind: str, detail: str) -> None:
    """One line of the warning's timeline; call inside the write that makes it happen."""
    session.db.table("alert_events").insert({
        "uid": new_uid(), "alert_id": alert_id, "at": stamp(moment), "kind": kind, "detail": detail,
        "user_id": session.actor.user_id, "user_name": session.actor.name})


def surname(session: Session, entry: dict[str, Any]) -> str:
    """王某: the timeline (and the report printed from it) names a resident by surname only."""
    found = session.db.execute("SELECT name FROM residents WHERE id = ?", [entry["resident_id"]]).fetchone()
    return f"{(found[0] if found else '')[:1]}某"


def _address(session: Session, resident: dict[str, Any]) -> str:
    place = session.row("places", resident["place_id"]) if resident.get("place_id") else None
    return address(place["name"] if place else "", resident.get("building") or "",
                   resident.get("unit") or "", resident.get("room") or "")
