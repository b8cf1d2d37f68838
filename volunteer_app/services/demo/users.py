"""Demo step: one user per role, with the passwords listed in README.md ("Demo users")."""

from __future__ import annotations

from ...store.rows import new_uid, now_text
from ..admin.users import hash_password
from ..session import Session
from . import DemoContext

CAPTAIN_TEAM = "高立庄夕阳红志愿服务队"
# login, display name (invented; None: the linked volunteer's), role, password
DEMO_USERS = (
    ("admin", "系统管理员", "admin", "admin2026"),
    ("staff", "刘晓梅", "staff", "staff2026"),
    ("captain", None, "captain", "captain2026"),
    ("supervisor", "周建华", "supervisor", "supervisor2026"),
)


def build_users(session: Session, ctx: DemoContext) -> None:
    captain_id = ctx.volunteer_ids[CAPTAIN_TEAM][0]
    captain_name = session.db.execute("SELECT name FROM volunteers WHERE id = ?",
                                      [captain_id]).fetchone()[0]
    for login, name, role, password in DEMO_USERS:
        row = {"uid": new_uid(), "login": login, "name": name or captain_name, "role": role,
               "volunteer_id": captain_id if role == "captain" else None,
               "password_hash": hash_password(password), "created_at": now_text()}
        with session.write("users", "audit_log"):  # as users.add logs them: check compares roles
            user_id = session.db.table("users").insert(row).last_pk
            session.audit("新增", "users", user_id, None, {
                key: row[key] for key in ("login", "name", "role", "volunteer_id")})
