"""Spoiling a database file the way a failing disk or an interrupted copy does, and telling
afterwards whether anything wrote to it: shared by the tests of the store, the window and
the command line meeting a failed file."""

from __future__ import annotations

import hashlib
from pathlib import Path


def damage(path: Path) -> None:
    """One page in the middle of the file overwritten with 0xff: the header still reads,
    ``PRAGMA quick_check`` does not pass."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek((size // 2) // 4096 * 4096)
        handle.write(b"\xff" * 4096)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
