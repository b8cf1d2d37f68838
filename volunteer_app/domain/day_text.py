"""Dates and times in the words the office reads and prints: 2026年12月4日, 12月4日,
12月4日 08:30, and a stored moment cut to the minute for lists (2026-12-04 08:30).

Each takes a date or datetime, or the ISO text the store keeps, so that a list, a printed
report and a service's message write the same moment the same way.
"""

from __future__ import annotations

from datetime import date, datetime


def full_date(day: date | str) -> str:
    """2026年12月4日, as a certificate or a report's head writes a day."""
    day = _day(day)
    return f"{day.year}年{day.month}月{day.day}日"


def full_moment(at: datetime | str | None) -> str:
    """2026年12月4日 08:30; a day without a time as 2026年12月4日; nothing as ""."""
    if not at:
        return ""
    text = at.isoformat() if isinstance(at, date) else str(at)
    return f"{full_date(text)} {text[11:16]}".rstrip()


def month_day(day: date | str) -> str:
    """12月4日: a day of this year, as lists and messages say it."""
    day = _day(day)
    return f"{day.month}月{day.day}日"


def month_day_time(at: datetime | str | None, separator: str = " ") -> str:
    """12月4日 08:30; nothing as ""."""
    if not at:
        return ""
    moment = datetime.fromisoformat(at) if isinstance(at, str) else at
    return f"{month_day(moment)}{separator}{moment:%H:%M}"


def minute_text(at: object) -> str:
    """2026-12-04 08:30: a stored moment (ISO text, seconds and all) cut to the minute, for a
    column of a list; nothing as ""."""
    return str(at or "")[:16].replace("T", " ")


def _day(value: date | str) -> date:
    return date.fromisoformat(value[:10]) if isinstance(value, str) else value
