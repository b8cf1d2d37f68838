"""What the commands share: opening the database as the acting user, a Qt context for PDFs."""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import Iterator

from ..services.session import BUILTIN_ADMIN, Actor, Session
from ..store.connection import open_database


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
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication([])
