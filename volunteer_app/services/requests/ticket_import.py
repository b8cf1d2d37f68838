"""Importing the 12345 export (接诉即办 工单) through the ledger import's own steps.

The file is read and its header found by services/ledger (ledger_files, import_header with
ledger_columns.TICKET_FIELDS, the same synonyms and title-row skipping), and the result is
the same Preview of RowChecks that the import window and rejected_rows show. What is
ticket-specific lives here: reading a row into a ticket (ticket_rows) and saving by 工单编号
(ticket_save): a later export updates the city's fields and the 回访 columns of the tickets
already saved and never duplicates one; the office's own progress is kept.
"""

from __future__ import annotations

import threading
from pathlib import Path

from ..ledger import import_header
from ..ledger.import_rows import Mapping, Preview, Progress, Summary
from ..ledger.ledger_files import MAX_UNPACKED, Table
from ..permissions import Permission
from ..session import Session
from .ticket_rows import KIND, REQUIRED, TicketReader
from .ticket_save import save

__all__ = ["KIND", "check", "import_file", "load", "missing", "apply"]


def load(path: Path | str, max_unpacked: int = MAX_UNPACKED) -> tuple[Table, Mapping]:
    """Read the file and find its header row (title rows above it are skipped)."""
    return import_header.load(path, KIND, max_unpacked)


def missing(mapping: Mapping) -> list[str]:
    """The labels of the columns a ticket cannot do without that no column is mapped to."""
    return [label for keys, label in REQUIRED if not set(keys) & set(mapping.columns)]


def check(session: Session, table: Table, mapping: Mapping, progress: Progress | None = None,
          cancel: threading.Event | None = None) -> Preview:
    """Every row below the header as a checked ticket, nothing saved."""
    session.require(Permission.REQUEST_HANDLE)
    return TicketReader(session, mapping).check(table, progress, cancel)


def apply(session: Session, preview: Preview, *, progress: Progress | None = None,
          cancel: threading.Event | None = None, source: str = "") -> Summary:
    """Save the good rows in ONE transaction: new tickets added, saved ones updated.

    ``Summary.skipped`` counts the saved tickets the file did not change."""
    session.require(Permission.IMPORT)
    session.require(Permission.REQUEST_HANDLE)
    return save(session, preview, progress, cancel, source or preview.table.path.name)


def import_file(session: Session, path: Path | str,
                max_unpacked: int = MAX_UNPACKED) -> tuple[Preview, Summary]:
    """Load, check and apply in one go (the command line)."""
    table, mapping = load(path, max_unpacked)
    preview = check(session, table, mapping)
    return preview, apply(session, preview, source=str(path))
