"""Demo step (last): months of service records, most verified and locked, so that the records
page, the star levels, the certificates and the monthly reports show something real.

The shifts and pairing steps create records from completed shifts and logged visits; this
step tops every team member up to a believable history (hand-entered activity records for
the last six months, two years for a few veterans so that star levels appear), locks what
is older than two weeks as a supervisor would, makes one amendment and issues two
certificates and one reprint.
"""

from __future__ import annotations

import random
from datetime import date, time, timedelta
from typing import Any

from ...domain.hours import duty_hours, is_working_day, round_hours
from ...store.rows import new_uid, now_text
from ..admin import settings
from ..hours import certificates, records
from ..permissions import Role
from ..session import Actor, Session
from . import DemoContext

TEAM_WORK = {
    "高立庄夕阳红志愿服务队": (("文化活动", "社区文艺排练与演出"), ("助老陪伴", "陪伴高龄老人聊天、读报"),
                       ("爱心传递", "整理捐赠衣物")),
    "银地第二社区居民志愿服务队": (("垃圾分类值守", "垃圾分类驿站桶前值守、指导分类"),
                         ("困难帮扶", "为困难家庭代买生活用品"), ("垃圾分类值守", "晚间桶前值守")),
    "新发地村青年先锋队": (("爱心传递", "配送爱心物资"), ("极端天气风险防控", "汛期巡查低洼院落"),
                     ("困难帮扶", "帮独居老人维修水电")),
}
SLOTS = (("08:00", "10:00"), ("09:00", "11:30"), ("14:00", "16:00"), ("18:30", "20:30"),
         ("07:30", "09:00"))
LOCK_AFTER_DAYS = 14


def _time(text: str) -> time:
    return time.fromisoformat(text)


def _record(ctx: DemoContext, rng: random.Random, volunteer: dict[str, Any], team_id: int,
            type_ids: dict[str, int], day: date, kind: tuple[str, str], supervisor: int | None,
            step: float) -> dict[str, Any]:
    start, end = rng.choice(SLOTS)
    hours = round_hours((_time(end).hour * 60 + _time(end).minute - _time(start).hour * 60
                         - _time(start).minute) / 60, step)
    duty = duty_hours(bool(volunteer["is_staff"]), day, _time(start), hours)
    old = (ctx.today - day).days > LOCK_AFTER_DAYS
    stamp = f"{(day + timedelta(days=rng.randint(3, 10))).isoformat()}T17:30:00"
    return {
        "uid": new_uid(), "volunteer_id": volunteer["id"], "team_id": team_id,
        "service_type_id": type_ids[kind[0]], "date": day.isoformat(), "start_time": start,
        "end_time": end, "hours": hours, "source": "手工", "activity": kind[1], "content": kind[1],
        "uncapped_hours": hours, "counts_for_stars": 1 if duty < hours else 0, "duty_hours": duty,
        "lead_name": volunteer["captain"], "recorder_name": volunteer["captain"],
        "status": "已锁定" if old else "已记录", "verified_by": supervisor if old else None,
        "verified_at": stamp if old else None, "locked_at": stamp if old else None,
        "created_at": f"{day.isoformat()}T21:00:00",
    }


def build_records(session: Session, ctx: DemoContext) -> None:
    db = session.db
    rng = random.Random(ctx.seed + 7)
    step = 0.5
    type_ids = {r[1]: r[0] for r in db.execute("SELECT id, name FROM service_types")}
    supervisor = db.execute("SELECT id FROM users WHERE role = 'supervisor' ORDER BY id").fetchone()
    supervisor_id = supervisor[0] if supervisor else None
    have = {(r[0], r[1]) for r in db.execute(
        "SELECT volunteer_id, substr(date, 1, 7) FROM service_records")}
    yesterday = ctx.today - timedelta(days=1)
    rows: list[dict[str, Any]] = []
    for team, members in ctx.volunteer_ids.items():
        work = TEAM_WORK.get(team, (("爱心传递", "社区志愿服务"),))
        team_id = ctx.team_ids[team]
        captain = db.execute("SELECT v.name FROM team_members m JOIN volunteers v ON v.id = m.volunteer_id "
                             "WHERE m.team_id = ? AND m.role = '队长'", [team_id]).fetchone()
        for index, vid in enumerate(members):
            is_staff = db.execute("SELECT is_staff FROM volunteers WHERE id = ?", [vid]).fetchone()[0]
            volunteer = {"id": vid, "is_staff": is_staff, "captain": captain[0] if captain else ""}
            veteran = index % 5 == 0           # one in five has served for two years
            months = 24 if veteran else 6
            for back in range(months):
                first = date(ctx.today.year, ctx.today.month, 1)
                month_start = _months_back(first, back)
                if (vid, month_start.isoformat()[:7]) in have:
                    continue
                per_month = rng.randint(6, 10) if veteran else rng.randint(0, 3)
                for _ in range(per_month):
                    day = month_start + timedelta(days=rng.randint(0, 27))
                    if day > yesterday:
                        continue
                    kind = ("铲冰除雪", "清扫院落和楼道口积雪") if day.month in (12, 1, 2) and \
                        team == "新发地村青年先锋队" and rng.random() < 0.5 else rng.choice(work)
                    rows.append(_record(ctx, rng, volunteer, team_id, type_ids, day, kind,
                                        supervisor_id, step))
    rows += _staff_duty(ctx, rng, db, type_ids, supervisor_id, step)
    db.table("service_records").insert_all(rows, batch_size=500)
    # Records the shifts and pairing steps made are verified on the same rule.
    cutoff = (ctx.today - timedelta(days=LOCK_AFTER_DAYS)).isoformat()
    db.execute("UPDATE service_records SET status = '已锁定', verified_by = ?, verified_at = ?, "
               "locked_at = ? WHERE status = '已记录' AND date < ?",
               [supervisor_id, now_text(), now_text(), cutoff])
    _amend_one(session, ctx)


def build_certificates(session: Session, ctx: DemoContext) -> None:
    """Demo step (the very last): certificates of this year's hours, once every step that
    makes records (last winter's warning too) has made them, so a certificate's hours agree
    with the records it covers."""
    _issue_certificates(session, ctx)


def _months_back(first: date, back: int) -> date:
    month = first.month - 1 - back
    return date(first.year + month // 12, month % 12 + 1, 1)


def _staff_duty(ctx: DemoContext, rng: random.Random, db: Any, type_ids: dict[str, int],
                supervisor_id: int | None, step: float) -> list[dict[str, Any]]:
    """Community workers checking on elders in office hours: recorded, not counted for stars."""
    rows = []
    for vid in ctx.staff_ids[:4]:
        volunteer = {"id": vid, "is_staff": 1, "captain": ""}
        for back in range(1, 4):
            day = ctx.today - timedelta(days=back * 21)
            while not is_working_day(day):   # office hours of a working day
                day -= timedelta(days=1)
            row = _record(ctx, rng, volunteer, None, type_ids, day,
                          ("极端天气风险防控", "工作时间入户检查燃气和取暖"), supervisor_id, step)
            row.update({"start_time": "09:30", "end_time": "11:30", "hours": 2.0,
                        "uncapped_hours": 2.0, "duty_hours": 2.0, "counts_for_stars": 0,
                        "recorder_name": "社区工作站"})
            rows.append(row)
    return rows


def _amend_one(session: Session, ctx: DemoContext) -> None:
    row = session.db.execute(
        "SELECT id, end_time FROM service_records WHERE status = '已锁定' AND source = '手工' "
        "AND start_time = '09:00' ORDER BY date DESC LIMIT 1").fetchone()
    if row:
        records.amend(session, row[0], {"end_time": "12:00"},
                      "队长核对签到表：当天服务到12:00结束，原登记的结束时间有误。")


# The issuer, its person in charge and phone (invented): no certificate is issued without them.
ISSUER = {"community.name": "花乡街道示范社区", "certificate.leader": "周立华",
          "certificate.contact": "010-63700000"}


def _issue_certificates(session: Session, ctx: DemoContext) -> None:
    for key, value in ISSUER.items():
        settings.put(session, key, value)
    user = session.db.execute("SELECT id, name FROM users WHERE role = 'supervisor' ORDER BY id").fetchone()
    if user:   # issued by the demo supervisor, as the register should show
        session = Session(session.db, Actor(user[0], user[1], Role.SUPERVISOR), today=session.today)
    top = session.db.execute(
        "SELECT volunteer_id FROM service_records WHERE status = '已锁定' GROUP BY volunteer_id "
        "ORDER BY sum(hours) DESC LIMIT 2").fetchall()
    year_start = f"{ctx.today.year}-01-01"
    for (vid,) in top:
        certificates.issue(session, vid, year_start, ctx.today.isoformat())
    if top:   # the volunteer lost the first copy: a reprint, marked as such in the register
        certificates.issue(session, top[0][0], year_start, ctx.today.isoformat())
