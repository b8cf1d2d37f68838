"""Scheduling rules without a database: recurrence, holidays, scopes, conflicts, filling."""

from __future__ import annotations

from collections import Counter
from datetime import date, time, timedelta

import pytest

from volunteer_app.domain.availability import Availability
from volunteer_app.domain.scheduling import (
    Recurrence,
    RecurrenceError,
    ShiftKey,
    Slot,
    generate,
    holiday_data_known,
    holiday_name,
    in_scope,
    is_public_holiday,
)
from volunteer_app.domain.shift_rules import (
    Commitment,
    Gap,
    Load,
    Member,
    Rules,
    ShiftFacts,
    check,
    fill_gaps,
)

GARBAGE = [Slot(time(7), time(9)), Slot(time(18), time(20))]
ROTA = Recurrence("rota", groups=("A", "B", "C", "D"))


def test_a_month_of_rota_shifts_two_slots_a_day_groups_in_turn():
    plans = generate(ROTA, GARBAGE, date(2026, 12, 1), date(2026, 12, 31))
    assert len(plans) == 31 * 2
    assert [p.date for p in plans[:4]] == [date(2026, 12, 1)] * 2 + [date(2026, 12, 2)] * 2
    assert [(p.slot.start, p.slot.end) for p in plans[:2]] == [(time(7), time(9)), (time(18), time(20))]
    by_day = {}
    for plan in plans:
        by_day.setdefault(plan.date, set()).add(plan.group)
    assert all(len(groups) == 1 for groups in by_day.values())   # one group takes both slots
    days = sorted(by_day)
    assert [by_day[d].pop() for d in days[:6]] == ["A", "B", "C", "D", "A", "B"]
    assert Counter(p.group for p in plans) == {"A": 16, "B": 16, "C": 16, "D": 14}


def test_rota_by_week_and_on_chosen_weekdays():
    weekly = Recurrence("rota", groups=("甲", "乙"), rotate_every="week", weekdays=(5, 6))
    plans = generate(weekly, [Slot(time(9), time(11))], date(2026, 11, 30), date(2026, 12, 27))
    assert [p.date.weekday() for p in plans] == [5, 6] * 4
    assert [p.group for p in plans] == ["甲", "甲", "乙", "乙", "甲", "甲", "乙", "乙"]


def test_weekly_on_chosen_weekdays_daily_and_once():
    saturdays_sundays = generate(Recurrence("weekly", weekdays=(5, 6)), [Slot(time(9), time(11))],
                                 date(2026, 12, 1), date(2026, 12, 31))
    assert [p.date.day for p in saturdays_sundays] == [5, 6, 12, 13, 19, 20, 26, 27]
    assert all(p.group == "" for p in saturdays_sundays)
    assert len(generate(Recurrence("daily"), [Slot(time(9), time(10))], date(2026, 12, 1),
                        date(2026, 12, 7))) == 7
    once = generate(Recurrence("once"), GARBAGE, date(2026, 12, 3), date(2026, 12, 31))
    assert [p.date for p in once] == [date(2026, 12, 3)] * 2


def test_national_day_2026_is_skipped_when_asked_and_groups_keep_their_calendar_turns():
    start, end = date(2026, 9, 28), date(2026, 10, 11)
    every_day = generate(ROTA, GARBAGE, start, end)
    skipping = generate(Recurrence("rota", groups=ROTA.groups, skip_holidays=True), GARBAGE, start, end)
    holiday = {date(2026, 10, d) for d in range(1, 8)}     # the State Council's plan: 1–7 October
    assert {p.date for p in every_day} >= holiday
    assert {p.date for p in skipping} == {p.date for p in every_day} - holiday
    assert date(2026, 10, 8) in {p.date for p in skipping}
    assert date(2026, 10, 10) in {p.date for p in skipping}   # a Saturday made a working day
    group_of = {p.date: p.group for p in every_day}
    assert all(p.group == group_of[p.date] for p in skipping)
    assert holiday_name(date(2026, 10, 1)) == "National Day"
    assert not is_public_holiday(date(2026, 11, 28))          # an ordinary Saturday is not a holiday


def test_a_year_the_calendar_does_not_know_falls_back_to_fixed_date_holidays():
    assert not holiday_data_known(date(2027, 10, 1)) and holiday_data_known(date(2026, 10, 1))
    assert is_public_holiday(date(2027, 10, 1)) and is_public_holiday(date(2027, 1, 1))
    assert not is_public_holiday(date(2027, 10, 4))
    plans = generate(Recurrence("daily", skip_holidays=True), [Slot(time(9), time(10))],
                     date(2027, 9, 29), date(2027, 10, 5))
    assert [p.date.day for p in plans] == [29, 30, 4, 5]


def test_holidays_may_be_given_as_dates():
    plans = generate(Recurrence("daily", skip_holidays=True), [Slot(time(9), time(10))],
                     date(2026, 12, 1), date(2026, 12, 3), holidays={date(2026, 12, 2)})
    assert [p.date.day for p in plans] == [1, 3]


def test_rules_that_cannot_generate_are_refused_in_words():
    with pytest.raises(RecurrenceError, match="至少选一天"):
        Recurrence("weekly")
    with pytest.raises(RecurrenceError, match="两个组"):
        Recurrence("rota", groups=("A",))
    with pytest.raises(RecurrenceError, match="不认识"):
        Recurrence("monthly")
    with pytest.raises(RecurrenceError, match="晚于开始"):
        generate(Recurrence("daily"), [Slot(time(9), time(9))], date(2026, 12, 1), date(2026, 12, 2))
    with pytest.raises(RecurrenceError, match="早于开始"):
        generate(Recurrence("daily"), GARBAGE, date(2026, 12, 2), date(2026, 12, 1))


def test_recurrence_round_trips_through_json_and_reads_as_words():
    rule = Recurrence("rota", weekdays=(0, 2), groups=("A", "B"), rotate_every="week", skip_holidays=True)
    assert Recurrence.from_json(rule.to_json()) == rule
    assert Recurrence.from_json("{}") == Recurrence("once")
    assert rule.describe() == "A、B2个组每周轮换（周一、周三），法定节假日休息"
    assert Recurrence("weekly", weekdays=(5, 6)).describe() == "每周六、周日"


def test_a_change_applies_to_one_shift_or_the_same_slot_from_then_on():
    day = date(2026, 12, 1)
    keys = [ShiftKey(n * 2 + k, day + timedelta(days=n), (time(7), time(18))[k]) for n in range(5) for k in (0, 1)]
    pivot = keys[4]     # day 3, 07:00
    assert in_scope(keys, pivot, "one") == [pivot.id]
    assert in_scope(keys, pivot, "following") == [4, 6, 8]
    with pytest.raises(ValueError):
        in_scope(keys, pivot, "all")


def _member(vid: int, **kw) -> Member:
    return Member(vid, kw.pop("name", f"队员{vid}"), availability=kw.pop("availability", Availability.always()),
                  **kw)


SHIFT = ShiftFacts(1, date(2026, 12, 5), time(7), time(9), "铲冰", heavy=True, max_people=2)


def test_each_hard_conflict_blocks_with_its_reason():
    busy = [Commitment(9, date(2026, 12, 5), time(8), time(10), "桶前值守")]
    cases = {
        "overlap": (check(_member(1), SHIFT, busy), "同一时间"),
        "health": (check(_member(1, health_limit=True), SHIFT), "健康限制"),
        "age": (check(_member(1, birth_date=date(1950, 1, 1)), SHIFT, rules=Rules(70)), "76岁"),
        "inactive": (check(_member(1, status="暂停"), SHIFT), "暂停"),
        "full": (check(_member(1), SHIFT, filled=2), "已满"),
        "not_member": (check(_member(1, in_team=False), SHIFT), "不是本队"),
    }
    for kind, (found, words) in cases.items():
        assert found.blocked and kind in found.kinds, kind
        assert any(words in reason for reason in found.hard), (kind, found.hard)
    light = ShiftFacts(1, date(2026, 12, 5), time(7), time(9), "值守")
    assert not check(_member(1, health_limit=True, birth_date=date(1940, 1, 1)), light).blocked
    assert check(_member(1), SHIFT, [Commitment(9, date(2026, 12, 5), time(9), time(10))]).clean


def test_each_soft_conflict_warns_with_its_reason():
    weekend = Availability.parse("6am,7am")
    light = ShiftFacts(1, date(2026, 12, 7), time(7), time(9), "值守", skills=frozenset({"驾驶"}))
    found = check(_member(1, availability=weekend, weekly_cap=4), light, load=Load(week=3))
    assert not found.blocked
    assert found.kinds == {"availability", "cap", "skills"}
    assert any("空闲时间" in s and "周六上午" in s for s in found.soft)
    assert any("超过每周上限4小时" in s for s in found.soft)
    assert any("驾驶" in s for s in found.soft)
    assert check(_member(2, availability=Availability()), light).kinds >= {"no_availability"}


def test_fill_spreads_hours_over_the_team_and_prefers_the_rota_group():
    members = [_member(i, group="AB"[i % 2]) for i in range(1, 5)]
    shifts = [ShiftFacts(10 + n, date(2026, 11, 30) + timedelta(days=n), time(7), time(9), "值守",
                         group="AB"[n % 2], min_people=1, max_people=2) for n in range(7)]
    picks = fill_gaps([Gap(s) for s in shifts], members, {}, {})
    assert len(picks) == 7
    per_member = Counter(p.volunteer_id for p in picks)
    assert max(per_member.values()) - min(per_member.values()) <= 1
    group_of = {m.id: m.group for m in members}
    assert all(group_of[p.volunteer_id] == s.group for p in picks for s in shifts if s.id == p.shift_id)


def test_fill_stops_at_the_minimum_and_leaves_a_shift_short_rather_than_break_a_rule():
    shift = ShiftFacts(1, date(2026, 12, 5), time(7), time(9), "铲冰", heavy=True, min_people=3, max_people=5)
    members = [_member(1), _member(2, health_limit=True), _member(3, birth_date=date(1940, 1, 1)),
               _member(4, availability=Availability.parse("1am"))]
    picks = fill_gaps([Gap(shift, frozenset({9}))], members, {}, {})
    assert [p.volunteer_id for p in picks] == [1]
    full = fill_gaps([Gap(shift, frozenset({7, 8, 9}))], members, {}, {})
    assert full == []
