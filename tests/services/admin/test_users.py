"""Users: hashed passwords, lock-out with a movable clock, masked audit, append-only log."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest

from volunteer_app.services import privacy
from volunteer_app.services.admin import users
from volunteer_app.services.people import residents
from volunteer_app.services.permissions import Role
from volunteer_app.services.session import Session

PASSWORD = "Pa55-secret-zhu"
ID_NUMBER = "11010519491231002X"
PHONE = "13812345678"


class Clock:
    def __init__(self):
        self.now = datetime(2026, 11, 28, 9, 0, 0)

    def __call__(self) -> datetime:
        return self.now


def test_wrong_passwords_lock_the_account_for_five_minutes(db):
    users.first_admin(db, "wangli", "王丽", PASSWORD)
    clock = Clock()
    for _ in range(4):   # the same words as for an unknown login: no count that tells it exists
        with pytest.raises(users.LoginError) as refused:
            users.authenticate(db, "wangli", "wrong-password", clock)
        assert str(refused.value) == "用户名或密码不对。"
    with pytest.raises(users.LoginError, match="账户已锁定"):
        users.authenticate(db, "wangli", "wrong-password", clock)
    # Locked: even the right password is refused until the wait is over.
    clock.now += timedelta(minutes=4)
    with pytest.raises(users.LoginError, match="账户已锁定，请在1分钟后再试"):
        users.authenticate(db, "wangli", PASSWORD, clock)
    clock.now += timedelta(minutes=1, seconds=1)
    actor = users.authenticate(db, "wangli", PASSWORD, clock)
    assert actor.role == Role.ADMIN and actor.name == "王丽"
    row = db.execute("SELECT failed_logins, locked_until FROM users").fetchone()
    assert row == (0, None)


def test_first_admin_only_once_and_password_rules(db):
    with pytest.raises(users.UserError, match="至少要8位"):
        users.first_admin(db, "wangli", "王丽", "short")
    users.first_admin(db, "wangli", "王丽", PASSWORD)
    with pytest.raises(users.UserError, match="已经有用户"):
        users.first_admin(db, "other", "别人", PASSWORD)


def test_no_password_in_plain_text_in_the_file(db, db_path):
    admin = users.first_admin(db, "wangli", "王丽", PASSWORD)
    session = Session(db, admin)
    staff_id = users.add_user(session, "zhaomin", "赵敏", "staff", "Staff-pass-2026")
    users.reset_password(session, staff_id, "Reset-pass-2027")
    with pytest.raises(users.LoginError):
        users.authenticate(db, "zhaomin", "Wrong-guess-9999")
    users.authenticate(db, "zhaomin", "Reset-pass-2027")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = db_path.read_bytes()
    wal = db_path.with_name(db_path.name + "-wal")
    raw += wal.read_bytes() if wal.exists() else b""
    for secret in (PASSWORD, "Staff-pass-2026", "Reset-pass-2027", "Wrong-guess-9999"):
        assert secret.encode() not in raw
    assert b"$argon2id$" in raw  # the hashes are there


def test_audit_log_holds_numbers_masked(session):
    resident_id = residents.add(session, {"name": "李淑兰", "id_number": ID_NUMBER, "phone": PHONE,
                                          "gender": "女", "birth_date": "1949-12-31"})
    assert privacy.reveal(session, "residents", resident_id, "id_number") == ID_NUMBER
    assert privacy.reveal(session, "residents", resident_id, "phone") == PHONE
    rows = [" ".join(str(v) for v in row) for row in session.db.execute("SELECT * FROM audit_log")]
    text = "\n".join(rows)
    assert "查看完整信息" in text and "110105********002X" in text
    assert ID_NUMBER not in text and PHONE not in text


def test_audit_log_refuses_update_and_delete(session):
    users.first_admin(session.db, "wangli", "王丽", PASSWORD)
    with pytest.raises(sqlite3.IntegrityError, match="只能追加"):
        session.db.execute("UPDATE audit_log SET action = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match="只能追加"):
        session.db.execute("DELETE FROM audit_log")
    assert session.db.execute("SELECT count(*) FROM audit_log").fetchone()[0] >= 1


def test_demo_has_one_user_per_role_and_the_captain_leads_the_team(demo_session):
    db = demo_session.db
    captain = users.authenticate(db, "captain", "captain2026")
    team = db.execute("SELECT id FROM teams WHERE name = '高立庄夕阳红志愿服务队'").fetchone()[0]
    assert captain.role == Role.CAPTAIN and team in captain.team_ids
    for login in ("admin", "staff", "supervisor"):
        assert users.authenticate(db, login, f"{login}2026").role == Role(login)


def test_command_line_resets_a_forgotten_password(db_path, monkeypatch, capsys):
    import io

    from volunteer_app.cli import main
    from volunteer_app.store.connection import open_database

    database = open_database(db_path)
    users.first_admin(database, "wangli", "王丽", PASSWORD)
    database.close()
    monkeypatch.setattr("sys.stdin", io.StringIO("Brand-new-pass-1\n"))
    assert main(["user", "reset-password", "wangli", "--password-stdin", "--db", str(db_path)]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["user", "reset-password", "wangli", "--password-stdin", "--db", str(db_path)]) == 1
    assert "至少要8位" in capsys.readouterr().err
    database = open_database(db_path)
    try:
        assert users.authenticate(database, "wangli", "Brand-new-pass-1").role == Role.ADMIN
    finally:
        database.close()


@pytest.mark.parametrize("login", ["admin", "staff", "captain", "supervisor"])
def test_each_role_logging_out_is_recorded_under_its_own_name(demo_session, login):
    """换人登录 at a shared PC: the audit log tells who left the window, whatever the role."""
    actor = users.authenticate(demo_session.db, login, f"{login}2026")
    users.log_out(Session(demo_session.db, actor))
    last = demo_session.db.execute(
        "SELECT action, user_id, user_name, entity FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    assert last == ("退出登录", actor.user_id, actor.name, "users")


def test_the_command_line_has_no_login_to_log_out_of(demo_session):
    before = demo_session.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    users.log_out(demo_session)         # the built-in administrator
    assert demo_session.db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == before
