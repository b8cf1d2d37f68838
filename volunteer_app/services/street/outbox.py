"""The outbox of a community file: which published rows changed since the street last
acknowledged, and what each of them publishes now.

The triggers of store/street_outbox.py write one ``street_outbox`` row per change, in the
same transaction as the change. Publishing reads them in ``seq`` order, sends each changed
row's current data once, and acknowledges up to a ``seq``: the acknowledged rows are
deleted and the number kept in ``settings`` (``street.acked_seq``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ...store.rows import from_json, new_uid, now_text, to_json
from ..session import Session
from . import derived
from .published import published

CHUNK = 500   # uids per query: json_each takes any number, this keeps each result small


@dataclass(frozen=True)
class Change:
    seq: int
    table: str
    uid: str
    op: str     # 'upsert' | 'delete'


def pending_count(session: Session) -> int:
    """How many published rows wait to be sent (a row changed twice counts once)."""
    return session.db.execute(
        "SELECT count(*) FROM (SELECT DISTINCT tbl, uid FROM street_outbox WHERE seq > ?)",
        [acked_seq(session)]).fetchone()[0]


def pending(session: Session, after_seq: int, limit: int) -> list[Change]:
    """The next batch: the ``limit`` outbox rows after ``after_seq``, one Change per row of a
    table, the latest of the batch (its operation is the row's last), in ``seq`` order. The
    last Change's seq is the batch's last seq, so acknowledging it acknowledges the batch."""
    rows = session.db.execute(
        "SELECT max(seq), tbl, uid, op FROM (SELECT seq, tbl, uid, op FROM street_outbox "
        "WHERE seq > ? ORDER BY seq LIMIT ?) GROUP BY tbl, uid ORDER BY 1", [after_seq, limit])
    return [Change(seq, table, uid, op) for seq, table, uid, op in rows]


def max_seq(session: Session) -> int:
    """The last seq ever given (kept by AUTOINCREMENT after acknowledged rows are deleted)."""
    found = session.db.execute(
        "SELECT seq FROM sqlite_sequence WHERE name = 'street_outbox'").fetchone()
    return max(found[0] if found else 0, acked_seq(session))


def all_uids(session: Session, table: str) -> list[str]:
    """Every row of a published table, for a full re-send."""
    spec = published(table)
    return [uid for (uid,) in session.db.execute(f"SELECT uid FROM [{spec.table}] ORDER BY id")]


def row_data(session: Session, table: str, uids: list[str], key: bytes | None,
             today: date) -> dict[str, dict[str, Any] | None]:
    """uid → the row's published data (exactly the declared columns, JSON-able), or None
    when the row no longer exists. ``key`` is the street's ID-hash key (not in the file);
    ``today`` is the day ages are counted on."""
    spec = published(table)
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(uids), CHUNK):
        rows = [dict(r) for r in session.db.query(spec.select, {"uids": json.dumps(uids[start:start + CHUNK])})]
        if table == "residents":
            derived.fill_residents(session, rows, today)
        elif table == "volunteers":
            derived.fill_volunteers(rows, key)
        for row in rows:
            found[row["uid"]] = {c.name: _typed(row[c.name], c.kind) for c in spec.columns}
    return {uid: found.get(uid) for uid in uids}


def _typed(value: Any, kind: str) -> Any:
    if kind == "bool" and value is not None:
        return bool(value)
    return value


def enqueue_band_changes(session: Session, today: date) -> int:
    """Enqueue the residents whose published data moved with age alone since the day of the
    last check (``street.band_day``): an age band, or an age line of the tier or of 悬空.
    The first check only notes the day. Returns how many residents were enqueued."""
    from ..admin import settings

    since = _get(session, "street.band_day")
    if since == today.isoformat():
        return 0
    uids: list[str] = []
    if since:
        before, elder = date.fromisoformat(since), settings.housing_rule(session).elder_age
        uids = [uid for uid, birth in session.db.execute(
                    "SELECT uid, birth_date FROM residents WHERE birth_date > ''")
                if derived.age_marks(birth, before, elder) != derived.age_marks(birth, today, elder)]
    with session.write("street_outbox", "settings"):
        session.db.conn.executemany(
            "INSERT INTO street_outbox (tbl, uid, op, at) VALUES ('residents', ?, 'upsert', ?)",
            [(uid, now_text()) for uid in uids])
        _put(session, "street.band_day", today.isoformat())
    return len(uids)


def acked_seq(session: Session) -> int:
    return int(_get(session, "street.acked_seq") or 0)


def set_acked(session: Session, seq: int, at: datetime) -> None:
    """The street has every change up to ``seq``: forget them and note when, in one transaction."""
    with session.write("street_outbox", "settings"):
        session.db.execute("DELETE FROM street_outbox WHERE seq <= ?", [seq])
        _put(session, "street.acked_seq", str(seq))
        _put(session, "street.last_published", at.replace(microsecond=0).isoformat())


def source_uid(session: Session) -> str:
    """This file's identity at the street (made by the migration; made again if removed)."""
    uid = _get(session, "street.source_uid")
    if not uid:
        uid = new_uid()
        with session.write("settings"):
            _put(session, "street.source_uid", uid)
    return uid


def _get(session: Session, key: str) -> str:
    found = session.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return str(from_json(found[0], "")) if found else ""


def _put(session: Session, key: str, value: str) -> None:
    session.db.execute(
        "INSERT INTO settings (uid, key, value, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(key) "
        "DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        [new_uid(), key, to_json(value), now_text()])
