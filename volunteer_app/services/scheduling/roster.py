"""The roster a captain hands out: a team's shifts of one ISO week, by day, with who is on them.

Read with its own query (it needs places and names, not fill-the-gaps figures), so it serves
the printed roster, the WeChat text and the calendar file alike (reports/roster.py).
Declined and no-show assignments are left off; cancelled shifts are kept with their flag so
that a calendar file can tell the phone to drop them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from typing import Any

from ...domain.availability import WEEKDAYS
from ...domain.day_text import month_day
from ..permissions import Permission
from ..session import Session
from .schedule_facts import ACTIVE_SQL, parse_time

_WEEK = re.compile(r"^\s*(\d{4})\s*-?\s*[Ww](\d{1,2})\s*$")


class RosterError(ValueError):
    """The roster cannot be made as asked; the message says which input to change."""


@dataclass(frozen=True)
class RosterShift:
    shift_id: int
    uid: str
    team_name: str
    day: date
    start: time
    end: time
    title: str
    service_type: str
    place: str
    address: str
    names: tuple[str, ...]
    min_people: int
    max_people: int
    rota_group: str = ""
    notes: str = ""
    cancelled: bool = False

    @property
    def short(self) -> int:
        """How many people the shift still needs to reach its minimum."""
        return max(0, self.min_people - len(self.names))

    @property
    def times(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


@dataclass(frozen=True)
class RosterDay:
    day: date
    shifts: list[RosterShift]

    @property
    def label(self) -> str:
        """12月1日 周一"""
        return f"{month_day(self.day)} {WEEKDAYS[self.day.weekday()]}"


@dataclass(frozen=True)
class Roster:
    team_id: int
    team_name: str
    iso_week: str                  # 2026-W49
    monday: date
    days: list[RosterDay]          # Monday to Sunday, days without shifts included
    captain: str = ""
    made_on: date = field(default_factory=date.today)

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    @property
    def week_number(self) -> int:
        return self.monday.isocalendar().week

    @property
    def shifts(self) -> list[RosterShift]:
        return [s for d in self.days for s in d.shifts]

    @property
    def names(self) -> list[str]:
        """Everyone on the week's roster once, in order of first shift."""
        return list(dict.fromkeys(n for s in self.shifts if not s.cancelled for n in s.names))


def week_monday(iso_week: str) -> date:
    """The Monday of "2026-W49" (also "2026W49", "2026-w49")."""
    match = _WEEK.match(iso_week or "")
    try:
        if not match:
            raise ValueError
        return date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
    except ValueError:
        raise RosterError(f"周次“{iso_week}”应写成 2026-W49 这样的“年-W周数”（1到52或53周）。") from None


def iso_week_of(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_roster(session: Session, team_id: int, iso_week: str) -> Roster:
    session.require(Permission.LEDGER_READ)
    monday = week_monday(iso_week)
    team = session.row("teams", team_id)
    if team is None:
        raise RosterError(f"找不到编号为{team_id}的队伍，请检查队伍编号。")
    shifts = _shifts(session, "t.team_id = ?", [team_id], monday, monday + timedelta(days=6))
    by_day: dict[date, list[RosterShift]] = {monday + timedelta(days=i): [] for i in range(7)}
    for shift in shifts:
        by_day[shift.day].append(shift)
    captain = session.db.execute(
        "SELECT v.name FROM team_members m JOIN volunteers v ON v.id = m.volunteer_id "
        "WHERE m.team_id = ? AND m.role = '队长' AND m.left_on IS NULL LIMIT 1", [team_id]).fetchone()
    return Roster(team_id=team_id, team_name=team["name"], iso_week=iso_week_of(monday), monday=monday,
                  days=[RosterDay(d, s) for d, s in by_day.items()],
                  captain=captain[0] if captain else "", made_on=session.today())


def volunteer_shifts(session: Session, volunteer_id: int, start: date, end: date) -> list[RosterShift]:
    """The shifts one volunteer is on from ``start`` to ``end`` (inclusive), in every team."""
    session.require(Permission.LEDGER_READ)
    if session.row("volunteers", volunteer_id) is None:
        raise RosterError(f"找不到编号为{volunteer_id}的志愿者，请检查志愿者编号。")
    return _shifts(session, f"s.id IN (SELECT shift_id FROM assignments WHERE volunteer_id = ? "
                            f"AND state IN {ACTIVE_SQL})", [volunteer_id], start, end)


def _shifts(session: Session, where: str, params: list[Any], start: date, end: date) -> list[RosterShift]:
    rows = session.db.execute(
        "SELECT s.id, s.uid, s.date, s.start_time, s.end_time, s.min_people, s.max_people, "
        "s.rota_group, s.notes, s.cancelled, t.title, t.team_id, tm.name AS team_name, "
        "st.name AS service_type, coalesce(p.name, '') AS place, coalesce(p.address, '') AS address, "
        "(SELECT group_concat(name, char(31)) FROM (SELECT v.name FROM assignments a "
        f"  JOIN volunteers v ON v.id = a.volunteer_id WHERE a.shift_id = s.id AND a.state IN {ACTIVE_SQL} "
        "  ORDER BY a.created_at, a.id)) AS names "
        "FROM shifts s JOIN tasks t ON t.id = s.task_id JOIN teams tm ON tm.id = t.team_id "
        "JOIN service_types st ON st.id = t.service_type_id LEFT JOIN places p ON p.id = t.place_id "
        f"WHERE {where} AND s.date BETWEEN ? AND ? ORDER BY s.date, s.start_time, s.end_time, t.title, s.id",
        [*params, start.isoformat(), end.isoformat()]).fetchall()
    return [RosterShift(shift_id=r[0], uid=r[1], day=date.fromisoformat(r[2]), start=parse_time(r[3]),
                        end=parse_time(r[4]), min_people=r[5], max_people=r[6], rota_group=r[7], notes=r[8],
                        cancelled=bool(r[9]), title=r[10], team_name=r[12], service_type=r[13],
                        place=r[14], address=r[15], names=tuple(r[16].split("\x1f")) if r[16] else ())
            for r in rows]
