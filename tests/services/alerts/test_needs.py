"""Needs-help handling: who is on what a resident needs, and when it was done, each step
audited and on the warning's timeline; a step that cannot be taken changes nothing."""

from __future__ import annotations

import pytest
from alert_roll_world import at, open_warning

from volunteer_app.services.alerts import attempts, board, callers
from volunteer_app.services.alerts.access import AlertError


@pytest.fixture
def needing(demo_session):
    warning = open_warning(demo_session)
    attempts.log_attempt(demo_session, warning.roll_ids[0], "需要帮助", needs=["送药", "取暖"],
                         note="降压药没了", at=at(9))
    return warning


def _handler(session) -> tuple[int, str]:
    row = session.db.execute("SELECT id, name FROM volunteers WHERE status = '在册' AND archived_at IS NULL "
                             "ORDER BY id LIMIT 1").fetchone()
    return row[0], row[1]


def test_assign_then_done(demo_session, needing):
    roll_id = needing.roll_ids[0]
    handler, name = _handler(demo_session)
    callers.assign_need(demo_session, roll_id, handler)
    row = attempts.roll_row(demo_session, roll_id)
    assert (row["need_handler_id"], row["need_handler_name"], row["need_done_at"]) == (handler, name, None)
    shown = board.board(demo_session, needing.alert_id)
    assert shown["needs_open"] == 1 and shown["needs_help_rows"][0]["need_handler_name"] == name
    callers.need_done(demo_session, roll_id, "药已送到，电暖器借到")
    row = attempts.roll_row(demo_session, roll_id)
    assert row["need_done_at"] == "2026-11-28T12:00:00"
    assert row["need_note"] == "降压药没了；已办：药已送到，电暖器借到"
    assert board.board(demo_session, needing.alert_id)["needs_open"] == 0
    events = [(e["kind"], e["detail"]) for e in demo_session.db.query(
        "SELECT kind, detail FROM alert_events WHERE alert_id = ? ORDER BY id", [needing.alert_id])]
    surname = demo_session.row("residents", needing.resident_ids[0])["name"][0]
    assert events[-2:] == [("安排帮助", f"{surname}某需要的送药、取暖由{name}负责"),
                           ("帮助办结", f"{surname}某需要的送药、取暖已办结：药已送到，电暖器借到")]
    actions = [a for (a,) in demo_session.db.execute(
        "SELECT action FROM audit_log WHERE action IN ('安排帮助', '帮助办结') ORDER BY id")]
    assert actions == ["安排帮助", "帮助办结"]


def test_a_new_need_opens_it_again(demo_session, needing):
    roll_id = needing.roll_ids[0]
    callers.need_done(demo_session, roll_id)
    row = attempts.log_attempt(demo_session, roll_id, "需要帮助", needs=["送餐"], at=at(11))
    assert row["need_done_at"] is None and row["needs"] == ["送药", "取暖", "送餐"]


def test_steps_that_cannot_be_taken(demo_session, needing):
    events = "SELECT COUNT(*) FROM alert_events"
    before = demo_session.db.execute(events).fetchone()[0]
    with pytest.raises(AlertError, match="没有登记需要的帮助"):
        callers.assign_need(demo_session, needing.roll_ids[1], _handler(demo_session)[0])
    with pytest.raises(AlertError, match="不在册"):
        callers.assign_need(demo_session, needing.roll_ids[0], 999999)
    with pytest.raises(AlertError, match="找不到编号为999999的点名记录"):
        callers.need_done(demo_session, 999999)
    callers.need_done(demo_session, needing.roll_ids[0])
    with pytest.raises(AlertError, match="已于11-28 12:00办结"):
        callers.need_done(demo_session, needing.roll_ids[0])
    with demo_session.write("alerts"):
        demo_session.db.execute("UPDATE alerts SET closed_at = '2026-11-28T11:30:00'")
    with pytest.raises(AlertError, match="已解除"):
        callers.assign_need(demo_session, needing.roll_ids[0], _handler(demo_session)[0])
    assert demo_session.db.execute(events).fetchone()[0] == before + 1     # only the one done


def test_the_choice_of_handlers_lists_staff_first_each_person_once_and_every_one_can_take_a_need(
        demo_session, needing):
    choices = callers.handler_choices(demo_session)
    ids = [person_id for _, person_id in choices]
    staff = {row[0] for row in demo_session.db.execute("SELECT id FROM volunteers WHERE is_staff = 1 "
                                                       "AND status = '在册' AND archived_at IS NULL")}
    assert staff and set(ids[:len(staff)]) == staff         # the community's staff come first
    assert len(ids) == len(set(ids)) > len(staff)
    callers.assign_need(demo_session, needing.roll_ids[0], ids[-1])     # the last listed too
    assert attempts.roll_row(demo_session, needing.roll_ids[0])["need_handler_id"] == ids[-1]
