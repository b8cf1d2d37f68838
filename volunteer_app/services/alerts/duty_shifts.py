"""Duty shifts of a warning (铲冰 the morning after the snow, 暴雨 patrols at low-lying places)
from the type's templates (domain/weather.TEMPLATES), one task per place, made with
任务与排班's create_task and filled with 一键补缺 (assigning.propose_fill / apply_fill), so
every hard rule of the schedule holds. The insurance of risky tasks (《志愿服务条例》第十七条)
is asked for while it is missing.

The shifts are made after the roll-call's transaction: a task that cannot be made is a
warning line, never a reason to lose the roll-call.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from ...domain import weather
from ...domain.scheduling import Recurrence, Slot
from ...store.rows import now_text
from ..permissions import PermissionDenied
from ..scheduling import assigning, schedule
from ..scheduling.schedule_facts import ACTIVE_SQL, ScheduleError
from ..session import Session
from .access import AlertError, require_run

NO_PATHS = ("垃圾分类驿站",)       # place kinds nobody walks to from home
INSURANCE_LINE = "{title} 需要为志愿者登记保险（《志愿服务条例》第十七条），尚未登记。"


@dataclass
class ShiftsMade:
    task_ids: list[int] = field(default_factory=list)
    shift_ids: list[int] = field(default_factory=list)
    filled: int = 0
    short_shifts: int = 0
    warnings: list[str] = field(default_factory=list)


# -- where -------------------------------------------------------------------------------------

def roll_places(session: Session, place_ids: Iterable[int | None]) -> list[dict[str, Any]]:
    """The places (not bin points) where the residents on the list live, by name."""
    ids = sorted({p for p in place_ids if p is not None})
    if not ids:
        return []
    kinds = ", ".join(f"'{k}'" for k in NO_PATHS)
    return list(session.db.query(
        f"SELECT id, name, community_id FROM places WHERE id IN ({', '.join('?' * len(ids))}) "
        f"AND archived_at IS NULL AND kind NOT IN ({kinds}) ORDER BY name, id", ids))


def flood_places(session: Session, community_ids: Sequence[int]) -> list[dict[str, Any]]:
    """The places marked 低洼易涝 in the warning's communities."""
    if not community_ids:
        return []
    return list(session.db.query(
        "SELECT id, name, community_id FROM places WHERE flood_prone = 1 AND archived_at IS NULL "
        f"AND community_id IN ({', '.join('?' * len(community_ids))}) ORDER BY name, id", list(community_ids)))


def places_for(session: Session, where: weather.Where, roll_place_ids: Iterable[int | None],
               community_ids: Sequence[int]) -> list[dict[str, Any]]:
    if where == weather.Where.FLOOD:
        return flood_places(session, community_ids)
    return roll_places(session, roll_place_ids)


def _groups(kind: weather.AlertType) -> dict[tuple, list[weather.ShiftTemplate]]:
    """Templates that differ only in their hours make one task (暴雨: morning and afternoon)."""
    groups: dict[tuple, list[weather.ShiftTemplate]] = {}
    for t in weather.TEMPLATES[kind]:
        groups.setdefault((t.service_type, t.title, t.where, t.min_people, t.max_people), []).append(t)
    return groups


# -- making them -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Plan:
    """What :func:`make` does, for one warning."""

    alert_id: int
    kind: weather.AlertType
    started: datetime
    until: datetime | None
    community_ids: tuple[int, ...]
    insurance: str = ""


def make(session: Session, plan: Plan) -> ShiftsMade:
    """The warning's tasks and shifts, then 一键补缺 on them. A (title, place) the warning
    already has a task for is left alone (an upgrade adds only what is new). It makes tasks
    for any team, so it checks the warning's own permission, not each team's."""
    require_run(session)
    made = ShiftsMade()
    roll_place_ids = [r[0] for r in session.db.execute(
        "SELECT DISTINCT r.place_id FROM alert_roll a JOIN residents r ON r.id = a.resident_id "
        "WHERE a.alert_id = ?", [plan.alert_id])]
    have = {(r[0], r[1]) for r in session.db.execute(
        "SELECT title, place_id FROM tasks WHERE alert_id = ?", [plan.alert_id])}
    for (type_name, title, where, low, high), templates in _groups(plan.kind).items():
        places = places_for(session, where, roll_place_ids, plan.community_ids)
        if not places and where == weather.Where.FLOOD:
            made.warnings.append(f"没有标记为低洼易涝的地点，未生成{plan.kind.value}巡查班次。")
        for place in places:
            name = title.format(place=place["name"])
            if (name, place["id"]) in have:
                continue
            try:
                _one_task(session, plan, place, name, type_name, templates, (low, high), made)
            except (ScheduleError, PermissionDenied, AlertError) as error:
                made.warnings.append(f"{name}：未能生成值班班次（{error}）")
    _fill(session, made)
    return made


def _one_task(session: Session, plan: Plan, place: dict[str, Any], name: str, type_name: str,
              templates: list[weather.ShiftTemplate], heads: tuple[int, int], made: ShiftsMade) -> None:
    dates = {t: weather.shift_dates(t, plan.started, plan.until) for t in templates}
    days = sorted({d for ds in dates.values() for d in ds})
    if not days:
        return
    service = session.db.execute("SELECT id, needs_insurance FROM service_types WHERE name = ? "
                                 "AND archived_at IS NULL", [type_name]).fetchone()
    if service is None:
        raise AlertError(f"没有“{type_name}”这个服务类型")
    team_id = _team_for(session, place["community_id"])
    if team_id is None:
        raise AlertError("没有可安排的志愿服务队")
    fields = {"team_id": team_id, "place_id": place["id"], "service_type_id": service[0], "title": name,
              "description": f"{plan.kind.value}预警值班", "insurance": plan.insurance if service[1] else ""}
    recurrence = Recurrence("once" if len(days) == 1 else "daily")
    slots = [Slot(t.start, t.end) for t in templates]
    with session.write("tasks", "shifts"):
        task_id = schedule.create_task(session, fields, recurrence, slots, days[0], days[-1], *heads)
        session.db.execute("UPDATE tasks SET alert_id = ? WHERE id = ?", [plan.alert_id, task_id])
        _drop_extra(session, task_id, dates)
        session.audit("预警值班任务", "tasks", task_id, None, {"alert_id": plan.alert_id, "title": name})
    made.task_ids.append(task_id)
    made.shift_ids += [r[0] for r in session.db.execute("SELECT id FROM shifts WHERE task_id = ?", [task_id])]


def _drop_extra(session: Session, task_id: int, dates: dict[weather.ShiftTemplate, list[date]]) -> None:
    """A daily task has every slot every day; a slot that would end before the warning
    starts (a morning patrol of a warning issued at 15:00) is removed, just made."""
    for template, days in dates.items():
        keep = [d.isoformat() for d in days] or [""]
        session.db.execute(
            f"DELETE FROM shifts WHERE task_id = ? AND start_time = ? AND date NOT IN ({', '.join('?' * len(keep))})",
            [task_id, template.start.strftime("%H:%M"), *keep])


def _team_for(session: Session, community_id: int | None) -> int | None:
    """A team of the place's community, else any: the one with the most current members."""
    row = session.db.execute(
        "SELECT t.id FROM teams t WHERE t.archived_at IS NULL ORDER BY (t.community_id IS ?) DESC, "
        "(SELECT count(*) FROM team_members m WHERE m.team_id = t.id AND m.left_on IS NULL) DESC, t.id "
        "LIMIT 1", [community_id]).fetchone()
    return row[0] if row else None


def _fill(session: Session, made: ShiftsMade) -> None:
    """一键补缺 for the weeks of the new shifts, keeping only proposals for them."""
    if not made.shift_ids:
        return
    ours = set(made.shift_ids)
    marks = ", ".join("?" * len(ours))
    weeks = session.db.execute(
        f"SELECT DISTINCT t.team_id, s.date FROM shifts s JOIN tasks t ON t.id = s.task_id WHERE s.id IN ({marks})",
        list(ours)).fetchall()
    done: set[tuple[int, date]] = set()
    for team_id, day in weeks:
        monday = date.fromisoformat(day) - timedelta(days=date.fromisoformat(day).weekday())
        if (team_id, monday) in done:
            continue
        done.add((team_id, monday))
        try:
            keep = [p for p in assigning.propose_fill(session, team_id, monday) if p.shift_id in ours]
            made.filled += assigning.apply_fill(session, keep)
        except (ScheduleError, PermissionDenied) as error:
            made.warnings.append(f"一键补缺未完成：{error}")
    made.short_shifts = session.db.execute(
        f"SELECT count(*) FROM shifts s WHERE s.id IN ({marks}) AND s.cancelled = 0 AND s.min_people > "
        f"(SELECT count(*) FROM assignments a WHERE a.shift_id = s.id AND a.state IN {ACTIVE_SQL})",
        list(ours)).fetchone()[0]


# -- insurance ---------------------------------------------------------------------------------

def _uninsured(session: Session, alert_id: int, only_empty: bool) -> list[dict[str, Any]]:
    empty = "AND t.insurance = '' " if only_empty else ""
    return list(session.db.query(
        "SELECT t.* FROM tasks t JOIN service_types st ON st.id = t.service_type_id "
        f"WHERE t.alert_id = ? AND st.needs_insurance = 1 AND t.archived_at IS NULL {empty}ORDER BY t.id",
        [alert_id]))


def insurance_warnings(session: Session, alert_id: int) -> list[str]:
    """One line per task of the warning whose service type needs insurance and has none."""
    require_run(session)
    return [INSURANCE_LINE.format(title=t["title"]) for t in _uninsured(session, alert_id, True)]


def record_insurance(session: Session, alert_id: int, insurance: str) -> int:
    """The policy for every task of the warning that needs one; returns how many changed."""
    require_run(session)
    text = " ".join(str(insurance or "").split())
    if not text:
        raise AlertError("保险信息为空，请填写保险公司和保单号，例如“中国人保志愿者意外险 PICC-2026-0088”。")
    if session.row("alerts", alert_id) is None:
        raise AlertError(f"找不到编号为{alert_id}的预警。")
    changed = 0
    with session.write("tasks"):
        for task in _uninsured(session, alert_id, False):
            if task["insurance"] == text:
                continue
            session.db.execute("UPDATE tasks SET insurance = ? WHERE id = ?", [text, task["id"]])
            session.audit("登记保险", "tasks", task["id"], {"insurance": task["insurance"]},
                          {"insurance": text, "alert_id": alert_id, "at": now_text()})
            changed += 1
    return changed
