"""Render every page of the window on the demo community: ``python build_scripts/screenshots.py DIR``.

Builds the demo in a temporary database, opens the main window offscreen at 1280×800 as the
demo user who works on each page (staff, supervisor, admin), so the status bar shows a real
role, and saves ``DIR/<key>.png``; also the volunteer dialog and the schedule's assign
dialog. Chinese renders with the installed CJK font (apply_look).
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _today() -> date:
    return date(2026, 11, 28)


# (demo login, password, pages shot as that user)
SHOTS = [
    ("staff", "staff2026", ["dashboard", "residents", "volunteers", "schedule", "pairing", "requests",
                                   "alerts"]),
    ("supervisor", "supervisor2026", ["records"]),
    ("admin", "admin2026", ["audit", "settings"]),
]


def main(out: Path) -> int:
    from PySide6.QtWidgets import QApplication

    from volunteer_app.services import demo
    from volunteer_app.services.admin import users
    from volunteer_app.services.session import BUILTIN_ADMIN, Session
    from volunteer_app.store.connection import open_database
    from volunteer_app.ui.look import apply_look
    from volunteer_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    apply_look(app)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "demo.sqlite3")
        demo.build(Session(db, BUILTIN_ADMIN, today=_today))
        # Each page as the demo user who works on it, so the status bar shows a real role.
        for login, password, keys in SHOTS:
            session = Session(db, users.authenticate(db, login, password), today=_today)
            window = MainWindow(session)
            window.setFixedSize(1280, 800)
            window.show()
            for key in keys:
                _shoot(app, window, session, key, out)
            window.close()
        db.close()
    return 0


def _running_warning(session) -> None:
    """A 暴雪 warning started this morning with a dozen calls logged, so the page shows the
    board and the roll-call at work (the demo itself keeps only last winter's, closed)."""
    from datetime import datetime, time, timedelta

    from volunteer_app.domain.weather import AlertLevel, AlertType
    from volunteer_app.services.alerts import attempts, start

    begun = datetime.combine(session.today(), time(8, 0))
    outcome = start.start(session, start.StartRequest(AlertType.SNOW, AlertLevel.ORANGE, started_at=begun,
                                                      until=begun + timedelta(hours=30)))
    rows = attempts.roll_rows(session, outcome.alert_id)
    results = ["平安"] * 8 + ["未接通", "平安", "未接通", "平安"]
    for n, (row, result) in enumerate(zip(rows, results, strict=False)):
        attempts.log_attempt(session, row["id"], result, at=begun + timedelta(minutes=10 + 7 * n))
    attempts.log_attempt(session, rows[12]["id"], "需要帮助", needs=["送药"], note="降压药快吃完了",
                         at=begun + timedelta(minutes=120))


def _shoot(app, window, session, key: str, out: Path) -> None:
    if key == "alerts":
        _running_warning(session)
    page = window.show_page(key)
    _wait_for_tables(app, page)
    window.grab().save(str(out / f"{key}.png"))
    print(out / f"{key}.png")
    if key == "volunteers":
        page.table.selectRow(0)
        page.edit_volunteer.click()
        app.processEvents()
        page.dialog.grab().save(str(out / "volunteer_dialog.png"))
        page.dialog.reject()
    if key == "schedule":
        # the assign dialog on the first shift still short of people (ranked candidates)
        short = next((s for s in page.shifts if s.fill == "缺人" and s.date >= session.today()), None)
        if short is not None:
            page.select(short.id)
            page.open_assign()
            app.processEvents()
            page.dialog.grab().save(str(out / "assign_dialog.png"))
            page.dialog.reject()


def _wait_for_tables(app, page) -> None:
    """Pages fill from the background (tables on their query threads, figures and lists on the
    runner): wait until nothing on the page is still loading."""
    import time

    from PySide6.QtCore import QObject

    from volunteer_app.ui.paged_model import PagedTableModel

    def loading() -> bool:
        parts = [page, *page.findChildren(QObject)]
        return any(m.loading for m in page.findChildren(PagedTableModel)) or any(
            getattr(part, "loading", False) is True for part in parts)

    deadline = time.monotonic() + 20
    while loading() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
