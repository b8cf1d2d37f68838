"""Start-up to the first painted main window on the demo database, against a bare PySide6
QMainWindow started the same way (a fresh process each run; median of seven).

How the first paint is caught: an event filter on the window itself, installed just before
``show()``; the window's own paint event opens the paint pass that draws all its widgets.
An application-wide Python filter, as this bench first used, is called for every event of
every widget: ~65 µs each, ~1,000 events before the main window's first paint against ~40
for a bare window, so it charged the app ~60 ms of the harness's own time.

Each process compiles nothing: bytecode is cached in a scratch folder after a warm-up run,
as on a PC where the app has run once (and as in the PyInstaller build, which ships
bytecode), whatever PYTHONDONTWRITEBYTECODE says in this shell.

A third figure times ``python main.py --db FILE`` to its first painted window (the login
dialog), the way the app really starts: command line, lock, database, dialog.

``main()`` returns ``{"ratio": app / bare}`` on the demo file; the ratio is shown again on
files of 2 and 10 times the demo (``demo --scale``), so growth with the data would show.
"""

from __future__ import annotations

import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 7
GROWTH_RUNS = 3
# demo --scale of the file opened: the headline at the first, growth at the others (1x, 2x, 10x)
SCALES = tuple(int(x) for x in os.environ.get("BENCH_STARTUP_SCALES", "1,2,10").split(","))
ROOT = Path(__file__).resolve().parent.parent

_FIRST_PAINT = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication.instance() or QApplication(sys.argv)
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(time.time(), flush=True)
            os._exit(0)
        return False
first_paint = FirstPaint()
"""
BARE = _FIRST_PAINT + (
    "w = QMainWindow(); w.resize(1280, 800)\n"
    "w.installEventFilter(first_paint); w.show(); app.exec()\n")
# The login dialog waits for a person, so the main window stands in for the first window,
# with the app set up and the file opened as ui/app.py does before the login: Python's cycle
# collector runs from the GUI thread's timer (gui_gc.py), and the file's header is checked;
# the integrity check of every page runs on the runner once the first window is on the
# screen, before anything writes (ui/app.py, _WhileTyping).
APP = _FIRST_PAINT + (
    "from volunteer_app.ui.look import apply_look\napply_look(app)\n"
    "from volunteer_app.ui.gui_gc import collect_on_gui_thread\ncollect_on_gui_thread(app)\n"
    "from volunteer_app.store.connection import IntegrityCheck, open_database\n"
    "from volunteer_app.services.session import Session\n"
    "from volunteer_app.ui.main_window import MainWindow\n"
    "check = IntegrityCheck(sys.argv[1])\n"
    "session = Session(open_database(sys.argv[1], verify=check))\n"
    "w = MainWindow(session)\n"
    "w.installEventFilter(first_paint); w.show(); app.exec()\n")
# The real start: its first window is the login dialog, built by the app, so the filter
# watches the whole application for the first paint of any visible window.
MAIN_PY = _FIRST_PAINT.replace(
    "if event.type() == QEvent.Type.Paint:",
    "if event.type() == QEvent.Type.Paint and obj.isWidgetType() and obj.window().isVisible():"
) + ("app.installEventFilter(first_paint)\n"
     "import main as front_door\nfront_door.main(['--db', sys.argv[1]])\n")  # main.py, the real entry


def _once(code: str, *args: str, pycache: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPYCACHEPREFIX": pycache}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.time()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         cwd=ROOT, timeout=120, env=env)
    if not out.stdout.strip():
        raise RuntimeError(f"no first paint (exit {out.returncode}): {out.stderr.strip()[-600:]}")
    return float(out.stdout.strip().splitlines()[-1]) - started


def main() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        pycache = str(Path(folder) / "pycache")
        dbs = {scale: _demo(Path(folder), scale) for scale in SCALES}
        db = str(dbs[SCALES[0]])
        runs = {"bare": (BARE,), "app": (APP, db), "main.py": (MAIN_PY, db)}
        for code_and_args in runs.values():  # warm-up: writes the bytecode cache
            _once(*code_and_args, pycache=pycache)
        times: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(RUNS):  # interleaved, so a busy moment hits all three alike
            for name, code_and_args in runs.items():
                times[name].append(_once(*code_and_args, pycache=pycache))
        bare, app, real = (statistics.median(times[name]) for name in runs)
        print(f"bare QMainWindow to first paint: {bare * 1000:.0f} ms (median of {RUNS})")
        print(f"邻里帮 main window to first paint: {app * 1000:.0f} ms (median of {RUNS})")
        print(f"ratio: {app / bare:.2f}× (aim ≤ 1.5×)")
        print(f"python main.py to the login dialog painted: {real * 1000:.0f} ms ({real / bare:.2f}× bare)")
        _growth(dbs, pycache, app / bare, real / bare)
    return {"ratio": round(app / bare, 3)}


def _demo(folder: Path, scale: int) -> Path:
    db = folder / f"demo_{scale}.sqlite3"
    subprocess.run([sys.executable, "main.py", "demo", "--scale", str(scale), "--db", str(db)],
                   cwd=ROOT, check=True, capture_output=True)
    return db


def _growth(dbs: dict[int, Path], pycache: str, first: float, first_real: float) -> None:
    """The ratios on bigger demo files (fewer runs): start-up should not grow with the data.

    What grows is the integrity check every start makes (``PRAGMA quick_check``, which reads
    every page; store/connection.IntegrityCheck). It runs on the background runner once the
    first window is on the screen (the login dialog, while the person types), and anything
    that writes waits for it, so the first paint does not. Its
    own time on each file is shown beside the ratios (warm, after a first start has read the
    file once, as the timed runs are; on a cold disk cache it is several times longer)."""
    print(f"{'demo --scale':>12} {'居民':>8} {'ratio':>7} {'main.py':>8} {'quick_check':>12}")
    print(f"{SCALES[0]:>12} {_residents(dbs[SCALES[0]]):>8,} {first:>6.2f}× {first_real:>7.2f}× "
          f"{_quick_check_ms(dbs[SCALES[0]]):>9.0f} ms")
    for scale in SCALES[1:]:
        times: dict[str, list[float]] = {"bare": [], "app": [], "main.py": []}
        _once(APP, str(dbs[scale]), pycache=pycache)   # warm-up: the file read once, as above
        for _ in range(GROWTH_RUNS):
            times["bare"].append(_once(BARE, pycache=pycache))
            times["app"].append(_once(APP, str(dbs[scale]), pycache=pycache))
            times["main.py"].append(_once(MAIN_PY, str(dbs[scale]), pycache=pycache))
        bare, app, real = (statistics.median(found) for found in times.values())
        print(f"{scale:>12} {_residents(dbs[scale]):>8,} {app / bare:>6.2f}× {real / bare:>7.2f}× "
              f"{_quick_check_ms(dbs[scale]):>9.0f} ms", flush=True)


def _quick_check_ms(db: Path) -> float:
    import sqlite3

    with contextlib.closing(sqlite3.connect(db)) as connection:
        started = time.perf_counter()
        connection.execute("PRAGMA quick_check(1)").fetchone()
        return (time.perf_counter() - started) * 1000


def _residents(db: Path) -> int:
    import sqlite3

    with contextlib.closing(sqlite3.connect(db)) as connection:
        return connection.execute("SELECT count(*) FROM residents").fetchone()[0]

if __name__ == "__main__":
    main()
