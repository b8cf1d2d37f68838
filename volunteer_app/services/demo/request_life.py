"""How one demo ticket went: its steps as far as its age allows, each with the time, the person
and a note (the request_events rows), dispatch to a worker or a team, a late feedback now and
then, a send-back, and the city's 回访 once it was closed a few days."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any

from ...domain.hours import is_working_day
from ...domain.requests import Source
from ...domain.scheduling import Recurrence, Slot
from ..requests.dispatch import task_title
from ..scheduling import schedule
from ..session import Session
from .users import DEMO_USERS

OFFICE = next(name for login, name, *_ in DEMO_USERS if login == "staff")   # 刘晓梅 signs and closes
LATE_SHARE, REOPEN_SHARE = 0.12, 0.03
RESOLUTIONS = {
    "楼道灯不亮": "已协调物业更换楼道灯，诉求人确认已亮",
    "房屋漏水": "已联系楼上住户和物业上门查看，更换了漏水管件",
    "物业服务": "已督促物业清理楼道杂物，纳入每周巡查",
    "垃圾桶满溢": "已协调环卫增加清运频次，早晚安排桶前值守",
    "分类投放不规范": "已在驿站张贴分类指引，志愿者桶前指导",
    "装修噪音": "已上门劝导施工方，约定只在8:00-12:00、14:00-18:00施工",
    "广场舞噪音": "已与舞蹈队沟通，调低音量，晚八点半前结束",
    "暖气不热": "已联系供热公司上门排气调试，室温恢复到20度",
    "电梯故障": "已督促物业联系维保单位修复电梯，恢复运行",
    "乱停车": "已联系物业清理占道车辆，设置禁停标识",
    "燃气泄漏": "已联系燃气公司抢修，关阀排查，隐患已排除",
    "水管爆裂": "已联系物业关阀抢修，水管已更换，楼道已清理",
}


@dataclass
class Life:
    columns: dict[str, Any] = field(default_factory=dict)
    events: list[tuple[str, datetime, str, str]] = field(default_factory=list)   # step, at, who, note


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _daytime(moment: datetime) -> datetime:
    """People sign, call, handle and call back between 08:00 and 20:00: a step that would fall
    in the night (a 03:11 办理中 on the ticket's history) waits for the morning."""
    if moment.hour < 8:
        return moment.replace(hour=8)
    if moment.hour >= 20:
        return (moment + timedelta(days=1)).replace(hour=8)
    return moment


def team_start(signed: datetime) -> datetime:
    """A team's shift for a ticket: 09:00 on the next working day after it was signed."""
    day = signed.date() + timedelta(days=1)
    while not is_working_day(day):
        day += timedelta(days=1)
    return datetime.combine(day, time(9, 0))


def _plan(rng: random.Random, row: dict[str, Any], worker: str, team: str) -> list[tuple]:
    """Every step the ticket would take, in time order, before the clock cuts it short."""
    received, due = _at(row["received_at"]), _at(row["due_at"])
    fast = row["kind"] in ("紧急", "水电气热")
    unit = timedelta(minutes=1) if fast else timedelta(minutes=30)
    hotline = row["source"] == Source.HOTLINE
    arrived = received + timedelta(minutes=rng.randint(10, 40)) if hotline else received
    signed = arrived + rng.randint(3, 12) * unit / (3 if fast else 2)
    contacted = signed + rng.randint(5, 30) * unit
    handling = contacted + rng.randint(5, 20) * unit
    if rng.random() < LATE_SHARE:
        feedback = due + rng.randint(10, 90) * unit
    else:
        feedback = max(handling + unit, received + (due - received) * rng.uniform(0.35, 0.9))
    resolution = RESOLUTIONS.get(row["category"].split("/")[-1], "已办理并答复诉求人")
    plan = [("待签收", arrived, "12345" if hotline else OFFICE,
             "12345派单" if hotline else f"登记（{row['source']}）"),
            ("已签收", signed, OFFICE, "")]
    if team:
        plan.append(("派单", signed + timedelta(minutes=5), OFFICE,
                     f"派给{team}，任务“{task_title(row)}”{team_start(signed):%m-%d %H:%M}"))
    elif worker:
        plan.append(("派单", signed + timedelta(minutes=5), OFFICE, f"派给社区工作者{worker}"))
    who = worker or OFFICE
    plan += [("已联系", contacted, who, "电话联系诉求人，说明办理安排"), ("办理中", handling, who, ""),
             ("已反馈", feedback, who, resolution)]
    if rng.random() < REOPEN_SHARE:
        plan += [("退回重办", feedback + timedelta(days=1), OFFICE, "诉求人反映问题仍未解决，退回重办"),
                 ("已反馈", feedback + timedelta(days=3), who, "再次上门处理，" + resolution)]
    closed = plan[-1][1] + timedelta(hours=rng.randint(4, 48))
    return [*plan, ("已办结", closed, OFFICE, "")]


_STEP_COLUMNS = {"已签收": "signed_at", "已联系": "contacted_at", "已反馈": "feedback_at",
                 "已办结": "closed_at"}


def ticket_life(rng: random.Random, row: dict[str, Any], now: datetime, worker: tuple[int, str] | None,
                team: str = "") -> Life:
    """The columns and events of ``row`` as of ``now``; a ticket of the last two days may
    still wait at an early step."""
    life = Life({"status": "待签收", "dispatched_at": None, "staff_id": None, "resolution": "",
                 "reopened": 0, "created_at": row["received_at"]})
    stop = rng.choice(("待签收", "已签收", "已联系")) \
        if now - _at(row["received_at"]) < timedelta(days=2) and rng.random() < 0.5 else None
    last = _at(row["received_at"])
    urgent = row["kind"] in ("紧急", "水电气热")     # these are worked on at night too
    for step, at, who, note in _plan(rng, row, worker[1] if worker else "", team):
        at = max(at, last)
        if not urgent and step != "待签收":
            at = _daytime(at)
        if at > now:
            break
        life.events.append((step, at, who, note))
        last = at
        _take(life, row, step, at, note, worker if not team else None)
        if step == stop:
            break
    _callback(rng, life, row, now)
    life.columns["updated_at"] = last.isoformat(timespec="seconds")
    return life


def _take(life: Life, row: dict[str, Any], step: str, at: datetime, note: str,
          worker: tuple[int, str] | None) -> None:
    columns = life.columns
    if step == "待签收" and row["source"] == Source.HOTLINE:
        columns["dispatched_at"] = at.isoformat(timespec="seconds")
    elif step == "派单" and worker:
        columns["staff_id"] = worker[0]
    elif step == "退回重办":
        columns["reopened"] += 1
        columns["status"] = "办理中"
    if step in _STEP_COLUMNS:
        columns[_STEP_COLUMNS[step]] = at.isoformat(timespec="seconds")
    if step == "已反馈":
        columns["resolution"] = note
    if step not in ("派单", "退回重办"):
        columns["status"] = step


def _callback(rng: random.Random, life: Life, row: dict[str, Any], now: datetime) -> None:
    """The city calls back a few days after a 12345 ticket is closed."""
    closed = life.columns.get("closed_at")
    if not closed or row["source"] != Source.HOTLINE:
        return
    at = _daytime(_at(closed) + timedelta(days=rng.randint(1, 4), hours=rng.randint(0, 6)))
    if at > now:
        return
    late = _at(life.columns["feedback_at"]) > _at(row["due_at"])
    contacted = "已联系" if rng.random() < 0.97 else "未联系"
    resolved = "已解决" if rng.random() < (0.7 if late or life.columns["reopened"] else 0.93) else "未解决"
    weights = (82, 13, 5) if resolved == "已解决" else (20, 30, 50)
    satisfaction = rng.choices(("满意", "基本满意", "不满意"), weights)[0]
    life.columns.update(callback_contacted=contacted, callback_resolved=resolved,
                        callback_satisfaction=satisfaction, callback_at=at.isoformat(timespec="seconds"))
    life.events.append(("回访", at, "12345回访", "，".join((contacted, resolved, satisfaction))))


def create_team_task(session: Session, ticket: dict[str, Any], team_id: int,
                     service_type_id: int) -> int:
    """The task (one shift, two people) a team was sent for the ticket, as dispatch makes it."""
    start = team_start(_at(ticket["signed_at"]))
    fields = {"team_id": team_id, "service_type_id": service_type_id, "place_id": ticket["place_id"],
              "title": task_title(ticket),
              "description": f"接诉即办工单{ticket['ticket_no']}：{ticket['content'][:80]}"}
    return schedule.create_task(session, fields, Recurrence("once"), [Slot(time(9), time(11))],
                                start.date(), start.date(), 2, 2)
