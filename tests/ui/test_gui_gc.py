"""Qt objects die on the GUI thread: the causes of CI's segfault in the 服务记录 GUI tests.

Two ways a window's object could be freed on a page's query thread, each closed here:
Python's cyclic collector running on the thread that allocates (``ui/gui_gc.py``), and a
query job that holds the model, whose last reference the worker thread then drops
(``ui/paged_model.py``).
"""

from __future__ import annotations

import gc
import threading
import types
import weakref

import pytest
from PySide6.QtCore import QObject

from volunteer_app.ui.pages.audit import AuditModel
from volunteer_app.ui.pages.record_panels import RegisterModel, StandingsModel
from volunteer_app.ui.pages.records import RecordsModel
from volunteer_app.ui.pages.residents import ResidentsModel
from volunteer_app.ui.pages.volunteers import VolunteersModel


def test_a_cycle_of_qt_objects_is_freed_on_the_gui_thread_not_where_allocation_ran(qapp):
    assert not gc.isenabled()                   # the autouse fixture installed the collector
    freed_on: list[str] = []

    class Holder:
        pass

    holder = Holder()
    holder.me = holder                          # a cycle: only the collector frees it
    holder.qt = QObject()
    weakref.finalize(holder, lambda: freed_on.append(threading.current_thread().name))
    del holder

    answers = []

    def allocate() -> None:                     # a query thread building its rows
        answers.append([{"id": n, "name": str(n)} for n in range(200_000)])

    worker = threading.Thread(target=allocate, name="table-query")
    worker.start()
    worker.join()
    assert freed_on == []                       # left for the GUI thread …

    from volunteer_app.ui.gui_gc import collect_on_gui_thread

    collect_on_gui_thread(qapp).collect_due()
    assert freed_on == [threading.main_thread().name]       # … which frees it


def _full_passes_at(collector, *, last_full: float, last_input: float) -> int:
    """How many full passes collect_due ran, with a full pass due by Python's counts."""
    import time

    collector.thresholds = (0, 0, 0)
    gc.collect(1)                   # the count of generation 2 is now 1, over its threshold 0
    gc.collect(0)
    garbage = [[n] for n in range(100)]     # noqa: F841 (generation 0 counts them)
    now = time.monotonic()
    collector._last_full, collector.last_input = now - last_full, now - last_input
    before = gc.get_stats()[2]["collections"]
    collector.collect_due()
    return gc.get_stats()[2]["collections"] - before


def test_a_full_pass_waits_while_someone_is_working_in_the_window(qapp):
    from volunteer_app.ui.gui_gc import GuiThreadCollector

    collector = GuiThreadCollector()        # not installed: its thresholds are the test's
    try:
        assert _full_passes_at(collector, last_full=120, last_input=0.5) == 0   # typing: later
        assert _full_passes_at(collector, last_full=120, last_input=5) == 1     # idle: now
        assert _full_passes_at(collector, last_full=20, last_input=5) == 0      # one a minute
        assert _full_passes_at(collector, last_full=600, last_input=0.5) == 1   # waited enough
    finally:
        collector._timer.stop()


def test_input_in_the_window_is_noticed_once_it_has_painted(qtbot, demo_session):
    """The window's idle lock, which watches every input event of the application, tells
    the collector; it starts watching after the window's first paint (issue 16's start-up)."""
    from PySide6.QtWidgets import QApplication, QLineEdit

    from volunteer_app.ui.gui_gc import collect_on_gui_thread
    from volunteer_app.ui.idle_lock import IdleLock
    from volunteer_app.ui.main_window import MainWindow

    collector = collect_on_gui_thread(QApplication.instance())
    window = MainWindow(demo_session)
    qtbot.addWidget(window)
    lock = IdleLock(window, demo_session)           # as ui/app.py: before the window shows
    window.show()
    qtbot.waitExposed(window)
    field = window.show_page("residents").findChild(QLineEdit, "residents.filter")
    collector.last_input = 0.0
    qtbot.waitUntil(lambda: qtbot.keyClicks(field, "w") or collector.last_input > 0.0)
    lock.stop()
    window.close()


def _reachable_qt_objects(root: object) -> list[object]:
    """The Qt objects a job can reach through closures, containers and bound methods."""
    found, seen, todo = [], set(), [root]
    while todo:
        item = todo.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, QObject):
            found.append(item)
            continue
        if isinstance(item, types.FunctionType):
            todo.extend(cell.cell_contents for cell in item.__closure__ or () if _filled(cell))
            todo.extend(item.__defaults__ or ())
        elif isinstance(item, types.MethodType):
            todo.append(item.__self__)
        elif isinstance(item, list | tuple | set | frozenset):
            todo.extend(item)
        elif isinstance(item, dict):
            todo.extend(item.values())
    return found


def _filled(cell: types.CellType) -> bool:
    try:
        cell.cell_contents              # noqa: B018 (an empty cell raises)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("model_class", [RecordsModel, ResidentsModel, VolunteersModel, AuditModel,
                                         StandingsModel, RegisterModel])
def test_a_tables_query_job_holds_no_qt_object(qtbot, demo_session, model_class):
    owner = QObject()
    model = model_class(demo_session, owner)
    jobs = []
    model._worker.submit = lambda job: jobs.append(job) or len(jobs)    # keep it, run nothing
    model.reload()
    model._waiting = None
    model._rows, model._total = [{}], 2
    model.fetchMore()
    assert len(jobs) == 2
    for job in jobs:
        assert _reachable_qt_objects(job) == []
    model.close()
