"""Logins saved full-width before logins were stored half-width: a new account may not take
the same login half-width, and the migration rewrites them half-width unless two accounts
would then share one, which ``check`` lists instead."""

from __future__ import annotations

import pytest
from conftest import TODAY

from volunteer_app.cli import main as cli_main
from volunteer_app.services.admin import users
from volunteer_app.services.admin.users import UserError
from volunteer_app.services.session import BUILTIN_ADMIN, Session
from volunteer_app.store import migrations
from volunteer_app.store.connection import open_database
from volunteer_app.store.maintenance import check
from volunteer_app.store.user_logins import m_half_width_logins

PASSWORD = "huaxiang2026"


def _saved_before(session: Session, login: str, name: str) -> int:
    """An account as an earlier version saved it: the login as the input method typed it."""
    user_id = users.add_user(session, f"u{name.encode().hex()}", name, "staff", PASSWORD)
    session.db.execute("UPDATE users SET login = ? WHERE id = ?", [login, user_id])
    return user_id


def _login(db, user_id: int) -> str:
    return db.execute("SELECT login FROM users WHERE id = ?", [user_id]).fetchone()[0]


def test_the_migration_is_in_the_list():
    assert m_half_width_logins in migrations.MIGRATIONS


def test_a_new_login_that_is_an_old_one_half_width_is_refused(session):
    old = _saved_before(session, "ｗａｎｇｌｉ", "王丽")
    assert users.authenticate(session.db, "ｗａｎｇｌｉ", PASSWORD).name == "王丽"   # still logs in
    for typed, shown in (("wangli", "wangli"), ("\u3000wangli ", "wangli"), ("WangLi", "WangLi"),
                         ("ｗａｎｇｌｉ", "wangli")):
        with pytest.raises(UserError) as refused:
            users.add_user(session, typed, "王立", "staff", PASSWORD)
        assert str(refused.value) == (f"用户名“{shown}”与已有的用户名“ｗａｎｇｌｉ”（王丽）写成半角后"
                                      "相同，登录时分不清，请换一个。")
    assert [r[0] for r in session.db.execute("SELECT id FROM users WHERE name = '王立'")] == []
    assert _login(session.db, old) == "ｗａｎｇｌｉ"
    users.add_user(session, "wangli2", "王立", "staff", PASSWORD)     # another login is fine


def test_the_migration_writes_a_lone_full_width_login_half_width(session):
    wang = _saved_before(session, "ｗａｎｇｌｉ\u3000", "王丽")
    zhao = _saved_before(session, "zhaomin", "赵敏")
    m_half_width_logins(session.db)
    assert (_login(session.db, wang), _login(session.db, zhao)) == ("wangli", "zhaomin")
    for typed in ("wangli", "ｗａｎｇｌｉ"):
        assert users.authenticate(session.db, typed, PASSWORD).name == "王丽"
    assert check(session.db).same_login_twice == ()


def test_two_accounts_that_would_share_a_login_stay_and_check_lists_them(db_path, capsys):
    db = open_database(db_path)
    try:
        session = Session(db, BUILTIN_ADMIN, today=lambda: TODAY)
        old = _saved_before(session, "ｗａｎｇｌｉ", "王丽")
        new = _saved_before(session, "wangli", "王立")
        m_half_width_logins(db)
        assert (_login(db, old), _login(db, new)) == ("ｗａｎｇｌｉ", "wangli")
        [line] = check(db).same_login_twice
        assert line == (f"用户编号{new}的用户名“wangli”与编号{old}的“ｗａｎｇｌｉ”写成半角后相同，"
                        "登录时分不清：请在“设置 → 用户”中停用其中一个。")
    finally:
        db.close()
    assert cli_main(["check", "--db", str(db_path)]) == 0
    assert f"提醒：用户编号{new}的用户名“wangli”" in capsys.readouterr().out
