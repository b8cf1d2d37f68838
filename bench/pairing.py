"""80后帮90后 matching: the optimal match beside a greedy pass, and how time grows with size.

Synthetic residents and helpers are inserted as rows into a real database shaped like the
demo (its four communities and six places) and loaded through ``services.care.pairing.load``,
the same path the page and the command line use. Each figure is the whole path: load,
score, solve, reasons. Times are medians of interleaved runs outside ``tracemalloc`` (it
slows Python loops far more than numpy); the memory peak of the optimal match comes from
a separate run. The dense solve (a column per helper place, as before domain/assignment.py)
is shown beside it once per size: the same optimum, and what the proof saves.

``main()`` returns the figures at 5,000 residents × 2,000 helpers: ``optimal_s``,
``greedy_s``, ``widen_s`` (the optimal match across communities), ``optimal_score``,
``greedy_score``. Growth: 1×, 2× and 10× of 500 × 200 (10× is the headline size).
"""

from __future__ import annotations

import json
import random
import statistics
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

from bench._timing import timed
from volunteer_app.domain import assignment, matching
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


REPEAT = 3
SIZES = (1, 2, 10)          # × 500 residents / 200 helpers


def _peak_mb(fn) -> float:
    """The peak memory traced while ``fn`` runs (time is measured in other runs)."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def whole_match(session: Session, matcher, widen: bool = False) -> matching.MatchResult:
    helpers, seniors, _, _ = pairing.load(session)
    return matcher(helpers, seniors, pairing.weights(session), widen=widen,
                   forbidden=pairing.forbidden_pairs(session))


def _dense_match(helpers, seniors, w, **options) -> matching.MatchResult:
    """The optimal match solved the dense way, as before the proof (the reference)."""
    solve = assignment.best_assignment
    assignment.best_assignment = assignment.dense_assignment
    try:
        return matching.optimal_match(helpers, seniors, w, **options)
    finally:
        assignment.best_assignment = solve


def _figures(session: Session) -> dict:
    runs = {"optimal": lambda: whole_match(session, matching.optimal_match),
            "greedy": lambda: whole_match(session, matching.greedy_match),
            "widen": lambda: whole_match(session, matching.optimal_match, widen=True)}
    times: dict[str, list[float]] = {name: [] for name in runs}
    cpu: dict[str, list[float]] = {name: [] for name in runs}
    results = {}
    for _ in range(REPEAT):                 # interleaved, so load changes hit all alike
        for name, run in runs.items():
            started = time.process_time()
            results[name], elapsed = timed(run)
            times[name].append(elapsed)
            cpu[name].append(time.process_time() - started)
    dense, dense_s = timed(lambda: whole_match(session, _dense_match))
    key = lambda m: (m.stranded_matched, m.total_score, len(m.pairs))  # noqa: E731
    if key(dense) != key(results["optimal"]):
        raise AssertionError(f"最优匹配与稠密解不同：{key(results['optimal'])} ≠ {key(dense)}")
    return {**{f"{name}_s": statistics.median(t) for name, t in times.items()},
            **{f"{name}_cpu": statistics.median(t) for name, t in cpu.items()},
            "dense_s": dense_s, "results": results,
            "peak_mb": _peak_mb(lambda: whole_match(session, matching.optimal_match))}


def main() -> dict:
    headline: dict = {}
    with tempfile.TemporaryDirectory() as folder:
        print(f"时间为{REPEAT}次交替运行的中位数（不在tracemalloc下）；峰值内存另跑一次；"
              "稠密解 = 以前的解法（每个名额一列），总分须与最优匹配相同")
        print("（括号里是本进程的CPU秒：机器忙时墙钟时间偏长，CPU时间更接近空闲机器上的时间）")
        print("规模（老人/帮手）  最优 秒(CPU)  跨社区 秒(CPU)  贪心 秒(CPU)  稠密解 秒  峰值MB"
              "   最优总分/悬空   贪心总分/悬空   跨社区总分/悬空")
        base = None
        for factor in SIZES:
            n_s, n_h = 500 * factor, 200 * factor
            session = build(Path(folder) / f"bench{factor}.sqlite3", n_s, n_h)
            f = _figures(session)
            best, greedy, wide = (f["results"][k] for k in ("optimal", "greedy", "widen"))
            base = base or f["optimal_s"]
            print(f"{n_s:>6}/{n_h:<6}   {f['optimal_s']:5.2f}({f['optimal_cpu']:4.2f})"
                  f"   {f['widen_s']:5.2f}({f['widen_cpu']:4.2f})   {f['greedy_s']:5.2f}({f['greedy_cpu']:4.2f})"
                  f"  {f['dense_s']:8.2f}  {f['peak_mb']:6.0f}"
                  f"   {best.total_score:9.0f}/{best.stranded_matched:<5}"
                  f" {greedy.total_score:9.0f}/{greedy.stranded_matched:<5}"
                  f" {wide.total_score:9.0f}/{wide.stranded_matched:<5}"
                  f"  （最优匹配时间为1×的{f['optimal_s'] / base:.1f}倍）", flush=True)
            session.db.close()
            headline = {"optimal_s": round(f["optimal_s"], 3), "greedy_s": round(f["greedy_s"], 3),
                        "widen_s": round(f["widen_s"], 3), "optimal_score": best.total_score,
                        "greedy_score": greedy.total_score}
    return headline
