"""A table's queries on a thread of its own, the newest request winning.

The runner's (:mod:`.runner`) one exception: a pool thread, since these jobs draw no text,
and a session kept open between requests, since a filter-as-you-type asks many in a row
(bench/residents_filter.py). Its session comes from :func:`.runner.open_worker`.

Typing "zjg" asks three questions in quick succession; only the last answer matters. The
worker runs one query at a time on its own read-only connection (a sqlite connection
belongs to its thread) and skips a request when a newer one is already waiting; the model
drops any answer that is not to its newest request. After a restore (``Session.generation``)
the connection is opened again: a file replaced whole would otherwise still be read. Answers
come back to the GUI thread through a queued signal, so the window never waits for SQLite.

Lifetimes (a segfault in CI came from here): the object the answers are posted to is a child
of the worker's owner, so Qt deletes it on the GUI thread with the owner, after the owner's
``destroyed`` has closed the worker. A job must hold plain data only, never the model or any
other Qt object: the worker thread drops the job's last reference, and a Qt object whose
wrapper dies there is deleted on the wrong thread while the GUI thread may be delivering its
events.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal

from ..services.session import Session
from .runner import open_worker

Job = Callable[[Session], Any]


class _Answers(QObject):
    # (request number, the job's result or the exception it raised); emitted on the worker
    # thread, delivered on the GUI thread where this object lives
    ready = Signal(int, object)


class QueryWorker:
    """One thread and one read-only session for the jobs of one model."""

    def __init__(self, session: Session, owner: QObject):
        self._session = session
        self._path = session.path
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="table-query")
        self._latest = 0
        self._reader: Session | None = None        # touched only on the worker thread
        self._opened = session.generation          # the session's opening the reader is on
        self._closed = False
        self.answers = _Answers(owner)

    @property
    def available(self) -> bool:
        """False for an in-memory database, which no second connection can open."""
        return self._path is not None and not self._closed

    def submit(self, job: Job) -> int:
        """Queue ``job(session)``; returns the request number its answer will carry."""
        self._latest += 1
        number = self._latest
        self._executor.submit(self._run, number, self._session.actor, job)
        return number

    def close(self) -> None:
        """Drop queued requests, close the connection on its own thread, wait for the thread."""
        if self._closed:
            return
        self._closed = True
        self._latest += 1
        # At interpreter exit the pool takes no more work; the connection goes with the process.
        with contextlib.suppress(RuntimeError):
            self._executor.submit(self._close_reader)
        self._executor.shutdown(wait=True)

    # -- on the worker thread ------------------------------------------------------------------
    def _run(self, number: int, actor: Any, job: Job) -> None:
        if number != self._latest:
            return          # a newer request is queued behind this one: its answer would be dropped
        try:
            if self._reader is not None and self._opened != self._session.generation:
                self._close_reader()        # a restore opened the file again: so does this
            if self._reader is None:
                self._opened = self._session.generation
                self._reader = open_worker(self._session)
            self._reader.actor = actor
            result = job(self._reader)
        except Exception as error:      # handed to the model, which raises it on the GUI thread
            result = error
        self.answers.ready.emit(number, result)

    def _close_reader(self) -> None:
        if self._reader is not None:
            self._reader.db.close()
            self._reader = None
