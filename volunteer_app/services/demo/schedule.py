"""Demo step: every team's tasks and shifts from three weeks ago to four weeks ahead.

银地第二社区居民志愿服务队 keeps the garbage-sorting duty at the bins in a rota of four
groups A–D (07:00–09:00 and 18:00–20:00) and visits families in difficulty; 新发地村青年先锋队
cleared snow after last week's snowfall, has 铲冰 shifts ready for the snow forecast next
week, and delivers donated goods every Saturday; 高立庄夕阳红志愿服务队 keeps elders company,
sorts donations and rehearses for the 邻里节 show in three weeks.

Shifts are filled by the same algorithm as 一键补位: past weeks fully (people stepped in
outside their stated times, never breaking a hard rule), this week mostly, later weeks
less, so the week view shows gaps. Past assignments are completed (most with check-in and
check-out times, and their service records) or marked no-show.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from ...domain import shift_rules
from ...domain.scheduling import Recurrence, Slot
from ...store.rows import new_uid
from ..hours import records
from ..scheduling import assigning, schedule
from ..scheduling import schedule_facts as facts
from ..session import Session
from . import DemoContext

YINDI, XINFADI, GAOLI = "银地第二社区居民志愿服务队", "新发地村青年先锋队", "高立庄夕阳红志愿服务队"
INSURANCE = "中国人保志愿者团体意外伤害保险，保单号 PICC-2026-110106-0088"


@dataclass(frozen=True)
class DemoTask:
    team: str
    place: str
    service_type: str
    title: str
    description: str
    recurrence: Recurrence
    slots: tuple[tuple[str, str], ...]
    first_day: int          # days from the Monday three weeks ago
    last_day: int
    min_people: int
    max_people: int
    skills: tuple[str, ...] = ()


def _t(text: str) -> time:
    return time.fromisoformat(text)


WEEKS_BACK, WEEKS_AHEAD = 3, 4
LAST = (WEEKS_BACK + 1 + WEEKS_AHEAD) * 7 - 1
TASKS = (
    DemoTask(YINDI, "银地家园垃圾分类驿站", "垃圾分类值守", "银地家园垃圾分类桶前值守",
             "早晚投放高峰在桶前指导居民分类，破袋、纠错、记录", Recurrence("rota", groups=tuple("ABCD")),
             (("07:00", "09:00"), ("18:00", "20:00")), 0, LAST, 1, 2),
    DemoTask(YINDI, "银地家园", "困难帮扶", "走访困难家庭",
             "入户了解低保、残疾家庭近况，帮忙代办代购", Recurrence("weekly", weekdays=(1, 5)),
             (("14:00", "16:00"),), 0, LAST, 2, 3),
    DemoTask(XINFADI, "新发地村", "铲冰除雪", "雪后清扫村内主路和坡道",
             "夜间降雪，清扫主路、坡道和老人出行路线的积雪，撒融雪剂", Recurrence("once"),
             (("06:30", "09:00"), ("13:00", "15:00")), 17, 17, 4, 8),
    DemoTask(XINFADI, "干休所大院", "铲冰除雪", "干休所大院楼道口铲冰",
             "清理单元门口和楼道口结冰，防止高龄老人滑倒", Recurrence("once"),
             (("07:00", "09:00"),), 17, 17, 3, 6),
    DemoTask(XINFADI, "新发地村", "铲冰除雪", "降雪预警：村内主路铲冰除雪",
             "气象台预报夜间有中雪，雪停后立即清扫主路和坡道", Recurrence("once"),
             (("06:30", "09:00"), ("13:00", "15:00")), 7 * WEEKS_BACK + 10, 7 * WEEKS_BACK + 10, 4, 8),
    DemoTask(XINFADI, "新发地村委会", "爱心传递", "爱心物资配送",
             "把爱心企业捐赠的米面油和冬衣送到困难户、高龄老人家中", Recurrence("weekly", weekdays=(5,)),
             (("09:00", "11:30"),), 0, LAST, 3, 5),
    DemoTask(XINFADI, "新发地村委会", "爱心传递", "驾车运送捐赠物资",
             "开车把捐赠物资从街道仓库运到村委会", Recurrence("weekly", weekdays=(5,)),
             (("08:00", "09:00"),), 0, LAST, 1, 1, ("驾驶",)),
    DemoTask(GAOLI, "干休所大院", "助老陪伴", "干休所高龄老人陪伴",
             "陪高龄老人聊天、读报，检查水电燃气", Recurrence("weekly", weekdays=(0, 3)),
             (("09:30", "11:00"),), 0, LAST, 2, 3),
    DemoTask(GAOLI, "高立庄党群服务中心", "爱心传递", "捐赠衣物登记分拣",
             "登记居民捐赠的衣物，清洗分拣后打包", Recurrence("weekly", weekdays=(2,)),
             (("09:00", "11:00"),), 0, LAST, 2, 4),
    DemoTask(GAOLI, "高立庄党群服务中心", "文化活动", "邻里节节目排练",
             "合唱和快板节目排练", Recurrence("weekly", weekdays=(1, 3)),
             (("14:30", "16:30"),), 7 * WEEKS_BACK - 7, 7 * (WEEKS_BACK + 3) + 4, 4, 12),
    DemoTask(GAOLI, "高立庄党群服务中心", "文化活动", "邻里节文艺汇演",
             "社区邻里节文艺汇演：布置场地、演出、搀扶高龄观众入场", Recurrence("once"),
             (("14:00", "17:00"),), 7 * (WEEKS_BACK + 3) + 5, 7 * (WEEKS_BACK + 3) + 5, 8, 14),
)
# Share of the fill algorithm's picks kept, by week (0 = this week): later weeks show gaps.
KEEP = {-3: 1.0, -2: 1.0, -1: 1.0, 0: 0.9, 1: 0.8, 2: 0.65, 3: 0.5, 4: 0.35}


def build_schedule(session: Session, ctx: DemoContext) -> None:
    rng = random.Random(ctx.seed + 5)
    this_monday = ctx.today - timedelta(days=ctx.today.weekday())
    start = this_monday - timedelta(weeks=WEEKS_BACK)
    type_ids = {r[1]: r[0] for r in session.db.execute("SELECT id, name FROM service_types")}
    for spec in TASKS:
        first = start + timedelta(days=spec.first_day)
        fields = {"team_id": ctx.team_ids[spec.team], "place_id": ctx.place_ids[spec.place],
                  "service_type_id": type_ids[spec.service_type], "title": spec.title,
                  "description": spec.description,
                  "insurance": INSURANCE if spec.service_type == "铲冰除雪" else ""}
        schedule.create_task(session, fields, spec.recurrence,
                             [Slot(_t(a), _t(b)) for a, b in spec.slots], first,
                             start + timedelta(days=spec.last_day), spec.min_people, spec.max_people,
                             spec.skills)
    for team in ctx.team_ids.values():
        for offset in range(-WEEKS_BACK, WEEKS_AHEAD + 1):
            _fill_week(session, ctx, rng, team, this_monday + timedelta(weeks=offset), offset)
    _after_the_shift(session, ctx, rng)


def _fill_week(session: Session, ctx: DemoContext, rng: random.Random, team_id: int, monday: date,
               offset: int) -> None:
    sunday = monday + timedelta(days=6)
    rows = facts.shift_rows(session, "t.team_id = ? AND s.date BETWEEN ? AND ?",
                            [team_id, monday.isoformat(), sunday.isoformat()])
    # Done shifts had people who stepped in outside their stated times; later ones keep to them.
    allowed = shift_rules.FILL_ALLOWED_SOFT | ({"availability"} if monday < ctx.today else set())
    picks, _ = assigning.fill_picks(session, team_id, monday, rows, frozenset(allowed))
    keep = KEEP[offset]
    session.db.table("assignments").insert_all(({
        "uid": new_uid(), "shift_id": p.shift_id, "volunteer_id": p.volunteer_id, "state": "已安排",
        "note": "", "created_at": f"{(monday - timedelta(days=5)).isoformat()}T20:00:00"}
        for p in picks if rng.random() < keep), batch_size=500)


def _after_the_shift(session: Session, ctx: DemoContext, rng: random.Random) -> None:
    """Past shifts: completed (most with times) or no-show; today's confirmed; some later
    ones confirmed or declined."""
    today = ctx.today.isoformat()
    rows = session.db.execute(
        "SELECT a.id, s.date, s.start_time, s.end_time FROM assignments a JOIN shifts s "
        "ON s.id = a.shift_id ORDER BY s.date, s.start_time, a.id").fetchall()
    for assignment_id, day, start, end in rows:
        roll = rng.random()
        if day < today:
            if roll < 0.05:
                session.db.execute("UPDATE assignments SET state = '缺席' WHERE id = ?", [assignment_id])
                continue
            values: dict[str, object] = {"state": "已完成"}
            if roll < 0.8:     # signed in and out on the sheet, a few minutes off the plan
                values["check_in"] = _moment(day, start, rng.choice((-10, -5, 0, 0, 5, 15)))
                values["check_out"] = _moment(day, end, rng.choice((-15, 0, 0, 10, 20, 30)))
            session.db.table("assignments").update(assignment_id, values)
            records.from_assignment(session, assignment_id)
        elif day == today or roll < 0.4:
            session.db.execute("UPDATE assignments SET state = '已确认' WHERE id = ?", [assignment_id])
        elif roll > 0.97:
            session.db.execute("UPDATE assignments SET state = '已谢绝', note = '家里有事，来不了' "
                               "WHERE id = ?", [assignment_id])


def _moment(day: str, at: str, minutes: int) -> str:
    moment = datetime.combine(date.fromisoformat(day), _t(at)) + timedelta(minutes=minutes)
    return moment.isoformat(timespec="seconds")
