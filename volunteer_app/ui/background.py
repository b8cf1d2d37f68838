"""Work off the GUI thread: a QThread job that reports progress and can be cancelled, awaited
from a coroutine (qasync) with a progress dialog on top.

A QThread, not a Python pool thread: Qt's text layout starts timers, which need the event
dispatcher a QThread has (in a plain thread Qt warns and the timers are lost). The job's
function touches no widget; it gets a ``progress(done, total)`` callback that raises
:class:`~volunteer_app.reports.printing.PrintCancelled` once the user has pressed 取消.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..reports.printing import PrintCancelled

Progress = Callable[[int, int], None]


class Job(QThread):
    progressed = Signal(int, int)      # done, total (0, 0 while the total is not known yet)
    done = Signal()

    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...], parent: QObject,
                 with_progress: bool = True):
        super().__init__(parent)
        self.fn, self.args, self.with_progress = fn, args, with_progress
        self.result: Any = None
        self.error: BaseException | None = None
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def report(self, done: int, total: int) -> None:
        """The worker's progress callback (runs in the job's thread)."""
        if self._cancelled.is_set():
            raise PrintCancelled()
        self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            args = (*self.args, self.report) if self.with_progress else self.args
            self.result = self.fn(*args)
        except BaseException as error:   # handed to the awaiting coroutine on the GUI thread
            self.error = error
        self.done.emit()


async def run_in_thread(owner: QObject, fn: Callable[..., Any], *args: Any,
                        progress: QProgressDialog | None = None,
                        started: Callable[[Job], None] | None = None) -> Any:
    """Run ``fn(*args, report)`` on a job thread and return its result (or raise its error).

    With ``progress``, the dialog follows the job's reports and its 取消 cancels the job.
    ``started`` is told the job as soon as it runs (the window keeps it to cancel it)."""
    future = asyncio.get_event_loop().create_future()
    job = Job(fn, args, owner)
    job.done.connect(lambda: future.done() or future.set_result(None),
                     Qt.ConnectionType.QueuedConnection)
    if progress is not None:
        progress.canceled.connect(job.cancel)
        job.progressed.connect(lambda done, total: _show(progress, done, total),
                               Qt.ConnectionType.QueuedConnection)
    job.start()
    if started is not None:
        started(job)
    try:
        await future
    finally:
        job.wait()
        job.deleteLater()
        if progress is not None:
            progress.canceled.disconnect(job.cancel)
    if job.error is not None:
        raise job.error
    return job.result


def _show(progress: QProgressDialog, done: int, total: int) -> None:
    if total <= 0:
        return
    if progress.maximum() != total:
        progress.setMaximum(total)
    progress.setValue(min(done, total))


def progress_dialog(parent: QWidget, label: str) -> QProgressDialog:
    """Window-modal, shown only when the work takes longer than half a second, with 取消."""
    dialog = QProgressDialog(label, QCoreApplication.translate("Background", "取消"), 0, 0, parent)
    dialog.setObjectName("progress_dialog")
    dialog.setWindowTitle(QCoreApplication.translate("Background", "请稍候"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(500)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)
    return dialog
