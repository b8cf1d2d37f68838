"""80后帮90后 matching: the optimal match beside a greedy pass, and how time grows with size.

Synthetic residents and helpers are inserted as rows into a real database shaped like the
demo (its four communities and six places) and loaded through ``services.care.pairing.load``,
the same path the page and the command line use.
"""

from __future__ import annotations

import json
import random
import tempfile
import tracemalloc
from datetime import date
from pathlib import Path

from bench._timing import timed
from volunteer_app.domain import matching
from volunteer_app.domain.availability import PARTS
from volunteer_app.services import demo
from volunteer_app.services.care import pairing
from volunteer_app.services.demo import people
from volunteer_app.services.session import Session
from volunteer_app.store.connection import open_database
from volunteer_app.store.rows import new_uid, now_text

TODAY = date(2026, 11, 28)


def _slots(r: random.Random, share: float) -> str:
    return ",".join(f"{d}{p}" for d in range(1, 8) for p in PARTS if r.random() < share)


def build(path: Path, seniors: int, helpers: int, seed: int = 1) -> Session:
    db = open_database(path)
    session = Session(db, today=lambda: TODAY)
    ctx = demo.DemoContext(scale=1, today=TODAY)
    with session.write("communities", "places"):
        people.build_places(session, ctx)
    r, stamp = random.Random(seed), now_text()
    places = [(ctx.place_ids[p[0]], ctx.community_ids[p[2]]) for p in people.PLACES]
    with session.write("residents", "volunteers"):
        db.table("residents").insert_all(({
            "uid": new_uid(), "name": f"老人{i}", "gender": r.choice("男女"),
            "birth_date": f"{r.randint(1927, 1935)}-0{r.randint(1, 9)}-1{r.randint(0, 9)}",
            "community_id": c, "place_id": p, "building": f"{r.randint(1, 12)}号楼",
            "floor": r.randint(1, 6), "has_lift": 0, "cannot_use_stairs": int(r.random() < 0.2),
            "lives_alone": int(r.random() < 0.3), "family_nearby": int(r.random() < 0.7),
            "needs": json.dumps([n for n in people.NEEDS if r.random() < 0.35], ensure_ascii=False),
            "preferred_visit_times": _slots(r, 0.4),
            "gender_preference": r.choice([None] * 6 + ["男", "女"]), "consent_visit": 1,
            "consent_date": "2026-03-01", "created_at": stamp, "updated_at": stamp}
            for i in range(seniors) for p, c in [r.choice(places)]), batch_size=1000)
        db.table("volunteers").insert_all(({
            "uid": new_uid(), "name": f"帮手{i}", "gender": r.choice("男女"),
            "birth_date": f"{r.randint(1980, 1989)}-05-01", "community_id": c, "place_id": p,
            "building": f"{r.randint(1, 12)}号楼",
            "skills": json.dumps([s for s in ("驾驶", "医护", "心理疏导") if r.random() < 0.3],
                                 ensure_ascii=False),
            "availability": _slots(r, 0.3), "health_limit": int(r.random() < 0.15),
            "is_staff": int(r.random() < 0.2), "helper_capacity": r.choice((1, 2, 2, 3)),
            "created_at": stamp, "updated_at": stamp}
            for i in range(helpers) for p, c in [r.choice(places)]), batch_size=1000)
    return session


def _timed_with_peak(fn):
    """:func:`timed`, and the peak memory traced meanwhile (the optimal match's matrix)."""
    tracemalloc.start()
    try:
        value, elapsed = timed(fn)
        return value, elapsed, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def whole_match(session: Session, matcher) -> matching.MatchResult:
    helpers, seniors, _, _ = pairing.load(session)
    return matcher(helpers, seniors, pairing.weights(session),
                   forbidden=pairing.forbidden_pairs(session))


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        print("规模（老人/帮手）   最优匹配 秒   峰值内存MB   贪心 秒   时间比   最优总分/悬空   贪心总分/悬空")
        base = None
        for factor in (1, 2, 5, 10):
            n_s, n_h = 500 * factor, 200 * factor
            session = build(Path(folder) / f"bench{factor}.sqlite3", n_s, n_h)
            best, t_best, peak = _timed_with_peak(lambda s=session: whole_match(s, matching.optimal_match))
            greedy, t_greedy = timed(lambda s=session: whole_match(s, matching.greedy_match))
            base = base or t_best
            print(f"{n_s:>6}/{n_h:<6}       {t_best:8.2f}   {peak / 2**20:10.0f}   {t_greedy:7.2f}"
                  f"   {t_best / t_greedy:6.1f}x   {best.total_score:9.0f}/{best.stranded_matched:<5}"
                  f"   {greedy.total_score:9.0f}/{greedy.stranded_matched:<5}"
                  f"   （时间为1×的{t_best / base:.1f}倍）", flush=True)
            session.db.close()


if __name__ == "__main__":
    main()
