"""Backup, restore and integrity check of the database file."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import safe_copy, window_lock
from .connection import (
    connect,
    open_database,
    refuse_foreign_or_newer,
    schema_version,
)
from .errors import NotADatabase, StoreError, explain
from .migrations import SCHEMA_VERSION
from .person_numbers import same_person_twice
from .user_logins import same_login_twice

if TYPE_CHECKING:
    import sqlite_utils


@dataclass(frozen=True)
class CheckReport:
    path: str
    schema_version: int
    expected_version: int
    integrity: str          # "ok" or SQLite's first complaint
    foreign_key_problems: int
    counts: dict[str, int]
    # rows left as they were by the ID number migration: the same number twice once cleaned
    same_person_twice: tuple[str, ...] = ()
    # accounts left as they were by the login migration: one login twice once half-width
    same_login_twice: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return (self.integrity == "ok" and self.foreign_key_problems == 0
                and self.schema_version == self.expected_version)


def check(db: sqlite_utils.Database, path: str = "") -> CheckReport:
    """What is wrong with the file, as a report: damaged pages are a finding, not a crash."""
    try:
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as error:   # too damaged even to walk: that is the finding
        integrity = str(error)
    try:
        fk_problems = len(db.execute("PRAGMA foreign_key_check").fetchall())
    except sqlite3.DatabaseError:
        fk_problems = -1 if integrity == "ok" else 0
    counts: dict[str, int] = {}
    for name in sorted(db.table_names()):
        try:
            counts[name] = db.table(name).count
        except sqlite3.DatabaseError:
            counts[name] = -1            # unreadable: shown as such, the rest still counted
    return CheckReport(path, schema_version(db), SCHEMA_VERSION, integrity, fk_problems, counts,
                       tuple(same_person_twice(db)) if integrity == "ok" else (),
                       tuple(same_login_twice(db)) if integrity == "ok" else ())


def backup(db: sqlite_utils.Database, target: Path | str) -> Path:
    """A consistent copy of the live database (VACUUM INTO), never a raw file copy.

    Written under a temporary name beside ``target``, verified, then renamed: a failure
    leaves no partial file and says its real cause."""
    target = Path(target)
    if target.exists():
        raise StoreError(f"备份文件 {target} 已经存在，为免覆盖，请换一个文件名。")
    return safe_copy.write_verified(lambda partial: db.execute("VACUUM INTO ?", [str(partial)]),
                                    target)


def restore(source: Path | str, target: Path | str) -> Path | None:
    """Replace the database at ``target`` with the backup ``source``.

    Refused while a window (another process) holds the file. The backup, with its ``-wal``
    if one lies beside it, is read as one snapshot and checked first (ours, not newer,
    intact); the current data are kept aside under a new timestamped
    ``*.before-restore`` name, which is returned. The restored data are written into the
    file in place with SQLite's backup API, so connections still open on it in this process
    read the restored data.
    """
    source, target = Path(source), Path(target)
    if not source.is_file():
        raise StoreError(f"找不到备份文件 {source}。")
    safe_copy.ready_folder(target.parent)
    with window_lock.hold(target), safe_copy.snapshot(source, target.parent) as snapshot:
        _check_backup(snapshot, source)
        kept = _keep_current(target) if target.exists() else None
        _write_into(snapshot, target)
        open_database(target).close()  # migrate an older backup now, with its copy aside
    return kept


def _check_backup(snapshot: Path, source: Path) -> None:
    """Ours, not newer, intact (the snapshot is our private copy; the backup stays as it is)."""
    try:
        refuse_foreign_or_newer(snapshot)
    except StoreError as error:
        raise type(error)(str(error).replace(str(snapshot), str(source))) from error
    try:
        probe = sqlite3.connect(snapshot)
        try:
            integrity = probe.execute("PRAGMA integrity_check").fetchone()[0]
            tables = probe.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            probe.close()
    except sqlite3.Error as error:
        raise explain(error, source) from error
    if not tables:   # a 0-byte or empty file: restoring it would empty the database
        raise NotADatabase(f"备份文件 {source} 是空的，没有任何数据，不是邻里帮的备份，未做任何改动。"
                           "请选择正确的备份文件。")
    if integrity != "ok":
        raise NotADatabase(f"备份文件 {source} 已损坏（{integrity}），未做任何改动。")


def _write_into(snapshot: Path, target: Path) -> None:
    """Copy the snapshot into ``target`` in place (backup API: one transaction, all or
    nothing). A file SQLite cannot take as a database at all is replaced whole instead."""
    source = sqlite3.connect(snapshot)
    try:
        try:
            current = connect(target)
            try:
                source.backup(current.conn)
            finally:
                current.close()
        except (StoreError, sqlite3.Error):
            _replace_whole(source, target)
    finally:
        source.close()


def _replace_whole(source: sqlite3.Connection, target: Path) -> None:
    staging = target.with_name(target.name + ".restoring")
    staging.unlink(missing_ok=True)
    try:
        destination = sqlite3.connect(staging)
        try:
            source.backup(destination)
        finally:
            destination.close()
        for suffix in ("-wal", "-shm"):  # the old journal must not be replayed onto the backup
            Path(str(target) + suffix).unlink(missing_ok=True)
        staging.replace(target)
    except (OSError, sqlite3.Error) as error:
        staging.unlink(missing_ok=True)
        raise safe_copy.failure(error, target) from error


def _keep_current(target: Path) -> Path:
    """Set the current data aside under a new timestamped ``*.before-restore`` name (an earlier
    one is never overwritten). A damaged file (the usual reason to restore) cannot be read by
    VACUUM INTO, so it is copied as it is, journal and all."""
    kept = safe_copy.unique_name(target.parent, target.name, ".before-restore")
    try:
        current = connect(target)
        try:
            current.execute("VACUUM INTO ?", [str(kept)])
        finally:
            current.close()
    except (StoreError, sqlite3.Error):
        _copy_as_is(target, kept)
    return kept


def _copy_as_is(target: Path, kept: Path) -> None:
    copies = [(target, kept)] + [(Path(f"{target}{s}"), Path(f"{kept}{s}")) for s in ("-wal", "-shm")]
    try:
        for origin, copy in copies:
            copy.unlink(missing_ok=True)
            if origin.exists():
                shutil.copy2(origin, copy)
    except OSError as error:
        for _origin, copy in copies:
            copy.unlink(missing_ok=True)
        raise safe_copy.failure(error, kept) from error
