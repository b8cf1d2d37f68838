"""Automatic backups: taken by the window at start-up and every few hours of use, kept in a
``自动备份`` folder beside the database, thinned out grandfather-father-son.

Beside the database rather than in the user's data folder: a database opened with ``--db``
from elsewhere keeps its backups with it, and the default database lives in the user's data
folder anyway. The folder is on the same disk, so it guards against mistakes and a damaged
file, not a dead disk: the 设置 page still asks for copies on a USB stick.

Taking one is the app's own safety net, not a person's action, so it needs no permission and
writes no audit entry (every few hours it would bury the log); listing and restoring them are
the administrator's, through :mod:`.backups`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from ...domain.backup_rotation import backups_to_keep
from ...store import maintenance
from ...store.connection import connect
from ..permissions import Permission
from ..session import Session
from . import settings

FOLDER_NAME = "自动备份"
INTERVAL_KEY = "backup.auto_hours"
STAMP = "%Y%m%d-%H%M%S"
# A restart within this gap does not take another start-up copy of the same data.
START_UP_GAP = timedelta(hours=1)


@dataclass(frozen=True)
class AutoBackup:
    path: Path
    taken_at: datetime
    size: int           # bytes


def folder_for(db_path: Path | str) -> Path:
    return Path(db_path).parent / FOLDER_NAME


def _pattern(db_path: Path | str) -> re.Pattern[str]:
    return re.compile(re.escape(Path(db_path).stem) + r"-(\d{8}-\d{6})\.sqlite3")


def find(db_path: Path | str) -> list[AutoBackup]:
    """The automatic backups of this database, newest first (other files are left alone)."""
    folder, pattern = folder_for(db_path), _pattern(db_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = pattern.fullmatch(path.name)
        if match and path.is_file():
            found.append(AutoBackup(path, datetime.strptime(match[1], STAMP), path.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def listed(session: Session, db_path: Path | str) -> list[AutoBackup]:
    """For the 设置 page: the administrator's view of the automatic backups."""
    session.require(Permission.BACKUP)
    return find(db_path)


def interval_hours(session: Session) -> float:
    """Hours between automatic backups while the window is open; 0 turns them off."""
    return max(0.0, float(settings.get(session, INTERVAL_KEY)))


def due_at_start_up(db_path: Path | str, now: datetime) -> bool:
    newest = find(db_path)
    return not newest or now - newest[0].taken_at >= START_UP_GAP


def take(db_path: Path | str, now: datetime) -> AutoBackup:
    """Back up now (verified, renamed when whole), then thin out the older ones.

    Opens its own connection, so it runs on whichever thread calls it."""
    target = folder_for(db_path) / f"{Path(db_path).stem}-{now.strftime(STAMP)}.sqlite3"
    if not target.exists():
        db = connect(db_path)
        try:
            maintenance.backup(db, target)
        finally:
            db.close()
    rotate(db_path, now)
    return AutoBackup(target, now.replace(microsecond=0), target.stat().st_size)


def rotate(db_path: Path | str, now: datetime) -> list[Path]:
    """Delete the automatic backups the rotation does not keep; returns what was deleted."""
    backups = find(db_path)
    keep = backups_to_keep((b.taken_at for b in backups), now)
    removed = [b.path for b in backups if b.taken_at not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed
