"""任务与排班: tasks and the shifts generated from their recurrence, changes to one shift or
all that follow, rota groups, and the week's view.

Ranked candidates, conflicts, assigning and filling the gaps live in ``assigning``,
attendance after the shift in ``attendance``, the errors in ``schedule_facts``: import
them from there. The rules themselves (recurrence in ``domain/scheduling.py``; conflicts,
ranking and the fill algorithm in ``domain/shift_rules.py``) are plain Python; the services load
the facts, check the acting user's permission (a captain schedules their own team only)
and write with an audit entry.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from ...domain import scheduling
from ...domain.scheduling import Recurrence, RecurrenceError, ShiftKey, Slot
from ...store.row_versions import check_version
from ...store.rows import from_json, new_uid, now_text, to_json
from ..permissions import Permission
from ..session import Session
from . import schedule_facts as facts
from .schedule_facts import ScheduleError

FILL_SHORT, FILL_ENOUGH, FILL_FULL = "缺人", "已够", "已满"
MAX_PEOPLE = 200


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


def _headcount(min_people: int, max_people: int, where: str = "") -> None:
    """``where`` names the shift when one of several is being changed."""
    if not 1 <= int(min_people) <= int(max_people) <= MAX_PEOPLE:
        raise ScheduleError(f"{where}人数应满足 1 ≤ 最少人数（{min_people}）≤ 最多人数（{max_people}）"
                            f"≤ {MAX_PEOPLE}。", {"min_people": "最少人数不能多于最多人数，也不能少于1。"})


def create_task(session: Session, fields: dict[str, Any], recurrence: Recurrence, slots: list[Slot],
                start: date, end: date, min_people: int = 1, max_people: int = 1,
                skills: Iterable[str] = ()) -> int:
    """A task of ``fields['team_id']`` with its shifts from ``start`` to ``end``; returns its id.

    fields: team_id, place_id, service_type_id, title, description (and insurance, the
    policy of a risky task). The shifts need ``skills``, or the service type's when empty.
    """
    team_id = fields.get("team_id")
    session.require(Permission.SCHEDULE, team_id)
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
    typed = {str(s).strip() for s in skills if str(s).strip()}     # as update_shift keeps them
    shift_skills = to_json(sorted(typed or set(from_json(service_type["skills"], []))))
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


def update_task(session: Session, task_id: int, fields: dict[str, Any], *,
                version: int | None = None) -> None:
    """Change title, description, place, service type or insurance (not the team)."""
    current = _task(session, task_id)
    session.require(Permission.SCHEDULE, current["team_id"])
    allowed = {k: v for k, v in fields.items()
               if k in ("title", "description", "place_id", "service_type_id", "insurance")}
    values = _task_values(session, allowed, creating=False)
    if not values:
        return
    with session.write("tasks"):
        check_version(session.db, "tasks", task_id, version)
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
        raise facts.no_such_shift(shift_id)
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
    if "date" in changes:
        try:
            values["date"] = (changes["date"] if isinstance(changes["date"], date)
                              else date.fromisoformat(str(changes["date"]))).isoformat()
        except ValueError:
            raise ScheduleError(f"日期“{changes['date']}”应写成 2026-12-05 这样。",
                                {"date": "日期格式不对。"}) from None
    for key, word, example, read in (
            ("start_time", "开始时间", "07:30", lambda v: facts.hhmm(facts.parse_time(v))),
            ("end_time", "结束时间", "09:30", lambda v: facts.hhmm(facts.parse_time(v))),
            ("min_people", "最少人数", "2", int), ("max_people", "最多人数", "3", int)):
        if key in changes:
            try:
                values[key] = read(changes[key])
            except (TypeError, ValueError):
                raise ScheduleError(f"{word}“{changes[key]}”应写成 {example} 这样。",
                                    {key: f"{word}格式不对。"}) from None
    if "skills" in changes:
        values["skills"] = to_json(sorted({str(s).strip() for s in changes["skills"] if str(s).strip()}))
    for key in ("notes", "rota_group"):
        if key in changes:
            values[key] = str(changes[key] or "").strip()
    return values


def update_shift(session: Session, shift_id: int, changes: dict[str, Any], scope: str = "one", *,
                 version: int | None = None) -> int:
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
        check_version(session.db, "shifts", shift_id, version)  # the shift the dialog showed
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
    _headcount(row["min_people"], row["max_people"], f"{where}：")
    filled = session.db.execute(f"SELECT count(*) FROM assignments WHERE shift_id = ? AND state IN "
                                f"{facts.ACTIVE_SQL}", [shift_id]).fetchone()[0]
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
        volunteer = session.row("volunteers", volunteer_id)
        team = session.row("teams", team_id)
        who = volunteer["name"] if volunteer else f"编号为{volunteer_id}的志愿者"
        raise ScheduleError(f"{who}不是“{team['name'] if team else team_id}”的现任队员，不能分组。")
    group = str(group or "").strip()
    if len(group) > 10:
        raise ScheduleError(f"轮值组名称“{group}”太长（最多10个字），请用 A、B、C 或“一组”这样的短名称。",
                            {"rota_group": "最多10个字。"})
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
    rota_group: str
    assignees: list[str]         # names of those holding a place (active states)
    cancelled: bool
    notes: str = ""
    skills: tuple[str, ...] = ()

    @property
    def filled(self) -> int:
        return len(self.assignees)

    @property
    def fill(self) -> str:
        """缺人 | 已够 | 已满"""
        return fill_word(self.filled, self.min_people, self.max_people)

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
    f" JOIN volunteers v ON v.id = a.volunteer_id WHERE a.shift_id = s.id AND a.state IN {facts.ACTIVE_SQL} "
    " ORDER BY a.id)) AS names "
    "FROM shifts s JOIN tasks t ON t.id = s.task_id JOIN teams tm ON tm.id = t.team_id "
    "JOIN service_types st ON st.id = t.service_type_id LEFT JOIN places p ON p.id = t.place_id ")


def _view(row: tuple) -> ShiftView:
    (sid, task_id, title, team_id, team_name, stype, intensity, place, day, start, end, lo, hi,
     group, cancelled, notes, skills, names) = row
    people = names.split(_SEP) if names else []
    return ShiftView(sid, task_id, title, team_id, team_name, stype, intensity, place,
                     date.fromisoformat(day), facts.parse_time(start), facts.parse_time(end), lo, hi,
                     group, people, bool(cancelled), notes, tuple(from_json(skills, [])))


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
        raise facts.no_such_shift(shift_id)
    return _view(rows[0])
