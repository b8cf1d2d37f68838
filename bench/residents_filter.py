"""Filter-as-you-type on 100,000 residents (the 居民 page on a scale-100 demo database).

For each keystroke of a typing session ("z", "zj", "zjg", "张", "张建", "138", "5号楼", clearing
in between), the time from the key event to the table showing the new rows (model reset and
the view repainted), as a ratio to its floor (bench/_filter_floor.py): the bare SQL of that
filter (the statements the service sends to SQLite for it, replayed on a plain sqlite3
connection) plus a plain ``QAbstractTableModel`` reset with the same cells and painted in a
view of the same size. The floor is timed in the same process right after each keystroke.
And the longest stall of the window's event loop while typing, from the gaps between ticks
of a 5 ms timer (paused while the floor is timed).

The same session runs at a tenth, a fifth and all of the scale (10,000 / 20,000 / 100,000
residents) to show how the cost grows; the headline figures are the full scale's.
``main()`` returns ``ratio_median``, ``ratio_worst`` and ``longest_gap_ms``.

The demo databases take minutes to build; they are kept in the temp folder
(``linlibang-bench/``), named by schema version and a hash of the demo code, and rebuilt
when either changes. ``BENCH_RESIDENTS_SCALE`` picks another full scale.
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
GROWTH = (10, 5, 1)    # the sizes shown: a tenth, a fifth and all of SCALE
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


def _session_texts() -> list[str]:
    texts, typed = [], ""
    for how, what in SESSION:
        typed = "" if how == "clear" else typed + what
        texts.append(typed)
    return texts


# -- the typing process ----------------------------------------------------------------------

class Typing(NamedTuple):
    # per filter text, one [window ms, bare SQL ms, plain model ms] for each round
    keystrokes: dict[str, list[list[float]]]
    rows: dict[str, int]                # residents matching each filter text
    longest_gap: float                  # ms between heartbeats, wall clock
    longest_busy: float                 # ms of the GUI thread's own CPU time between heartbeats
    repaint: float                      # ms to repaint the 居民 table once (median)
    plain_repaint: float                # ms to repaint the same cells from the plain model


def _type_session(path: Path, rounds: int) -> Typing:
    """Type :data:`SESSION` ``rounds`` times, waiting for the table after each key and then
    timing its floor, then once more as a fast typist would (a key every :data:`BURST_MS` ms,
    not waiting)."""
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

    from bench import _filter_floor as floor
    from volunteer_app.services.session import Session
    from volunteer_app.store.connection import open_database
    from volunteer_app.ui.look import apply_look
    from volunteer_app.ui.paged_model import PAGE_SIZE
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
    statements = {text: floor.filter_statements(path, text, PAGE_SIZE) for text in set(_session_texts())}
    bare = sqlite3.connect(path)
    keystrokes: dict[str, list[list[float]]] = {}
    rows: dict[str, int] = {}
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

    def floor_of(text: str) -> list[float]:
        """The bare SQL and the plain model for ``text``, with the heartbeat paused (the
        floor blocks the event loop on purpose) and its pending paints done after."""
        heartbeat.stop()
        cells = floor.shown_cells(page.table)
        figures = [floor.bare_sql_ms(bare, statements[text]),
                   floor.plain_paint_ms(plain_view, plain_model, cells)]
        for _ in range(2):      # what the plain view posted, and what that posted in turn
            QCoreApplication.sendPostedEvents()
            app.processEvents()
        last[:] = [time.perf_counter(), time.thread_time()]
        heartbeat.start()
        return figures

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
    plain_view, plain_model = floor.plain_view_like(page.table)
    page.activateWindow()
    page.filter.setFocus()
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
                window = (time.perf_counter() - started) * 1000
                keystrokes.setdefault(text, []).append([window, *floor_of(text)])
                rows[text] = page.model.total
        burst = QEventLoop()
        for i, (how, what) in enumerate(SESSION):
            QTimer.singleShot(BURST_MS * i, lambda how=how, what=what: press(how, what))
        QTimer.singleShot(BURST_MS * len(SESSION) + 500, burst.quit)
        burst.exec()
    finally:
        heartbeat.stop()
        repaint = _repaint_ms(page.table)
        plain_repaint = _repaint_ms(plain_view)
        page.table.viewport().removeEventFilter(watch)
        for widget in (page, plain_view):
            widget.close()
            widget.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
        bare.close()
        db.close()
        qInstallMessageHandler(previous)
    return Typing(keystrokes, rows, max(gaps) * 1000, max(busy) * 1000, repaint, plain_repaint)


def _repaint_ms(table: Any) -> float:
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        table.viewport().repaint()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


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


# -- the report ------------------------------------------------------------------------------

class Figures(NamedTuple):
    per_text: list[tuple[str, int, float, float, float]]   # text, rows, bare, plain, window
    ratio_median: float
    ratio_worst: float
    typing: Typing


def _figures(typing: Typing) -> Figures:
    """Each filter text's medians over the rounds; its ratio is window ÷ (bare SQL + plain)."""
    per_text, ratios = [], []
    for text, runs in typing.keystrokes.items():
        window, bare, plain = (statistics.median(column) for column in zip(*runs, strict=True))
        per_text.append((text, typing.rows[text], bare, plain, window))
        ratios.append(window / (bare + plain))
    return Figures(per_text, statistics.median(ratios), max(ratios), typing)


def _print_keystrokes(figures: Figures, path: Path) -> None:
    print(f"database: {path.name}; medians of {ROUNDS} typing rounds; floor = the filter's own "
          "statements on a plain sqlite3 connection + a plain QAbstractTableModel reset with the "
          "same cells and painted, timed right after each keystroke")
    print(f"{'filter':<8} {'rows':>7} {'bare SQL':>9} {'plain model':>12} {'floor':>8} "
          f"{'keystroke→table':>16} {'ratio':>6}")
    for text, rows, bare, plain, window in figures.per_text:
        print(f"{text or '(空)':<8} {rows:>7} {bare:>7.1f}ms {plain:>10.1f}ms {bare + plain:>6.1f}ms "
              f"{window:>14.1f}ms {window / (bare + plain):>5.2f}×")
    typing = figures.typing
    added = [window - bare - plain for _, _, bare, plain, window in figures.per_text]
    print(f"ratio to the floor: median {figures.ratio_median:.2f}×, worst {figures.ratio_worst:.2f}× "
          f"(aim: median ≤ 1.5×, worst ≤ 2×); the window adds to the floor: median "
          f"{statistics.median(added):.1f} ms, worst {max(added):.1f} ms")
    print(f"one repaint of the 居民 table {typing.repaint:.1f} ms, of the plain model's view "
          f"{typing.plain_repaint:.1f} ms")
    print(f"longest event-loop gap while typing ({HEARTBEAT_MS} ms heartbeat, also a burst of a key "
          f"every {BURST_MS} ms): {typing.longest_gap:.0f} ms wall clock, of which the GUI thread "
          f"itself ran at most {typing.longest_busy:.0f} ms (aim ≤ 50 ms)")


def main() -> dict[str, float]:
    growth: list[tuple[int, Figures]] = []
    for divisor in GROWTH:
        scale = max(1, SCALE // divisor)
        path = cached_database(scale)
        growth.append((scale, _figures(_typing_in_child(path))))
    scale, figures = growth[-1]
    _print_keystrokes(figures, cached_database(scale))
    print("\ngrowth (residents: ratio median / worst, longest gap):")
    for grown_scale, grown in growth:
        print(f"  {grown.typing.rows['']:>7,}: "
              f"{grown.ratio_median:.2f}× / {grown.ratio_worst:.2f}×, {grown.typing.longest_gap:.0f} ms"
              f"  (scale {grown_scale})")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return {"ratio_median": round(figures.ratio_median, 3), "ratio_worst": round(figures.ratio_worst, 3),
            "longest_gap_ms": round(figures.typing.longest_gap, 1)}


if __name__ == "__main__":
    if sys.argv[1:2] == ["--typing"]:
        print(json.dumps(_type_session(Path(sys.argv[2]), ROUNDS)._asdict()), flush=True)
        sys.stdout.flush()
        os._exit(0)     # results are out; skip a teardown PySide can still trip over (refcounts.py)
    main()
