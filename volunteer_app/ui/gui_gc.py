"""Python's cyclic garbage collector runs on the GUI thread only.

The collector runs on whichever thread happens to allocate when a threshold is crossed. In
this app that is often a worker: a page's query thread (:mod:`.query_worker`) building row
dictionaries, or a runner job. A window, dialog or model held only by a reference cycle is
then deleted on that thread, while the GUI thread may be painting it or delivering its
queued events: a segfault some time later (CI crashed this way in the 服务记录 GUI tests,
the query thread inside sqlite-utils, the GUI thread in the event loop).

:class:`GuiThreadCollector` turns automatic collection off and checks the same thresholds
from a timer on the GUI thread, so a cycle is freed where its Qt objects live. Reference
counting is untouched: objects that are not in a cycle are freed at once, as before.
"""

from __future__ import annotations

import gc
import threading
import time

from PySide6.QtCore import QObject, QTimer

CHECK_MS = 500
# Python itself spares full passes until a quarter of the old objects are new (a counter it
# does not expose); a full pass over a big window's objects can hold the GUI thread, so it is
# spaced out here by time instead.
FULL_EVERY_S = 60.0
# A full pass over a street-sized file's pages (a weather warning's 26,701 people on the roll)
# holds the GUI thread 0.1-0.15 s. It waits until nobody has typed, clicked or scrolled for
# IDLE_S, but no longer than MAX_WAIT_S. The input is reported by :func:`note_input` (the
# window's idle lock, which watches every input event already: a second application-wide
# filter would cost every event of the app another call into Python).
IDLE_S = 2.0
MAX_WAIT_S = 300.0


class GuiThreadCollector(QObject):
    """Install with :func:`collect_on_gui_thread`; ``collect_due`` may also be called directly
    (the tests do it between tests, when no event loop runs)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self._last_full = self.last_input = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.collect_due)
        gc.disable()
        self._timer.start()

    def collect_due(self) -> None:
        """Collect the generations whose counts passed their thresholds, as Python would have."""
        if threading.current_thread() is not threading.main_thread():
            return
        counts = gc.get_count()
        generation = -1
        for level, (count, threshold) in enumerate(zip(counts, self.thresholds, strict=True)):
            if count <= threshold:
                break
            generation = level
        if generation == 2:
            now = time.monotonic()
            waited = now - self._last_full
            if waited < FULL_EVERY_S or (now - self.last_input < IDLE_S and waited < MAX_WAIT_S):
                generation = 1
            else:
                self._last_full = now
        if generation >= 0:
            gc.collect(generation)


_installed: GuiThreadCollector | None = None


def note_input() -> None:
    """Someone typed, clicked or scrolled: a full pass waits (see IDLE_S)."""
    if _installed is not None:
        _installed.last_input = time.monotonic()


def collect_on_gui_thread(app: QObject) -> GuiThreadCollector:
    """Once per process, with the application object as the timer's parent."""
    global _installed
    if _installed is None:
        _installed = GuiThreadCollector(app)
    return _installed
