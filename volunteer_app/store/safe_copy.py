"""Copies of the database that are whole or absent: written under a temporary name in the
target folder, checked with ``PRAGMA integrity_check``, then renamed. A failure removes the
partial file and says the real cause (disk full, folder not writable, not a folder).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from . import partial_files
from .errors import DatabaseReadOnly, DiskFull, NotADatabase, StoreError, os_reason

_NOT_WRITABLE = {errno.EACCES, errno.EPERM, errno.EROFS}


def write_verified(write, target: Path) -> Path:
    """Call ``write(partial)`` to fill a new file, verify it, rename it to ``target``."""
    folder = ready_folder(target.parent)
    partial_files.remove_dead(folder, f".{target.name}.", ".partial", ("-journal", "-wal", "-shm"))
    partial = folder / f".{target.name}.{partial_files.owner_tag()}.partial"
    try:
        try:
            partial.open("xb").close()        # the folder's real fault shows here, with its errno
            write(partial)
        except OSError as error:
            raise failure(error, target) from error
        except sqlite3.Error as error:
            raise failure(error, target) from error
        verify(partial, target)
        if target.exists():
            raise StoreError(f"文件 {target} 已经存在，为免覆盖，请换一个文件名。")
        os.replace(partial, target)
    except BaseException:
        for leftover in (partial, *(Path(f"{partial}{s}") for s in ("-journal", "-wal", "-shm"))):
            leftover.unlink(missing_ok=True)
        raise
    return target


def ready_folder(folder: Path) -> Path:
    """The folder, created if missing; a path through a regular file is said to be one."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as error:
        blocker = _file_on_the_way(folder)
        raise StoreError(f"{blocker} 是一个文件，不是文件夹，无法在 {folder} 里保存。"
                         "请换一个文件夹。没有写入任何文件。") from error
    except OSError as error:
        raise failure(error, folder / "x") from error
    return folder


def _file_on_the_way(folder: Path) -> Path:
    for part in (folder, *folder.parents):
        if part.exists() and not part.is_dir():
            return part
    return folder


def verify(path: Path, named: Path | None = None) -> None:
    """``PRAGMA integrity_check`` on a finished copy (read-only, leaves no journal files)."""
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as error:
        result = str(error)
    if result != "ok":
        raise NotADatabase(f"写好的副本 {named or path} 没有通过完整性检查（{result}），已删除。"
                           "请换一个磁盘或文件夹重试。数据库没有改动。")


def failure(error: OSError | sqlite3.Error, target: Path) -> StoreError:
    """The real cause of a failed write to ``target``, in Chinese."""
    folder = target.parent
    code = getattr(error, "errno", None)
    text = str(error).lower()
    if code == errno.ENOSPC or "disk is full" in text or (code is None and _nearly_full(folder)):
        return DiskFull(f"磁盘已满：文件夹 {folder} 所在的磁盘没有足够空间，{target.name} 没有写完，"
                        "未完成的文件已删除。请清理磁盘空间或换一个磁盘后重试。数据库没有改动。")
    if code in _NOT_WRITABLE or "readonly" in text or "unable to open" in text:
        return DatabaseReadOnly(f"文件夹 {folder} 不能写入（只读，或没有写入权限），{target.name} 没有保存。"
                                "请换一个可以写入的文件夹（例如U盘上的文件夹）。数据库没有改动。")
    if code == errno.ENOTDIR:
        return StoreError(f"{_file_on_the_way(folder)} 是一个文件，不是文件夹。请换一个文件夹。")
    if "i/o error" in text:
        return StoreError(f"写入 {target} 时磁盘读写出错（磁盘可能已满、U盘被拔出，或文件超出了这个磁盘"
                          "允许的大小），未完成的文件已删除。请换一个磁盘重试。数据库没有改动。")
    if code == errno.EFBIG:
        return DiskFull(f"{target.name} 超出了文件夹 {folder} 所在磁盘允许的文件大小，没有写完，"
                        "未完成的文件已删除。请换一个磁盘或清理磁盘空间后重试。数据库没有改动。")
    reason = os_reason(error) if isinstance(error, OSError) else str(error)
    return StoreError(f"写入 {target} 时出错（{reason}），未完成的文件已删除。"
                      "请换一个磁盘或文件夹后重试。数据库没有改动。")


def _nearly_full(folder: Path) -> bool:
    """SQLite reports some short writes as a plain I/O error: ask the disk itself."""
    try:
        return shutil.disk_usage(folder).free < 1024 * 1024
    except OSError:
        return False


def unique_name(folder: Path, stem: str, suffix: str) -> Path:
    """``stem.YYYYmmdd-HHMMSS`` + ``suffix``, with ``-2``, ``-3`` … so nothing is overwritten."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = folder / f"{stem}.{stamp}{suffix}"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}.{stamp}-{n}{suffix}"
        n += 1
    return candidate


@contextlib.contextmanager
def snapshot(source: Path, folder: Path) -> Iterator[Path]:
    """A private copy of ``source`` with its ``-wal`` replayed into it: one consistent state.

    The user's backup file is only read (opening it in place would write its ``-shm`` and,
    on close, fold the WAL into it). The copy lives in ``folder`` (the target's), so a folder
    that cannot be written fails here, before anything is changed.
    """
    ready_folder(folder)
    try:
        staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=folder))
    except OSError as error:
        raise failure(error, folder / source.name) from error
    try:
        copy = staging / "snapshot.sqlite3"
        try:
            shutil.copyfile(source, copy)
            wal = Path(f"{source}-wal")
            if wal.exists():
                shutil.copyfile(wal, Path(f"{copy}-wal"))
        except OSError as error:   # named by the folder the person knows, not the staging one
            raise failure(error, folder / source.name) from error
        yield copy
    finally:
        shutil.rmtree(staging, ignore_errors=True)
