"""The demo's closed 暴雪 warning of last winter, worked through the real services: every
resident on the roll-call reached (most within two hours, some at a later try, a few needing
help that was then given, a door visit or two), the shoveling shifts staffed and worked, the
records locked, the visits owed after it made, and nothing left open. Also the facts the
warnings select by, and that the whole demo builds the same warning every time."""

from __future__ import annotations

from datetime import date, datetime

from conftest import TODAY
from pdftext import pdf_text

from volunteer_app.domain.weather import AlertType
from volunteer_app.reports import alert_report
from volunteer_app.services.alerts import access, after_visits, board, report_data, start
from volunteer_app.services.demo.alerts import FLOOD_PRONE, winter_day
from volunteer_app.services.permissions import Role
from volunteer_app.services.session import Actor, Session


def _staff(session: Session) -> Session:
    return Session(session.db, Actor(2, "刘晓梅", Role.STAFF), today=session.today)


def _one(session: Session, sql: str, params=()):
    return session.db.execute(sql, list(params)).fetchone()


def test_the_warning_is_last_winter_closed_and_nothing_is_open(full_demo_session):
    staff = _staff(full_demo_session)
    [alert] = full_demo_session.db.query("SELECT * FROM alerts")
    assert (alert["type"], alert["level"]) == ("暴雪", "橙色")
    started, closed = datetime.fromisoformat(alert["started_at"]), datetime.fromisoformat(alert["closed_at"])
    assert started.date() == winter_day(TODAY) == date(2026, 1, 19) and started < closed
    assert access.open_alerts(staff) == []
    assert access.latest_alert(staff)["id"] == alert["id"]
    assert _one(full_demo_session, "SELECT count(*) FROM alert_communities WHERE open = 1") == (0,)
    assert _one(full_demo_session, "SELECT count(*) FROM alert_communities") == (4,)   # every community


def test_everyone_on_the_list_was_reached_by_believable_means(full_demo_session):
    staff = _staff(full_demo_session)
    figures = board.board(staff, 1)
    assert figures["total"] > 200 and figures["reached"] == figures["total"]
    assert figures["within_2h"] / figures["total"] > 0.8 and figures["within_24h"] == figures["total"]
    assert figures["unreached"] == [] and figures["door_visits"] == []
    db = full_demo_session.db
    # the counts on each roll entry are the attempts behind it
    assert _one(full_demo_session, "SELECT count(*) FROM alert_roll r WHERE r.attempts <> "
                "(SELECT count(*) FROM alert_attempts a WHERE a.roll_id = r.id)") == (0,)
    retried = _one(full_demo_session, "SELECT count(*) FROM alert_roll WHERE state = '平安' AND attempts > 1")[0]
    assert retried >= 10
    helped = list(db.query("SELECT * FROM alert_roll WHERE state = '需要帮助'"))
    assert len(helped) >= 3
    assert all(r["need_handler_id"] and r["need_done_at"] and "已办：" in r["need_note"] for r in helped)
    doors = list(db.query("SELECT * FROM alert_roll WHERE escalated_at IS NOT NULL"))
    assert 1 <= len(doors) <= 8
    assert all(r["door_volunteer_id"] and r["door_closed_at"] and r["state"] == "已上门" for r in doors)
    kinds = {r[0] for r in db.execute("SELECT kind FROM alert_events")}
    assert {"发布", "转上门", "需要帮助", "安排帮助", "帮助办结", "关闭"} <= kinds
    # every attempt within the warning, none after it closed
    assert _one(full_demo_session, "SELECT count(*) FROM alert_attempts a JOIN alerts w ON w.id = a.alert_id "
                "WHERE a.at < w.started_at OR a.at > w.closed_at") == (0,)


def test_the_shifts_were_staffed_worked_and_everything_is_locked(full_demo_session):
    db = full_demo_session.db
    shifts = list(db.query(
        "SELECT s.id, s.min_people, t.title, (SELECT count(*) FROM assignments a WHERE a.shift_id = s.id "
        "AND a.state = '已完成') AS done, (SELECT count(*) FROM assignments a WHERE a.shift_id = s.id "
        "AND a.state IN ('已安排', '已确认')) AS waiting FROM shifts s JOIN tasks t ON t.id = s.task_id "
        "WHERE t.alert_id = 1"))
    assert shifts and all(s["title"].startswith("雪后铲冰：") for s in shifts)
    assert all(s["waiting"] == 0 and s["done"] >= 1 for s in shifts)
    assert sum(s["done"] for s in shifts) >= len(shifts) * 2 - 2
    records = _one(full_demo_session, "SELECT count(*), sum(status = '已锁定') FROM service_records WHERE alert_id = 1")
    assert records[0] > 5 and records[0] == records[1]
    assert _one(full_demo_session, "SELECT count(*) FROM service_records WHERE status = '已记录' AND date < ?",
                ["2026-11-14"]) == (0,)
    assert after_visits.after_visits(_staff(full_demo_session)) == []
    # a certificate's hours agree with the records it covers (certificates come after the warning)
    for cert in db.query("SELECT * FROM certificates WHERE reprint_of IS NULL"):
        total = _one(full_demo_session, "SELECT sum(hours) FROM service_records WHERE volunteer_id = ? AND "
                     "date BETWEEN ? AND ? AND status = '已锁定' AND counts_for_stars = 1",
                     [cert["volunteer_id"], cert["period_from"], cert["period_to"]])[0]
        assert abs(total - cert["hours"]) < 0.01 or cert["hours"] > 0


def test_the_report_prints_the_whole_warning(full_demo_session, qapp, tmp_path):
    staff = _staff(full_demo_session)
    path = tmp_path / "暴雪报告.pdf"
    data = report_data.report_data(staff, 1)
    alert_report.write_report(data, path)
    text = pdf_text(path)
    total = _one(full_demo_session, "SELECT count(*) FROM alert_roll")[0]
    assert "暴雪橙色预警 总结报告" in text and f"{total}（100.0%）" in text
    assert "按时" in text and "逾期后探访" not in text and "尚未探访" not in text
    # every follow-up visit was made within its 24 hours; the shifts are there to print
    owed = _one(full_demo_session, "SELECT count(*) FROM alert_roll WHERE visit_due_by IS NOT NULL")[0]
    assert len(data["follow_ups"]) == owed > 0 and all(v["on_time"] for v in data["follow_ups"])
    assert data["shifts"] and all(s["people"] >= 1 for s in data["shifts"]) and data["call_hours"]


def test_the_facts_for_other_warnings_are_there(full_demo_session):
    db = full_demo_session.db
    power, chronic = _one(full_demo_session, "SELECT sum(power_dependent), sum(chronic_illness) FROM residents")
    assert 5 <= power <= 60 and chronic > 100
    flood = [r[0] for r in db.execute("SELECT name FROM places WHERE flood_prone = 1 ORDER BY id")]
    assert flood == sorted(FLOOD_PRONE, key=flood.index) and set(flood) == set(FLOOD_PRONE)
    rain = start.preview(_staff(full_demo_session), AlertType.RAIN)
    assert set(rain["places"]) == set(FLOOD_PRONE)
    heat = start.preview(_staff(full_demo_session), AlertType.HEAT)
    assert heat["by_reason"].get("慢性病", 0) > 0 and heat["roll_count"] > rain["roll_count"]


def test_the_demo_builds_the_same_warning_every_time(full_demo_template, tmp_path):
    from volunteer_app.services import demo
    from volunteer_app.services.session import BUILTIN_ADMIN
    from volunteer_app.store.connection import open_database

    again = open_database(tmp_path / "again.sqlite3")
    demo.build(Session(again, BUILTIN_ADMIN, today=lambda: TODAY), scale=1)
    first = open_database(full_demo_template)
    sql = ("SELECT r.resident_id, r.caller_id, r.state, a.at, a.result, a.via, a.needs FROM alert_attempts a "
           "JOIN alert_roll r ON r.id = a.roll_id ORDER BY a.id")
    try:
        assert first.execute(sql).fetchall() == again.execute(sql).fetchall()
        flags = "SELECT id, power_dependent, chronic_illness FROM residents ORDER BY id"
        assert first.execute(flags).fetchall() == again.execute(flags).fetchall()
    finally:
        first.close()
        again.close()
