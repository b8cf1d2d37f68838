"""Logging the roll-call on a real demo file: each attempt and the roll entry's new state in
one transaction, a reached resident staying reached, needs adding up, escalation to the
nearest door visitor, and every refusal leaving the file as it was."""

from __future__ import annotations

import json

import pytest
from alert_roll_world import at, open_warning

from volunteer_app.services.alerts import attempts
from volunteer_app.services.alerts.access import AlertError


def _count(session, table: str, where: str = "1", params=()) -> int:
    return session.db.execute(f"SELECT COUNT(*) FROM {table} WHERE {where}", list(params)).fetchone()[0]


def test_a_safe_call_reaches_the_resident(demo_session):
    warning = open_warning(demo_session)
    roll_id = warning.roll_ids[0]
    row = attempts.log_attempt(demo_session, roll_id, "平安", note="在家，暖气正常", at=at(9, 5))
    assert (row["state"], row["attempts"], row["reached_at"], row["last_attempt_at"]) == \
        ("平安", 1, "2026-11-28T09:05:00", "2026-11-28T09:05:00")
    assert row["waiting_minutes"] is None and row["resident_id"] == warning.resident_ids[0]
    logged = attempts.attempts(demo_session, roll_id)
    assert [(a["result"], a["via"], a["note"], a["caller_id"]) for a in logged] == \
        [("平安", "本人", "在家，暖气正常", row["caller_id"])]


def test_a_reached_resident_stays_reached(demo_session):
    warning = open_warning(demo_session)
    roll_id = warning.roll_ids[0]
    attempts.log_attempt(demo_session, roll_id, "未接通", at=at(9))
    attempts.log_attempt(demo_session, roll_id, "平安", via="家属", at=at(9, 20))
    row = attempts.log_attempt(demo_session, roll_id, "未接通", at=at(10))
    assert (row["state"], row["attempts"], row["reached_at"], row["last_attempt_at"]) == \
        ("平安", 3, "2026-11-28T09:20:00", "2026-11-28T10:00:00")
    assert [a["result"] for a in attempts.attempts(demo_session, roll_id)] == ["未接通", "平安", "未接通"]


def test_an_attempt_typed_in_late_keeps_the_earliest_reach(demo_session):
    roll_id = open_warning(demo_session).roll_ids[0]
    attempts.log_attempt(demo_session, roll_id, "平安", at=at(11))
    row = attempts.log_attempt(demo_session, roll_id, "已上门", via="上门", at=at(9, 30))
    assert (row["reached_at"], row["last_attempt_at"]) == ("2026-11-28T09:30:00", "2026-11-28T11:00:00")


def test_needs_add_up_and_stay_open_until_done(demo_session):
    warning = open_warning(demo_session)
    roll_id = warning.roll_ids[1]
    row = attempts.log_attempt(demo_session, roll_id, "需要帮助", needs=["送药"], note="降压药只剩一天", at=at(9))
    assert (row["state"], row["needs"], row["need_note"]) == ("需要帮助", ["送药"], "降压药只剩一天")
    row = attempts.log_attempt(demo_session, roll_id, "平安", at=at(10))
    assert row["state"] == "需要帮助"                   # the medicine is still owed
    row = attempts.log_attempt(demo_session, roll_id, "需要帮助", needs=["取暖", "送药"], note="暖气不热", at=at(10, 30))
    assert row["needs"] == ["送药", "取暖"] and row["need_note"] == "降压药只剩一天；暖气不热"
    assert row["reached_at"] == "2026-11-28T09:00:00"
    events = [e["detail"] for e in demo_session.db.query(
        "SELECT detail FROM alert_events WHERE alert_id = ? AND kind = '需要帮助' ORDER BY id", [warning.alert_id])]
    assert len(events) == 2 and events[0].endswith("需要送药：降压药只剩一天")


@pytest.mark.parametrize(("minutes", "escalated"), [((0, 10, 25), True), ((0, 20, 31), False)])
def test_three_unanswered_calls_within_half_an_hour_turn_red(demo_session, minutes, escalated):
    warning = open_warning(demo_session)
    roll_id = warning.roll_ids[2]
    for minute in minutes:
        row = attempts.log_attempt(demo_session, roll_id, "未接通", at=at(9, minute))
    assert row["escalated"] is escalated and row["state"] == "未接通"
    events = list(demo_session.db.query("SELECT * FROM alert_events WHERE alert_id = ? AND kind = '转上门'",
                                        [warning.alert_id]))
    assert len(events) == int(escalated)
    if escalated:
        assert row["escalated_at"] == "2026-11-28T09:25:00" and row["door_volunteer_id"] is not None
        resident = demo_session.row("residents", warning.resident_ids[2])
        assert events[0]["detail"].startswith(f"{resident['name'][0]}某（{row['address']}）3次未接通")
        assert events[0]["detail"].endswith(f"转上门查看：{row['door_volunteer_name']}")
        assert resident["name"] not in events[0]["detail"]


def test_the_nearest_available_person_goes_to_the_door(demo_session):
    """Same building beats same place; the caller whose calls went unanswered only when nobody
    else is as near; among equals, the one with fewer door visits; nobody on leave (暂停)."""
    warning = open_warning(demo_session)
    db = demo_session.db
    home = demo_session.row("residents", warning.resident_ids[0])
    caller = demo_session.row("alert_roll", warning.roll_ids[0])["caller_id"]
    near, place_only, on_leave = (r[0] for r in db.execute(
        "SELECT id FROM volunteers WHERE id != ? ORDER BY id LIMIT 3", [caller]))
    where = [home["community_id"], home["place_id"], home["building"]]
    with demo_session.write("volunteers", "alert_roll", "residents"):
        db.execute("UPDATE volunteers SET place_id = NULL, building = '', community_id = 3")   # all far away
        db.execute("UPDATE volunteers SET is_staff = 1, community_id = ?, place_id = ?, building = ? "
                   "WHERE id IN (?, ?, ?)", [*where, caller, near, on_leave])
        db.execute("UPDATE volunteers SET status = '暂停' WHERE id = ?", [on_leave])
        db.execute("UPDATE volunteers SET is_staff = 1, community_id = ?, place_id = ?, building = '99号楼' "
                   "WHERE id = ?", [*where[:2], place_only])
        db.execute("UPDATE residents SET community_id = ?, place_id = ?, building = ? WHERE id IN (?, ?, ?)",
                   [*where, *warning.resident_ids[:3]])
        db.execute("UPDATE alert_roll SET caller_id = ? WHERE id IN (?, ?)", [caller, *warning.roll_ids[:2]])
        db.execute("UPDATE alert_roll SET caller_id = ? WHERE id = ?", [place_only, warning.roll_ids[2]])
    chosen = []
    for hour, roll_id in zip((9, 10, 11), warning.roll_ids[:3], strict=True):
        for minute in (0, 5, 10):
            row = attempts.log_attempt(demo_session, roll_id, "未接通", at=at(hour, minute))
        chosen.append(row["door_volunteer_id"])
    # twice the other one in the building (never the unanswered caller while he is as near),
    # then the caller, as near and with fewer door visits, for someone else's resident
    assert chosen == [near, near, caller]


def test_the_door_visits_outcome_closes_it(demo_session):
    roll_id = open_warning(demo_session).roll_ids[0]
    for minute in (0, 5, 10):
        attempts.log_attempt(demo_session, roll_id, "未接通", at=at(9, minute))
    row = attempts.log_attempt(demo_session, roll_id, "未接通", via="上门", at=at(9, 40))
    assert row["door_closed_at"] is None            # nobody opened: the visit goes on
    row = attempts.log_attempt(demo_session, roll_id, "已上门", note="睡着了，没听见电话", at=at(9, 50))
    assert (row["state"], row["door_closed_at"], row["reached_at"]) == \
        ("已上门", "2026-11-28T09:50:00", "2026-11-28T09:50:00")
    assert attempts.attempts(demo_session, roll_id)[-1]["caller_id"] == row["door_volunteer_id"]


def test_a_needs_help_found_at_the_door_closes_it_too(demo_session):
    roll_id = open_warning(demo_session).roll_ids[0]
    for minute in (0, 5, 10):
        attempts.log_attempt(demo_session, roll_id, "未接通", at=at(9, minute))
    row = attempts.log_attempt(demo_session, roll_id, "需要帮助", needs=["就医"], via="上门", at=at(9, 45))
    assert row["door_closed_at"] == "2026-11-28T09:45:00" and row["state"] == "需要帮助"


@pytest.mark.parametrize(("change", "message"), [
    (dict(result="需要帮助"), "请选择需要的帮助"),
    (dict(result="需要帮助", needs=["买菜"]), "需要的帮助“买菜”不对"),
    (dict(result="平安", needs=["送药"]), "只有“需要帮助”才登记需要的帮助"),
    (dict(result="接通了"), "点名结果“接通了”不对"),
    (dict(result="平安", via="邻居"), "联系方式“邻居”不对"),
    (dict(result="平安", at=at(7, 59)), "早于预警发布时间"),
    (dict(result="平安", at=at(12, 1)), "还没到"),
])
def test_bad_input_is_refused_and_nothing_is_written(demo_session, change, message):
    roll_id = open_warning(demo_session).roll_ids[0]
    before = [_count(demo_session, t) for t in ("alert_attempts", "audit_log", "alert_events")]
    options = {"at": at(9), **change}
    result = options.pop("result")
    with pytest.raises(AlertError, match=message):
        attempts.log_attempt(demo_session, roll_id, result, **options)
    assert [_count(demo_session, t) for t in ("alert_attempts", "audit_log", "alert_events")] == before
    assert demo_session.row("alert_roll", roll_id)["attempts"] == 0


def test_a_closed_warning_or_an_unknown_entry_is_refused(demo_session):
    warning = open_warning(demo_session)
    with pytest.raises(AlertError, match="找不到编号为999999的点名记录"):
        attempts.log_attempt(demo_session, 999999, "平安", at=at(9))
    with demo_session.write("alerts", "alert_communities"):
        demo_session.db.execute("UPDATE alerts SET closed_at = '2026-11-28T11:00:00' WHERE id = ?", [warning.alert_id])
        demo_session.db.execute("UPDATE alert_communities SET open = 0")
    with pytest.raises(AlertError, match="暴雪橙色预警已于2026-11-28 11:00解除"):
        attempts.log_attempt(demo_session, warning.roll_ids[0], "平安", at=at(9))
    assert _count(demo_session, "alert_attempts") == 0


def test_logging_by_resident_finds_the_open_warnings_entry(demo_session):
    with pytest.raises(AlertError, match="现在没有进行中的预警"):
        attempts.log_for_resident(demo_session, 1, "平安")
    warning = open_warning(demo_session)
    row = attempts.log_for_resident(demo_session, warning.resident_ids[3], "平安", at=at(9))
    assert row["id"] == warning.roll_ids[3] and row["state"] == "平安"
    off_list = demo_session.db.execute(
        "SELECT id FROM residents WHERE id NOT IN (SELECT resident_id FROM alert_roll) LIMIT 1").fetchone()[0]
    with pytest.raises(AlertError, match=f"居民（编号{off_list}）不在进行中预警的点名名单上"):
        attempts.log_for_resident(demo_session, off_list, "平安")


def test_the_attempt_and_the_count_are_audited_together(demo_session):
    warning = open_warning(demo_session)
    attempts.log_attempt(demo_session, warning.roll_ids[0], "未接通", at=at(9))
    entries = list(demo_session.db.query("SELECT action, entity, detail, after FROM audit_log "
                                         "WHERE action IN ('点名登记', '查看点名电话') ORDER BY id"))
    assert [e["action"] for e in entries] == ["点名登记", "查看点名电话"]
    assert entries[0]["detail"] == "暴雪橙色预警：未接通（本人）"
    assert json.loads(entries[0]["after"])["attempts"] == 1


def test_nobody_near_then_a_door_visit_assigned_by_hand(demo_session):
    warning = open_warning(demo_session)
    roll_id = warning.roll_ids[0]
    with demo_session.write("volunteers"):
        demo_session.db.execute("UPDATE volunteers SET community_id = 3, place_id = NULL")
    for minute in (0, 5, 10):
        row = attempts.log_attempt(demo_session, roll_id, "未接通", at=at(9, minute))
    assert row["escalated"] and row["door_volunteer_id"] is None
    detail = demo_session.db.execute("SELECT detail FROM alert_events WHERE kind = '转上门'").fetchone()[0]
    assert detail.endswith("附近没有可派的结对帮手或社区工作者，请值班人员安排。")
    volunteer, name = demo_session.db.execute("SELECT id, name FROM volunteers WHERE status = '在册' "
                                              "ORDER BY id LIMIT 1").fetchone()
    attempts.assign_door(demo_session, roll_id, volunteer)
    row = attempts.roll_row(demo_session, roll_id)
    assert (row["door_volunteer_id"], row["door_volunteer_name"], row["escalated_at"]) == \
        (volunteer, name, "2026-11-28T09:10:00")                  # still red since 09:10
    attempts.log_attempt(demo_session, roll_id, "已上门", at=at(11))
    assert attempts.attempts(demo_session, roll_id)[-1]["caller_id"] == volunteer
    with pytest.raises(AlertError, match="上门查看已于11-28 11:00完成"):
        attempts.assign_door(demo_session, roll_id, volunteer)
    with pytest.raises(AlertError, match="不在册"):
        attempts.assign_door(demo_session, warning.roll_ids[1], 999999)


def test_a_door_visit_sent_before_the_rule_trips(demo_session):
    warning = open_warning(demo_session)
    volunteer = demo_session.row("alert_roll", warning.roll_ids[1])["caller_id"]
    attempts.assign_door(demo_session, warning.roll_ids[1], volunteer)
    row = attempts.roll_row(demo_session, warning.roll_ids[1])
    assert row["escalated_at"] == "2026-11-28T12:00:00" and row["door_volunteer_id"] == volunteer
    audit = demo_session.db.execute("SELECT detail FROM audit_log WHERE action = '安排上门'").fetchone()[0]
    assert audit.startswith("暴雪橙色预警：") and audit.endswith("上门查看")
