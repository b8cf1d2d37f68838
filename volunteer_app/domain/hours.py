"""Service hours: actual time served (travel excluded), rounded, capped per day.

Community workers' duties in working hours are recorded but do not count toward star
levels (domain.md), so the part of a staff member's record that falls inside office hours
on a working day is flagged as duty hours. Working days follow the State Council's plan
(chinesecalendar): statutory holidays are not working days, the swapped weekend days
(调休上班) are.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, time

import chinese_calendar

from .scheduling import is_public_holiday

OFFICE_START, OFFICE_END = time(9, 0), time(17, 0)

# The hours of a record (table alias {r}) that are a staff member's duty: all of an old row
# flagged as a whole (counts_for_stars = 0), else its duty_hours.
DUTY_HOURS_SQL = ("(CASE WHEN {r}.counts_for_stars = 0 THEN {r}.hours "
                  "ELSE min({r}.duty_hours, {r}.hours) END)")


def duty_hours_sql(alias: str = "r") -> str:
    return DUTY_HOURS_SQL.format(r=alias)


def star_hours_sql(alias: str = "r") -> str:
    """The hours of a record that count for stars (and on a certificate)."""
    return f"({alias}.hours - {duty_hours_sql(alias)})"


@dataclass(frozen=True)
class OfficeHours:
    """The community workers' office hours on a working day (a setting, 09:00–17:00 by default)."""

    start: time = OFFICE_START
    end: time = OFFICE_END

    def text(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


def parse_office_hours(text: str) -> OfficeHours:
    """'09:00-17:00' (also with – or ~ or 至); the start must come before the end."""
    raw = str(text or "").strip()
    for mark in ("–", "—", "~", "～", "至", "－"):
        raw = raw.replace(mark, "-")
    parts = [p.strip() for p in raw.split("-")]
    try:
        if len(parts) != 2:
            raise ValueError
        start, end = (time.fromisoformat(p.rjust(5, "0")[:5]) for p in parts)
    except ValueError:
        raise ValueError(f"上班时间“{text}”应写成 09:00-17:00 这样的起止时间。") from None
    if start >= end:
        raise ValueError(f"上班时间“{text}”的开始时间应早于结束时间。")
    return OfficeHours(start, end)


def is_working_day(day: date) -> bool:
    """A working day of the official calendar: Monday to Friday that is no statutory holiday,
    and the weekend days swapped into working days (调休). For a year chinesecalendar has no
    plan for yet, Monday to Friday except the fixed-date holidays (as scheduling does)."""
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        return day.weekday() < 5 and not is_public_holiday(day)


def served_hours(start: time, end: time) -> float:
    """Hours between two times of one day; a shift that ends at or before it starts is refused."""
    minutes = (datetime.combine(date.min, end) - datetime.combine(date.min, start)).total_seconds() / 60
    if minutes <= 0:
        raise ValueError("结束时间应晚于开始时间。")
    return minutes / 60


def round_hours(hours: float, step: float) -> float:
    """Round to the nearest ``step`` (0.5 → half hours); half a step rounds up, as staff expect."""
    if step <= 0:
        return round(hours, 2)
    return round(math.floor(hours / step + 0.5 + 1e-9) * step, 2)


def cap_hours(hours: float, already_today: float, daily_cap: float) -> float:
    """What may still be recorded today under the daily cap (never negative)."""
    return max(0.0, min(hours, daily_cap - already_today))


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def duty_hours(is_staff: bool, day: date, start: time | None, hours: float,
               office: OfficeHours = OfficeHours()) -> float:
    """The part of a record's ``hours`` that is a staff member's duty: the overlap of the
    hours counted (from ``start`` on, so a capped record loses its last hours) with office
    hours on a working day. A staff record without a start time on a working day is taken
    as duty as a whole, since nothing shows it was outside office hours."""
    if not is_staff or hours <= 0 or not is_working_day(day):
        return 0.0
    if start is None:
        return round(hours, 2)
    begin = _minutes(start)
    inside = min(begin + hours * 60, _minutes(office.end)) - max(begin, _minutes(office.start))
    return round(min(hours, max(0.0, inside / 60)), 2)


def counts_for_stars(is_staff: bool, day: date, start: time | None, end: time | None,
                     office: OfficeHours = OfficeHours()) -> bool:
    """False when none of a record's hours count for stars (all of it is duty)."""
    if start is None or end is None:
        return duty_hours(is_staff, day, start, 1.0, office) == 0
    hours = served_hours(start, end)
    return duty_hours(is_staff, day, start, hours, office) < hours
