"""Service records (志愿服务记录): hours a volunteer served, from a completed assignment, a
logged visit, or entered by hand; edited while unlocked; verified and locked by a supervisor;
corrected after that only by an amendment.

Hours follow the settings: rounded to ``records.round_to_hours`` and capped by
``records.daily_cap_hours`` per volunteer and day.

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

from datetime import date, time
from typing import Any

from ..domain.forms import parse_date
from ..domain.hours import cap_hours, counts_for_stars, round_hours, served_hours
from ..domain.identity import FieldError
from ..store.rows import new_uid, now_text
from . import settings
from .permissions import Permission
from .session import Session


class RecordError(ValueError):
    def __init__(self, errors: dict[str, str]):
        super().__init__("；".join(errors.values()))
        self.errors = errors


def _time(text: str | time | None, label: str) -> time | None:
    if text in (None, ""):
        return None
    if isinstance(text, time):
        return text
    try:
        return time.fromisoformat(str(text).strip()[:5].rjust(5, "0"))
    except ValueError:
        raise FieldError(label, f"{label}“{text}”应写成 08:30 这样的时间。") from None


def hours_already(session: Session, volunteer_id: int, day: str, exclude_id: int | None = None) -> float:
    return session.db.execute(
        "SELECT coalesce(sum(hours), 0) FROM service_records WHERE volunteer_id = ? AND date = ? "
        "AND status != '已更正' AND id IS NOT ?", [volunteer_id, day, exclude_id]).fetchone()[0]


def _insert(session: Session, row: dict[str, Any]) -> int:
    """Round and cap the hours, flag staff duty hours, insert, audit. Call inside a write."""
    volunteer = session.row("volunteers", row["volunteer_id"])
    if volunteer is None:
        raise RecordError({"volunteer_id": f"找不到编号为{row['volunteer_id']}的志愿者。"})
    day = date.fromisoformat(row["date"])
    start, end = _time(row.get("start_time"), "开始时间"), _time(row.get("end_time"), "结束时间")
    step = float(settings.get(session, "records.round_to_hours"))
    cap = float(settings.get(session, "records.daily_cap_hours"))
    hours = round_hours(float(row["hours"]), step)
    allowed = cap_hours(hours, hours_already(session, row["volunteer_id"], row["date"]), cap)
    if allowed < hours:
        row["content"] = (row.get("content", "") + f"（当日时长已达上限{cap:g}小时，本条按{allowed:g}小时记录）").strip()
    full = {
        "uid": new_uid(), "status": "已记录", "created_at": now_text(),
        "recorder_name": session.actor.name, "counts_for_stars": 1 if counts_for_stars(
            bool(volunteer["is_staff"]), day, start, end) else 0,
        **row, "hours": allowed,
    }
    record_id = session.db.table("service_records").insert(full).last_pk
    session.audit("新增", "service_records", record_id, None, full)
    return record_id


def add_manual(session: Session, fields: dict[str, Any]) -> int:
    """A record entered by hand: volunteer, date, start and end, service type, what was done."""
    # A captain records hours for their own team only (RECORD_WRITE is team-scoped); -1 stands
    # for "no team given", which only roles not limited to teams may leave empty.
    session.require(Permission.RECORD_WRITE, fields.get("team_id") or -1)
    row = manual_row(session, fields)
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
        "beneficiary": str(fields.get("beneficiary") or ""), "place": str(fields.get("place") or ""),
        "activity": str(fields.get("activity") or ""), "content": str(fields.get("content") or ""),
        "lead_name": str(fields.get("lead_name") or ""),
    }


def from_assignment(session: Session, assignment_id: int) -> int:
    """The record of a completed assignment, with its real hours (check-in to check-out when
    both are known, else the shift's times). Idempotent: a second call returns the same id."""
    existing = session.db.execute("SELECT id FROM service_records WHERE assignment_id = ?",
                                  [assignment_id]).fetchone()
    if existing:
        return existing[0]
    rows = list(session.db.query(
        "SELECT a.*, s.date, s.start_time, s.end_time, t.team_id, t.service_type_id, t.title, "
        "p.name AS place FROM assignments a JOIN shifts s ON s.id = a.shift_id "
        "JOIN tasks t ON t.id = s.task_id LEFT JOIN places p ON p.id = t.place_id WHERE a.id = ?",
        [assignment_id]))
    if not rows:
        raise RecordError({"assignment_id": f"找不到编号为{assignment_id}的排班安排。"})
    a = rows[0]
    session.require(Permission.SCHEDULE, a["team_id"])
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
    session.require(Permission.VISIT_LOG)
    visit = session.row("visits", visit_id)
    if visit is None:
        raise RecordError({"visit_id": f"找不到编号为{visit_id}的探访记录。"})
    resident = session.row("residents", visit["resident_id"]) or {}
    type_row = session.db.execute("SELECT id FROM service_types WHERE name = '助老陪伴'").fetchone()
    start = visit["start_time"]
    end = None
    if start:
        minutes = int(start[:2]) * 60 + int(start[3:5]) + visit["minutes"]
        end = f"{min(minutes // 60, 23):02d}:{minutes % 60 if minutes < 24 * 60 else 59:02d}"
    row = {"volunteer_id": visit["volunteer_id"], "service_type_id": type_row[0] if type_row else None,
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


def update(session: Session, record_id: int, fields: dict[str, Any]) -> None:
    """Change an unlocked record; hours are worked out again from the times."""
    record = _existing(session, record_id)
    session.require(Permission.RECORD_WRITE, record["team_id"] or -1)
    _refuse_locked(record, "修改")
    merged = {**{k: record[k] for k in _EDITABLE_COLUMNS}, **fields}
    session.require(Permission.RECORD_WRITE, merged.get("team_id") or -1)
    row = manual_row(session, merged)
    row["source"] = record["source"]
    row["evaluation"] = str(merged.get("evaluation") or "")
    with session.write("service_records"):
        again = _existing(session, record_id)
        _refuse_locked(again, "修改")   # verified by someone else since it was read
        cap = float(settings.get(session, "records.daily_cap_hours"))
        step = float(settings.get(session, "records.round_to_hours"))
        hours = round_hours(row["hours"], step)
        row["hours"] = cap_hours(hours, hours_already(session, row["volunteer_id"], row["date"],
                                                      exclude_id=record_id), cap)
        volunteer = session.row("volunteers", row["volunteer_id"]) or {"is_staff": 0}
        row["counts_for_stars"] = 1 if counts_for_stars(
            bool(volunteer["is_staff"]), date.fromisoformat(row["date"]),
            _time(row["start_time"], "开始时间"), _time(row["end_time"], "结束时间")) else 0
        session.db.table("service_records").update(record_id, row)
        session.audit("修改", "service_records", record_id, record, session.row("service_records", record_id))


def delete(session: Session, record_id: int) -> None:
    """Remove an unlocked record entered in error (locked ones are amended instead)."""
    record = _existing(session, record_id)
    session.require(Permission.RECORD_WRITE, record["team_id"] or -1)
    _refuse_locked(record, "删除")
    with session.write("service_records"):
        _refuse_locked(_existing(session, record_id), "删除")
        session.db.execute("DELETE FROM service_records WHERE id = ?", [record_id])
        session.audit("删除", "service_records", record_id, record, None)


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
