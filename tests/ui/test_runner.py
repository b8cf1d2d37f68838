"""The one runner for work off the GUI thread (ui/runner.py): results and errors come back on
the GUI thread, progress moves the dialog, 取消 stops the job, a worker session's writes reach
the pages, and nothing in ui/ runs a thread or finds the database file any other way."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton, QWidget

from volunteer_app.reports.printing import PrintCancelled
from volunteer_app.services.admin import settings
from volunteer_app.services.people import residents
from volunteer_app.store.errors import DatabaseReadOnly
from volunteer_app.ui import runner
from volunteer_app.ui.main_window import MainWindow
from volunteer_app.ui.pages.residents import ResidentsPage

PACKAGE = Path(runner.__file__).resolve().parents[1]


def _where(session, report) -> tuple[str, int]:
    """A job: the thread it ran on and a count read through its own session."""
    return threading.current_thread().name, session.db.execute(
        "SELECT count(*) FROM residents").fetchone()[0]


def test_the_result_comes_back_on_the_gui_thread(qtbot, demo_session, event_loop):
    delivered_on: list[threading.Thread] = []
    thread_name, count = event_loop.run_until_complete(runner.run(_where, session=demo_session))
    assert thread_name != threading.main_thread().name          # it ran on a job thread
    assert count == demo_session.db.execute("SELECT count(*) FROM residents").fetchone()[0] > 0
    job = runner.start(lambda: 42, done=lambda result: delivered_on.append(
        (threading.current_thread(), result)))
    qtbot.waitUntil(lambda: bool(delivered_on))
    assert delivered_on == [(threading.main_thread(), 42)] and not job.isRunning()


def test_an_exception_is_delivered_as_the_error(qtbot, demo_session, event_loop):
    def fails(session, report):
        raise ValueError("第3行 身份证号：校验位不对")

    with pytest.raises(ValueError, match="第3行"):
        event_loop.run_until_complete(runner.run(fails, session=demo_session))
    errors: list[BaseException] = []
    runner.start(fails, None, None, failed=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ValueError)


def test_a_worker_session_reads_only_unless_it_writes(demo_session, event_loop):
    def rename(session, report):
        settings.put(session, "community.name", "东花市北里社区")

    with pytest.raises(DatabaseReadOnly):
        event_loop.run_until_complete(runner.run(rename, session=demo_session))
    event_loop.run_until_complete(runner.run(rename, session=demo_session, writes=True))
    assert settings.get(demo_session, "community.name") == "东花市北里社区"


def test_progress_moves_the_dialog_and_cancel_stops_the_job(qtbot, event_loop):
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = runner.progress_dialog(parent, "正在导出……")
    reached = threading.Event()
    steps: list[int] = []

    def long_job(report):
        for done in range(1, 3_000):
            report(done, 3_000)
            steps.append(done)
            if done == 5:
                reached.set()
            threading.Event().wait(0.002)
        return "finished"

    async def cancel_when_reached() -> None:
        import asyncio

        while not reached.is_set():
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.05)           # let the queued progress reach the dialog
        assert dialog.maximum() == 3_000 and dialog.value() >= 5
        dialog.findChild(QPushButton).click()      # 取消, as a person presses it

    async def both():
        import asyncio

        canceller = asyncio.ensure_future(cancel_when_reached())
        try:
            return await runner.run(long_job, progress=dialog)
        finally:
            await canceller

    with pytest.raises(PrintCancelled):
        event_loop.run_until_complete(both())
    assert 5 <= len(steps) < 2_999                    # stopped on the way, not at the end


def test_a_worker_write_reaches_the_page(qtbot, demo_session, event_loop):
    window = MainWindow(demo_session)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("residents")
    assert isinstance(page, ResidentsPage)
    qtbot.waitUntil(lambda: not page.model.loading)
    before = page.model.total
    first = page.model.row_data(0)
    heard: list[frozenset] = []
    window.signals.changed.connect(heard.append)

    def archive(session, resident_id, report):
        residents.archive(session, resident_id, "迁出本社区")

    event_loop.run_until_complete(runner.run(archive, first["id"], session=demo_session,
                                             writes=True))
    assert heard and "residents" in heard[0]          # announced through the GUI session
    qtbot.waitUntil(lambda: not page.model.loading and first["id"] not in
                    [page.model.row_data(r)["id"] for r in range(page.model.rowCount())])
    after = page.model.total
    assert after == before - 1


def test_wait_all_leaves_no_thread_running(qtbot):
    release = threading.Event()
    outcomes: list[str] = []
    job = runner.start(lambda: release.wait(5) and "done", done=outcomes.append)
    assert job.isRunning()
    release.set()
    runner.wait_all()                   # at close: waits and delivers, no event loop needed
    assert not job.isRunning() and outcomes == ["done"]
    qtbot.wait(50)
    assert outcomes == ["done"]         # the queued delivery that follows does nothing twice


def _ui_files_with(pattern: str) -> set[str]:
    found = set()
    for path in (PACKAGE / "ui").rglob("*.py"):
        if re.search(pattern, path.read_text(encoding="utf-8")):
            found.add(path.relative_to(PACKAGE).as_posix())
    return found


def test_no_other_style_of_background_work_comes_back():
    # the runner is the one home of job threads; the table queries' pool is its one exception
    assert _ui_files_with(r"ThreadPoolExecutor") == {"ui/query_worker.py"}
    assert _ui_files_with(r"run_in_executor|threading\.Thread\(") == set()
    assert _ui_files_with(r"\bQThread\b") == {"ui/runner.py"}
    assert _ui_files_with(r"open_reader|open_writer|ledger_import\.worker_session") == {"ui/runner.py"}
    # app.py opens the window's own session at start; nothing else in ui/ opens the file
    assert _ui_files_with(r"store\.connection import|open_database") == {"ui/app.py"}


def test_the_database_file_is_asked_for_in_one_place():
    found = {path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.py")
             if "PRAGMA database_list" in path.read_text(encoding="utf-8")}
    assert found == {"store/connection.py"}


def test_a_delivered_job_is_let_go_without_waiting_for_the_collector(qtbot):
    """A job kept after delivery (its thread, its result) piled up and each full collection
    walked them all: the 极端天气 page froze 0.2-2.5 s every few dozen clicks (issue 15)."""
    import gc
    import weakref

    delivered: list[int] = []
    job = runner.start(lambda: list(range(1000)), done=lambda result: delivered.append(len(result)))
    qtbot.waitUntil(lambda: bool(delivered))
    gone = weakref.ref(job)
    del job
    was_enabled = gc.isenabled()    # off under ui/gui_gc.py's collector, as in the window
    gc.disable()                    # freed by its reference count, not by a later collection
    try:
        qtbot.waitUntil(lambda: gone() is None, timeout=2000)
    finally:
        if was_enabled:
            gc.enable()
    assert delivered == [1000]
