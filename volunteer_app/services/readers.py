"""Sessions for worker threads: read-only ones (the window's table queries) and writing ones.

A sqlite connection belongs to the thread that opened it, so a worker gets its own
connection on the same file; ``query_only`` makes that connection refuse every write, so
a worker can never change data behind the session's audit log.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ..store.connection import connect, open_database
from .session import Actor, Session


def open_reader(path: str, actor: Actor, today: Callable[[], date]) -> Session:
    """A read-only session on ``path`` for the calling thread; close its ``db`` when done."""
    db = connect(path)
    db.execute("PRAGMA query_only = ON")
    return Session(db, actor, today=today)


def open_writer(path: str, actor: Actor, today: Callable[[], date]) -> Session:
    """A writing session on ``path`` for the calling thread (the file is already migrated by
    the window's own session); its writes are audited like the window's own."""
    # the window checked the file when it opened it: no quick check per job
    return Session(open_database(path, migrate=False, verify=False), actor, today=today)
