"""Demo step: six months of 接诉即办 tickets for the demo community.

Mostly 物业 (stairwell lights, leaks, cleaning), 垃圾分类, 噪音, 供暖 (in the heating season),
电梯 and 停车, with a few emergencies; most sent down by 12345, a few taken at the office.
Each ticket walks the six steps as far as its age allows, every step with its
request_events row in time order, most dispatched to a community worker and a few to a team
as a task; some are fed back after their deadline, older ones carry the city's 回访 result,
and two places are real hot spots of the last 30 days (the 明春苑 bin point, the stairwell
light of 干休所大院 3号楼). Callers are the demo's invented residents, or invented names.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from ...domain.hours import is_working_day
from ...domain.requests import Source, classify_kind
from ...store.rows import new_uid
from ..requests import tickets
from ..requests.access import now
from ..session import Session
from . import DemoContext
from .names import NameMaker
from .request_life import Life, create_team_task, ticket_life


@dataclass(frozen=True)
class Topic:
    category: str
    weight: float
    contents: tuple[str, ...]
    where: str = "home"          # home (a building), bin (a bin point), lift (明春苑), street
    urgency: str = "一般"
    types: tuple[str, ...] = ("求助", "投诉")


TOPICS = (
    Topic("城乡建设/物业管理/楼道灯不亮", 3, ("{b}{u}单元楼道灯坏了一个多星期，晚上上下楼看不见，老人差点摔倒",
                                      "{b}楼道声控灯不亮，物业说没有灯泡")),
    Topic("城乡建设/物业管理/房屋漏水", 2, ("楼上漏水，渗到我家卫生间顶上，物业一直没来看",)),
    Topic("城乡建设/物业管理/物业服务", 2, ("楼道里堆的杂物一个月没人清理，存在消防隐患",
                                      "物业不按时打扫楼道，垃圾味很大"), types=("投诉", "建议")),
    Topic("城乡建设/垃圾分类/垃圾桶满溢", 3, ("垃圾分类驿站的桶满了没人清运，垃圾堆到地上，气味很大",
                                       "厨余垃圾桶天天满溢，晚上也没人值守"), where="bin"),
    Topic("城乡建设/垃圾分类/分类投放不规范", 1, ("有人不分类乱扔，希望加强桶前值守和宣传",),
          where="bin", types=("建议", "投诉")),
    Topic("环境保护/噪声污染/装修噪音", 2, ("楼上装修中午和晚上十点以后还在施工，噪音扰民",)),
    Topic("环境保护/噪声污染/广场舞噪音", 1, ("小区广场舞音响声音太大，影响休息",), where="street"),
    Topic("城乡建设/供暖/暖气不热", 3, ("家里暖气不热，室温只有十四五度，老人受不了",
                                   "暖气片上面热下面凉，请供热公司来看看")),
    Topic("城乡建设/物业管理/电梯故障", 2, ("电梯又停运了，住高层的老人下不了楼",
                                      "电梯运行时有异响，担心安全"), where="lift"),
    Topic("交通管理/停车管理/乱停车", 2, ("小区门口乱停车，消防通道被堵住",
                                     "有车长期占用消防通道，请处理"), where="street"),
    Topic("城乡建设/燃气/燃气泄漏", 0.25, ("楼道里有很大的燃气味，怀疑泄漏",), urgency="紧急", types=("求助",)),
    Topic("城乡建设/供水/水管爆裂", 0.25, ("{b}地下室水管爆裂，水漫到楼道",), urgency="紧急", types=("求助",)),
)
HOMES = ("银地家园", "干休所大院", "明春苑", "郭公庄北街", "高立庄", "新发地村")
BINS = ("明春苑垃圾分类驿站", "银地家园垃圾分类驿站")
MONTHS, PER_MONTH = 6, 40
# (days ago, topic, place, building): the hot spots of the last 30 days
HOT_SPOTS = tuple((d, 3, "明春苑垃圾分类驿站", "") for d in (2, 6, 13, 21)) + \
    tuple((d, 0, "干休所大院", "3号楼") for d in (4, 11, 25))


def _heating(day: datetime) -> bool:
    """Beijing's heating season, 15 November to 15 March."""
    return (day.month, day.day) >= (11, 15) or (day.month, day.day) <= (3, 15)


class _Maker:
    def __init__(self, session: Session, ctx: DemoContext):
        self.session, self.ctx = session, ctx
        self.rng = random.Random(ctx.seed + 13)
        self.names = NameMaker(ctx.seed + 14)
        self.rule = tickets.deadline_rule(session)
        self.now = now(session)
        self.residents = {place: list(session.db.execute(
            "SELECT id, name, phone, building, unit FROM residents WHERE place_id = ? ORDER BY id",
            [ctx.place_ids[place]])) for place in HOMES}
        self.numbers: dict[str, int] = {}

    def topic(self, received: datetime) -> Topic:
        weights = [0 if t.category.startswith("城乡建设/供暖") and not _heating(received) else t.weight
                   for t in TOPICS]
        return self.rng.choices(TOPICS, weights)[0]

    def ticket(self, received: datetime, topic: Topic, place: str = "", building: str = "") -> dict:
        rng = self.rng
        place = place or (rng.choice(BINS) if topic.where == "bin" else "明春苑" if topic.where == "lift"
                          else rng.choice(HOMES))
        home = place if place in self.residents else place.removesuffix("垃圾分类驿站")
        caller = rng.choice(self.residents[home]) if rng.random() < 0.7 and self.residents[home] else None
        building = building or (caller[3] if caller else f"{rng.randint(1, 12)}号楼")
        unit = caller[4] if caller else f"{rng.randint(1, 4)}单元"
        where = "" if topic.where in ("bin", "street") else building + (unit if topic.where == "home" else "")
        content = rng.choice(topic.contents).format(b=building, u=unit.removesuffix("单元"))
        kind = classify_kind(topic.urgency, topic.category, content)
        source = Source.HOTLINE if rng.random() < 0.9 else rng.choice((Source.WALK_IN, Source.PHONE))
        if source is not Source.HOTLINE and not 8 <= received.hour < 20:
            # a walk-in or a call to the office comes while the office is open (12345: any hour)
            received = min(received.replace(hour=8 + received.hour % 12), self.now - timedelta(hours=1))
        return {
            "uid": new_uid(), "ticket_no": self.number(received, source), "source": source.value,
            "community_id": self.session.db.execute("SELECT community_id FROM places WHERE id = ?",
                                                    [self.ctx.place_ids[place]]).fetchone()[0],
            "resident_id": caller[0] if caller else None, "place_id": self.ctx.place_ids[place],
            "building": "" if topic.where in ("bin", "street") else building,
            "caller_name": caller[1] if caller else self.names.name(rng.randint(1950, 1995)),
            "caller_phone": caller[2] if caller else self.names.mobile(),
            "address": f"北京市丰台区花乡街道{place}{where}", "category": topic.category,
            "request_type": rng.choice(topic.types), "kind": kind.value, "content": content,
            "handling_unit": "花乡街道" if source is Source.HOTLINE else "",
            "handling_role": "主办" if source is Source.HOTLINE else "",
            "received_at": received.isoformat(timespec="seconds"),
            "due_at": self.rule.due(received, kind, is_working_day).isoformat(timespec="seconds"),
        }

    def number(self, received: datetime, source: Source) -> str:
        """12345's numbers, or the office's own SQ + day + sequence (tickets.add's form)."""
        prefix = f"{received:%Y%m%d}" if source is Source.HOTLINE else f"SQ{received:%Y%m%d}-"
        self.numbers[prefix] = self.numbers.get(prefix, 0) + 1
        sequence = self.numbers[prefix]
        return f"{prefix}{sequence:03d}" if source is not Source.HOTLINE else f"{prefix}{sequence:04d}"

    def received_times(self) -> list[tuple[datetime, Topic | None, str, str]]:
        rng, start = self.rng, datetime.combine(self.ctx.today - timedelta(days=30 * MONTHS), time(0))
        span = int((self.now - start).total_seconds())
        count = MONTHS * PER_MONTH * self.ctx.scale
        times: list[tuple[datetime, Topic | None, str, str]] = []
        for _ in range(count):
            moment = start + timedelta(seconds=rng.randint(0, span - 3600))
            if not 7 <= moment.hour < 22 and rng.random() < 0.8:
                moment = moment.replace(hour=rng.randint(8, 20))
            times.append((min(moment, self.now - timedelta(hours=1)), None, "", ""))
        for days, topic, place, building in HOT_SPOTS:
            moment = datetime.combine(self.ctx.today - timedelta(days=days), time(rng.randint(8, 19), rng.randint(0, 59)))
            times.append((min(moment, self.now - timedelta(hours=1)), TOPICS[topic], place, building))
        return sorted(times, key=lambda t: t[0])


# A few older tickets went to a team as a task: the bin point's duty, help for an elder.
TEAM = "银地第二社区居民志愿服务队"
TEAM_WORK = {"银地家园垃圾分类驿站": "垃圾分类值守", "干休所大院": "困难帮扶"}
TEAM_TICKETS = 2          # per place


def _team_for(row: dict[str, Any], ctx: DemoContext, sent: dict[int, int], now: datetime) -> str:
    place = next((p for p in TEAM_WORK if ctx.place_ids[p] == row["place_id"]), None)
    if place is None or sent.get(row["place_id"], 0) >= TEAM_TICKETS or row["request_type"] != "求助" \
            and "垃圾" not in row["category"] or now - datetime.fromisoformat(row["received_at"]) < \
            timedelta(days=20):
        return ""
    sent[row["place_id"]] = sent.get(row["place_id"], 0) + 1
    return TEAM


def build_requests(session: Session, ctx: DemoContext) -> None:
    maker = _Maker(session, ctx)
    workers = list(session.db.execute(
        f"SELECT id, name FROM volunteers WHERE id IN ({','.join('?' * len(ctx.staff_ids))}) ORDER BY id",
        ctx.staff_ids)) if ctx.staff_ids else []
    rows: list[dict[str, Any]] = []
    lives: list[Life] = []
    sent: dict[int, int] = {}
    for received, topic, place, building in maker.received_times():
        row = maker.ticket(received, topic or maker.topic(received), place, building)
        worker = maker.rng.choice(workers) if workers and maker.rng.random() < 0.85 else None
        team = _team_for(row, ctx, sent, maker.now)
        life = ticket_life(maker.rng, row, maker.now, worker, team)
        row.update(life.columns)
        if team and row.get("signed_at"):
            row["team_id"] = ctx.team_ids[team]
        rows.append(row)
        lives.append(life)
    db = session.db
    db.table("requests").insert_all(rows, batch_size=500)
    ids = dict(db.execute("SELECT uid, id FROM requests").fetchall())
    events = [{"uid": new_uid(), "request_id": ids[row["uid"]], "step": step, "at": at.isoformat(timespec="seconds"),
               "user_id": None, "user_name": who, "note": note}
              for row, life in zip(rows, lives, strict=True) for step, at, who, note in life.events]
    db.table("request_events").insert_all(events, batch_size=1000)
    types = dict(db.execute("SELECT name, id FROM service_types").fetchall())
    for row in rows:
        if row.get("team_id"):
            place = next(p for p in TEAM_WORK if ctx.place_ids[p] == row["place_id"])
            task_id = create_team_task(session, row, row["team_id"], types[TEAM_WORK[place]])
            db.execute("UPDATE requests SET task_id = ? WHERE id = ?", [task_id, ids[row["uid"]]])
