"""What the window's start-up imports: nothing it does not need before its first paint.

Run in a fresh interpreter, the way the app starts, since this test session has imported
everything already."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# The main window shown on its dashboard, as after the login (bench/startup.py's "app").
WINDOW = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from volunteer_app.ui.look import apply_look
apply_look(app)
from volunteer_app.store.connection import open_database
from volunteer_app.services.session import Session
from volunteer_app.ui.main_window import MainWindow
window = MainWindow(Session(open_database(sys.argv[1])))
window.show()
app.processEvents()
assert window.page("dashboard") is not None
print(" ".join(sorted(sys.modules)))
"""


def _modules_after_start(db: Path) -> set[str]:
    out = subprocess.run([sys.executable, "-c", WINDOW, str(db)], cwd=ROOT, capture_output=True,
                         text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-2000:]
    return set(out.stdout.split())


def test_the_window_opens_without_the_matcher_numpy_or_scipy(tmp_path):
    # The dashboard counts 未覆盖 residents, which needs only the state of a pair, not the
    # matcher: importing it brought numpy and scipy in, over half of the start-up.
    modules = _modules_after_start(tmp_path / "new.sqlite3")
    assert "volunteer_app.ui.pages.dashboard" in modules
    heavy = {"numpy", "scipy", "volunteer_app.domain.matching", "volunteer_app.services.care.pairing"}
    assert not heavy & modules, heavy & modules
