"""The three rates and the office's figures against figures worked by hand on tickets inserted
here; the month is one pass over the requests_received index."""

from __future__ import annotations

import pytest
from request_world import World, make_world

from volunteer_app.services.admin import settings
from volunteer_app.services.permissions import PermissionDenied, Role
from volunteer_app.services.requests import rates
from volunteer_app.store.rows import new_uid


@pytest.fixture
def world(session) -> World:
    return make_world(session)


def insert(world: World, received: str, due: str = "2026-12-31T00:00:00", *, callback=(None, None, None),
           **columns) -> int:
    contacted, resolved, satisfaction = callback
    row = {"uid": new_uid(), "received_at": received, "due_at": due, "created_at": received,
           "updated_at": received, "callback_contacted": contacted, "callback_resolved": resolved,
           "callback_satisfaction": satisfaction, **columns}
    return world.session.db.table("requests").insert(row).last_pk


@pytest.fixture
def november(world: World) -> World:
    insert(world, "2026-11-01T08:00:00", callback=("已联系", "已解决", "满意"))
    insert(world, "2026-11-10T09:00:00", callback=("已联系", "已解决", "基本满意"))
    insert(world, "2026-11-15T10:00:00", callback=("已联系", "未解决", "不满意"))
    insert(world, "2026-11-30T23:59:59", callback=("未联系", "未解决", None))
    insert(world, "2026-11-20T10:00:00")                                       # not called back yet
    insert(world, "2026-10-31T23:59:59", callback=("已联系", "已解决", "满意"))  # October's
    insert(world, "2026-12-01T00:00:00", callback=("未联系", "未解决", "不满意"))  # December's
    return world


def test_the_month_against_hand_worked_figures(november):
    assert rates.month_rates(november.session, "2026-11") == {
        "month": "2026-11", "received": 5, "rated": 4, "contacted": 3, "resolved": 2, "satisfied": 1,
        "basically_satisfied": 1, "response_rate": 0.75, "resolution_rate": 0.5, "satisfaction_rate": 0.5}


def test_the_weight_of_basically_satisfied_is_a_setting_shown_in_the_formula(november):
    settings.put(november.session, "requests.basic_satisfied_weight", 0.9)
    assert rates.month_rates(november.session, "2026-11")["satisfaction_rate"] == 0.475   # (1 + 0.9) / 4
    assert rates.formulas(november.session)["satisfaction_rate"] == "满意率 = (满意 + 0.9 × 基本满意) ÷ 有回访结果的工单"
    assert rates.formulas(november.session)["response_rate"] == "响应率 = 已联系 ÷ 有回访结果的工单"


def test_rates_round_to_four_places_and_are_null_when_nothing_is_rated(world):
    for contacted in ("已联系", "已联系", "未联系"):
        insert(world, "2026-09-03T08:00:00", callback=(contacted, "已解决", "满意"))
    assert rates.month_rates(world.session, "2026-09")["response_rate"] == 0.6667
    insert(world, "2026-08-03T08:00:00")
    august = rates.month_rates(world.session, "2026-08")
    assert (august["received"], august["rated"], august["response_rate"], august["satisfaction_rate"]) == (1, 0, None, None)


def test_the_trend_is_twelve_months_oldest_first_across_the_year(november):
    months = rates.trend(november.session, "2026-11")
    assert [m["month"] for m in months][:2] == ["2025-12", "2026-01"] and months[-1]["month"] == "2026-11"
    assert [m["received"] for m in months][-2:] == [1, 5]
    assert [m["month"] for m in rates.trend(november.session, "2027-01", months=3)] == ["2026-11", "2026-12", "2027-01"]


def test_a_bad_month_is_refused_in_chinese(world):
    with pytest.raises(ValueError, match="月份“11月”看不懂"):
        rates.month_rates(world.session, "11月")


def test_the_month_is_one_query_on_the_received_index(world):
    plan = " ".join(str(row[-1]) for row in world.session.db.execute(
        "EXPLAIN QUERY PLAN " + rates._COUNTS, ["2026-11-01", "2026-12-01"]))
    assert "requests_received" in plan and "SCAN requests" not in plan.replace("USING INDEX", "")


def test_the_office_figures_by_hand(world):
    worker = {"staff_id": world.worker}
    insert(world, "2026-11-01T10:00:00", "2026-11-08T10:00:00", category="城乡建设/物业管理/电梯", status="已办结",
           contacted_at="2026-11-01T11:00:00", closed_at="2026-11-05T10:00:00", **worker)
    insert(world, "2026-11-01T10:00:00", "2026-11-08T10:00:00", category="城乡建设/物业管理/电梯", status="已办结",
           contacted_at="2026-11-09T11:00:00", closed_at="2026-11-09T12:00:00", **worker)
    insert(world, "2026-11-10T10:00:00", "2026-11-20T10:00:00", category="城乡建设/垃圾分类", status="办理中")
    insert(world, "2026-11-25T10:00:00", "2026-12-05T10:00:00", category="城乡建设/垃圾分类")
    # a deadline written with a space (as some exports are) still compares by time, not text
    insert(world, "2026-11-20T10:00:00", "2026-11-27 10:00:00", category="城乡建设/物业管理/电梯", status="已办结",
           contacted_at="2026-11-27T08:00:00", closed_at="2026-11-27T09:00:00", **worker)
    insert(world, "2026-10-20T10:00:00", "2026-10-21T10:00:00", status="办理中")            # October's
    assert rates.office_figures(world.session, "2026-11") == {
        "contacted_in_time": 2, "closed_in_time": 2, "closed": 3, "late_open": 1,
        "by_category": [{"category": "城乡建设/物业管理/电梯", "count": 3, "closed_in_time": 2},
                        {"category": "城乡建设/垃圾分类", "count": 2, "closed_in_time": 0}],
        "by_staff": [{"staff_name": "李社工", "count": 3, "closed_in_time": 2},
                     {"staff_name": "未派给社区工作者", "count": 2, "closed_in_time": 0}]}


@pytest.mark.parametrize("role", list(Role))
def test_staff_and_supervisors_read_the_rates_captains_and_admin_are_refused(november, role):
    session = november.as_role(role, "某人")
    calls = (lambda: rates.month_rates(session, "2026-11"), lambda: rates.trend(session, "2026-11", 2),
             lambda: rates.office_figures(session, "2026-11"), lambda: rates.formulas(session))
    for call in calls:
        if role in (Role.ADMIN, Role.CAPTAIN):
            with pytest.raises(PermissionDenied, match="某人"):
                call()
        else:
            assert call()
