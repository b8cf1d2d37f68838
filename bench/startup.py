"""Start-up to the first painted main window on the demo database, against a bare PySide6
QMainWindow started the same way (a fresh process each run; median of five)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5
ROOT = Path(__file__).resolve().parent.parent

_PAINT_FILTER = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication.instance() or QApplication(sys.argv)
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(getattr(obj, "window", None) and obj.window(), QMainWindow):
            print(time.time(), flush=True)
            os._exit(0)
        return False
first_paint = FirstPaint()
app.installEventFilter(first_paint)
"""
BARE = _PAINT_FILTER + "w = QMainWindow(); w.resize(1280, 800); w.show(); app.exec()\n"
# The login dialog waits for a person, so the window is opened as the app does after login.
APP = _PAINT_FILTER + (
    "from volunteer_app.ui.look import apply_look\napply_look(app)\n"
    "from volunteer_app.store.connection import open_database\n"
    "from volunteer_app.services.session import Session\n"
    "from volunteer_app.ui.main_window import MainWindow\n"
    "w = MainWindow(Session(open_database(sys.argv[1]))); w.show(); app.exec()\n")


def _once(code: str, *args: str) -> float:
    started = time.time()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         cwd=ROOT, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return float(out.stdout.strip().splitlines()[-1]) - started


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.sqlite3"
        subprocess.run([sys.executable, "main.py", "demo", "--db", str(db)], cwd=ROOT, check=True,
                       capture_output=True)
        bare = statistics.median(_once(BARE) for _ in range(RUNS))
        app = statistics.median(_once(APP, str(db)) for _ in range(RUNS))
    print(f"bare QMainWindow to first paint: {bare * 1000:.0f} ms (median of {RUNS})")
    print(f"邻里帮 main window to first paint: {app * 1000:.0f} ms (median of {RUNS})")
    print(f"ratio: {app / bare:.2f}× (aim ≤ 2×)")


if __name__ == "__main__":
    main()
