"""Where things live: the shipped resources and the user's database. No Qt here."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "LinLiBang"
DB_FILENAME = "linlibang.sqlite3"
DB_ENV = "VOLUNTEER_APP_DB"


def resource(*parts: str) -> Path:
    """A file under ``resources/``, in a source checkout and in a PyInstaller build alike."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
    return base.joinpath("resources", *parts)


def default_database() -> Path:
    """``--db`` wins, then ``VOLUNTEER_APP_DB``, then the user's data folder."""
    if os.environ.get(DB_ENV):
        return Path(os.environ[DB_ENV]).expanduser()
    from platformdirs import user_data_dir  # only here: 5 ms that the first paint need not pay

    return Path(user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME
