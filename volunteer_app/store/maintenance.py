"""Backup, restore and integrity check of the database file."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from .connection import (
    connect,
    connect_read_only,
    open_database,
    refuse_foreign_or_newer,
    schema_version,
)
from .errors import NotADatabase, StoreError, explain
from .migrations import SCHEMA_VERSION


@dataclass(frozen=True)
class CheckReport:
    path: str
    schema_version: int
    expected_version: int
    integrity: str          # "ok" or SQLite's first complaint
    foreign_key_problems: int
    counts: dict[str, int]

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
    return CheckReport(path, schema_version(db), SCHEMA_VERSION, integrity, fk_problems, counts)


def backup(db: sqlite_utils.Database, target: Path | str) -> Path:
    """A consistent copy of the live database (VACUUM INTO), never a raw file copy."""
    target = Path(target)
    if target.exists():
        raise StoreError(f"备份文件 {target} 已经存在，为免覆盖，请换一个文件名。")
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        db.execute("VACUUM INTO ?", [str(target)])
    except sqlite3.Error as error:
        raise explain(error, target) from error
    return target


def restore(source: Path | str, target: Path | str) -> Path | None:
    """Replace the database at ``target`` with the backup ``source``.

    The backup is checked first (ours, not newer, intact); the current file is kept aside
    as ``*.before-restore``, whose path is returned.
    """
    source, target = Path(source), Path(target)
    if not source.exists():
        raise StoreError(f"找不到备份文件 {source}。")
    _check_backup(source)
    target.parent.mkdir(parents=True, exist_ok=True)
    kept = _keep_current(target) if target.exists() else None
    staging = target.with_name(target.name + ".restoring")
    shutil.copy2(source, staging)
    for suffix in ("-wal", "-shm"):  # the old file's journal must not be replayed onto the backup
        Path(str(target) + suffix).unlink(missing_ok=True)
    staging.replace(target)
    open_database(target).close()  # migrate an older backup now, with its copy aside
    return kept


def _check_backup(source: Path) -> None:
    """Ours, not newer, intact; read through a read-only connection, so the backup stays as it is."""
    refuse_foreign_or_newer(source)
    try:
        probe = connect_read_only(source)
        try:
            integrity = probe.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            probe.close()
    except sqlite3.Error as error:
        raise explain(error, source) from error
    if integrity != "ok":
        raise NotADatabase(f"备份文件 {source} 已损坏（{integrity}），未做任何改动。")


def _keep_current(target: Path) -> Path:
    """Set the current file aside as ``*.before-restore``. A damaged file (the usual reason to
    restore) cannot be read by VACUUM INTO, so it is copied as it is, journal and all."""
    kept = target.with_name(target.name + ".before-restore")
    kept.unlink(missing_ok=True)
    try:
        current = connect(target)
        try:
            current.execute("VACUUM INTO ?", [str(kept)])
        finally:
            current.close()
    except (StoreError, sqlite3.Error):
        kept.unlink(missing_ok=True)
        shutil.copy2(target, kept)
        for suffix in ("-wal", "-shm"):
            journal = Path(str(target) + suffix)
            if journal.exists():
                shutil.copy2(journal, Path(str(kept) + suffix))
    return kept
