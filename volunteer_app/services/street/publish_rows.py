"""The file's half of publishing: the rows to send, read from the outbox and the declaration,
and the digest that lets the next run recognise a batch the server took and the file missed.

Rows are read as they are NOW, not as they were at the change's sequence number: a row
changed again later is sent again with that later change, so reading newer data is never
wrong, only early.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from datetime import date

from ..session import Session
from . import outbox
from .published import PUBLISHED
from .publish_server import Row


def as_json(data: dict | None) -> str | None:
    """One text per row, the same every time (the digest compares texts)."""
    if data is None:
        return None
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def rows_of(session: Session, changes: Sequence[outbox.Change], key: bytes | None,
            today: date) -> list[Row]:
    """The rows of ``changes`` as they are now (a gone row becomes a tombstone)."""
    by_table: dict[str, list[outbox.Change]] = {}
    for change in changes:
        by_table.setdefault(change.table, []).append(change)
    rows: list[Row] = []
    for table, group in by_table.items():
        data = outbox.row_data(session, table, [c.uid for c in group], key, today)
        rows += [Row(table, c.uid, as_json(data.get(c.uid)), c.seq) for c in group]
    return rows


def all_rows(session: Session, key: bytes | None, today: date, seq: int,
             batch_size: int) -> Iterator[list[Row]]:
    """Every row of every published table, in batches (a full re-send). A row deleted while
    this runs is left out: the sweep after the re-send makes it a tombstone."""
    batch: list[Row] = []
    for table in PUBLISHED:
        uids = outbox.all_uids(session, table.table)
        for start in range(0, len(uids), batch_size):
            part = uids[start:start + batch_size]
            data = outbox.row_data(session, table.table, part, key, today)
            batch += [Row(table.table, uid, as_json(data[uid]), seq)
                      for uid in part if data.get(uid) is not None]
            while len(batch) >= batch_size:
                yield batch[:batch_size]
                batch = batch[batch_size:]
    if batch:
        yield batch


def total_rows(session: Session) -> int:
    return sum(len(outbox.all_uids(session, t.table)) for t in PUBLISHED)


def digest(session: Session, after: int, through: int, rows: Sequence[Row]) -> str:
    """What identifies a batch: the outbox entries (after, through] it acknowledges and the
    data it sent. A file that crashed after the server's commit still holds both unchanged;
    a file restored from another copy does not, so it is re-sent in full instead."""
    h = hashlib.sha256()
    for line in _outbox_lines(session, after, through):
        h.update(line.encode())
    for row in sorted(rows, key=lambda r: (r.table, r.uid)):
        h.update(f"{row.table}\t{row.uid}\t{row.data}\n".encode())
    return h.hexdigest()


def digest_now(session: Session, after: int, through: int, key: bytes | None,
               today: date) -> str:
    """:func:`digest` of the batch (after, through] as this file would send it now."""
    latest: dict[tuple[str, str], int] = {}
    for seq, table, uid in session.db.execute(
            "SELECT seq, tbl, uid FROM street_outbox WHERE seq > ? AND seq <= ? ORDER BY seq",
            [after, through]).fetchall():
        latest[(table, uid)] = seq
    changes = [outbox.Change(seq, table, uid, "upsert") for (table, uid), seq in latest.items()]
    return digest(session, after, through, rows_of(session, changes, key, today))


def _outbox_lines(session: Session, after: int, through: int) -> Iterator[str]:
    cursor = session.db.execute(
        "SELECT seq, tbl, uid, op, at FROM street_outbox WHERE seq > ? AND seq <= ? ORDER BY seq",
        [after, through])
    for seq, table, uid, op, at in cursor:
        yield f"{seq}\t{table}\t{uid}\t{op}\t{at}\n"


def community_names(session: Session, key: bytes | None, today: date) -> str:
    """The file's communities, for the server's list of sources (names of places, not people)."""
    uids = outbox.all_uids(session, "communities")
    data = outbox.row_data(session, "communities", uids, key, today)
    names = [d.get("name") or "" for d in data.values() if d and not d.get("archived")]
    return "、".join(n for n in names if n)[:200]
