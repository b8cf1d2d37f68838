"""The office's ways of writing a day and a moment, from dates, datetimes and stored ISO text."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from volunteer_app.domain.day_text import (
    full_date,
    full_moment,
    minute_text,
    month_day,
    month_day_time,
)


@pytest.mark.parametrize("day", [date(2026, 12, 4), "2026-12-04", "2026-12-04T08:30:15",
                                 datetime(2026, 12, 4, 8, 30)])
def test_a_day_reads_the_same_from_every_form_the_store_and_the_services_give(day):
    assert full_date(day) == "2026年12月4日"
    assert month_day(day) == "12月4日"


def test_a_moment_keeps_its_minutes_and_drops_its_seconds():
    assert full_moment("2026-01-09T07:05:59") == "2026年1月9日 07:05"
    assert full_moment(datetime(2026, 1, 9, 7, 5)) == "2026年1月9日 07:05"
    assert full_moment("2026-01-09") == "2026年1月9日"
    assert month_day_time("2026-01-09T07:05:59") == "1月9日 07:05"
    assert month_day_time(datetime(2026, 1, 9, 7, 5), "") == "1月9日07:05"
    assert minute_text("2026-01-09T07:05:59") == "2026-01-09 07:05"


@pytest.mark.parametrize("nothing", [None, ""])
def test_nothing_is_written_as_nothing(nothing):
    assert full_moment(nothing) == month_day_time(nothing) == minute_text(nothing) == ""
