"""Demo step: the facts weather warnings select by, and last winter's 暴雪 warning run to its end.

Some residents depend on power or oxygen (制氧机, 呼吸机) or live with a chronic illness, and two
places are low-lying (新发地村, 郭公庄北街), so 暴雨 patrols have somewhere to go. Then a 暴雪橙色预警
of last January, worked through the same services the window uses: started (roll-call, who
calls whom, 铲冰 shifts filled by 一键补缺), every resident on the list called over the first
hours (most 平安 within two hours, some reached at the second or third try, a few needing
food, medicine or heat, one or two turned red and seen at the door), the shoveling done the
morning after, and closed. Nothing is left open, and every run builds the same warning.

The roll-call services stamp what has no time of its own (arranging and finishing a need)
with the session's clock, which is noon of the day a session's ``today`` names; the demo
acts through sessions whose day is the warning's, so those stamps fall on that day too.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from ...domain.weather import AlertLevel, AlertType, Need, Result, Via
from ...store.rows import new_uid, now_text
from ..alerts import attempts, closing, start
from ..hours import records
from ..permissions import Role
from ..scheduling import assigning
from ..session import Actor, Session
from . import DemoContext
from .records import LOCK_AFTER_DAYS
from .users import DEMO_USERS

FLOOD_PRONE = ("新发地村", "郭公庄北街")        # the village's low courtyards; a street that floods
POWER_SHARE, CHRONIC_SHARE = 0.04, 0.3        # of residents aged 70+ (power) and 60+ (chronic)
NOTICE = ("北京市丰台区气象台{day:%m月%d日}05时40分发布暴雪橙色预警信号：预计今天白天到夜间将出现"
          "暴雪，累计降雪量可达10毫米以上，道路结冰，请注意防范。")
# (share, what happens): the callers' luck over the first hours
PLANS = (("平安", 0.76), ("家属", 0.08), ("再打", 0.11), ("帮助", 0.05))
DOOR_VISITS = 2                   # residents who answered no call and were seen at the door
NEEDS = (([Need.MEDICINE], "降压药快吃完了，雪大出不了门"), ([Need.MEALS], "一个人在家，想请人送两天饭"),
         ([Need.HEATING], "暖气不太热，屋里冷"), ([Need.MEALS, Need.MEDICINE], "老伴住院，家里没人买菜取药"),
         ([Need.DOCTOR], "血压有点高，头晕，想去社区卫生服务站看看"))
DONE = {Need.MEDICINE: "已代取药品送到家", Need.MEALS: "志愿者已送餐，约好明天再送",
        Need.HEATING: "已联系物业和供热公司上门排气，室温恢复", Need.DOCTOR: "已陪同到社区卫生服务站测血压，无大碍"}
AFTER_DONE = ("雪后上门看望，检查取暖和燃气", "雪后上门看望，送去米面和蔬菜", "雪后上门看望，帮忙清扫门前积雪")
DOOR_NOTES = ("敲门后老人开门，在家睡觉没听见电话，一切平安", "上门查看：电话没电了，老人平安，已帮助充电")


def winter_day(today: date) -> date:
    """The day of last winter's snow: in the January before this winter (this year's January
    once March is here, else last year's)."""
    year = today.year if today.month >= 3 else today.year - 1
    return date(year, 1, 19)


def mark_facts(session: Session, ctx: DemoContext) -> None:
    """Who depends on power or oxygen and who is chronically ill: set after the residents were
    made, so that their own random draws (and the rest of the demo) stay as they were."""
    rng = random.Random(ctx.seed + 40)
    cutoff_70 = date(ctx.today.year - 70, ctx.today.month, 1).isoformat()
    cutoff_60 = date(ctx.today.year - 60, ctx.today.month, 1).isoformat()
    rows = session.db.execute("SELECT id, birth_date FROM residents ORDER BY id").fetchall()
    power = [i for i, born in rows if born <= cutoff_70 and rng.random() < POWER_SHARE]
    chronic = [i for i, born in rows if born <= cutoff_60 and rng.random() < CHRONIC_SHARE]
    session.db.conn.executemany("UPDATE residents SET power_dependent = 1 WHERE id = ?", [(i,) for i in power])
    session.db.conn.executemany("UPDATE residents SET chronic_illness = 1 WHERE id = ?", [(i,) for i in chronic])


def mark_low_places(session: Session, ctx: DemoContext) -> None:
    """The places that flood in a 暴雨 (低洼易涝), where its patrols go."""
    session.db.conn.executemany("UPDATE places SET flood_prone = 1 WHERE id = ?",
                                [(ctx.place_ids[p],) for p in FLOOD_PRONE])


def build_winter_warning(session: Session, ctx: DemoContext) -> None:
    """The 暴雪橙色预警 of 19 January from 06:00 to 22:00: started, called through, needs
    met by noon, shoveled the next morning, closed at 11:30, everyone high-tier visited."""
    rng = random.Random(ctx.seed + 41)
    day = winter_day(ctx.today)
    started = datetime.combine(day, time(6, 0))
    user_id = session.db.execute("SELECT id FROM users WHERE login = 'staff'").fetchone()[0]
    name = next(n for login, n, *_ in DEMO_USERS if login == "staff")
    actor = Actor(user_id, name, Role.STAFF)
    on_the_day = Session(session.db, actor, today=lambda: day)              # its clock: noon that day
    next_day = Session(session.db, actor, today=lambda: day + timedelta(days=1))
    outcome = start.start(on_the_day, start.StartRequest(
        AlertType.SNOW, AlertLevel.ORANGE, started_at=started,
        until=datetime.combine(day, time(22, 0)), notice=NOTICE.format(day=day),
        insurance="人保财险志愿者意外险（花乡街道统保）"))
    _phone_round(on_the_day, outcome.alert_id)
    _call_everyone(next_day, on_the_day, outcome.alert_id, started, rng)
    _shovel(session, outcome.alert_id, rng)
    closed = datetime.combine(day + timedelta(days=1), time(11, 30))
    closing.close(next_day, outcome.alert_id, at=closed)
    _visit_after(session, ctx, outcome.alert_id, closed, rng)
    _lock_records(session, ctx)


# -- the roll-call -------------------------------------------------------------------------------

@dataclass
class _Call:
    roll_id: int
    first: datetime          # when the caller first rang


def _first_calls(session: Session, alert_id: int, started: datetime, rng: random.Random) -> list[_Call]:
    """Each caller works down their part of the list from 06:30, faster when it is long, so
    that the whole list has had a first call within about an hour and a half."""
    rows = session.db.execute("SELECT id, caller_id FROM alert_roll WHERE alert_id = ? ORDER BY position, id",
                              [alert_id]).fetchall()
    by_caller: dict[Any, list[int]] = {}
    for roll_id, caller in rows:
        by_caller.setdefault(caller, []).append(roll_id)
    calls = []
    for ids in by_caller.values():
        step = min(6.0, 90.0 / len(ids))
        begin = started + timedelta(minutes=30 + rng.randint(0, 10))
        calls += [_Call(r, begin + timedelta(minutes=k * step + rng.uniform(0, step / 2)))
                  for k, r in enumerate(ids)]
    return sorted(calls, key=lambda c: c.roll_id)


def _call_everyone(session: Session, noon_session: Session, alert_id: int, started: datetime,
                   rng: random.Random) -> None:
    calls = _first_calls(session, alert_id, started, rng)
    plans = [rng.choices([p for p, _ in PLANS], [w for _, w in PLANS])[0] for _ in calls]
    for k in range(DOOR_VISITS):                  # spread along the list
        plans[len(plans) * (k + 1) // (DOOR_VISITS + 1)] = "上门"
    helped = []
    for call, plan in zip(calls, plans, strict=True):
        if _follow(session, call, plan, rng):
            helped.append(call.roll_id)
    _handle_needs(noon_session, helped, rng)


def _follow(session: Session, call: _Call, plan: str, rng: random.Random) -> bool:
    """One resident's attempts by ``plan``; True when they asked for help."""
    at = call.first.replace(second=0, microsecond=0)

    def log(result: Result, minutes: float = 0, **more: Any) -> None:
        nonlocal at
        at += timedelta(minutes=minutes)
        attempts.log_attempt(session, call.roll_id, result, at=at, **more)

    if plan == "平安":
        log(Result.SAFE)
    elif plan == "家属":
        log(Result.SAFE, via=Via.FAMILY, note="女儿接的电话，老人在家，一切都好")
    elif plan == "再打":
        for _ in range(rng.choice((1, 1, 2))):
            log(Result.NO_ANSWER)
            at += timedelta(minutes=rng.randint(25, 70))
        log(Result.SAFE, note="刚才在做饭没听见")
    elif plan == "帮助":
        needs, note = rng.choice(NEEDS)
        log(Result.NEEDS_HELP, needs=[n.value for n in needs], note=note)
        return True
    else:                               # three unanswered in half an hour: red, a door visit
        for gap in (0, 10, 10):
            log(Result.NO_ANSWER, gap)
        log(Result.DOOR, rng.randint(30, 50), via=Via.DOOR, note=rng.choice(DOOR_NOTES))
    return False


def _handle_needs(session: Session, roll_ids: list[int], rng: random.Random) -> None:
    """Each need taken by a volunteer of the resident's community (or the caller) and done by
    noon (the session's clock)."""
    for roll_id in roll_ids:
        entry = session.row("alert_roll", roll_id)
        handler = session.db.execute(
            "SELECT m.volunteer_id FROM team_members m JOIN teams t ON t.id = m.team_id "
            "WHERE t.community_id = ? AND m.left_on IS NULL ORDER BY m.id LIMIT 1 OFFSET ?",
            [entry["community_id"], rng.randint(0, 5)]).fetchone()
        handler_id = handler[0] if handler else entry["caller_id"]
        if handler_id is None:
            continue
        attempts.assign_need(session, roll_id, handler_id)
        first = Need(json.loads(entry["needs"])[0])
        attempts.need_done(session, roll_id, DONE.get(first, "已办好"))


def _phone_round(session: Session, alert_id: int) -> None:
    """一键补缺 leaves 07:00 shifts short (few put mornings that early in their free time):
    staff phone the best-fitting members and put them on, accepting the warnings, as the
    assign dialog lets them."""
    short = session.db.execute(
        "SELECT s.id, s.min_people - (SELECT count(*) FROM assignments a WHERE a.shift_id = s.id "
        "AND a.state IN ('已安排', '已确认')) FROM shifts s JOIN tasks t ON t.id = s.task_id "
        "WHERE t.alert_id = ? ORDER BY s.id", [alert_id]).fetchall()
    for shift_id, missing in short:
        for candidate in assigning.candidates(session, shift_id):
            if missing <= 0:
                break
            if not candidate.conflicts.hard:
                assigning.assign(session, shift_id, candidate.volunteer_id, accept_warnings=True)
                missing -= 1


def _shovel(session: Session, alert_id: int, rng: random.Random) -> None:
    """The 铲冰 shifts of the morning after were worked: most came, a few did not."""
    rows = session.db.execute(
        "SELECT a.id, s.date, s.start_time, s.end_time FROM assignments a JOIN shifts s ON s.id = a.shift_id "
        "JOIN tasks t ON t.id = s.task_id WHERE t.alert_id = ? AND a.state IN ('已安排', '已确认') "
        "ORDER BY a.id", [alert_id]).fetchall()
    for assignment_id, day, begin, end in rows:
        if rng.random() < 0.08:
            session.db.execute("UPDATE assignments SET state = '缺席' WHERE id = ?", [assignment_id])
            continue
        session.db.table("assignments").update(assignment_id, {
            "state": "已完成", "check_in": f"{day}T{begin}:00",
            "check_out": (datetime.fromisoformat(f"{day}T{end}") + timedelta(minutes=rng.choice((0, 10, 20))))
            .isoformat(timespec="seconds")})
        records.from_assignment(session, assignment_id)


def _visit_after(session: Session, ctx: DemoContext, alert_id: int, closed: datetime,
                 rng: random.Random) -> None:
    """Every high-tier resident on the list visited within a day of the closing (the visit
    rule's "major change"), by their 包户人 or a community worker, so none is owed now and the
    report shows each visit on time. These are the workers' office duty: the demo saves the
    visits in one go and no service records for them (logging each through the care services
    took half the step's time at scale 10)."""
    owed = session.db.execute(
        "SELECT o.resident_id, r.responsible_volunteer_id FROM alert_roll o JOIN residents r "
        "ON r.id = o.resident_id WHERE o.alert_id = ? AND o.visit_due_by IS NOT NULL ORDER BY o.position",
        [alert_id]).fetchall()
    stamp, rows = now_text(), []
    for resident_id, responsible in owed:
        visitor = responsible or ctx.staff_ids[resident_id % len(ctx.staff_ids)]
        moment = closed + timedelta(hours=rng.choice((3, 4, 5, 21, 22)), minutes=rng.choice((0, 15, 30)))
        rows.append({"uid": new_uid(), "volunteer_id": visitor, "resident_id": resident_id,
                     "visited_on": moment.date().isoformat(), "start_time": f"{moment:%H:%M}",
                     "minutes": rng.choice((20, 30)), "mode": "上门", "done": rng.choice(AFTER_DONE),
                     "health": "身体还行", "mood": "情绪平稳", "safety": "暖气、燃气正常", "created_at": stamp})
    session.db.table("visits").insert_all(rows, batch_size=500)


def _lock_records(session: Session, ctx: DemoContext) -> None:
    """The warning's records (calls, door visits, shoveling) verified and
    locked by the supervisor, on build_records' rule (everything older than two weeks)."""
    supervisor = session.db.execute("SELECT id FROM users WHERE role = 'supervisor' ORDER BY id").fetchone()
    stamp, cutoff = now_text(), (ctx.today - timedelta(days=LOCK_AFTER_DAYS)).isoformat()
    session.db.execute(
        "UPDATE service_records SET status = '已锁定', verified_by = ?, verified_at = ?, locked_at = ? "
        "WHERE status = '已记录' AND date < ?", [supervisor[0] if supervisor else None, stamp, stamp, cutoff])
