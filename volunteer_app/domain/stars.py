"""Star levels (星级志愿者) from cumulative verified service hours.

One to five stars at 100, 300, 600, 1000 and 1500 hours (志愿北京 and the 中国社区志愿者
rules, domain.md). Only hours that count for stars are summed: a community worker's duty
hours are recorded but flagged as not counting.
"""

from __future__ import annotations

from dataclasses import dataclass

STAR_THRESHOLDS: tuple[float, ...] = (100, 300, 600, 1000, 1500)


def star_level(hours: float) -> int:
    """0 to 5: the number of thresholds reached (a threshold reached exactly counts)."""
    return sum(1 for threshold in STAR_THRESHOLDS if hours + 1e-9 >= threshold)


def stars_text(level: int) -> str:
    """"三星级" style words; "未达星级" below the first threshold."""
    if level <= 0:
        return "未达星级"
    return f"{'一二三四五'[level - 1]}星级"


def stars_symbols(level: int) -> str:
    return "★" * level + "☆" * (len(STAR_THRESHOLDS) - level)


@dataclass(frozen=True)
class StarStanding:
    """A volunteer's level, the hours behind it and what the next level needs."""

    hours: float
    level: int

    @property
    def next_threshold(self) -> float | None:
        return STAR_THRESHOLDS[self.level] if self.level < len(STAR_THRESHOLDS) else None

    @property
    def hours_to_next(self) -> float | None:
        nxt = self.next_threshold
        return None if nxt is None else round(nxt - self.hours, 2)

    @property
    def text(self) -> str:
        return stars_text(self.level)


def standing(hours: float) -> StarStanding:
    return StarStanding(hours=round(hours, 2), level=star_level(hours))
