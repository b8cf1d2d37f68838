"""Migration: the audit log's older entries lose the personal data the log no longer keeps.

Entries written before this version may hold an emergency contact's phone in full and the
text of health and hardship notes (the administrator, who reads the log, may not see them).
Each such entry is rewritten in place as :func:`store.audit.write_entry` writes new ones:
numbers masked, a note replaced by 已填写 (or 已修改 where the entry shows it changed).

The log is append-only by its triggers, so they are set aside for this one rewrite and put
back exactly as they were. This must run before any migration that seals the log's rows
(a hash chain over them), or the seal would cover the unmasked text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..domain.masking import NOTE_CHANGED, NOTE_CLEARED, SENSITIVE_NOTES
from . import audit  # a module, not its names: audit → connection → migrations → here
from .rows import from_json, to_json

if TYPE_CHECKING:
    import sqlite_utils


def _masked_entry(before: Any, after: Any) -> tuple[Any, Any]:
    """One entry's before and after, masked key by key (a list or text is left as it is)."""
    old = audit.masked(before) if isinstance(before, dict) else before
    new = audit.masked(after) if isinstance(after, dict) else after
    if isinstance(before, dict) and isinstance(after, dict):
        for key in SENSITIVE_NOTES:
            if key in before and key in after and before[key] != after[key]:
                new[key] = NOTE_CHANGED if after[key] else NOTE_CLEARED
    return old, new


def _rewritten(before_text: str | None, after_text: str | None) -> tuple[str | None, str | None]:
    old, new = _masked_entry(from_json(before_text), from_json(after_text))
    return (None if before_text is None else to_json(old),
            None if after_text is None else to_json(new))


def m_mask_audit_personal_data(db: sqlite_utils.Database) -> None:
    triggers = [row[0] for row in db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log' ORDER BY name")]
    names = [row[0] for row in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")]
    for name in names:
        db.execute(f"DROP TRIGGER [{name}]")
    rows = db.execute("SELECT id, before, after FROM audit_log "
                      "WHERE before IS NOT NULL OR after IS NOT NULL").fetchall()
    for entry_id, before, after in rows:
        new_before, new_after = _rewritten(before, after)
        if (new_before, new_after) != (before, after):
            db.execute("UPDATE audit_log SET before = ?, after = ? WHERE id = ?",
                       [new_before, new_after, entry_id])
    for sql in triggers:
        db.execute(sql)
