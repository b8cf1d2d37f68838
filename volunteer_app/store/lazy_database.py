"""A connection that becomes a sqlite-utils Database when first used as one (issue 16).

Importing sqlite-utils costs ~0.14 s of CPU (click, dateutil, pluggy, its own regexes): half
of a bare PySide6 window's whole start-up. Up to the window's first paint the app asks its
connection only for pragmas (``execute``), so :func:`.connection.connect` hands out a
:class:`LazyDatabase`, which imports sqlite-utils at the first ``db.table(...)``,
``db.query(...)`` or ``db["..."]`` and then turns into that ``sqlite_utils.Database`` (its
class and state, on the same connection), so that nothing after it can tell the difference.
By then a worker thread has usually imported sqlite-utils already, off the GUI thread.
"""

from __future__ import annotations

import sqlite3
from typing import Any


class LazyDatabase:
    """Stands for ``sqlite_utils.Database(conn, execute_plugins=False)`` until more than
    ``execute``, ``conn``, ``memory`` or ``close`` is asked of it."""

    memory = False          # as sqlite_utils.Database says of a connection it was handed

    def __init__(self, conn: sqlite3.Connection):
        if conn.isolation_level is not None:
            # execute() below is sqlite-utils' only for an autocommit connection
            raise ValueError("LazyDatabase needs a connection with isolation_level=None")
        self.conn = conn
        self.execute("PRAGMA recursive_triggers=on;")   # as sqlite_utils.Database does

    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:
        """sqlite-utils' ``execute``: on an autocommit connection sqlite3 opens no implicit
        transaction, so its commit or rollback of one never applies."""
        return self.conn.execute(sql) if parameters is None else self.conn.execute(sql, parameters)

    def close(self) -> None:
        self.conn.close()

    def __getattr__(self, name: str) -> Any:    # anything else: become the real one first
        if name.startswith("__"):
            raise AttributeError(name)
        self._become_database()
        return getattr(self, name)

    def __getitem__(self, table: str) -> Any:
        self._become_database()
        return self[table]

    def _become_database(self) -> None:
        import sqlite_utils

        real = sqlite_utils.Database(self.conn, execute_plugins=False)
        self.__class__ = type(real)  # type: ignore[assignment]
        self.__dict__.update(real.__dict__)
