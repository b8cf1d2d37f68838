"""The duty shifts a warning makes from its type's templates, filled by 一键补缺 without breaking
a hard rule; the insurance a risky task asks for; what preview promises."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

import pytest
from conftest import TODAY
from start_world import community_id, count, roll

from volunteer_app.domain.people import age_on
from volunteer_app.domain.weather import AlertLevel, AlertType
from volunteer_app.services.alerts.access import AlertError
from volunteer_app.services.alerts.start import (
    StartRequest,
    insurance_warnings,
    preview,
    record_insurance,
    start,
)
from volunteer_app.services.scheduling import assigning

ACTIVE = "('已安排', '已确认', '已签到', '已完成')"


def tasks_of(s, alert_id: int) -> list[dict]:
    return list(s.db.query(
        "SELECT t.*, p.name AS place, p.community_id AS place_community, tm.community_id AS team_community, "
        "st.name AS service_type FROM tasks t JOIN places p ON p.id = t.place_id JOIN teams tm ON tm.id = t.team_id "
        "JOIN service_types st ON st.id = t.service_type_id WHERE t.alert_id = ? ORDER BY t.id", [alert_id]))


def shifts_of(s, alert_id: int) -> list[dict]:
    return list(s.db.query(
        "SELECT s.*, t.title, (SELECT count(*) FROM assignments a WHERE a.shift_id = s.id AND a.state IN "
        f"{ACTIVE}) AS filled FROM shifts s JOIN tasks t ON t.id = s.task_id WHERE t.alert_id = ? "
        "ORDER BY s.date, s.start_time, s.id", [alert_id]))


def roll_places(s, alert_id: int) -> set[str]:
    return {r[0] for r in s.db.execute(
        "SELECT DISTINCT p.name FROM alert_roll a JOIN residents r ON r.id = a.resident_id "
        "JOIN places p ON p.id = r.place_id WHERE a.alert_id = ? AND p.kind <> '垃圾分类驿站'", [alert_id])}


def test_snow_clears_the_paths_of_every_place_on_the_list_the_morning_after(demo_session):
    s = demo_session
    others = s.db.execute(f"SELECT count(*) FROM assignments WHERE state IN {ACTIVE}").fetchone()[0]
    outcome = start(s, StartRequest(AlertType.SNOW, AlertLevel.ORANGE, until=datetime(2026, 11, 29, 18)))
    tasks = tasks_of(s, outcome.alert_id)
    assert [t["id"] for t in tasks] == outcome.task_ids
    assert {t["place"] for t in tasks} == roll_places(s, outcome.alert_id) and len(tasks) >= 5
    assert {t["title"] for t in tasks} == {f"雪后铲冰：{t['place']}" for t in tasks}
    assert {t["service_type"] for t in tasks} == {"铲冰除雪"}
    for t in tasks:     # the place's own community's team where it has one
        has_team = s.db.execute("SELECT 1 FROM teams WHERE community_id = ? AND archived_at IS NULL",
                                [t["place_community"]]).fetchone()
        assert t["team_community"] == t["place_community"] or not has_team
    shifts = shifts_of(s, outcome.alert_id)
    assert len(shifts) == outcome.shift_count == len(tasks)
    assert {(x["date"], x["start_time"], x["end_time"], x["min_people"], x["max_people"]) for x in shifts} == {
        ("2026-11-30", "07:00", "10:00", 2, 4)}
    filled = sum(x["filled"] for x in shifts)
    assert outcome.filled == filled > 0
    assert outcome.short_shifts == sum(x["filled"] < x["min_people"] for x in shifts)
    mine = s.db.execute(f"SELECT count(*) FROM assignments WHERE state IN {ACTIVE}").fetchone()[0]
    assert mine == others + filled          # 一键补缺 touched no shift but the warning's


def test_the_fill_breaks_no_hard_rule(demo_session):
    s = demo_session
    outcome = start(s, StartRequest(AlertType.SNOW, AlertLevel.RED))
    placed = list(s.db.query(
        "SELECT a.shift_id, a.volunteer_id, v.birth_date FROM assignments a JOIN volunteers v ON v.id = a.volunteer_id "
        "JOIN shifts s ON s.id = a.shift_id JOIN tasks t ON t.id = s.task_id WHERE t.alert_id = ?", [outcome.alert_id]))
    assert len(placed) == outcome.filled > 0
    for a in placed:
        hard = assigning.check(s, a["shift_id"], a["volunteer_id"]).hard
        assert len(hard) == 1 and hard[0].endswith("已经在这个班次里了")     # on it, and nothing else
        assert age_on(a["birth_date"], TODAY) <= 70          # 铲冰 is heavy work (a setting: 70)


def test_a_risky_task_asks_for_insurance_until_it_is_recorded(demo_session):
    s = demo_session
    outcome = start(s, StartRequest(AlertType.SNOW, AlertLevel.ORANGE))
    tasks = tasks_of(s, outcome.alert_id)
    lines = [f"{t['title']} 需要为志愿者登记保险（《志愿服务条例》第十七条），尚未登记。" for t in tasks]
    assert insurance_warnings(s, outcome.alert_id) == lines
    assert [w for w in outcome.warnings if "保险" in w] == lines
    assert record_insurance(s, outcome.alert_id, "  人保志愿者意外险  PICC-2026-0088 ") == len(tasks)
    assert {t["insurance"] for t in tasks_of(s, outcome.alert_id)} == {"人保志愿者意外险 PICC-2026-0088"}
    assert insurance_warnings(s, outcome.alert_id) == []
    assert s.db.execute("SELECT count(*) FROM audit_log WHERE action = '登记保险'").fetchone()[0] == len(tasks)
    assert record_insurance(s, outcome.alert_id, "人保志愿者意外险 PICC-2026-0088") == 0
    with pytest.raises(AlertError, match="保险信息为空"):
        record_insurance(s, outcome.alert_id, "  ")


def test_insurance_given_at_the_start_is_on_the_risky_tasks(demo_session):
    s = demo_session
    outcome = start(s, StartRequest(AlertType.SNOW, AlertLevel.ORANGE, insurance="平安团体意外险 P-1"))
    assert {t["insurance"] for t in tasks_of(s, outcome.alert_id)} == {"平安团体意外险 P-1"}
    assert not [w for w in outcome.warnings if "保险" in w]


def test_a_task_without_risk_asks_for_no_insurance(demo_session):
    s = demo_session
    outcome = start(s, StartRequest(AlertType.WIND, AlertLevel.BLUE, started_at=datetime(2026, 11, 28, 7),
                                    insurance="平安团体意外险 P-1"))
    tasks = tasks_of(s, outcome.alert_id)
    assert tasks and {t["insurance"] for t in tasks} == {""} and {t["service_type"] for t in tasks} == {"极端天气风险防控"}
    assert insurance_warnings(s, outcome.alert_id) == [] and record_insurance(s, outcome.alert_id, "x") == 0
    assert {(x["start_time"], x["min_people"], x["max_people"]) for x in shifts_of(s, outcome.alert_id)} == {
        ("09:00", 1, 2)}


def test_rain_without_low_lying_places_says_so(demo_session):
    s = demo_session
    outcome = start(s, StartRequest(AlertType.RAIN, AlertLevel.YELLOW))
    assert outcome.task_ids == [] and outcome.roll_count > 0
    assert "没有标记为低洼易涝的地点，未生成暴雨巡查班次。" in outcome.warnings


def test_rain_patrols_low_lying_places_during_the_warning(demo_session):
    s = demo_session
    s.db.execute("UPDATE places SET flood_prone = 1 WHERE name = '银地家园'")
    outcome = start(s, StartRequest(AlertType.RAIN, AlertLevel.ORANGE, started_at=datetime(2026, 11, 28, 15),
                                    until=datetime(2026, 11, 29, 20)))
    assert [t["title"] for t in tasks_of(s, outcome.alert_id)] == ["暴雨排水巡查：银地家园"]
    assert [(x["date"], x["start_time"]) for x in shifts_of(s, outcome.alert_id)] == [
        ("2026-11-28", "14:00"), ("2026-11-29", "08:00"), ("2026-11-29", "14:00")]   # 08–12 on the 28th was over


def test_an_upgrade_adds_shifts_only_for_new_places(demo_session):
    s = demo_session
    first = start(s, StartRequest(AlertType.SNOW, AlertLevel.YELLOW,
                                  community_ids=[community_id(s, "明春苑社区")]))
    assert {t["place"] for t in tasks_of(s, first.alert_id)} == {"明春苑", "郭公庄北街"}
    second = start(s, StartRequest(AlertType.SNOW, AlertLevel.ORANGE))
    tasks = tasks_of(s, first.alert_id)
    assert Counter(t["place"] for t in tasks) == Counter(roll_places(s, first.alert_id))
    assert len(second.task_ids) == len(tasks) - 2


def test_shifts_that_cannot_be_made_leave_the_roll_call_in_place(demo_session):
    s = demo_session
    s.db.execute("UPDATE teams SET archived_at = '2026-11-01T00:00:00'")
    outcome = start(s, StartRequest(AlertType.SNOW, AlertLevel.ORANGE))
    assert outcome.task_ids == [] and len(roll(s, outcome.alert_id)) == outcome.roll_count > 0
    assert any(w.startswith("雪后铲冰：明春苑：未能生成值班班次（没有可安排的志愿服务队）") for w in outcome.warnings)


def test_preview_says_what_start_builds_and_writes_nothing(demo_session):
    s = demo_session
    tables = ("alerts", "alert_roll", "alert_events", "tasks", "shifts", "assignments", "audit_log")
    before = {t: count(s, t) for t in tables}
    seen = preview(s, "暴雪")
    assert {t: count(s, t) for t in tables} == before
    outcome = start(s, StartRequest(AlertType.SNOW, AlertLevel.ORANGE))
    rows = roll(s, outcome.alert_id)
    assert seen["roll_count"] == outcome.roll_count
    assert seen["by_reason"] == dict(Counter(word for r in rows for word in r["reasons"]))
    assert list(seen["by_reason"])[:2] == ["高风险", "90岁以上"]
    assert sorted(seen["places"]) == sorted(t["place"] for t in tasks_of(s, outcome.alert_id))
    assert [t.title for t in seen["templates"]] == ["雪后铲冰：{place}"]


def test_an_upgrade_that_moves_the_end_says_the_shifts_already_made_keep_their_day(demo_session):
    s = demo_session
    first = start(s, StartRequest(AlertType.SNOW, AlertLevel.YELLOW, until=datetime(2026, 11, 29, 18)))
    days = {x["date"] for x in shifts_of(s, first.alert_id)}
    second = start(s, StartRequest(AlertType.SNOW, AlertLevel.ORANGE, until=datetime(2026, 12, 1, 6)))
    assert s.row("alerts", first.alert_id)["until"] == "2026-12-01T06:00:00"
    assert "预计结束时间已改为12月1日06:00，已生成的值班班次日期没有跟着改，请在“任务与排班”里核对。" in second.warnings
    assert {x["date"] for x in shifts_of(s, first.alert_id)} == days == {"2026-11-30"}
    detail = s.db.execute("SELECT detail FROM alert_events WHERE kind = '升级'").fetchone()[0]
    assert detail == "黄色→橙色，新增点名0人，预计结束时间改为12月1日06:00"
