"""未诉先办: a hot spot found from the tickets of the last 30 days and turned into a team task
or a worker's reminder; the 工作台's figures."""

from __future__ import annotations

from datetime import datetime

import pytest
from request_world import World, make_world

from volunteer_app.services.admin import settings
from volunteer_app.services.permissions import PermissionDenied, Role
from volunteer_app.services.requests import figures, hotspots, tickets
from volunteer_app.services.scheduling import schedule


@pytest.fixture
def world(session) -> World:
    return make_world(session)


def call(world: World, received: str, address: str = "明春苑东门垃圾桶站", category: str = "城乡建设/垃圾分类/桶站满溢",
         **fields) -> int:
    return tickets.add(world.session, {"source": "12345", "caller_phone": "", "address": address,
                                       "category": category, "content": "桶站满溢", "received_at": received,
                                       **fields})


@pytest.fixture
def bin_point(world: World) -> list[int]:
    """Three calls about the bin point in the last 30 days, one older, and others that differ."""
    ids = [call(world, day) for day in ("2026-11-02 08:00", "2026-11-15 08:00", "2026-11-27 19:00")]
    call(world, "2026-10-20 08:00")                                   # older than 30 days
    call(world, "2026-11-20 08:00", category="城乡建设/物业管理/电梯")   # another category
    call(world, "2026-11-21 08:00", address="明春苑3号楼")              # another place
    call(world, "2026-11-22 08:00", address="明春苑3号楼")
    return ids


def test_a_hot_spot_is_three_calls_at_one_place_and_category_in_thirty_days(world, bin_point):
    found = hotspots.find(world.session)
    assert len(found) == 1
    spot = found[0]
    assert (spot.place_id, spot.place_name, spot.building, spot.category, spot.count) == \
        (world.bins, "明春苑东门垃圾桶站", "", "城乡建设/垃圾分类/桶站满溢", 3)
    assert spot.ticket_ids == tuple(bin_point)
    assert (spot.first_at, spot.last_at) == ("2026-11-02T08:00:00", "2026-11-27T19:00:00")
    assert hotspots.find(world.session, days=40)[0].count == 4
    settings.put(world.session, "requests.hotspot_min", 2)
    assert {(s.place_name, s.building) for s in hotspots.find(world.session)} == \
        {("明春苑东门垃圾桶站", ""), ("明春苑", "3号楼")}
    with pytest.raises(ValueError, match="统计天数"):
        hotspots.find(world.session, days=0)


def test_a_hot_spot_becomes_a_team_task_at_the_bin_point_linked_to_its_tickets(world, bin_point):
    spot = hotspots.find(world.session)[0]
    task_id = hotspots.to_task(world.session, spot, world.team, world.types["垃圾分类值守"],
                               datetime(2026, 11, 30, 7), datetime(2026, 11, 30, 9))
    task = schedule.task(world.session, task_id)
    assert task["place_id"] == world.bins and task["shifts"] == 1
    assert task["title"] == "未诉先办：明春苑东门垃圾桶站桶站满溢"
    numbers = [tickets.get(world.session, i)["ticket_no"] for i in bin_point]
    assert all(number in task["description"] for number in numbers)
    for ticket_id in bin_point:
        row = tickets.get(world.session, ticket_id)
        assert row["task_id"] == task_id and row["events"][-1]["step"] == "未诉先办"


def test_a_hot_spot_becomes_a_grid_ticket_dispatched_to_a_worker(world, bin_point):
    spot = hotspots.find(world.session)[0]
    reminder = tickets.get(world.session, hotspots.to_reminder(world.session, spot, world.worker))
    assert (reminder["source"], reminder["staff_name"], reminder["place_id"]) == ("网格巡查", "李社工", world.bins)
    assert reminder["content"].startswith("未诉先办：明春苑东门垃圾桶站近期有3件")
    assert [e["step"] for e in reminder["events"]] == ["待签收", "派单"]


def test_a_reminder_to_a_non_worker_leaves_no_ticket(world, bin_point):
    spot = hotspots.find(world.session)[0]
    before = world.session.db.execute("SELECT count(*) FROM requests").fetchone()[0]
    with pytest.raises(ValueError, match="社区工作者"):
        hotspots.to_reminder(world.session, spot, 999)
    assert world.session.db.execute("SELECT count(*) FROM requests").fetchone()[0] == before


def test_the_dashboard_counts_open_late_and_at_risk_and_this_months_rates(world):
    late = call(world, "2026-11-10 08:00", kind="一般")          # due 11-19: late
    risky = call(world, "2026-11-28 08:00", kind="一般")         # not contacted yet: 风险
    calm = call(world, "2026-11-28 11:00", kind="一般")
    for step in ("已签收", "已联系"):
        tickets.advance(world.session, calm, step)
    tickets.record_callback(world.session, late, "已联系", "未解决", "不满意")
    tickets.record_callback(world.session, risky, "已联系", "已解决", "满意")
    world.session.db.execute("UPDATE requests SET callback_at = NULL WHERE id = ?", [risky])
    assert figures.dashboard(world.session) == {
        "open": 3, "late": 1, "at_risk": 1, "month": "2026-11",
        "response_rate": 1.0, "resolution_rate": 0.5, "satisfaction_rate": 0.5}


@pytest.mark.parametrize("role", [Role.ADMIN, Role.CAPTAIN, Role.SUPERVISOR, Role.STAFF])
def test_hot_spot_and_dashboard_roles(world, bin_point, role):
    session = world.as_role(role, "某人")
    reads = (lambda: hotspots.find(session), lambda: figures.dashboard(session))
    spot = hotspots.find(world.session)[0]
    when = datetime(2026, 11, 30, 7), datetime(2026, 11, 30, 9)
    writes = (lambda: hotspots.to_task(session, spot, world.team, world.types["垃圾分类值守"], *when),
              lambda: hotspots.to_reminder(session, spot, world.worker))
    for index, action in enumerate(reads + writes):
        refused = role in (Role.ADMIN, Role.CAPTAIN) or (role is Role.SUPERVISOR and index >= len(reads))
        if refused:
            with pytest.raises(PermissionDenied, match="某人"):
                action()
        else:
            assert action() is not None
