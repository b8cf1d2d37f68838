"""Logging the roll-call (点名): one attempt to reach one resident, in one transaction.

The attempt row and the roll entry's new state (domain/weather_roll.after_attempt) commit
together, with the escalation to a door visit when the unanswered calls trip the rule, so a
crash or a pulled plug loses no attempt and never leaves a count that disagrees with the
attempts behind it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from ...domain.weather import Need, Result, Via, parse_needs, parse_result
from ...domain.weather_roll import EntryState, after_attempt, closes_door_visit
from ...store.rows import from_json, new_uid, now_text, to_json
from ..session import Session
from . import access, escalation
from .access import AlertError, parse_stamp, stamp
from .callers import assign_need, callers, need_done
from .escalation import assign_door
from .roll_view import alert_id_of, audit_phones, fetch, roll_row, roll_rows

# The whole roll-call API of the contract is reachable from here (and board.py) for callers.
__all__ = ["assign_door", "assign_need", "attempts", "callers", "log_attempt", "log_for_resident", "need_done",
           "roll_row", "roll_rows"]
TABLES = ("alert_roll", "alert_attempts", "alert_events", "audit_log")


def log_attempt(session: Session, roll_id: int, result: Result | str, *, needs: Sequence[str] = (),
                note: str = "", via: Via | str = Via.SELF, caller_id: int | None = None,
                at: datetime | None = None) -> dict[str, Any]:
    """Log one attempt and return the roll entry as :func:`roll_row` shows it."""
    access.require_run(session)
    result, via, wanted = _words(result, via, needs)
    with session.write(*TABLES):
        entry = session.row("alert_roll", roll_id)
        if entry is None:
            raise AlertError(f"找不到编号为{roll_id}的点名记录，可能名单已更新，请刷新。")
        alert = access.alert(session, entry["alert_id"])
        moment = _moment(session, alert, at)
        caller_id = _caller(session, entry, result, via, caller_id)
        _insert_attempt(session, entry, result, via, wanted, note, caller_id, moment)
        changes = _changes(entry, result, via, wanted, note, moment)
        if result == Result.NO_ANSWER and entry["reached_at"] is None and entry["escalated_at"] is None:
            changes.update(escalation.escalate_if_due(session, alert, entry, moment))
        if result == Result.NEEDS_HELP:
            escalation.event(session, alert["id"], moment, "需要帮助",
                             f"{escalation.surname(session, entry)}需要{'、'.join(wanted)}"
                             + (f"：{note.strip()}" if note.strip() else ""))
        session.db.table("alert_roll").update(roll_id, changes)
        session.audit("点名登记", "alert_roll", roll_id, {k: entry[k] for k in changes}, changes,
                      detail=f"{alert['title']}：{result.value}（{via.value}）")
        full = access.sees_phones(session, alert)
        row = fetch(session, alert, "r.id = ?", [roll_id], full)[0]
        if full:
            audit_phones(session, alert, 1, f"点名第{roll_id}条")
    return row


def log_for_resident(session: Session, resident_id: int, result: Result | str,
                     **options: Any) -> dict[str, Any]:
    """:func:`log_attempt` on the open warning's roll entry of ``resident_id`` (the latest
    open warning when several list them)."""
    access.require_run(session)
    found = session.db.execute(
        "SELECT r.id FROM alert_roll r JOIN alerts a ON a.id = r.alert_id "
        "WHERE r.resident_id = ? AND a.closed_at IS NULL ORDER BY a.started_at DESC, a.id DESC LIMIT 1",
        [resident_id]).fetchone()
    if found is None:
        if not access.open_alerts(session):
            raise AlertError("现在没有进行中的预警，无需登记点名结果。")
        raise AlertError(f"居民（编号{resident_id}）不在进行中预警的点名名单上，请核对居民编号。")
    return log_attempt(session, found[0], result, **options)


def attempts(session: Session, roll_id: int) -> list[dict[str, Any]]:
    """Every attempt on one roll entry, the earliest first, with the caller's name."""
    alert_id_of(session, roll_id)          # the read permission, and an unknown id refused
    rows = session.db.query(
        "SELECT t.*, v.name AS caller_name FROM alert_attempts t LEFT JOIN volunteers v ON v.id = t.caller_id "
        "WHERE t.roll_id = ? ORDER BY t.at, t.id", [roll_id])
    return [{**row, "needs": from_json(row["needs"], [])} for row in rows]


def _words(result: Result | str, via: Via | str, needs: Sequence[str]) -> tuple[Result, Via, list[str]]:
    try:
        result = parse_result(str(result))
        wanted = [n.value for n in parse_needs(needs)]
    except ValueError as error:
        raise AlertError(str(error)) from None
    try:
        via = Via(str(via).strip())
    except ValueError:
        raise AlertError(f"联系方式“{via}”不对，应为：{'、'.join(Via)}。") from None
    if result == Result.NEEDS_HELP and not wanted:
        raise AlertError(f"登记“需要帮助”时请选择需要的帮助：{'、'.join(Need)}。")
    if wanted and result != Result.NEEDS_HELP:
        raise AlertError(f"只有“需要帮助”才登记需要的帮助；“{result.value}”请不要选择{'、'.join(wanted)}。")
    return result, via, wanted


def _moment(session: Session, alert: dict[str, Any], at: datetime | None) -> datetime:
    if alert["closed_at"]:
        raise AlertError(f"{alert['title']}已于{alert['closed_at'][:16].replace('T', ' ')}解除，"
                         "不能再登记点名结果。")
    now = access.now(session)
    moment = (at or now).replace(microsecond=0)
    started = parse_stamp(alert["started_at"])
    if moment < started:
        raise AlertError(f"登记时间{moment:%m-%d %H:%M}早于预警发布时间{started:%m-%d %H:%M}，请核对时间。")
    if moment > now:
        raise AlertError(f"登记时间{moment:%m-%d %H:%M}还没到（现在是{now:%m-%d %H:%M}），请核对时间。")
    return moment


def _caller(session: Session, entry: dict[str, Any], result: Result, via: Via,
            caller_id: int | None) -> int | None:
    """Who made the call or the visit: as given, else the door visitor for a visit, else the
    resident's caller."""
    if caller_id is None:
        door = via == Via.DOOR or result == Result.DOOR
        return (entry["door_volunteer_id"] if door else None) or entry["caller_id"]
    if session.row("volunteers", caller_id) is None:
        raise AlertError(f"找不到编号为{caller_id}的志愿者（联系人），请从名单中选择。")
    return caller_id


def _insert_attempt(session: Session, entry: dict[str, Any], result: Result, via: Via, needs: list[str],
                    note: str, caller_id: int | None, moment: datetime) -> None:
    session.db.table("alert_attempts").insert({
        "uid": new_uid(), "roll_id": entry["id"], "alert_id": entry["alert_id"],
        "resident_id": entry["resident_id"], "at": stamp(moment), "result": result.value,
        "via": via.value, "needs": to_json(needs), "note": note.strip(), "caller_id": caller_id,
        "user_id": session.actor.user_id, "user_name": session.actor.name, "created_at": now_text()})


def _changes(entry: dict[str, Any], result: Result, via: Via, needs: list[str], note: str,
             moment: datetime) -> dict[str, Any]:
    """The roll entry's columns this attempt changes."""
    before = EntryState(entry["state"], parse_stamp(entry["reached_at"]), parse_stamp(entry["last_attempt_at"]),
                        tuple(from_json(entry["needs"], [])), entry["need_note"],
                        bool(from_json(entry["needs"], [])) and entry["need_done_at"] is None)
    after = after_attempt(before, result, moment, [Need(n) for n in needs], note)
    changes: dict[str, Any] = {
        "state": after.state, "attempts": entry["attempts"] + 1,
        "last_attempt_at": stamp(after.last_attempt_at),
        "reached_at": stamp(after.reached_at) if after.reached_at else None}
    if result == Result.NEEDS_HELP:
        changes.update(needs=to_json(list(after.needs)), need_note=after.need_note, need_done_at=None)
    if entry["escalated_at"] and entry["door_closed_at"] is None and closes_door_visit(result, via):
        changes["door_closed_at"] = stamp(moment)
    return changes
