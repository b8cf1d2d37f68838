"""Giving up on a publish that waits on the street server, from another thread.

A server that accepts the connection and never answers (a stalled link, a firewall that
swallows packets) keeps a publish waiting until libpq's connect_timeout, and an open
connection that goes silent keeps it waiting for as long as TCP does. The window must not
wait for that when it closes: it calls :meth:`Hangup.cut` and the publish on its job thread
ends at once with :class:`Abandoned`. Nothing is lost by that: the server commits a batch
only whole, and the file notes a batch only after the server committed it (publish.py), so
the abandoned changes wait in the outbox for the next publish.

Not importing psycopg: the window makes one of these before anything is published.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
from collections.abc import Generator
from typing import Any

ABANDONED = "上报已放弃：窗口关闭时街道服务器还没有回应，未上报的改动下次启动时再上报"


class Hangup:
    """One publish's way out: :meth:`cut` from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cut = False
        self._socket: int | None = None     # an open connection's, registered while it is open

    @property
    def is_cut(self) -> bool:
        return self._cut

    def cut(self) -> None:
        """Abandon the publish: a connection being made fails at its next poll (psycopg polls
        every 0.1 s); an open connection's socket is shut down, so its wait ends at once."""
        with self._lock:
            self._cut = True
            if self._socket is not None:
                _shut_down(self._socket)

    def check(self) -> None:
        if self._cut:
            raise Abandoned(ABANDONED)

    @contextlib.contextmanager
    def holding(self, fileno: int):
        """While the block runs the socket ``fileno`` is open and :meth:`cut` may shut it down;
        it is forgotten before the caller closes it (its number may be reused at once)."""
        with self._lock:
            self.check()
            self._socket = fileno
        try:
            yield
        finally:
            with self._lock:
                self._socket = None

    def watched(self, steps: Generator[Any, Any, Any]) -> Generator[Any, Any, Any]:
        """psycopg's connection generator, which gives up once :meth:`cut` was called."""
        import psycopg

        try:
            if self._cut:       # libpq's next address of the host (::1, then 127.0.0.1)
                raise psycopg.OperationalError(ABANDONED)
            step = next(steps)
            while True:
                ready = yield step
                if self._cut:
                    raise psycopg.OperationalError(ABANDONED)
                step = steps.send(ready)
        except StopIteration as done:
            return done.value
        finally:
            steps.close()


class Abandoned(Exception):
    """The publish was given up (the window closed); str() is one Chinese line."""


def _shut_down(fileno: int) -> None:
    """Shut the socket down (both ways) without closing the descriptor its owner holds."""
    with contextlib.suppress(OSError):
        copy = socket.socket(fileno=os.dup(fileno))
        try:
            copy.shutdown(socket.SHUT_RDWR)
        finally:
            copy.close()
