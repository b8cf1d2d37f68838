"""Opening each page of the main window on a street-sized file: the longest GUI block.

The real main window (offscreen, as the built-in administrator, who sees every page) on the
demo database at scale 100 (100,000 residents, ~325,000 service records). A 5 ms timer ticks
on the GUI thread (bench/print_block.py's Heartbeat); the bench switches to each page in
turn, as a click on the navigation list does, waits until the page has filled (no ``loading``
flag left on the page or its models, no job of the runner still running), and keeps the
longest gap between ticks: how long the window froze while the page opened. 工作台 is the
page the window opens on, so its figure is the window's construction and first paint.
Then each further tab of a tabbed page is opened the same way (rows marked ›).

The floor is an idle event loop: the longest gap of the same heartbeat while nothing runs,
measured in the same process before each round (on an idle machine it is the timer's 5 ms;
a busy machine shows it here first).

Each round is a fresh process (the first opening of a page imports its module, as in the app,
from bytecode cached by a warm-up round, as on a PC where the app has run once: see
bench/startup.py); ``ROUNDS`` rounds per size, the figure per page is their median. Sizes: scale 1, 10 and 100
(growth); ``BENCH_PAGES_SCALE`` picks a smaller headline scale. The databases are built once
and kept in the temp folder (bench/residents_filter.py's ``cached_database``).

Headline figure (``--json``): ``page_block_ms``, the worst page (tabs included) at the headline
scale.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCALE = int(os.environ.get("BENCH_PAGES_SCALE", "100"))
ROUNDS = int(os.environ.get("BENCH_PAGES_ROUNDS", "3"))
AIM_MS = 100
SETTLE_S = 0.25          # after the page has filled: its repaint and any late queued work
IDLE_S = 0.5             # the floor: how long the idle heartbeat is watched
TIMEOUT_S = 60.0
TAB = " › "


def sizes() -> list[int]:
    return sorted({s for s in (1, 10, 100) if s <= SCALE} | {SCALE})


# -- in the child process: one round on one database ---------------------------------------

def _filling(page: Any) -> bool:
    """True while the page, or a model or panel on it, waits for rows, or a runner job runs."""
    from PySide6.QtCore import QObject

    from volunteer_app.ui import runner

    if runner._running:                 # noqa: SLF001 (the bench watches the runner's jobs)
        return True
    return any(getattr(obj, "loading", False) for obj in (page, *page.findChildren(QObject)))


async def _measure(open_it: Any, page_of: Any) -> tuple[float, float]:
    """Longest heartbeat gap (ms) from ``open_it()`` until its page has filled and settled,
    and how long the filling took (ms)."""
    from bench.print_block import Heartbeat

    await asyncio.sleep(0.05)
    with Heartbeat() as beat:
        started = time.perf_counter()
        opened = open_it()
        page = page_of(opened)
        while _filling(page):
            if time.perf_counter() - started > TIMEOUT_S:
                raise RuntimeError(f"{page.objectName()} still loading after {TIMEOUT_S:.0f} s")
            await asyncio.sleep(0.005)
        filled = time.perf_counter() - started
        await asyncio.sleep(SETTLE_S)
    return beat.worst * 1000, filled * 1000


async def _idle_floor() -> float:
    from bench.print_block import Heartbeat

    with Heartbeat() as beat:
        await asyncio.sleep(IDLE_S)
    return beat.worst * 1000


async def _round(db: Path) -> dict[str, Any]:
    from PySide6.QtWidgets import QTabWidget

    from volunteer_app.services.session import Session
    from volunteer_app.store.connection import open_database
    from volunteer_app.ui.main_window import MainWindow

    session = Session(open_database(db))
    floor = await _idle_floor()
    rows: dict[str, tuple[float, float]] = {}
    holder: dict[str, Any] = {}

    def open_window() -> Any:
        window = MainWindow(session)
        window.resize(1280, 720)
        window.show()
        holder["window"] = window
        return window

    rows["dashboard"] = await _measure(open_window, lambda w: w.page("dashboard"))
    window = holder["window"]
    for key in window.page_keys[1:]:
        rows[key] = await _measure(lambda k=key: window.show_page(k), lambda page: page)
    for key in window.page_keys:
        page = window.page(key)
        for tabs in page.findChildren(QTabWidget):
            start = tabs.currentIndex()
            for index in range(tabs.count()):
                if index != start:
                    label = f"{key}{TAB}{tabs.tabText(index)}"
                    rows[label] = await _measure(lambda t=tabs, i=index: t.setCurrentIndex(i),
                                                 lambda _x, p=page: p)
    window.close()
    return {"floor": floor, "rows": rows}


def child(db: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync
    from PySide6.QtWidgets import QApplication

    from volunteer_app.ui import runner
    from volunteer_app.ui.gui_gc import collect_on_gui_thread
    from volunteer_app.ui.look import apply_look

    app = QApplication.instance() or QApplication([])
    collect_on_gui_thread(app)      # cycles collected on the GUI thread, as the app does (ui/app.py)
    apply_look(app)
    loop = qasync.QEventLoop(app, already_running=False)
    asyncio.set_event_loop(loop)
    result = loop.run_until_complete(_round(db))
    runner.wait_all()
    print(json.dumps(result, ensure_ascii=False), flush=True)
    os._exit(0)     # the window's threads and connections go with the process


# -- in the bench process ------------------------------------------------------------------

def _one_round(db: Path, pycache: Path) -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "PYTHONPYCACHEPREFIX": str(pycache)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out = subprocess.run([sys.executable, "-m", "bench.pages", "--child", str(db)], cwd=ROOT,
                         capture_output=True, text=True, timeout=900, env=env)
    lines = out.stdout.strip().splitlines()
    if out.returncode != 0 or not lines:
        raise RuntimeError(f"pages round failed (exit {out.returncode}): {out.stderr.strip()[-800:]}")
    return json.loads(lines[-1])


def _titles() -> dict[str, str]:
    from volunteer_app.ui.pages import PAGES

    return {spec.key: spec.title for spec in PAGES}


def _label(key: str, titles: dict[str, str]) -> str:
    page, _, tab = key.partition(TAB)
    return titles.get(page, page) + (TAB + tab if tab else "")


def measure(scale: int, folder: Path) -> dict[str, Any]:
    """Median per page over ``ROUNDS`` fresh processes on a copy of the scale's database."""
    from bench.residents_filter import cached_database

    db = folder / f"pages-scale{scale}.sqlite3"
    shutil.copy(cached_database(scale), db)
    pycache = folder / "pycache"
    if not pycache.exists():
        _one_round(db, pycache)        # warm-up: writes the bytecode cache, not counted
    rounds = [_one_round(db, pycache) for _ in range(ROUNDS)]
    keys = list(rounds[0]["rows"])
    gaps = {k: statistics.median(r["rows"][k][0] for r in rounds) for k in keys}
    fills = {k: statistics.median(r["rows"][k][1] for r in rounds) for k in keys}
    floor = statistics.median(r["floor"] for r in rounds)
    return {"gaps": gaps, "fills": fills, "floor": floor}


def _table(scale: int, figures: dict[str, Any], titles: dict[str, str]) -> None:
    print(f"\nscale {scale} (median of {ROUNDS} rounds; idle event loop's longest gap "
          f"{figures['floor']:.0f} ms)")
    print(f"{'页面':<22} {'最长卡顿':>9} {'填满用时':>9}")
    for key, gap in figures["gaps"].items():
        mark = "" if gap <= AIM_MS else "  > aim"
        print(f"{_label(key, titles):<22} {gap:>6.0f} ms {figures['fills'][key]:>6.0f} ms{mark}")


def main() -> dict[str, float]:
    titles = _titles()
    results: dict[int, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for scale in sizes():
            results[scale] = measure(scale, Path(tmp))
            _table(scale, results[scale], titles)
    keys = list(results[SCALE]["gaps"])
    print("\ngrowth: longest GUI block per page (ms) by scale")
    print(f"{'页面':<22}" + "".join(f"{'×' + str(s):>9}" for s in results))
    for key in keys:
        cells = "".join(f"{results[s]['gaps'].get(key, float('nan')):>9.0f}" for s in results)
        print(f"{_label(key, titles):<22}{cells}")
    worst_key = max(keys, key=lambda k: results[SCALE]["gaps"][k])
    worst = results[SCALE]["gaps"][worst_key]
    print(f"\nworst at scale {SCALE}: {_label(worst_key, titles)} {worst:.0f} ms (aim ≤ {AIM_MS} ms)")
    return {"page_block_ms": round(worst, 1)}


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(Path(sys.argv[2]))
    else:
        main()
