"""Hours counted right: a staff member's office hours split by the official calendar and the
office-hours setting, and the daily cap worked out again for the whole day after an edit."""

from __future__ import annotations

from datetime import date, time

import pytest

from volunteer_app.domain.hours import OfficeHours, duty_hours, is_working_day, parse_office_hours
from volunteer_app.services.admin import settings as app_settings
from volunteer_app.services.admin.settings import SettingError
from volunteer_app.services.hours import record_queries, records
from volunteer_app.store.rows import new_uid, now_text

WORKING_MONDAY = "2026-11-02"
NATIONAL_DAY = "2026-10-01"          # a Thursday, statutory holiday
SWAPPED_SUNDAY = "2026-01-04"        # a Sunday worked in place of the New Year holiday (调休)


def _volunteer(session, name="测试甲", staff=0):
    return session.db.table("volunteers").insert({
        "uid": new_uid(), "name": name, "is_staff": staff, "created_at": now_text(),
        "updated_at": now_text()}).last_pk


def _add(session, vid, day=WORKING_MONDAY, start="08:00", end="10:00"):
    return records.add_manual(session, {"volunteer_id": vid, "date": day, "start_time": start,
                                        "end_time": end, "service_type_id": 2})


def _split(session, record_id):
    row = session.row("service_records", record_id)
    return row["hours"], row["duty_hours"], row["counts_for_stars"]


def test_the_official_calendar_decides_working_days():
    assert is_working_day(date.fromisoformat(WORKING_MONDAY))
    assert not is_working_day(date.fromisoformat(NATIONAL_DAY))
    assert is_working_day(date.fromisoformat(SWAPPED_SUNDAY))
    assert not is_working_day(date(2026, 11, 8))                  # an ordinary Sunday
    # A year the calendar package has no plan for: weekdays, fixed-date holidays off.
    assert not is_working_day(date(2031, 10, 1)) and not is_working_day(date(2031, 5, 1))
    assert is_working_day(date(2031, 10, 8)) and not is_working_day(date(2031, 10, 11))


@pytest.mark.parametrize(("day", "start", "hours", "office", "duty"), [
    (WORKING_MONDAY, time(16), 3.0, OfficeHours(), 1.0),          # 16:00–17:00 on duty
    (WORKING_MONDAY, time(7), 3.0, OfficeHours(), 1.0),           # 09:00–10:00 on duty
    (WORKING_MONDAY, time(18), 2.0, OfficeHours(), 0.0),
    (WORKING_MONDAY, time(10), 2.0, OfficeHours(), 2.0),
    (WORKING_MONDAY, time(16), 1.5, OfficeHours(), 1.0),          # capped: its last hours go
    (WORKING_MONDAY, None, 2.0, OfficeHours(), 2.0),              # no time: nothing shows it was off duty
    (NATIONAL_DAY, time(16), 3.0, OfficeHours(), 0.0),
    (SWAPPED_SUNDAY, time(16), 3.0, OfficeHours(), 1.0),
    (WORKING_MONDAY, time(16), 3.0, OfficeHours(time(8, 30), time(18)), 2.0),
])
def test_only_the_part_inside_office_hours_is_duty(day, start, hours, office, duty):
    assert duty_hours(True, date.fromisoformat(day), start, hours, office) == duty
    assert duty_hours(False, date.fromisoformat(day), start, hours, office) == 0.0


@pytest.mark.parametrize(("day", "expected"), [
    (WORKING_MONDAY, (3.0, 1.0, 1)),        # 1 h not counting, 2 h counting
    (NATIONAL_DAY, (3.0, 0.0, 1)),          # a holiday: all counting
    (SWAPPED_SUNDAY, (3.0, 1.0, 1)),        # a 调休 Sunday is a working day
])
def test_a_staff_helpers_evening_record_keeps_the_hours_after_office(session, day, expected):
    staff = _volunteer(session, "社工乙", staff=1)
    record_id = _add(session, staff, day=day, start="16:00", end="19:00")
    assert _split(session, record_id) == expected
    records.verify(session, [record_id])
    counted = 3.0 - expected[1]
    assert record_queries.verified_hours(session, staff) == 3.0
    assert record_queries.volunteer_stars(session, staff).hours == counted


def test_changed_office_hours_apply_to_records_entered_after(session):
    staff = _volunteer(session, "社工丙", staff=1)
    app_settings.put(session, "records.office_hours", "08:30-18:00")
    late = _add(session, staff, start="16:00", end="19:00")
    assert _split(session, late) == (3.0, 2.0, 1)
    app_settings.put(session, "records.office_hours", "09:00-16:00")
    assert _split(session, _add(session, staff, day="2026-11-03", start="16:00", end="19:00")) == (3.0, 0.0, 1)
    whole = _add(session, staff, day="2026-11-04", start="10:00", end="12:00")
    assert _split(session, whole) == (2.0, 2.0, 0)


@pytest.mark.parametrize("bad", ["17:00-09:00", "9点到5点", "09:00", "25:00-26:00"])
def test_bad_office_hours_are_refused_and_nothing_is_saved(session, bad):
    with pytest.raises(SettingError, match="上班时间"):
        app_settings.put(session, "records.office_hours", bad)
    assert app_settings.get(session, "records.office_hours") == "09:00-17:00"
    assert parse_office_hours("08:30～17:30") == OfficeHours(time(8, 30), time(17, 30))


def test_editing_one_record_down_gives_the_others_of_the_day_their_hours_back(session):
    vid = _volunteer(session)                        # cap 8 hours a day (the default)
    morning = _add(session, vid, start="08:00", end="13:00")       # 5 h
    afternoon = _add(session, vid, start="13:00", end="18:00")     # 5 h, 3 h left under the cap
    evening = _add(session, vid, start="18:00", end="20:00")       # nothing left
    hours = [session.row("service_records", i)["hours"] for i in (morning, afternoon, evening)]
    assert hours == [5.0, 3.0, 0.0]
    assert "上限8小时，本条按3小时记录" in session.row("service_records", afternoon)["content"]

    records.update(session, morning, {"end_time": "10:00"})       # down to 2 h
    rows = [session.row("service_records", i) for i in (morning, afternoon, evening)]
    assert [r["hours"] for r in rows] == [2.0, 5.0, 1.0]
    assert "上限" not in rows[1]["content"] and "本条按1小时记录" in rows[2]["content"]
    recomputed = {r[0] for r in session.db.execute(
        "SELECT entity_id FROM audit_log WHERE action = '重算时长'")}
    assert recomputed == {afternoon, evening}

    records.delete(session, afternoon)
    assert session.row("service_records", evening)["hours"] == 2.0
    assert "上限" not in session.row("service_records", evening)["content"]
    assert record_queries.totals(session, record_queries.RecordQuery(volunteer_id=vid)).hours == 4.0


def test_moving_a_record_to_another_day_frees_the_day_it_left(session):
    vid = _volunteer(session)
    first = _add(session, vid, start="08:00", end="14:00")          # 6 h
    second = _add(session, vid, start="14:00", end="18:00")         # 4 h, 2 h allowed
    assert session.row("service_records", second)["hours"] == 2.0
    records.update(session, first, {"date": "2026-11-03"})
    assert session.row("service_records", second)["hours"] == 4.0
    assert session.row("service_records", first)["hours"] == 6.0


def test_a_locked_record_keeps_its_hours_and_counts_first(session):
    vid = _volunteer(session)
    open_one = _add(session, vid, start="08:00", end="13:00")       # 5 h
    locked = _add(session, vid, start="13:00", end="18:00")         # 3 h under the cap
    records.verify(session, [locked])
    records.update(session, open_one, {"end_time": "14:00"})        # wants 6 h, 5 h left
    assert session.row("service_records", locked)["hours"] == 3.0
    assert session.row("service_records", open_one)["hours"] == 5.0
    assert "本条按5小时记录" in session.row("service_records", open_one)["content"]
    # The cap lowered later: the locked record still keeps its 3 h, the open one takes the rest.
    app_settings.put(session, "records.daily_cap_hours", 4)
    records.update(session, open_one, {"content": "整理物资"})
    assert session.row("service_records", locked)["hours"] == 3.0
    assert session.row("service_records", open_one)["hours"] == 1.0


def test_a_capped_staff_record_loses_its_last_hours_not_its_duty_part(session):
    staff = _volunteer(session, "社工丁", staff=1)
    _add(session, staff, start="08:00", end="14:00")                 # 6 h (5 h on duty)
    late = _add(session, staff, start="16:00", end="19:00")          # 2 h left: 16:00–18:00
    assert _split(session, late) == (2.0, 1.0, 1)


def test_the_records_list_says_how_many_hours_do_not_count(session):
    from volunteer_app.reports.record_list import status_text

    staff = _volunteer(session, "社工己", staff=1)
    evening = session.row("service_records", _add(session, staff, start="16:00", end="19:00"))
    office = session.row("service_records", _add(session, staff, day="2026-11-03", start="10:00", end="12:00"))
    holiday = session.row("service_records", _add(session, staff, day=NATIONAL_DAY, start="10:00", end="12:00"))
    assert [status_text(r) for r in (evening, office, holiday)] == [
        "已记录·1小时不计星", "已记录·不计星", "已记录"]


def test_migration_splits_open_staff_records_and_leaves_locked_ones(tmp_path):
    from volunteer_app.store import migrations
    from volunteer_app.store.connection import connect
    from volunteer_app.store.record_hours import m_record_hour_columns

    db = connect(tmp_path / "old.sqlite3")
    migrations.apply_migrations(db, target=migrations.MIGRATIONS.index(m_record_hour_columns))
    staff = db.table("volunteers").insert({"uid": new_uid(), "name": "社工庚", "is_staff": 1,
                                           "created_at": now_text(), "updated_at": now_text()}).last_pk
    made = {}
    for status, day in (("已记录", WORKING_MONDAY), ("已锁定", WORKING_MONDAY), ("已记录", NATIONAL_DAY)):
        made[(status, day)] = db.table("service_records").insert({
            "uid": new_uid(), "volunteer_id": staff, "date": day, "start_time": "16:00",
            "end_time": "19:00", "hours": 3.0, "counts_for_stars": 0, "status": status,
            "created_at": now_text()}).last_pk
    migrations.apply_migrations(db)
    split = {key: tuple(db.execute("SELECT duty_hours, counts_for_stars FROM service_records "
                                   "WHERE id = ?", [rid]).fetchone()) for key, rid in made.items()}
    assert split == {("已记录", WORKING_MONDAY): (1.0, 1), ("已锁定", WORKING_MONDAY): (0.0, 0),
                     ("已记录", NATIONAL_DAY): (0.0, 1)}
    db.close()
