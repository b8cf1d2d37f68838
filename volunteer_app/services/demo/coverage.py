"""Demo step: the committee's workers take on (包户) the high- and priority-tier residents the
helpers could not, and visit them, mostly by phone; a few of them have fallen behind, and a
few residents are still covered by nobody, so the 工作台 shows a real 未覆盖 figure.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from ..care import coverage, pairing, visit_list
from ..session import Session
from . import DemoContext

UNCOVERED_PER_SCALE = 6          # left without helper or 包户人, for the 未覆盖 list
PER_WORKER = 40                  # residents one community worker takes on at most
VISITED = 60                     # staff-covered residents given a history of visits
DONE = ("电话问候，了解近况", "上门看望，检查燃气和取暖", "电话提醒按时吃药", "上门送米面油",
        "视频通话，老人精神不错")


def build_staff_coverage(session: Session, ctx: DemoContext) -> None:
    r = random.Random(ctx.seed + 11)
    condition, params = coverage.uncovered_sql(session, "r")
    waiting = [row[0] for row in session.db.execute(
        f"SELECT r.id FROM residents r WHERE r.archived_at IS NULL AND {condition} ORDER BY r.id", params)]
    r.shuffle(waiting)
    keep = UNCOVERED_PER_SCALE * ctx.scale
    taken = waiting[keep:keep + PER_WORKER * len(ctx.staff_ids)]
    # those who agreed to visits first: only they get a history of visits
    agreed = {row[0] for row in session.db.execute("SELECT id FROM residents WHERE consent_visit = 1")}
    taken.sort(key=lambda resident_id: resident_id not in agreed)
    workers = ctx.staff_ids
    for n, worker in enumerate(workers):
        coverage.assign(session, taken[n::len(workers)], worker)
    # A few dozen were taken on months ago and have a history of visits; the rest only this
    # week (none due yet), so a large demo (the benchmarks') stays quick to build.
    starts = [(ctx.today - timedelta(days=r.randint(20, 75) if k < VISITED else r.randint(0, 5)),
               resident_id) for k, resident_id in enumerate(taken)]
    session.db.conn.executemany("UPDATE residents SET responsible_since = ? WHERE id = ?",
                                [(since.isoformat(), resident_id) for since, resident_id in starts])
    for k, (since, resident_id) in enumerate(starts[:VISITED]):
        _visits(session, r, resident_id, since, ctx.today, late=k % 10 == 3)


def _visits(session: Session, r: random.Random, resident_id: int, since: date, today: date,
            late: bool) -> None:
    """Visits on the resident's cadence since ``since``; a late one's stopped a while ago."""
    every = pairing.cadence(session, session.row("residents", resident_id))
    stop = today - timedelta(days=r.randint(every + 2, every + 20)) if late else today
    day = since + timedelta(days=r.randint(1, 3))
    while day <= stop:
        mode = r.choices(("电话", "上门", "视频"), (6, 3, 1))[0]
        visit_list.log_staff_visit(session, resident_id, {
            "visited_on": day.isoformat(), "start_time": f"{r.choice((9, 10, 15, 16))}:30",
            "minutes": 15 if mode == "电话" else r.choice((30, 45)), "mode": mode,
            "done": r.choice(DONE), "health": "身体还行", "mood": "情绪平稳",
            "safety": "燃气、水电正常" if mode == "上门" else ""})
        day += timedelta(days=max(every + r.randint(-3, 0), 2))
