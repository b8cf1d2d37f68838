"""One window per database file: a QLockFile on the file's real path.

The lock's name comes from :func:`volunteer_app.store.window_lock.lock_path` (the resolved
real path), so a symlink or another spelling of the path cannot open a second window on the
same file, and the command line's restore finds the same lock.
"""

from __future__ import annotations

import errno
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile

from ..store.window_lock import lock_path


def take_window_lock(db_path: Path) -> tuple[QLockFile, str | None]:
    """The lock and None when this window may use ``db_path``; else the lock and why not."""
    lock = QLockFile(str(lock_path(db_path)))
    lock.setStaleLockTime(0)   # held for the whole session: only a dead holder makes it stale
    if lock.tryLock(100):
        return lock, None
    return lock, refusal(lock.error(), db_path)


def refusal(error: QLockFile.LockError, db_path: Path) -> str:
    """The message for a lock not taken, by its real cause."""
    folder = str(Path(db_path).parent)
    if error == QLockFile.LockError.LockFailedError:
        return QCoreApplication.translate(
            "WindowLock", "已经有一个邻里帮窗口在使用数据库 %1。\n请切换到那个窗口。"
        ).replace("%1", str(db_path))
    if error == QLockFile.LockError.PermissionError or _refuses_new_files(Path(folder)):
        return QCoreApplication.translate(
            "WindowLock", "数据库所在的文件夹 %1 是只读的（或没有写入权限），邻里帮无法在这里保存数据。\n"
            "请把数据库文件复制到可以写入的文件夹再打开，或请电脑管理员开放权限。"
        ).replace("%1", folder)
    return QCoreApplication.translate(
        "WindowLock", "无法在数据库所在的文件夹 %1 里建立锁文件（磁盘可能已满，或者这不是一个文件夹）。\n"
        "请检查磁盘空间和路径后重试。"
    ).replace("%1", folder)


def _refuses_new_files(folder: Path) -> bool:
    """Qt names only EACCES and EROFS a permission error; an immutable folder or some network
    shares answer EPERM, which Qt calls unknown: ask the folder itself."""
    try:
        with tempfile.TemporaryFile(dir=folder):
            return False
    except PermissionError:
        return True
    except OSError as error:
        return error.errno == errno.EROFS
