"""A new database file that appears with its first page already written.

SQLite creates a file at 0 bytes and writes its first page a moment later. A second program
opening the same new path in that moment (two scheduled commands starting one ledger) found
a 0-byte file and rightly refused it as one whose data were lost (connection.refuse_empty).
So the new file is made under a temporary name beside the target, its header written, and
then linked into place: a hard link never replaces a file, so of two programs creating the
same path at once one makes it and the other opens what the first made.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from . import partial_files
from .errors import explain

JOURNALS = ("-journal", "-wal", "-shm")


def create(path: Path) -> None:
    """Put an empty WAL database at ``path``, unless a file appeared there meanwhile."""
    partial_files.remove_dead(path.parent, f".{path.name}.", ".new", JOURNALS)   # a killed creator's
    partial = path.with_name(f".{path.name}.{partial_files.owner_tag()}.new")
    try:
        conn = sqlite3.connect(partial)
        try:
            conn.execute("PRAGMA journal_mode = WAL")      # writes the first page
        finally:
            conn.close()
        link_into_place(partial, path)     # False: another program made it first: open that one
    except (sqlite3.Error, OSError) as error:
        raise explain(error, path) from error
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)


def link_into_place(partial: Path, path: Path) -> bool:
    """Give the finished file ``partial`` the name ``path``, unless a file has it already
    (False then). A hard link never replaces a file; where there are none (a FAT32 USB stick),
    a rename, which on Windows never replaces either, and elsewhere only if nothing appeared
    in between. ``partial`` keeps its own name too: the caller removes it."""
    try:
        os.link(partial, path)
        return True
    except FileExistsError:
        return False
    except OSError:
        if path.exists():
            return False
        try:
            os.rename(partial, path)
        except FileExistsError:
            return False
        return True
