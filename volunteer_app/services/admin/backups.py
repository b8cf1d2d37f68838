"""Backup and restore as use cases: the permission check and the audit entry around the store."""

from __future__ import annotations

from pathlib import Path

from ...store import audit, maintenance
from ...store.connection import open_database
from ...store.transactions import transaction
from ..permissions import Permission, PermissionDenied, allowed
from ..session import Actor, Session


def backup(session: Session, target: Path | str) -> Path:
    """A consistent copy of the database; may run in a worker with its own connection."""
    session.require(Permission.BACKUP)
    path = maintenance.backup(session.db, target)
    with session.write("audit_log"):
        session.audit("备份", "database", None, None, None, f"备份到 {path}")
    return path


def restore(actor: Actor, db_path: Path | str, source: Path | str) -> Path | None:
    """Replace the (closed) database at ``db_path`` by the backup; returns the copy kept aside."""
    if not allowed(actor.role, Permission.BACKUP):
        raise PermissionDenied(f"“{actor.name}”没有“{Permission.BACKUP.value}”的权限。")
    kept = maintenance.restore(source, db_path)
    db = open_database(db_path)
    try:
        with transaction(db):
            audit.write_entry(db, user_id=actor.user_id, user_name=actor.name, action="恢复备份",
                              entity="database", entity_id=None,
                              detail=f"从 {source} 恢复；原数据另存为 {kept}")
    finally:
        db.close()
    return kept
