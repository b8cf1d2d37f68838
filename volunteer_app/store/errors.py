"""Environmental failures of the database file, each with a message a committee worker can act on.

These are "known errors" (as opposed to bugs): the window shows the message and carries on;
the command line prints it on one line and exits non-zero.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


class StoreError(Exception):
    """A problem with the database file itself, explained in Chinese."""


class DatabaseTooNew(StoreError):
    pass


class NotADatabase(StoreError):
    pass


class MigrationFailed(StoreError):
    """Bringing an older file to this version failed; the transaction left it as it was."""


class DatabaseBusy(StoreError):
    pass


class DatabaseReadOnly(StoreError):
    pass


class DiskFull(StoreError):
    pass


def explain(error: sqlite3.Error, path: Path | str) -> StoreError:
    """Turn an sqlite3 error into a StoreError whose message says what to do."""
    text = str(error).lower()
    if "database is locked" in text or "busy" in text:
        return DatabaseBusy(
            f"数据库文件 {path} 正被另一个程序占用，请关闭其他打开它的邻里帮窗口后重试。"
        )
    if "readonly" in text or "read-only" in text or "attempt to write" in text:
        return DatabaseReadOnly(
            f"数据库文件 {path} 所在的文件夹不能写入（只读），请换一个可写的文件夹，或请电脑管理员开放权限。"
        )
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFull(f"磁盘已满，无法保存到 {path}。请清理磁盘空间后重试，已保存的数据不受影响。")
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return NotADatabase(
            f"文件 {path} 不是邻里帮的数据库，或者已经损坏。请选择正确的文件，或用备份恢复。"
        )
    if "unable to open" in text:
        return DatabaseReadOnly(f"无法打开数据库文件 {path}，请确认文件夹存在并且可以写入。")
    return StoreError(f"数据库 {path} 出错：{error}")
