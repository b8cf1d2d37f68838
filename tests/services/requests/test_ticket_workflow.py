"""Send-back, the city's callback, dispatch to a worker or a team task (linked both ways), the
风险 flag, and who may do what: every role against every function."""

from __future__ import annotations

import contextlib
from datetime import datetime

import pytest
from request_world import World, make_world

from volunteer_app.domain.requests import Status
from volunteer_app.services.permissions import MATRIX, Permission, PermissionDenied, Role
from volunteer_app.services.requests import tickets
from volunteer_app.services.requests.access import TicketError
from volunteer_app.services.scheduling import schedule
from volunteer_app.store.row_versions import StaleRecord


@pytest.fixture
def world(session) -> World:
    return make_world(session)


def ticket(world: World, **fields) -> int:
    form = {"source": "12345", "caller_name": "王秀兰", "caller_phone": "13911112222",
            "address": "明春苑东门垃圾桶站", "category": "城乡建设/垃圾分类/桶站满溢",
            "content": "垃圾桶站满溢无人清理", "received_at": "2026-11-27 08:00", **fields}
    return tickets.add(world.session, form)


def to_step(world: World, ticket_id: int, last: Status) -> None:
    for step in list(Status)[1:list(Status).index(last) + 1]:
        tickets.advance(world.session, ticket_id, step, note="已清运")


def test_reopen_sends_a_fed_back_ticket_back_and_counts_it(world):
    ticket_id = ticket(world)
    with pytest.raises(TicketError, match="只有已反馈或已办结"):
        tickets.reopen(world.session, ticket_id, "诉求人不认可")
    to_step(world, ticket_id, Status.CLOSED)
    with pytest.raises(TicketError, match="原因"):
        tickets.reopen(world.session, ticket_id, " ")
    tickets.reopen(world.session, ticket_id, "诉求人说桶站仍然满溢")
    row = tickets.get(world.session, ticket_id)
    assert (row["status"], row["reopened"], row["closed_at"]) == ("办理中", 1, None)
    assert "退回重办1次" in row["risk"]
    assert row["events"][-1]["step"] == "退回重办" and row["events"][-1]["note"] == "诉求人说桶站仍然满溢"


def test_the_callback_is_recorded_checked_and_replaced(world):
    ticket_id = ticket(world)
    with pytest.raises(TicketError, match="是否解决“解决了”不对"):
        tickets.record_callback(world.session, ticket_id, "已联系", "解决了", "满意")
    tickets.record_callback(world.session, ticket_id, "未联系", "未解决", None, at=datetime(2026, 11, 28, 9))
    tickets.record_callback(world.session, ticket_id, "已联系", "已解决", "基本满意")
    row = tickets.get(world.session, ticket_id)
    assert (row["callback_contacted"], row["callback_resolved"], row["callback_satisfaction"]) == \
        ("已联系", "已解决", "基本满意")
    assert row["risk"] == []                         # called back: the flag has done its job
    assert [e["note"] for e in row["events"] if e["step"] == "回访"] == ["未联系，未解决", "已联系，已解决，基本满意"]


def test_dispatch_to_a_worker_names_them_and_refuses_a_non_worker(world):
    ticket_id = ticket(world)
    tickets.dispatch_to_staff(world.session, ticket_id, world.worker)
    row = tickets.get(world.session, ticket_id)
    assert row["staff_name"] == "李社工" and row["dispatched_at"] == "2026-11-28T12:00:00"
    assert row["events"][-1]["note"] == "派给社区工作者李社工"
    world.session.db.execute("UPDATE volunteers SET is_staff = 0")
    with pytest.raises(TicketError, match="不是在册的社区工作者"):
        tickets.dispatch_to_staff(world.session, ticket_id, world.worker)


def test_dispatch_to_a_team_makes_a_task_of_one_shift_linked_both_ways(world):
    ticket_id = ticket(world)
    task_id = tickets.dispatch_to_team(world.session, ticket_id, world.team, world.types["垃圾分类值守"],
                                       datetime(2026, 11, 30, 7), datetime(2026, 11, 30, 9), headcount=3)
    task = schedule.task(world.session, task_id)
    ticket_no = tickets.get(world.session, ticket_id)["ticket_no"]
    assert ticket_no in task["description"] and task["shifts"] == 1
    assert task["place_id"] == world.bins and task["team_id"] == world.team
    shift = schedule.between(world.session, datetime(2026, 11, 30).date(), datetime(2026, 11, 30).date())[0]
    assert (shift.task_id, shift.min_people, shift.max_people) == (task_id, 3, 3)
    row = tickets.get(world.session, ticket_id)
    assert (row["task_id"], row["team_name"], row["task_name"]) == (task_id, "银地居民志愿服务队", task["title"])
    with pytest.raises(TicketError, match="结束应晚于开始"):
        tickets.dispatch_to_team(world.session, ticket_id, world.team, world.types["垃圾分类值守"],
                                 datetime(2026, 11, 30, 9), datetime(2026, 11, 30, 7))


def test_a_failed_team_dispatch_leaves_no_task_and_no_link(world):
    ticket_id = ticket(world)
    with pytest.raises(ValueError, match="服务类型"):
        tickets.dispatch_to_team(world.session, ticket_id, world.team, 999,
                                 datetime(2026, 11, 30, 7), datetime(2026, 11, 30, 9))
    assert world.session.db.execute("SELECT count(*) FROM tasks").fetchone()[0] == 0
    assert tickets.get(world.session, ticket_id)["task_id"] is None


def test_risk_names_each_reason_and_the_late_or_risk_view_lists_them(world):
    old = ticket(world, received_at="2026-11-10 08:00", kind="一般")     # due 11-19 08:00 (past)
    fresh = ticket(world, received_at="2026-11-28 11:00", caller_phone="13800009999")
    again = ticket(world, received_at="2026-11-28 11:30", caller_phone="13800009999")
    to_step(world, fresh, Status.CONTACTED)
    to_step(world, again, Status.CONTACTED)
    assert tickets.get(world.session, old)["late"] is True
    assert tickets.get(world.session, old)["risk"] == ["尚未联系诉求人", "已过办理时限一半"]
    assert tickets.get(world.session, fresh)["risk"] == ["同一来电人另有1件诉求"]
    world.session.db.execute("UPDATE requests SET caller_phone = '13700001111' WHERE id = ?", [again])
    assert tickets.get(world.session, fresh)["risk"] == []
    assert [r["id"] for r in tickets.list_tickets(world.session, view="late_or_risk")] == [old]


def test_personal_fields_are_shaped_for_the_role(world, monkeypatch):
    ticket_id = ticket(world, address="明春苑3号楼2单元101")
    supervisor = world.as_role(Role.SUPERVISOR)
    row = tickets.get(supervisor, ticket_id)
    assert (row["caller_name"], row["caller_phone"], row["address"]) == ("王秀兰", "139****2222", "明春苑3号楼2单元101")
    assert tickets.reveal_caller(world.as_role(Role.STAFF), ticket_id) == "13911112222"
    assert world.session.db.execute("SELECT count(*) FROM audit_log WHERE action = '查看完整信息' "
                                    "AND entity = 'requests'").fetchone()[0] == 1
    # a reading role without VIEW_FULL_IDENTITY gets the surname and the place, never the home
    monkeypatch.setitem(MATRIX, Role.SUPERVISOR, MATRIX[Role.SUPERVISOR] - {Permission.VIEW_FULL_IDENTITY})
    row = tickets.list_tickets(supervisor)[0]
    assert (row["caller_name"], row["caller_phone"], row["address"]) == ("王**", "139****2222", "明春苑 3号楼")


def calls(world: World, ticket_id: int) -> dict[str, tuple[bool, object]]:
    """Each function as (writes?, call); run against a role's session."""
    when = datetime(2026, 11, 30, 7), datetime(2026, 11, 30, 9)
    return {
        "match_caller": (True, lambda s: tickets.match_caller(s, "13911112222", "明春苑")),
        "add": (True, lambda s: tickets.add(s, {"content": "路灯不亮"})),
        "get": (False, lambda s: tickets.get(s, ticket_id)),
        "list_tickets": (False, lambda s: tickets.list_tickets(s, view="all")),
        "events": (False, lambda s: tickets.events(s, ticket_id)),
        "advance": (True, lambda s: tickets.advance(s, ticket_id, Status.SIGNED)),
        "reopen": (True, lambda s: tickets.reopen(s, ticket_id, "不认可")),
        "record_callback": (True, lambda s: tickets.record_callback(s, ticket_id, "已联系", "已解决", "满意")),
        "dispatch_to_staff": (True, lambda s: tickets.dispatch_to_staff(s, ticket_id, world.worker)),
        "dispatch_to_team": (True, lambda s: tickets.dispatch_to_team(
            s, ticket_id, world.team, world.types["垃圾分类值守"], *when)),
        "reveal_caller": (True, lambda s: tickets.reveal_caller(s, ticket_id)),
    }


@pytest.mark.parametrize("role", [Role.ADMIN, Role.CAPTAIN, Role.SUPERVISOR, Role.STAFF])
def test_every_role_against_every_ticket_function(world, role):
    ticket_id = ticket(world)
    session = world.as_role(role, "某人")
    for name, (writes, call) in calls(world, ticket_id).items():
        refused = role in (Role.ADMIN, Role.CAPTAIN) or (role is Role.SUPERVISOR and writes)
        if refused:
            with pytest.raises(PermissionDenied, match="某人"):
                call(session)
                pytest.fail(f"{role} was allowed {name}")
        else:
            with contextlib.suppress(TicketError):   # a step out of order: the workflow's refusal
                call(session)


def test_every_dialog_save_refuses_a_copy_read_before_another_change(world):
    ticket_id = ticket(world)
    to_step(world, ticket_id, Status.FEEDBACK)
    stale = tickets.get(world.session, ticket_id)["row_version"]
    tickets.advance(world.session, ticket_id, Status.CLOSED)          # meanwhile, in another window
    when = datetime(2026, 11, 30, 7), datetime(2026, 11, 30, 9)
    saves = (lambda: tickets.reopen(world.session, ticket_id, "不认可", row_version=stale),
             lambda: tickets.record_callback(world.session, ticket_id, "已联系", "已解决", "满意", row_version=stale),
             lambda: tickets.dispatch_to_staff(world.session, ticket_id, world.worker, row_version=stale),
             lambda: tickets.dispatch_to_team(world.session, ticket_id, world.team, world.types["垃圾分类值守"],
                                              *when, row_version=stale))
    for save in saves:
        with pytest.raises(StaleRecord):
            save()
    row = tickets.get(world.session, ticket_id)
    assert (row["status"], row["callback_at"], row["staff_id"], row["task_id"]) == ("已办结", None, None, None)
    assert world.session.db.execute("SELECT count(*) FROM tasks").fetchone()[0] == 0
