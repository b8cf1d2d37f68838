"""The one way to run work off the GUI thread (issue 12): every page and dialog goes through here.

``await run(owner, fn, *args, session=s)`` runs ``fn(worker, *args, report)`` on a job thread,
where ``worker`` is a session of its own on ``s``'s file (read-only, or writing with
``writes=True``: a sqlite connection belongs to the thread that opened it). The result, or
the exception, comes back to the awaiting coroutine on the GUI thread; the tables the worker
session changed are announced through ``s``'s listeners there (so DataSignals reaches every
page). ``report(done, total)`` moves the progress dialog and raises
:class:`~volunteer_app.reports.printing.PrintCancelled` once 取消 was pressed.
``start(...)`` is the same with callbacks, for slots that are not coroutines. Without
``session`` the function gets no worker session (reading a file, a restore).

A QThread, not a Python pool thread: Qt's text layout (PDFs) starts timers, which need the
event dispatcher a QThread has. Every job is kept here until it ends and :func:`wait_all`
waits for them at close, so Qt never destroys a running thread. The table queries, which
only the newest request matters for, have their own thread: :mod:`.query_worker`, whose
sessions come from :func:`open_worker` too.
"""

from __future__ import annotations

import atexit
import contextlib
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..services import readers
from ..services.session import Session

Progress = Callable[[int, int], None]
_running: set[Job] = set()      # kept alive (and waited for at close) until each one ends
_waiters: list[tuple[set[Job], QObject, Callable[[], None]]] = []     # see after_running


def open_worker(session: Session, writes: bool = False) -> Session:
    """A session of the calling thread on ``session``'s file, as the same user on the same day."""
    if session.path is None:
        raise RuntimeError("an in-memory database cannot be opened from another thread")
    opener = readers.open_writer if writes else readers.open_reader
    return opener(session.path, session.actor, session.today)


class Job(QThread):
    progressed = Signal(int, int)      # done, total (0, 0 while the total is not known yet)
    done = Signal()

    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...], *,
                 session: Session | None = None, writes: bool = False, report: bool = True):
        super().__init__()
        self.fn, self.args, self.with_progress = fn, args, report
        self.session, self.writes = session, writes
        self.result: Any = None
        self.error: BaseException | None = None
        self.changed: set[str] = set()      # tables the worker session committed changes to
        self._cancelled = threading.Event()
        self.deliver: Callable[[], None] = lambda: None    # set by start()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def report(self, done: int, total: int) -> None:
        """The worker's progress callback (runs in the job's thread)."""
        if self._cancelled.is_set():
            # imported here: the printing module (QtPrintSupport, text layout) is not needed
            # before the window's first paint, which imports this module
            from ..reports.printing import PrintCancelled

            raise PrintCancelled()
        self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            args = (*self.args, self.report) if self.with_progress else self.args
            if self.session is None:
                self.result = self.fn(*args)
            else:
                self.result = self._with_worker(args)
        except BaseException as error:   # handed to the GUI thread
            self.error = error
        self.done.emit()

    def _with_worker(self, args: tuple[Any, ...]) -> Any:
        worker = open_worker(self.session, self.writes)
        worker.subscribe(self.changed.update)
        try:
            return self.fn(worker, *args)
        finally:
            worker.db.close()

    def finish(self) -> None:
        """On the GUI thread once the job ended: announce its changes, let it go."""
        self.wait()
        _running.discard(self)
        if self.session is not None and self.changed:
            self.session.announce(self.changed)
        _wake_waiters()
        # no deleteLater: the job is Python's, freed once its awaiting coroutine lets go of it


def start(fn: Callable[..., Any], *args: Any, session: Session | None = None,
          writes: bool = False, report: bool = False,
          done: Callable[[Any], None] | None = None,
          failed: Callable[[BaseException], None] | None = None,
          owner: QObject | None = None) -> Job:
    """Run the job; ``done(result)`` or ``failed(error)`` is called on the GUI thread, unless
    ``owner`` (the widget they report to) was closed and deleted meanwhile."""
    # Qt and asyncio are imported in the functions, not at the top: the window imports this
    # module before its first paint, which need not wait for asyncio's imports (~40 ms) or
    # for the ~90 enum classes PySide builds when its Qt namespace is first touched (~25 ms).
    from PySide6.QtCore import Qt

    job = Job(fn, args, session=session, writes=writes, report=report)

    def deliver() -> None:
        if job not in _running:
            return          # delivered already, by wait_all
        job.finish()        # the change notice goes out even when nobody awaits the result
        _let_go(job)
        if owner is not None and not shiboken6.isValid(owner):
            return
        if job.error is not None:
            if failed is None:
                raise job.error
            failed(job.error)
        elif done is not None:
            done(job.result)

    job.deliver = deliver
    job.done.connect(deliver, Qt.ConnectionType.QueuedConnection)
    _running.add(job)
    job.start()
    return job


async def run(fn: Callable[..., Any], *args: Any, session: Session | None = None,
              writes: bool = False, report: bool = True,
              progress: QProgressDialog | None = None,
              started: Callable[[Job], None] | None = None) -> Any:
    """Run the job and return its result (or raise its error) in the awaiting coroutine.

    With ``progress``, the dialog follows the job's reports and its 取消 cancels the job.
    ``started`` is told the job as soon as it runs (to cancel it from elsewhere)."""
    import asyncio  # here, not at the top: see start()

    from PySide6.QtCore import Qt

    future = asyncio.get_event_loop().create_future()
    job = start(fn, *args, session=session, writes=writes, report=report,
                done=lambda result: future.done() or future.set_result(result),
                failed=lambda error: future.done() or future.set_exception(error))

    def cancel() -> None:
        job.cancel()

    if progress is not None:
        progress.canceled.connect(cancel)
        job.progressed.connect(lambda done, total: _show(progress, done, total),
                               Qt.ConnectionType.QueuedConnection)
    if started is not None:
        started(job)
    try:
        return await future
    finally:
        if progress is not None:
            progress.canceled.disconnect(cancel)


def _let_go(job: Job) -> None:
    """Break the job -> connection -> ``deliver`` -> job cycle once delivered: it runs through
    Qt's connection, where Python's collector cannot see it, so every job (a QThread) was kept
    for good and each full collection walked them all: 4 jobs a click on the 极端天气 page made
    the window freeze 0.2-2.5 s every few dozen clicks (issue 15)."""
    with contextlib.suppress(RuntimeError, TypeError):
        job.done.disconnect()       # only start() connects to it (its ``deliver``)
    job.deliver = lambda: None


def busy() -> bool:
    """A job is running (or ended and waits to be delivered)."""
    return bool(_running)


def after_running(owner: QObject, then: Callable[[], None]) -> None:
    """Call ``then`` on the GUI thread once every job running now has ended and been delivered
    (at once when none runs), unless ``owner`` was deleted meanwhile: a restore must not
    replace the file under a job that will still write to it (a publish's marks)."""
    if not _running:
        then()
        return
    _waiters.append((set(_running), owner, then))


def _wake_waiters() -> None:
    from PySide6.QtCore import QTimer

    for waiter in [w for w in _waiters if not w[0] & _running]:
        _waiters.remove(waiter)
        _jobs, owner, then = waiter
        if shiboken6.isValid(owner):
            # queued: after the ended job's own callbacks (at close, with no loop left, never)
            QTimer.singleShot(0, owner, then)


def wait_all() -> None:
    """Wait for every running job (the window is closing) and deliver what they left, and so
    for the jobs a delivery starts (the roll-call's next attempt waiting in its queue)."""
    while _running:
        for job in list(_running):
            job.wait()
            # now, not when the queued signal comes: no event loop may run again; an awaiting
            # coroutine's loop may be closed already, and then nobody is left to tell
            with contextlib.suppress(RuntimeError):
                job.deliver()


atexit.register(wait_all)       # a test or script that never closed a window: no running thread


def _show(progress: QProgressDialog, done: int, total: int) -> None:
    if total <= 0:
        return
    if progress.maximum() != total:
        progress.setMaximum(total)
    progress.setValue(min(done, total))


def progress_dialog(parent: QWidget, label: str) -> QProgressDialog:
    """Window-modal, shown only when the work takes longer than half a second, with 取消."""
    from PySide6.QtCore import Qt

    dialog = QProgressDialog(label, QCoreApplication.translate("Background", "取消"), 0, 0, parent)
    dialog.setObjectName("progress_dialog")
    dialog.setWindowTitle(QCoreApplication.translate("Background", "请稍候"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(500)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)
    return dialog
