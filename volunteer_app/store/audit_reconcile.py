"""What the audit log says against what the tables hold, for the rows that matter most.

A role is the key to everything else: a captain made administrator with the sqlite3 tool
leaves no audit entry, so the last role the log recorded for each user (新增, 修改角色) no
longer matches the ``users`` table. Users the log never mentions are not judged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

ROLE_WORDS = {"admin": "系统管理员", "staff": "社区工作者", "captain": "队长", "supervisor": "督导"}


def role_problems(db: sqlite_utils.Database) -> list[str]:
    rows = db.execute(
        "SELECT u.id, u.name, u.role, (SELECT json_extract(a.after, '$.role') FROM audit_log a "
        " WHERE a.entity = 'users' AND a.entity_id = u.id AND json_valid(a.after) "
        " AND json_extract(a.after, '$.role') IS NOT NULL ORDER BY a.id DESC LIMIT 1) "
        "FROM users u ORDER BY u.id").fetchall()
    return [f"用户“{name}”（编号{user_id}）的角色是{ROLE_WORDS.get(role, role)}，操作日志最后记录的却是"
            f"{ROLE_WORDS.get(logged, logged)}：角色是绕过邻里帮改的。"
            for user_id, name, role, logged in rows if logged is not None and logged != role]
