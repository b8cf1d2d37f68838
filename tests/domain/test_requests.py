"""接诉即办 rules: deadline kinds, deadlines across midnight and holidays, the risk flag, the rates."""

from datetime import date, datetime

import pytest

from volunteer_app.domain.hours import is_working_day
from volunteer_app.domain.requests import (
    CallbackCounts,
    DeadlineRule,
    Kind,
    RiskFacts,
    Status,
    classify_kind,
    is_late,
    is_urgent,
    next_step,
    rates,
    risk_reasons,
)

RULE = DeadlineRule()


@pytest.mark.parametrize(("urgency", "category", "kind"), [
    ("紧急", "城乡建设/物业管理/电梯", Kind.EMERGENCY),
    ("特急", "", Kind.EMERGENCY),
    ("一般", "城乡建设/供暖/暖气不热", Kind.UTILITIES),
    ("", "公共服务/停水", Kind.UTILITIES),
    ("复杂", "", Kind.COMPLEX),
    ("水电气热", "", Kind.UTILITIES),
    ("", "城市管理/垃圾分类", Kind.GENERAL),
])
def test_kind_from_the_export_cells(urgency: str, category: str, kind: Kind) -> None:
    assert classify_kind(urgency, category) is kind


def test_hour_deadlines_run_through_the_night() -> None:
    received = datetime(2026, 11, 27, 23, 30)
    assert RULE.due(received, Kind.EMERGENCY, is_working_day) == datetime(2026, 11, 28, 1, 30)
    assert RULE.due(received, Kind.UTILITIES, is_working_day) == datetime(2026, 11, 28, 23, 30)


def test_day_deadlines_count_working_days_and_skip_a_holiday() -> None:
    # Friday 2026-11-27 10:00, seven working days on: the next Tuesday week, same time.
    assert RULE.due(datetime(2026, 11, 27, 10), Kind.GENERAL, is_working_day) == datetime(2026, 12, 8, 10)
    # Received on 国庆 (2026-10-01, a holiday): counting starts the first working day after it.
    due = RULE.due(datetime(2026, 10, 1, 15), Kind.GENERAL, is_working_day)
    assert due.date() > date(2026, 10, 10)
    assert all(not is_working_day(date(2026, 10, d)) for d in range(1, 8))


def test_calendar_days_when_working_days_are_off() -> None:
    rule = DeadlineRule(working_days=False)
    assert rule.due(datetime(2026, 11, 27, 10), Kind.COMPLEX, is_working_day) == datetime(2026, 12, 12, 10)


def test_steps_follow_in_order_and_end_at_closed() -> None:
    assert next_step(Status.NEW) is Status.SIGNED
    assert next_step(Status.FEEDBACK) is Status.CLOSED
    assert next_step(Status.CLOSED) is None


def test_late_and_urgent() -> None:
    due = datetime(2026, 11, 28, 12)
    assert is_urgent(due, datetime(2026, 11, 28, 10, 30)) and not is_late(due, datetime(2026, 11, 28, 10, 30))
    assert not is_urgent(due, datetime(2026, 11, 28, 9, 59))
    assert is_late(due, datetime(2026, 11, 28, 12, 1))
    assert not is_late(due, datetime(2026, 11, 29), closed=datetime(2026, 11, 28, 11))
    assert not is_urgent(due, datetime(2026, 11, 29), closed=datetime(2026, 11, 28, 11))


def test_risk_reasons() -> None:
    facts = RiskFacts(received=datetime(2026, 11, 20), due=datetime(2026, 11, 30), contacted=None,
                      reopened=0, calls_by_same_caller=0)
    assert risk_reasons(facts, datetime(2026, 11, 21)) == ["尚未联系诉求人"]
    assert risk_reasons(facts, datetime(2026, 11, 26)) == ["尚未联系诉求人", "已过办理时限一半"]
    contacted = RiskFacts(received=datetime(2026, 11, 20), due=datetime(2026, 11, 30),
                          contacted=datetime(2026, 11, 20, 9), reopened=1, calls_by_same_caller=2)
    assert risk_reasons(contacted, datetime(2026, 11, 21)) == ["退回重办1次", "同一来电人另有2件诉求"]


def test_rates_worked_by_hand() -> None:
    counts = CallbackCounts(received=12, rated=10, contacted=9, resolved=8, satisfied=6,
                            basically_satisfied=3)
    assert rates(counts) == {"response_rate": 0.9, "resolution_rate": 0.8, "satisfaction_rate": 0.9}
    assert rates(counts, basic_weight=0.9)["satisfaction_rate"] == 0.87
    assert rates(CallbackCounts(3, 0, 0, 0, 0, 0)) == {
        "response_rate": None, "resolution_rate": None, "satisfaction_rate": None}


def test_a_team_task_for_a_bin_point_defaults_to_garbage_duty():
    from volunteer_app.domain.requests import task_service_type

    assert task_service_type("城市管理/垃圾分类", "明春苑") == "垃圾分类值守"
    assert task_service_type("城乡建设/物业管理", "明春苑垃圾桶站") == "垃圾分类值守"
    assert task_service_type("社会保障/困难救助", None) == "困难帮扶"
    assert task_service_type("城乡建设/物业管理/楼道照明", "干休所大院", "3号楼", otherwise="") == ""
