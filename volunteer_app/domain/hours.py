"""Service hours: actual time served (travel excluded), rounded, capped per day.

Community workers' duties in working hours are recorded but do not count toward star
levels (domain.md), so a staff member's record inside office hours is flagged.
"""

from __future__ import annotations

import math
from datetime import date, datetime, time

OFFICE_START, OFFICE_END = time(9, 0), time(17, 0)


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


def counts_for_stars(is_staff: bool, day: date, start: time | None, end: time | None) -> bool:
    """False for a community worker's hours on a weekday inside office hours."""
    if not is_staff or day.weekday() >= 5:
        return True
    if start is None or end is None:
        return False
    return end <= OFFICE_START or start >= OFFICE_END
