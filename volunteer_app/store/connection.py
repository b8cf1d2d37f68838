"""Opening the one SQLite file: pragmas, version check, migrations after a safety copy."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import sqlite_utils

from . import migrations
from .errors import DatabaseTooNew, MigrationFailed, NotADatabase, StoreError, explain
from .migrations import MIGRATIONS, SCHEMA_VERSION, apply_migrations

BUSY_TIMEOUT_MS = 5000
APPLICATION_ID = 0x4C4C4246  # "LLBF": marks the file as ours


def connect(path: Path | str) -> sqlite_utils.Database:
    """A sqlite-utils Database on ``path`` with the project's pragmas, not yet migrated.

    The connection is in autocommit mode: every write goes through :func:`.transactions.transaction`, which
    opens ``BEGIN IMMEDIATE`` so that a read-then-write never fails half-way with SQLITE_BUSY.
    """
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        # No sqlite-utils plugin may change our connection; skipping them also spares the
        # entry-point scan of every installed package (~20 ms of each start).
        return sqlite_utils.Database(conn, execute_plugins=False)
    except sqlite3.Error as error:
        raise explain(error, path) from error


def database_file(db: sqlite_utils.Database) -> str | None:
    """The file behind ``db``, or None for an in-memory database. The one place that asks
    SQLite (sessions keep the answer as ``Session.path``)."""
    row = db.execute("PRAGMA database_list").fetchone()
    return row[2] if row and row[2] else None


def open_database(path: Path | str, *, migrate: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) and migrate the database at ``path``.

    A file written by a newer version of the app is refused and left untouched; a file that
    is not ours is refused too. Before an existing file is migrated, a copy is set aside.
    """
    path = Path(path)
    existed = path.exists() and path.stat().st_size > 0
    if existed:
        refuse_foreign_or_newer(path)
    db = connect(path)
    try:
        if not db.memory:
            with contextlib.suppress(sqlite3.OperationalError):
                db.execute("PRAGMA journal_mode = WAL")
        version = schema_version(db)
        if migrate and version < migrations.latest_version():
            copy = _copy_aside(db, path, version) if existed and version > 0 else None
            _migrate(db, path, version, copy)
    except sqlite3.Error as error:
        db.close()
        raise explain(error, path) from error
    except BaseException:
        db.close()
        raise
    return db


def _migrate(db: sqlite_utils.Database, path: Path, version: int, copy: Path | None) -> None:
    """Apply the missing migrations in one transaction; a failure leaves the file as it was."""
    try:
        apply_migrations(db)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    except Exception as error:
        if isinstance(error, sqlite3.Error):
            explained = explain(error, path)
            if type(explained) is not StoreError:  # busy, disk full, read-only: say that
                raise explained from error
        kept = f"升级前的副本在 {copy}。" if copy else ""
        raise MigrationFailed(
            f"数据库文件 {path} 从数据版本 {version} 升级到 {migrations.latest_version()} 时出错"
            f"（{error}），文件未做任何改动。{kept}请把这条信息告诉技术支持人员。"
        ) from error


def schema_version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def connect_read_only(path: Path | str) -> sqlite3.Connection:
    """A plain sqlite3 connection that cannot write to ``path`` (nor create it).

    The URI is built by pathlib, which percent-encodes ``#``, ``?`` and spaces: pasted into
    ``file:{path}?mode=ro`` a ``#`` in a folder name cut the URI short, and SQLite opened (and
    created) a different file, read-write. With no ``-wal`` file beside it the main file holds
    everything, so it is read as immutable: a read-only connection to a WAL file otherwise
    leaves new ``-wal`` and ``-shm`` files next to a file it was asked not to touch.
    """
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    if not Path(f"{path}-wal").exists():
        uri += "&immutable=1"
    return sqlite3.connect(uri, uri=True)


def refuse_foreign_or_newer(path: Path) -> None:
    """Read the header with a read-only connection, so a refused file is never written."""
    try:
        conn = connect_read_only(path)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as error:
        raise explain(error, path) from error
    if has_tables and app_id not in (0, APPLICATION_ID):
        raise NotADatabase(f"文件 {path} 是别的程序的数据库，不是邻里帮的数据库，未做任何改动。")
    if has_tables and app_id == 0 and version == 0:
        raise NotADatabase(f"文件 {path} 不是邻里帮的数据库，未做任何改动。请选择正确的文件。")
    latest = migrations.latest_version()
    if version > latest:
        raise DatabaseTooNew(
            f"数据库文件 {path} 由更新版本的邻里帮创建（数据版本 {version}，本程序只认识到 "
            f"{latest}）。为保护数据，本程序不会打开或改动它，请安装新版本后再打开。"
        )


def _copy_aside(db: sqlite_utils.Database, path: Path, version: int) -> Path:
    """A consistent copy of the file before its schema changes (VACUUM INTO reads a live file)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.v{version}-{stamp}.before-upgrade{path.suffix}")
    try:
        db.execute("VACUUM INTO ?", [str(target)])
    except sqlite3.Error:
        shutil.copy2(path, target)
    return target


__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "StoreError",
    "connect",
    "connect_read_only",
    "database_file",
    "open_database",
    "refuse_foreign_or_newer",
    "schema_version",
]
