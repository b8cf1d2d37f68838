"""Stored logins in the form the app writes since they are typed half-width.

Before that, an account could be saved with the login an input method typed (ｗａｎｇｌｉ).
It still logs in, but it does not match the same login typed half-width, so a second account
``wangli`` could be added beside it and the two be mixed up at the login screen. The
migration rewrites such a login half-width (without the spaces around it) when no other
account has that login; if one has, both stay as they are and :func:`same_login_twice` lists
them for ``check`` so that the administrator deactivates one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import sqlite_utils

from ..domain.typed_text import login_text


def _key(login: str) -> str:
    return login_text(login).lower()      # the login screen's lookup ignores case


def same_login(db: sqlite_utils.Database, login: str) -> dict[str, Any] | None:
    """The account whose login, written half-width, is ``login`` (any case), if any: the
    exact one first."""
    key = _key(login)
    found = [row for row in db.query("SELECT id, login, name FROM users ORDER BY id")
             if _key(row["login"]) == key]
    found.sort(key=lambda row: row["login"] != login)
    return found[0] if found else None


def m_half_width_logins(db: sqlite_utils.Database) -> None:
    for group in _groups(db).values():
        if len(group) != 1:
            continue                    # two accounts would share it: both stay for check
        [(user_id, login)] = group
        if login_text(login) != login:
            db.execute("UPDATE users SET login = ? WHERE id = ?", [login_text(login), user_id])


def _groups(db: sqlite_utils.Database) -> dict[str, list[tuple[int, str]]]:
    groups: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for user_id, login in db.execute("SELECT id, login FROM users ORDER BY id"):
        groups[_key(login)].append((user_id, login))
    return groups


def same_login_twice(db: sqlite_utils.Database) -> list[str]:
    """One line per account whose login is another account's once written half-width."""
    if "users" not in set(db.table_names()):      # a file check is asked about may be empty
        return []
    return list(_clashes(db))


def _clashes(db: sqlite_utils.Database) -> Iterator[str]:
    for group in _groups(db).values():
        first_id, first = group[0]
        for user_id, login in group[1:]:
            yield (f"用户编号{user_id}的用户名“{login}”与编号{first_id}的“{first}”写成半角后相同，"
                   f"登录时分不清：请在“设置 → 用户”中停用其中一个。")
