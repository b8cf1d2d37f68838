"""What the window's start-up imports: nothing it does not need before its first paint.

Run in a fresh interpreter, the way the app starts, since this test session has imported
everything already."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = {"numpy", "scipy", "volunteer_app.domain.matching", "volunteer_app.services.care.pairing"}

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

# ``python main.py --db FILE`` up to its login dialog on the screen (lock, database), and the
# work done while the person types (the retention purge, then qasync's import).
FRONT_DOOR = """
import os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog
app = QApplication(sys.argv)

def shown():
    if any(isinstance(w, QDialog) and w.isVisible() for w in app.topLevelWidgets()) \\
            and "qasync" in sys.modules:
        print(" ".join(sorted(sys.modules)), flush=True)
        os._exit(0)

timer = QTimer()
timer.timeout.connect(shown)
timer.start(20)
import main
main.main(["--db", sys.argv[1]])
"""


def _modules_after(code: str, db: Path) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code, str(db)], cwd=ROOT, capture_output=True,
                         text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-2000:]
    return set(out.stdout.split())


def test_the_window_opens_without_the_matcher_numpy_or_scipy(tmp_path):
    # The dashboard counts 未覆盖 residents, which needs only the state of a pair, not the
    # matcher: importing it brought numpy and scipy in, over half of the start-up.
    modules = _modules_after(WINDOW, tmp_path / "new.sqlite3")
    assert "volunteer_app.ui.pages.dashboard" in modules
    assert not HEAVY & modules, HEAVY & modules


def test_the_login_dialog_opens_without_them_either(tmp_path, demo_template):
    # The retention purge at every start needs only a visit's column names.
    db = tmp_path / "demo.sqlite3"
    db.write_bytes(demo_template.read_bytes())
    modules = _modules_after(FRONT_DOOR, db)
    assert {"volunteer_app.services.admin.retention", "volunteer_app.ui.dialogs.login_dialog"} <= modules
    assert not HEAVY & modules, HEAVY & modules


# ``python main.py --db FILE``, its module list taken at the login dialog's first paint.
LOGIN_AT_FIRST_PAINT = """
import os, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QDialog
app = QApplication(sys.argv)

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QDialog):
            print(" ".join(sorted(sys.modules)), flush=True)
            os._exit(0)
        return False

first_paint = FirstPaint()
app.installEventFilter(first_paint)
import main
main.main(["--db", sys.argv[1]])
"""


def test_the_login_dialog_paints_before_the_purge_sqlite_utils_and_argon2(tmp_path, demo_template):
    # What the person does not see waits until the dialog is on the screen: the retention
    # purge (whose first query imports sqlite-utils, ~0.15 s), argon2 (~40 ms, needed only
    # when the password is checked) and the audit log's masking and hash chain.
    db = tmp_path / "demo.sqlite3"
    db.write_bytes(demo_template.read_bytes())
    modules = _modules_after(LOGIN_AT_FIRST_PAINT, db)
    assert "volunteer_app.ui.dialogs.login_dialog" in modules
    late = {"volunteer_app.services.admin.retention", "sqlite_utils", "argon2", "qasync",
            "volunteer_app.store.audit_chain",
            # the ID-number and name rules (~6 ms of patterns): a login needs only half_width
            "volunteer_app.domain.identity", "volunteer_app.domain.forms"}
    assert not late & modules, late & modules


# The main window as after the login, its module list taken at its first paint.
AT_FIRST_PAINT = """
import os, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(" ".join(sorted(sys.modules)), flush=True)
            os._exit(0)
        return False

first_paint = FirstPaint()
from volunteer_app.ui.look import apply_look
apply_look(app)
from volunteer_app.store.connection import open_database
from volunteer_app.services.session import Session
from volunteer_app.ui.main_window import MainWindow
window = MainWindow(Session(open_database(sys.argv[1])))
window.installEventFilter(first_paint)
window.show()
app.exec()
"""


def test_the_window_paints_before_sqlite_utils_is_imported(tmp_path, demo_template):
    # sqlite-utils' import is ~0.14 s of CPU; up to the first paint the window's connection
    # runs only pragmas (store/lazy_database.py), and the dashboard asks for its figures, on
    # a worker that would import it, only after that paint. A store module that imports
    # sqlite_utils at its top (not under TYPE_CHECKING) brings it back.
    db = tmp_path / "demo.sqlite3"
    db.write_bytes(demo_template.read_bytes())
    modules = _modules_after(AT_FIRST_PAINT, db)
    assert "volunteer_app.ui.pages.dashboard" in modules and "volunteer_app.store.migrations" in modules
    assert "sqlite_utils" not in modules


def test_the_window_paints_before_what_its_first_screen_does_not_show(tmp_path, demo_template):
    # The street's waiting count, asyncio (the runner's first job), the migrations of a file
    # already up to date and the audit log's hash chain all wait for the first paint.
    db = tmp_path / "demo.sqlite3"
    db.write_bytes(demo_template.read_bytes())
    modules = _modules_after(AT_FIRST_PAINT, db)
    late = {"asyncio", "volunteer_app.services.street.reporting", "volunteer_app.ui.query_worker",
            "volunteer_app.store.audit_chain", "volunteer_app.store.street_outbox",
            "volunteer_app.domain.weather", "uuid",
            # the spin boxes' full-width reading and its rules (~9 ms), a partial file's PC
            # tag (hashlib and socket, ~5 ms): both wanted only once someone types or writes
            "volunteer_app.ui.half_width_input", "volunteer_app.domain.identity", "hashlib", "socket"}
    assert not late & modules, late & modules


def test_a_lazy_connection_becomes_the_sqlite_utils_database(tmp_path, demo_template):
    import sqlite_utils

    from volunteer_app.store.connection import open_database

    db_file = tmp_path / "demo.sqlite3"
    db_file.write_bytes(demo_template.read_bytes())
    db = open_database(db_file)
    assert db.execute("PRAGMA recursive_triggers").fetchone()[0] == 1     # as sqlite-utils sets
    count = db["residents"].count                     # first use as a Database
    assert type(db) is sqlite_utils.Database and not db.memory
    assert count == db.execute("SELECT count(*) FROM residents").fetchone()[0] > 0
    assert db.table("settings").count == sqlite_utils.Database(db.conn).table("settings").count
    db.close()


def test_sqlite_utils_is_imported_without_numpy():
    code = ("import sys\nimport volunteer_app\nimport sqlite_utils.db\n"
            "assert 'numpy' not in sys.modules and sqlite_utils.db.np is None\n"
            "import numpy\nprint(numpy.__name__)\n")      # numpy itself still imports after
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "numpy", out.stderr[-2000:]


def test_a_scrolled_page_shows_the_window_colour(qtbot):
    from PySide6.QtWidgets import QLabel

    from volunteer_app.ui.screen_fit import scrolling

    area = scrolling(QLabel("工作台"), "page.x.scroll")
    qtbot.addWidget(area)
    # found by Qt's own name for it, the same widget viewport() returns, left unfilled
    assert not area.viewport().autoFillBackground()
    assert area.viewport().objectName() == "qt_scrollarea_viewport"


@pytest.mark.parametrize(("page", "heavy"), [("pairing", "scipy"), ("pairing", "numpy"),
                                            ("schedule", "numpy")])
def test_a_page_opens_without_what_only_its_button_needs(page, heavy):
    # 80后帮90后 lists pairs through the matcher's module: scipy and numpy wait for the first
    # 匹配; 任务与排班 imports the scheduling rules: numpy waits for the first 一键补缺.
    code = (f"import sys\nimport volunteer_app.ui.pages.{page}\n"
            f"assert '{heavy}' not in sys.modules, '{heavy} imported by the {page} page'\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-2000:]


def test_the_window_opens_without_the_street_servers_driver_or_the_keyring(tmp_path, session):
    # The status bar's 上次上报 line reads the file only; psycopg and the keyring load when a
    # publish, a 测试连接 or 设置 → 街道服务器 needs them (issue 14).
    from volunteer_app.services.street import config

    config.save(session, config.StreetConfig("street.local/street", "gaolizhuang", True))
    modules = _modules_after(WINDOW, Path(session.path))
    assert "volunteer_app.ui.street_publishing" in modules
    assert not {"psycopg", "keyring"} & modules, {"psycopg", "keyring"} & modules


# The main window shown, then the event loop run until what the first paint left out is in.
AFTER_FIRST_PAINT = """
import sys, time
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from volunteer_app.store.connection import open_database
from volunteer_app.services.session import Session
from volunteer_app.ui.main_window import WARM_UP, MainWindow
window = MainWindow(Session(open_database(sys.argv[1])))
window.show()
waited = time.monotonic() + 20
while not set(WARM_UP) <= set(sys.modules) and time.monotonic() < waited:
    app.processEvents()
print(" ".join(sorted(sys.modules)))
"""


def test_what_the_first_paint_left_out_is_imported_once_the_window_is_shown(tmp_path, demo_template):
    # so that the first opening of 居民 or 极端天气 does not pay for it instead
    from volunteer_app.ui.main_window import WARM_UP

    db = tmp_path / "demo.sqlite3"
    db.write_bytes(demo_template.read_bytes())
    modules = _modules_after(AFTER_FIRST_PAINT, db)
    assert set(WARM_UP) <= modules
    assert {"volunteer_app.store.audit_chain", "volunteer_app.domain.identity"} <= modules
