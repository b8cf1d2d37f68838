"""任务与排班 through the services on a real database: tasks and shifts, each hard conflict
blocking and each soft one warning, ranking, permissions, attendance and its records."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from volunteer_app.domain.scheduling import Recurrence, Slot
from volunteer_app.services.admin import settings
from volunteer_app.services.hours import records
from volunteer_app.services.people import teams, volunteers
from volunteer_app.services.permissions import PermissionDenied, Role
from volunteer_app.services.scheduling import assigning, attendance, schedule, service_types
from volunteer_app.services.scheduling.schedule_facts import (
    HardConflict,
    ScheduleError,
    SoftConflict,
)
from volunteer_app.services.session import Actor, Session

MONDAY = date(2026, 11, 30)       # the week after TODAY (Saturday 2026-11-28)
EVERY_MORNING_AND_EVENING = ",".join(f"{d}{p}" for d in range(1, 8) for p in ("am", "ev"))


class Team:
    def __init__(self, session: Session, name: str = "银地居民志愿服务队"):
        self.session = session
        self.id = teams.create(session, name)
        self.people: dict[str, int] = {}
        self.types = {t["name"]: t["id"] for t in service_types.list_all(session)}

    def volunteer(self, name: str, group: str = "", **fields) -> int:
        number = len(self.session.db.execute("SELECT id FROM volunteers").fetchall()) + 1
        vid = volunteers.add(self.session, {
            "name": name, "birth_date": "1985-03-12", "gender": "女", "phone": f"138{number:08d}",
            "availability": EVERY_MORNING_AND_EVENING, **fields})
        teams.add_member(self.session, self.id, vid)
        if group:
            schedule.set_rota_group(self.session, self.id, vid, group)
        self.people[name] = vid
        return vid

    def task(self, kind: str = "垃圾分类值守", day: date = MONDAY, start: int = 7, end: int = 9,
             lo: int = 1, hi: int = 2, recurrence: Recurrence | None = None, last: date | None = None,
             skills=()) -> list[schedule.ShiftView]:
        task_id = schedule.create_task(
            self.session, {"team_id": self.id, "service_type_id": self.types[kind], "title": f"{kind}任务"},
            recurrence or Recurrence("once"), [Slot(time(start), time(end))], day, last or day, lo, hi, skills)
        return [v for v in schedule.week(self.session, day, self.id) if v.task_id == task_id]


@pytest.fixture
def team(session):
    return Team(session)


def test_a_rota_task_generates_its_shifts_and_the_week_shows_fill(team):
    task_id = schedule.create_task(
        team.session, {"team_id": team.id, "service_type_id": team.types["垃圾分类值守"], "title": "桶前值守"},
        Recurrence("rota", groups=tuple("ABCD")), [Slot(time(7), time(9)), Slot(time(18), time(20))],
        date(2026, 12, 1), date(2026, 12, 31), 1, 2)
    assert schedule.task(team.session, task_id)["shifts"] == 62
    week = schedule.week(team.session, date(2026, 12, 2), team.id)     # any day of the week will do
    assert [v.date for v in week][:2] == [date(2026, 12, 1)] * 2 and len(week) == 12
    assert [v.rota_group for v in week[::2]] == list("ABCDAB")
    assert {v.fill for v in week} == {"缺人"}
    a = team.volunteer("张三", "A")
    b = team.volunteer("李四", "A")
    assigning.assign(team.session, week[0].id, a)
    assert schedule.shift(team.session, week[0].id).fill == "已够"
    assigning.assign(team.session, week[0].id, b)
    view = schedule.shift(team.session, week[0].id)
    assert (view.fill, view.filled, view.assignees) == ("已满", 2, ["张三", "李四"])
    assert view.label == "12月1日（周二）07:00–09:00 桶前值守·A组"


def test_each_hard_conflict_blocks_with_its_reason(team, session):
    settings.put(session, "schedule.heavy_task_max_age", 65)
    busy = team.volunteer("王忙")
    paused = team.volunteer("赵停", status="暂停")
    weak = team.volunteer("钱弱", health_limit=True)
    old = team.volunteer("孙老", birth_date="1958-01-20")          # 68 on the day
    outsider = volunteers.add(session, {"name": "周外", "birth_date": "1990-01-01", "gender": "男",
                                        "phone": "13900000009", "availability": EVERY_MORNING_AND_EVENING})
    first = team.task("垃圾分类值守", start=7, end=9, hi=1)[0]
    snow = team.task("铲冰除雪", start=8, end=10, hi=5)[0]
    assigning.assign(session, first.id, busy)
    expected = {busy: "同一时间已安排在", paused: "目前暂停服务", weak: "有健康限制",
                old: "68岁，超过重体力任务的年龄上限65岁", outsider: "不是本队队员"}
    for vid, words in expected.items():
        assert any(words in r for r in assigning.check(session, snow.id, vid).hard), words
        with pytest.raises(HardConflict, match=words) as raised:
            assigning.assign(session, snow.id, vid, accept_warnings=True)
        assert raised.value.reasons
    with pytest.raises(HardConflict, match="已满"):
        assigning.assign(session, first.id, team.volunteer("吴满"), accept_warnings=True)
    with pytest.raises(HardConflict, match="已经在这个班次"):
        assigning.assign(session, first.id, busy)
    with pytest.raises(ScheduleError, match="周外不是“银地居民志愿服务队”的现任队员"):
        schedule.set_rota_group(session, team.id, outsider, "A")
    volunteers.archive(session, busy, "搬走了")
    assert any("已退出" in r for r in assigning.check(session, first.id, busy).hard)
    assert session.db.execute("SELECT count(*) FROM assignments").fetchone()[0] == 1


def test_each_soft_conflict_warns_and_is_assigned_once_accepted(team, session):
    weekend = team.volunteer("郑周末", availability="6am,7am")
    capped = team.volunteer("冯满时", weekly_hours_cap=3)
    evening = team.task(start=18, end=20, hi=3)[0]
    morning = team.task(start=7, end=9, day=date(2026, 12, 1), hi=3)[0]
    with pytest.raises(SoftConflict, match="不在郑周末填写的空闲时间内") as raised:
        assigning.assign(session, evening.id, weekend)
    assert "周六上午" in raised.value.reasons[0]
    assigning.assign(session, evening.id, capped)
    with pytest.raises(SoftConflict, match="超过每周上限3小时"):
        assigning.assign(session, morning.id, capped)
    assignment_id = assigning.assign(session, evening.id, weekend, accept_warnings=True)
    row = session.row("assignments", assignment_id)
    assert row["state"] == "已安排" and "空闲时间" in row["note"]


def test_candidates_are_ranked_by_fit_with_reasons_in_words(team, session):
    fresh = team.volunteer("陈新", "B")
    worked = team.volunteer("褚多", "B")
    other_group = team.volunteer("卫替", "C")
    weekend = team.volunteer("蒋末", "B", availability="6am")
    blocked = team.volunteer("沈病", "B", health_limit=True)
    for day in (1, 2):   # 褚多 already has four hours this month
        assigning.assign(session, team.task(day=date(2026, 12, day), start=14, end=16)[0].id, worked,
                        accept_warnings=True)
    shift = team.task("铲冰除雪", day=date(2026, 12, 3), hi=3)[0]
    schedule.update_shift(session, shift.id, {"rota_group": "B"})
    ranked = assigning.candidates(session, shift.id)
    assert [c.volunteer_id for c in ranked] == [fresh, worked, other_group, weekend, blocked]
    assert [c.rank for c in ranked] == [1, 2, 3, 4, 5]
    assert ranked[0].reasons[:2] == ["这个时间有空", "B组本班轮值"]
    assert ranked[1].hours_this_month == 4 and "本月已排4小时" in ranked[1].reasons
    assert "属C组，替B组顶班" in ranked[2].reasons
    assert ranked[3].conflicts.soft and not ranked[3].conflicts.hard
    assert ranked[4].conflicts.hard == ["沈病有健康限制，不宜做重体力任务"]


def test_a_captain_schedules_only_their_own_team(team, session):
    own = team.volunteer("韩队员")
    other = Team(session, "新发地村青年先锋队")
    their_shift = other.task()[0]
    mine = team.task()[0]
    captain = Session(session.db, Actor(5, "韩队长", Role.CAPTAIN, frozenset({team.id})), today=session.today)
    assigning.assign(captain, mine.id, own)
    with pytest.raises(PermissionDenied, match="只能管理自己带领的队伍"):
        assigning.assign(captain, their_shift.id, own)
    with pytest.raises(PermissionDenied):
        schedule.create_task(captain, {"team_id": other.id, "service_type_id": team.types["爱心传递"],
                                       "title": "配送"}, Recurrence("once"), [Slot(time(9), time(11))],
                             MONDAY, MONDAY)
    with pytest.raises(PermissionDenied):
        assigning.propose_fill(captain, other.id, MONDAY)
    with pytest.raises(PermissionDenied):
        schedule.update_shift(captain, their_shift.id, {"notes": "改"})
    with pytest.raises(PermissionDenied):
        service_types.create(captain, {"name": "代收快递"})
    assert len(assigning.candidates(captain, their_shift.id)) == 0   # reading is allowed


def test_completed_assignment_becomes_a_record_with_the_shift_hours(team, session):
    vid = team.volunteer("杨完成")
    shift = team.task(day=date(2026, 11, 27), start=7, end=9)[0]      # yesterday
    assignment_id = assigning.assign(session, shift.id, vid)
    attendance.confirm(session, assignment_id)
    record_id = attendance.complete(session, assignment_id)
    record = session.row("service_records", record_id)
    assert (record["hours"], record["source"], record["date"]) == (2.0, "排班", "2026-11-27")
    assert (record["start_time"], record["end_time"], record["assignment_id"]) == ("07:00", "09:00", assignment_id)
    assert assigning.assignments(session, shift.id)[0]["record_id"] == record_id
    assert records.from_assignment(session, assignment_id) == record_id        # once only


def test_check_in_and_out_give_the_real_hours(team, session):
    vid = team.volunteer("朱签到")
    shift = team.task(day=date(2026, 11, 28), start=7, end=9)[0]      # today
    assignment_id = assigning.assign(session, shift.id, vid)
    with pytest.raises(ScheduleError, match="不在班次当天"):
        attendance.check_in(session, assignment_id, datetime(2026, 11, 27, 7, 0))
    attendance.check_in(session, assignment_id, datetime(2026, 11, 28, 7, 10))
    with pytest.raises(ScheduleError, match="应晚于签到时间"):
        attendance.check_out(session, assignment_id, datetime(2026, 11, 28, 7, 0))
    record_id = attendance.check_out(session, assignment_id, datetime(2026, 11, 28, 9, 40))
    record = session.row("service_records", record_id)
    assert (record["start_time"], record["end_time"], record["hours"]) == ("07:10", "09:40", 2.5)
    row = assigning.assignments(session, shift.id)[0]
    assert (row["state"], row["check_in"], row["check_out"]) == (
        "已完成", "2026-11-28T07:10:00", "2026-11-28T09:40:00")
    with pytest.raises(ScheduleError, match="不能撤销"):
        assigning.unassign(session, assignment_id)


def test_no_show_decline_and_future_shifts(team, session):
    a, b, c = team.volunteer("秦缺"), team.volunteer("尤谢"), team.volunteer("许后")
    past = team.task(day=date(2026, 11, 26), hi=3)[0]
    future = team.task(day=date(2026, 12, 2), hi=1)[0]
    missing = assigning.assign(session, past.id, a)
    attendance.no_show(session, missing)
    with pytest.raises(ScheduleError, match="秦缺在2026-11-26 07:00班次的安排现在是“缺席”，不能确认"):
        attendance.confirm(session, missing)
    assert session.db.execute("SELECT count(*) FROM service_records").fetchone()[0] == 0
    assert schedule.shift(session, past.id).filled == 0
    later = assigning.assign(session, future.id, b)
    with pytest.raises(ScheduleError, match="还没到"):
        attendance.complete(session, later)
    attendance.decline(session, later)                    # the place is free again
    assert schedule.shift(session, future.id).fill == "缺人"
    assigning.assign(session, future.id, c)
    again = assigning.assign(session, past.id, b)
    assigning.unassign(session, again)
    assert [r["name"] for r in assigning.assignments(session, future.id)] == ["尤谢", "许后"]


def test_a_change_to_one_shift_or_all_that_follow(team, session):
    task_id = schedule.create_task(
        session, {"team_id": team.id, "service_type_id": team.types["垃圾分类值守"], "title": "桶前值守"},
        Recurrence("daily"), [Slot(time(7), time(9)), Slot(time(18), time(20))], MONDAY, date(2026, 12, 6),
        1, 2)
    week = schedule.week(session, MONDAY, team.id)
    wednesday_morning = week[4]
    assert schedule.update_shift(session, week[0].id, {"notes": "带上夹子"}, "one") == 1
    changed = schedule.update_shift(session, wednesday_morning.id,
                                    {"start_time": "07:30", "end_time": "09:30", "max_people": 3}, "following")
    assert changed == 5
    week = schedule.week(session, MONDAY, team.id)
    mornings = [v for v in week if v.start.hour == 7]
    assert [v.start for v in mornings] == [time(7)] * 2 + [time(7, 30)] * 5
    assert all(v.start == time(18) for v in week if v.start.hour >= 18)
    assert week[0].notes == "带上夹子" and week[2].notes == ""
    assert schedule.cancel_shift(session, week[-1].id, "following") == 1
    assert schedule.shift(session, week[-1].id).cancelled
    with pytest.raises(ScheduleError, match="开始时间“7点半”应写成"):
        schedule.update_shift(session, week[0].id, {"start_time": "7点半"})
    with pytest.raises(ScheduleError, match="最多人数“三”应写成"):
        schedule.update_shift(session, week[0].id, {"max_people": "三"})
    with pytest.raises(ScheduleError, match="2026-11-30 07:00班次：人数应满足"):
        schedule.update_shift(session, week[0].id, {"min_people": 3})
    with pytest.raises(ScheduleError, match="逐个班次"):
        schedule.update_shift(session, week[0].id, {"date": "2026-12-08"}, "following")
    full = week[0]
    for name in ("甲", "乙"):
        assigning.assign(session, full.id, team.volunteer(name))
    with pytest.raises(ScheduleError, match="已安排2人"):
        schedule.update_shift(session, full.id, {"max_people": 1, "min_people": 1})
    assert schedule.archive_task(session, task_id) == 13      # 14 shifts, one cancelled already
    assert schedule.week(session, MONDAY, team.id) == []


def test_fill_the_gaps_proposes_fairly_and_the_captain_accepts(team, session):
    for name, group in (("甲一", "A"), ("甲二", "A"), ("乙一", "B"), ("乙二", "B")):
        team.volunteer(name, group)
    team.volunteer("丙病", "A", health_limit=True)
    schedule.create_task(
        session, {"team_id": team.id, "service_type_id": team.types["垃圾分类值守"], "title": "桶前值守"},
        Recurrence("rota", groups=("A", "B")), [Slot(time(7), time(9))], MONDAY, date(2026, 12, 6), 1, 2)
    snow = team.task("铲冰除雪", day=date(2026, 12, 3), start=18, end=20, lo=3, hi=4)[0]
    proposals = assigning.propose_fill(session, team.id, MONDAY)
    by_shift: dict[int, list[str]] = {}
    for p in proposals:
        by_shift.setdefault(p.shift_id, []).append(p.name)
        assert p.reasons and p.shift_label
    assert len(by_shift[snow.id]) == 3 and "丙病" not in by_shift[snow.id]
    week = {v.id: v for v in schedule.week(session, MONDAY, team.id)}
    groups = schedule.rota_groups(session, team.id)
    assert groups == {"A": ["丙病", "甲二", "甲一"], "B": ["乙二", "乙一"]}
    for sid, names in by_shift.items():
        if week[sid].rota_group:
            assert len(names) == 1 and names[0] in groups[week[sid].rota_group]
    assert assigning.apply_fill(session, proposals) == len(proposals)
    assert {v.fill for v in schedule.week(session, MONDAY, team.id)} == {"已够"}
    assert assigning.propose_fill(session, team.id, MONDAY) == []


def test_service_types_are_edited_by_staff_and_builtin_ones_stay(session):
    type_id = service_types.create(session, {"name": "代收快递", "intensity": "轻", "usual_minutes": 60,
                                             "skills": "会用智能手机、驾驶"})
    assert service_types.get(session, type_id)["skills"] == ["会用智能手机", "驾驶"]
    service_types.update(session, type_id, {"intensity": "重"})
    with pytest.raises(service_types.ServiceTypeError, match="已经有名为"):
        service_types.create(session, {"name": "铲冰除雪"})
    snow = next(t for t in service_types.list_all(session) if t["name"] == "铲冰除雪")
    assert snow["builtin"] and snow["intensity"] == "重" and snow["needs_insurance"]
    service_types.update(session, snow["id"], {"usual_minutes": 150})
    with pytest.raises(service_types.ServiceTypeError, match="不能删除"):
        service_types.archive(session, snow["id"])
    service_types.archive(session, type_id)
    assert "代收快递" not in {t["name"] for t in service_types.list_all(session)}


def test_the_demo_has_shifts_for_every_team_and_records_of_the_done_ones(demo_session):
    session = demo_session
    week = schedule.week(session, date(2026, 11, 23))
    assert {v.team_name for v in week} == {t["name"] for t in teams.list_teams(session)}
    assert {"缺人", "已够"} <= {v.fill for v in week}
    rota = [v for v in week if v.service_type == "垃圾分类值守"]
    assert {v.rota_group for v in rota} == set("ABCD")
    assert any(v.service_type == "铲冰除雪" for v in schedule.week(session, date(2026, 12, 2)))
    done = session.db.execute(
        "SELECT a.check_in, a.check_out, r.start_time, r.end_time FROM assignments a "
        "JOIN service_records r ON r.assignment_id = a.id WHERE a.check_out IS NOT NULL").fetchall()
    assert done and all(r[0][11:16] == r[2] and r[1][11:16] == r[3] for r in done)
    assert session.db.execute("SELECT count(*) FROM assignments a JOIN shifts s ON s.id = a.shift_id "
                              "WHERE s.date < '2026-11-28' AND a.state NOT IN ('已完成', '缺席')").fetchone()[0] == 0


def test_apply_fill_skips_a_proposal_that_a_change_since_has_made_wrong(team, session):
    first, second = team.volunteer("吕先"), team.volunteer("施后")
    team.task(start=7, end=9, lo=1, hi=1)
    team.task(start=18, end=20, lo=1, hi=1, day=date(2026, 12, 1))
    proposals = assigning.propose_fill(session, team.id, MONDAY)
    assert sorted(p.volunteer_id for p in proposals) == sorted([first, second])
    db = session.db       # changed by someone else meanwhile
    db.execute("UPDATE volunteers SET status = '暂停' WHERE id = ?", [proposals[0].volunteer_id])
    db.execute("UPDATE volunteers SET availability = '6am' WHERE id = ?", [proposals[1].volunteer_id])
    assert assigning.apply_fill(session, proposals) == 0
    assert session.db.execute("SELECT count(*) FROM assignments").fetchone()[0] == 0


AROUND = "\u3000 \t{}\n\u3000"      # as a paste from Excel or WeChat, or an input method, brings


def test_a_task_stores_what_was_typed_without_the_spaces_around_it(team):
    fields = {"team_id": team.id, "service_type_id": team.types["垃圾分类值守"],
              "title": AROUND.format("明春苑 桶前值守"), "description": AROUND.format("早晚各一班"),
              "insurance": AROUND.format("人保意外险")}
    task_id = schedule.create_task(team.session, fields, Recurrence("once"),
                                   [Slot(time(7), time(9))], MONDAY, MONDAY, 1, 2,
                                   [AROUND.format("分类指导"), "\u3000"])
    row = team.session.row("tasks", task_id)
    assert (row["title"], row["description"], row["insurance"]) == ("明春苑 桶前值守", "早晚各一班", "人保意外险")
    [shift] = team.session.db.execute("SELECT skills FROM shifts WHERE task_id = ?", [task_id]).fetchall()
    assert shift[0] == '["分类指导"]'

    schedule.update_task(team.session, task_id, {"title": AROUND.format("明春苑值守"),
                                                 "description": "\n"})
    row = team.session.row("tasks", task_id)
    assert (row["title"], row["description"]) == ("明春苑值守", "")
