"""Which automatic backups to keep: grandfather-father-son, as a pure function of the backups'
times and "now" (tests pass a fake clock).

Kept: every backup of the last ``recent`` hours (a mistake made this morning can still be
undone after the afternoon's backup), and the newest backup of each of the last ``daily`` days
that have a backup, of each of the last ``weekly`` ISO weeks, and of each of the last
``monthly`` calendar months. The periods
are counted among those that *have* backups, not back from today, so a PC left off for a
month (or a clock set wrong) never loses its old backups for want of new ones. A backup
dated after "now" (the clock was moved back) is kept and does not count.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Retention:
    daily: int = 7
    weekly: int = 4
    monthly: int = 12
    recent: timedelta = timedelta(hours=24)


def _day(t: datetime) -> Hashable:
    return t.date()


def _week(t: datetime) -> Hashable:
    return t.isocalendar()[:2]


def _month(t: datetime) -> Hashable:
    return (t.year, t.month)


def backups_to_keep(times: Iterable[datetime], now: datetime,
                    retention: Retention = Retention()) -> set[datetime]:
    """The subset of ``times`` to keep; the rest may be deleted."""
    times = set(times)
    future = {t for t in times if t > now}
    past = sorted(times - future, reverse=True)
    keep = future | {t for t in past if now - t <= retention.recent}
    for period, count in ((_day, retention.daily), (_week, retention.weekly),
                          (_month, retention.monthly)):
        keep |= _newest_per_period(past, period, count)
    return keep


def _newest_per_period(newest_first: list[datetime], period: Callable[[datetime], Hashable],
                       count: int) -> set[datetime]:
    kept: dict[Hashable, datetime] = {}
    for t in newest_first:
        key = period(t)
        if key not in kept:
            if len(kept) == count:
                break
            kept[key] = t
    return set(kept.values())
