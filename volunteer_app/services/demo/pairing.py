"""Demo step: 80后帮90后 pairs from a real match, a few released, months of visits (some late).

The demo has more consenting residents aged 90+ than its helpers can take, so the 结对 page
shows a real list of residents left without a helper, with the reasons. A few younger 高立庄
residents joined the 夕阳红 team this year to help its elders: they are the community's 80后
helpers, so the demo captain (who leads that team) has pairs to log visits for.
"""

from __future__ import annotations

import random
from datetime import timedelta

from ...store.rows import new_uid
from ..care import pairing
from ..session import Session
from . import DemoContext
from .names import NameMaker
from .people import volunteer_row
from .users import CAPTAIN_TEAM

DONE = ("陪老人聊天，帮忙收拾屋子", "代购药品和蔬菜", "陪同去社区卫生服务站量血压", "帮忙交水电费",
        "检查燃气和电器，换了灯泡", "教老人用手机视频通话")
HEALTH = ("精神不错，说话清楚", "腿脚不便，扶着能走", "血压偏高，按时吃药", "感冒刚好，有点咳嗽")
MOOD = ("心情好，爱聊天", "有点想念子女", "情绪平稳")
SAFETY = ("燃气、水电正常", "燃气阀门未关，已提醒并关好", "暖气正常，插线板老化已提醒更换")


YOUNG_HELPERS_PER_SCALE = 3      # 80后 members of the captain's team, living in 高立庄


def _young_helpers_join_the_captains_team(session: Session, ctx: DemoContext) -> None:
    db, maker = session.db, NameMaker(ctx.seed + 7)
    number = db.execute("SELECT count(*) FROM volunteers").fetchone()[0]
    rows = [volunteer_row(maker, ctx, number + i + 1, (1982, 1989), ("会用智能手机", "驾驶"),
                           "高立庄社区", "高立庄") for i in range(YOUNG_HELPERS_PER_SCALE * ctx.scale)]
    db.table("volunteers").insert_all(rows)
    ids = [r[0] for r in db.execute("SELECT id FROM volunteers ORDER BY id DESC LIMIT ?", [len(rows)])][::-1]
    team_id = ctx.team_ids[CAPTAIN_TEAM]
    db.table("team_members").insert_all([
        {"uid": new_uid(), "team_id": team_id, "volunteer_id": vid, "role": "队员",
         "joined_on": f"{ctx.today.year}-04-12"} for vid in ids])
    ctx.volunteer_ids[CAPTAIN_TEAM] = [*ctx.volunteer_ids[CAPTAIN_TEAM], *ids]


def build_pairs_and_visits(session: Session, ctx: DemoContext) -> None:
    _young_helpers_join_the_captains_team(session, ctx)
    r = random.Random(ctx.seed + 6)
    proposal = pairing.propose(session)
    ids = pairing.accept(session, proposal.result.pairs)
    # The pairs began a few months ago, on different days.
    for pairing_id in ids:
        started = ctx.today - timedelta(days=r.randint(60, 150))
        session.db.execute("UPDATE pairings SET started_on = ? WHERE id = ?",
                           [started.isoformat(), pairing_id])
    released = ids[-2:]
    reasons = ("帮手工作调动，搬离本社区", "老人已入住养老院")
    for pairing_id, reason in zip(released, reasons, strict=True):
        pairing.release(session, pairing_id, reason, do_not_repeat=False)
    for k, pairing_id in enumerate(ids[:-2]):
        row = session.row("pairings", pairing_id)
        resident = session.row("residents", row["resident_id"])
        every = pairing.cadence(session, resident)
        day = ctx.today.fromisoformat(row["started_on"]) + timedelta(days=r.randint(1, 4))
        # about one pair in four has fallen behind: its last visits stopped weeks ago
        stop = ctx.today - timedelta(days=r.randint(every + 3, every + 25) if k % 4 == 1 else 0)
        while day <= stop and day <= ctx.today:
            pairing.log_visit(session, pairing_id, {
                "visited_on": day.isoformat(), "start_time": f"{r.choice((9, 10, 14, 15))}:00",
                "minutes": r.choice((30, 45, 60, 60, 90)),
                "mode": r.choices(pairing.MODES, (8, 2, 1))[0],
                "done": r.choice(DONE), "health": r.choice(HEALTH), "mood": r.choice(MOOD),
                "safety": r.choice(SAFETY), "hygiene": "干净整洁", "living": "邻里关系融洽",
                "problem": "燃气灶打火不灵，已联系物业" if r.random() < 0.05 else ""})
            day += timedelta(days=max(every + r.randint(-2, 1), 3))
