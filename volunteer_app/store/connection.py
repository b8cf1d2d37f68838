"""Opening the one SQLite file: pragmas, version check, migrations after a safety copy."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from . import migrations, new_file, partial_files
from .errors import (
    ENVIRONMENTAL,
    DatabaseTooNew,
    MigrationFailed,
    NotADatabase,
    StoreError,
    damaged,
    explain,
)
from .lazy_database import LazyDatabase
from .migrations import MIGRATIONS, SCHEMA_VERSION, apply_migrations
from .transactions import transaction

if TYPE_CHECKING:
    import sqlite_utils

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
        # entry-point scan of every installed package (~20 ms of each start). sqlite-utils
        # itself is imported when the connection is first used as a Database, not before
        # the window's first paint (lazy_database.py).
        return LazyDatabase(conn)  # type: ignore[return-value]
    except sqlite3.Error as error:
        raise explain(error, path) from error


def database_file(db: sqlite_utils.Database) -> str | None:
    """The file behind ``db``, or None for an in-memory database. The one place that asks
    SQLite (sessions keep the answer as ``Session.path``)."""
    row = db.execute("PRAGMA database_list").fetchone()
    return row[2] if row and row[2] else None


def open_database(path: Path | str, *, migrate: bool = True,
                  verify: bool | IntegrityCheck = True) -> sqlite_utils.Database:
    """Open (creating if needed) and migrate the database at ``path``.

    Only a path where nothing exists becomes a new database. A file written by a newer
    version of the app, a file that is not ours (an empty one too) and, with ``verify``, a
    damaged one (``PRAGMA quick_check``) are refused and left untouched. Before an existing
    file is migrated, a copy is set aside.

    ``verify`` may be an :class:`IntegrityCheck` started on the file beforehand: the caller
    then asks for its result before anything writes, and a migration waits for it here.
    """
    path = Path(path)
    existed = path.exists()
    if existed:
        refuse_empty(path)
        refuse_foreign_or_newer(path, verify=verify is True)
    elif str(path) not in ("", ":memory:"):
        new_file.create(path)      # never seen at 0 bytes by a second program opening it
    db = connect(path)
    try:
        if not db.memory:
            with contextlib.suppress(sqlite3.OperationalError):
                db.execute("PRAGMA journal_mode = WAL")
        version = schema_version(db)
        if migrate and version < migrations.latest_version():
            if isinstance(verify, IntegrityCheck):
                verify.result()
            copy = _copy_aside(db, path, version) if existed and version > 0 else None
            _migrate(db, path, version, copy)
    except (sqlite3.Error, OSError) as error:
        db.close()
        raise explain(error, path) from error
    except BaseException:
        db.close()
        raise
    return db


def refuse_empty(path: Path) -> None:
    """A file of 0 bytes is not a database that lost its data: turning it into a new, empty one
    would hide that loss. (A new database in WAL mode has its first page in the file at once.)"""
    try:
        empty = path.stat().st_size == 0
        wal = Path(f"{path}-wal")
        journal_holds_data = wal.exists() and wal.stat().st_size > 0
    except OSError as error:
        raise explain(error, path) from error
    if path.is_dir():
        raise NotADatabase(f"{path} 是一个文件夹，不是邻里帮的数据库文件，请写文件名。")
    if empty and not journal_holds_data:
        raise NotADatabase(f"文件 {path} 是空的（0字节），不是邻里帮的数据库，未做任何改动。"
                           "如果原来的数据丢失了，请用备份恢复；要新建数据库，请换一个还不存在的文件名。")


def writable_or_refuse(db: sqlite_utils.Database, path: Path | str) -> None:
    """Try a write that is rolled back (the file's bytes stay as they were), so that a window
    on a read-only file says so at once instead of at the first save."""
    try:
        with transaction(db):
            version = schema_version(db)
            db.execute(f"PRAGMA user_version = {version}")
            raise _Probe()
    except _Probe:
        return
    except sqlite3.Error as error:
        raise explain(error, path) from error


class _Probe(Exception):
    pass


def _migrate(db: sqlite_utils.Database, path: Path, version: int, copy: Path | None) -> None:
    """Apply the missing migrations in one transaction; a failure leaves the file as it was."""
    try:
        apply_migrations(db)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    except Exception as error:
        if isinstance(error, sqlite3.Error):
            explained = explain(error, path)
            if isinstance(explained, ENVIRONMENTAL):  # busy, disk full, read-only: say that
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


class IntegrityCheck:
    """``PRAGMA quick_check`` of an existing file (every page: about 15 ms on the demo file,
    0.1-0.2 s on ``demo --scale 10``, several times that on a cold disk), to be run apart
    from the opening. ``open_database(path, verify=check)`` checks the header only and runs
    the check itself only before a migration writes. The window runs :meth:`run` on the
    background runner once the file is open (beside the opening's own reads it made them
    three times slower), so that it shares the PC's cores with the building of the first
    window: SQLite reads with Python's lock released. :meth:`result` (which runs it, if
    nobody did) refuses a damaged file as ``open_database(path, verify=True)`` does; ask for
    it before anything writes to the file."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self._problem = "ok"
        self._error: sqlite3.Error | None = None
        self._done = not self.path.is_file()        # a new file: nothing to check

    def run(self) -> None:
        if self._done:
            return
        try:
            conn = connect_read_only(self.path)
            try:
                self._problem = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
            finally:
                conn.close()
        except sqlite3.Error as error:
            self._error = error
        self._done = True

    def result(self) -> None:
        self.run()
        if self._error is not None:
            raise explain(self._error, self.path) from self._error
        if self._problem != "ok":
            raise damaged(self.path, self._problem)


def refuse_foreign_or_newer(path: Path, *, verify: bool = False) -> None:
    """Read the header with a read-only connection, so a refused file is never written.

    With ``verify``, ``PRAGMA quick_check`` also reads every page (0.085 s on the 30 MB demo
    of ``demo --scale 10``): a file damaged in the middle is refused before anything is
    written to it, rather than failing at some later save."""
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
    if verify:
        IntegrityCheck(path).result()
    latest = migrations.latest_version()
    if version > latest:
        raise DatabaseTooNew(
            f"数据库文件 {path} 由更新版本的邻里帮创建（数据版本 {version}，本程序只认识到 "
            f"{latest}）。为保护数据，本程序不会打开或改动它，请安装新版本后再打开。"
        )


def _copy_aside(db: sqlite_utils.Database, path: Path, version: int) -> Path:
    """A consistent copy of the file before its schema changes (VACUUM INTO reads a live file).

    Written under a temporary name and renamed once complete: on a full disk the partial copy
    is removed, the file itself is not touched, and the error says so."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.v{version}-{stamp}.before-upgrade{path.suffix}")
    partial_files.remove_dead(path.parent, f".{path.name}.", ".upgrade", new_file.JOURNALS)
    partial = path.with_name(f".{path.name}.{partial_files.owner_tag()}.upgrade")
    try:
        try:
            db.execute("VACUUM INTO ?", [str(partial)])
        except sqlite3.Error:
            partial.unlink(missing_ok=True)
            shutil.copy2(path, partial)
        partial.replace(target)
    except (sqlite3.Error, OSError) as error:
        partial.unlink(missing_ok=True)
        raise explain(error, target) from error
    return target


__all__ = [
    "IntegrityCheck",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "StoreError",
    "connect",
    "connect_read_only",
    "database_file",
    "open_database",
    "refuse_empty",
    "refuse_foreign_or_newer",
    "schema_version",
    "writable_or_refuse",
]
