"""Environmental failures of the database file, each with a message a committee worker can act on.

These are "known errors" (as opposed to bugs): the window shows the message and carries on;
the command line prints it on one line and exits non-zero. :func:`explain` is the one place
where an ``sqlite3`` error or an ``OSError`` becomes such a message; the command line, the
window's error handler and the store's transaction all go through it.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

RESTORE_HINT = "请用备份恢复：在“设置 → 备份与恢复”中选择备份，或运行 python main.py restore 备份文件"


class StoreError(Exception):
    """A problem with the database file itself, explained in Chinese."""


class DatabaseTooNew(StoreError):
    pass


class NotADatabase(StoreError):
    pass


class DatabaseDamaged(StoreError):
    """SQLite found damaged pages: the file is refused and left as it is, to be restored."""


class MigrationFailed(StoreError):
    """Bringing an older file to this version failed; the transaction left it as it was."""


class DatabaseBusy(StoreError):
    pass


class DatabaseReadOnly(StoreError):
    pass


class DiskFull(StoreError):
    pass


class DiskProblem(StoreError):
    """The disk failed a read or write (SQLite's I/O error): removed, full, or failing."""


class SavedMeanwhile(StoreError):
    """Someone else saved the same thing at the same moment (a UNIQUE constraint in a race)."""


# The failures of the environment, not of the program: a transaction turns these into their
# StoreError at once; anything else (a constraint, a bug) keeps its own type.
ENVIRONMENTAL = (DatabaseBusy, DatabaseReadOnly, DiskFull, DiskProblem, NotADatabase,
                 DatabaseDamaged)


def explain(error: BaseException, path: Path | str) -> StoreError:
    """Turn an sqlite3 error or an OSError into a StoreError whose message says what to do."""
    if isinstance(error, StoreError):
        return error
    if isinstance(error, OSError):
        return explain_os(error, path)
    if isinstance(error, sqlite3.IntegrityError):
        return _explain_conflict(error, path)
    name = getattr(error, "sqlite_errorname", "") or ""
    text = str(error).lower()
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text \
            or "busy" in text:
        return DatabaseBusy(
            f"数据库文件 {path} 正被另一个程序占用，请关闭其他打开它的邻里帮窗口或命令，稍后重试。"
            "刚才的操作没有保存。")
    if name.startswith("SQLITE_READONLY") or "readonly" in text or "read-only" in text \
            or "attempt to write" in text:
        return DatabaseReadOnly(
            f"数据库文件 {path} 是只读的（文件或所在的文件夹不能写入），刚才的操作没有保存。"
            "请把它放到可写的文件夹，或请电脑管理员开放写入权限。")
    if name == "SQLITE_FULL" or "disk is full" in text:
        return DiskFull(f"磁盘已满，无法保存到 {path}。请清理磁盘空间后重试，已保存的数据不受影响。")
    if name == "SQLITE_NOTADB" or "not a database" in text or "file is encrypted" in text:
        return NotADatabase(
            f"文件 {path} 不是邻里帮的数据库，未做任何改动。请选择正确的文件，或用备份恢复。")
    if name.startswith("SQLITE_CORRUPT") or "malformed" in text:
        return damaged(path, "数据库页面损坏")
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return DiskProblem(
            f"读写数据库文件 {path} 时磁盘出错（磁盘可能已满、已拔出或有故障），刚才的操作没有保存。"
            "请检查磁盘后重试。")
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_PERM")) or "unable to open" in text:
        return DatabaseReadOnly(f"无法打开数据库文件 {path}，请确认文件夹存在并且可以写入。")
    return StoreError(f"数据库 {path} 出错：{error}")


def damaged(path: Path | str, detail: str) -> DatabaseDamaged:
    """The refusal of a damaged file, on one line, with the way to a backup."""
    detail = " ".join(detail.replace("*** in database main ***", "").split())
    return DatabaseDamaged(f"数据库文件 {path} 已损坏（{detail}），为保护数据没有打开，也未做任何改动。"
                           f"{RESTORE_HINT} --db {path}。")


_OS_REASONS = {
    errno.ENOSPC: (DiskFull, "磁盘已满"),
    errno.EFBIG: (DiskFull, "磁盘空间不足（文件超过了允许的大小）"),
    errno.EDQUOT: (DiskFull, "磁盘配额已用完"),
    errno.EROFS: (DatabaseReadOnly, "磁盘是只读的"),
    errno.EACCES: (DatabaseReadOnly, "没有写入权限（文件可能正被其他程序打开，或文件夹只读）"),
    errno.EPERM: (DatabaseReadOnly, "没有写入权限（文件或文件夹被设为只读）"),
    errno.ENOENT: (StoreError, "文件夹不存在"),
    errno.EIO: (DiskProblem, "磁盘读写出错"),
    # a path a person typed: a file where a folder should be, a folder where a file should be
    errno.ENOTDIR: (StoreError, "路径中有一段是文件，不是文件夹"),
    errno.EEXIST: (StoreError, "同名的文件已经存在（路径中可能有一段是文件，不是文件夹）"),
    errno.EISDIR: (StoreError, "这是一个文件夹，不是文件"),
    errno.ENAMETOOLONG: (StoreError, "文件名或路径太长"),
    errno.EINVAL: (StoreError, "文件名里有不允许的字符（如 : * ? \" < > |）"),
}


def os_reason(error: OSError) -> str:
    """Why a file could not be read or written, in Chinese (the system's text otherwise)."""
    if error.errno in _OS_REASONS:
        return _OS_REASONS[error.errno][1]
    return error.strerror or str(error)


def explain_os(error: OSError, path: Path | str | None = None) -> StoreError:
    """A failed read or write of a file (the database, a copy, an export) as one Chinese line."""
    where = path if path is not None else (error.filename or "文件")
    kind, why = _OS_REASONS.get(error.errno or 0, (StoreError, error.strerror or str(error)))
    advice = "请清理磁盘空间后重试。" if kind is DiskFull else "请换一个可写的文件夹或文件名后重试。"
    return kind(f"无法写入 {where}：{why}。刚才的操作没有完成，已保存的数据不受影响。{advice}")


# UNIQUE columns a person can collide on by saving at the same moment as someone else.
_UNIQUE_NAMES = {
    "users.login": "用户名已存在（刚刚有人用同一个用户名新增了账户），请换一个用户名。",
    "residents.id_number": "身份证号已登记（刚刚有人保存了同一个身份证号的居民），本次什么也没有保存，请刷新后重试。",
    "volunteers.id_number": "身份证号已登记（刚刚有人保存了同一个身份证号的志愿者），本次什么也没有保存，请刷新后重试。",
    "volunteers.volunteer_no": "志愿者编号已被占用（刚刚有人同时新增了志愿者），本次什么也没有保存，请重试。",
}


def _explain_conflict(error: sqlite3.IntegrityError, path: Path | str) -> StoreError:
    text = str(error)
    for column, message in _UNIQUE_NAMES.items():
        if f"UNIQUE constraint failed: {column}" in text:
            return SavedMeanwhile(message)
    if "UNIQUE constraint failed" in text:
        return SavedMeanwhile("刚刚有人同时保存了同样的数据（"
                              f"{text.split(':', 1)[-1].strip()} 重复），本次什么也没有保存，请刷新后重试。")
    return StoreError(f"数据库 {path} 拒绝了这次保存（{error}），本次什么也没有保存。")
