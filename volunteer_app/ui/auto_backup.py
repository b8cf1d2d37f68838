"""The window's automatic backups: one soon after start-up, then one every N hours of use.

Each runs on a :mod:`~volunteer_app.ui.runner` job with its own connection, so
the window never waits for it; the outcome comes back on the GUI thread as ``finished``. A
failure is shown in the status bar (it is not a reason to interrupt the person's work).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow

from ..services.admin import auto_backups
from ..services.session import Session
from . import runner
from .runner import Job

START_UP_DELAY_MS = 5000    # after the first paint and the first page's queries
MAX_TIMER_MS = 2**31 - 1    # a QTimer's interval is a 32-bit int (about 24 days)


class AutoBackups(QObject):
    finished = Signal(object)       # the AutoBackup taken, or the exception that stopped it

    def __init__(self, window: QMainWindow, session: Session,
                 clock: Callable[[], datetime] = datetime.now):
        super().__init__(window)
        self._window = window
        self._path = session.path
        self._clock = clock
        self._hours = auto_backups.interval_hours(session)
        self._job: Job | None = None
        self._stopped = False       # the window closes, or its file was lost after a restore
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.run_now)
        self.finished.connect(self._on_finished)
        window.installEventFilter(self)

    @property
    def enabled(self) -> bool:
        return self._path is not None and self._hours > 0

    def start(self, delay_ms: int = START_UP_DELAY_MS) -> None:
        """Start the hourly timer and, unless one was taken in the last hour, a start-up backup."""
        if not self.enabled or self._stopped:
            return
        self.timer.start(min(int(self._hours * 3600 * 1000), MAX_TIMER_MS))
        if auto_backups.due_at_start_up(self._path, self._clock()):
            QTimer.singleShot(delay_ms, self, self.run_now)

    def run_now(self) -> Job | None:
        """Start a backup on a job thread (none while one still runs)."""
        if self._path is None or self._job is not None or self._stopped:
            return None
        self._job = runner.start(auto_backups.take, self._path, self._clock(),
                                 done=self._on_job_done, failed=self._on_job_done, owner=self)
        return self._job

    def stop(self) -> None:
        """Stop the timer and wait for a running backup (the window is closing, or its file was
        lost); no backup starts afterwards (the start-up one may still be due)."""
        self._stopped = True
        self.timer.stop()
        if self._job is not None:
            runner.wait_all()

    def _on_job_done(self, outcome: object) -> None:
        self._job = None
        self.finished.emit(outcome)

    def _on_finished(self, outcome: object) -> None:
        bar = self._window.statusBar()
        if isinstance(outcome, BaseException):
            bar.showMessage(self.tr("自动备份失败：%1").replace("%1", str(outcome)))
        else:
            bar.showMessage(self.tr("已自动备份（%1）").replace(
                "%1", outcome.taken_at.strftime("%H:%M")), 10_000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self._window and event.type() == QEvent.Type.Close:
            self.stop()
        return False
