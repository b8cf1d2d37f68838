"""User accounts: login with a hashed password, lock-out after wrong passwords, management.

Passwords are hashed with Argon2id (argon2-cffi) and never stored, logged or audited in plain
text. After :data:`MAX_FAILURES` wrong passwords an account waits :data:`LOCK_MINUTES`.
Managing users (add, change role, reset password, deactivate) is for the administrator.
"""

from __future__ import annotations

import functools
import math
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from ...domain.typed_text import clean_code, login_text
from ...store.rows import new_uid, now_text
from ...store.transactions import transaction
from ..permissions import ROLE_NAMES, USER_ROLES, Permission, Role
from ..session import Actor, Session

if TYPE_CHECKING:
    import argon2
    import sqlite_utils

MAX_FAILURES = 5
LOCK_MINUTES = 5
MIN_PASSWORD_LENGTH = 8


@functools.cache
def _hasher() -> argon2.PasswordHasher:
    """OWASP's Argon2id minimum (19 MiB, 2 passes, 1 lane): about 20 ms a hash on an office
    PC, slow enough against guessing a stolen file, fast enough for the demo's four users.
    Made at the first hash: importing argon2 (~40 ms) need not delay the login dialog."""
    import argon2

    return argon2.PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


Clock = Callable[[], datetime]


class LoginError(Exception):
    """Login refused; the message is Chinese and says what to do."""


class UserError(ValueError):
    """A user could not be saved; the message is Chinese and names the field."""


# -- passwords ---------------------------------------------------------------------------

def check_password_rule(password: str) -> None:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise UserError(f"密码至少要{MIN_PASSWORD_LENGTH}位，请换一个更长的密码。")
    if password != password.strip():
        raise UserError("密码的开头和结尾不能是空格。")


def hash_password(password: str) -> str:
    return _hasher().hash(password)


# The one message for an unknown login and a wrong password, so that the login screen does
# not tell which accounts exist.
LOGIN_REFUSED = "用户名或密码不对。"


@functools.cache
def _dummy_hash() -> str:
    """A hash no password matches: an unknown login is checked against it, so that it takes
    as long to refuse as a wrong password."""
    return _hasher().hash(secrets.token_hex(16))


def _verify(password_hash: str, password: str) -> bool:
    if not password_hash:
        return False
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


# -- who is acting -----------------------------------------------------------------------

def led_team_ids(db: sqlite_utils.Database, volunteer_id: int | None) -> frozenset[int]:
    """Teams where this volunteer is 队长 or 副队长 today."""
    if volunteer_id is None:
        return frozenset()
    return frozenset(row[0] for row in db.execute(
        "SELECT m.team_id FROM team_members m JOIN teams t ON t.id = m.team_id "
        "WHERE m.volunteer_id = ? AND m.role IN ('队长', '副队长') AND m.left_on IS NULL "
        "AND t.archived_at IS NULL", [volunteer_id]))


def actor_of(db: sqlite_utils.Database, user: dict[str, Any]) -> Actor:
    role = Role(user["role"])
    teams = led_team_ids(db, user["volunteer_id"]) if role == Role.CAPTAIN else frozenset()
    return Actor(user_id=user["id"], name=user["name"], role=role, team_ids=teams,
                 login=user["login"])


def has_users(db: sqlite_utils.Database) -> bool:
    return db.execute("SELECT count(*) FROM users").fetchone()[0] > 0


def _by_login(db: sqlite_utils.Database, login: str) -> dict[str, Any] | None:
    """The user of ``login`` typed either width (an account made before logins were stored
    half-width keeps its ｗａｎｇｌｉ)."""
    rows = list(db.query("SELECT * FROM users WHERE login IN (?, ?) COLLATE NOCASE ORDER BY login = ? DESC",
                         [clean_code(login), login.strip(), clean_code(login)]))
    return rows[0] if rows else None


def _audit(db: sqlite_utils.Database, user: dict[str, Any], action: str, detail: str = "",
           after: dict[str, Any] | None = None) -> None:
    from ...store import audit  # here: the login dialog imports this module before its paint

    audit.write_entry(db, user_id=user["id"], user_name=user["name"], action=action,
                      entity="users", entity_id=user["id"], after=after, detail=detail)


def authenticate(db: sqlite_utils.Database, login: str, password: str,
                 clock: Clock = datetime.now) -> Actor:
    """The actor for a correct login and password; otherwise :class:`LoginError`.

    Each wrong password counts; the fifth locks the account for five minutes. A locked
    account is refused without checking the password, so guessing gains nothing.
    """
    if not (login or "").strip():
        raise LoginError("请输入用户名。")
    user = _by_login(db, login)
    if user is None:
        _verify(_dummy_hash(), password)    # as slow as a wrong password
        raise LoginError(LOGIN_REFUSED)
    if not user["active"]:
        # only the right password learns that the account exists but is switched off
        if not _verify(user["password_hash"], password):
            raise LoginError(LOGIN_REFUSED)
        raise LoginError(f"账户“{user['login']}”已停用，请联系系统管理员。")
    now = clock().replace(microsecond=0)
    failures = user["failed_logins"]
    if user["locked_until"]:
        until = datetime.fromisoformat(user["locked_until"])
        if now < until:
            minutes = math.ceil((until - now).total_seconds() / 60)
            raise LoginError(f"账户已锁定，请在{minutes}分钟后再试。")
        failures = 0  # the wait is over: a fresh set of tries
    if not _verify(user["password_hash"], password):
        failures += 1
        with transaction(db):
            if failures >= MAX_FAILURES:
                until = now + timedelta(minutes=LOCK_MINUTES)
                db.execute("UPDATE users SET failed_logins = 0, locked_until = ? WHERE id = ?",
                           [until.isoformat(), user["id"]])
                _audit(db, user, "账户锁定", f"连续{MAX_FAILURES}次密码错误，锁定{LOCK_MINUTES}分钟")
            else:
                db.execute("UPDATE users SET failed_logins = ?, locked_until = NULL WHERE id = ?",
                           [failures, user["id"]])
                _audit(db, user, "登录失败", f"第{failures}次密码错误")
        if failures >= MAX_FAILURES:
            raise LoginError(f"{LOGIN_REFUSED}连续输错{MAX_FAILURES}次，账户已锁定，"
                             f"请在{LOCK_MINUTES}分钟后再试。")
        raise LoginError(LOGIN_REFUSED)
    with transaction(db):
        values: dict[str, Any] = {"failed_logins": 0, "locked_until": None,
                                  "last_login_at": now.isoformat()}
        if _hasher().check_needs_rehash(user["password_hash"]):
            values["password_hash"] = hash_password(password)
        db.table("users").update(user["id"], values)
        _audit(db, user, "登录")
    return actor_of(db, user)


def log_out(session: Session) -> None:
    """The person at the window hands it to someone else (换人登录): the audit log records who
    left, so that it tells who was at a shared office PC between one 登录 and the next."""
    if session.actor.user_id is None:
        return                              # the command line's built-in administrator
    user = _user(session, session.actor.user_id)
    with transaction(session.db):
        _audit(session.db, user, "退出登录")


def first_admin(db: sqlite_utils.Database, login: str, name: str, password: str) -> Actor:
    """The administrator of a database without users (the very first start)."""
    login, name = login_text(login), (name or "").strip()
    _check_login(login)
    if not name:
        raise UserError("请填写管理员的姓名。")
    check_password_rule(password)
    row = {"uid": new_uid(), "login": login, "name": name, "role": Role.ADMIN.value,
           "password_hash": hash_password(password), "created_at": now_text()}
    with transaction(db):
        if has_users(db):
            raise UserError("已经有用户了，管理员只能由现有的系统管理员添加。")
        row["id"] = db.table("users").insert(row).last_pk
        _audit(db, row, "新增", "首次启动时创建系统管理员", _public(row))
    return actor_of(db, row)


def _check_login(login: str) -> None:
    if not login:
        raise UserError("请填写用户名（登录时输入的名字，例如 wangli）。")
    if len(login) > 40 or any(c.isspace() for c in login):
        raise UserError(f"用户名“{login}”不能含空格，且不超过40个字符。")


def _public(user: dict[str, Any]) -> dict[str, Any]:
    """What the audit log may hold about a user: never the password hash."""
    return {key: user.get(key) for key in ("login", "name", "role", "volunteer_id", "active")
            if key in user}


# -- management (administrator) ----------------------------------------------------------

def list_users(session: Session) -> list[dict[str, Any]]:
    session.require(Permission.USERS)
    rows = list(session.db.query(
        "SELECT u.id, u.login, u.name, u.role, u.volunteer_id, u.active, u.failed_logins, "
        "u.locked_until, u.created_at, u.last_login_at, v.name AS volunteer_name "
        "FROM users u LEFT JOIN volunteers v ON v.id = u.volunteer_id ORDER BY u.id"))
    for row in rows:
        row["role_name"] = ROLE_NAMES[Role(row["role"])]
    return rows


def _role(role: str | Role) -> Role:
    try:
        value = Role(role)
    except ValueError:
        value = None
    if value not in USER_ROLES:
        names = "、".join(ROLE_NAMES[r] for r in USER_ROLES)
        raise UserError(f"角色“{role}”不存在，只能是{names}。")
    return value


def _check_captain_link(session: Session, role: Role, volunteer_id: int | None) -> int | None:
    if role != Role.CAPTAIN:
        return None
    if not volunteer_id:
        raise UserError("队长账户要关联一位志愿者（队长本人），请选择。")
    volunteer = session.row("volunteers", volunteer_id)
    if volunteer is None or volunteer["archived_at"]:
        raise UserError(f"找不到编号为{volunteer_id}的在册志愿者。")
    if not led_team_ids(session.db, volunteer_id):
        raise UserError(f"志愿者“{volunteer['name']}”不是任何队伍的队长或副队长，"
                        "请先在“志愿者与队伍”中设置队内角色。")
    return volunteer_id


def add_user(session: Session, login: str, name: str, role: str | Role, password: str,
             volunteer_id: int | None = None) -> int:
    session.require(Permission.USERS)
    login, name = login_text(login), (name or "").strip()
    _check_login(login)
    if not name:
        raise UserError("请填写用户的姓名。")
    chosen = _role(role)
    linked = _check_captain_link(session, chosen, volunteer_id)
    check_password_rule(password)
    _refuse_taken(session.db, login)
    row = {"uid": new_uid(), "login": login, "name": name, "role": chosen.value,
           "volunteer_id": linked, "password_hash": hash_password(password),
           "created_at": now_text()}
    with session.write("users"):
        _refuse_taken(session.db, login)  # again under the write lock: someone may have just added it
        user_id = session.db.table("users").insert(row).last_pk
        session.audit("新增", "users", user_id, None, _public(row))
    return user_id


def _refuse_taken(db: sqlite_utils.Database, login: str) -> None:
    """An account saved before logins were stored half-width keeps its ｗａｎｇｌｉ: a new
    wangli beside it would be mixed up with it at the login screen."""
    from ...store.user_logins import same_login

    taken = same_login(db, login)
    if taken is None:
        return
    if taken["login"].lower() == login.lower():
        raise UserError(f"用户名“{login}”已经有人用了，请换一个。")
    raise UserError(f"用户名“{login}”与已有的用户名“{taken['login']}”（{taken['name']}）写成半角后"
                    f"相同，登录时分不清，请换一个。")


def _user(session: Session, user_id: int) -> dict[str, Any]:
    row = session.row("users", user_id)
    if row is None:
        raise UserError(f"找不到编号为{user_id}的用户。")
    return row


def _other_active_admins(session: Session, user_id: int) -> int:
    return session.db.execute(
        "SELECT count(*) FROM users WHERE role = 'admin' AND active = 1 AND id != ?",
        [user_id]).fetchone()[0]


def change_role(session: Session, user_id: int, role: str | Role,
                volunteer_id: int | None = None) -> None:
    session.require(Permission.USERS)
    current = _user(session, user_id)
    chosen = _role(role)
    if current["role"] == Role.ADMIN and chosen != Role.ADMIN and not _other_active_admins(session, user_id):
        raise UserError(f"“{current['name']}”是最后一位系统管理员，不能改为其他角色，否则没有人能管理用户。")
    linked = _check_captain_link(session, chosen, volunteer_id or current["volunteer_id"])
    values = {"role": chosen.value, "volunteer_id": linked}
    with session.write("users"):
        session.db.table("users").update(user_id, values)
        session.audit("修改角色", "users", user_id, _public(current), _public({**current, **values}))


def reset_password(session: Session, user_id: int, new_password: str) -> None:
    """Set a new password (the administrator tells the user); also lifts a lock."""
    session.require(Permission.USERS)
    current = _user(session, user_id)
    check_password_rule(new_password)
    with session.write("users"):
        session.db.table("users").update(user_id, {
            "password_hash": hash_password(new_password), "failed_logins": 0, "locked_until": None})
        session.audit("重置密码", "users", user_id, None, None, f"重置了“{current['login']}”的密码")


def set_active(session: Session, user_id: int, active: bool) -> None:
    """Deactivate (or reactivate) an account; the account and its history stay."""
    session.require(Permission.USERS)
    current = _user(session, user_id)
    if not active and current["role"] == Role.ADMIN and not _other_active_admins(session, user_id):
        raise UserError(f"“{current['name']}”是最后一位系统管理员，不能停用。")
    if not active and session.actor.user_id == user_id:
        raise UserError("不能停用自己正在使用的账户。")
    with session.write("users"):
        session.db.table("users").update(user_id, {"active": 1 if active else 0})
        session.audit("启用" if active else "停用", "users", user_id,
                      _public(current), _public({**current, "active": 1 if active else 0}))


def deactivate(session: Session, user_id: int) -> None:
    set_active(session, user_id, False)


def captain_candidates(session: Session) -> list[dict[str, Any]]:
    """Volunteers who lead a team today: the people a captain account can belong to."""
    session.require(Permission.USERS)
    return list(session.db.query(
        "SELECT v.id, v.name, group_concat(t.name || '（' || m.role || '）', '、') AS teams "
        "FROM team_members m JOIN volunteers v ON v.id = m.volunteer_id "
        "JOIN teams t ON t.id = m.team_id WHERE m.role IN ('队长', '副队长') AND m.left_on IS NULL "
        "AND t.archived_at IS NULL AND v.archived_at IS NULL GROUP BY v.id ORDER BY v.name_pinyin"))
