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
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCALE = int(os.environ.get("BENCH_RESIDENTS_SCALE", "100"))
ROUNDS = 5
HEARTBEAT_MS = 5
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

    from volunteer_app.services import residents
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


def bare_sql_ms(path: Path, text: str, runs: int = ROUNDS) -> float:
    statements = _filter_statements(path, text)
    conn = sqlite3.connect(path)
    try:
        for sql, params in statements:      # warm the page cache as the window's typing does
            conn.execute(sql, params).fetchall()
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            for sql, params in statements:
                conn.execute(sql, params).fetchall()
            times.append(time.perf_counter() - started)
    finally:
        conn.close()
    return statistics.median(times) * 1000


# -- the window ------------------------------------------------------------------------------

def _type_session(path: Path, rounds: int) -> tuple[dict[str, list[float]], float]:
    """Latencies in ms per filter text, and the longest event-loop gap in ms."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import (
        QCoreApplication,
        QEvent,
        QEventLoop,
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
    gaps = [0.0]
    last = [time.perf_counter()]
    waiting: dict[str, Any] = {}

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    def on_reset() -> None:
        if waiting and page.model.query.text == waiting["text"]:
            waiting["loop"].quit()

    def settle(text: str) -> None:
        """Run the event loop until the table shows ``text``'s rows (or 10 s pass)."""
        loop = QEventLoop()
        waiting.update(text=text, loop=loop)
        guard = QTimer(singleShot=True, interval=10_000)
        guard.timeout.connect(loop.quit)
        guard.start()
        loop.exec()
        guard.stop()
        waiting.clear()
        page.table.viewport().repaint()

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
    page.filter.setFocus()
    if page.model.rowCount() == 0:
        settle("")
    heartbeat = QTimer(interval=HEARTBEAT_MS, timerType=Qt.TimerType.PreciseTimer)
    heartbeat.timeout.connect(tick)
    last[0] = time.perf_counter()
    heartbeat.start()
    try:
        for _ in range(rounds):
            for how, what in SESSION:
                text = page.filter.text() + what if how != "clear" else ""
                started = time.perf_counter()
                press(how, what)
                settle(text)
                latencies.setdefault(text, []).append((time.perf_counter() - started) * 1000)
    finally:
        heartbeat.stop()
        page.close()
        page.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
        db.close()
        qInstallMessageHandler(previous)
    return latencies, max(gaps) * 1000


def _quiet_offscreen(mode: Any, context: Any, message: str) -> None:
    # The offscreen platform warns about window hints on every show; nothing to act on here.
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def main() -> None:
    path = cached_database()
    latencies, worst_gap = _type_session(path, ROUNDS)
    print(f"database: {path.name}; median of {ROUNDS} typing rounds; bare SQL = the filter's "
          "count and first-page statements replayed on a plain sqlite3 connection")
    print(f"{'filter':<8} {'rows':>7} {'bare SQL':>9} {'keystroke→table':>16} {'ratio':>6}")
    ratios = []
    for text, times in latencies.items():
        bare = bare_sql_ms(path, text)
        widget = statistics.median(times)
        ratios.append(widget / bare)
        rows = _count_rows(path, text)
        print(f"{text or '(空)':<8} {rows:>7} {bare:>7.1f}ms {widget:>14.1f}ms {widget / bare:>5.1f}×")
    print(f"ratio to bare SQL: median {statistics.median(ratios):.1f}×, worst {max(ratios):.1f}× (aim ≤ 3×)")
    print(f"longest event-loop gap while typing ({HEARTBEAT_MS} ms heartbeat): {worst_gap:.0f} ms "
          "(aim ≤ 50 ms)")


def _count_rows(path: Path, text: str) -> int:
    import sqlite_utils

    from volunteer_app.services import residents
    from volunteer_app.services.session import Session

    db = sqlite_utils.Database(sqlite3.connect(path))
    try:
        return residents.count(Session(db), residents.ResidentQuery(text=text))
    finally:
        db.close()


if __name__ == "__main__":
    main()
