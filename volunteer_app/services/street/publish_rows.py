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

from ...store.rows import from_json, new_uid, now_text, to_json
from ..session import Session
from . import outbox
from .publish_server import Row
from .published import PUBLISHED


def as_json(data: dict | None) -> str | None:
    """One text per row, the same every time (the digest compares texts; keys in the
    declaration's order)."""
    if data is None:
        return None
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def latest_seqs(session: Session) -> dict[tuple[str, str], int]:
    """Each waiting row's last change: a batch leaves out a row changed again later, which a
    later batch sends, so a row changed a hundred times while offline is sent once."""
    return {(table, uid): seq for table, uid, seq in session.db.execute(
        "SELECT tbl, uid, max(seq) FROM street_outbox GROUP BY tbl, uid")}


def still_current(changes: Sequence[outbox.Change], through: int,
                  latest: dict[tuple[str, str], int]) -> list[outbox.Change]:
    """The changes of a batch ending at ``through`` that no later change supersedes."""
    return [c for c in changes if latest.get((c.table, c.uid), 0) <= through]


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
    latest = latest_seqs(session)
    changes = [outbox.Change(seq, table, uid, "upsert") for table, uid, seq in session.db.execute(
        "SELECT tbl, uid, max(seq) FROM street_outbox WHERE seq > ? AND seq <= ? GROUP BY tbl, uid",
        [after, through])]
    return digest(session, after, through,
                  rows_of(session, still_current(changes, through, latest), key, today))


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


# The street key the server's ID hashes were made with, as a short fingerprint (never the
# key): a key set, changed or removed since means every volunteer's hash changed.
KEY_MARK = "street.key_mark"


def key_mark(key: bytes | None) -> str:
    return hashlib.sha256(b"linlibang street key\x00" + key).hexdigest()[:16] if key else "none"


def key_changed(session: Session, key: bytes | None) -> bool:
    found = session.db.execute("SELECT value FROM settings WHERE key = ?", [KEY_MARK]).fetchone()
    return from_json(found[0] if found else None, "") != key_mark(key)


def note_key(session: Session, key: bytes | None) -> None:
    """After a full send made with ``key`` was committed by the server."""
    with session.write("settings"):
        session.db.execute(
            "INSERT INTO settings (uid, key, value, updated_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            [new_uid(), KEY_MARK, to_json(key_mark(key)), now_text()])
