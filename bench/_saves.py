"""The saves of the 极端天气 and 诉求 pages on a street-sized file: how long each holds the GUI
thread. Run by hand (``python -m bench._saves``; ``BENCH_SAVES_SCALE``, default 100, and
``BENCH_SAVES_ROUNDS``, default 3); not part of ``make bench``.

The real main window (offscreen, as the demo's community worker, with the app's GUI-thread
collector, ui/gui_gc.py) on a copy of the cached demo file (bench/residents_filter.py's
``cached_database``) with an open 暴雪红色预警, ten residents needing help and ten door visits.
Each action is clicked as a worker would (a list row chosen, the button, the dialog's 保存)
under a 5 ms heartbeat (bench/print_block.py's idea): ``moment`` is the longest gap that
starts within 10 ms of the click (the click's own work: the save, when it runs on the GUI
thread), ``worst`` the longest gap until the page has taken the change in (the save, then the
page reading its lists again). Each round is a fresh copy; the figures are medians and maxima
over the rounds. The idle event loop's longest gap is the machine's floor.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SCALE = int(os.environ.get("BENCH_SAVES_SCALE", "100"))
ROUNDS = int(os.environ.get("BENCH_SAVES_ROUNDS", "3"))
AIM_MS = 100
SETTLE_S = 0.25
TIMEOUT_S = 60.0


class Gaps:
    """Every gap of a 5 ms GUI-thread timer longer than 15 ms, with when it began."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.started = self.last = 0.0
        self.gaps: list[tuple[float, float]] = []

    def _tick(self) -> None:
        now = time.perf_counter()
        if now - self.last > 0.015:
            self.gaps.append((self.last - self.started, now - self.last))
        self.last = now

    def __enter__(self) -> Gaps:
        self.started = self.last = time.perf_counter()
        self.timer.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._tick()
        self.timer.stop()

    def figures(self) -> tuple[float, float]:
        """(moment, worst) in ms."""
        moment = max((g for at, g in self.gaps if at < 0.010), default=0.0)
        return moment * 1000, max((g for _, g in self.gaps), default=0.0) * 1000


def prepare(path: Path) -> None:
    """An open warning with needs and door visits to act on (as staff, outside the window)."""
    from volunteer_app.domain.weather import AlertLevel, AlertType
    from volunteer_app.services.admin import users
    from volunteer_app.services.alerts import attempts, callers, escalation, start
    from volunteer_app.services.session import Session
    from volunteer_app.store.connection import open_database

    db = open_database(path)
    session = Session(db, users.authenticate(db, "staff", "staff2026"))
    alert_id = start.start(session, start.StartRequest(AlertType.SNOW, AlertLevel.RED,
                                                       insurance="人保财险 PICC-2026-0088")).alert_id
    ids = [r[0] for r in db.execute("SELECT id FROM alert_roll WHERE alert_id = ? ORDER BY position LIMIT 20",
                                    [alert_id])]
    visitor = callers.handler_choices(session)[0][1]
    for roll_id in ids[:10]:
        attempts.log_attempt(session, roll_id, "需要帮助", needs=["送餐"])
    for roll_id in ids[10:]:
        escalation.assign_door(session, roll_id, visitor)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


async def _settle(page: Any) -> None:
    from bench.pages import _filling

    started = time.perf_counter()
    await asyncio.sleep(0.02)
    while _filling(page):
        if time.perf_counter() - started > TIMEOUT_S:
            raise RuntimeError(f"{page.objectName()} still busy after {TIMEOUT_S:.0f} s")
        await asyncio.sleep(0.005)
    await asyncio.sleep(SETTLE_S)


class Round:
    """One window on one fresh copy; ``figures[label] = (moment, worst)``."""

    def __init__(self, window: Any):
        self.window = window
        self.figures: dict[str, tuple[float, float]] = {}

    async def act(self, label: str, page: Any, act: Callable[[], Any],
                  until: Callable[[], bool] = lambda: True) -> None:
        await asyncio.sleep(0.05)
        with Gaps() as gaps:
            act()
            while not until():
                await asyncio.sleep(0.005)
            await _settle(page)
        self.figures[label] = gaps.figures()

    async def save(self, label: str, page: Any, dialog: Any) -> None:
        await self.act(label, page, dialog.save_button.click, lambda: not dialog.isVisible())

    async def alerts(self) -> None:
        from PySide6.QtWidgets import QPushButton

        page = self.window.show_page("alerts")
        await _settle(page)
        for tab, button, label in ((page.needs, "needs.assign", "指派处理人"),
                                   (page.needs, "needs.done", "标记已办"),
                                   (page.doors, "doors.outcome", "登记上门结果"),
                                   (page.doors, "doors.reassign", "改派上门人"),
                                   (page.unreached, "unreached.door", "派人上门")):
            page.tabs.setCurrentWidget(tab)
            await _settle(page)
            tab.table.selectRow(0)
            await self.act(f"{label}… (open)", page, tab.findChild(QPushButton, button).click)
            if label == "标记已办":
                tab.dialog.note.setText("已送到")
            await self.save(label, page, tab.dialog)
        lines = [r for r in page.roll.all_rows if not r.get("reached_at")][:15]
        await self.act("录入点名表结果… (open)", page, page.actions.log_sheet_button.click)
        sheet = page.actions.dialog
        for number, row in enumerate(lines):
            sheet.type_line(number, row["position"] + 1, "1")
        await self.save("录入点名表结果 (15 lines)", page, sheet)
        page.tabs.setCurrentWidget(page.callers)
        await _settle(page)
        await self.act("复制微信通知 (everyone)", page, page.callers.copy_button.click)

    async def requests(self) -> None:
        page = self.window.show_page("requests")
        await _settle(page)
        tickets, detail = page.tickets, page.tickets.detail
        await self.act("新建诉求… (open)", page, tickets.new_button.click)
        new = tickets.dialog
        for field, text in (("caller", "郑秀兰"), ("address", "明春苑3号楼2单元"),
                            ("category", "城乡建设/物业管理/电梯")):
            getattr(new, field).setText(text)
        new.content.setPlainText("电梯停了，楼上有老人")
        await self.save("新建诉求", page, new)
        for _ in range(3):
            await self.act(detail.next_button.text(), page, detail.next_button.click)
        await self.act("派给工作人员… (open)", page, detail.staff_button.click)
        await self.save("派给工作人员", page, detail.dialog)
        page.tabs.setCurrentIndex(2)
        await _settle(page)
        hot = page.hotspots
        await self.act("选择高频点位", page, lambda: hot.table.selectRow(0))
        await self.act("建任务… (open)", page, hot.task_button.click)
        await self.save("建任务", page, hot.dialog)


async def _one_round(path: Path) -> tuple[float, dict[str, tuple[float, float]]]:
    from volunteer_app.services.admin import users
    from volunteer_app.services.session import Session
    from volunteer_app.store.connection import open_database
    from volunteer_app.ui.main_window import MainWindow

    with Gaps() as idle:
        await asyncio.sleep(0.5)
    db = open_database(path)
    window = MainWindow(Session(db, users.authenticate(db, "staff", "staff2026")))
    window.resize(1366, 728)
    window.show()
    one = Round(window)
    try:
        await one.alerts()
        await one.requests()
    finally:
        window.close()
        from volunteer_app.ui import runner

        runner.wait_all()
        db.close()
    return idle.figures()[1], one.figures


def _copy(source: Path, target: Path) -> None:
    for leftover in target.parent.glob(target.name + "*"):
        leftover.unlink()       # an old -wal beside a fresh copy would be replayed into it
    shutil.copy(source, target)


def main() -> dict[str, float]:
    import qasync
    from PySide6.QtWidgets import QApplication

    from bench.residents_filter import cached_database
    from volunteer_app.ui.gui_gc import collect_on_gui_thread

    app = QApplication.instance() or QApplication([])
    collect_on_gui_thread(app)      # as the app does (ui/app.py)
    loop = qasync.QEventLoop(app, already_running=False)
    asyncio.set_event_loop(loop)
    rounds, floors = [], []
    with tempfile.TemporaryDirectory() as tmp:
        prepared, path = Path(tmp) / "prepared.sqlite3", Path(tmp) / "round.sqlite3"
        _copy(cached_database(SCALE), prepared)
        prepare(prepared)
        for _ in range(ROUNDS):
            _copy(prepared, path)
            floor, figures = loop.run_until_complete(_one_round(path))
            floors.append(floor)
            rounds.append(figures)
    print(f"scale {SCALE}, {ROUNDS} rounds; idle event loop's longest gap: median "
          f"{statistics.median(floors):.0f} ms")
    print(f"{'action':<28} {'moment med':>10} {'max':>6} {'worst med':>10} {'max':>6}")
    for label in rounds[0]:
        moments = [r[label][0] for r in rounds]
        worsts = [r[label][1] for r in rounds]
        mark = "" if max(moments) <= AIM_MS else "  > aim"
        print(f"{label:<28} {statistics.median(moments):>7.0f} ms {max(moments):>6.0f} "
              f"{statistics.median(worsts):>7.0f} ms {max(worsts):>6.0f}{mark}")
    return {}


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main()
