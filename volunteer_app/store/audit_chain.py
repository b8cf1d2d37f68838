"""The audit log as a hash chain, so that a change made behind the app's back shows.

Each entry stores ``prev_hash`` (the hash of the entry before it) and ``hash`` =
SHA-256 over ``prev_hash`` and the entry's canonical content. A one-row table
``audit_chain_head`` remembers, through a trigger, the last entry and how many entries were
ever written, so that removing entries from the end (or all of them) shows too.

Whoever holds the file can still recompute everything; the chain only makes a change that
does not recompute it visible to ``python main.py check``. Triggers refuse UPDATE and DELETE
(schema_v1) and an INSERT without a hash (here); check reports any of them missing.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .audit_reconcile import role_problems

if TYPE_CHECKING:
    import sqlite_utils

GENESIS = "0" * 64
CONTENT = ("uid", "at", "user_id", "user_name", "action", "entity", "entity_id", "before",
           "after", "detail")
# name → (event the trigger must guard, what it protects, for the report)
TRIGGERS = {
    "audit_log_no_update": ("before update on audit_log", "禁止修改操作日志"),
    "audit_log_no_delete": ("before delete on audit_log", "禁止删除操作日志"),
    "audit_log_chained": ("before insert on audit_log", "操作日志必须带校验值"),
    "audit_log_chain_head": ("after insert on audit_log", "记录操作日志的条数和末尾"),
}


def _plain(value: Any) -> Any:
    """The value as SQLite gives it back: a whole float is stored as an integer."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def entry_hash(prev_hash: str, entry: dict[str, Any]) -> str:
    content = json.dumps([_plain(entry.get(key)) for key in CONTENT], ensure_ascii=False,
                         separators=(",", ":"))
    return hashlib.sha256(f"{prev_hash}\n{content}".encode()).hexdigest()


def last_hash(db: sqlite_utils.Database) -> str:
    """The hash the next entry chains to; call inside the writing transaction."""
    row = db.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    return row[0] if row and row[0] else GENESIS


# -- the migration --------------------------------------------------------------------------

def m_audit_chain(db: sqlite_utils.Database) -> None:
    """Chain the entries that exist now (whatever an earlier migration left in them)."""
    db.execute("ALTER TABLE audit_log ADD COLUMN prev_hash TEXT")
    db.execute("ALTER TABLE audit_log ADD COLUMN hash TEXT")
    guard = db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                       "AND name = 'audit_log_no_update'").fetchone()
    if guard:  # lifted for this one rewrite, then put back exactly as it was
        db.execute("DROP TRIGGER audit_log_no_update")
    prev = GENESIS
    rows = db.execute(f"SELECT id, {', '.join(CONTENT)} FROM audit_log ORDER BY id").fetchall()
    links = []
    for row in rows:
        digest = entry_hash(prev, dict(zip(("id", *CONTENT), row, strict=True)))
        links.append((prev, digest, row[0]))
        prev = digest
    db.conn.executemany("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", links)
    if guard:
        db.execute(guard[0])
    db.execute("CREATE TABLE audit_chain_head (id INTEGER PRIMARY KEY CHECK (id = 1), "
               "last_id INTEGER, last_hash TEXT NOT NULL, entries INTEGER NOT NULL)")
    db.execute("INSERT INTO audit_chain_head (id, last_id, last_hash, entries) VALUES (1, ?, ?, ?)",
               [rows[-1][0] if rows else None, prev, len(rows)])
    db.execute("""
        CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log
        WHEN NEW.hash IS NULL OR NEW.prev_hash IS NULL
        BEGIN SELECT RAISE(ABORT, '操作日志只能由邻里帮写入（缺少校验值）'); END
    """)
    db.execute("""
        CREATE TRIGGER audit_log_chain_head AFTER INSERT ON audit_log
        BEGIN UPDATE audit_chain_head SET last_id = NEW.id, last_hash = NEW.hash,
              entries = entries + 1 WHERE id = 1; END
    """)


# -- checking -------------------------------------------------------------------------------

@dataclass
class ChainReport:
    entries: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(db: sqlite_utils.Database) -> ChainReport:
    """Recompute the chain; report missing triggers and the first entry changed, removed or
    inserted (after the first break the rest cannot be told apart, so it stops there)."""
    report = ChainReport()
    report.problems += missing_triggers(db)
    try:
        _walk(db, report)
        report.problems += role_problems(db)
    except sqlite3.Error as error:   # a table or column removed by hand
        report.problems.append(f"操作日志无法核对（{error}）：数据库结构被改动过。")
    return report


def _walk(db: sqlite_utils.Database, report: ChainReport) -> None:
    columns = {c.name for c in db.table("audit_log").columns}
    if not {"hash", "prev_hash"} <= columns:
        report.problems.append("操作日志没有校验值列（表被删除、重建或未升级）。")
        return
    rows = db.execute(f"SELECT id, prev_hash, hash, {', '.join(CONTENT)} FROM audit_log "
                      "ORDER BY id")
    previous: dict[str, Any] | None = None
    for row in rows:
        entry = dict(zip(("id", "prev_hash", "hash", *CONTENT), row, strict=True))
        report.entries += 1
        problem = _link_problem(previous, entry)
        if problem:
            report.problems.append(problem)
            return
        previous = entry
    report.problems += _head_problems(db, previous, report.entries)


def _name(entry: dict[str, Any]) -> str:
    return f"编号{entry['id']}（{entry['at']} {entry['user_name']} {entry['action']}）"


def _link_problem(previous: dict[str, Any] | None, entry: dict[str, Any]) -> str:
    if not entry["hash"] or not entry["prev_hash"]:
        return f"操作日志{_name(entry)}没有校验值：这一条是绕过邻里帮插入的。"
    expected_prev = previous["hash"] if previous else GENESIS
    self_ok = entry_hash(entry["prev_hash"], entry) == entry["hash"]
    link_ok = entry["prev_hash"] == expected_prev
    if self_ok and link_ok:
        return ""
    if link_ok:
        return f"操作日志{_name(entry)}的内容被改动过（与它的校验值不符）。"
    if not self_ok:
        return f"操作日志{_name(entry)}是后来插入的（校验值与前后条目都对不上）。"
    if previous is None:
        return f"操作日志{_name(entry)}之前的条目被删除了。"
    if entry["id"] > previous["id"] + 1:
        return f"操作日志编号{previous['id']}与{_name(entry)}之间的条目被删除了。"
    return f"操作日志{_name(previous)}被改动过并重算了校验值（与下一条对不上）。"


def _head_problems(db: sqlite_utils.Database, last: dict[str, Any] | None, count: int) -> list[str]:
    try:
        head = db.execute("SELECT last_id, last_hash, entries FROM audit_chain_head "
                          "WHERE id = 1").fetchone()
    except sqlite3.Error:
        head = None
    if head is None:
        return ["操作日志的链尾记录（audit_chain_head）不见了。"]
    last_id, last_hash, entries = head
    if entries != count:
        return [f"操作日志应有{entries}条，现在只有{count}条：有{entries - count}条被删除了。"
                if entries > count else
                f"操作日志应有{entries}条，现在有{count}条：有条目是绕过邻里帮插入的。"]
    if (last["id"] if last else None) != last_id or (last["hash"] if last else GENESIS) != last_hash:
        return [f"操作日志末尾的条目被删除或替换了（最后一条应为编号{last_id}）。"]
    return []


def missing_triggers(db: sqlite_utils.Database) -> list[str]:
    """Audit triggers that are gone, or that no longer guard what they should."""
    found = {name: " ".join((sql or "").lower().split()) for name, sql in db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")}
    return [f"操作日志的保护触发器 {name}（{purpose}）不见了或被改动过。"
            for name, (event, purpose) in TRIGGERS.items() if not _guards(found.get(name), event)]


def _guards(sql: str | None, event: str) -> bool:
    if not sql or event not in sql:
        return False
    body_ok = "raise(abort" in sql if event.startswith("before") else "audit_chain_head" in sql
    # a WHEN clause may only be the insert trigger's own (no hash), never a way around the rule
    when_ok = " when " not in sql or "new.hash is null" in sql
    return body_ok and when_ok

