"""The grandfather-father-son rotation of automatic backups, with a fake clock."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from volunteer_app.domain.backup_rotation import Retention, backups_to_keep

NOW = datetime(2026, 12, 3, 18, 0)      # a Thursday; ISO week 49 began on Monday 11-30


def _days(*texts: str) -> set[date]:
    return {date.fromisoformat(t) for t in texts}


def test_four_hundred_days_of_daily_backups():
    times = [datetime(2026, 12, 3, 9, 0) - timedelta(days=n) for n in range(400)]
    kept = backups_to_keep(times, NOW)
    assert {t.date() for t in kept} == _days(
        # the last 7 days
        "2026-12-03", "2026-12-02", "2026-12-01", "2026-11-30", "2026-11-29", "2026-11-28",
        "2026-11-27",
        # the newest of the last 4 weeks: this week's is today's; then the Sundays before
        "2026-11-22", "2026-11-15",
        # the newest of the last 12 months: this month's is today's, November's is the 30th
        "2026-10-31", "2026-09-30", "2026-08-31", "2026-07-31", "2026-06-30", "2026-05-31",
        "2026-04-30", "2026-03-31", "2026-02-28", "2026-01-31")
    assert len(kept) == 19


def test_several_a_day_keep_the_newest_of_each_day_but_today_all():
    times = [datetime(2026, 12, 3, h) for h in (8, 12, 16)] + [datetime(2026, 12, 2, h) for h in (9, 13)]
    later = NOW + timedelta(days=1)                     # the last 24 hours are kept whole
    assert backups_to_keep(times, later) == {datetime(2026, 12, 3, 16), datetime(2026, 12, 2, 13)}
    assert backups_to_keep(times, NOW) == {datetime(2026, 12, 3, h) for h in (8, 12, 16)} | {
        datetime(2026, 12, 2, 13)}


def test_a_long_pause_loses_nothing_for_want_of_new_backups():
    """A PC off for a year and a half: its last backups are still the newest of their periods
    (counted back from today they would all be gone)."""
    times = [datetime(2025, 6, 30, 9) - timedelta(days=n) for n in range(40)]
    kept = backups_to_keep(times, NOW)
    assert {t.date() for t in kept} == _days(
        "2025-06-30", "2025-06-29", "2025-06-28", "2025-06-27", "2025-06-26", "2025-06-25",
        "2025-06-24",                                   # 7 days
        "2025-06-22", "2025-06-15",                     # weeks 25 and 24 (week 26 ends 06-29)
        "2025-05-31")                                   # May


def test_a_backup_dated_after_now_is_kept_and_does_not_count():
    future = datetime(2027, 1, 5, 9)
    times = [future] + [datetime(2026, 12, 3, 9) - timedelta(days=n) for n in range(10)]
    kept = backups_to_keep(times, NOW, Retention(daily=2, weekly=0, monthly=0, recent=timedelta(0)))
    assert kept == {future, datetime(2026, 12, 3, 9), datetime(2026, 12, 2, 9)}


def test_nothing_to_keep_from_nothing():
    assert backups_to_keep([], NOW) == set()
