"""Reading the audit log: filter by user, action, entity, dates and text; export to a file.

The log is append-only (triggers in the schema); nothing here writes to it except the entry
that records an export. Supervisors and the administrator may read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...store.rows import from_json
from ..audited_files import write_audited
from ..ledger.ledger_files import write_rows
from ..permissions import Permission
from ..session import Session

ENTITY_NAMES = {
    "residents": "居民", "volunteers": "志愿者", "teams": "队伍", "team_members": "队员",
    "places": "地点", "communities": "社区", "service_types": "服务类型", "tasks": "任务",
    "shifts": "班次", "assignments": "排班安排", "pairings": "结对", "visits": "探访",
    "service_records": "服务记录", "certificates": "证明", "requests": "诉求", "users": "用户",
    "settings": "设置", "audit_log": "操作日志", "database": "数据库", "alerts": "预警",
    "alert_roll": "预警点名",
}
HEADERS = ("编号", "时间", "用户", "操作", "对象", "对象编号", "修改前", "修改后", "说明")


@dataclass(frozen=True)
class AuditQuery:
    user_name: str = ""
    action: str = ""
    entity: str = ""
    date_from: str = ""      # ISO date, inclusive
    date_to: str = ""        # ISO date, inclusive
    text: str = ""           # in before, after or detail
    descending: bool = True  # newest first


def _where(query: AuditQuery) -> tuple[str, list[Any]]:
    clauses, params = [], []
    for column, value in (("user_name", query.user_name), ("action", query.action),
                          ("entity", query.entity)):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    if query.date_from:
        clauses.append("at >= ?")
        params.append(query.date_from)
    if query.date_to:
        clauses.append("at < ?")
        params.append(query.date_to + "T99")  # every moment of that day sorts below 'T99'
    text = query.text.strip()
    if text:
        clauses.append("(detail LIKE ? OR before LIKE ? OR after LIKE ? OR user_name LIKE ?)")
        params += [f"%{text}%"] * 4
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def count(session: Session, query: AuditQuery) -> int:
    session.require(Permission.AUDIT_READ)
    where, params = _where(query)
    return session.db.execute(f"SELECT count(*) FROM audit_log{where}", params).fetchone()[0]


def page(session: Session, query: AuditQuery, offset: int, limit: int) -> list[dict[str, Any]]:
    session.require(Permission.AUDIT_READ)
    where, params = _where(query)
    order = "DESC" if query.descending else "ASC"
    rows = [dict(r) for r in session.db.query(
        f"SELECT id, at, user_id, user_name, action, entity, entity_id, before, after, detail "
        f"FROM audit_log{where} ORDER BY id {order} LIMIT ? OFFSET ?", params + [limit, offset])]
    for row in rows:
        row["entity_name"] = ENTITY_NAMES.get(row["entity"], row["entity"])
        row["changes"] = describe_changes(row["before"], row["after"])
    return rows


def describe_changes(before: str | None, after: str | None) -> str:
    """"字段: 旧 → 新" lines from the JSON columns (personal numbers already masked)."""
    old, new = from_json(before, {}) or {}, from_json(after, {}) or {}
    lines = []
    for key in sorted(set(old) | set(new)):
        if key in old and key in new:
            lines.append(f"{key}: {old[key]} → {new[key]}")
        elif key in new:
            lines.append(f"{key}: {new[key]}")
        else:
            lines.append(f"{key}: {old[key]}（删除）")
    return "\n".join(lines)


def choices(session: Session) -> dict[str, list[str]]:
    """The users, actions and entities that occur, for the filter lists."""
    session.require(Permission.AUDIT_READ)
    return {column: [r[0] for r in session.db.execute(
        f"SELECT DISTINCT {column} FROM audit_log ORDER BY {column}")]
        for column in ("user_name", "action", "entity")}


def export(session: Session, query: AuditQuery, path: Path | str) -> int:
    """Write the matching entries to ``.xlsx`` or ``.csv`` (UTF-8 with BOM, for Excel)."""
    session.require(Permission.AUDIT_READ)
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ValueError(f"文件“{path.name}”的类型不支持，请用 .xlsx 或 .csv 结尾。")
    total = count(session, query)
    rows = [[r["id"], r["at"], r["user_name"], r["action"], r["entity_name"], r["entity_id"],
             r["before"] or "", r["after"] or "", r["detail"]]
            for r in page(session, query, 0, max(total, 1))]
    path.parent.mkdir(parents=True, exist_ok=True)
    # through the ledgers' writer, so that no logged text can run as a formula in Excel
    write_audited(session, path,
                  lambda: write_rows(path, HEADERS, rows, text_columns=(6, 7, 8), sheet_title="操作日志"),
                  action="导出", entity="audit_log", after=None,
                  detail=f"导出{len(rows)}条操作日志到 {path.name}")
    return len(rows)
