"""Write transactions: BEGIN IMMEDIATE outside, a savepoint when nested, errors explained.

Its own module so that the audit log (written inside every transaction) can use it without
importing the connection, which imports the migrations, some of which write audit entries.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .errors import ENVIRONMENTAL, explain

if TYPE_CHECKING:
    import sqlite_utils


@contextlib.contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """A write transaction: ``BEGIN IMMEDIATE`` at the outside, a savepoint when nested.

    Either everything inside is saved, or (on any exception) nothing is.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as error:
        raise explain(error, _path_of(db)) from error
    try:
        yield db
    except BaseException as error:
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        if isinstance(error, sqlite3.Error):
            explained = explain(error, _path_of(db))
            if isinstance(explained, ENVIRONMENTAL):  # busy, full, read-only, damaged: say so
                raise explained from error
        raise
    try:
        db.execute("COMMIT")
    except sqlite3.Error as error:
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        raise explain(error, _path_of(db)) from error


def _path_of(db: sqlite_utils.Database) -> str:
    from .connection import database_file  # connection imports migrations, which import this

    return database_file(db) or "（内存数据库）"
