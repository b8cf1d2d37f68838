"""The week roster handed out three ways, read back: the PDF's text holds every name, the .ics
parses to the right events, the WeChat text lists the days in order; the roster command."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from pdftext import pdf_text

from volunteer_app.cli import main as cli_main
from volunteer_app.domain.scheduling import Recurrence, Slot
from volunteer_app.services.people import places, teams, volunteers
from volunteer_app.services.scheduling import assigning, attendance, roster, schedule
from volunteer_app.services.scheduling.roster import RosterError

TEAM = "高立庄夕阳红志愿服务队"
WEEK = "2026-W49"                         # Monday 30 November to Sunday 6 December 2026
MONDAY = date(2026, 11, 30)
PEOPLE = ["韩建国", "李秀兰", "王淑珍", "赵德明", "刘桂芳", "陈志强", "杨玉梅", "黄海涛", "周佩琴"]
SHANGHAI = ZoneInfo("Asia/Shanghai")


def _world(session) -> dict:
    """A team with a garbage-sorting rota, a Saturday of ice clearing and visits, through the
    scheduling service; some shifts short of people, one cancelled, one assignment declined."""
    community = places.add_community(session, "高立庄社区")
    bins = places.add_place(session, community, "明春苑", address="明春苑3号楼东侧")
    village = places.add_place(session, community, "高立庄", kind="村")
    team = teams.create(session, TEAM, community)
    ids = {}
    for i, name in enumerate(PEOPLE):
        ids[name] = volunteers.add(session, {
            "name": name, "gender": "女" if i % 2 else "男", "birth_date": f"{1960 + i}-05-0{i + 1}",
            "phone": f"1391000{i:04d}", "availability": "1am,1pm,1ev,2am,2pm,2ev,3am,3pm,3ev,4am,4pm,"
            "4ev,5am,5pm,5ev,6am,6pm,6ev,7am,7pm,7ev", "weekly_hours_cap": 40})
        teams.add_member(session, team, ids[name], "队长" if i == 0 else "队员")
    types = dict(session.db.execute("SELECT name, id FROM service_types").fetchall())
    rota = schedule.create_task(
        session, {"team_id": team, "place_id": bins, "service_type_id": types["垃圾分类值守"],
                  "title": "垃圾分类值守"},
        Recurrence("rota", groups=("A", "B", "C", "D")), [Slot(time(7), time(9)), Slot(time(18), time(20))],
        MONDAY, MONDAY + timedelta(days=13), min_people=2, max_people=3)
    snow = schedule.create_task(
        session, {"team_id": team, "place_id": village, "service_type_id": types["铲冰除雪"],
                  "title": "周六铲冰"}, Recurrence("once"), [Slot(time(8), time(11))],
        date(2026, 12, 5), date(2026, 12, 5), min_people=6, max_people=10)
    visit = schedule.create_task(
        session, {"team_id": team, "service_type_id": types["困难帮扶"], "title": "困难老人探访"},
        Recurrence("weekly", weekdays=(2, 5)), [Slot(time(14), time(16))], MONDAY,
        MONDAY + timedelta(days=6), min_people=1, max_people=2)
    shifts = {(r[0], r[1], r[2]): r[3] for r in session.db.execute(
        "SELECT task_id, date, start_time, id FROM shifts")}

    def put(task, day, start, names):
        return [assigning.assign(session, shifts[(task, day, start)], ids[n], accept_warnings=True)
                for n in names]

    for k in range(7):
        day = (MONDAY + timedelta(days=k)).isoformat()
        put(rota, day, "07:00", [PEOPLE[k], PEOPLE[k + 1]])
        put(rota, day, "18:00", [PEOPLE[k + 2]] if k % 2 else [PEOPLE[k + 2], PEOPLE[(k + 3) % 9]])
    put(rota, "2026-12-07", "07:00", ["周佩琴"])               # next week: not on this roster
    put(snow, "2026-12-05", "08:00", ["李秀兰", "王淑珍", "赵德明", "刘桂芳", "黄海涛"])
    declined = put(visit, "2026-12-02", "14:00", ["黄海涛", "刘桂芳"])[0]
    attendance.decline(session, declined)
    schedule.cancel_shift(session, shifts[(visit, "2026-12-05", "14:00")])
    return {"team": team, "ids": ids}


@pytest.fixture
def world(session):
    return _world(session)


def test_week_roster_by_day_with_names(session, world):
    week = roster.week_roster(session, world["team"], "2026-w49")
    assert week.iso_week == WEEK and week.monday == MONDAY and week.sunday == date(2026, 12, 6)
    assert [d.day for d in week.days] == [MONDAY + timedelta(days=i) for i in range(7)]
    assert week.team_name == TEAM and week.captain == "韩建国" and week.made_on == date(2026, 11, 28)
    for day in week.days:
        assert [s.start for s in day.shifts] == sorted(s.start for s in day.shifts)
        assert all(s.day == day.day for s in day.shifts)
    assert len(week.shifts) == 14 + 1 + 2                     # rota twice a day, ice, two visits
    monday = week.days[0].shifts
    assert [(s.times, s.title, s.place, s.names, s.rota_group) for s in monday] == [
        ("07:00-09:00", "垃圾分类值守", "明春苑", ("韩建国", "李秀兰"), "A"),
        ("18:00-20:00", "垃圾分类值守", "明春苑", ("王淑珍", "赵德明"), "A")]
    wednesday_visit = next(s for s in week.days[2].shifts if s.title == "困难老人探访")
    assert wednesday_visit.names == ("刘桂芳",) and wednesday_visit.short == 0   # 黄海涛 declined
    saturday = {s.title: s for s in week.days[5].shifts}
    assert saturday["周六铲冰"].short == 1 and saturday["困难老人探访"].cancelled
    assert "周佩琴" not in {n for s in week.shifts[:2] for n in s.names}


def test_week_text_and_unknowns_are_refused(session, world):
    for text in ("2026-49", "2026-W54", "W49", "", "2026-W00"):
        with pytest.raises(RosterError, match="2026-W49"):
            roster.week_monday(text)
    assert roster.week_monday("2026-W53") == date(2026, 12, 28)     # 2026 has 53 ISO weeks
    with pytest.raises(RosterError, match="队伍"):
        roster.week_roster(session, 999, WEEK)
    with pytest.raises(RosterError, match="志愿者"):
        roster.volunteer_shifts(session, 999, MONDAY, MONDAY)


def test_roster_pdf_read_back_holds_every_name(session, world, tmp_path, qapp):
    from volunteer_app.reports.roster import write_roster_pdf

    week = roster.week_roster(session, world["team"], WEEK)
    path = write_roster_pdf(week, tmp_path / "值班表.pdf", issuer="花乡街道高立庄社区居委会")
    text = pdf_text(path)
    flat = re.sub(r"\s+", "", text)
    assert f"{TEAM}值班表" in flat and "2026年第49周（11月30日至12月6日）" in flat
    assert len(week.names) == 9
    for name in week.names:
        assert name in text, name
    for label in ("11月30日", "12月1日", "12月6日", "周六", "周日"):
        assert label in text
    # three evening rota shifts with one of two, and the ice clearing with five of six
    assert flat.count("缺1人") == sum(1 for s in week.shifts if s.short == 1 and not s.cancelled) == 4
    assert "打印日期：2026年11月28日" in flat and "队长：韩建国" in flat and "签字" in flat


def test_ics_parses_back_to_the_shifts(session, world):
    from volunteer_app.reports.roster import roster_ics

    week = roster.week_roster(session, world["team"], WEEK)
    calendar = icalendar.Calendar.from_ical(roster_ics(week))
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(week.shifts) == 17
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    by_uid = {str(e["UID"]): e for e in events}
    for shift in week.shifts:
        event = by_uid[f"{shift.uid}@linlibang"]
        assert event.start == datetime.combine(shift.day, shift.start, SHANGHAI)
        assert event.end == datetime.combine(shift.day, shift.end, SHANGHAI)
        assert event.start.utcoffset() == timedelta(hours=8)
        assert str(event["SUMMARY"]) == shift.title + (f"（{shift.rota_group}组）" if shift.rota_group else "")
        assert str(event["STATUS"]) == ("CANCELLED" if shift.cancelled else "CONFIRMED")
        assert all(name in str(event["DESCRIPTION"]) for name in shift.names)
    ice = next(e for e in events if str(e["SUMMARY"]) == "周六铲冰")
    assert (ice.start.isoformat(), str(ice["LOCATION"])) == ("2026-12-05T08:00:00+08:00", "高立庄")
    assert "缺1人" in str(ice["DESCRIPTION"])
    # Saved again after a change, the file keeps the event UIDs: phones update, not duplicate.
    again = icalendar.Calendar.from_ical(roster_ics(roster.week_roster(session, world["team"], WEEK)))
    assert {str(e["UID"]) for e in again.walk("VEVENT")} == set(by_uid)


def test_one_volunteers_calendar(session, world):
    from volunteer_app.reports.roster import roster_ics

    shifts = roster.volunteer_shifts(session, world["ids"]["李秀兰"], MONDAY, MONDAY + timedelta(days=6))
    assert [(s.day, s.times, s.title) for s in shifts] == [
        (date(2026, 11, 30), "07:00-09:00", "垃圾分类值守"), (date(2026, 12, 1), "07:00-09:00", "垃圾分类值守"),
        (date(2026, 12, 5), "08:00-11:00", "周六铲冰")]
    events = list(icalendar.Calendar.from_ical(roster_ics(shifts, "李秀兰 2026-W49 值班")).walk("VEVENT"))
    assert [e.start for e in events] == [datetime.combine(s.day, s.start, SHANGHAI) for s in shifts]
    declined = roster.volunteer_shifts(session, world["ids"]["黄海涛"], date(2026, 12, 2), date(2026, 12, 2))
    assert [s.title for s in declined] == []


def test_text_groups_by_day_in_order(session, world):
    from volunteer_app.reports.roster import roster_text

    week = roster.week_roster(session, world["team"], WEEK)
    text = roster_text(week)
    lines = text.splitlines()
    assert lines[0] == f"【{TEAM} 第49周值班表】" and lines[1] == "11月30日—12月6日"
    assert "\t" not in text and "|" not in text and max(len(line) for line in lines) <= 50
    day_rows = [i for i, line in enumerate(lines) if re.fullmatch(r"\d+月\d+日 周.", line)]
    assert [lines[i] for i in day_rows] == [d.label for d in week.days if any(not s.cancelled for s in d.shifts)]
    assert lines[day_rows[0]] == "11月30日 周一" and lines[day_rows[1]] == "12月1日 周二"
    assert lines[day_rows[0] + 1:day_rows[0] + 3] == [
        "07:00-09:00 垃圾分类值守·A组（明春苑）：韩建国、李秀兰",
        "18:00-20:00 垃圾分类值守·A组（明春苑）：王淑珍、赵德明"]
    saturday = lines[day_rows[5]:day_rows[6]]
    assert "08:00-11:00 周六铲冰（高立庄）：李秀兰、王淑珍、赵德明、刘桂芳、黄海涛（缺1人）" in saturday
    assert not any("困难老人探访" in line for line in saturday)             # cancelled
    assert "12月2日 周三" in lines and "14:00-16:00 困难老人探访：刘桂芳" in lines
    assert lines[-1] == "不能到岗的请提前告诉队长韩建国。"


def test_an_empty_week_says_so(session, world):
    from volunteer_app.reports.roster import roster_ics, roster_text

    week = roster.week_roster(session, world["team"], "2027-W10")
    assert week.shifts == [] and "本周没有值班安排。" in roster_text(week)
    assert list(icalendar.Calendar.from_ical(roster_ics(week)).walk("VEVENT")) == []


def test_roster_command(session, world, db_path, tmp_path, capsys, qapp):
    def run(*args):
        try:
            code = cli_main(["roster", *args, "--db", str(db_path)])
        except SystemExit as leave:      # argparse refuses the line itself
            code = leave.code
        return code, capsys.readouterr()

    code, out = run("--team", str(world["team"]), "--week", WEEK, "--format", "pdf", "--out",
                    str(tmp_path / "a.pdf"))
    assert code == 0 and "2026-W49 值班表：16个班次，9人，缺" in out.out
    assert "李秀兰" in pdf_text(tmp_path / "a.pdf")
    code, out = run("--team", TEAM, "--week", WEEK, "--out", str(tmp_path / "a.ics"))
    assert code == 0
    assert len(list(icalendar.Calendar.from_ical((tmp_path / "a.ics").read_bytes()).walk("VEVENT"))) == 17
    code, out = run("--team", str(world["team"]), "--week", WEEK, "--format", "text")
    assert code == 0 and out.out.startswith(f"【{TEAM} 第49周值班表】\n")
    code, out = run("--team", str(world["team"]), "--week", WEEK, "--out", str(tmp_path / "a.txt"))
    assert code == 0 and (tmp_path / "a.txt").read_text("utf-8").startswith(f"【{TEAM}")
    code, out = run("--volunteer", str(world["ids"]["李秀兰"]), "--week", WEEK, "--out", str(tmp_path / "v.ics"))
    assert code == 0 and "3个班次" in out.out

    failures = [
        (("--team", "999", "--week", WEEK, "--out", str(tmp_path / "b.pdf")), 1, "找不到队伍“999”"),
        (("--team", TEAM, "--week", "2026-49", "--out", str(tmp_path / "b.pdf")), 1, "2026-W49"),
        (("--team", TEAM, "--week", WEEK, "--out", str(tmp_path / "a.txt" / "b.pdf")), 1, "无法写入"),
        (("--team", TEAM, "--week", WEEK, "--out", str(tmp_path)), 1, "看不出"),
        (("--team", TEAM, "--week", WEEK, "--format", "pdf", "--out", str(tmp_path)), 1, "是一个文件夹"),
        (("--team", TEAM, "--week", WEEK, "--format", "pdf"), 1, "--out"),
        (("--volunteer", "999", "--week", WEEK, "--out", str(tmp_path / "v.ics")), 1, "找不到志愿者"),
        (("--volunteer", "1", "--week", WEEK, "--out", str(tmp_path / "v.pdf")), 1, "日历文件"),
        (("--week", WEEK, "--out", str(tmp_path / "b.pdf")), 2, "--team"),
        (("--team", TEAM, "--volunteer", "1", "--week", WEEK), 2, "--volunteer"),
    ]
    for args, expected, words in failures:
        code, out = run(*args)
        assert code == expected, args
        assert words in out.err and len(out.err.strip().splitlines()) == 1, out.err
    assert not (tmp_path / "b.pdf").exists()


def test_a_long_day_over_two_pages_keeps_its_date_on_each(session, world, tmp_path, qapp):
    from pdftext import pdf_pages

    from volunteer_app.reports.roster import write_roster_pdf

    types = dict(session.db.execute("SELECT name, id FROM service_types").fetchall())
    slots = [Slot(time(6 + i // 4), time(7 + i // 4, 30)) for i in range(48)]
    schedule.create_task(session, {"team_id": world["team"], "service_type_id": types["爱心传递"],
                                   "title": "爱心物资分发"}, Recurrence("once"), slots,
                         date(2026, 12, 6), date(2026, 12, 6), min_people=1, max_people=2)
    path = write_roster_pdf(roster.week_roster(session, world["team"], WEEK), tmp_path / "long.pdf")
    assert pdf_pages(path) >= 2
    last = pdf_text(path, first=pdf_pages(path))
    assert "12月6日" in last and "周日" in last and "日期" in last      # the date and the header
    assert "签字" in last


def test_demo_rosters_hold_every_name(demo_session, tmp_path, qapp):
    from volunteer_app.reports.roster import roster_text, write_roster_pdf

    for team_id, name in demo_session.db.execute("SELECT id, name FROM teams ORDER BY id").fetchall():
        week = roster.week_roster(demo_session, team_id, WEEK)
        assert week.shifts, name
        text = pdf_text(write_roster_pdf(week, tmp_path / f"{team_id}.pdf"))
        assert all(n in text for n in week.names), name
        lines = roster_text(week).splitlines()
        assert max(len(line) for line in lines) <= 60
