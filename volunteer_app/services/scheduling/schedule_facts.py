"""What the scheduling services share: their errors, and rows → the facts
``domain.scheduling`` decides on (members, shifts, commitments, loads, rules).

Read-only helpers of :mod:`services.scheduling.schedule`, ``assigning`` and ``attendance``; no
permission checks here (the callers do).
Hours planned count the shift's own times for every active assignment (assigned, confirmed,
checked in, completed) on a shift that was not cancelled, in any team: the captain's
"fewest hours this month" is about the work people have been given.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Any

from ...domain.availability import WEEKDAYS, Availability
from ...domain.day_text import month_day
from ...domain.scheduling import ACTIVE_STATES
from ...domain.shift_rules import Commitment, Load, Member, Rules, ShiftFacts
from ...store.rows import from_json
from ..admin import settings
from ..session import Session

ACTIVE_SQL = "(" + ", ".join(f"'{s}'" for s in ACTIVE_STATES) + ")"


class ScheduleError(ValueError):
    """A scheduling action could not be done; ``errors`` maps a field to its message."""

    def __init__(self, message: str, errors: dict[str, str] | None = None):
        super().__init__(message)
        self.errors = errors or {}


def no_such_shift(shift_id: int) -> ScheduleError:
    return ScheduleError(f"找不到编号为{shift_id}的班次，可能已被删除，请刷新。")


class HardConflict(ScheduleError):
    def __init__(self, name: str, reasons: list[str]):
        super().__init__(f"不能安排{name}：{'；'.join(reasons)}。")
        self.reasons = list(reasons)


class SoftConflict(ScheduleError):
    def __init__(self, name: str, reasons: list[str]):
        super().__init__(f"安排{name}需要确认：{'；'.join(reasons)}。")
        self.reasons = list(reasons)


def rules(session: Session) -> Rules:
    """The settings the rules use (the heavy-task age limit; weekly caps are per volunteer)."""
    return Rules(heavy_max_age=int(settings.get(session, "schedule.heavy_task_max_age")))


def hhmm(value: time) -> str:
    return value.strftime("%H:%M")


def parse_time(value: str | time) -> time:
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    text = str(value).strip().replace("：", ":")
    hours, _, minutes = text.partition(":")
    return time(int(hours), int(minutes or 0))


def day_label(day: date) -> str:
    return f"{month_day(day)}（{WEEKDAYS[day.weekday()]}）"


def shift_label(day: date, start: time, end: time, title: str, group: str = "") -> str:
    """12月5日（周六）07:00–09:00 垃圾分类值守·A组"""
    return f"{day_label(day)}{hhmm(start)}–{hhmm(end)} {title}" + (f"·{group}组" if group else "")


def _birth(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def member_from_row(row: dict[str, Any]) -> Member:
    return Member(
        id=row["id"], name=row["name"], birth_date=_birth(row["birth_date"]), status=row["status"],
        archived=bool(row["archived_at"]), health_limit=bool(row["health_limit"]),
        skills=frozenset(from_json(row["skills"], [])), availability=Availability.parse(row["availability"]),
        weekly_cap=float(row["weekly_hours_cap"]), group=row.get("rota_group") or "",
        in_team=bool(row.get("in_team", 1)))


_MEMBER_COLUMNS = ("v.id, v.name, v.name_pinyin, v.birth_date, v.status, v.archived_at, v.health_limit, "
                   "v.skills, v.availability, v.weekly_hours_cap")


def team_members(session: Session, team_id: int) -> list[Member]:
    rows = session.db.query(
        f"SELECT {_MEMBER_COLUMNS}, m.rota_group FROM team_members m "
        "JOIN volunteers v ON v.id = m.volunteer_id WHERE m.team_id = ? AND m.left_on IS NULL "
        "ORDER BY v.name_pinyin, v.id", [team_id])
    return [member_from_row(r) for r in rows]


def volunteer(session: Session, volunteer_id: int, team_id: int) -> Member | None:
    rows = list(session.db.query(
        f"SELECT {_MEMBER_COLUMNS}, m.rota_group, m.id IS NOT NULL AS in_team FROM volunteers v "
        "LEFT JOIN team_members m ON m.volunteer_id = v.id AND m.team_id = ? AND m.left_on IS NULL "
        "WHERE v.id = ?", [team_id, volunteer_id]))
    return member_from_row(rows[0]) if rows else None


@dataclass(frozen=True)
class ShiftRow:
    """A shift with what scheduling needs beyond the facts: its team and who is on it."""

    facts: ShiftFacts
    team_id: int
    task_title: str
    assignees: frozenset[int]


def shift_rows(session: Session, where: str, params: list[Any]) -> list[ShiftRow]:
    rows = list(session.db.query(
        "SELECT s.*, t.team_id, t.title, st.intensity, "
        f"(SELECT group_concat(a.volunteer_id) FROM assignments a WHERE a.shift_id = s.id "
        f" AND a.state IN {ACTIVE_SQL}) AS assignees "
        "FROM shifts s JOIN tasks t ON t.id = s.task_id "
        f"JOIN service_types st ON st.id = t.service_type_id WHERE {where} "
        "ORDER BY s.date, s.start_time, s.id", params))
    result = []
    for r in rows:
        day, start, end = date.fromisoformat(r["date"]), parse_time(r["start_time"]), parse_time(r["end_time"])
        facts = ShiftFacts(
            id=r["id"], day=day, start=start, end=end,
            label=shift_label(day, start, end, r["title"], r["rota_group"]),
            heavy=r["intensity"] == "重", skills=frozenset(from_json(r["skills"], [])),
            group=r["rota_group"], min_people=r["min_people"], max_people=r["max_people"],
            cancelled=bool(r["cancelled"]))
        ids = frozenset(int(x) for x in (r["assignees"] or "").split(",") if x)
        result.append(ShiftRow(facts, r["team_id"], r["title"], ids))
    return result


def week_of(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def month_of(day: date) -> tuple[date, date]:
    return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])


def commitments(session: Session, first: date, last: date, *, team_id: int | None = None,
                volunteer_id: int | None = None) -> dict[int, list[Commitment]]:
    """Active assignments on live shifts between two days, of one volunteer or of a team's members."""
    if volunteer_id is not None:
        who, params = "a.volunteer_id = ?", [volunteer_id]
    else:
        who, params = ("a.volunteer_id IN (SELECT volunteer_id FROM team_members "
                       "WHERE team_id = ? AND left_on IS NULL)"), [team_id]
    rows = session.db.execute(
        "SELECT a.volunteer_id, s.id, s.date, s.start_time, s.end_time, t.title, s.rota_group "
        "FROM assignments a JOIN shifts s ON s.id = a.shift_id JOIN tasks t ON t.id = s.task_id "
        f"WHERE {who} AND a.state IN {ACTIVE_SQL} AND s.cancelled = 0 AND t.archived_at IS NULL "
        "AND s.date BETWEEN ? AND ?", [*params, first.isoformat(), last.isoformat()])
    found: dict[int, list[Commitment]] = defaultdict(list)
    for vid, sid, day, start, end, title, group in rows:
        d, s, e = date.fromisoformat(day), parse_time(start), parse_time(end)
        found[vid].append(Commitment(sid, d, s, e, shift_label(d, s, e, title, group)))
    return found


def span(day: date) -> tuple[date, date]:
    """The days whose commitments decide ``day``'s loads: its ISO week and its month."""
    week, month = week_of(day), month_of(day)
    return min(week[0], month[0]), max(week[1], month[1])


def load_on(held: Iterable[Commitment], day: date, exclude_shift: int | None = None) -> Load:
    """Hours held in ``day``'s ISO week and month (the shift being decided left out)."""
    (w0, w1), (m0, m1) = week_of(day), month_of(day)
    load = Load()
    for c in held:
        if c.shift_id == exclude_shift:
            continue
        hours = (c.end.hour * 60 + c.end.minute - c.start.hour * 60 - c.start.minute) / 60
        if w0 <= c.day <= w1:
            load.week += hours
        if m0 <= c.day <= m1:
            load.month += hours
    return load


def one_shift(session: Session, shift_id: int) -> ShiftRow:
    rows = shift_rows(session, "s.id = ?", [shift_id])
    if not rows:
        raise no_such_shift(shift_id)
    return rows[0]
