"""Row versions: a save based on an older copy of a row is refused, never silently applied.

A dialog reads a row, the user edits for a minute, and meanwhile `import --update`, another
window or a script changed the same row. Writing the dialog's values then would put back
what the other change did (a lost update). Every row of the tables people edit carries a
``row_version``; a trigger raises it on every UPDATE, whoever makes it (the app, an import, a
script in the sqlite3 tool), and a save names the version it was based on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

# The tables whose rows are edited in a dialog or by an import's update.
VERSIONED_TABLES = (
    "communities", "places", "teams", "volunteers", "team_members", "residents",
    "service_types", "tasks", "shifts", "assignments", "pairings", "visits",
    "service_records", "requests", "users",
)

STALE_MESSAGE = "这条记录已被他人修改，请重新打开"


class StaleRecord(ValueError):
    """The row changed since the copy a save was based on; nothing was written."""

    def __init__(self, table: str, row_id: int):
        super().__init__(f"{STALE_MESSAGE}（{_TABLE_WORDS.get(table, table)}，编号{row_id}）。")
        self.table = table
        self.row_id = row_id


_TABLE_WORDS = {
    "communities": "社区", "places": "小区/院落", "teams": "队伍", "volunteers": "志愿者",
    "team_members": "队员", "residents": "居民", "service_types": "服务类型", "tasks": "任务",
    "shifts": "班次", "assignments": "排班", "pairings": "结对", "visits": "探访",
    "service_records": "服务记录", "requests": "诉求", "users": "用户",
}


def _bump_trigger(table: str) -> str:
    # A locked service record may only turn from 已锁定 to 已更正 with every column unchanged
    # (record_locks.py); raising its version would be refused, and a locked row is never
    # edited anyway, so its version stays.
    locked = " AND NEW.status NOT IN ('已锁定', '已更正')" if table == "service_records" else ""
    return (
        f"CREATE TRIGGER {table}_row_version AFTER UPDATE ON [{table}] "
        f"WHEN NEW.row_version IS OLD.row_version{locked} "
        f"BEGIN UPDATE [{table}] SET row_version = OLD.row_version + 1 WHERE id = NEW.id; END"
    )


def m_row_versions(db: sqlite_utils.Database) -> None:
    """Migration: a ``row_version`` on every edited table, raised by a trigger on each UPDATE.

    The trigger's own UPDATE does not fire it again: SQLite's recursive_triggers is off.
    """
    for table in VERSIONED_TABLES:
        db.execute(f"ALTER TABLE [{table}] ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1")
        db.execute(_bump_trigger(table))


def check_version(db: sqlite_utils.Database, table: str, row_id: int, expected: int | None) -> None:
    """Refuse a save based on ``expected`` when the row has moved on since.

    Call it inside the write transaction (BEGIN IMMEDIATE), so no other writer can slip in
    between the check and the change. ``expected`` None means the caller read no copy (the
    command line, a script): nothing to compare.
    """
    if expected is None:
        return
    row = db.execute(f"SELECT row_version FROM [{table}] WHERE id = ?", [row_id]).fetchone()
    if row is None or row[0] != expected:
        raise StaleRecord(table, row_id)
