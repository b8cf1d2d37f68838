"""Filling the gaps of one week, and reading a week of shifts, as the team and the week grow.

A synthetic team (random availability, weekly caps, ages, health limits, rota groups A–D)
and a week of synthetic shifts (06:00–22:00, one to three hours, 1–3 people, one in five
heavy) are inserted as rows into a real database; ``services.scheduling.assigning.propose_fill`` (load
and algorithm) and ``apply_fill`` (every proposal re-checked and written with its audit
entry) are timed at 30 volunteers / 50 shifts (1×), 2×, 10× and 600 / 1,000 (20×).
Times are the best of a few runs. ``week()`` is timed from 200 to 2,000 shifts (and 5,000), the figure the week view draws from.
"""

from __future__ import annotations

import random
import tempfile
from datetime import date, timedelta
from pathlib import Path

from bench._timing import timed
from volunteer_app.domain.availability import PARTS
from volunteer_app.services.scheduling import assigning, schedule
from volunteer_app.services.session import Session
from volunteer_app.store.connection import open_database
from volunteer_app.store.rows import new_uid, now_text

TODAY = date(2026, 11, 28)
MONDAY = date(2026, 11, 30)


def build(path: Path, volunteers: int, shifts: int, teams: int = 1, seed: int = 1) -> tuple[Session, list[int]]:
    db = open_database(path)
    session = Session(db, today=lambda: TODAY)
    r, stamp = random.Random(seed), now_text()
    types = {row[0]: row[1] for row in db.execute("SELECT intensity, id FROM service_types")}
    with session.write("teams", "volunteers", "team_members", "tasks", "shifts"):
        team_ids = [db.table("teams").insert({"uid": new_uid(), "name": f"队{n}", "created_at": stamp}).last_pk
                    for n in range(teams)]
        db.table("volunteers").insert_all(({
            "uid": new_uid(), "name": f"队员{i}", "birth_date": f"{r.randint(1950, 2005)}-06-01",
            "availability": ",".join(f"{d}{p}" for d in range(1, 8) for p in PARTS if r.random() < 0.5),
            "weekly_hours_cap": r.choice((4, 6, 8, 8, 12)), "health_limit": int(r.random() < 0.1),
            "created_at": stamp, "updated_at": stamp} for i in range(volunteers * teams)), batch_size=1000)
        db.table("team_members").insert_all(({
            "uid": new_uid(), "team_id": team_ids[(vid - 1) % teams], "volunteer_id": vid,
            "rota_group": "ABCD"[vid % 4]} for vid in range(1, volunteers * teams + 1)), batch_size=1000)
        for team_id in team_ids:
            task_ids = [db.table("tasks").insert({
                "uid": new_uid(), "team_id": team_id, "service_type_id": types[intensity],
                "title": f"任务{n}", "created_at": stamp}).last_pk for n, intensity in enumerate("轻轻轻轻重")]
            db.table("shifts").insert_all((_shift(r, task_ids) for _ in range(shifts)), batch_size=1000)
    return session, team_ids


def _shift(r: random.Random, task_ids: list[int]) -> dict:
    start = r.randint(6, 19)
    lo = r.randint(1, 3)
    return {"uid": new_uid(), "task_id": r.choice(task_ids),
            "date": (MONDAY + timedelta(days=r.randrange(7))).isoformat(),
            "start_time": f"{start:02d}:{r.choice(('00', '30'))}",
            "end_time": f"{min(start + r.randint(1, 3), 22):02d}:00", "min_people": lo,
            "max_people": lo + r.randint(0, 2), "rota_group": r.choice(("", "", "A", "B", "C", "D"))}


def fill_bench(folder: Path) -> float:
    """Prints the table; returns the proposal time at 600 volunteers / 1,000 shifts."""
    print("规模（队员/班次）  补位建议 秒   时间比   建议人次  缺人班次   应用 秒")
    base = None
    for factor in (1, 2, 10, 20):
        n_v, n_s = 30 * factor, 50 * factor
        session, (team_id,) = build(folder / f"fill{factor}.sqlite3", n_v, n_s)
        proposals, t_propose = timed(lambda s=session, t=team_id: assigning.propose_fill(s, t, MONDAY), repeat=3)
        short = sum(1 for v in schedule.week(session, MONDAY, team_id) if v.fill == "缺人")
        applied, t_apply = timed(lambda s=session, p=proposals: assigning.apply_fill(s, p))
        assert applied == len(proposals)
        base = base or t_propose
        print(f"{n_v:>6}/{n_s:<6}       {t_propose:8.3f}   {t_propose / base:6.1f}x   {len(proposals):7}"
              f"   {short:7}   {t_apply:7.3f}", flush=True)
        session.db.close()
    print(f"一键补缺 600/1000: {t_propose:.3f} 秒（目标 ≤ 0.3 秒，随规模接近线性增长）")
    return t_propose


def week_bench(folder: Path) -> None:
    print("本周班次数   week() 毫秒   时间比")
    base = None
    for shifts in (200, 1000, 2000, 5000):
        session, team_ids = build(folder / f"week{shifts}.sqlite3", 20, shifts // 10, teams=10)
        _, t_cold = timed(lambda s=session: schedule.week(s, MONDAY))
        views, t_week = timed(lambda s=session: schedule.week(s, MONDAY), repeat=5)
        assert len(views) == shifts
        base = base or t_week
        print(f"{shifts:>8}     {t_week * 1000:9.1f}   {t_week / base:6.1f}x   （首次 {t_cold * 1000:.1f} 毫秒）",
              flush=True)
        session.db.close()


def main() -> dict[str, float]:
    """Figures: ``fill_s``, the proposals for 600 volunteers / 1,000 shifts."""
    with tempfile.TemporaryDirectory() as folder:
        fill_s = fill_bench(Path(folder))
        week_bench(Path(folder))
    return {"fill_s": round(fill_s, 3)}


if __name__ == "__main__":
    main()
