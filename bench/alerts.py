"""极端天气 at scale: a 暴雪红色预警 over every community of the demo database, at scale 1, 2
and 10 (the growth; ``BENCH_ALERTS_SCALE``, default 10, is the headline), acting as the demo's
community worker (刘晓梅, staff), on a copy of the cached demo file (bench/residents_filter.py's
``cached_database``: built once by ``main.py demo --scale N`` and kept in the temp folder).

- build: ``start()`` as 发布预警 calls it: the roll-call with who calls whom in one transaction,
  then the 铲冰 duty shifts and their 一键补缺. Aim: under 1 s.
- refresh: ``board()`` right after one attempt was logged (an attempt, then the board, 20
  times; the median). Aim: under 50 ms.
- block: the real 极端天气 page in the main window while ``BENCH_ALERTS_CLICKS`` (1,000, or
  the roll-call's size when it is smaller: a worker stops when everyone is reached)
  attempts are logged with its one-click buttons (1 平安, and 3 未接通 every tenth click), each
  click waiting until the page has refreshed (board, lists and roll-call from the background
  runner), as a worker on the phone would. A 5 ms heartbeat on the GUI thread
  (bench/print_block.py) keeps the longest gap: how long the window froze. Aim: no block
  over 100 ms. The idle event loop's longest gap is printed beside it (the machine's floor).

main() returns {"build_s", "refresh_ms", "longest_block_ms"} at the headline scale.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench._timing import timed

SCALE = int(os.environ.get("BENCH_ALERTS_SCALE", "10"))
CLICKS = int(os.environ.get("BENCH_ALERTS_CLICKS", "1000"))
REFRESHES = 20
AIMS = {"build_s": 1.0, "refresh_ms": 50.0, "longest_block_ms": 100.0}
TIMEOUT_S = 60.0


def sizes() -> list[int]:
    return sorted({s for s in (1, 2, 10) if s <= SCALE} | {SCALE})


def _staff_session(db_path: Path) -> Any:
    from volunteer_app.services.permissions import Role
    from volunteer_app.services.session import Actor, Session
    from volunteer_app.store.connection import open_database

    db = open_database(db_path)
    user_id, name = db.execute("SELECT id, name FROM users WHERE login = 'staff'").fetchone()
    return Session(db, Actor(user_id, name, Role.STAFF))


def _build_and_refresh(session: Any) -> tuple[int, int, float, list[float]]:
    """start() once (alert id, roll size, seconds), then the board after each of 20 attempts."""
    from volunteer_app.domain.weather import AlertLevel, AlertType
    from volunteer_app.services.alerts import attempts, board, start

    start.preview(session, AlertType.SNOW)      # the modules loaded, as in a window already open
    outcome, build_s = timed(start.start, session, start.StartRequest(AlertType.SNOW, AlertLevel.RED))
    roll_ids = [r[0] for r in session.db.execute(
        "SELECT id FROM alert_roll WHERE alert_id = ? ORDER BY position DESC LIMIT ?",
        [outcome.alert_id, REFRESHES])]
    refresh = []
    for roll_id in roll_ids:
        attempts.log_attempt(session, roll_id, "平安")
        _figures, seconds = timed(board.board, session, outcome.alert_id)
        refresh.append(seconds * 1000)
    return outcome.alert_id, outcome.roll_count, build_s, refresh


# -- the page while attempts are logged ----------------------------------------------------------

async def _settle(page: Any) -> None:
    from bench.pages import _filling

    started = time.perf_counter()
    await asyncio.sleep(0.01)             # the change notice reaches the page, which asks again
    while _filling(page):
        if time.perf_counter() - started > TIMEOUT_S:
            raise RuntimeError(f"the 极端天气 page still loading after {TIMEOUT_S:.0f} s")
        await asyncio.sleep(0.005)


async def _clicking(session: Any) -> tuple[float, float, float]:
    """(idle floor ms, longest block ms, seconds for all the clicks) on the real page."""
    from bench.print_block import Heartbeat
    from volunteer_app.ui.main_window import MainWindow

    with Heartbeat() as idle:
        await asyncio.sleep(0.5)
    window = MainWindow(session)
    window.resize(1366, 768)
    window.show()
    page = window.show_page("alerts")
    await _settle(page)
    roll = page.roll
    if not roll.rows or not roll.safe_button.isVisible():
        raise RuntimeError("the 极端天气 page shows no open warning to log")
    roll.select_next(-1)
    started = time.perf_counter()
    with Heartbeat() as beat:
        for click in range(min(CLICKS, len(roll.rows))):
            button = roll.no_answer_button if click % 10 == 3 else roll.safe_button
            button.click()
            await _settle(page)
    seconds = time.perf_counter() - started
    window.close()
    return idle.worst * 1000, beat.worst * 1000, seconds


def _event_loop() -> Any:
    """One qasync loop on the bench's QApplication for every size (bench/print_block.py)."""
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    loop = qasync.QEventLoop(app, already_running=False)
    asyncio.set_event_loop(loop)
    return loop


# -- one size, and the run ---------------------------------------------------------------------

def measure(scale: int, folder: Path, loop: Any) -> dict[str, Any]:
    from bench.residents_filter import cached_database
    from volunteer_app.ui import runner

    path = folder / f"alerts-scale{scale}.sqlite3"
    shutil.copy(cached_database(scale), path)
    session = _staff_session(path)
    try:
        alert_id, roll, build_s, refresh = _build_and_refresh(session)
        logged_before = session.db.execute("SELECT count(*) FROM alert_attempts WHERE alert_id = ?",
                                           [alert_id]).fetchone()[0]
        floor, block, click_s = loop.run_until_complete(_clicking(session))
        runner.wait_all()
        logged = session.db.execute("SELECT count(*) FROM alert_attempts WHERE alert_id = ?",
                                    [alert_id]).fetchone()[0] - logged_before
    finally:
        session.db.close()
    return {"roll": roll, "build_s": build_s, "refresh_ms": statistics.median(refresh),
            "refresh_worst_ms": max(refresh), "longest_block_ms": block, "floor_ms": floor,
            "logged": logged, "click_s": click_s}


def _row(scale: int, f: dict[str, Any]) -> str:
    return (f"{scale:>4}× {f['roll']:>7,} {f['build_s']:>9.2f} {f['refresh_ms']:>10.1f} "
            f"{f['refresh_worst_ms']:>9.1f} {f['longest_block_ms']:>10.1f} {f['floor_ms']:>7.1f} "
            f"{f['logged']:>7,} {f['click_s']:>8.1f}")


def main() -> dict[str, Any]:
    results: dict[int, dict[str, Any]] = {}
    loop = _event_loop()
    with tempfile.TemporaryDirectory() as tmp:
        for scale in sizes():
            results[scale] = measure(scale, Path(tmp), loop)
    print(f"{'规模':>5} {'点名人数':>7} {'发布 s':>9} {'看板 ms':>10} {'看板最慢':>9} "
          f"{'最长卡顿 ms':>10} {'空闲 ms':>7} {'登记次数':>7} {'用时 s':>8}")
    for scale, figures in results.items():
        print(_row(scale, figures))
    base = results[sizes()[0]]
    print("growth against 1×: " + "; ".join(
        f"{scale}× build {f['build_s'] / base['build_s']:.1f}, refresh {f['refresh_ms'] / base['refresh_ms']:.1f}, "
        f"block {f['longest_block_ms'] / base['longest_block_ms']:.1f}" for scale, f in results.items()))
    head = results[SCALE]
    figures = {"build_s": round(head["build_s"], 3), "refresh_ms": round(head["refresh_ms"], 1),
               "longest_block_ms": round(head["longest_block_ms"], 1)}
    print(f"scale {SCALE}: " + ", ".join(
        f"{key} {value} ({'ok' if value < AIMS[key] else 'over'} the aim of {AIMS[key]:g})"
        for key, value in figures.items()))
    return figures


if __name__ == "__main__":
    main()
