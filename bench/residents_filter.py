"""Filter-as-you-type on 100,000 residents (the 居民 page on a scale-100 demo database).

For each keystroke of a typing session ("z", "zj", "zjg", "张", "张建", "138", "5号楼", clearing
in between), the time from the key event to the table showing the new rows (model reset and
the view repainted), as a ratio to the bare SQL of that filter: the statements the service
sends to SQLite for it, replayed on a plain sqlite3 connection. And the longest stall of the
window's event loop meanwhile, from the gaps between ticks of a 5 ms timer.

The scale-100 database takes a few minutes to build; it is kept in the temp folder
(``linlibang-bench/``), named by schema version and a hash of the demo code, and rebuilt
when either changes. ``BENCH_RESIDENTS_SCALE`` picks another scale.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parent.parent
SCALE = int(os.environ.get("BENCH_RESIDENTS_SCALE", "100"))
ROUNDS = 5
HEARTBEAT_MS = 5
BURST_MS = 80          # a fast typist: a key every 80 ms, without waiting for the table
# (how the key arrives, what it types); "clear" is select-all + Backspace, "ime" a string
# committed by the input method as 拼音输入法 does.
SESSION = (
    ("key", "z"), ("key", "j"), ("key", "g"), ("clear", ""),
    ("ime", "张"), ("ime", "建"), ("clear", ""),
    ("key", "1"), ("key", "3"), ("key", "8"), ("clear", ""),
    ("key", "5"), ("ime", "号楼"), ("clear", ""),
)


def cached_database(scale: int = SCALE) -> Path:
    """The demo database at ``scale``, built once and kept in the temp folder."""
    from volunteer_app.store.migrations import SCHEMA_VERSION

    demo = ROOT / "volunteer_app" / "services" / "demo"
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in sorted(demo.rglob("*.py")))).hexdigest()[:10]
    folder = Path(tempfile.gettempdir()) / "linlibang-bench"
    folder.mkdir(exist_ok=True)
    path = folder / f"demo-scale{scale}-v{SCHEMA_VERSION}-{digest}.sqlite3"
    if not path.exists():
        for old in folder.glob(f"demo-scale{scale}-*"):
            old.unlink()
        print(f"building the scale-{scale} demo database (a few minutes, kept in {folder}) …", flush=True)
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        subprocess.run([sys.executable, "main.py", "demo", "--db", str(partial), "--scale", str(scale)],
                       cwd=ROOT, check=True, capture_output=True)
        conn = sqlite3.connect(partial)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        partial.rename(path)
    return path


# -- the bare SQL ----------------------------------------------------------------------------

class _RecordingConnection(sqlite3.Connection):
    """Keeps every statement and its parameters, to replay the filter's SQL on its own."""

    statements: list[tuple[str, tuple[Any, ...]]]

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:  # type: ignore[override]
        self.statements.append((sql, tuple(parameters)))
        return super().execute(sql, parameters)


def _filter_statements(path: Path, text: str) -> list[tuple[str, tuple[Any, ...]]]:
    """The residents statements the service runs for a filter: the count and the first page."""
    import sqlite_utils

    from volunteer_app.services.people import residents
    from volunteer_app.services.session import Session

    conn = sqlite3.connect(path, factory=_RecordingConnection, isolation_level=None)
    conn.statements = []
    try:
        session = Session(sqlite_utils.Database(conn))
        query = residents.ResidentQuery(text=text)
        residents.count(session, query)
        residents.page(session, query, 0, 200)
        return [(sql, ps) for sql, ps in conn.statements if "residents" in sql]
    finally:
        conn.close()


def bare_sql_ms(path: Path, rounds: int = ROUNDS) -> dict[str, float]:
    """Median ms per filter text of its statements alone, replayed on one plain connection in
    the order the typing session asks them (so the page cache is as warm as the window's)."""
    texts = _session_texts()
    statements = {text: _filter_statements(path, text) for text in set(texts)}
    times: dict[str, list[float]] = {text: [] for text in texts}
    conn = sqlite3.connect(path)
    try:
        for _ in range(rounds):
            for text in texts:
                started = time.perf_counter()
                for sql, params in statements[text]:
                    conn.execute(sql, params).fetchall()
                times[text].append(time.perf_counter() - started)
    finally:
        conn.close()
    return {text: statistics.median(values) * 1000 for text, values in times.items()}


def _session_texts() -> list[str]:
    texts, typed = [], ""
    for how, what in SESSION:
        typed = "" if how == "clear" else typed + what
        texts.append(typed)
    return texts


# -- the window ------------------------------------------------------------------------------

class Typing(NamedTuple):
    latencies: dict[str, list[float]]   # ms from key event to the table painted, per filter text
    longest_gap: float                  # ms between heartbeats, wall clock
    longest_busy: float                 # ms of the GUI thread's own CPU time between heartbeats
    repaint: float                      # ms to repaint the table once (median)
    plain_repaint: float                # ms to repaint the same cells held by a plain Qt model


def _type_session(path: Path, rounds: int) -> Typing:
    """Type :data:`SESSION` ``rounds`` times, waiting for the table after each key, then once
    more as a fast typist would (a key every :data:`BURST_MS` ms, not waiting)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import (
        QCoreApplication,
        QEvent,
        QEventLoop,
        QObject,
        Qt,
        QTimer,
        qInstallMessageHandler,
    )
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from volunteer_app.services.session import Session
    from volunteer_app.store.connection import open_database
    from volunteer_app.ui.look import apply_look
    from volunteer_app.ui.pages.residents import ResidentsPage
    from volunteer_app.ui.signals import DataSignals

    app = QApplication.instance() or QApplication([])
    previous = qInstallMessageHandler(_quiet_offscreen)
    apply_look(app)
    db = open_database(path)
    session = Session(db)
    page = ResidentsPage(session, DataSignals(session))
    page.resize(1280, 800)
    page.show()
    latencies: dict[str, list[float]] = {}
    gaps, busy = [0.0], [0.0]
    last = [time.perf_counter(), time.thread_time()]
    waiting: dict[str, Any] = {}

    def tick() -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        gaps.append(now - last[0])
        busy.append(cpu - last[1])
        last[:] = [now, cpu]

    class PaintWatch(QObject):
        """Ends the wait once the viewport has painted after the table took the new rows."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and waiting.get("reset"):
                waiting["reset"] = False
                # runs once this paint event has been handled
                QTimer.singleShot(0, waiting["loop"].quit)
            return False

    def on_reset() -> None:
        if waiting and page.model.query.text == waiting["text"]:
            waiting["reset"] = True
            page.table.viewport().update()

    def settle(text: str) -> None:
        """Run the event loop until the table has painted ``text``'s rows (or 10 s pass)."""
        loop = QEventLoop()
        waiting.update(text=text, loop=loop, reset=False)
        guard = QTimer(singleShot=True, interval=10_000)
        guard.timeout.connect(loop.quit)
        guard.start()
        loop.exec()
        guard.stop()
        waiting.clear()

    def press(how: str, what: str) -> None:
        if how == "key":
            QTest.keyClick(page.filter, what)
        elif how == "ime":
            event = QInputMethodEvent()
            event.setCommitString(what)
            QApplication.sendEvent(page.filter, event)
        else:
            page.filter.selectAll()
            QTest.keyClick(page.filter, Qt.Key.Key_Backspace)

    page.model.modelReset.connect(on_reset)
    watch = PaintWatch()
    page.table.viewport().installEventFilter(watch)
    page.filter.setFocus()
    # the order the bare SQL is recorded in (the register's; before 2026-11 the page opened
    # sorted by name instead, which the comparison with older code must not count)
    page.model.sort_key, page.model.descending = "id", False
    page.model.reload()
    if getattr(page.model, "loading", False) or page.model.rowCount() == 0:
        settle("")
    heartbeat = QTimer(interval=HEARTBEAT_MS, timerType=Qt.TimerType.PreciseTimer)
    heartbeat.timeout.connect(tick)
    last[:] = [time.perf_counter(), time.thread_time()]
    heartbeat.start()
    try:
        for _ in range(rounds):
            for (how, what), text in zip(SESSION, _session_texts(), strict=True):
                started = time.perf_counter()
                press(how, what)
                settle(text)
                latencies.setdefault(text, []).append((time.perf_counter() - started) * 1000)
        burst = QEventLoop()
        for i, (how, what) in enumerate(SESSION):
            QTimer.singleShot(BURST_MS * i, lambda how=how, what=what: press(how, what))
        QTimer.singleShot(BURST_MS * len(SESSION) + 500, burst.quit)
        burst.exec()
    finally:
        heartbeat.stop()
        repaint = _repaint_ms(page.table)
        plain_repaint = _plain_repaint_ms(page.table)
        page.table.viewport().removeEventFilter(watch)
        page.close()
        page.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
        db.close()
        qInstallMessageHandler(previous)
    return Typing(latencies, max(gaps) * 1000, max(busy) * 1000, repaint, plain_repaint)


def _repaint_ms(table: Any) -> float:
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        table.viewport().repaint()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def _plain_repaint_ms(table: Any) -> float:
    """The floor any Qt table pays: the same cells in a QStandardItemModel (all C++), same view."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    model = table.model()
    plain = QStandardItemModel(0, model.columnCount())
    for row in range(model.rowCount()):
        plain.appendRow([QStandardItem(model.index(row, column).data())
                         for column in range(model.columnCount())])
    view = QTableView()
    view.setModel(plain)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(table.verticalHeader().defaultSectionSize())
    for column in range(model.columnCount()):
        view.horizontalHeader().resizeSection(column, table.horizontalHeader().sectionSize(column))
    view.resize(table.size())
    view.show()
    QApplication.processEvents()
    try:
        return _repaint_ms(view)
    finally:
        view.close()
        view.deleteLater()


def _quiet_offscreen(mode: Any, context: Any, message: str) -> None:
    # The offscreen platform warns about window hints on every show; nothing to act on here.
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def _typing_in_child(path: Path) -> Typing:
    """The window part runs in a process of its own: a fresh interpreter for each run, and
    nothing that goes wrong in Qt at exit takes the other benchmarks with it."""
    out = subprocess.run([sys.executable, "-m", "bench.residents_filter", "--typing", str(path)],
                         cwd=ROOT, capture_output=True, text=True, timeout=600,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise SystemExit(f"the typing session failed:\n{out.stderr[-2000:]}")
    return Typing(**json.loads(lines[-1]))


def main() -> None:
    path = cached_database()
    typing = _typing_in_child(path)
    print(f"database: {path.name}; median of {ROUNDS} typing rounds; bare SQL = the filter's "
          "count and first-page statements replayed in the same order on a plain sqlite3 connection")
    print(f"{'filter':<8} {'rows':>7} {'bare SQL':>9} {'keystroke→table':>16} {'ratio':>7} {'ratio*':>7}")
    floor = typing.plain_repaint
    ratios, fair, added = [], [], []
    bare_ms = bare_sql_ms(path)
    for text, times in typing.latencies.items():
        bare = bare_ms[text]
        widget = statistics.median(times)
        ratios.append(widget / bare)
        fair.append(widget / (bare + floor))
        added.append(widget - bare)
        print(f"{text or '(空)':<8} {_count_rows(path, text):>7} {bare:>7.1f}ms {widget:>14.1f}ms "
              f"{widget / bare:>6.1f}× {widget / (bare + floor):>6.1f}×")
    print(f"ratio to bare SQL: median {statistics.median(ratios):.1f}×, worst {max(ratios):.1f}× (aim ≤ 3×)")
    print(f"ratio* to bare SQL plus painting the same cells from a plain Qt model ({floor:.1f} ms, "
          f"the floor of any Qt table): median {statistics.median(fair):.1f}×, worst {max(fair):.1f}×")
    print(f"time the window adds to the SQL: median {statistics.median(added):.0f} ms, worst "
          f"{max(added):.0f} ms; one repaint of the 居民 table {typing.repaint:.1f} ms")
    print(f"longest event-loop gap while typing ({HEARTBEAT_MS} ms heartbeat, also a burst of a key "
          f"every {BURST_MS} ms): {typing.longest_gap:.0f} ms wall clock, of which the GUI thread "
          f"itself ran at most {typing.longest_busy:.0f} ms (aim ≤ 50 ms); load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def _count_rows(path: Path, text: str) -> int:
    import sqlite_utils

    from volunteer_app.services.people import residents
    from volunteer_app.services.session import Session

    db = sqlite_utils.Database(sqlite3.connect(path))
    try:
        return residents.count(Session(db), residents.ResidentQuery(text=text))
    finally:
        db.close()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--typing"]:
        print(json.dumps(_type_session(Path(sys.argv[2]), ROUNDS)._asdict()), flush=True)
        sys.stdout.flush()
        os._exit(0)     # results are out; skip a teardown PySide can still trip over (refcounts.py)
    main()
