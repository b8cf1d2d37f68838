"""The audit log: who did what, when, to which row, with before and after.

The table is append-only (triggers refuse UPDATE and DELETE) and hash-chained (audit_chain:
each entry's hash covers the previous one, so ``check`` shows an entry changed, removed or
inserted behind the app's back). Personal numbers are masked
before they are written, so the log never holds a full ID number or phone (nor one inside
an emergency contact); health and hardship notes are never written, only that they were
filled in or changed (“健康情况: 已填写 → 已修改”). The administrator reads this log and may
not see those notes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..domain.masking import MASKERS, NOTE_CHANGED, NOTE_CLEARED, NOTE_FILLED, SENSITIVE_NOTES
from . import audit_chain
from .rows import new_uid, now_text, to_json
from .transactions import transaction

if TYPE_CHECKING:
    import sqlite_utils

_MASKERS = {**MASKERS, "password_hash": lambda _value: "（已隐藏）"}
_NOTE_MARKS = (NOTE_FILLED, NOTE_CHANGED, NOTE_CLEARED)


def _note(value: Any) -> Any:
    """A note as the log keeps it: that it is there, never what it says."""
    return value if not value or value in _NOTE_MARKS else NOTE_FILLED


def _value(key: str, value: Any) -> Any:
    if key in SENSITIVE_NOTES:
        return _note(value)
    return _MASKERS[key](value) if key in _MASKERS and value else value


def masked(row: dict[str, Any] | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {key: _value(key, value) for key, value in row.items()}


def masked_diff(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The keys that changed (compared in full, so a change hidden by the mask still shows),
    masked; a changed note reads 已填写 → 已修改 (or → 已清空)."""
    changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    old = {k: _value(k, before.get(k)) for k in changed}
    new = {k: _value(k, after.get(k)) for k in changed}
    for key in (k for k in changed if k in SENSITIVE_NOTES):
        if after.get(key) in _NOTE_MARKS:
            continue                     # already recorded this way (an older entry)
        new[key] = NOTE_CLEARED if not after.get(key) else NOTE_CHANGED if before.get(key) else NOTE_FILLED
    return old, new


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
    if before and after:  # keep only what changed, so the log reads as a diff
        before, after = masked_diff(before, after)
    else:
        before, after = masked(before), masked(after)
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
