"""The rules of closing a warning and of its paper, without a database."""

from __future__ import annotations

from datetime import datetime

import pytest

from volunteer_app.domain.weather import Need, Result, Via
from volunteer_app.domain.weather_close import (
    HourRates,
    day_content,
    day_hours,
    deadline_words,
    default_deadline,
    masked_name,
    needs_in_note,
    parse_sheet_result,
    sheet_line,
    unreached_reason,
)


@pytest.mark.parametrize("args, reason", [
    ((0, 0, False, False, False), "未拨打"),
    ((3, 3, False, False, False), "3次未接通"),
    ((3, 3, True, True, False), "3次未接通，已转上门查看，未回报结果"),
    ((3, 3, True, False, False), "3次未接通，已转上门查看，但没有找到上门人员"),
    ((0, 0, True, True, False), "拨打0次未联系上，已转上门查看，未回报结果"),
])
def test_why_never_reached(args, reason):
    assert unreached_reason(*args) == reason


@pytest.mark.parametrize("calls, doors, already, hours", [
    (1, 0, 0, 0.5),          # 0.25 rounds up to half an hour (half a step rounds up)
    (3, 0, 0, 1.0),          # 0.75 → 1
    (4, 0, 0, 1.0),
    (2, 2, 0, 1.5),
    (12, 0, 0, 2.0),         # capped
    (4, 0, 1.5, 0.5),        # another warning recorded 1.5 h that day
    (4, 0, 2.0, 0.0),
])
def test_a_days_hours(calls, doors, already, hours):
    assert day_hours(calls, doors, HourRates(), already) == hours


def test_a_days_content():
    assert day_content(3, 0) == "电话点名3次" and day_content(1, 2) == "电话点名1次，上门查看2次"


def test_names_keep_the_surname_only():
    assert masked_name("王秀英") == "王**" and masked_name("欧阳明") == "欧**" and masked_name("") == ""
    assert masked_name("阿依古丽·买买提") == "阿**"


@pytest.mark.parametrize("now, deadline", [
    (datetime(2026, 12, 3, 9, 0), datetime(2026, 12, 3, 18, 0)),
    (datetime(2026, 12, 3, 16, 0), datetime(2026, 12, 3, 18, 0)),
    (datetime(2026, 12, 3, 16, 30), datetime(2026, 12, 3, 18, 30)),
    (datetime(2026, 12, 3, 23, 0), datetime(2026, 12, 4, 1, 0)),
])
def test_the_default_deadline(now, deadline):
    assert default_deadline(now) == deadline


def test_deadline_words():
    now = datetime(2026, 12, 3, 9, 0)
    assert deadline_words(datetime(2026, 12, 3, 18, 0), now) == "今天18点"
    assert deadline_words(datetime(2026, 12, 3, 18, 30), now) == "今天18点30分"
    assert deadline_words(datetime(2026, 12, 4, 1, 5), now) == "明天1点5分"
    assert deadline_words(datetime(2026, 12, 6, 9, 0), now) == "12月6日9点"


def test_sheet_results_by_word_or_first_character():
    assert [parse_sheet_result(1, w) for w in ("平安", "需", "未", "已上门", " 平 ")] == [
        Result.SAFE, Result.NEEDS_HELP, Result.NO_ANSWER, Result.DOOR, Result.SAFE]
    with pytest.raises(ValueError, match="第12行：结果“平按”不对"):
        parse_sheet_result(12, "平按")


def test_a_needs_help_line_names_its_needs_from_the_note():
    assert needs_in_note("送药和送餐") == (Need.MEALS, Need.MEDICINE)
    assert needs_in_note("想找人说说话") == (Need.OTHER,)
    line = sheet_line(4, 77, "需要帮助", " 送药\n 明早 ")
    assert (line.needs, line.note, line.via) == ((Need.MEDICINE,), "送药 明早", Via.SELF)
    assert sheet_line(5, 78, "已上门", "").via == Via.DOOR and sheet_line(5, 78, "平安", "送药").needs == ()
