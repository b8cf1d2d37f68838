"""The audit log: who did what, when, to which row, with before and after.

The table is append-only (triggers refuse UPDATE and DELETE) and hash-chained (audit_chain). Personal numbers are masked
before they are written, so the log never holds a full ID number or phone.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from ..domain.identity import mask_id_number, mask_phone
from . import audit_chain
from .connection import transaction
from .rows import new_uid, now_text, to_json

_MASKERS = {
    "id_number": mask_id_number,
    "phone": mask_phone,
    "caller_phone": mask_phone,
    "password_hash": lambda _value: "（已隐藏）",
}


def masked(row: dict[str, Any] | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {key: (_MASKERS[key](value) if key in _MASKERS and value else value)
            for key, value in row.items()}


def write_entry(
    db: sqlite_utils.Database,
    *,
    user_id: int | None,
    user_name: str,
    action: str,
    entity: str,
    entity_id: int | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    detail: str = "",
) -> None:
    """Append one entry; call it inside the transaction that makes the change."""
    before, after = masked(before), masked(after)
    if before and after:  # keep only what changed, so the log reads as a diff
        changed = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
        before = {k: before.get(k) for k in sorted(changed)}
        after = {k: after.get(k) for k in sorted(changed)}
    entry = {"uid": new_uid(), "at": now_text(), "user_id": user_id, "user_name": user_name,
             "action": action, "entity": entity, "entity_id": entity_id,
             "before": to_json(before) if before is not None else None,
             "after": to_json(after) if after is not None else None, "detail": detail}
    if not db.conn.in_transaction:  # the chain's read of the last hash and the insert are one
        with transaction(db):
            _insert_chained(db, entry)
    else:
        _insert_chained(db, entry)


def _insert_chained(db: sqlite_utils.Database, entry: dict[str, Any]) -> None:
    prev = audit_chain.last_hash(db)
    db.execute(
        "INSERT INTO audit_log (uid, at, user_id, user_name, action, entity, entity_id, "
        "before, after, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [*(entry[key] for key in audit_chain.CONTENT), prev, audit_chain.entry_hash(prev, entry)],
    )
