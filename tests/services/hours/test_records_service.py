"""Service records: edit and delete while unlocked, verify-and-lock, amendments, triggers, stars."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from volunteer_app.domain.stars import STAR_THRESHOLDS, standing, star_level
from volunteer_app.services.hours import record_queries, records
from volunteer_app.services.hours.records import RecordError
from volunteer_app.services.permissions import PermissionDenied, Role
from volunteer_app.services.session import Actor, Session
from volunteer_app.store.rows import new_uid, now_text


def _volunteer(session, name="测试甲", staff=0):
    return session.db.table("volunteers").insert({
        "uid": new_uid(), "name": name, "is_staff": staff, "created_at": now_text(),
        "updated_at": now_text()}).last_pk


def _add(session, vid, day="2026-11-02", start="08:00", end="10:00", **extra):
    return records.add_manual(session, {"volunteer_id": vid, "date": day, "start_time": start,
                                        "end_time": end, "service_type_id": 2, **extra})


def test_edit_and_delete_unlocked_record(session):
    vid = _volunteer(session)
    rid = _add(session, vid)
    records.update(session, rid, {"end_time": "11:00", "content": "桶前值守"})
    row = session.row("service_records", rid)
    assert (row["hours"], row["content"], row["end_time"]) == (3.0, "桶前值守", "11:00")
    records.delete(session, rid)
    assert session.row("service_records", rid) is None
    actions = [r[0] for r in session.db.execute(
        "SELECT action FROM audit_log WHERE entity = 'service_records' AND entity_id = ? ORDER BY id", [rid])]
    assert actions == ["新增", "修改", "删除"]


def test_locked_record_refuses_edit_and_delete_through_services(session):
    vid = _volunteer(session)
    rid = _add(session, vid)
    assert records.verify(session, [rid]) == 1
    row = session.row("service_records", rid)
    assert row["status"] == "已锁定" and row["locked_at"] and row["verified_at"]
    with pytest.raises(RecordError, match="不能修改"):
        records.update(session, rid, {"end_time": "12:00"})
    with pytest.raises(RecordError, match="不能删除"):
        records.delete(session, rid)
    assert session.row("service_records", rid)["hours"] == 2.0
    assert records.verify(session, [rid]) == 0        # verifying twice changes nothing


def test_locked_record_refuses_raw_sql_update_and_delete(session):
    vid = _volunteer(session)
    rid = _add(session, vid)
    records.verify(session, [rid])
    with pytest.raises(sqlite3.IntegrityError, match="已锁定"):
        session.db.execute("UPDATE service_records SET hours = 9 WHERE id = ?", [rid])
    with pytest.raises(sqlite3.IntegrityError, match="已锁定"):
        session.db.execute("UPDATE service_records SET status = '已记录' WHERE id = ?", [rid])
    with pytest.raises(sqlite3.IntegrityError, match="已锁定"):
        session.db.execute("DELETE FROM service_records WHERE id = ?", [rid])
    # Only the amendment's change is let through, and nothing after it.
    session.db.execute("UPDATE service_records SET status = '已更正' WHERE id = ?", [rid])
    with pytest.raises(sqlite3.IntegrityError):
        session.db.execute("UPDATE service_records SET status = '已锁定' WHERE id = ?", [rid])
    # An unlocked record is an ordinary row.
    other = _add(session, vid, day="2026-11-03")
    session.db.execute("UPDATE service_records SET content = 'x' WHERE id = ?", [other])


def test_amendment_keeps_the_original_and_totals_count_the_amendment(session):
    vid = _volunteer(session)
    rid = _add(session, vid, end="10:00")
    records.verify(session, [rid])
    with pytest.raises(RecordError, match="原因"):
        records.amend(session, rid, {"end_time": "11:30"}, "  ")
    new_id = records.amend(session, rid, {"end_time": "11:30"}, "签到表核对：11:30结束")
    original, amendment = session.row("service_records", rid), session.row("service_records", new_id)
    assert original["status"] == "已更正" and original["hours"] == 2.0 and original["end_time"] == "10:00"
    assert amendment["amends_record_id"] == rid and amendment["amendment_reason"] == "签到表核对：11:30结束"
    assert amendment["status"] == "已锁定" and amendment["hours"] == 3.5 and amendment["source"] == "更正"
    assert record_queries.verified_hours(session, vid) == 3.5
    assert record_queries.totals(session, record_queries.RecordQuery(volunteer_id=vid)).hours == 3.5
    audited = {(r[0], r[1]) for r in session.db.execute(
        "SELECT action, entity_id FROM audit_log WHERE entity = 'service_records'")}
    assert ("更正", rid) in audited and ("新增", new_id) in audited
    with pytest.raises(RecordError, match=f"编号{new_id}"):
        records.amend(session, rid, {"end_time": "12:00"}, "再改")


def test_unlocked_record_is_edited_not_amended(session):
    rid = _add(session, _volunteer(session))
    with pytest.raises(RecordError, match="直接修改"):
        records.amend(session, rid, {"end_time": "12:00"}, "原因")


def test_only_supervisors_verify(session):
    rid = _add(session, _volunteer(session))
    staff = Session(session.db, Actor(None, "工作人员", Role.STAFF), today=session.today)
    with pytest.raises(PermissionDenied):
        records.verify(staff, [rid])
    supervisor = Session(session.db, Actor(None, "督导", Role.SUPERVISOR), today=session.today)
    assert records.verify(supervisor, [rid]) == 1


def test_staff_duty_hours_do_not_count_for_stars(session):
    staff = _volunteer(session, "社工乙", staff=1)
    duty = _add(session, staff, day="2026-11-02", start="09:30", end="11:30")        # Monday, office
    evening = _add(session, staff, day="2026-11-02", start="18:00", end="20:00")     # after hours
    weekend = _add(session, staff, day="2026-11-07", start="09:30", end="11:30")     # Saturday
    records.verify(session, [duty, evening, weekend])
    assert session.row("service_records", duty)["counts_for_stars"] == 0
    assert record_queries.verified_hours(session, staff) == 6.0
    assert record_queries.volunteer_stars(session, staff).hours == 4.0


@pytest.mark.parametrize(("hours", "level"), [
    (0, 0), (99.5, 0), (100, 1), (299.99, 1), (300, 2), (600, 3), (999, 3), (1000, 4),
    (1499.5, 4), (1500, 5), (4000, 5)])
def test_star_levels_at_the_thresholds(hours, level):
    assert star_level(hours) == level


@settings(max_examples=40, deadline=None)
@given(st.floats(min_value=0, max_value=3000, allow_nan=False))
def test_star_level_is_the_number_of_thresholds_reached(hours):
    s = standing(hours)
    assert s.level == len([t for t in STAR_THRESHOLDS if t <= round(hours, 2) + 1e-9])
    if s.next_threshold is not None:
        assert s.hours_to_next > 0


def test_volunteer_stars_from_verified_hours_only(session):
    vid = _volunteer(session)
    ids = []
    for day in range(1, 14):          # 13 days × 8 h = 104 h
        ids.append(_add(session, vid, day=f"2026-10-{day:02d}", start="08:00", end="16:00"))
    assert record_queries.volunteer_stars(session, vid).level == 0     # not verified yet
    records.verify(session, ids[:12])                                  # 96 h
    assert record_queries.volunteer_stars(session, vid).level == 0
    records.verify(session, ids)
    stars = record_queries.volunteer_stars(session, vid)
    assert (stars.level, stars.hours, stars.hours_to_next) == (1, 104.0, 196.0)


def test_records_query_filters_and_totals(demo_session):
    query = record_queries.RecordQuery(month="2026-10", status="已锁定")
    rows = record_queries.page(demo_session, query, 0, 10_000)
    assert rows and all(r["date"].startswith("2026-10") and r["status"] == "已锁定" for r in rows)
    assert record_queries.count(demo_session, query) == len(rows)
    assert record_queries.totals(demo_session, query).hours == pytest.approx(sum(r["hours"] for r in rows))
    name = rows[0]["volunteer_name"]
    by_name = record_queries.page(demo_session, record_queries.RecordQuery(text=name), 0, 10_000)
    assert by_name and all(r["volunteer_name"] == name for r in by_name)


def test_demo_has_months_of_records_most_locked_and_an_amendment(demo_session):
    counts = dict(demo_session.db.execute("SELECT status, count(*) FROM service_records GROUP BY 1"))
    assert counts["已锁定"] > 10 * counts["已记录"] > 0
    assert counts["已更正"] >= 1
    months = demo_session.db.execute("SELECT count(DISTINCT substr(date, 1, 7)) FROM service_records").fetchone()[0]
    assert months >= 6
    assert demo_session.db.execute("SELECT count(*) FROM certificates WHERE reprint_of IS NOT NULL").fetchone()[0] == 1


def test_hours_are_rounded_and_capped_per_day_as_the_settings_say(session):
    from volunteer_app.services.admin import settings as app_settings

    vid = _volunteer(session)
    first = _add(session, vid, day="2026-11-09", start="08:00", end="09:20")      # 1 h 20 min
    assert session.row("service_records", first)["hours"] == 1.5                  # half hours
    app_settings.put(session, "records.round_to_hours", 1)
    second = _add(session, vid, day="2026-11-09", start="10:00", end="11:20")
    assert session.row("service_records", second)["hours"] == 1.0
    app_settings.put(session, "records.daily_cap_hours", 4)
    third = _add(session, vid, day="2026-11-09", start="13:00", end="16:00")      # 3 h, 1.5 left
    row = session.row("service_records", third)
    assert row["hours"] == 1.5 and "上限4小时" in row["content"]
    fourth = _add(session, vid, day="2026-11-09", start="17:00", end="18:00")     # nothing left
    assert session.row("service_records", fourth)["hours"] == 0
    other_day = _add(session, vid, day="2026-11-10", start="08:00", end="11:00")
    assert session.row("service_records", other_day)["hours"] == 3.0


def _morning_shift(session) -> tuple[int, int, int]:
    """A volunteer, a new team and one of its shifts (2026-11-20 07:00–09:00): (vid, team, shift)."""
    db = session.db
    vid = _volunteer(session)
    team = db.table("teams").insert({"uid": new_uid(), "name": "测试队", "created_at": now_text()}).last_pk
    task = db.table("tasks").insert({"uid": new_uid(), "team_id": team, "service_type_id": 2,
                                     "title": "桶前值守", "created_at": now_text()}).last_pk
    shift = db.table("shifts").insert({"uid": new_uid(), "task_id": task, "date": "2026-11-20",
                                       "start_time": "07:00", "end_time": "09:00", "min_people": 1,
                                       "max_people": 2}).last_pk
    return vid, team, shift


def test_a_completed_assignment_makes_one_record_with_its_real_hours(session):
    db = session.db
    vid, team, shift = _morning_shift(session)
    assignment = db.table("assignments").insert({
        "uid": new_uid(), "shift_id": shift, "volunteer_id": vid, "state": "已完成",
        "check_in": "2026-11-20T07:10:00", "check_out": "2026-11-20T09:40:00",
        "created_at": now_text()}).last_pk
    rid = records.from_assignment(session, assignment)
    assert records.from_assignment(session, assignment) == rid          # idempotent
    row = session.row("service_records", rid)
    assert (row["source"], row["team_id"], row["hours"], row["start_time"], row["end_time"]) == (
        "排班", team, 2.5, "07:10", "09:40")
    assert db.execute("SELECT count(*) FROM service_records WHERE assignment_id = ?",
                      [assignment]).fetchone()[0] == 1
    with pytest.raises(RecordError, match="找不到编号为999"):
        records.from_assignment(session, 999)


def test_an_assignment_not_yet_completed_earns_no_record(session):
    db = session.db
    vid, team, shift = _morning_shift(session)
    for state in ("已安排", "已确认", "已签到", "已谢绝", "缺席"):
        assignment = db.table("assignments").insert({
            "uid": new_uid(), "shift_id": shift, "volunteer_id": vid, "state": state,
            "created_at": now_text()}, replace=False).last_pk
        with pytest.raises(RecordError, match=f"状态是“{state}”"):
            records.from_assignment(session, assignment)
        db.execute("DELETE FROM assignments WHERE id = ?", [assignment])
    assert db.execute("SELECT count(*) FROM service_records").fetchone()[0] == 0


AROUND = "\u3000 \t{}\n\u3000"      # as a paste from Excel or WeChat, or an input method, brings


def test_a_record_stores_what_was_typed_without_the_spaces_around_it(session):
    vid = _volunteer(session)
    typed = {key: AROUND.format(text) for key, text in (
        ("beneficiary", "刘秀英"), ("place", "明春苑3号楼"), ("activity", "垃圾分类值守"),
        ("content", "桶前 指导分类"), ("lead_name", "王丽"))}
    rid = _add(session, vid, **typed)
    kept = ("beneficiary", "place", "activity", "content", "lead_name")
    row = session.row("service_records", rid)
    assert [row[k] for k in kept] == ["刘秀英", "明春苑3号楼", "垃圾分类值守", "桶前 指导分类", "王丽"]

    records.update(session, rid, {"content": AROUND.format("桶前值守"),
                                  "evaluation": AROUND.format("认真负责")})
    row = session.row("service_records", rid)
    assert (row["content"], row["evaluation"], row["place"]) == ("桶前值守", "认真负责", "明春苑3号楼")

    records.verify(session, [rid])
    new_id = records.amend(session, rid, {"lead_name": AROUND.format("李军")}, "带队人登记错误")
    assert session.row("service_records", new_id)["lead_name"] == "李军"
