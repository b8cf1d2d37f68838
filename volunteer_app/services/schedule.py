"""任务与排班: tasks and the shifts generated from their recurrence, the week's view, ranked
candidates and conflicts, assigning, attendance after the shift, and filling the gaps.

The rules (recurrence, conflicts, ranking, the fill algorithm) live in
``domain/scheduling.py``; this module loads the facts, checks the acting user's permission
(a captain schedules their own team only) and writes with an audit entry. A completed
assignment becomes a service record through :func:`records.from_assignment`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from ..domain import scheduling
from ..domain.scheduling import (
    ACTIVE_STATES,
    Conflicts,
    Recurrence,
    RecurrenceError,
    Rules,
    ShiftKey,
    Slot,
)
from ..store.rows import from_json, new_uid, now_text, to_json
from . import records, settings
from . import schedule_facts as facts
from .permissions import Permission
from .session import Session

__all__ = [
    "Candidate", "Conflicts", "HardConflict", "Proposal", "Recurrence", "ScheduleError", "ShiftView",
    "Slot", "SoftConflict", "apply_fill", "archive_task", "assign", "assignments", "cancel_shift",
    "candidates", "check", "check_in", "check_out", "complete", "confirm", "create_task", "decline",
    "no_show", "propose_fill", "rota_groups", "set_rota_group", "shift", "task", "tasks", "unassign",
    "update_shift", "update_task", "week",
]

FILL_SHORT, FILL_ENOUGH, FILL_FULL = "缺人", "已够", "已满"
MAX_PEOPLE = 200
_ACTIVE_SQL = "(" + ", ".join(f"'{s}'" for s in ACTIVE_STATES) + ")"


class ScheduleError(ValueError):
    """A scheduling action could not be done; ``errors`` maps a field to its message."""

    def __init__(self, message: str, errors: dict[str, str] | None = None):
        super().__init__(message)
        self.errors = errors or {}


class HardConflict(ScheduleError):
    def __init__(self, name: str, reasons: list[str]):
        super().__init__(f"不能安排{name}：{'；'.join(reasons)}。")
        self.reasons = list(reasons)


class SoftConflict(ScheduleError):
    def __init__(self, name: str, reasons: list[str]):
        super().__init__(f"安排{name}需要确认：{'；'.join(reasons)}。")
        self.reasons = list(reasons)


def rules(session: Session) -> Rules:
    return Rules(heavy_max_age=int(settings.get(session, "schedule.heavy_task_max_age")))


# -- tasks -----------------------------------------------------------------------------------

def _task_values(session: Session, fields: dict[str, Any], creating: bool) -> dict[str, Any]:
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    if creating or "title" in fields:
        values["title"] = str(fields.get("title") or "").strip()
        if not values["title"]:
            errors["title"] = "任务名称为空，请填写，例如“明春苑垃圾分类桶前值守”。"
    if creating or "service_type_id" in fields:
        row = session.row("service_types", fields.get("service_type_id") or 0)
        if row is None or row["archived_at"]:
            errors["service_type_id"] = "请选择服务类型（如铲冰除雪、垃圾分类值守）。"
        values["service_type_id"] = fields.get("service_type_id")
    if "place_id" in fields:
        if fields["place_id"] and session.row("places", fields["place_id"]) is None:
            errors["place_id"] = f"找不到编号为{fields['place_id']}的地点。"
        values["place_id"] = fields["place_id"] or None
    for key in ("description", "insurance"):
        if key in fields:
            values[key] = str(fields[key] or "").strip()
    if errors:
        raise ScheduleError("；".join(errors.values()), errors)
    return values


def _headcount(min_people: int, max_people: int) -> None:
    if not 1 <= int(min_people) <= int(max_people) <= MAX_PEOPLE:
        raise ScheduleError(f"人数应满足 1 ≤ 最少人数（{min_people}）≤ 最多人数（{max_people}）≤ {MAX_PEOPLE}。",
                            {"min_people": "最少人数不能多于最多人数，也不能少于1。"})


def create_task(session: Session, fields: dict[str, Any], recurrence: Recurrence, slots: list[Slot],
                start: date, end: date, min_people: int = 1, max_people: int = 1,
                skills: Iterable[str] = ()) -> int:
    """A task of ``fields['team_id']`` with its shifts from ``start`` to ``end``; returns its id.

    fields: team_id, place_id, service_type_id, title, description (and insurance, the
    policy of a risky task). The shifts need ``skills``, or the service type's when empty.
    """
    team_id = fields.get("team_id")
    session.require(Permission.SCHEDULE, team_id or -1)
    team = session.row("teams", team_id or 0)
    if team is None or team["archived_at"]:
        raise ScheduleError("请选择负责这项任务的队伍。", {"team_id": "请选择队伍。"})
    values = _task_values(session, fields, creating=True)
    _headcount(min_people, max_people)
    try:
        plans = scheduling.generate(recurrence, slots, start, end)
    except RecurrenceError as error:
        raise ScheduleError(str(error), {"recurrence": str(error)}) from None
    if not plans:
        raise ScheduleError("所选日期范围内没有要生成的班次（可能都是法定节假日），请调整日期或重复方式。",
                            {"recurrence": "没有班次"})
    service_type = session.row("service_types", values["service_type_id"])
    shift_skills = to_json(sorted(set(skills) or set(from_json(service_type["skills"], []))))
    row = {"uid": new_uid(), "team_id": team_id, "place_id": None, "description": "", "insurance": "",
           **values, "recurrence": recurrence.to_json(), "starts_on": start.isoformat(),
           "ends_on": (start if recurrence.kind == "once" else end).isoformat(),
           "created_by": session.actor.user_id, "created_at": now_text()}
    with session.write("tasks", "shifts"):
        task_id = session.db.table("tasks").insert(row).last_pk
        session.db.table("shifts").insert_all(({
            "uid": new_uid(), "task_id": task_id, "date": p.date.isoformat(),
            "start_time": facts.hhmm(p.slot.start), "end_time": facts.hhmm(p.slot.end),
            "min_people": int(min_people), "max_people": int(max_people), "skills": shift_skills,
            "rota_group": p.group, "notes": "", "cancelled": 0} for p in plans), batch_size=500)
        session.audit("新增", "tasks", task_id, None, {**row, "shifts": len(plans),
                                                        "recurrence": recurrence.describe()})
    return task_id


def _task(session: Session, task_id: int) -> dict[str, Any]:
    row = session.row("tasks", task_id)
    if row is None:
        raise ScheduleError(f"找不到编号为{task_id}的任务，可能已被删除，请刷新。")
    return row


def task(session: Session, task_id: int) -> dict[str, Any]:
    """A task's row with its recurrence as a :class:`Recurrence` and the shifts' count."""
    session.require(Permission.LEDGER_READ)
    row = _task(session, task_id)
    count = session.db.execute("SELECT count(*) FROM shifts WHERE task_id = ? AND cancelled = 0",
                               [task_id]).fetchone()[0]
    return {**row, "recurrence": Recurrence.from_json(row["recurrence"]), "shifts": count}


def tasks(session: Session, team_id: int | None = None, include_archived: bool = False) -> list[dict[str, Any]]:
    """Tasks with team, type and place names, newest first."""
    session.require(Permission.LEDGER_READ)
    clauses, params = [], []
    if team_id is not None:
        clauses.append("t.team_id = ?")
        params.append(team_id)
    if not include_archived:
        clauses.append("t.archived_at IS NULL")
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    return list(session.db.query(
        "SELECT t.id, t.title, t.team_id, tm.name AS team_name, st.name AS service_type, "
        "st.intensity, p.name AS place, t.starts_on, t.ends_on, t.recurrence, t.archived_at "
        "FROM tasks t JOIN teams tm ON tm.id = t.team_id JOIN service_types st ON st.id = t.service_type_id "
        f"LEFT JOIN places p ON p.id = t.place_id {where} ORDER BY t.starts_on DESC, t.id DESC", params))


def update_task(session: Session, task_id: int, fields: dict[str, Any]) -> None:
    """Change title, description, place, service type or insurance (not the team)."""
    current = _task(session, task_id)
    session.require(Permission.SCHEDULE, current["team_id"])
    allowed = {k: v for k, v in fields.items()
               if k in ("title", "description", "place_id", "service_type_id", "insurance")}
    values = _task_values(session, allowed, creating=False)
    if not values:
        return
    with session.write("tasks"):
        session.db.table("tasks").update(task_id, values)
        session.audit("修改", "tasks", task_id, current, {**current, **values})


def archive_task(session: Session, task_id: int) -> int:
    """Archive a task: its shifts from today on are cancelled (past ones and their records stay).
    Returns how many shifts were cancelled."""
    current = _task(session, task_id)
    session.require(Permission.SCHEDULE, current["team_id"])
    with session.write("tasks", "shifts"):
        cursor = session.db.execute(
            "UPDATE shifts SET cancelled = 1 WHERE task_id = ? AND date >= ? AND cancelled = 0",
            [task_id, session.today().isoformat()])
        session.db.table("tasks").update(task_id, {"archived_at": now_text()})
        session.audit("归档", "tasks", task_id, current, None, detail=f"取消今后班次{cursor.rowcount}个")
    return cursor.rowcount


# -- shifts ----------------------------------------------------------------------------------

_SHIFT_CHANGES = ("date", "start_time", "end_time", "min_people", "max_people", "skills", "notes",
                  "rota_group")


def _shift_row(session: Session, shift_id: int) -> dict[str, Any]:
    rows = list(session.db.query("SELECT s.*, t.team_id, t.title FROM shifts s JOIN tasks t "
                                 "ON t.id = s.task_id WHERE s.id = ?", [shift_id]))
    if not rows:
        raise ScheduleError(f"找不到编号为{shift_id}的班次，可能已被删除，请刷新。")
    return rows[0]


def _scope_ids(session: Session, pivot: dict[str, Any], scope: str) -> list[int]:
    rows = session.db.execute("SELECT id, date, start_time FROM shifts WHERE task_id = ? AND date >= ? "
                              "AND cancelled = 0", [pivot["task_id"], pivot["date"]]).fetchall()
    keys = [ShiftKey(r[0], date.fromisoformat(r[1]), facts.parse_time(r[2])) for r in rows]
    key = ShiftKey(pivot["id"], date.fromisoformat(pivot["date"]), facts.parse_time(pivot["start_time"]))
    try:
        return scheduling.in_scope(keys, key, scope)
    except ValueError as error:
        raise ScheduleError(str(error)) from None


def _clean_changes(changes: dict[str, Any], scope: str) -> dict[str, Any]:
    unknown = set(changes) - set(_SHIFT_CHANGES)
    if unknown:
        raise ScheduleError(f"班次没有这些可改的项：{'、'.join(sorted(unknown))}。")
    if scope == "following" and ({"date", "rota_group"} & set(changes)):
        raise ScheduleError("日期和轮值组只能逐个班次修改，请选“仅此班次”。")
    values: dict[str, Any] = {}
    try:
        if "date" in changes:
            values["date"] = (changes["date"] if isinstance(changes["date"], date)
                              else date.fromisoformat(str(changes["date"]))).isoformat()
        for key in ("start_time", "end_time"):
            if key in changes:
                values[key] = facts.hhmm(facts.parse_time(changes[key]))
    except ValueError:
        raise ScheduleError("日期应写成 2026-12-05，时间应写成 07:30。") from None
    for key in ("min_people", "max_people"):
        if key in changes:
            values[key] = int(changes[key])
    if "skills" in changes:
        values["skills"] = to_json(sorted({str(s).strip() for s in changes["skills"] if str(s).strip()}))
    for key in ("notes", "rota_group"):
        if key in changes:
            values[key] = str(changes[key] or "").strip()
    return values


def update_shift(session: Session, shift_id: int, changes: dict[str, Any], scope: str = "one") -> int:
    """Change one shift, or it and the same slot of every later day ("following").

    Keys of ``changes``: date, start_time, end_time, min_people, max_people, skills, notes,
    rota_group (date and rota group with scope "one" only). Returns the shifts changed.
    """
    pivot = _shift_row(session, shift_id)
    session.require(Permission.SCHEDULE, pivot["team_id"])
    values = _clean_changes(changes, scope)
    if not values:
        return 0
    ids = _scope_ids(session, pivot, scope) if scope == "following" else [shift_id]
    with session.write("shifts"):
        for sid in ids:
            row = {**session.row("shifts", sid), **values}
            _check_shift(session, sid, row)
            session.db.table("shifts").update(sid, values)
        session.audit("修改班次", "shifts", shift_id, {k: pivot[k] for k in values},
                      {**values, "scope": scope, "count": len(ids)})
    return len(ids)


def _check_shift(session: Session, shift_id: int, row: dict[str, Any]) -> None:
    where = f"{row['date']} {row['start_time']}班次"
    if facts.parse_time(row["end_time"]) <= facts.parse_time(row["start_time"]):
        raise ScheduleError(f"{where}：结束时间应晚于开始时间。", {"end_time": "结束时间应晚于开始时间。"})
    _headcount(row["min_people"], row["max_people"])
    filled = session.db.execute(f"SELECT count(*) FROM assignments WHERE shift_id = ? AND state IN "
                                f"{_ACTIVE_SQL}", [shift_id]).fetchone()[0]
    if filled > row["max_people"]:
        raise ScheduleError(f"{where}已安排{filled}人，最多人数不能改成{row['max_people']}；请先撤销多出的安排。",
                            {"max_people": f"已安排{filled}人。"})


def cancel_shift(session: Session, shift_id: int, scope: str = "one") -> int:
    """Cancel one shift or it and the same slot of every later day; returns how many."""
    pivot = _shift_row(session, shift_id)
    session.require(Permission.SCHEDULE, pivot["team_id"])
    ids = _scope_ids(session, pivot, scope) if scope == "following" else [shift_id]
    with session.write("shifts"):
        session.db.execute(f"UPDATE shifts SET cancelled = 1 WHERE id IN ({','.join('?' * len(ids))})", ids)
        session.audit("取消班次", "shifts", shift_id, None, {"scope": scope, "count": len(ids)})
    return len(ids)


# -- rota groups -----------------------------------------------------------------------------

def set_rota_group(session: Session, team_id: int, volunteer_id: int, group: str) -> None:
    """Put a member in a rota group of their team (team_members.rota_group; "" = none).
    Rota shifts prefer their own group's members when ranking and filling."""
    session.require(Permission.TEAM_MEMBERS, team_id)
    member = session.db.execute("SELECT id, rota_group FROM team_members WHERE team_id = ? AND volunteer_id = ? "
                                "AND left_on IS NULL", [team_id, volunteer_id]).fetchone()
    if member is None:
        raise ScheduleError("该志愿者不是这支队伍的成员，不能分组。")
    group = str(group or "").strip()
    if len(group) > 10:
        raise ScheduleError("轮值组名称太长，请用 A、B、C 或“一组”这样的短名称。")
    with session.write("team_members"):
        session.db.execute("UPDATE team_members SET rota_group = ? WHERE id = ?", [group, member[0]])
        session.audit("设置轮值组", "team_members", member[0], {"rota_group": member[1]}, {"rota_group": group})


def rota_groups(session: Session, team_id: int) -> dict[str, list[str]]:
    """Group → member names ("" holds those in no group), groups in order."""
    session.require(Permission.LEDGER_READ)
    groups: dict[str, list[str]] = {}
    for member in facts.team_members(session, team_id):
        groups.setdefault(member.group, []).append(member.name)
    return dict(sorted(groups.items()))


# -- views -----------------------------------------------------------------------------------

@dataclass
class ShiftView:
    id: int
    task_id: int
    task_title: str
    team_id: int
    team_name: str
    service_type: str
    intensity: str
    place: str
    date: date
    start: time
    end: time
    min_people: int
    max_people: int
    filled: int
    fill: str                    # 缺人 | 已够 | 已满
    rota_group: str
    assignees: list[str]
    cancelled: bool
    notes: str = ""
    skills: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return facts.shift_label(self.date, self.start, self.end, self.task_title, self.rota_group)


def fill_word(filled: int, min_people: int, max_people: int) -> str:
    if filled >= max_people:
        return FILL_FULL
    return FILL_SHORT if filled < min_people else FILL_ENOUGH


_SEP = "\x1f"
_VIEW_SQL = (
    "SELECT s.id, s.task_id, t.title, t.team_id, tm.name AS team_name, st.name AS service_type, "
    "st.intensity, coalesce(p.name, '') AS place, s.date, s.start_time, s.end_time, s.min_people, "
    "s.max_people, s.rota_group, s.cancelled, s.notes, s.skills, "
    "(SELECT group_concat(name, char(31)) FROM (SELECT v.name FROM assignments a "
    f" JOIN volunteers v ON v.id = a.volunteer_id WHERE a.shift_id = s.id AND a.state IN {_ACTIVE_SQL} "
    " ORDER BY a.id)) AS names "
    "FROM shifts s JOIN tasks t ON t.id = s.task_id JOIN teams tm ON tm.id = t.team_id "
    "JOIN service_types st ON st.id = t.service_type_id LEFT JOIN places p ON p.id = t.place_id ")


def _view(row: tuple) -> ShiftView:
    (sid, task_id, title, team_id, team_name, stype, intensity, place, day, start, end, lo, hi,
     group, cancelled, notes, skills, names) = row
    people = names.split(_SEP) if names else []
    return ShiftView(sid, task_id, title, team_id, team_name, stype, intensity, place,
                     date.fromisoformat(day), facts.parse_time(start), facts.parse_time(end), lo, hi,
                     len(people), fill_word(len(people), lo, hi), group, people, bool(cancelled),
                     notes, tuple(from_json(skills, [])))


def between(session: Session, first: date, last: date, team_id: int | None = None) -> list[ShiftView]:
    """Every shift of live tasks from ``first`` to ``last``, in time order, in one query."""
    session.require(Permission.LEDGER_READ)
    sql = _VIEW_SQL + "WHERE s.date BETWEEN ? AND ? AND t.archived_at IS NULL "
    params: list[Any] = [first.isoformat(), last.isoformat()]
    if team_id is not None:
        sql += "AND t.team_id = ? "
        params.append(team_id)
    return [_view(r) for r in session.db.execute(sql + "ORDER BY s.date, s.start_time, s.id", params)]


def week(session: Session, monday: date, team_id: int | None = None) -> list[ShiftView]:
    """The shifts of the ISO week containing ``monday`` (any day of it will do)."""
    first, last = facts.week_of(monday)
    return between(session, first, last, team_id)


def shift(session: Session, shift_id: int) -> ShiftView:
    session.require(Permission.LEDGER_READ)
    rows = session.db.execute(_VIEW_SQL + "WHERE s.id = ?", [shift_id]).fetchall()
    if not rows:
        raise ScheduleError(f"找不到编号为{shift_id}的班次，可能已被删除，请刷新。")
    return _view(rows[0])


# -- candidates and conflicts ---------------------------------------------------------------

@dataclass
class Candidate:
    volunteer_id: int
    name: str
    rank: int
    hours_this_month: float
    hours_this_week: float
    reasons: list[str]
    conflicts: Conflicts
    group: str = ""


def _one_shift(session: Session, shift_id: int) -> facts.ShiftRow:
    rows = facts.shift_rows(session, "s.id = ?", [shift_id])
    if not rows:
        raise ScheduleError(f"找不到编号为{shift_id}的班次，可能已被删除，请刷新。")
    return rows[0]


def candidates(session: Session, shift_id: int) -> list[Candidate]:
    """The team's members not yet on the shift, best fit first, each with reasons in words."""
    session.require(Permission.LEDGER_READ)
    target = _one_shift(session, shift_id)
    shift_facts = target.facts
    held = facts.commitments(session, *facts.span(shift_facts.day), team_id=target.team_id)
    the_rules = rules(session)
    ranked = []
    for member in facts.team_members(session, target.team_id):
        if member.id in target.assignees:
            continue
        load = facts.load_on(held.get(member.id, ()), shift_facts.day, exclude_shift=shift_id)
        found = scheduling.check(member, shift_facts, held.get(member.id, ()), load, the_rules,
                                 filled=len(target.assignees))
        ranked.append((scheduling.fit_key(member, shift_facts, found, load), member, load, found))
    ranked.sort(key=lambda item: item[0])
    return [Candidate(m.id, m.name, n, load.month, load.week,
                      scheduling.fit_reasons(m, shift_facts, load), found, m.group)
            for n, (_, m, load, found) in enumerate(ranked, start=1)]


def _conflicts(session: Session, target: facts.ShiftRow, volunteer_id: int) -> tuple[str, Conflicts]:
    member = facts.volunteer(session, volunteer_id, target.team_id)
    if member is None:
        raise ScheduleError(f"找不到编号为{volunteer_id}的志愿者。")
    day = target.facts.day
    held = facts.commitments(session, *facts.span(day), volunteer_id=volunteer_id).get(volunteer_id, [])
    load = facts.load_on(held, day, exclude_shift=target.facts.id)
    already = volunteer_id in target.assignees
    found = scheduling.check(member, target.facts, held, load, rules(session),
                             filled=len(target.assignees), already_on=already)
    return member.name, found


def check(session: Session, shift_id: int, volunteer_id: int) -> Conflicts:
    """What blocks (hard) or warns (soft) if the volunteer were put on the shift."""
    session.require(Permission.LEDGER_READ)
    return _conflicts(session, _one_shift(session, shift_id), volunteer_id)[1]


# -- assigning -------------------------------------------------------------------------------

def assign(session: Session, shift_id: int, volunteer_id: int, accept_warnings: bool = False) -> int:
    """Put a volunteer on a shift; returns the assignment id.

    Raises :class:`HardConflict` when a rule blocks it, :class:`SoftConflict` when there are
    warnings the captain has not accepted (``accept_warnings=True`` after they have).
    """
    target = _one_shift(session, shift_id)
    session.require(Permission.SCHEDULE, target.team_id)
    with session.write("assignments"):
        target = _one_shift(session, shift_id)     # again inside the transaction
        name, found = _conflicts(session, target, volunteer_id)
        if found.hard:
            raise HardConflict(name, found.hard)
        if found.soft and not accept_warnings:
            raise SoftConflict(name, found.soft)
        old = session.db.execute("SELECT id, state FROM assignments WHERE shift_id = ? AND volunteer_id = ?",
                                 [shift_id, volunteer_id]).fetchone()
        note = ("确认后安排：" + "；".join(found.soft)) if found.soft else ""
        if old:
            assignment_id = old[0]
            session.db.table("assignments").update(assignment_id, {
                "state": "已安排", "check_in": None, "check_out": None, "note": note})
        else:
            assignment_id = session.db.table("assignments").insert({
                "uid": new_uid(), "shift_id": shift_id, "volunteer_id": volunteer_id, "state": "已安排",
                "note": note, "created_at": now_text()}).last_pk
        session.audit("安排", "assignments", assignment_id, {"state": old[1]} if old else None,
                      {"shift": target.facts.label, "volunteer": name, "warnings": found.soft})
    return assignment_id


def _assignment(session: Session, assignment_id: int) -> dict[str, Any]:
    rows = list(session.db.query(
        "SELECT a.*, v.name, s.date, s.start_time, s.end_time, t.team_id FROM assignments a "
        "JOIN volunteers v ON v.id = a.volunteer_id JOIN shifts s ON s.id = a.shift_id "
        "JOIN tasks t ON t.id = s.task_id WHERE a.id = ?", [assignment_id]))
    if not rows:
        raise ScheduleError(f"找不到编号为{assignment_id}的排班安排，可能已被撤销，请刷新。")
    return rows[0]


def assignments(session: Session, shift_id: int) -> list[dict[str, Any]]:
    """Everyone on a shift in any state: id, volunteer_id, name, phone, state, check_in,
    check_out, note, record_id (the service record, once completed)."""
    session.require(Permission.LEDGER_READ)
    return list(session.db.query(
        "SELECT a.id, a.volunteer_id, v.name, v.phone, a.state, a.check_in, a.check_out, a.note, "
        "r.id AS record_id FROM assignments a JOIN volunteers v ON v.id = a.volunteer_id "
        "LEFT JOIN service_records r ON r.assignment_id = a.id WHERE a.shift_id = ? ORDER BY a.id",
        [shift_id]))


def unassign(session: Session, assignment_id: int) -> None:
    """Take a volunteer off a shift before it happened (attended ones stay on the record)."""
    current = _assignment(session, assignment_id)
    session.require(Permission.SCHEDULE, current["team_id"])
    if current["state"] in ("已签到", "已完成", "缺席"):
        raise ScheduleError(f"{current['name']}在{current['date']}的安排状态为“{current['state']}”，"
                            "不能撤销。")
    with session.write("assignments"):
        session.db.execute("DELETE FROM assignments WHERE id = ?", [assignment_id])
        session.audit("撤销安排", "assignments", assignment_id, current, None)


# -- attendance ------------------------------------------------------------------------------

def _transition(session: Session, assignment_id: int, action: str, allowed: Sequence[str], state: str,
                extra: dict[str, Any] | None = None, not_before: bool = False) -> dict[str, Any]:
    """Move an assignment to ``state`` from one of ``allowed``; call inside a write."""
    current = _assignment(session, assignment_id)
    if current["state"] not in allowed:
        raise ScheduleError(f"{current['name']}的安排现在是“{current['state']}”，不能{action}。")
    if not_before and date.fromisoformat(current["date"]) > session.today():
        raise ScheduleError(f"班次在{current['date']}，还没到，不能{action}。")
    values = {"state": state, **(extra or {})}
    session.db.table("assignments").update(assignment_id, values)
    session.audit(action, "assignments", assignment_id, {"state": current["state"]}, values)
    return current


def _simple(session: Session, assignment_id: int, action: str, allowed: Sequence[str], state: str,
            not_before: bool = False) -> None:
    session.require(Permission.SCHEDULE, _assignment(session, assignment_id)["team_id"])
    with session.write("assignments"):
        _transition(session, assignment_id, action, allowed, state, not_before=not_before)


def confirm(session: Session, assignment_id: int) -> None:
    """The volunteer said they will come (已安排 → 已确认)."""
    _simple(session, assignment_id, "确认", ("已安排",), "已确认")


def decline(session: Session, assignment_id: int) -> None:
    """The volunteer cannot come (→ 已谢绝); the place on the shift is free again."""
    _simple(session, assignment_id, "谢绝", ("已安排", "已确认"), "已谢绝")


def no_show(session: Session, assignment_id: int) -> None:
    """The volunteer did not come (→ 缺席); no service record."""
    _simple(session, assignment_id, "记缺席", ("已安排", "已确认"), "缺席", not_before=True)


def _moment(current: dict[str, Any], at: datetime, what: str) -> str:
    if at.date().isoformat() != current["date"]:
        raise ScheduleError(f"{what}时间{at:%Y-%m-%d %H:%M}不在班次当天（{current['date']}）。")
    return at.replace(microsecond=0).isoformat(timespec="seconds")


def check_in(session: Session, assignment_id: int, at: datetime) -> None:
    current = _assignment(session, assignment_id)
    session.require(Permission.SCHEDULE, current["team_id"])
    stamp = _moment(current, at, "签到")
    with session.write("assignments"):
        _transition(session, assignment_id, "签到", ("已安排", "已确认"), "已签到",
                    {"check_in": stamp}, not_before=True)


def check_out(session: Session, assignment_id: int, at: datetime) -> int:
    """Sign out: the assignment is completed and its service record made with the real hours
    (check-in to check-out). Returns the record id."""
    current = _assignment(session, assignment_id)
    session.require(Permission.SCHEDULE, current["team_id"])
    stamp = _moment(current, at, "签退")
    if current["check_in"] and stamp <= current["check_in"]:
        raise ScheduleError(f"签退时间{at:%H:%M}应晚于签到时间{current['check_in'][11:16]}。")
    with session.write("assignments", "service_records"):
        _transition(session, assignment_id, "签退", ("已签到",), "已完成", {"check_out": stamp},
                    not_before=True)
        return records.from_assignment(session, assignment_id)


def complete(session: Session, assignment_id: int) -> int:
    """Mark done without times: the record takes the shift's hours (or from check-in to the
    shift's end). Returns the record id."""
    session.require(Permission.SCHEDULE, _assignment(session, assignment_id)["team_id"])
    with session.write("assignments", "service_records"):
        _transition(session, assignment_id, "记为完成", ("已安排", "已确认", "已签到"), "已完成",
                    not_before=True)
        return records.from_assignment(session, assignment_id)


# -- filling the gaps ------------------------------------------------------------------------

@dataclass
class Proposal:
    shift_id: int
    volunteer_id: int
    name: str
    shift_label: str
    reasons: list[str] = field(default_factory=list)


def propose_fill(session: Session, team_id: int, monday: date) -> list[Proposal]:
    """People for every shift of the team's week (from today on) that is short of its minimum.

    Nothing is saved: the captain looks at the proposals, drops any, then :func:`apply_fill`.
    """
    session.require(Permission.SCHEDULE, team_id)
    first, last = facts.week_of(monday)
    first = max(first, session.today())
    rows = facts.shift_rows(session, "t.team_id = ? AND t.archived_at IS NULL AND s.cancelled = 0 "
                            "AND s.date BETWEEN ? AND ?", [team_id, first.isoformat(), last.isoformat()])
    gaps = [scheduling.Gap(r.facts, r.assignees) for r in rows if len(r.assignees) < r.facts.min_people]
    if not gaps:
        return []
    members = facts.team_members(session, team_id)
    middle = facts.week_of(monday)[0] + timedelta(days=3)    # the week's month: where its Thursday is
    held = facts.commitments(session, *facts.span(middle), team_id=team_id)
    loads = {m.id: facts.load_on(held.get(m.id, ()), middle) for m in members}
    # only this week's commitments can overlap the week's shifts
    week_held = {vid: [c for c in cs if facts.week_of(monday)[0] <= c.day <= last] for vid, cs in held.items()}
    picks = scheduling.fill_gaps(gaps, members, week_held, loads, rules(session))
    names = {m.id: m.name for m in members}
    labels = {r.facts.id: r.facts.label for r in rows}
    order = {r.facts.id: n for n, r in enumerate(rows)}
    picks.sort(key=lambda p: (order[p.shift_id], names[p.volunteer_id]))
    return [Proposal(p.shift_id, p.volunteer_id, names[p.volunteer_id], labels[p.shift_id], list(p.reasons))
            for p in picks]


def apply_fill(session: Session, proposals: Iterable[Proposal]) -> int:
    """Assign the accepted proposals; one that a change since has made impossible is skipped.
    Returns how many were assigned."""
    done = 0
    with session.write("assignments"):
        for proposal in proposals:
            try:
                assign(session, proposal.shift_id, proposal.volunteer_id, accept_warnings=True)
            except HardConflict:
                continue
            done += 1
    return done
