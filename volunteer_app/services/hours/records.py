"""Service records (志愿服务记录): hours a volunteer served, from a completed assignment, a
logged visit, or entered by hand; edited while unlocked; verified and locked by a supervisor;
corrected after that only by an amendment.

Hours follow the settings: rounded to ``records.round_to_hours`` and capped by
``records.daily_cap_hours`` per volunteer and day, the whole day worked out again whenever
one of its records changes; a community worker's hours inside office hours are kept apart
as duty hours (``record_hours``). A visit's record belongs to its helper's team.

Verification locks at once (已记录 → 已锁定): a verified record that could still be edited
would make the verification mean nothing, so there is no separate "verified, unlocked" step.
(已核实 stays in the schema's CHECK for records another tool marked verified; it counts as
verified and is treated as locked by the services.)

An amendment keeps the original row: its status turns 已锁定 → 已更正 (every other column
unchanged, which the database triggers of ``store/record_locks.py`` allow and nothing else),
and a new row with ``amends_record_id`` and ``amendment_reason`` takes its place, born
locked because a supervisor made it. Totals and certificates skip 已更正 rows.
"""

from __future__ import annotations

from datetime import time
from typing import Any

from ...domain.forms import FormError, parse_date
from ...domain.hours import round_hours, served_hours
from ...domain.identity import FieldError
from ...store.row_versions import check_version
from ...store.rows import new_uid, now_text
from ...store.visit_teams import visit_team
from .. import scope
from ..permissions import Permission
from ..session import Session
from . import record_hours


class RecordError(FormError):
    """A service record could not be saved."""


def _time(text: str | time | None, label: str) -> time | None:
    if text in (None, ""):
        return None
    if isinstance(text, time):
        return text
    try:
        return time.fromisoformat(str(text).strip()[:5].rjust(5, "0"))
    except ValueError:
        raise FieldError(label, f"{label}“{text}”应写成 08:30 这样的时间。") from None


def _insert(session: Session, row: dict[str, Any]) -> int:
    """Round the hours, insert, cap and split the whole day again (record_hours), audit.
    Call inside a write."""
    volunteer = session.row("volunteers", row["volunteer_id"])
    if volunteer is None:
        raise RecordError({"volunteer_id": f"找不到编号为{row['volunteer_id']}的志愿者。"})
    for column, label in (("start_time", "开始时间"), ("end_time", "结束时间")):
        _time(row.get(column), label)       # a bad time is refused before anything is written
    cap, step, is_staff, office = record_hours.rules(session, row["volunteer_id"])
    full = {
        "uid": new_uid(), "status": EDITABLE, "created_at": now_text(),
        "recorder_name": session.actor.name, **row,
        "uncapped_hours": round_hours(float(row["hours"]), step),
    }
    if full["status"] != EDITABLE:     # an amendment, born locked: its hours are settled now
        room = cap - record_hours.locked_hours(session, row["volunteer_id"], row["date"])
        full.update(record_hours.settle(full, room, cap, step, is_staff, office))
    else:
        full["hours"] = full["uncapped_hours"]
    record_id = session.db.table("service_records").insert(full).last_pk
    record_hours.recap_day(session, row["volunteer_id"], row["date"], acting_on=record_id)
    session.audit("新增", "service_records", record_id, None, session.row("service_records", record_id))
    return record_id


def add_manual(session: Session, fields: dict[str, Any]) -> int:
    """A record entered by hand: volunteer, date, start and end, service type, what was done."""
    # A captain records hours for their own team and its members only (RECORD_WRITE is
    # team-scoped and fails closed: no team given, no permission).
    session.require(Permission.RECORD_WRITE, fields.get("team_id"))
    row = manual_row(session, fields)
    scope.require_volunteer(session, Permission.RECORD_WRITE, row["volunteer_id"])
    with session.write("service_records"):
        return _insert(session, row)


def manual_row(session: Session, fields: dict[str, Any]) -> dict[str, Any]:
    """The checked columns of a hand-entered (or edited) record; RecordError names each fault."""
    errors: dict[str, str] = {}
    try:
        day = parse_date(fields.get("date"), "服务日期")
        if day > session.today():
            errors["date"] = f"服务日期{day.isoformat()}在今天之后，只能登记已经完成的服务。"
    except FieldError as error:
        errors["date"] = error.message
        day = None
    try:
        start = _time(fields.get("start_time"), "开始时间")
        end = _time(fields.get("end_time"), "结束时间")
        if start is None or end is None:
            errors["start_time"] = "请填写开始和结束时间。"
            hours = 0.0
        else:
            hours = served_hours(start, end)
    except FieldError as error:
        errors[error.field] = error.message
        hours = 0.0
    except ValueError as error:
        errors["end_time"] = str(error)
        hours = 0.0
    if not fields.get("volunteer_id"):
        errors["volunteer_id"] = "请选择志愿者。"
    if errors:
        raise RecordError(errors)
    return {
        "volunteer_id": fields["volunteer_id"], "team_id": fields.get("team_id"),
        "service_type_id": fields.get("service_type_id"), "date": day.isoformat(),
        "start_time": start.strftime("%H:%M"), "end_time": end.strftime("%H:%M"), "hours": hours,
        "source": "手工", "resident_id": fields.get("resident_id"),
        **{key: _text(fields.get(key)) for key in _TEXT_COLUMNS if key != "evaluation"},
    }


# What a person types on a record: stored without the spaces (full-width ones too), tabs and
# newlines around it, as the dialog trims them, so the command line and every caller store the
# same and the lists and certificates match what was meant.
_TEXT_COLUMNS = ("beneficiary", "place", "activity", "content", "lead_name", "evaluation")


def _text(value: Any) -> str:
    return str(value or "").strip()     # str.strip() takes U+3000 too


def from_assignment(session: Session, assignment_id: int) -> int:
    """The record of a completed assignment, with its real hours (check-in to check-out when
    both are known, else the shift's times). Idempotent: a second call returns the same id.
    Only a completed (已完成) assignment earns hours; the permission is checked first, so a
    caller without it learns nothing, not even whether a record exists."""
    rows = list(session.db.query(
        "SELECT a.*, s.date, s.start_time, s.end_time, t.team_id, t.service_type_id, t.title, "
        "p.name AS place FROM assignments a JOIN shifts s ON s.id = a.shift_id "
        "JOIN tasks t ON t.id = s.task_id LEFT JOIN places p ON p.id = t.place_id WHERE a.id = ?",
        [assignment_id]))
    if not rows:
        raise RecordError({"assignment_id": f"找不到编号为{assignment_id}的排班安排。"})
    a = rows[0]
    session.require(Permission.SCHEDULE, a["team_id"])
    existing = session.db.execute("SELECT id FROM service_records WHERE assignment_id = ?",
                                  [assignment_id]).fetchone()
    if existing:
        return existing[0]
    if a["state"] != "已完成":
        raise RecordError({"assignment_id": f"这次排班的状态是“{a['state']}”，完成（签退或记为完成）"
                                            "后才能生成服务记录。"})
    start = (a["check_in"] or "")[11:16] or a["start_time"]
    end = (a["check_out"] or "")[11:16] or a["end_time"]
    row = {"volunteer_id": a["volunteer_id"], "team_id": a["team_id"],
           "service_type_id": a["service_type_id"], "date": a["date"], "start_time": start,
           "end_time": end, "hours": served_hours(_time(start, "签到"), _time(end, "签退")),
           "source": "排班", "assignment_id": assignment_id, "place": a["place"] or "",
           "activity": a["title"], "content": a["title"]}
    with session.write("service_records"):
        return _insert(session, row)


def from_visit(session: Session, visit_id: int) -> int:
    """The helper's record of a logged visit (助老陪伴). Idempotent."""
    existing = session.db.execute("SELECT id FROM service_records WHERE visit_id = ?", [visit_id]).fetchone()
    if existing:
        return existing[0]
    session.require_held(Permission.VISIT_LOG)
    visit = session.row("visits", visit_id)
    if visit is None:
        raise RecordError({"visit_id": f"找不到编号为{visit_id}的探访记录。"})
    scope.require_volunteer(session, Permission.VISIT_LOG, visit["volunteer_id"])
    teams = [t for t in scope.volunteer_team_ids(session, visit["volunteer_id"])
             if session.can(Permission.VISIT_LOG, t)]
    resident = session.row("residents", visit["resident_id"]) or {}
    type_row = session.db.execute("SELECT id FROM service_types WHERE name = '助老陪伴'").fetchone()
    start = visit["start_time"]
    end = None
    if start:
        minutes = int(start[:2]) * 60 + int(start[3:5]) + visit["minutes"]
        end = f"{min(minutes // 60, 23):02d}:{minutes % 60 if minutes < 24 * 60 else 59:02d}"
    # The record belongs to the helper's team (their team on the visit day), so that its captain
    # edits it later; a captain logging for a helper in two teams files it under their own.
    team_id = visit_team(session.db, visit["volunteer_id"], visit["resident_id"], visit["visited_on"])
    if team_id is not None and teams and not session.can(Permission.VISIT_LOG, team_id):
        team_id = teams[0]
    row = {"volunteer_id": visit["volunteer_id"], "team_id": team_id,
           "service_type_id": type_row[0] if type_row else None,
           "date": visit["visited_on"], "start_time": start, "end_time": end,
           "hours": visit["minutes"] / 60, "source": "探访", "visit_id": visit_id,
           "resident_id": visit["resident_id"], "beneficiary": resident.get("name", ""),
           "activity": "80后帮90后结对探访" if visit["pairing_id"] else "包户探访", "content": visit["done"] or f"{visit['mode']}探访"}
    with session.write("service_records"):
        return _insert(session, row)



# Statuses whose hours a supervisor has verified; 已更正 rows are superseded and never count.
VERIFIED = ("已核实", "已锁定")
EDITABLE = "已记录"
_EDITABLE_COLUMNS = ("volunteer_id", "team_id", "service_type_id", "date", "start_time",
                     "end_time", "resident_id", "beneficiary", "place", "activity", "content",
                     "lead_name", "evaluation")


def _existing(session: Session, record_id: int) -> dict[str, Any]:
    record = session.row("service_records", record_id)
    if record is None:
        raise RecordError({"id": f"找不到编号为{record_id}的服务记录，可能已被删除，请刷新列表。"})
    return record


def _refuse_locked(record: dict[str, Any], doing: str) -> None:
    if record["status"] != EDITABLE:
        raise RecordError({"status": f"服务记录{record['id']}（{record['date']}）状态为"
                                     f"“{record['status']}”，不能{doing}；如有错误请用“更正”，原记录会保留。"})


def _require_scope(session: Session, record: dict[str, Any]) -> None:
    """A captain changes only records of their own team, of a member of their team."""
    session.require(Permission.RECORD_WRITE, record.get("team_id"))
    scope.require_volunteer(session, Permission.RECORD_WRITE, record.get("volunteer_id"))


def update(session: Session, record_id: int, fields: dict[str, Any], *,
           version: int | None = None) -> None:
    """Change an unlocked record; hours are worked out again from the times. ``version`` is the
    row_version the edit was based on (StaleRecord if the record moved on since)."""
    record = _existing(session, record_id)
    _require_scope(session, record)
    _refuse_locked(record, "修改")
    merged = {**{k: record[k] for k in _EDITABLE_COLUMNS}, **fields}
    _require_scope(session, merged)   # switching the team or the volunteer: both in scope
    row = manual_row(session, merged)
    row["source"] = record["source"]
    row["evaluation"] = _text(merged.get("evaluation"))
    with session.write("service_records"):
        again = _existing(session, record_id)
        _refuse_locked(again, "修改")   # verified by someone else since it was read
        check_version(session.db, "service_records", record_id, version)
        row["uncapped_hours"] = row["hours"] = round_hours(
            row["hours"], record_hours.rules(session, row["volunteer_id"])[1])
        session.db.table("service_records").update(record_id, row)
        record_hours.recap_day(session, row["volunteer_id"], row["date"], acting_on=record_id)
        if (again["volunteer_id"], again["date"]) != (row["volunteer_id"], row["date"]):
            record_hours.recap_day(session, again["volunteer_id"], again["date"])
        session.audit("修改", "service_records", record_id, record, session.row("service_records", record_id))


def delete(session: Session, record_id: int) -> None:
    """Remove an unlocked record entered in error (locked ones are amended instead)."""
    record = _existing(session, record_id)
    _require_scope(session, record)
    _refuse_locked(record, "删除")
    with session.write("service_records"):
        _refuse_locked(_existing(session, record_id), "删除")
        session.db.execute("DELETE FROM service_records WHERE id = ?", [record_id])
        session.audit("删除", "service_records", record_id, record, None)
        record_hours.recap_day(session, record["volunteer_id"], record["date"])


def verify(session: Session, record_ids: list[int] | tuple[int, ...]) -> int:
    """Verify and lock the given records in one go; returns how many were locked now.

    Records already locked or superseded are left as they are (verifying twice is harmless).
    """
    session.require(Permission.RECORD_VERIFY)
    stamp = now_text()
    locked = 0
    with session.write("service_records"):
        for record_id in record_ids:
            record = session.row("service_records", record_id)
            if record is None or record["status"] not in (EDITABLE, "已核实"):
                continue
            change = {"status": "已锁定", "verified_by": session.actor.user_id,
                      "verified_at": record["verified_at"] or stamp, "locked_at": stamp}
            session.db.table("service_records").update(record_id, change)
            session.audit("核实锁定", "service_records", record_id,
                          {"status": record["status"]}, change)
            locked += 1
    return locked


def amend(session: Session, record_id: int, changes: dict[str, Any], reason: str) -> int:
    """Correct a locked record: the original is kept (已更正) and a new locked record with the
    reason replaces it in every total. Returns the new record's id."""
    session.require(Permission.RECORD_VERIFY)
    reason = (reason or "").strip()
    if not reason:
        raise RecordError({"amendment_reason": "请写明更正的原因，例如“结束时间登记错误，应为11:30”。"})
    original = _existing(session, record_id)
    if original["status"] == "已更正":
        newer = session.db.execute("SELECT id FROM service_records WHERE amends_record_id = ? "
                                   "ORDER BY id DESC", [record_id]).fetchone()
        raise RecordError({"status": f"服务记录{record_id}已被更正过，请更正最新的记录"
                                     f"（编号{newer[0] if newer else '?'}）。"})
    if original["status"] == EDITABLE:
        raise RecordError({"status": f"服务记录{record_id}尚未锁定，可以直接修改，不必更正。"})
    merged = {**original, **{k: v for k, v in changes.items() if k in (*_EDITABLE_COLUMNS, "hours")}}
    start, end = _time(merged.get("start_time"), "开始时间"), _time(merged.get("end_time"), "结束时间")
    if "hours" in changes or start is None or end is None:
        try:
            hours = float(merged["hours"])
        except (TypeError, ValueError):
            raise RecordError({"hours": f"服务时长“{merged['hours']}”应是数字（小时）。"}) from None
        if hours < 0:
            raise RecordError({"hours": "服务时长不能为负数。"})
    else:
        try:
            hours = served_hours(start, end)
        except ValueError as error:
            raise RecordError({"end_time": str(error)}) from None
    day = parse_date(merged["date"], "服务日期")
    stamp = now_text()
    row = {k: merged.get(k) for k in _EDITABLE_COLUMNS}
    row.update({key: _text(row[key]) for key in _TEXT_COLUMNS if row[key] is not None})
    row.update({"date": day.isoformat(), "start_time": start.strftime("%H:%M") if start else None,
                "end_time": end.strftime("%H:%M") if end else None, "hours": hours,
                "source": "更正", "amends_record_id": record_id, "amendment_reason": reason,
                "status": "已锁定", "verified_by": session.actor.user_id, "verified_at": stamp,
                "locked_at": stamp, "recorder_name": session.actor.name})
    with session.write("service_records"):
        if _existing(session, record_id)["status"] == "已更正":
            raise RecordError({"status": f"服务记录{record_id}刚被别人更正过，请刷新后再试。"})
        session.db.execute("UPDATE service_records SET status = '已更正' WHERE id = ?", [record_id])
        new_id = _insert(session, row)
        session.audit("更正", "service_records", record_id, original,
                      {**original, "status": "已更正", "superseded_by": new_id}, detail=reason)
    return new_id
