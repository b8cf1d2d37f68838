"""Publishing to the street server from the window: every minute while 每分钟自动上报 is on,
once soon after start-up, and at once from 设置's 立即上报; and the status bar's line
"上次上报 12:05 · 3 条待上报" / "街道服务器无法连接 · 57 条待上报".

One :class:`StreetPublishing` per window, a child of its :class:`DataSignals` (which every
page of the window shares), so the timer and 立即上报 run one publish at a time. A publish
runs on a :mod:`.runner` job with its own connection; a failure is the status bar's line,
never a dialog. The waiting count is asked on a query thread after every committed change.

The window makes its publisher before its first paint and asks for the first count after
it, so the publishing itself (services.street.reporting and what it imports) and the
count's query thread load when first used.
"""

from __future__ import annotations

import sqlite3
import weakref
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from ..services.session import Session
from ..services.street import config
from ..store.errors import explain
from . import runner
from .signals import DataSignals

if TYPE_CHECKING:
    from ..services.street.hangup import Hangup
    from .query_worker import QueryWorker

EVERY_MS = 60_000               # 每分钟
START_UP_DELAY_MS = 8000        # after the first paint, the first page's queries and the backup
COUNT_DELAY_MS = 300            # a burst of changes (an import) asks for the count once


class StreetPublishing(QObject):
    finished = Signal(object)       # the PublishResult, or the exception that stopped the publish
    status_changed = Signal()

    def __init__(self, session: Session, signals: DataSignals):
        super().__init__(signals)
        self.setObjectName("street.publishing")
        self._session = session
        self.config = config.load(session)
        self.last_published: datetime | None = None
        self.waiting: int | None = None
        self.failure: BaseException | None = None     # of the last publish; None once one worked
        self.job: runner.Job | None = None
        self._hangup: Hangup | None = None     # the running publish's way out
        self._others: weakref.WeakSet[Hangup] = weakref.WeakSet()    # 测试连接's (hangup())
        self.timer = QTimer(self)
        self.timer.setInterval(EVERY_MS)
        self.timer.timeout.connect(self.run_now)
        self._count_timer = QTimer(self, singleShot=True, interval=COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self.refresh)
        self._counts: QueryWorker | None = None     # the count's query thread, from the first refresh
        self._asked = 0
        self._stopped = False
        self._paused = False        # a restore is replacing the file: no publish meanwhile
        signals.changed.connect(self._on_changed)

    @classmethod
    def of(cls, session: Session, signals: DataSignals) -> StreetPublishing:
        """The window's one publisher (made now if the window has none yet)."""
        return signals.findChild(cls, "street.publishing") or cls(session, signals)

    @property
    def running(self) -> bool:
        return self.job is not None

    # -- when ---------------------------------------------------------------------------------
    def start(self, delay_ms: int = START_UP_DELAY_MS) -> None:
        """At the window's start, with 自动上报: a publish soon, then every minute."""
        self._follow_config()
        if self.timer.isActive():
            QTimer.singleShot(delay_ms, self, self.run_now)

    def stop(self) -> None:
        """The window closes: no new publish, no new count; a running publish is abandoned,
        not waited for (a server that never answers kept the window up until libpq gave up):
        its job ends at once, its changes stay in the outbox for the next start, and the app
        waits for the job's end (runner.wait_all) only after the window has gone."""
        self._stopped = True
        self.timer.stop()
        if self._hangup is not None:
            self._hangup.cut()
        for other in list(self._others):
            other.cut()
        self._count_timer.stop()
        if self._counts is not None:
            self._counts.close()

    def hangup(self) -> Hangup:
        """A way out for other work of this window on the street server (设置's 测试连接):
        cut with the publish's when the window closes, so that it is not waited for either."""
        from ..services.street.hangup import Hangup

        hangup = Hangup()
        if self._stopped:
            hangup.cut()
        self._others.add(hangup)
        return hangup

    def pause(self) -> None:
        """A restore replaces the file: start no publish until :meth:`resume` (a publish's marks
        and outbox cleaning belong to the data it read, not to the restored data)."""
        self._paused = True

    def resume(self) -> None:
        self._paused = False

    def _follow_config(self) -> None:
        automatic = self.config.configured and self.config.auto_publish
        if automatic and not self.timer.isActive():
            self.timer.start()
        elif not automatic:
            self.timer.stop()

    def _on_changed(self, tables: frozenset[str]) -> None:
        if "settings" in tables:            # 设置 saved (or a publish moved its marks)
            before = self.config
            self.config = config.load(self._session)
            self._follow_config()
            if self.config != before:
                self.failure = None
        self._count_timer.start()

    # -- publishing -----------------------------------------------------------------------------
    def run_now(self) -> runner.Job | None:
        """Publish on a job (none while one runs, or with no server set)."""
        if (self.job is not None or self._paused or self._stopped or not self.config.configured
                or self._session.path is None):
            return None
        from ..services.street.hangup import Hangup

        self._hangup = Hangup()
        self.job = runner.start(_publish_quietly, self._session, self._hangup,
                                done=self._on_done, failed=self._on_done, owner=self)
        self.status_changed.emit()
        return self.job

    def _on_done(self, outcome: object) -> None:
        self.job = None
        if self._hangup is not None and self._hangup.is_cut:
            return                          # abandoned as the window closed: nobody to tell
        if isinstance(outcome, BaseException):
            self.failure = _expected(outcome, self._session.path)
            if self.failure is None:        # a bug: the app's handler, as a page load does
                self.status_changed.emit()
                raise outcome
        else:
            self.failure = None
            self.last_published = outcome.at
            self.waiting = outcome.waiting
        self.status_changed.emit()
        self.finished.emit(outcome)
        self.refresh()

    # -- the count --------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Ask for the last publish's time and the waiting count, off the GUI thread."""
        if self._stopped:
            return
        if not self.config.configured:
            self.status_changed.emit()
            return
        from ..services.street import reporting

        counts = self._count_worker()
        if counts.available:
            self._asked = counts.submit(reporting.status)
        else:                               # an in-memory file (tests): no second connection
            self._on_status(0, reporting.status(self._session))

    def _count_worker(self) -> QueryWorker:
        if self._counts is None:
            from .query_worker import QueryWorker

            self._counts = counts = QueryWorker(self._session, self)
            counts.answers.ready.connect(self._on_status)
            self.destroyed.connect(lambda *_: counts.close())
        return self._counts

    def _on_status(self, number: int, answer: object) -> None:
        if number != self._asked:
            return                          # a newer question is on its way
        if isinstance(answer, BaseException):
            raise answer
        self.last_published = answer.last_published
        self.waiting = answer.waiting
        self.status_changed.emit()


def _publish_quietly(session: Session, hangup: Hangup) -> object:
    """Publish on the job's own connection without announcing its writes: they are the
    outbox's bookkeeping (street.acked_seq, street.last_published), not a change of the
    ledgers, and every page that follows "settings" would reload each minute."""
    from ..services.street import reporting

    worker = runner.open_worker(session, writes=True)
    try:
        return reporting.publish_configured(worker, hangup)
    finally:
        worker.db.close()


class StreetStatusLabel(QLabel):
    """The status bar's line; hidden while no street server is set."""

    def __init__(self, publishing: StreetPublishing):
        super().__init__(objectName="status.street")
        self._publishing = publishing
        publishing.status_changed.connect(self.show_status)
        self.show_status()

    def show_status(self) -> None:
        p = self._publishing
        self.setVisible(p.config.configured)
        if not p.config.configured:
            return
        waiting = self.tr("%1 条待上报").replace("%1", "…" if p.waiting is None else str(p.waiting))
        if p.running:
            first = self.tr("正在上报…")
        elif p.failure is not None:
            first = self.tr("街道服务器无法连接") if _unreachable(p.failure) else self.tr("上报未成功")
        elif p.last_published is None:
            first = self.tr("尚未上报")
        else:
            first = self.tr("上次上报 %1").replace("%1", _when(p.last_published))
        self.setText(f"{first} · {waiting}")
        self.setToolTip(str(p.failure) if p.failure is not None else "")


def _expected(error: BaseException, path: object) -> BaseException | None:
    """A publish that could not be done, as an error whose text is one Chinese line for the
    status bar's tooltip: the server's or the settings' own, or the file's or disk's (read-only,
    full, damaged) explained; None for anything else, which is a bug."""
    if isinstance(error, config.StreetConfigError) or _unreachable(error):
        return error
    if isinstance(error, sqlite3.Error | OSError):
        return explain(error, path or "")
    return None


def _unreachable(error: BaseException) -> bool:
    # the server's errors are StreetServerError (imported with psycopg, so by name here)
    return type(error).__name__ == "StreetServerError"


def _when(moment: datetime) -> str:
    """12:05 today; 11-27 12:05 before."""
    return moment.strftime("%H:%M" if moment.date() == datetime.now().date() else "%m-%d %H:%M")
