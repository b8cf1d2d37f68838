"""The week view and the 任务与排班 page on a busy week: 200 and 2,000 shifts (1× and 10×).

Shifts are made through ``schedule.create_task`` (daily tasks with a morning and an evening
slot, 14 shifts a week each) for 10 teams, and about half of the places filled, so the week
query joins real assignments. Figures:

- ``week()``: the one query that loads the week;
- ``set``: laying the shifts out in the widget; ``paint``: ``grab()`` of a 1,100×620 view;
- page: the longest the GUI thread is blocked by one step of the page (opening it, going to
  the next week and back, a data change), each step being the reload plus the paint.

Each time is the median of several runs, with the ratio of 10× to 1× measured here, so the
growth shows whatever the PC. Aim: no step above 100 ms.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from datetime import date, timedelta
from datetime import time as clock
from pathlib import Path

SIZES = tuple(int(x) for x in os.environ.get("BENCH_WEEK_SHIFTS", "200,2000").split(","))
RUNS = int(os.environ.get("BENCH_WEEK_RUNS", "7"))
TODAY = date(2026, 11, 28)
MONDAY = date(2026, 11, 30)
TEAMS = 10
MEMBERS = 30


def _database(folder: Path, shifts: int):
    from volunteer_app.domain.scheduling import Recurrence, Slot
    from volunteer_app.services.people import teams
    from volunteer_app.services.scheduling import schedule, service_types
    from volunteer_app.services.session import BUILTIN_ADMIN, Session
    from volunteer_app.store.connection import open_database
    from volunteer_app.store.rows import new_uid, now_text

    db = open_database(folder / f"week_{shifts}.sqlite3")
    session = Session(db, BUILTIN_ADMIN, today=lambda: TODAY)
    type_id = service_types.list_all(session)[1]["id"]
    team_ids = [teams.create(session, f"基准服务队{n:02d}") for n in range(TEAMS)]
    stamp = now_text()
    with session.write("volunteers", "team_members"):
        for n, team_id in enumerate(team_ids):
            db.table("volunteers").insert_all([
                {"uid": new_uid(), "name": f"队员{n:02d}{i:02d}", "name_pinyin": f"dy{n:02d}{i:02d}",
                 "volunteer_no": f"B{n:02d}{i:03d}", "created_at": stamp, "updated_at": stamp}
                for i in range(MEMBERS)])
            ids = [r[0] for r in db.execute("SELECT id FROM volunteers ORDER BY id DESC LIMIT ?", [MEMBERS])]
            db.table("team_members").insert_all([{"uid": new_uid(), "team_id": team_id, "volunteer_id": v,
                                                  "joined_on": "2025-01-01"} for v in ids])
    two_slots = [Slot(clock(7), clock(9)), Slot(clock(18), clock(20))]
    made, n = 0, 0
    while made < shifts:
        team_id = team_ids[n % TEAMS]
        start = 6 + n % 13          # every third task at its own hour, so shifts overlap unevenly
        slots = two_slots if n % 3 else [Slot(clock(start), clock(start + 2))]
        days = min(7, -(-(shifts - made) // len(slots)))
        schedule.create_task(session, {"team_id": team_id, "service_type_id": type_id,
                                       "title": f"值守任务{n:03d}"},
                             Recurrence("daily"), slots, MONDAY, MONDAY + timedelta(days=days - 1), 1, 3)
        made += days * len(slots)
        n += 1
    # about half the shifts get someone, so the names and the fill colours vary
    with session.write("assignments"):
        rows = db.execute("SELECT s.id, t.team_id FROM shifts s JOIN tasks t ON t.id = s.task_id").fetchall()
        members = {}
        for team_id, volunteer_id in db.execute("SELECT team_id, volunteer_id FROM team_members"):
            members.setdefault(team_id, []).append(volunteer_id)
        db.table("assignments").insert_all([
            {"uid": new_uid(), "shift_id": sid, "volunteer_id": members[team_id][(sid * 7 + k) % MEMBERS],
             "state": "已安排", "created_at": stamp}
            for sid, team_id in rows if sid % 2 for k in range(1 + sid % 3)])
    return session


def _median_ms(fn, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _widget_figures(session):
    from volunteer_app.services.scheduling import schedule
    from volunteer_app.ui.widgets.week_view import WeekView

    shifts = schedule.week(session, MONDAY)
    view = WeekView()
    view.resize(1100, 620)
    query = _median_ms(lambda: schedule.week(session, MONDAY))
    laid = _median_ms(lambda: view.set_shifts(shifts, MONDAY, TODAY))
    painted = _median_ms(lambda: view.grab())
    view.deleteLater()
    return len(shifts), query, laid, painted


def _page_worst(session, app) -> tuple[float, str]:
    """The longest single step of the page on the GUI thread (reload + paint)."""
    from volunteer_app.ui.pages.schedule import SchedulePage
    from volunteer_app.ui.signals import DataSignals

    signals = DataSignals(session)
    steps: list[tuple[float, str]] = []

    def step(name: str, action) -> None:
        # the action, then the paint it causes (repaint paints now, as the event loop would)
        started = time.perf_counter()
        action()
        page.repaint()
        app.processEvents()
        steps.append(((time.perf_counter() - started) * 1000, name))

    holder = {}

    def open_page():
        holder["page"] = SchedulePage(session, signals)
        holder["page"].resize(1200, 760)
        holder["page"].go_to(MONDAY)

    started = time.perf_counter()
    open_page()
    page = holder["page"]
    page.show()
    page.repaint()
    app.processEvents()
    steps.append(((time.perf_counter() - started) * 1000, "打开页面"))
    for _ in range(3):
        step("下一周", page.next_week.click)
        step("上一周", page.previous_week.click)
        step("数据变化后刷新", lambda: page._on_data_changed(frozenset({"assignments"})))
        step("切到列表", page.show_list.click)
        step("切回周视图", page.show_week.click)
    page.close()
    page.deleteLater()
    signals.detach()
    return max(steps)


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from volunteer_app.ui.look import apply_look

    app = QApplication.instance() or QApplication([])
    apply_look(app)
    print("周视图（1100×620，一周的班次，10支队伍）")
    print(f"{'班次':>6} {'查询 ms':>8} {'布局 ms':>8} {'绘制 ms':>8} {'合计 ms':>8} {'相对1×':>7} "
          f"{'页面最长阻塞 ms':>14}  (哪一步)")
    base = None
    with tempfile.TemporaryDirectory() as tmp:
        for size in SIZES:
            session = _database(Path(tmp), size)
            count, query, laid, painted = _widget_figures(session)
            total = query + laid + painted
            base = base or total
            worst, step = _page_worst(session, app)
            print(f"{count:>6} {query:>8.1f} {laid:>8.1f} {painted:>8.1f} {total:>8.1f} "
                  f"{total / base:>6.1f}× {worst:>14.1f}  ({step})", flush=True)
            session.db.close()
    print("目标：页面任何一步阻塞不超过 100 ms。")
