"""Tickets through the services on a real database: entry by hand, the deadline, matching the
caller, the six steps one at a time with their times and users, stale saves refused."""

from __future__ import annotations

from datetime import datetime

import pytest
from request_world import World, make_world

from volunteer_app.domain.forms import FormError
from volunteer_app.domain.requests import Status
from volunteer_app.services.admin import settings
from volunteer_app.services.requests import tickets
from volunteer_app.services.requests.access import TicketError
from volunteer_app.store.row_versions import StaleRecord

NOON = datetime(2026, 11, 28, 12, 0)     # the test clock: TODAY at noon


@pytest.fixture
def world(session) -> World:
    return make_world(session)


def heating(world: World, **fields) -> int:
    form = {"source": "电话", "caller_name": "王秀兰", "caller_phone": "139 1111 2222",
            "address": "银地社区明春苑3号楼2单元101", "category": "城乡建设/供暖/暖气不热",
            "content": "暖气不热，室温只有14度", "received_at": "2026-11-28 09:30", **fields}
    return tickets.add(world.session, form)


def test_a_hand_entry_gets_a_number_a_deadline_and_its_caller_matched(world):
    ticket_id = heating(world)
    row = tickets.get(world.session, ticket_id)
    assert row["ticket_no"] == "SQ20261128-001"
    assert row["kind"] == "水电气热"                      # a heating word sets the 24-hour kind
    assert row["due_at"] == "2026-11-29T09:30:00"
    assert (row["resident_id"], row["place_id"], row["building"]) == (world.resident, world.place, "3号楼")
    assert row["community_id"] == world.community
    assert row["status"] == "待签收" and row["minutes_left"] == 21 * 60 + 30
    assert row["caller_phone"] == "139****2222"           # masked as every phone leaves a service
    assert [e["step"] for e in row["events"]] == ["待签收"]
    assert heating(world) and tickets.get(world.session, 2)["ticket_no"] == "SQ20261128-002"


def test_a_general_ticket_counts_working_days_and_the_settings_change_the_rule(world):
    # Wednesday 2026-09-30 + 7 working days: 国庆 and 中秋 (Oct 1-7) are skipped, the 调休
    # Saturday Oct 10 counts: Oct 8, 9, 10, 12, 13, 14, 15
    ticket_id = heating(world, category="城乡建设/物业管理/电梯", content="电梯异响",
                        received_at="2026-09-30 10:00")
    assert tickets.get(world.session, ticket_id)["due_at"] == "2026-10-15T10:00:00"
    settings.put(world.session, "requests.hours_emergency", 4)
    assert tickets.deadline_rule(world.session).emergency_hours == 4
    urgent = heating(world, kind="紧急", content="楼道有燃气味")
    assert tickets.get(world.session, urgent)["due_at"] == "2026-11-28T13:30:00"


def test_bad_fields_are_named_in_chinese_and_nothing_is_written(world):
    with pytest.raises(FormError) as caught:
        heating(world, content="", caller_phone="12345", kind="很急", received_at="昨天",
                source="微信")
    assert set(caught.value.errors) == {"content", "caller_phone", "kind", "received_at", "source"}
    assert "联系电话" in caught.value.errors["caller_phone"] and "来电时间" in str(caught.value)
    assert world.session.db.execute("SELECT count(*) FROM requests").fetchone()[0] == 0
    heating(world, ticket_no="2611281234567")
    with pytest.raises(FormError, match="工单编号“2611281234567”已经有了"):
        heating(world, ticket_no="2611281234567")


def test_match_caller_by_normalised_phone_and_the_longest_place_name(world):
    found = tickets.match_caller(world.session, "139-1111-2222", "明春苑东门垃圾桶站旁5号楼")
    assert found == tickets.CallerMatch(world.resident, world.bins, world.community, "5号楼")
    assert tickets.match_caller(world.session, "13900000000", "别处") == (None, None, None, "")


def test_the_steps_go_one_at_a_time_with_time_user_and_the_first_contact(world):
    ticket_id = heating(world)
    with pytest.raises(TicketError, match="下一步只能是“已签收”"):
        tickets.advance(world.session, ticket_id, Status.CONTACTED)
    with pytest.raises(TicketError, match="办理步骤“已完成”不认识"):
        tickets.advance(world.session, ticket_id, "已完成")  # type: ignore[arg-type]
    for step in (Status.SIGNED, Status.CONTACTED, Status.HANDLING):
        tickets.advance(world.session, ticket_id, step)
    with pytest.raises(TicketError, match="办理结果"):
        tickets.advance(world.session, ticket_id, Status.FEEDBACK)
    tickets.advance(world.session, ticket_id, Status.FEEDBACK, note="已联系物业排气，室温恢复20度")
    tickets.advance(world.session, ticket_id, Status.CLOSED)
    row = tickets.get(world.session, ticket_id)
    assert row["contacted_at"] == row["closed_at"] == NOON.isoformat()
    assert row["resolution"].startswith("已联系物业") and row["late"] is False and row["minutes_left"] is None
    assert [e["step"] for e in tickets.events(world.session, ticket_id)] == [s.value for s in Status]
    assert {e["user_name"] for e in row["events"]} == {"系统管理员"}
    with pytest.raises(TicketError, match="已办结"):
        tickets.advance(world.session, ticket_id, Status.CLOSED)
    actions = [r[0] for r in world.session.db.execute(
        "SELECT action FROM audit_log WHERE entity = 'requests' ORDER BY id")]
    assert actions == ["新增"] + ["办理"] * 5


def test_a_save_from_an_older_copy_is_refused_and_changes_nothing(world):
    ticket_id = heating(world)
    version = tickets.get(world.session, ticket_id)["row_version"]
    tickets.advance(world.session, ticket_id, Status.SIGNED, row_version=version)
    with pytest.raises(StaleRecord):
        tickets.advance(world.session, ticket_id, Status.CONTACTED, row_version=version)
    assert tickets.get(world.session, ticket_id)["status"] == "已签收"


def test_lists_by_view_text_and_month_ordered_by_deadline(world):
    later = heating(world, category="城乡建设/物业管理/电梯", content="电梯异响")
    sooner = heating(world)
    done = heating(world, content="暖气漏水", received_at="2026-10-05 08:00")
    for step in list(Status)[1:]:
        tickets.advance(world.session, done, step, note="已修好")
    ids = lambda rows: [r["id"] for r in rows]  # noqa: E731
    assert ids(tickets.list_tickets(world.session)) == [sooner, later]
    assert ids(tickets.list_tickets(world.session, view="closed")) == [done]
    assert ids(tickets.list_tickets(world.session, view="all", text="电梯")) == [later]
    assert ids(tickets.list_tickets(world.session, view="all", month="2026-10")) == [done]
    with pytest.raises(ValueError, match="月份“2026-13”"):
        tickets.list_tickets(world.session, month="2026-13")
