"""The window's lock on a database file, read and taken without Qt (the command line's side).

The window holds a ``QLockFile`` named after the file's *real* path plus ``.lock`` (so a
symlink or a second spelling of the path names the same lock). Qt writes the holder's pid,
process name and host name on the first three lines, and while it holds the lock it keeps the
file open: on Unix with ``flock(LOCK_EX)``, on Windows without delete sharing. Whether a lock
is live is therefore asked the way Qt itself asks before removing a stale lock: can we take the
``flock`` (Unix) or delete the file (Windows)? A pid in the file could be reused; an open file
held by a running process cannot lie.

:func:`hold` takes the same lock in Qt's format for the length of a restore, so a window
started meanwhile says the database is in use instead of opening a file being replaced.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from .errors import StoreError

try:
    import fcntl
except ImportError:  # Windows: an open handle without delete sharing is the lock
    fcntl = None  # type: ignore[assignment]


class WindowOpen(StoreError):
    """A window (or another restore) holds the database; nothing was changed."""


def lock_path(db_path: Path | str) -> Path:
    """The lock file of a database: its resolved real path plus ``.lock``."""
    return Path(os.path.realpath(db_path) + ".lock")


def holder_pid(db_path: Path | str) -> int | None:
    """The pid written in the lock file, or None when there is none (or it cannot be read)."""
    try:
        first = lock_path(db_path).read_text(encoding="utf-8", errors="replace").split("\n", 1)[0]
        return int(first)
    except (OSError, ValueError):
        return None


def held_by_this_process(db_path: Path | str) -> bool:
    """True in the window that holds the lock (its own restore may go ahead)."""
    return holder_pid(db_path) == os.getpid() and _is_live(lock_path(db_path))


@contextlib.contextmanager
def hold(db_path: Path | str) -> Iterator[None]:
    """Hold the window lock of ``db_path`` for the block; refuse while a window holds it.

    Inside the window that already holds it (the 设置 page's restore) nothing more is taken.
    """
    if held_by_this_process(db_path):
        yield
        return
    path = lock_path(db_path)
    if not _remove_if_stale(path):
        raise WindowOpen(_busy_message(db_path))
    handle = _create(path, db_path)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            path.unlink()
        handle.close()


def _busy_message(db_path: Path | str) -> str:
    # the lock file cannot tell a window from another restore (both write Qt's three lines)
    return (f"有一个邻里帮窗口正在使用数据库 {db_path}（或另一个恢复正在进行），不能在这时恢复"
            "（窗口里的修改会丢失）。请先关闭那个窗口或等那个恢复完成，或者在那个窗口的"
            "“设置 → 备份与恢复”里恢复。数据库没有改动。")


def _is_live(path: Path) -> bool:
    """Is the lock file held open by a running holder? (Asked without changing anything.)"""
    if fcntl is None:
        return path.exists()        # Windows: only a holder's own process asks (see hold)
    fd = _lock_stale(path)
    if fd is None:
        return path.exists()
    try:
        return _being_made(fd)
    finally:
        os.close(fd)


# A lock file that holds no lines yet is being made: its maker created it and has not yet
# taken the flock or written its pid. As Qt's QLockFile judges an unreadable lock by its age
# (QLockFile::staleLockTime, 30 s by default), such a file counts as held until it is this old.
MAKING_SECONDS = 30


def _being_made(fd: int) -> bool:
    found = os.fstat(fd)
    return found.st_size == 0 and time.time() - found.st_mtime < MAKING_SECONDS


def _remove_if_stale(path: Path) -> bool:
    """Remove a lock file nobody holds (its window crashed); False while someone holds it.

    As Qt does it: on Unix the stale file is unlinked while we hold its ``flock``, so a window
    starting at the same moment cannot have its fresh lock removed; on Windows the delete
    itself fails while a holder keeps the file open.
    """
    if fcntl is None:
        try:
            path.unlink()
        except FileNotFoundError:
            return True
        except PermissionError:
            return False
        return True
    fd = _lock_stale(path)
    if fd is None:
        return not path.exists()
    try:
        if _being_made(fd):
            return False
        path.unlink(missing_ok=True)
    finally:
        os.close(fd)
    return True


def _lock_stale(path: Path) -> int | None:
    """An fd of ``path`` with its ``flock`` taken (so nobody holds it), or None."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    return fd


def _create(path: Path, db_path: Path | str):
    """Create the lock file exclusively, lock it as Qt does and write Qt's three lines."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o666)
    except FileExistsError as error:
        raise WindowOpen(_busy_message(db_path)) from error
    except OSError as error:
        raise StoreError(f"文件夹 {path.parent} 不能写入（只读、没有写入权限或磁盘已满：{error.strerror}），"
                         "无法在这里恢复数据库。请换一个可以写入的文件夹。数据库没有改动。") from error
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    handle = os.fdopen(fd, "w", encoding="utf-8")
    handle.write(f"{os.getpid()}\n{_process_name()}\n{socket.gethostname()}\n")
    handle.flush()
    return handle


def _process_name() -> str:
    """The name Qt compares with the running process's name (its executable's file name)."""
    with contextlib.suppress(OSError):
        return Path(os.readlink("/proc/self/exe")).name
    return Path(sys.executable).name
