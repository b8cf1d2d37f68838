"""Closing a warning on the demo's real file: one transaction that closes it, frees its
communities, writes why each never-reached resident was not reached, owes each high-tier
resident a visit, and turns the calls and door visits into service records."""

from __future__ import annotations

from datetime import datetime

import pytest
from alert_close_world import as_role, attempt, open_warning, roll

from volunteer_app.services.alerts import access, closing
from volunteer_app.services.alerts.access import AlertError
from volunteer_app.services.care import visit_list
from volunteer_app.services.permissions import PermissionDenied, Role
from volunteer_app.services.session import Session

CLOSE = datetime(2026, 11, 28, 12, 0)


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 28, hour, minute)


def records(session: Session, alert_id: int) -> dict[int, dict]:
    return {r["volunteer_id"]: dict(r) for r in session.db.query(
        "SELECT * FROM service_records WHERE alert_id = ?", [alert_id])}


def test_closing_settles_the_warning_reasons_visits_and_hours(demo_session):
    alert_id = open_warning(demo_session)
    rows = roll(demo_session, alert_id)
    caller = rows[0]["caller_id"]
    mine = [r for r in rows if r["caller_id"] == caller]
    for minute, row in enumerate(mine[:3]):               # 3 calls: 0.75 h → 1 h (half hours)
        attempt(demo_session, row["id"], "平安", at(8, minute), caller_id=caller)
    red = next(r for r in rows if r["caller_id"] != caller)
    for minute in (0, 10, 20):
        attempt(demo_session, red["id"], "未接通", at(9, minute), caller_id=red["caller_id"])
    assert roll(demo_session, alert_id)[rows.index(red)]["escalated_at"] is not None   # 3 in 30 minutes
    staff = as_role(demo_session, Role.STAFF)

    outcome = closing.close(staff, alert_id, CLOSE)

    alert = access.alert(staff, alert_id)
    assert alert["closed_at"] == "2026-11-28T12:00:00" and alert["closed_by"] == staff.actor.user_id
    assert demo_session.db.execute("SELECT count(*) FROM alert_communities WHERE alert_id = ? AND open = 1",
                                   [alert_id]).fetchone()[0] == 0
    kinds = [r[0] for r in demo_session.db.execute(
        "SELECT kind FROM alert_events WHERE alert_id = ? ORDER BY at, id", [alert_id])]
    assert kinds[0] == "发布" and "转上门" in kinds and kinds[-1] == "关闭"
    after = {r["id"]: r for r in roll(demo_session, alert_id)}
    assert after[red["id"]]["unreached_reason"] == "3次未接通，已转上门查看，未回报结果"
    untried = next(r for r in rows if r["id"] not in {m["id"] for m in mine[:3]} | {red["id"]})
    assert after[untried["id"]]["unreached_reason"] == "未拨打"
    assert after[mine[0]["id"]]["unreached_reason"] == ""
    assert outcome["unreached"] == len(rows) - 3
    assert {r["visit_due_by"] for r in after.values() if r["risk_level"] == "高"} == {"2026-11-29T12:00:00"}
    assert {r["visit_due_by"] for r in after.values() if r["risk_level"] != "高"} == {None}
    found = records(demo_session, alert_id)
    assert set(found) == {caller, red["caller_id"]}
    assert found[caller]["hours"] == 1.0 and found[caller]["source"] == "探访"
    assert found[caller]["activity"] == "暴雪橙色预警点名" and found[caller]["date"] == "2026-11-28"
    assert found[caller]["content"] == "电话点名3次" and found[caller]["start_time"] == "08:00"
    assert found[red["caller_id"]]["hours"] == 1.0              # 3 unanswered calls are calls too
    teams = [t[0] for t in demo_session.db.execute(
        "SELECT team_id FROM team_members WHERE volunteer_id = ? AND left_on IS NULL ORDER BY team_id",
        [caller])]
    assert found[caller]["team_id"] == (teams[0] if teams else None)
    assert outcome == {"alert_id": alert_id, "records": 2, "hours": 2.0, "unreached": len(rows) - 3}
    assert demo_session.db.execute("SELECT count(*) FROM audit_log WHERE action = '解除预警' AND entity_id = ?",
                                   [alert_id]).fetchone()[0] == 1


def test_a_day_is_capped_and_door_visits_count_more(demo_session):
    alert_id = open_warning(demo_session)
    rows = roll(demo_session, alert_id)
    busy = rows[0]["caller_id"]
    for minute, row in enumerate(rows[:12]):              # 12 calls = 3 h, capped at 2 h
        attempt(demo_session, row["id"], "平安", at(8, minute), caller_id=busy)
    door = next(r["caller_id"] for r in rows if r["caller_id"] != busy)
    attempt(demo_session, rows[20]["id"], "已上门", at(10), caller_id=door, via="上门")
    attempt(demo_session, rows[21]["id"], "已上门", at(10, 30), caller_id=door, via="上门")
    attempt(demo_session, rows[22]["id"], "未接通", at(11), caller_id=door)   # 2 × 0.5 + 0.25 → 1.5 (rounded)
    closing.close(demo_session, alert_id, CLOSE)
    found = records(demo_session, alert_id)
    assert found[busy]["hours"] == 2.0
    assert found[door]["hours"] == 1.5 and found[door]["content"] == "电话点名1次，上门查看2次"


def test_a_community_worker_on_a_working_day_is_on_duty(demo_session):
    """27 November 2026 is a Friday: a community worker's call at 10:00 is duty; the same on
    Saturday counts for stars."""
    alert_id = open_warning(demo_session, started=datetime(2026, 11, 27, 7, 0))
    worker = demo_session.db.execute("SELECT id FROM volunteers WHERE is_staff = 1 ORDER BY id").fetchone()[0]
    rows = roll(demo_session, alert_id)
    attempt(demo_session, rows[0]["id"], "平安", datetime(2026, 11, 27, 10, 0), caller_id=worker)
    attempt(demo_session, rows[1]["id"], "平安", datetime(2026, 11, 28, 10, 0), caller_id=worker)
    closing.close(demo_session, alert_id, CLOSE)
    by_day = {r["date"]: r for r in demo_session.db.query(
        "SELECT * FROM service_records WHERE alert_id = ? AND volunteer_id = ?", [alert_id, worker])}
    assert by_day["2026-11-27"]["counts_for_stars"] == 0           # office hours, a working day
    assert by_day["2026-11-27"]["duty_hours"] == by_day["2026-11-27"]["hours"] == 0.5
    assert by_day["2026-11-28"]["counts_for_stars"] == 1           # a Saturday
    assert by_day["2026-11-28"]["duty_hours"] == 0


def test_closing_twice_is_refused_and_changes_nothing(demo_session):
    alert_id = open_warning(demo_session)
    attempt(demo_session, roll(demo_session, alert_id)[0]["id"], "平安", at(8),
            caller_id=roll(demo_session, alert_id)[0]["caller_id"])
    closing.close(demo_session, alert_id, CLOSE)
    count = demo_session.db.execute("SELECT count(*) FROM service_records").fetchone()[0]
    with pytest.raises(AlertError, match="已于2026-11-28 12:00解除"):
        closing.close(demo_session, alert_id, datetime(2026, 11, 28, 12, 30))
    assert demo_session.db.execute("SELECT count(*) FROM service_records").fetchone()[0] == count
    assert access.alert(demo_session, alert_id)["closed_at"] == "2026-11-28T12:00:00"


def test_a_failure_half_way_leaves_the_warning_open_as_it_was(demo_session):
    alert_id = open_warning(demo_session)
    first = roll(demo_session, alert_id)[0]
    attempt(demo_session, first["id"], "平安", at(8), caller_id=first["caller_id"])
    # the 关闭 event is written after the reasons, the visits due and the records
    demo_session.db.execute("CREATE TEMP TRIGGER boom BEFORE INSERT ON alert_events "
                            "WHEN NEW.kind = '关闭' BEGIN SELECT RAISE(ABORT, 'disk full'); END")
    with pytest.raises(Exception, match="disk full"):
        closing.close(demo_session, alert_id, CLOSE)
    assert access.alert(demo_session, alert_id)["closed_at"] is None
    assert demo_session.db.execute("SELECT count(*) FROM service_records WHERE alert_id = ?",
                                   [alert_id]).fetchone()[0] == 0
    assert all(r["unreached_reason"] == "" and r["visit_due_by"] is None for r in roll(demo_session, alert_id))
    assert demo_session.db.execute("SELECT count(*) FROM alert_communities WHERE alert_id = ? AND open = 1",
                                   [alert_id]).fetchone()[0] == 4


def test_a_closing_before_the_start_is_refused(demo_session):
    alert_id = open_warning(demo_session)
    with pytest.raises(AlertError, match="早于预警发布时间"):
        closing.close(demo_session, alert_id, datetime(2026, 11, 28, 6, 0))


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.CAPTAIN, Role.ADMIN])
def test_only_staff_close(demo_session, role):
    alert_id = open_warning(demo_session)
    with pytest.raises(PermissionDenied):
        closing.close(as_role(demo_session, role), alert_id, CLOSE)
    assert access.alert(demo_session, alert_id)["closed_at"] is None


def test_high_tier_residents_are_on_the_late_list_until_visited(demo_session):
    alert_id = open_warning(demo_session)
    closing.close(demo_session, alert_id, CLOSE)
    visited = {r[0] for r in demo_session.db.execute(
        "SELECT resident_id FROM visits WHERE visited_on || 'T' || COALESCE(start_time, '23:59') >= '2026-11-28T12:00'")}
    owed = {r["resident_id"] for r in roll(demo_session, alert_id) if r["risk_level"] == "高"} - visited
    assert len(owed) > 100
    late = {r["id"]: r for r in visit_list.late_list(demo_session)}
    assert owed <= set(late)
    assert not {i for i in visited if i in late and late[i]["alert_visit_due"]}
    consenting = {r[0] for r in demo_session.db.execute("SELECT id FROM residents WHERE consent_visit = 1")}
    staff_row = next(late[i] for i in sorted(owed & consenting) if late[i]["coverage"] == "包户")
    assert staff_row["alert_visit_due"] == "2026-11-29T12:00:00"
    assert staff_row["due_on"] <= "2026-11-29"
    from volunteer_app.services.alerts import after_visits
    assert staff_row["resident_id"] in {r["resident_id"] for r in after_visits.after_visits(demo_session)}
    visit_list.log_staff_visit(demo_session, staff_row["resident_id"],
                               {"visited_on": "2026-11-28", "start_time": "15:00", "minutes": 20,
                                "mode": "上门", "done": "雪后探访"})
    assert staff_row["resident_id"] not in {r["id"] for r in visit_list.late_list(demo_session)
                                            if r["alert_visit_due"]}
    assert staff_row["resident_id"] not in {r["resident_id"] for r in after_visits.after_visits(demo_session)}


def test_a_visit_before_the_closing_does_not_count(demo_session):
    alert_id = open_warning(demo_session)
    consenting = {r[0] for r in demo_session.db.execute("SELECT id FROM residents WHERE consent_visit = 1")}
    resident = next(r for r in visit_list.visit_list(demo_session) if r["coverage"] == "包户"
                    and r["resident_id"] in consenting and r["resident_id"] in
                    {x["resident_id"] for x in roll(demo_session, alert_id) if x["risk_level"] == "高"})
    visit_list.log_staff_visit(demo_session, resident["resident_id"],
                               {"visited_on": "2026-11-28", "start_time": "09:00", "minutes": 20,
                                "mode": "上门", "done": "预警期间上门"})
    closing.close(demo_session, alert_id, CLOSE)
    row = next(r for r in visit_list.late_list(demo_session) if r["id"] == resident["resident_id"])
    assert row["alert_visit_due"] == "2026-11-29T12:00:00"
