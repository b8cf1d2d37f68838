"""What the commands share: opening the database as the acting user, a Qt context for PDFs,
writing an output file with one kind of error message."""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from ..services import lookups
from ..services.session import BUILTIN_ADMIN, Actor, Session
from ..store.connection import open_database
from . import CommandError


@contextlib.contextmanager
def open_session(args: argparse.Namespace, actor: Actor = BUILTIN_ADMIN) -> Iterator[Session]:
    """The command line acts as the built-in administrator (scripts run as the PC's admin)."""
    from . import database_path

    path = database_path(args)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = open_database(path)
    try:
        yield Session(db, actor)
    finally:
        db.close()


def gui_application():
    """A QGuiApplication for rendering PDFs without a screen."""
    from ..refcounts import keep_singletons_alive

    # Painting a page is a dozen void Qt calls: each drops a reference to None under
    # PySide6 6.12 on Python 3.11 (refcounts.py); ui/app.py does the same for the window.
    keep_singletons_alive()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication([])


def find_team_id(session: Session, text: str) -> int:
    """A team by its id or its full name (services/lookups.py says which wins)."""
    found = lookups.team_id(session, text)
    if found is None:
        raise CommandError(f"找不到队伍“{text}”，请用队伍的编号或完整队名。")
    return found


def find_volunteer(session: Session, text: str) -> tuple[int, str]:
    """A volunteer's id and name, by id or volunteer number (the number wins)."""
    found = lookups.volunteer(session, text)
    if found is None:
        raise CommandError(f"找不到志愿者“{text}”，请用志愿者的数据库编号或志愿者编号（如 ZY2026-00012）。")
    return found


_WHY = {errno.ENOENT: "文件夹不存在", errno.EACCES: "没有写入权限（文件可能正被其他程序打开，或文件夹只读）",
        errno.EPERM: "没有写入权限", errno.ENOTDIR: "路径中有一段是文件而不是文件夹",
        errno.EEXIST: "路径中有一段是文件而不是文件夹", errno.ENOSPC: "磁盘已满", errno.EROFS: "磁盘是只读的"}


def write_out(path: Path, write: Callable[[], object]) -> None:
    """Run ``write`` (which writes ``path``); any failure to write becomes one Chinese line,
    and a failed write leaves no empty file behind where there was none."""
    if path.is_dir():
        raise CommandError(f"输出文件 {path} 是一个文件夹，请写文件名。")
    existed = path.exists()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "ab"):   # Qt's PDF writer fails silently: find out before rendering
            pass
        write()
    except OSError as error:
        _forget(path, existed)
        why = _WHY.get(error.errno or 0, error.strerror or str(error))
        raise CommandError(f"无法写入 {path}：{why}。请换一个可写的文件夹或文件名。") from error
    except BaseException:
        _forget(path, existed)
        raise


def _forget(path: Path, existed: bool) -> None:
    if not existed:  # a folder in the way or no permission: nothing of ours to remove
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
