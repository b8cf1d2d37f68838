"""Sessions for worker threads that only read (the window's table queries).

A sqlite connection belongs to the thread that opened it, so a worker gets its own
connection on the same file; ``query_only`` makes that connection refuse every write, so
a worker can never change data behind the session's audit log.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ..store.connection import connect
from .session import Actor, Session


def database_path(session: Session) -> str | None:
    """The file behind ``session``, or None for an in-memory database (no second connection)."""
    row = session.db.execute("PRAGMA database_list").fetchone()
    return row[2] if row and row[2] else None


def open_reader(path: str, actor: Actor, today: Callable[[], date]) -> Session:
    """A read-only session on ``path`` for the calling thread; close its ``db`` when done."""
    db = connect(path)
    db.execute("PRAGMA query_only = ON")
    return Session(db, actor, today=today)
