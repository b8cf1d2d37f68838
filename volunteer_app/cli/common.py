"""What the commands share: opening the database as the acting user, a Qt context for PDFs,
writing an output file with one kind of error message."""

from __future__ import annotations

import argparse
import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from ..services.output_files import cannot_write, written_whole
from ..services.people import lookups
from ..services.session import BUILTIN_ADMIN, Actor, Session
from ..store.connection import open_database
from . import CommandError
from .typed_values import plain

T = TypeVar("T")


@contextlib.contextmanager
def open_session(args: argparse.Namespace, actor: Actor = BUILTIN_ADMIN,
                 create: bool = False) -> Iterator[Session]:
    """The command line acts as the built-in administrator (scripts run as the PC's admin).

    Only a command that starts a ledger (``create``: demo, import, adding the first community,
    place or user) makes a new database file; any other refuses a path where there is none,
    so a mistyped ``--db`` is told so instead of answering from an empty new file."""
    from . import database_path

    path = database_path(args)
    if not create and not path.exists():
        raise CommandError(f"找不到数据库文件 {path}，请检查 --db 后面的路径。")
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
    """A team by its id or its full name (services/people/lookups.py says which wins)."""
    found = _as_typed_or_plain(lambda words: lookups.team_id(session, words), text)
    if found is None:
        raise CommandError(f"找不到队伍“{text}”，请用队伍的编号或完整队名。")
    return found


def find_volunteer(session: Session, text: str) -> tuple[int, str]:
    """A volunteer's id and name, by id or volunteer number (the number wins)."""
    found = _as_typed_or_plain(lambda words: lookups.volunteer(session, words), text)
    if found is None:
        raise CommandError(f"找不到志愿者“{text}”，请用志愿者的数据库编号或志愿者编号（如 ZY2026-00012）。")
    return found


def _as_typed_or_plain(find: Callable[[str], T | None], text: str) -> T | None:
    """As typed first (a name may have full-width brackets), then as half-width text: an id
    or a volunteer number typed in the input method's full-width mode (１, ＺＹ２０２６－０００１２)."""
    found = find(text)
    if found is None and plain(text) != text:
        found = find(plain(text))
    return found


def check_writable(path: Path, label: str, endings: tuple[str, ...] = (".xlsx", ".csv")) -> None:
    """Before anything is saved: a file named ``path`` can be made there (its folder is made
    now). A command that saves first and writes its file after (an import and its --errors
    file) is refused up front instead of failing once its change is already saved."""
    if path.suffix.lower() not in endings:
        raise CommandError(f"{label} {path} 应以 {' 或 '.join(endings)} 结尾。")
    if path.is_dir():
        raise CommandError(f"{label} {path} 是一个文件夹，请写文件名。")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path.parent):
            pass
    except OSError as error:
        raise CommandError(cannot_write(path, error)) from error


# An import's --errors file is written after the import's commit: its failure must not read as
# the import's.
SAVED_BUT_NOT_REJECTED = "导入的数据已保存，但未导入的行没有另存："


def write_out(path: Path, write: Callable[[Path], object]) -> None:
    """Run ``write`` on a temporary file beside ``path``, renamed over it once complete: a full
    disk or a cut-off write leaves no empty or partial file, and an existing one stays as it
    was. Any failure to write becomes one Chinese line."""
    if path.is_dir():
        raise CommandError(f"输出文件 {path} 是一个文件夹，请写文件名。")
    temporary = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with written_whole(path) as partial:
            temporary = str(partial)
            with open(partial, "ab"):   # Qt's PDF writer fails silently: find out before rendering
                pass
            write(partial)
    except OSError as error:
        raise CommandError(_as_asked(cannot_write(path, error), temporary, path)) from error
    except Exception as error:
        if temporary and temporary in str(error):   # a writer's own line, naming its file
            raise CommandError(_as_asked(str(error), temporary, path)) from error
        raise


def _as_asked(message: str, temporary: str, path: Path) -> str:
    """The line with the file the person asked for, not the temporary one (gone by now)."""
    return message.replace(temporary, str(path)) if temporary else message
